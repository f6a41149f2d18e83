"""The ministry's summary workbook (`ibm collect --out KOPSAVILKUMS.xlsx`).

Data sheets hold the recomputed values per child, plan line and month (from the reference
implementation); the summary sheets compute every total with formulas (COUNTIFS, SUMIFS, SUM,
MIN, MAX), each written with its cached value. ``SummaryBook.expected`` keeps every formula cell's
expected value, so that tests recalculate the file in LibreOffice and compare them all.
Children appear by pseudonym only.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from generator.catalogue.catalogue import Catalogue
from generator.workbook import styles

FONT = "DejaVu Sans"
# Latvian separators whatever the reader's locale ("15 000,00", "100 %"), as the matrix and the report forms (audit13 F3)
# a negative amount (an underspend, a difference) with the true minus sign "−58,93", as the report workbooks print it,
# not a hyphen (audit35 F10)
MONEY = styles.MONEY_MINUS
YES, NO = "Jā", "Nē"

SHEET_SUMMARY = "Kopsavilkums"
SHEET_MUNI = "Pašvaldības"
SHEET_CHILDREN = "Bērni"
SHEET_GROUPS = "Grupas"
SHEET_SERVICES = "Pakalpojumi"
SHEET_CASH = "Naudas plūsma"
SHEET_QUARTERS = "Ceturkšņi"
SHEET_LINES = "Plāna rindas"
SHEET_MONTHS = "Mēnešu dati"
SHEET_FINDINGS = "Noteikumu kļūdas"
SHEET_WARNINGS = "Brīdinājumi"
SHEET_CEILINGS = "Neapstiprināti griesti"  # the lines whose F is provisional for an unconfirmed ceiling (D269)
SHEET_REFUSED = "Neizmantotās matricas"
SHEET_NOTES = "Piezīmes par failiem"  # notes on used files, not under "unused" (audit24 F26)
SHEET_STALE = "Atšķirības"

SHEETS = (SHEET_SUMMARY, SHEET_MUNI, SHEET_CHILDREN, SHEET_GROUPS, SHEET_SERVICES, SHEET_CASH, SHEET_QUARTERS,
          SHEET_LINES, SHEET_MONTHS, SHEET_FINDINGS, SHEET_WARNINGS, SHEET_CEILINGS,
          SHEET_REFUSED, SHEET_NOTES, SHEET_STALE)

# A, K and the lines' "No IB" use the F this collection sets, not the one typed in the matrix (D174)
WITH_F = "aprēķināts ar šajā savākšanā noteikto F, ne matricā ierakstīto (lēmums D174)"

DATA_FIRST = 4  # first data row (1-based) of every table sheet: title, note, header


def q(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


@dataclass
class Column:
    letter: str
    first: int
    last: int

    def range(self, sheet: str) -> str:
        last = max(self.last, self.first)
        return f"{q(sheet)}!${self.letter}${self.first}:${self.letter}${last}"


@dataclass
class SummaryBook:
    """Writes the workbook; ``expected`` maps (sheet, A1) of each formula to its value."""

    path: Path
    expected: dict[tuple[str, str], Any] = field(default_factory=dict)
    page_title: str = ""  # the page header of every sheet: the summary's title, period and status
    version: str = ""  # the footer's "kataloga versija e3369c26"
    # the sheets that continue to the right print from their column headers; their titles and notes, in order
    notes: dict[str, tuple[str, str]] = field(default_factory=dict)
    print_from: dict[str, int] = field(default_factory=dict)  # the first printed row (0-based) where not row 1
    # the comparison with the result this one replaced (changes.Changes, D362); None on a first collection
    changes: Any = None

    def __post_init__(self) -> None:
        # Cells stay in memory until close (shared strings, ~2× faster than constant_memory's inline strings);
        # with slim records a national summary keeps the main process near 200 MB (docs/benchmarks.md).
        self.wb = xlsxwriter.Workbook(str(self.path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                                       "tmpdir": str(self.path.parent)})
        base = {"font_name": FONT, "font_size": 9, "valign": "top"}
        self.f_title = self.wb.add_format({**base, "bold": True, "font_size": 12})
        self.f_note = self.wb.add_format({**base, "italic": True, "font_color": "#595959"})
        self.f_note_wrap = self.wb.add_format({**base, "italic": True, "font_color": "#595959", "text_wrap": True})
        self.f_head = self.wb.add_format({**base, "bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True})
        self.f_text = self.wb.add_format({**base, "border": 1})
        self.f_wrap = self.wb.add_format({**base, "border": 1, "text_wrap": True})  # names, labels, notes: never cut
        self.f_money = self.wb.add_format({**base, "border": 1, "num_format": MONEY})
        self.f_whole = self.wb.add_format({**base, "border": 1, "num_format": "0"})
        self.f_rate = self.wb.add_format({**base, "border": 1, "num_format": styles.RATE})
        self.f_units = self.wb.add_format({**base, "border": 1, "num_format": styles.UNITS})
        self.f_date = self.wb.add_format({**base, "border": 1, "num_format": "dd.mm.yyyy"})
        self.f_month = self.wb.add_format({**base, "border": 1, "num_format": "mm.yyyy"})
        self.f_sum_money = self.wb.add_format({**base, "border": 1, "bold": True, "num_format": MONEY})
        self.f_sum_whole = self.wb.add_format({**base, "border": 1, "bold": True, "num_format": "0"})
        self.f_sum_text = self.wb.add_format({**base, "border": 1, "bold": True})
        self.f_sum_wrap = self.wb.add_format({**base, "border": 1, "bold": True, "text_wrap": True})

    # --- cells ------------------------------------------------------------------------------------
    def value(self, ws: Worksheet, row: int, col: int, value: object, fmt=None) -> None:
        fmt = fmt or self.f_text
        if value is None:
            ws.write_blank(row - 1, col, None, fmt)
        elif isinstance(value, bool):
            ws.write_string(row - 1, col, YES if value else NO, fmt)
        elif isinstance(value, dt.date):
            ws.write_datetime(row - 1, col, dt.datetime.combine(value, dt.time()), fmt)
        elif isinstance(value, Decimal | int | float):
            ws.write_number(row - 1, col, float(value), fmt)
        else:
            ws.write_string(row - 1, col, str(value), fmt)

    def formula(self, ws: Worksheet, row: int, col: int, formula: str, value: object, fmt=None) -> str:
        cached = float(value) if isinstance(value, Decimal) else value
        ws.write_formula(row - 1, col, "=" + formula, fmt or self.f_money, cached)
        cell = xl_rowcol_to_cell(row - 1, col)
        self.expected[(ws.get_name(), cell)] = value
        return cell

    def header(self, ws: Worksheet, title: str, note: str, columns: list[tuple[str, float]],
               key_cols: int = 1) -> list[float]:
        """Title, note and column headers; ``key_cols``: the leading columns that say whose a row is (code,
        municipality, month), repeated on the pages that continue a wide sheet to the right. Returns the
        columns' widths (a header's longest word may widen its column)."""
        ws.write_string(0, 0, title, self.f_title)
        widths = [header_width(text, width) for text, width in columns]
        for c, (text, _) in enumerate(columns):
            ws.write_string(DATA_FIRST - 2, c, text, self.f_head)
            ws.set_column(c, c, widths[c])
        # The note wraps within the columns of the first printed page (run on, it was cut at the print area)
        last, room = 0, widths[0]
        while last + 1 < len(widths) and room + widths[last + 1] <= PAGE_WIDTH:
            last += 1
            room += widths[last]
        if last:
            ws.merge_range(1, 0, 1, last, note, self.f_note_wrap)
        else:
            ws.write_string(1, 0, note, self.f_note)
        if wrapped_lines(note, room) > 1:
            ws.set_row(1, wrapped_lines(note, room) * LINE_HEIGHT)
        # as high as its longest header wraps (names with "plānots (viss plāns)" take five lines)
        lines = max([3] + [wrapped_lines(text, widths[c], bold=True) for c, (text, _) in enumerate(columns)])
        ws.set_row(DATA_FIRST - 2, lines * LINE_HEIGHT)
        ws.freeze_panes(DATA_FIRST - 1, key_cols)
        # the guide on the front pages names every sheet (audit35 F6); a sheet with key columns prints its note there
        self.notes[ws.get_name()] = (title, note)
        self.print_setup(ws, key_cols, title)
        return widths

    def print_setup(self, ws: Worksheet, key_cols: int = 0, title: str = "") -> None:
        """A4 landscape at 100 % (the 9 pt text prints at 9 pt, never shrunk; audit13 F2): a wider sheet continues
        on the next page with its key columns and column headers repeated. The page header names the summary and
        its period; the footer the catalogue version and the sheet's own page ("Bērni, 2. lapa", no total: D58).

        A sheet with key columns may continue to the right, where only the key columns of its title and note rows
        would print, cutting their text: it prints from its column headers, its title is the page header's second
        line, and its note is printed on the sheet „Kopsavilkums” (the note row stays on screen)."""
        ws.set_paper(9)
        ws.set_landscape()
        ws.set_print_scale(100)
        ws.set_margins(left=0.4, right=0.4, top=0.8 if key_cols else 0.6, bottom=0.6)
        ws.print_across()  # the pages of a row block follow each other: a child's row is read across
        header = f"&L&8 {_escaped(self.page_title)}"
        if key_cols:
            ws.repeat_columns(0, key_cols - 1)
            ws.repeat_rows(DATA_FIRST - 2, DATA_FIRST - 2)
            self.print_from[ws.get_name()] = DATA_FIRST - 2
            header += f"\n&10&B {_escaped(title)}&B"
        else:
            ws.repeat_rows(0, DATA_FIRST - 2)
        ws.set_start_page(1)
        ws.set_header(header, {"margin": 0.3})
        ws.set_footer(f"&L&8 {_escaped(self.version)}&R&8 {_escaped(ws.get_name())}, &P. lapa")

    def fit_row(self, ws: Worksheet, row: int, cells: list[tuple[str, float, bool]]) -> None:
        """Row ``row`` (1-based) as high as its tallest wrapped cell: (text, column width, bold) each."""
        lines = max(wrapped_lines(text, width, bold) for text, width, bold in cells)
        if lines > 1:
            ws.set_row(row - 1, lines * LINE_HEIGHT)

    def finish(self) -> None:
        """Every sheet's print area: the cells it holds (the fast data rows widen its dimensions)."""
        for ws in self.wb.worksheets():
            if ws.dim_rowmax is not None and ws.dim_colmax is not None:
                first = self.print_from.get(ws.get_name(), 0)
                ws.print_area(first, 0, max(ws.dim_rowmax, first), ws.dim_colmax)

    def close(self) -> None:
        """Write the file. Its parts are deflated at level 1 (a national summary's ~25 MB of sheet XML:
        ~3× faster than the default level 6, the file ~30 % larger; the content is the same)."""
        import xlsxwriter.workbook as packaging

        packaging.ZipFile = _FastZipFile  # type: ignore[misc]
        try:
            self.wb.close()
        finally:
            packaging.ZipFile = zipfile.ZipFile  # type: ignore[misc]


