"""The fixed texts in the repeated label columns of the signed annexes fit them also at Excel's column widths.

Excel cannot be run here. Its column width is counted in digits of the workbook's default font (Calibri 11: 7 px
a digit, 96 px an inch), narrower than LibreOffice prints the same columns without Calibri. The cells' own font
is Calibri, measured with Carlito's glyph widths (the same metrics): each fixed label is measured with its glyph widths (fontTools) at its size and weight and must fit
the width of its merged range in Excel (less a little cell padding) in as many lines as its row holds. A label
that fits in Excel also fits in LibreOffice, whose columns are wider.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

SIGNED = ("6.3", "6.5", "6.6", "6.9")
FONT_DIR = Path("/usr/share/fonts/truetype/crosextra")
DIGIT_PX = 7  # Calibri 11, the workbook's default font
PADDING_PT = 3.0  # Excel's inner cell margins, both sides together
LINE_PT = 10.85  # one line of 9 pt Calibri (Carlito, LibreOffice 7.4 print): two fit the 29 px (21,75 pt) plan rows


@cache
def _font(bold: bool) -> TTFont:
    path = FONT_DIR / ("Carlito-Bold.ttf" if bold else "Carlito-Regular.ttf")
    if not path.exists():
        pytest.skip(f"{path} nav instalēts (make setup uzstāda fonts-crosextra-carlito)")
    return TTFont(str(path))


def text_width(text: str, size: float, bold: bool) -> float:
    font = _font(bold)
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    units = font["head"].unitsPerEm
    return sum(metrics[cmap.get(ord(c), cmap[ord("?")])][0] for c in text) / units * size


def lines_needed(text: str, width: float, size: float, bold: bool) -> int:
    """Word-wrapped lines of ``text`` in ``width`` pt; a single word wider than the width counts as too many."""
    lines, current = 1, ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if text_width(trial, size, bold) <= width:
            current = trial
        elif not current or text_width(word, size, bold) > width:
            return 99
        else:
            lines, current = lines + 1, word
    return lines


def excel_width_pt(ws, first: int, last: int) -> float:  # noqa: ANN001 - an openpyxl worksheet
    px = 0
    for index in range(first, last + 1):
        dim = ws.column_dimensions[get_column_letter(index)]
        px += round((dim.width or 64 / DIGIT_PX) * DIGIT_PX)  # xlsxwriter stores pixels / 7 (padding included)
    return px * 0.75


@pytest.mark.parametrize("sheet", SIGNED)
def test_fixed_labels_fit_the_repeated_columns_in_excel(templates: dict[str | None, Path], sheet: str) -> None:
    ws = load_workbook(templates["liepaja"])[sheet]
    last_col = column_index_from_string(ws.print_title_cols.split(":")[-1].replace("$", ""))
    last_header_row = int(ws.print_title_rows.split(":")[-1].replace("$", ""))
    spans = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    checked = 0
    for row in ws.iter_rows(min_row=last_header_row + 1, max_col=last_col):
        for cell in row:
            value = cell.value
            if not isinstance(value, str) or value.startswith("=") or not value.strip():
                continue
            merged = spans.get((cell.row, cell.column))
            first, last = (merged.min_col, merged.max_col) if merged else (cell.column, cell.column)
            if last > last_col:
                continue  # test_print_titles: such a range is not allowed to start here at all
            if not merged and not cell.alignment.wrap_text:  # overflows into empty cells, up to the columns' edge
                while last < last_col and ws.cell(cell.row, last + 1).value in (None, "") and not any(
                        m.min_row <= cell.row <= m.max_row and m.min_col <= last + 1 <= m.max_col
                        for m in ws.merged_cells.ranges):
                    last += 1
            height = ws.row_dimensions[cell.row].height or 15
            if merged:
                height = sum(ws.row_dimensions[r].height or 15 for r in range(merged.min_row, merged.max_row + 1))
            size, bold = float(cell.font.sz or 9), bool(cell.font.b)
            room = max(1, int(height // (LINE_PT * size / 9))) if cell.alignment.wrap_text else 1
            width = excel_width_pt(ws, first, last) - PADDING_PT
            needed = lines_needed(value, width, size, bold)
            assert needed <= room, (f"{sheet}!{cell.coordinate}: „{value}” Excel platumā {width:.0f} pt vajag "
                                    f"{needed} rindu, ietilpst {room}")
            checked += 1
    assert checked, f"{sheet}: nav pārbaudīta neviena uzraksta"


# The plan rows' name cells of the signed annexes: (column, what it holds).
NAME_CELLS = {"6.3": (("C", "service"),), "6.5": (("B", "service"), ("C", "provider")),
              "6.6": (("B", "service"),), "6.9": (("B", "service"), ("C", "provider"))}


@pytest.mark.parametrize("sheet", SIGNED)
def test_plan_names_wrap_whole_in_excel(templates: dict[str | None, Path], catalogue, sheet: str) -> None:  # noqa: ANN001
    """Every service name of the catalogue and the long provider names of the print test (test_print.PEOPLE) fit
    their plan-row cell at Excel's column width in the lines the row holds (two): wrapped, never cut."""
    from tests.workbook.test_print import PEOPLE

    ws = load_workbook(templates["liepaja"])[sheet]
    texts = {"service": [o.label for o in catalogue.offers(catalogue.latest_date)],
             "provider": list(PEOPLE.providers.values())}
    first = 9  # Layout.plan_first
    for letter, kind in NAME_CELLS[sheet]:
        cell = ws[f"{letter}{first}"]
        assert cell.alignment.wrap_text, f"{sheet}!{cell.coordinate}: nosaukums nepārnesas jaunā rindā"
        index = column_index_from_string(letter)
        width = excel_width_pt(ws, index, index) - PADDING_PT
        room = int(ws.row_dimensions[first].height // LINE_PT)
        assert room >= 2, f"{sheet}: plāna rindā ietilpst {room} teksta rinda"
        for text in texts[kind]:
            needed = lines_needed(text, width, 9, False)
            assert needed <= room, f"{sheet}!{letter}: „{text}” Excel platumā {width:.0f} pt vajag {needed} rindu"
