"""`ibm documents --from-matrix FOLDER` with two matrices of one child (the same personal code): neither gets
papers, both lines name both files and the run ends with status 1; a byte-identical copy makes one set only;
.xls/.ods files and a broken link are named as refused, not passed over (audit27 F13, F4, F5, D144)."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.reading import file_code
from generator.ministry.xlsxpatch import fill_by_names
from generator.ministry.xlsxread import NOT_ZIP_TEXT
from tests.documents.from_matrix_helpers import funded_child

pytestmark = pytest.mark.slow
KEY = "testa-atslega-tikai-testiem-0123456789"


def _run(*args: str):  # noqa: ANN202
    return CliRunner().invoke(main, ["documents", *map(str, args), "--day", "01.01.2018"],
                              env={"IBM_PSEUDONIMA_ATSLEGA": KEY})


def _two_files_of_one_child(catalogue: Catalogue, tmp_path: Path, second: str, changed: dict[str, str]):  # noqa: ANN202
    """One fictional child's matrix as "a-plans.xlsx" and, with ``changed`` names, as ``second`` in one municipality's
    folder; the child, the output folder and the result of `ibm documents --from-matrix` on the folder."""
    child = funded_child(catalogue, tmp_path / "src")
    source = tmp_path / "mape" / "balvi"
    source.mkdir(parents=True)
    fill_by_names(child.path, source / "a-plans.xlsx", {}, strip_cached=False)
    fill_by_names(child.path, source / second, changed, strip_cached=False)
    out = tmp_path / "out"
    return child, out, _run("--from-matrix", tmp_path / "mape", "--out", out)


@pytest.mark.usefixtures("pdf_stand_ins")
def test_two_different_matrices_of_one_child_are_both_refused(catalogue: Catalogue, tmp_path: Path) -> None:
    child, out, result = _two_files_of_one_child(catalogue, tmp_path, "b-plans-labots.xlsx",
                                                 {"Socialais_Darbinieks": "Cita Piemēra"})
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if "tā paša bērna (tas pats personas kods) matrica ir vairākos failos" in line]
    assert len(lines) == 2, result.output
    for line in lines:
        assert "a-plans.xlsx" in line and "b-plans-labots.xlsx" in line
    assert "atteikti 2" in result.output and "tā paša bērna matrica vairākos failos – 2" in result.output
    # no second folder "B-…-2" (the temporary folder's own name, "pytest-2…", is not one)
    assert "-2" not in result.output.replace(str(tmp_path), "").replace("2/2", "")
    assert not out.exists() or not any(out.iterdir()), list(out.iterdir())


@pytest.mark.usefixtures("pdf_stand_ins")
def test_a_byte_identical_copy_makes_one_set_and_other_files_are_named(catalogue: Catalogue, tmp_path: Path) -> None:
    child = funded_child(catalogue, tmp_path / "src")
    source = tmp_path / "mape"
    source.mkdir()
    (source / "matrica.xlsx").write_bytes(child.path.read_bytes())
    (source / "kopija matrica.xlsx").write_bytes(child.path.read_bytes())
    (source / "veca.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (source / "cita.ods").write_bytes(b"PK")
    (source / "salauzta.xlsx").symlink_to(tmp_path / "nav-tada")
    out = tmp_path / "out"
    result = _run("--from-matrix", source, "--out", out)
    assert result.exit_code == 1, result.output  # the three files that are no matrices are refused
    assert "izlaists: tas pats fails (identisks pa baitam)" in result.output, result.output
    # „kopija matrica.xlsx” sorts first, but its name says it is the copy: the papers are made from the other (D214)
    skipped = f"({(source / 'kopija matrica.xlsx').as_posix()}): izlaists: tas pats fails (identisks pa baitam) kā " \
              f"{(source / 'matrica.xlsx').as_posix()}"
    assert skipped in result.output, result.output
    assert "izlaistas identiskas kopijas – 1" in result.output
    assert "izveidoti 1" in result.output and "atteikti 3" in result.output
    assert len([p for p in out.iterdir() if p.is_dir()]) == 1
    # files that cannot be opened as a matrix are named by their hash (D221); one that cannot even be read by a
    # neutral name with its inode number (audit37a F12: before, it kept its own name, which may show the child)
    for name in ("veca.xls", "cita.ods"):
        assert f"matrica-{file_code(source / name)}" in result.output and name not in result.output, result.output
    inode = (source / "salauzta.xlsx").lstat().st_ino
    assert "paplašinājums „.xls”" in result.output and "salauzta.xlsx" not in result.output
    assert f"matrica-nenolasāms-{inode}.xlsx; atrodams ar find {shlex.quote(source.as_posix())} -inum {inode}" in result.output
    # a link to no file: said and counted as collect says it (audit35b F9e), not „fails vai mape nav atrasta” among
    # „nepilnīgi vai nederīgi ievaddati”
    assert "saite uz neesošu failu – ievietojiet mapē pašu matricas failu" in result.output, result.output
    assert "nepilnīgi vai nederīgi ievaddati" not in result.output and "nav IBM matrica – 3" in result.output, \
        result.output


@pytest.mark.usefixtures("pdf_stand_ins")
@pytest.mark.parametrize("key", [KEY, ""])
def test_the_refusal_names_this_childs_folders_of_earlier_runs(catalogue: Catalogue, tmp_path: Path,
                                                               key: str) -> None:
    """review6 F10: an earlier run's folders of the child (`<kods>`, `<kods>-2`, another period's dated one, D315, an
    older version's set aside) stand in --out when a later run refuses the child's competing matrices: the refusal
    names them – only them (not a folder without the command's marker, not another child's) and never the child's
    name or personal code."""
    child = funded_child(catalogue, tmp_path / "src")
    source = tmp_path / "mape"
    source.mkdir()
    fill_by_names(child.path, source / "a-plans.xlsx", {}, strip_cached=False)
    out = tmp_path / "out"
    env = {"IBM_PSEUDONIMA_ATSLEGA": key}
    first = CliRunner().invoke(main, ["documents", "--from-matrix", str(source), "--out", str(out), "--day",
                                      "01.01.2018"], env=env)
    assert first.exit_code == 0, first.output
    [made] = out.iterdir()
    marker = next(p.name for p in made.iterdir() if p.name.startswith("."))
    for name in (f"{made.name}-2", f"{made.name}-2018-07-01", f"{made.name}-iepriekseja-versija-01.12.2017",
                 "cits-berns"):
        (out / name).mkdir()
        (out / name / marker).write_text("", encoding="utf-8")
    (out / f"{made.name}-3").mkdir()  # no marker: not the command's folder
    fill_by_names(child.path, source / "b-plans-labots.xlsx", {"Socialais_Darbinieks": "Cita Piemēra"},
                  strip_cached=False)
    result = CliRunner().invoke(main, ["documents", "--from-matrix", str(source), "--out", str(out), "--day",
                                       "01.01.2018"], env=env)
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if "matrica ir vairākos failos" in line]
    named = (f"šī bērna iepriekšējo palaišanu mapes: {made}, {out / (made.name + '-2')}, "
             f"{out / (made.name + '-2018-07-01')}, "
             f"{out / (made.name + '-iepriekseja-versija-01.12.2017')} – pārbaudiet, kura ir spēkā")
    assert len(lines) == 2 and all(named in line for line in lines), result.output
    assert "cits-berns" not in result.output and f"{made.name}-3" not in result.output
    assert child.name.split()[0] not in result.output and child.people.child_code[:6] not in result.output


@pytest.mark.usefixtures("pdf_stand_ins")
def test_a_matrix_of_an_unknown_template_is_grouped_with_the_childs_other(catalogue: Catalogue,
                                                                           tmp_path: Path) -> None:
    """review7 R7-8: a file refused for its template version, before its data is read, still names its child by the
    personal code's defined name: it is one of the child's matrices, so neither gets papers (D144) – before, the other
    file got a signable set while the worker's newer copy was only refused for its version."""
    _, out, result = _two_files_of_one_child(catalogue, tmp_path, "b-plans-vecs.xlsx",
                                             {"IBM_Versija": "2018-08-01+00000000"})
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if "tā paša bērna (tas pats personas kods) matrica ir vairākos failos" in line]
    assert len(lines) == 2 and all("a-plans.xlsx" in line and "b-plans-vecs.xlsx" in line for line in lines), result.output
    assert "nav veidņu reģistrā" in result.output  # the file's own reason is kept after it
    assert "atteikti 2" in result.output and "izveidoti 0" in result.output
    assert "nav sasaistīts ne ar vienu bērnu" not in result.output
    assert not out.exists() or not any(out.iterdir()), list(out.iterdir())