class _FastZipFile(zipfile.ZipFile):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compresslevel", 1)
        super().__init__(*args, **kwargs)


def column_letter(index: int) -> str:
    return xl_col_to_name(index)


def _escaped(text: str) -> str:
    """Text for a page header or footer, where "&" starts a control code."""
    return text.replace("&", "&&")


def header_width(text: str, width: float) -> float:
    """A column at least as wide as the longest word of its bold header: a header wraps between words, never
    inside one ("IB nepieciešamai / s (N)"; audit13 F6)."""
    return max(width, max((len(w) for w in text.split()), default=0) * 1.1 + 1.5)


LINE_HEIGHT = 12  # pt, one line of the 9 pt text
PAGE_WIDTH = 140  # column units of a landscape A4 page at 100 % with the margins of print_setup
PAGE_SLACK = 4  # what a page's packed groups leave unused: the column units are an estimate of the printed width


def wrapped_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes in a column ``width`` wide when wrapped between words: the row's height
    is set from it (neither Excel nor the PDF conversion grows a row to its wrapped text by itself)."""
    room = max(1, int(width * (0.95 if bold else 1.1)))
    lines, used = 1, 0
    for word in text.split():
        need = len(word) if used == 0 else used + 1 + len(word)
        if need > room and used:
            lines += 1 + (len(word) - 1) // room
            used = len(word) % room or room
        else:
            used = need
    return lines


def fit_width(texts: list[str], width: float, most: float = 60) -> float:
    """A column wide enough for its longest text (names, labels: never cut), at least ``width``, at most ``most``."""
    return min(most, max([width] + [len(t) * 1.0 + 1 for t in texts]))


def age_group_label(group: str | None) -> str:
    """An age group as a range is written: "0–2" with an en dash (the catalogue's ids are "0-2")."""
    return (group or "").replace("-", "\u2013")


def municipality_names(catalogue: Catalogue, ids: list[str]) -> dict[str, str]:
    """Each municipality's short Latvian name in the catalogue ("Bauskas novads", "Jelgava"; D179), as the sheets'
    narrow "Pašvaldība" columns and headers show it and their formulas match it (audit35 F9: not the id "liepaja");
    a name two ids share, or an id the catalogue lacks, keeps its id."""
    names = {m.id: m.short_name_lv for m in catalogue.municipalities.municipalities}
    for i in ids:
        names.setdefault(i, i)
    shared = {n for n, k in Counter(names.values()).items() if k > 1}
    return {i: f"{n} ({i})" if n in shared else n for i, n in names.items()}


def name_width(texts: list[str], bold: bool = False) -> float:
    """A column wide enough for the municipalities' names in it, never cut: a name at 9 pt takes ~0,8 column units
    a character (``fit_width``'s 1,0 would take some 6 units more on every page), a bold one ~0,95."""
    return min(30.0, max([12.0] + [len(t) * (0.95 if bold else 0.85) + 1.5 for t in texts]))


# DejaVu Sans advance widths (em) of what a money cell prints: digits, the group space, the comma, the minus sign
_EM = {False: {"d": 0.636, " ": 0.318, ",": 0.318, "-": 0.838}, True: {"d": 0.696, " ": 0.348, ",": 0.380, "-": 0.838}}


def money_text(amount: Decimal | float | int) -> str:
    """An amount as the format MONEY prints it, "−1 234 567,89" (for its width)."""
    text = f"{abs(Decimal(str(amount))):,.2f}".replace(",", " ").replace(".", ",")
    return ("-" if amount < 0 else "") + text


def money_width(amounts: Iterable[Decimal | float | int | None], width: float, bold: bool = False) -> float:
    """A money column at least ``width`` wide and wide enough for the longest of ``amounts`` at 9 pt (DejaVu Sans):
    a column narrower than its number prints „###” (D373; xlsxwriter cannot autofit). A column unit is 7 px of the
    96-dpi screen (Excel's and LibreOffice's default font) and 5 px more, 9 pt is 12 px; 0,8 unit more for the cell's
    padding (LibreOffice 7.4 printed „1 234 567,89” in bold whole in 13,4 units)."""
    em = _EM[bold]
    longest = max((sum(em["d"] if c.isdigit() else em[c] for c in money_text(a)) for a in amounts if a is not None),
                  default=0.0)
    return max(width, round(longest * 12 / 7 + 0.8, 1))


def text_criterion(text: str) -> str:
    """A text as a formula's string criterion: quoted, its quotes doubled."""
    return '"' + text.replace('"', '""') + '"'






# D138: the sheets by municipality and item or month show only the municipalities that sent matrices
NOT_SENT = (f"Pašvaldības, no kurām matricas nav savāktas, šajā lapā nav (lēmums D138); lapā „{SHEET_MUNI}” ir visas "
            "tās programmas kārtas pašvaldības, kuras periodu savāc, arī tās, no kurām matricas nav savāktas.")


def group_page_breaks(ws: Worksheet, widths: list[float], starts: list[int], *, keys: int = 1,
                      padding: float = 0.0) -> None:
    """Printed, a page holds whole column groups (a municipality's three columns, the totals; ``starts``: each
    group's first column, after the key column): a manual column break before the group that would not fit
    beside the ones on the page, so that no group is split between two pages (audit24 F15). The key column
    repeats on every page."""
    room = PAGE_WIDTH - sum(widths[:keys]) - padding * keys - PAGE_SLACK  # ``keys`` columns repeat on every page
    breaks, used = [], 0.0
    for start, end in zip(starts, [*starts[1:], len(widths)], strict=True):
        need = sum(widths[start:end]) + padding * (end - start)  # ``padding``: what each printed column adds
        if used and used + need > room:
            breaks.append(start)
            used = 0.0
        used += need
    if breaks:
        ws.set_v_pagebreaks(breaks)
