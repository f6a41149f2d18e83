"""6.1's case fields no amount depends on have defined names (D317), so that `ibm documents --from-matrix` reads them
without a cell address (D16): the social worker's phone and e-mail (B9), the day the case was opened (B10) and the
parent's personal code (B28). Each is an unlocked input cell checked as its kind's other inputs are – the personal
code by the child's code's rule, the date by the other dates' – and reads back what was typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from generator.documents.from_matrix.case_fields import (
    CASE_OPENED,
    PARENT_CODE,
    WORKER_CONTACTS,
    read_case_fields,
)
from generator.ministry.matrix import Matrix
from generator.workbook.layout import INTERFACE_NAMES
from generator.workbook.names import resolve, write
from generator.workbook.sheets.personal import FIELDS
from tests.workbook.kept_book import kept_book

CELLS = {WORKER_CONTACTS: "B9", CASE_OPENED: "B10", PARENT_CODE: "B28"}
LIKE = {PARENT_CODE: "Berns_PersonasKods", CASE_OPENED: "Berns_DzimsanasDatums"}  # validated as these are


def _validation(ws, cell: str):  # noqa: ANN001, ANN202 - openpyxl objects
    found = [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) == 1, (cell, found)
    return found[0]


def test_the_names_point_at_the_labelled_input_cells(templates) -> None:  # noqa: ANN001 - fixture
    wb = kept_book(templates[None])
    ws = wb["6.1"]
    labels = {name: label for row, label, _, name, _, _ in FIELDS if name}
    for name, cell in CELLS.items():
        rng = resolve(wb.defined_names, name)
        assert (rng.sheet, rng.min_row, rng.min_col, rng.max_row, rng.max_col) == (
            "6.1", int(cell[1:]), 2, int(cell[1:]), 2), name
        assert ws[f"A{cell[1:]}"].value == labels[name]
        assert ws[cell].protection.locked is False, name
        assert name not in INTERFACE_NAMES  # outside the interface (version 2 unchanged), as the parent's name
    for name, like in LIKE.items():
        at = resolve(wb.defined_names, like)
        mine, theirs = _validation(ws, CELLS[name]), _validation(ws, f"B{at.min_row}")
        assert (mine.type, mine.operator, mine.error) == (theirs.type, theirs.operator, theirs.error), name
        assert mine.formula1.replace(CELLS[name], "X") == theirs.formula1.replace(f"B{at.min_row}", "X"), name


def test_the_site_lists_names_the_template_has_and_the_papers_read(templates) -> None:  # noqa: ANN001 - fixture
    from generator.documents.from_matrix import case_fields, reading
    from generator.site.workbook_names import DOCUMENT_NAMES

    wb = kept_book(templates[None])
    for name, (sheet, _) in DOCUMENT_NAMES.items():
        assert resolve(wb.defined_names, name).sheet == sheet, name
    assert set(DOCUMENT_NAMES) == {reading.PARENT_NAME, reading.SOCIAL_WORKER, case_fields.PARENT_CODE,
                                   case_fields.WORKER_CONTACTS, case_fields.CASE_OPENED}


def test_what_is_typed_reads_back_through_the_names(templates, tmp_path: Path) -> None:  # noqa: ANN001 - fixture
    wb = load_workbook(templates[None])
    write(wb, PARENT_CODE, "120380-19999")  # fictional
    write(wb, WORKER_CONTACTS, "67000000,  darbiniece@piemers.lv")
    write(wb, CASE_OPENED, dt.date(2018, 3, 14))
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    found = read_case_fields(Matrix.open(path))
    assert (found.parent_code, found.worker_contacts, found.case_opened, found.problems) == (
        "120380-19999", "67000000, darbiniece@piemers.lv", "14.03.2018", [])
    blank = read_case_fields(Matrix.open(templates[None]))
    assert (blank.parent_code, blank.worker_contacts, blank.case_opened, blank.problems) == ("", "", "", [])