@pytest.mark.usefixtures("pdf_stand_ins")
def test_a_file_whose_child_cannot_be_read_is_to_be_checked_by_hand(catalogue: Catalogue, tmp_path: Path) -> None:
    """review7 R7-8: an IBM matrix whose child cannot be read cannot be matched to a child: its refusal says so and
    asks the worker to check by hand whose matrix it is; the readable matrix gets its papers. review9: a file that
    is no IBM matrix at all (not a ZIP, or an ordinary workbook without the IBM names) is refused as such, without
    that line – it is no child's matrix to be matched."""
    from openpyxl import Workbook

    child = funded_child(catalogue, tmp_path / "src")
    source = tmp_path / "mape"
    source.mkdir()
    (source / "matrica.xlsx").write_bytes(child.path.read_bytes())
    fill_by_names(child.path, source / "bez-koda.xlsx", {"Berns_PersonasKods": None}, strip_cached=False)
    (source / "bojata.xlsx").write_bytes(child.path.read_bytes()[:5000])  # cut off: not a ZIP any more
    tame = Workbook()
    tame.active["A1"] = "Tāme"
    tame.save(source / "tame.xlsx")
    out = tmp_path / "out"
    result = _run("--from-matrix", source, "--out", out)
    assert result.exit_code == 1, result.output
    assert "izveidoti 1" in result.output and "atteikti 3" in result.output, result.output

    def refusal(name: str) -> list[str]:  # a file shown by its hash says how it is found in the same brackets
        lines = result.output.splitlines()
        at = next((i for i, line in enumerate(lines)
                   if "): atteikts" in line and (f"{name})" in line or f"{name};" in line)), None)
        assert at is not None, (name, result.output)
        block = lines[at + 1:]
        return block[:next((i for i, line in enumerate(block) if not line.startswith("    ")), len(block))]

    assert refusal("bez-koda.xlsx")[-1] == (
        "    šis fails nav sasaistīts ne ar vienu bērnu (bērna personas kodu no tā nevar nolasīt): pārbaudiet ar roku, "
        "kura bērna matrica tā ir un vai šim bērnam mapē nav vēl citas matricas (6.1. tabula, B14 „Personas kods”)"), \
        result.output
    # cut off, it cannot be opened as a matrix: named by its hash (D221)
    assert refusal(f"matrica-{file_code(source / 'bojata.xlsx')}.xlsx") == ["    " + NOT_ZIP_TEXT], result.output
    assert "bojata" not in result.output
    # a workbook with no child's name or code in it is named by its hash too: its name cannot be checked (D221)
    assert refusal(f"matrica-{file_code(source / 'tame.xlsx')}.xlsx") == [
        "    nav IBM matrica (darbgrāmatā nav definēto nosaukumu IBM_Saskarne un IBM_Versija)"], result.output
    assert result.output.count("nav sasaistīts ne ar vienu bērnu") == 1
