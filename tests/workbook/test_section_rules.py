"""A section title's rule (its cell's bottom border, the section style) runs under the whole title on paper.

matrixprint F1: on 6.2 the title "Vecāks, kas piedalās izvērtēšanā" stood in the narrow "Nr." column A and flowed on
into B:C, while its rule stayed under A: a 4-character stroke under "Vecā" and none under the rest. A title with a
rule must have its rule as wide as its text: in its own column or in a merged range (Excel's widths, Carlito's glyph
widths, as tests/workbook/test_label_widths.py measures them). Only the cells inside each sheet's print area count.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

from tests.workbook.test_label_widths import PADDING_PT, excel_width_pt, text_width


def _print_area(ws) -> tuple[int, int, int, int]:  # noqa: ANN001 - an openpyxl worksheet
    """The sheet's print area (min_col, min_row, max_col, max_row); without one, its used range (all of it prints)."""
    area = ws.print_area
    if not area:
        return range_boundaries(ws.dimensions)
    text = (area[0] if isinstance(area, list) else area).split("!")[-1].replace("$", "")
    return range_boundaries(text)


def test_section_rules_run_under_their_whole_title(templates: dict[str | None, Path]) -> None:
    wb = load_workbook(templates["liepaja"])
    short: list[str] = []
    checked = 0
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        min_col, min_row, max_col, max_row = _print_area(ws)
        spans = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
        for row in ws.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col):
            for cell in row:
                value, border = cell.value, cell.border
                if not isinstance(value, str) or value.startswith("=") or not value.strip():
                    continue
                # a rule under a title: a bottom border alone (a table's cell has its other sides too)
                if not border.bottom.style or border.top.style or border.left.style or border.right.style:
                    continue
                merged = spans.get((cell.row, cell.column))
                first, last = (merged.min_col, merged.max_col) if merged else (cell.column, cell.column)
                rule = excel_width_pt(ws, first, last) - PADDING_PT
                needed = text_width(value, float(cell.font.sz or 11), bool(cell.font.b))
                checked += 1
                if needed > rule:
                    short.append(f"{ws.title} {cell.coordinate} „{value}”: teksts {needed:.0f} pt, līnija {rule:.0f} pt")
    assert checked >= 5, checked
    assert not short, short


def test_text_under_a_section_rule_keeps_off_it(templates: dict[str | None, Path]) -> None:
    """matrixfix: on 6.1 and 6.11 the label under a section title's rule printed touching it (every format is
    top-aligned, and xlsx has no vertical padding). The row under such a rule – a labelled row, not a table's header,
    whose own borders make it a box – is RULE_GAP taller than one line of its text and centred in it."""
    from generator.workbook.sheets.common import RULE_GAP

    wb = load_workbook(templates["liepaja"])
    line = 11.25  # one line of 9 pt text in Excel (15 px)
    found = []
    for title in ("6.1", "6.11"):
        ws = wb[title]
        min_col, min_row, max_col, max_row = _print_area(ws)
        for row in range(min_row, max_row):
            cell, below = ws.cell(row, 1), ws.cell(row + 1, 1)
            border = cell.border
            if not (isinstance(cell.value, str) and cell.value.strip() and border.bottom.style
                    and not (border.top.style or border.left.style or border.right.style)):
                continue
            if not isinstance(below.value, str) or below.border.top.style:  # a table's header under it
                continue
            height = ws.row_dimensions[row + 1].height or 15
            found.append((title, row + 1))
            assert below.alignment.vertical == "center" and height >= line + RULE_GAP, (
                title, below.coordinate, below.value, below.alignment.vertical, height)
    assert {("6.11", 5), ("6.1", 5), ("6.1", 13), ("6.1", 27), ("6.1", 38)} <= set(found), found
