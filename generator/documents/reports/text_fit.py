"""How many lines a wrapped cell text takes, measured with the font's letter widths (Carlito, Calibri's metric
twin: generator/documents/docx_widths.py) in a column as wide as each program draws it: Excel gives a width unit
7 pixels (5.25 pt) and 5 pixels more per column, LibreOffice about 5.55 pt per unit of the same width, printed
with Carlito (docs/libreoffice-druka.md). A row is as tall as the lines its text takes in the narrower, Excel's
column; a text whose last word fits a line in LibreOffice but not in Excel wraps differently in the two (a blank
second line on LibreOffice's paper or a cut one in Excel), so a report's column is made wide enough that its texts
take the same lines in both (tests/documents/test_activity_row_heights.py)."""

from __future__ import annotations

from generator.documents.docx_widths import word_width

LINE_PT = 13  # a line of 10 pt text (Calibri's line: 1.22 × its size), as report_cells.wrapped_height
PADDING_PT = 3.0  # the cell's margins left and right together, which text does not use
CALC_PT_PER_UNIT = 5.55


def _pixels(width: float) -> int:
    """Excel's pixels of a column ``width`` units wide (as xlsxwriter writes it)."""
    return int(width * 7 + 0.5) + 5


def excel_points(width: float) -> float:
    return _pixels(width) * 0.75


def calc_points(width: float) -> float:
    return _pixels(width) / 7 * CALC_PT_PER_UNIT


def lines_in(text: str, points: float, size: float = 10, bold: bool = False) -> int:
    """Lines of ``text`` wrapped at spaces in a cell ``points`` wide (a word longer than a line takes its own)."""
    room = points - PADDING_PT
    space = word_width(" ", size, bold)
    lines, used = 1, 0.0
    for word in text.split():
        width = word_width(word, size, bold)
        if used and used + space + width > room:
            lines, used = lines + 1, width
        else:
            used += (space if used else 0) + width
    return lines


def lines(text: str, width: float, size: float = 10, bold: bool = False) -> int:
    """Lines of ``text`` in a column ``width`` units wide as Excel draws it (the narrower of the two programs)."""
    return lines_in(text, excel_points(width), size, bold)


def row_height(text: str, width: float) -> float:
    """The height (pt) of a row whose 10 pt ``text`` wraps in a column ``width`` units wide."""
    return LINE_PT * lines(text, width)
