"""Notes for the people who prepare a report form, not for the ministry that receives it: that the form's layout
is the project's reconstruction ("Rekonstrukcija: …", 17, 24 and 27) is a comment on the title cell, which
Excel and LibreOffice show on screen and do not print (D36); no cell of a report sheet holds it. The printed
proof is tests/documents/test_report_print_size.py (no page of any report sheet shows it)."""

from __future__ import annotations

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from tests.documents.workbook_values import report_workbooks

RECONSTRUCTED = ("17", "24", "27")


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict[str, openpyxl.Workbook]:
    return report_workbooks(catalogue, "bauska", tmp_path_factory.mktemp("atskaisu-piezimes"))


def _visible(workbooks: dict[str, openpyxl.Workbook]):  # noqa: ANN202
    return [ws for wb in workbooks.values() for ws in wb.worksheets if ws.sheet_state == "visible"]


def test_no_report_cell_holds_a_reconstruction_note(workbooks) -> None:
    found = [f"{ws.title}!{cell.coordinate}" for ws in _visible(workbooks) for row in ws.iter_rows() for cell in row
             if isinstance(cell.value, str) and "rekonstru" in cell.value.lower()]
    assert not found, "piezīme par rekonstrukciju šūnā (tā drukājas): " + ", ".join(found)


@pytest.mark.parametrize("prefix", RECONSTRUCTED)
def test_reconstructed_forms_keep_the_note_as_an_unprinted_comment_on_the_title(workbooks, prefix: str) -> None:
    ws = next(ws for ws in _visible(workbooks) if ws.title.startswith(prefix))
    title = ws["A1"]
    assert isinstance(title.value, str) and title.value.startswith(f"{prefix}. pielikums"), ws.title
    assert title.comment is not None, f"{ws.title}: virsrakstam nav piezīmes"
    assert title.comment.text.startswith("Rekonstrukcija: metodikā"), title.comment.text
    assert "nedrukājas" in title.comment.text
    # Excel prints comments only when the page setup asks for them ("at end" or "as displayed")
    assert ws.page_setup.cellComments in (None, "none"), ws.title


def test_only_the_reconstructed_forms_carry_the_note(workbooks) -> None:
    noted = {ws.title[:2] for ws in _visible(workbooks) for row in ws.iter_rows() for cell in row
             if cell.comment is not None and "Rekonstrukcija" in cell.comment.text}
    assert noted == set(RECONSTRUCTED)
