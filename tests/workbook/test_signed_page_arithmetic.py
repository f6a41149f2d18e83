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

from generator.workbook.layout import Layout
from generator.workbook.sheets.plan_rows import STEP
from tests.workbook.kept_book import kept_book
from tests.workbook.signed_pages import STRUCK_ONLY

BODY_PX = 730  # LibreOffice's page body of a landscape signed annex, in pixels (D197, measured)
DEFAULT_PT = 15  # a row without a height of its own (xlsxwriter's default)
LANDSCAPE_SIGNED = ("6.3", "6.5", "6.6")
LAY = Layout(offers=0, months=6)


def px(points: float) -> int:
    return round(points * 4 / 3)


def _height(ws: Worksheet, row: int) -> int:
    dim = ws.row_dimensions.get(row)
    return px(dim.height if dim is not None and dim.height is not None else DEFAULT_PT)


def _last_printed_row(ws: Worksheet) -> int:
    area = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
    return int(area.split(":")[-1].lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def pages(ws: Worksheet, lines: int) -> list[list[int]]:
    """The rows of each printed page with the first ``lines`` plan rows open (the others hidden), as LibreOffice
    breaks them."""
    repeated = [_height(ws, r) for r in range(3, LAY.table_header + 2)]
    rows = [*range(LAY.plan_first, LAY.plan_first + lines), *range(LAY.plan_last + 1, _last_printed_row(ws) + 1)]
    result: list[list[int]] = [[]]
    used = _height(ws, 1) + _height(ws, 2) + sum(repeated)
    for row in rows:
        h = _height(ws, row)
        if used + h > BODY_PX and result[-1]:
            result.append([])
            used = sum(repeated)
        result[-1].append(row)
        used += h
    return result


@pytest.mark.parametrize("sheet", LANDSCAPE_SIGNED)
def test_the_block_after_the_rows_prints_with_the_last_open_row(templates: dict[str | None, Path],
                                                                sheet: str) -> None:
    ws = kept_book(templates["liepaja"])[sheet]
    tail_first = LAY.plan_last + 1
    wrong = []
    for lines in range(STEP, LAY.plan_rows + 1, STEP):
        last_page = pages(ws, lines)[-1]
        if LAY.plan_first + lines - 1 not in last_page or last_page[-1] < tail_first:
            wrong.append(lines)
        elif any(r >= tail_first for p in pages(ws, lines)[:-1] for r in p):
            wrong.append(lines)
    assert not wrong, f"{sheet}: ar {wrong} atvērtām rindām paraksti nav vienā lappusē ar pēdējo plāna rindu"


def test_the_model_is_the_measured_one(templates: dict[str | None, Path]) -> None:
    """The pages the model gives are those bench/signed_pages.py measured with LibreOffice for 40 open rows (the
    first plan row of each page; D197)."""
    wb = kept_book(templates["liepaja"])
    measured = {"6.3": [1, 10, 30], "6.5": [1, 15, 30], "6.6": [1, 20, 40]}
    for sheet, firsts in measured.items():
        got = [p[0] - LAY.plan_first + 1 for p in pages(wb[sheet], LAY.plan_rows)]
        assert got == firsts, f"{sheet}: {got}"


@pytest.mark.parametrize("sheet", LANDSCAPE_SIGNED)
def test_struck_only_signature_pages_are_the_listed_ones(templates: dict[str | None, Path], sheet: str) -> None:
    """For every plan length 1..40 (the groups of 5 rows opened as a program opens them), the model's signature page
    holds a used plan row except for exactly the lengths signed_pages.STRUCK_ONLY lists – the quick run's check of
    what tests/workbook/test_signed_page_rows.py measures with LibreOffice, so that a height that adds a length (or
    removes one) fails here too. Why those lengths cannot be avoided with fixed row heights: D288."""
    ws = kept_book(templates["liepaja"])[sheet]
    struck_only = set()
    for lines in range(1, LAY.plan_rows + 1):
        open_rows = -(-lines // STEP) * STEP
        last_page = pages(ws, open_rows)[-1]
        if not any(LAY.plan_first <= r < LAY.plan_first + lines for r in last_page):
            struck_only.add(lines)
    assert struck_only == STRUCK_ONLY[sheet], f"{sheet}: {sorted(struck_only)}"
