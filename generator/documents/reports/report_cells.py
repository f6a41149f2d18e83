"""The cells every report workbook shares (28–30 and 26, 27, 31, the annexes' registers and questionnaires): the
workbook with its properties and formats (open_report_workbook, ReportFormats), the number formats and the font,
absolute references, the wrapped notes and intro line with their heights, a text as a formula, the line that counts
the wrong inputs above a report's amounts, and the Excel date and number a cell is written with."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.outputs import REPORT_WORKBOOKS
from generator.documents.reports import input_checks as checks
from generator.documents.reports import institution_names as institutions
from generator.workbook.styles import LATVIAN, MINUS, MONEY, MONEY_MINUS, PERCENT_SIGN

SHARE_2 = f"{LATVIAN}0.00{PERCENT_SIGN}"  # separators as in Latvian also where LibreOffice runs in another locale; "15,00 %"
# A negative amount or quantity (a correction) with a true minus sign, as Latvian typesetting writes it; a computed
# amount below zero (a balance) is MONEY_MINUS, with the same sign as the inputs (audit21 F10).
MONEY_SIGNED = f'{MONEY};[Red]"{MINUS}"#,##0.00'
NUMBER_SIGNED = f'{LATVIAN}0.##;"{MINUS}"0.##'


def absolute_cell(sheet: str, row: int, col: int) -> str:
    """A cell of ``sheet`` as an absolute reference ('26 BIP'!$B$5), as a defined name points to it."""
    return f"{checks.quoted(sheet)}!{xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)}"


def column_range(sheet: str, first_row: int, last_row: int, col: int) -> str:
    """Rows ``first_row``–``last_row`` of column ``col`` of ``sheet`` as an absolute range."""
    a = xl_rowcol_to_cell(first_row, col, row_abs=True, col_abs=True)
    b = xl_rowcol_to_cell(last_row, col, row_abs=True, col_abs=True)
    return f"{checks.quoted(sheet)}!{a}:{b}"


# Any date cell of a report template: typing stops at something that is not a date (pasting is not stopped).
DATE_VALIDATION = checks.DATE_VALIDATION


def excel_date(day: dt.date) -> dt.datetime:
    """``day`` as xlsxwriter writes a date cell (midnight)."""
    return dt.datetime(day.year, day.month, day.day)


# Every report cell's font: Calibri, the workbooks' default font (their column widths count its digits) and Excel's
# own; LibreOffice prints it with the metric-compatible Carlito (D34, docs/libreoffice-druka.md), so the print proofs
# measure the text as Excel lays it out.
REPORT_FONT = "Calibri"
BASE_FORMAT = {"font_name": REPORT_FONT, "font_size": 10, "valign": "top"}


class ReportFormats:
    """The cell formats of one report workbook (each workbook adds its own)."""

    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        base = BASE_FORMAT
        self.title = wb.add_format({**base, "bold": True, "font_size": 13})
        # the form's number at the right of the label columns that repeat on the pages across (17, 24)
        self.title_right = wb.add_format({**base, "bold": True, "font_size": 13, "align": "right"})
        self.note = wb.add_format({**base, "italic": True, "font_size": 9})
        self.note_wrapped = wb.add_format({**base, "italic": True, "font_size": 9, "text_wrap": True})
        self.head = wb.add_format({**base, "bold": True, "bg_color": "#E8E8E8", "border": 1, "text_wrap": True})
        self.text = wb.add_format({**base, "border": 1, "text_wrap": True})
        self.label = wb.add_format({**base, "bold": True})
        self.label_wrapped = wb.add_format({**base, "bold": True, "text_wrap": True})
        self.label_right = wb.add_format({**base, "bold": True, "align": "right"})
        # Right-aligned also when a formula shows text (the blank "______" of a parameter still to confirm).
        self.money = wb.add_format({**base, "border": 1, "num_format": MONEY_MINUS, "align": "right"})
        self.money_total = wb.add_format({**base, "border": 1, "bold": True, "num_format": MONEY_MINUS,
                                          "align": "right"})
        # the register's total under its signature line: centred in its row, clear of the line (D242)
        self.label_wrapped_mid = wb.add_format({**base, "bold": True, "text_wrap": True, "valign": "vcenter"})
        self.money_total_mid = wb.add_format({**base, "border": 1, "bold": True, "num_format": MONEY_MINUS,
                                              "align": "right", "valign": "vcenter"})
        self.share = wb.add_format({**base, "border": 1, "num_format": SHARE_2, "align": "right"})
        pending = {**base, "italic": True, "font_size": 9, "font_color": "#9C0006"}
        self.pending_note = wb.add_format(pending)
        self.pending_note_wrapped = wb.add_format({**pending, "text_wrap": True})
        self.alert = wb.add_format({"bold": True, "font_color": "#9C0006"})  # a conditional format's font
        self.date = wb.add_format({**base, "border": 1, "num_format": "dd.mm.yyyy", "align": "right"})
        self.month = wb.add_format({**base, "border": 1, "num_format": "mm.yyyy"})
        # right-aligned as its figures also when a formula shows "______" (a month's setting still to confirm, D201)
        self.int = wb.add_format({**base, "border": 1, "num_format": "0", "align": "right"})
        unlocked = {"locked": False, "bg_color": "#FFF9D6"}
        self.in_text = wb.add_format({**base, "border": 1, **unlocked})
        self.in_text_wrapped = wb.add_format({**base, "border": 1, "text_wrap": True, **unlocked})
        self.in_date = wb.add_format({**base, "border": 1, "num_format": "dd.mm.yyyy", **unlocked})
        self.in_month = wb.add_format({**base, "border": 1, "num_format": "mm.yyyy", **unlocked})
        # A correction (refund, cancelled invoice) is a negative amount, shown in red with its sign.
        # The language tag once, at the start: repeated in the second section LibreOffice prints it as digits.
        self.in_money = wb.add_format({**base, "border": 1, "num_format": MONEY_SIGNED, **unlocked})
        # The signature block's labels and fields sit on the row's bottom line, so "Sagatavoja" keeps a gap to a
        # framed cell above it without a spacer row (audit35 F14: it touched 27's settlement and 31's date field).
        self.sign_label = wb.add_format({**base, "bold": True, "valign": "bottom"})
        self.sign_label_wrapped = wb.add_format({**base, "bold": True, "valign": "bottom", "text_wrap": True})
        self.sign_label_right = wb.add_format({**base, "bold": True, "valign": "bottom", "align": "right"})
        self.sign_field = wb.add_format({**base, "bottom": 1, "valign": "bottom", **unlocked})
        self.sign_field_wrapped = wb.add_format({**base, "bottom": 1, "valign": "bottom", "text_wrap": True,
                                                 **unlocked})
        # a handwritten signature: a line, not an input
        self.sign_line = wb.add_format({**base, "bottom": 1, "valign": "bottom"})
        self.sign_date = wb.add_format({**base, "bottom": 1, "num_format": "dd.mm.yyyy", "valign": "bottom",
                                        **unlocked})
        self.in_number = wb.add_format({**base, "border": 1, "num_format": NUMBER_SIGNED, **unlocked})
        self.in_int = wb.add_format({**base, "border": 1, "num_format": "0", **unlocked})
        self.in_share = wb.add_format({**base, "border": 1, "num_format": SHARE_2, **unlocked})
        # A wrong input's message (input_checks), and the line that counts them above a report's amounts.
        self.error = wb.add_format({**base, "font_size": 9, "font_color": "#C00000"})
        self.errors_line = wb.add_format({**base, "bold": True, "font_size": 9, "font_color": "#C00000",
                                          "text_wrap": True})


def wrapped_height(*texts: tuple[str, int]) -> float:
    """A row's height for wrapped 10 pt text: (text, characters that fit a line of its column) pairs; Excel
    and Calc do not grow a row to its text when they open a file (13 pt a line: Calibri's line is 1.22 × its size)."""
    return 13 * max(1, *(-(-len(text) // per_line) for text, per_line in texts))


NOTE_LINE = 12  # pt per line of a 9 pt note (Calibri's line: 11 pt)
NOTE_CHARS_PER_UNIT = 1.3  # characters of a 9 pt italic note per column-width unit (a cautious estimate)


def write_wide_note(ws: Worksheet, row: int, first_col: int, last_col: int, text: str, fmt: xlsxwriter.format.Format,
                    width: float) -> None:
    """A note wrapped across columns ``first_col``–``last_col`` (``width``: their total width in column units),
    so a long note prints whole instead of running past the page's edge. Its row is as tall as the lines it
    needs: a column unit holds about 1.44 characters of the notes' 9 pt italic Calibri in Excel (3.64 pt an average
    character of Latvian text, 5.25 pt a unit) and 1.53 as LibreOffice prints it with Carlito (5.57 pt a unit;
    27's note breaks after 1.65 characters per unit); 1.3 leaves room for the word that wraps early, so the note
    is never cut (the print proofs look for a line under its row: tests/documents/test_report_print_size.py), and
    no empty line pushes a report's signatures off its page."""
    ws.merge_range(row, first_col, row, last_col, text, fmt)
    ws.set_row(row, note_height(text, width))


LITERAL_CHARS = 250  # Excel keeps at most 255 characters in one string literal of a formula


def text_formula(text: str) -> str:
    """``text`` as a formula expression: string literals short enough for Excel, joined with "&"."""
    return "&".join(checks.text_literal(text[i:i + LITERAL_CHARS]) for i in range(0, len(text), LITERAL_CHARS))


def write_blank_inputs_note(ws: Worksheet, row: int, first_col: int, last_col: int, text: str,
                            fmt: xlsxwriter.format.Format, width: float, filled: str) -> None:
    """A wide note (write_wide_note) about blank date inputs that shows only while they are blank: ``filled``
    is an expression that counts the filled ones (e.g. "COUNT(NP_Menesis)"), so a filled report never prints
    that its month cells are empty (the cached value is the note: the template is written with them blank)."""
    write_wide_note(ws, row, first_col, last_col, "", fmt, width)
    ws.set_row(row, note_height(text, width))
    ws.write_formula(row, first_col, f'=IF({filled}=0,{text_formula(text)},"")', fmt, text)


def write_intro(ws: Worksheet, row: int, first_col: int, last_col: int, municipality: Municipality, rest: str,
                fmt: xlsxwriter.format.Format, width: float) -> None:
    """A form's intro line, "<municipality> – <social service>. ``rest``", the names a formula over sheet 26's
    inputs (institution_names); as tall as the line needs with names typed longer than the blanks."""
    shown = f"{institutions.names_text(municipality)}. {rest}"
    write_wide_note(ws, row, first_col, last_col, "", fmt, width)
    ws.set_row(row, note_height(shown + " " * max(0, institutions.TYPED_NAMES - len(institutions.names_text(municipality))), width))
    ws.write_formula(row, first_col, f"={institutions.names_expression()}&{text_formula('. ' + rest)}", fmt, shown)


def write_names_across(ws: Worksheet, row: int, first_col: int, last_col: int, municipality: Municipality,
                       fmt: xlsxwriter.format.Format) -> None:
    """The names of the intro line (write_intro) again above the columns ``first_col``–``last_col`` that print on
    the pages across of a sheet wider than a page: that row repeats on every page (print_setup), so each page names
    the municipality (audit35 F5, D173)."""
    ws.merge_range(row, first_col, row, last_col, "", fmt)
    ws.write_formula(row, first_col, f"={institutions.names_expression()}", fmt, institutions.names_text(municipality))


def note_height(text: str, width: float) -> int:
    """The height (pt) of a row that wraps a 9 pt note ``text`` in ``width`` column units (write_wide_note)."""
    return NOTE_LINE * max(1, -(-len(text) // int(width * NOTE_CHARS_PER_UNIT)))


def excel_number(value: Decimal) -> float:
    """An amount or quantity as the number a cell holds."""
    return float(value)


# The line under a report's totals that gives the balance at its end (29, 27): a balance, not a sum.
BALANCE_LABEL = "Atlikums pārskata perioda beigās, EUR"


# The three lines of the wrapped line of input errors (9 pt bold, 12 pt a line): the count, the first message and
# where the others are, within the printed columns it spans (never past a page's edge, audit29 F5).
ERRORS_LINE_HEIGHT = 38


def write_errors_line(ws: Worksheet, row: int, first_col: int, last_col: int, fmt: xlsxwriter.format.Format,
                      count: str, first: str, others: str = checks.OTHERS, height: float = ERRORS_LINE_HEIGHT,
                      hidden: str = "summas", warnings: checks.Warnings | None = None) -> None:
    """The wrapped cell above a report's amounts that counts the rows (and single cells) with wrong inputs, shows
    the first message and says where the others are – or, while none is wrong, the sheet's ``warnings``;
    ``first_col``–``last_col`` lie on one printed page."""
    ws.merge_range(row, first_col, row, last_col, "", fmt)
    otherwise = warnings.line() if warnings else '""'
    ws.write_formula(row, first_col, checks.summary(count, first, others, hidden, otherwise), fmt, "")
    ws.set_row(row, height)


def open_report_workbook(catalogue: Catalogue, target: Path, output_id: str, municipality: Municipality,
                         build_date: dt.date | None = None) -> tuple[xlsxwriter.Workbook, ReportFormats]:
    """A new report workbook at ``target`` with its properties (reports/properties.py, D52: its title from the
    output register, generator.documents.outputs; author and company the social service when its name is
    confirmed for the day the workbook is made for, else the toolkit) and the shared formats."""
    from generator.documents.build_step import papers_day
    from generator.documents.reports.properties import report_properties

    if output_id not in REPORT_WORKBOOKS:
        raise KeyError(f"atskaites darbgrāmata „{output_id}” nav izvažu sarakstā "
                       f"(zināmās: {', '.join(REPORT_WORKBOOKS)})")
    day = papers_day(catalogue, municipality, build_date)  # the names' day, as write_report_workbooks'
    target.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(str(target), {"strings_to_numbers": False, "strings_to_formulas": False})
    wb.set_properties({**report_properties(catalogue, output_id, municipality, day),
                       "comments": f"Veidnes versija {catalogue.version}", "created": excel_date(catalogue.latest_date)})
    return wb, ReportFormats(wb)


COUNT_EXPECTED = "jābūt veselam skaitlim, 0 vai vairāk"
COUNT_VALIDATION = {"validate": "integer", "criteria": ">=", "value": 0, "error_title": "Skaits",
                    "error_message": "Skaits ir vesels skaitlis, 0 vai vairāk."}


def excel_serial(day: dt.date) -> int:
    """``day`` as Excel's day number: a date formula's cached value."""
    return (day - dt.date(1899, 12, 30)).days
