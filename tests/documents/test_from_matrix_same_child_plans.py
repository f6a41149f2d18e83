"""`ibm documents --from-matrix FOLDER`, several matrices of one child (D144, review6 F1, F2): a second matrix that
is refused for its own reason still stops the other one; a first and a next plan period are two plans, and a plan
that has ended does not block the current one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.xlsxpatch import fill_by_names
from generator.workbook.sheets.technical import rule_row_of
from tests.documents.from_matrix_helpers import funded_child

pytestmark = pytest.mark.slow
KEY = "testa-atslega-tikai-testiem-0123456789"
SAME_CHILD = "tā paša bērna (tas pats personas kods) matrica ir vairākos failos"


def _run(source: Path, out: Path, *extra: str, key: str = KEY):  # noqa: ANN202
    return CliRunner().invoke(main, ["documents", "--from-matrix", str(source), "--out", str(out),
                                     "--day", "01.05.2019", *extra], env={"IBM_PSEUDONIMA_ATSLEGA": key})


def _start(catalogue: Catalogue, tmp_path: Path) -> tuple[Path, dt.datetime]:
    child = funded_child(catalogue, tmp_path / "src")
    return child.path, dt.datetime.combine(child.inputs.period_start, dt.time())


@pytest.mark.usefixtures("pdf_stand_ins")
@pytest.mark.parametrize("key", [KEY, ""])
def test_a_refused_second_matrix_of_the_child_stops_the_other(catalogue: Catalogue, tmp_path: Path,
                                                              key: str) -> None:
    matrix, _ = _start(catalogue, tmp_path)
    source = tmp_path / "mape"
    (source / "balvi").mkdir(parents=True)
    (source / "talsi").mkdir()
    fill_by_names(matrix, source / "balvi" / "a-plans.xlsx", {}, strip_cached=False)
    # the newer, half-edited file of the same child: refused by itself (no municipality)
    fill_by_names(matrix, source / "talsi" / "b-plans-jaunaks.xlsx", {"Pasvaldiba": None}, strip_cached=False)
    out = tmp_path / "out"
    result = _run(source, out, key=key)
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if SAME_CHILD in line]
    assert len(lines) == 2, result.output
    for line in lines:
        assert "a-plans.xlsx" in line and "b-plans-jaunaks.xlsx" in line
    # the file's own reason is kept, naming the cell as the matrix labels it
    assert f"6.1. tabula, B5 „Pašvaldība (kods no kataloga)” (6.11. tabulas {rule_row_of('invalid_input')}. rinda): nav aizpildīts" in result.output
    assert "izveidoti 0" in result.output and "atteikti 2" in result.output
    assert not out.exists() or not any(out.iterdir()), list(out.iterdir())
    heads = [line.split(" (")[0] for line in result.output.splitlines() if line.startswith(("1/2 ", "2/2 "))]
    if key:  # the same child's code on both lines, never a "-2" as if it were another child
        assert {head.split(" ", 1)[1] for head in heads} == {heads[0].split(" ", 1)[1]}, heads
        assert heads[0].split(" ", 1)[1].startswith("B-")
    assert not any(head.endswith("-2") for head in heads), heads


@pytest.mark.usefixtures("pdf_stand_ins")
def test_an_ended_plan_does_not_block_the_current_one(catalogue: Catalogue, tmp_path: Path) -> None:
    matrix, start = _start(catalogue, tmp_path)
    assert start.date() == dt.date(2019, 5, 1)
    source = tmp_path / "mape"
    source.mkdir()
    fill_by_names(matrix, source / "a-plans-2019-05.xlsx", {}, strip_cached=False)
    fill_by_names(matrix, source / "b-plans-2019-04.xlsx", {"Perioda_Sakums": dt.datetime(2019, 4, 1)},
                  strip_cached=False)
    out = tmp_path / "out"
    result = _run(source, out)
    assert SAME_CHILD not in result.output, result.output
    assert result.exit_code == 1, result.output  # the ended plan is refused by itself (D136)
    assert "izveidoti 1" in result.output and "atteikti 1" in result.output
    assert "atbalsta plāna periods jau beidzies – 1" in result.output
    [folder] = [p for p in out.iterdir() if p.is_dir()]
    assert not folder.name.endswith("-2"), folder
    archived = _run(source, tmp_path / "out-arhivam", "--arhivam")
    assert archived.exit_code == 0, archived.output
    assert SAME_CHILD not in archived.output
    names = sorted(p.name for p in (tmp_path / "out-arhivam").iterdir() if p.is_dir())
    assert len(names) == 2 and sum("-arhivs-2019-04-01" in n for n in names) == 1, names


@pytest.mark.usefixtures("pdf_stand_ins")
def test_a_first_and_a_next_period_are_two_plans_but_overlapping_ones_compete(catalogue: Catalogue,
                                                                              tmp_path: Path) -> None:
    matrix, _ = _start(catalogue, tmp_path)
    source = tmp_path / "mape"
    source.mkdir()
    fill_by_names(matrix, source / "a-plans-2019-05.xlsx", {"Perioda_Menesi": 1}, strip_cached=False)
    fill_by_names(matrix, source / "b-plans-2019-06.xlsx", {"Perioda_Sakums": dt.datetime(2019, 6, 1),
                                                           "Perioda_Menesi": 1}, strip_cached=False)
    out = tmp_path / "out"
    result = _run(source, out)
    assert SAME_CHILD not in result.output, result.output
    assert "izveidoti 2" in result.output and result.exit_code == 0, result.output
    # each plan in its own folder, the next one dated by its first day (D315) – never "-2", which says no period
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2 and names[1] == f"{names[0]}-2019-06-01", names
    first = {p.name: p.read_bytes() for p in (out / names[0]).iterdir()}
    assert "Atbalsta plāna periods: 01.05.2019–31.05.2019" in (out / names[0] / "parskats.txt").read_text("utf-8")
    # the next period alone again: it replaces its own folder, the first period's stays byte-identical (before: the
    # next period's papers went into the first period's folder, without a word)
    alone = tmp_path / "tikai-nakamais"
    alone.mkdir()
    (alone / "b-plans-2019-06.xlsx").write_bytes((source / "b-plans-2019-06.xlsx").read_bytes())
    rerun = _run(alone, out)
    assert rerun.exit_code == 0, rerun.output
    assert sorted(p.name for p in out.iterdir()) == names
    assert {p.name: p.read_bytes() for p in (out / names[0]).iterdir()} == first
    said = (f"mapē {out / names[0]} ir cita atbalsta plāna perioda (01.05.2019–31.05.2019) dokumenti – tā palika "
            f"neskarta; šī plāna (01.06.2019–30.06.2019) dokumenti ir mapē {out / names[1]}")
    assert said in " ".join(rerun.output.split()), rerun.output
    assert said in (out / names[1] / "parskats.txt").read_text("utf-8")
    # a third file whose period overlaps the next one: those two compete, the first period is still made
    fill_by_names(matrix, source / "c-plans-2019-06-labots.xlsx", {"Perioda_Sakums": dt.datetime(2019, 6, 1),
                                                                  "Perioda_Menesi": 1,
                                                                  "Socialais_Darbinieks": "Cita Piemēra"},
                  strip_cached=False)
    again = _run(source, tmp_path / "out2")
    assert again.exit_code == 1, again.output
    lines = [line for line in again.output.splitlines() if SAME_CHILD in line]
    assert len(lines) == 2 and all("b-plans-2019-06" in x and "c-plans-2019-06-labots" in x for x in lines)
    assert all("a-plans-2019-05" not in x for x in lines), lines
    assert "izveidoti 1" in again.output and "atteikti 2" in again.output


def test_identical_copies_with_hidden_names_are_named_once_with_their_count(tmp_path: Path) -> None:
    from generator.documents.from_matrix.reading import MatrixReading
    from generator.documents.from_matrix.run import same_child

    folder = tmp_path / "balvi"
    folder.mkdir()
    for name, content in (("Paraugs 010101.xlsx", b"viens"), ("Paraugs 010101 kopija.xlsx", b"viens"),
                          ("labots.xlsx", b"divi")):
        (folder / name).write_bytes(content)
    period = (dt.date(2019, 5, 1), dt.date(2019, 5, 31))
    readings = [MatrixReading(folder / name, "kods", person="01010112345", period=period, digest=digest,
                              hidden_name=hidden)
                for name, digest, hidden in (("Paraugs 010101.xlsx", "a", True),
                                             ("Paraugs 010101 kopija.xlsx", "a", True),
                                             ("labots.xlsx", "b", False))]
    assert same_child(readings, dt.date(2019, 5, 1)) == {}
    line = readings[0].refused[0]
    assert all(r.refused[0] == line for r in readings)
    assert line.count("matrica-") == 1 and "– 2 identiskas kopijas" in line and "labots.xlsx" in line, line
    assert "Paraugs" not in line and "010101" not in line


@pytest.mark.usefixtures("pdf_stand_ins")
def test_the_first_period_gets_the_code_when_its_file_name_sorts_last(catalogue: Catalogue, tmp_path: Path) -> None:
    """D323 (audit L7): the next period's file first in name order – the first period still gets ``<kods>`` and the
    next one the dated folder (before: whichever file came first took ``<kods>``)."""
    matrix, _ = _start(catalogue, tmp_path)
    source = tmp_path / "mape"
    source.mkdir()
    fill_by_names(matrix, source / "a-plans-2019-06.xlsx", {"Perioda_Sakums": dt.datetime(2019, 6, 1),
                                                           "Perioda_Menesi": 1}, strip_cached=False)
    fill_by_names(matrix, source / "b-plans-2019-05.xlsx", {"Perioda_Menesi": 1}, strip_cached=False)
    out = tmp_path / "out"
    result = _run(source, out)
    assert "izveidoti 2" in result.output and result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2 and names[1] == f"{names[0]}-2019-06-01", names
    assert "Atbalsta plāna periods: 01.05.2019–31.05.2019" in (out / names[0] / "parskats.txt").read_text("utf-8")
