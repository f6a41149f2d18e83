"""The registers' hint on how to open more rows ("+" left of the row numbers, outline buttons) is for the screen
only: a comment of the cell above the rows, which neither Excel nor LibreOffice prints, never a cell's text; the
red warning that a filled row is hidden stays in that cell (on screen and on paper; D215). Sheets 17, 24, 28 and
35–38. The printed proofs: tests/documents/test_register_print.py and test_annex_register_print.py."""

from __future__ import annotations

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import row_groups
from tests.documents.workbook_values import report_workbooks

HINTED = ("17", "24", "28", "35", "36", "37", "38")
BUTTON = "„+” pa kreisi no rindu numuriem"  # what every hint tells


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> list:
    books = report_workbooks(catalogue, "jelgava", tmp_path_factory.mktemp("ekrana-norades"))
    return [ws for wb in books.values() for ws in wb.worksheets if ws.sheet_state == "visible"]


def _cells(ws: openpyxl.worksheet.worksheet.Worksheet):  # noqa: ANN202
    return [cell for row in ws.iter_rows() for cell in row]


def test_no_cell_prints_the_hint(sheets: list) -> None:
    """A cell's text prints; the hint's words may stand in a cell only inside the warning."""
    found = [f"{ws.title}!{c.coordinate}" for ws in sheets for c in _cells(ws)
             if isinstance(c.value, str) and BUTTON in c.value.replace(f'"{row_groups.WARNING}"', "")]
    assert not found, "norāde par „+” šūnā (tā drukājas): " + ", ".join(found)


@pytest.mark.parametrize("prefix", HINTED)
def test_the_hint_is_the_warning_cells_comment(sheets: list, prefix: str) -> None:
    ws = next(ws for ws in sheets if ws.title.startswith(prefix + " "))
    warned = [c for c in _cells(ws) if isinstance(c.value, str) and row_groups.WARNING in c.value]
    # register 28 says it again beside its total and signatures, on the page that is signed (D376)
    assert len(warned) == (2 if prefix == "28" else 1), f"{ws.title}: {len(warned)} šūnas ar brīdinājumu"
    for cell in warned:
        assert cell.value.startswith("=IF(") and cell.value.endswith(',"")'), cell.value  # empty while no row hides
    cell = min(warned, key=lambda c: c.row)  # the cell above the rows
    assert cell.comment is not None and BUTTON in cell.comment.text, f"{ws.title}!{cell.coordinate}"
    assert "nedrukājas" in cell.comment.text
    # Excel prints comments only when the page setup asks for them ("at end" or "as displayed")
    assert ws.page_setup.cellComments in (None, "none"), ws.title
