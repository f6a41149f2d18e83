"""A month cell after the plan's last month must stay empty (D304). The readers (`ibm collect`, `ibm documents
--from-matrix`) name a number typed there by its cell – sheet and address with its month and line, as every other
message names its cell – not by the line's whole rows of 6.6 and 6.10; and a date (or a day's serial) pasted there is
told to be cleared, not to be typed again as a number (DATE_FORMAT_ADVICE, SERIAL_ADVICE) – and so is any other value
there, a text or a negative number, in the same words (D313), not with what a month of the plan expects
(„gaidīts: skaitlis ≥ 0 …”)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.places import finding_places
from generator.ministry.matrix import AFTER_PERIOD_ADVICE, DATE_FORMAT_ADVICE, Matrix, read_child
from generator.reference.date_serials import SERIAL_ADVICE, day_serial
from generator.reference.findings import Finding, Severity
from generator.workbook.layout import line_offset


def _matrix(small_folder, tmp_path: Path) -> tuple[Path, int, int]:  # noqa: ANN001
    """A copy of a filled matrix whose plan is shorter than the month columns, its months and a counted line."""
    _, children = small_folder
    for child in children:
        m = Matrix.open(child.path)
        months, cols = int(m.scalar("Perioda_Menesi")), m.refs["Fakt_Summa"].cols
        lines = [i for i, ln in enumerate(child.inputs.lines) if ln.counted]
        if months < cols and lines:
            path = tmp_path / "matrica.xlsx"
            shutil.copyfile(child.path, path)
            return path, months, lines[0]
    raise AssertionError("no plan shorter than the month columns")


def _set(path: Path, name: str, line: int, col: int, value: object, number_format: str | None = None) -> str:
    wb = load_workbook(path)
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    first = wb[sheet][ref.replace("$", "").split(":")[0]]
    cell = wb[sheet].cell(first.row + line_offset(line), first.column + col)
    cell.value = value
    if number_format:
        cell.number_format = number_format
    wb.save(path)
    return f"{sheet}!{cell.coordinate}"


def test_a_number_after_the_period_is_named_by_its_cell(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    path, months, line = _matrix(small_folder, tmp_path)
    where = _set(path, "Fakt_Summa", line, months, 25)
    sheet, address = where.split("!")
    finding = Finding("outside_period", Severity.error, f"{line + 1}. rindā ir vērtības pēc perioda {months}. mēneša.",
                      (line,))
    places = finding_places(Matrix.open(path), finding)
    assert len(places) == 1 and places[0][0] == sheet and places[0][1].startswith(f"{address} „"), places
    assert f"{months + 1}. mēnesis" in places[0][1] and f"{line + 1}. rinda" in places[0][1], places
    assert ":" not in places[0][1].split(" ")[0], places  # a cell, not the line's range of months


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_date_after_the_period_is_told_to_be_cleared(small_folder, catalogue: Catalogue,  # noqa: ANN001
                                                      tmp_path: Path) -> None:
    path, months, line = _matrix(small_folder, tmp_path)
    after = _set(path, "Fakt_Daudzums", line, months, dt.datetime(2027, 1, 15), "mm-dd-yy")
    serial = _set(path, "Fakt_Summa", line, months, day_serial(dt.date(2027, 1, 15)))
    within = _set(path, "Fakt_Summa", line, 0, dt.datetime(2027, 1, 15), "mm-dd-yy")
    _, problems = read_child(Matrix.open(path), catalogue, strict=False)
    said = {cell: [p for p in problems if p.startswith(f"{cell} ")] for cell in (after, serial, within)}
    assert all(len(found) == 1 for found in said.values()), (said, problems)
    for cell in (after, serial):
        assert said[cell][0].endswith(AFTER_PERIOD_ADVICE), said[cell]
        assert DATE_FORMAT_ADVICE not in said[cell][0] and SERIAL_ADVICE not in said[cell][0], said[cell]
        assert "ierakstiet skaitli" not in said[cell][0].lower() and "(gaidīts: tukša šūna)" in said[cell][0], said[cell]
    assert said[within][0].endswith(DATE_FORMAT_ADVICE), said[within]  # a month of the plan: typed again


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_any_value_after_the_period_is_told_to_be_cleared_alike(small_folder, catalogue: Catalogue,  # noqa: ANN001
                                                              tmp_path: Path) -> None:
    path, months, line = _matrix(small_folder, tmp_path)
    text = _set(path, "Men_Daudzums", line, months, "20,5")
    negative = _set(path, "Fakt_Daudzums", line, months, -3)
    payment = _set(path, "Fakt_Summa", line, months, "25 eur")
    within = _set(path, "Men_Daudzums", line, 0, "20,5")
    _, problems = read_child(Matrix.open(path), catalogue, strict=False)
    said = {cell: [p for p in problems if p.startswith(f"{cell} ")] for cell in (text, negative, payment, within)}
    assert all(len(found) == 1 for found in said.values()), (said, problems)
    for cell in (text, negative, payment):
        assert said[cell][0].endswith(f"(gaidīts: tukša šūna). {AFTER_PERIOD_ADVICE}"), said[cell]
        assert said[cell][0].count("gaidīts") == 1 and "skaitlis" not in said[cell][0].split("(gaidīts")[1], said[cell]
    assert "ievadīts teksts „20,5”" in said[text][0] and "ievadīts -3" in said[negative][0], said
    assert AFTER_PERIOD_ADVICE not in said[within][0] and "(gaidīts: skaitlis ≥ 0" in said[within][0], said[within]
