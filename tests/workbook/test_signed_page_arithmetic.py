"""The page arithmetic of D96/D197 on the template itself, without printing: where LibreOffice ends the pages of the
landscape signed annexes (6.3, 6.5, 6.6) follows from their row heights alone, so the rule "the block after the plan
rows and the signatures print on the page of the last open row" is checked here for every count of open rows that
the outline groups give (5, 10, …, 40), in the quick test run. tests/workbook/test_signed_page_rows.py proves the
same from LibreOffice's PDF (slow); this test names the heights that break it.

The model, measured with LibreOffice 7.4 (D197): rows are drawn in whole pixels (0,75 pt; a height in points rounds
to the nearest pixel, as Excel does), the page's body holds 730 px (A4 landscape with the signed annexes' margins,
header and footer), rows 1–2 print on the first page only and rows 3–8 on every page, and a page takes the next row
while it fits. On main before D197 it failed for 6.5 and 6.6 with 15 and 35 open rows, as the PDF did."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from generator.workbook import spacers
from generator.workbook.layout import SPACER_LINES
from generator.workbook.sheets.plan_rows import STEP
from tests.workbook.kept_book import kept_book
from tests.workbook.print_lengths import LAY, pages, row_px
from tests.workbook.signed_pages import SIGNED, STRUCK_ONLY

LANDSCAPE_SIGNED = ("6.3", "6.5", "6.6")


@pytest.mark.parametrize("sheet", LANDSCAPE_SIGNED)
def test_the_block_after_the_rows_prints_with_the_last_open_row(templates: dict[str | None, Path],
                                                                sheet: str) -> None:
    ws = kept_book(templates["liepaja"])[sheet]
    tail_first = LAY.plan_last + 1
    wrong = []
    for lines in range(STEP, LAY.plan_rows + 1, STEP):
        last_page = pages(ws, lines)[-1]
        if LAY.plan_row(lines - 1) not in last_page or last_page[-1] < tail_first:
            wrong.append(lines)
        elif any(r >= tail_first for p in pages(ws, lines)[:-1] for r in p):
            wrong.append(lines)
    assert not wrong, f"{sheet}: ar {wrong} atvērtām rindām paraksti nav vienā lappusē ar pēdējo plāna rindu"


def _filled_spacers(ws: Worksheet) -> list[int]:
    """The lines whose spacer row fills a page (more than a hairline)."""
    return [s for s in SPACER_LINES if row_px(ws, LAY.plan_row(s) - 1) > spacers.SPACER_PX]


def test_the_model_is_the_measured_one(templates: dict[str | None, Path]) -> None:
    """With every group open, each page after the first starts with the group a filled spacer row opens (D288;
    before the spacers, bench/signed_pages.py measured with LibreOffice for 40 open rows pages starting at 6.3: 1, 10,
    30; 6.5: 1, 15, 30; 6.6: 1, 20, 40 – the rule D197 fitted the model to)."""
    wb = kept_book(templates["liepaja"])
    for sheet in SIGNED:
        firsts = [1, *(s + 1 for s in _filled_spacers(wb[sheet]))]
        lines = {LAY.plan_row(i): i + 1 for i in range(LAY.plan_rows)}
        got = [next(lines[r] for r in p if r in lines) for p in pages(wb[sheet], LAY.plan_rows)
               if any(r in lines for r in p)]
        assert got == firsts, f"{sheet}: {got}"


@pytest.mark.parametrize("sheet", SIGNED)
def test_struck_only_signature_pages_are_the_listed_ones(templates: dict[str | None, Path], sheet: str) -> None:
    """For every plan length 1..40 (the groups of 5 rows opened as a program opens them), the model's signature page
    holds a used plan row except for exactly the lengths signed_pages.STRUCK_ONLY lists (none since the spacer rows,
    D288) – the quick run's check of what tests/workbook/test_signed_page_rows.py measures with LibreOffice, so that a
    height that adds a length fails here too. Before the spacer rows (D288) it listed 28 lengths."""
    ws = kept_book(templates["liepaja"])[sheet]
    struck_only = set()
    for lines in range(1, LAY.plan_rows + 1):
        last_page = pages(ws, lines)[-1]
        if not any(LAY.plan_row(i) in last_page for i in range(lines)):
            struck_only.add(lines)
    assert struck_only == STRUCK_ONLY[sheet], f"{sheet}: {sorted(struck_only)}"


def test_the_spacer_lines_are_those_the_signed_annexes_need(templates: dict[str | None, Path]) -> None:
    """Layout.spacers (one set for every spaced sheet) is exactly the union of the spacers the page model fills on the
    four signed annexes: a spacer no annex needs is not kept, and one that a changed height needs fails here."""
    wb = kept_book(templates["liepaja"])
    needed = set()
    for sheet in SIGNED:
        filled = _filled_spacers(wb[sheet])
        assert filled, sheet
        needed |= set(filled)
    assert tuple(sorted(needed)) == SPACER_LINES


@pytest.mark.parametrize("sheet", ("6.7", "6.10"))
def test_the_other_spaced_sheets_have_hairline_spacers(templates: dict[str | None, Path], sheet: str) -> None:
    ws = kept_book(templates["liepaja"])[sheet]
    assert [row_px(ws, r) for r in LAY.spacer_rows()] == [spacers.SPACER_PX] * len(SPACER_LINES)
    assert all(ws.cell(r, c).value is None for r in LAY.spacer_rows() for c in range(1, 30))
