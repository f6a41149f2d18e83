"""D295 on the template, without printing: each signed annex's page count (generator/workbook/page_count.py) looks up
a table that is the page model's page count for every plan length 1..40, read back from the template's own row
heights (tests/workbook/print_lengths.py, as test_signed_page_arithmetic.py); its formula uses only functions Excel
2010 and LibreOffice 7.4 both compute; and the continuation mark stands in exactly the spacer rows that fill a page.
tests/workbook/test_signed_page_rows.py proves the same counts and marks on LibreOffice's print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from generator.workbook import page_count, spacers
from generator.workbook.sheets.plan_rows import VISIBLE
from generator.workbook.texts import ANNEX_PAGES, CONTINUED
from tests.workbook.kept_book import kept_book
from tests.workbook.print_lengths import EVERY_LENGTH, LAY, pages, row_px
from tests.workbook.signed_pages import SIGNED

COUNT_ROW = 5  # the worker's line of the header rows that repeat on every page (SIGNED_REPEAT_FROM..8)
LEGEND_SHEETS = ("6.3", "6.6")  # the annexes whose rows print check numbers


def _count_cell(ws: Worksheet) -> tuple[str, str]:
    found = [(c.coordinate, c.value) for c in ws[COUNT_ROW]
             if isinstance(c.value, str) and c.value.startswith(f'="{ANNEX_PAGES[0]}')]
    assert len(found) == 1, (ws.title, found)
    return found[0]


def _table(formula: str) -> list[int]:
    tables = re.findall(r"INDEX\(\{([\d,]+)\}", formula)
    assert tables and len(set(tables)) == 1, formula
    return [int(n) for n in tables[0].split(",")]


@pytest.mark.parametrize("sheet", SIGNED)
def test_the_page_count_table_is_the_page_model(templates: dict[str | None, Path], sheet: str) -> None:
    ws = kept_book(templates["liepaja"])[sheet]
    _, formula = _count_cell(ws)
    assert _table(formula) == [len(pages(ws, n)) for n in EVERY_LENGTH], sheet
    # looked up by the shown plan lines (SUBTOTAL 103 skips the rows of closed groups) or the last used line
    assert f"SUBTOTAL(103,$A${LAY.plan_first}:$A${LAY.plan_last})" in formula, formula
    assert f"MAX($A${LAY.plan_first}:$A${LAY.plan_last})" in formula, formula
    # Excel 2010 and LibreOffice 7.4 functions only (no LET, IFS, dynamic arrays)
    assert set(re.findall(r"([A-Z][A-Z0-9.]*)\(", formula)) <= {"INDEX", "MIN", "MAX", "SUBTOTAL", "IF"}, formula


@pytest.mark.parametrize("sheet", SIGNED)
def test_a_new_matrix_states_the_pages_of_its_empty_annex(templates: dict[str | None, Path], sheet: str) -> None:
    """No plan line used: the five shown (struck) rows' page count, the same that LibreOffice prints."""
    ws = kept_book(templates["liepaja"])[sheet]
    cell, formula = _count_cell(ws)
    expected = page_count.pages_text(_table(formula)[VISIBLE - 1])
    assert expected == f"{ANNEX_PAGES[0]}1{ANNEX_PAGES[1]}"
    assert load_workbook(templates["liepaja"], data_only=True)[sheet][cell].value == expected  # the cached value


def test_the_count_reads_latvian() -> None:
    assert [page_count.pages_text(n) for n in (1, 2, 4)] == ["Pielikums 1 lapā", "Pielikums 2 lapās",
                                                           "Pielikums 4 lapās"]
    with pytest.raises(ValueError):  # "21 lapā" would need the singular: never written
        page_count.text_formula((1, 21), "$A$9:$A$54")


@pytest.mark.parametrize("sheet", SIGNED)
def test_the_continuation_mark_is_in_each_page_filling_spacer(templates: dict[str | None, Path], sheet: str) -> None:
    """A spacer row higher than a hairline fills a page while its group is open (D288): it holds the mark from B to the
    print area's last column (the legend of the check numbers on 6.3 and 6.6); a hairline spacer holds nothing."""
    ws = kept_book(templates["liepaja"])[sheet]
    last_col = ws.print_area[0].split(":")[-1].strip("$0123456789") if isinstance(ws.print_area, list) else \
        ws.print_area.split(":")[-1].strip("$0123456789")
    merged = {str(r) for r in ws.merged_cells.ranges}
    filled = 0
    for row in LAY.spacer_rows():
        values = [c.value for c in ws[row] if c.value is not None]
        if row_px(ws, row) <= spacers.SPACER_PX:
            assert values == [], (sheet, row, values)
            continue
        filled += 1
        mark = ws[f"B{row}"].value
        assert f"B{row}:{last_col}{row}" in merged, (sheet, row)
        assert values == [mark], (sheet, row, values)
        if sheet in LEGEND_SHEETS:
            assert mark.startswith(f'="{CONTINUED}"&IF(') and "CHAR(10)" in mark, mark
        else:
            assert mark == CONTINUED, mark
    assert filled, sheet
