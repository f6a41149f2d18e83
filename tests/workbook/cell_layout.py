"""How many lines a text takes in a cell of an xlsx sheet, and how many the cell shows: estimated the way Excel lays
it out (Excel cannot be run here) and the way LibreOffice 7.4 prints it, from the same file.

- Glyph widths: Calibri's, measured with Carlito's (the same advance widths), at the cell font's size and weight;
  Excel's screen layout rounds each glyph to whole pixels (96 dpi), so a glyph counts as the larger of its exact
  width and its rounded one. No kerning (LibreOffice kerns a little: the estimate is a little wide there).
- Column width: the file stores it in digits of the default font (Calibri 11) with the padding included. Excel:
  7 px a digit, 96 px an inch. LibreOffice with Carlito: 5.55 pt a stored unit (measured, docs/libreoffice-druka.md).
  A merged range is the sum of its columns. Less the cell's inner margins (both sides together).
- Lines: words wrap at spaces (a hyphen is no break here, so a hyphenated name counts as one word: the estimate is
  never short), an explicit line break starts a new line; a word wider than the cell is broken by characters.
  A text that does not wrap has one line, and its width must fit.
- Height: a line of Calibri is 1.2207 of its size (its ascent and descent, 2 500 of 2 048 units), in Excel rounded
  up to whole pixels (9 pt: 15 px, 11.25 pt; 8 pt: 14 px, 10.5 pt), in LibreOffice 10.85 pt for 9 pt (measured).
  A row shows as many lines as its height holds (a merged range: its rows' heights summed), the last one allowed to
  lose one pixel at its foot (LibreOffice printed three lines of 9 pt whole in 32.25 pt, 0.3 pt less than three).

tests/workbook/test_name_layout.py checks the LibreOffice estimate against what LibreOffice printed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FONT_DIRS = (Path("/usr/share/fonts/truetype/crosextra"), Path("/usr/share/fonts/truetype/carlito"))
DEFAULT_WIDTH = 8.43 + 5 / 7  # a column without a width of its own (Excel's 64 px)
DEFAULT_HEIGHT = 15.0  # a row without a height of its own (Calibri 11)
LINE_EM = 2500 / 2048  # Calibri's (Carlito's) ascent and descent
FOOT_PT = 0.75  # a line's last pixel may be cut at the row's foot


@dataclass(frozen=True)
class App:
    name: str
    unit_pt: float  # one stored column width unit, pt
    padding_pt: float  # the cell's inner margins, both sides together
    pixel_glyphs: bool  # glyph widths rounded to whole pixels (Excel's screen layout)

    def line_pt(self, size: float) -> float:
        if self.name == "Excel":
            return math.ceil(size * 96 / 72 * LINE_EM - 1e-9) * 0.75  # whole pixels
        return size * 10.85 / 9

    def column_pt(self, stored: float) -> float:
        if self.name == "Excel":
            return round(stored * 7) * 0.75  # whole pixels
        return stored * self.unit_pt


EXCEL = App("Excel", 5.25, 3.0, True)
LIBREOFFICE = App("LibreOffice", 5.55, 3.0, False)
APPS = (EXCEL, LIBREOFFICE)


@cache
def _font(bold: bool) -> TTFont:
    name = "Carlito-Bold.ttf" if bold else "Carlito-Regular.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return TTFont(str(folder / name))
    pytest.skip(f"{name} nav instalēts (make setup uzstāda fonts-crosextra-carlito)")


def text_width(text: str, size: float, bold: bool = False, app: App = EXCEL) -> float:
    """Width of ``text`` (one line) in pt."""
    font = _font(bold)
    cmap, metrics, units = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    ppem = size * 96 / 72
    total = 0.0
    for char in text:
        advance = metrics[cmap.get(ord(char), cmap[ord("?")])][0] / units * ppem  # px
        total += max(advance, round(advance)) if app.pixel_glyphs else advance
    return total * 72 / 96


def lines_needed(text: str, width: float, size: float, bold: bool = False, app: App = EXCEL,
                 wrap: bool = True) -> int:
    """Lines ``text`` takes in ``width`` pt; without ``wrap`` one line, or 99 if it is wider than the width."""
    if not wrap:
        return 1 if max(text_width(t, size, bold, app) for t in text.split("\n")) <= width else 99
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}".strip()
            if text_width(trial, size, bold, app) <= width:
                current = trial
                continue
            if current:
                lines += 1
            current = ""
            for char in word:  # Excel and LibreOffice break a word wider than the cell by characters
                if current and text_width(current + char, size, bold, app) > width:
                    lines, current = lines + 1, ""
                current += char
    return lines


@dataclass(frozen=True)
class Room:
    """A cell (or the merged range it starts) as ``app`` lays it out."""

    sheet: str
    a1: str
    width: float  # pt, less the inner margins
    height: float  # pt
    size: float
    bold: bool
    wrap: bool
    app: App

    @property
    def lines(self) -> int:
        """Whole lines of the cell's font the height shows (at least one: a single line overflows a low row)."""
        return max(1, math.floor((self.height + FOOT_PT) / self.app.line_pt(self.size) + 1e-6)) if self.wrap else 1

    def needs(self, text: str) -> int:
        return lines_needed(text, self.width, self.size, self.bold, self.app, self.wrap)

    def fits(self, text: str) -> bool:
        return self.needs(text) <= self.lines

    def why_not(self, text: str) -> str:
        return (f"{self.sheet}!{self.a1} ({self.app.name}): „{text}” platumā {self.width:.1f} pt vajag "
                f"{self.needs(text)} rindu, {self.height:.2f} pt augstumā ietilpst {self.lines}")


def column_width(ws: Worksheet, index: int) -> float:
    """The stored width of column ``index`` (openpyxl keeps a run of equal widths under its first column)."""
    for dim in ws.column_dimensions.values():
        if dim.min and dim.max and dim.min <= index <= dim.max and dim.customWidth:
            return dim.width
    dim = ws.column_dimensions.get(get_column_letter(index))
    return dim.width if dim is not None and dim.width else DEFAULT_WIDTH


def room(ws: Worksheet, a1: str, app: App = EXCEL) -> Room:
    """The room of cell ``a1`` (or the merged range it starts) in ``app``, in its own font and wrapping."""
    cell = ws[a1]
    merged = next((m for m in ws.merged_cells.ranges if (m.min_row, m.min_col) == (cell.row, cell.column)), None)
    rows = range(merged.min_row, merged.max_row + 1) if merged else range(cell.row, cell.row + 1)
    cols = range(merged.min_col, merged.max_col + 1) if merged else range(cell.column, cell.column + 1)
    width = sum(app.column_pt(column_width(ws, c)) for c in cols) - app.padding_pt
    height = sum(ws.row_dimensions[r].height or DEFAULT_HEIGHT for r in rows)
    return Room(ws.title, a1, width, height, float(cell.font.sz or 11), bool(cell.font.b),
                bool(cell.alignment.wrap_text), app)


def first_column(a1: str) -> int:
    return column_index_from_string(a1.rstrip("0123456789"))
