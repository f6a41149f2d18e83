"""No child's personal code or name from a file name on the console of `ibm collect`."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.ministry.console_names import shown_path
from tests.ministry.conftest import KEY


def test_shown_path_hides_codes_and_names() -> None:
    assert shown_path("jelgava/Paraugs 010101-21234.xlsx", "ab" * 32) == "jelgava/matrica-abababababab.xlsx"
    assert shown_path("jelgava/Zane Paraugs.xlsx", "cd" * 32, "Zane Paraugs", "") == "jelgava/matrica-cdcdcdcdcdcd.xlsx"
    assert shown_path("jelgava/matrica-007.xlsx", "ab" * 32, "Zane Paraugs", "010101-21234") == "jelgava/matrica-007.xlsx"


def test_collect_prints_no_personal_code_or_name(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    child = children[0]
    folder = tmp_path / "matricas" / child.municipality
    folder.mkdir(parents=True)
    named = folder / f"{child.name} {child.code}.xlsx"
    named.write_bytes(child.path.read_bytes())
    (folder / f"{child.name} 020202-21234.xlsx").write_bytes(b"nav zip")
    result = CliRunner().invoke(main, ["collect", str(tmp_path / "matricas"), "--out", str(tmp_path / "r" / "k.xlsx"),
                                       "--jobs", "1", "--no-cache"], env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert result.exit_code == 3, result.output
    assert child.code not in result.output and "020202" not in result.output
    assert child.code[:6] not in result.output and child.name not in result.output
    assert f"{child.municipality}/matrica-" in result.output
    assert "Izmantota 1 matrica, neizmantota 1" in result.output


def test_a_name_hidden_once_stays_hidden_when_the_result_comes_from_the_cache(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    child = children[1]
    other = next(c.municipality for c in children if c.municipality != child.municipality)
    folder = tmp_path / "matricas" / other  # a folder warning names the file on the console
    folder.mkdir(parents=True)
    (folder / f"{child.name}.xlsx").write_bytes(child.path.read_bytes())
    (folder / "bojata.xlsx").write_bytes(b"nav zip")  # one refusal, so that the refused list is printed too
    surname = child.name.split()[1]
    for _ in range(2):
        result = CliRunner().invoke(main, ["collect", str(tmp_path / "matricas"), "--out", str(tmp_path / "r" / "k.xlsx"),
                                           "--jobs", "1"], env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
        assert result.exit_code == 3, result.output
        assert surname not in result.output
        assert f"{other}/matrica-" in result.output
    assert (tmp_path / "r" / ".ibm-collect-cache.sqlite").exists()


def test_a_folder_named_after_the_child_is_hidden_too() -> None:
    digest = "ef" * 32
    assert shown_path("liepaja/Zane Paraugs/plans.xlsx", digest, "Zane Paraugs", "") == "liepaja/…/matrica-efefefefefef.xlsx"
    assert shown_path("liepaja/010101-21234/x.xlsx", digest) == "liepaja/…/matrica-efefefefefef.xlsx"
    assert shown_path("liepaja/2019/plans.xlsx", digest, "Zane Paraugs", "010101-21234") == "liepaja/2019/plans.xlsx"
    assert shown_path("liepaja/2019/plans.xlsx", digest, hide=True, hide_subfolders=True) == \
        "liepaja/…/matrica-efefefefefef.xlsx"


def test_collect_hides_a_childs_folder_also_from_the_cache(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    """One folder per child inside the municipality's folder (D221): the name is kept out of the console and the
    summary's file columns, on the first run and on the next one, whose results come from the cache."""
    import zipfile

    _, children = small_folder
    child = children[2]
    other = next(c.municipality for c in children if c.municipality != child.municipality)
    folder = tmp_path / "matricas" / other / child.name  # a folder warning names the file on the console
    folder.mkdir(parents=True)
    (folder / "plans.xlsx").write_bytes(child.path.read_bytes())
    surname = child.name.split()[1]
    for _ in range(2):
        result = CliRunner().invoke(main, ["collect", str(tmp_path / "matricas"), "--out", str(tmp_path / "r" / "k.xlsx"),
                                           "--jobs", "1"], env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
        assert result.exit_code == 0, result.output
        assert surname not in result.output and f"{other}/…/matrica-" in result.output, result.output
        with zipfile.ZipFile(tmp_path / "r" / "k.xlsx") as z:
            text = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml")).decode("utf-8")
        assert surname not in text and f"{other}/…/matrica-" in text
    assert "No kešatmiņas" in result.output


def test_collect_hides_the_name_of_every_refused_matrix(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    """A matrix refused for its inputs or its template, and a damaged copy, named after the child: the console never
    shows the name (audit35b F1), however early the file is refused."""
    from generator.ministry.xlsxpatch import fill_by_names

    _, children = small_folder
    bad_input, old_template, damaged = children[3], children[4], children[5]
    folder = tmp_path / "matricas" / bad_input.municipality
    folder.mkdir(parents=True)
    fill_by_names(bad_input.path, folder / f"{bad_input.name}.xlsx", {"Perioda_Menesi": 99})
    fill_by_names(old_template.path, folder / f"{old_template.name} vecā.xlsx", {"IBM_Versija": "20190101-00000000.1"})
    (folder / f"{damaged.name} kopija.xlsx").write_bytes(damaged.path.read_bytes()[:3000])  # a truncated copy
    (folder / "lietots.xlsx").write_bytes(children[0].path.read_bytes())
    result = CliRunner().invoke(main, ["collect", str(tmp_path / "matricas"), "--out", str(tmp_path / "r" / "k.xlsx"),
                                       "--jobs", "1", "--no-cache"], env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert "neizmantotas 3" in result.output, result.output
    for child in (bad_input, old_template, damaged):
        for word in child.name.split():
            assert len(word) < 3 or word not in result.output, (word, result.output)
    assert result.output.count(f"{bad_input.municipality}/matrica-") >= 3, result.output


def test_a_parents_name_or_a_date_in_a_file_name_is_hidden() -> None:
    digest = "ab" * 32
    hashed = "ogre/matrica-abababababab.xlsx"
    assert shown_path("ogre/ogre-2 (berns dz. 03.02.2006).xlsx", digest) == hashed
    assert shown_path("ogre/plans 3.2.2006.xlsx", digest) == hashed
    assert shown_path("ogre/plans 2006-02-03.xlsx", digest) == hashed
    assert shown_path("ogre/Ojārs Vecākais - vecāks.xlsx", digest, "Zane Paraugs Ojārs Vecākais", "") == hashed
    assert shown_path("ogre/plans-2.xlsx", digest, "Zane Paraugs Ojārs Vecākais", "010101-21234") == "ogre/plans-2.xlsx"


def test_collect_hides_a_parents_name_and_a_birth_date_in_file_names(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    """Copies of one matrix named after the parent and with the child's birth date: neither the console nor the
    summary's notes on files (where the copies are listed) show them (audit35b F3)."""
    import zipfile

    from generator.ministry.xlsxpatch import fill_by_names

    _, children = small_folder
    child = children[6]
    folder = tmp_path / "matricas" / child.municipality
    folder.mkdir(parents=True)
    original = fill_by_names(child.path, folder / "plans.xlsx", {"Vecaks_VardsUzvards": "Ojārs Vecākais"})
    (folder / "Ojārs Vecākais - vecāks.xlsx").write_bytes(original.read_bytes())
    (folder / "plans (dz. 03.02.2006).xlsx").write_bytes(original.read_bytes())
    result = CliRunner().invoke(main, ["collect", str(tmp_path / "matricas"), "--out", str(tmp_path / "r" / "k.xlsx"),
                                       "--jobs", "1", "--no-cache"], env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "r" / "k.xlsx") as z:
        text = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml")).decode("utf-8")
    assert text.count(f"{child.municipality}/matrica-") >= 2
    for shown in (result.output, text):
        assert "Ojārs" not in shown and "Vecākais" not in shown and "03.02.2006" not in shown


def test_two_hidden_copies_are_not_said_to_be_copies_of_themselves(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    """Byte-identical files whose names are both hidden show one hash: the note says another copy is there, not
    „matrica-X: tas pats fails kā matrica-X”."""
    _, children = small_folder
    child = children[7]
    folder = tmp_path / "matricas" / child.municipality
    folder.mkdir(parents=True)
    (folder / f"{child.name}.xlsx").write_bytes(child.path.read_bytes())
    (folder / f"{child.name} - kopija.xlsx").write_bytes(child.path.read_bytes())
    result = CliRunner().invoke(main, ["collect", str(tmp_path / "matricas"), "--out", str(tmp_path / "r" / "k.xlsx"),
                                       "--jobs", "1", "--no-cache"], env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "kopija (identiska pa baitam" in x)
    assert line.startswith(f"Piezīme: {child.municipality}/matrica-") and " kā " not in line, line
    assert "fails izmantots vienreiz" in line and "var būt personas dati" in line, line
