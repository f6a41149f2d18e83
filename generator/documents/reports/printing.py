"""Print setup shared by every report sheet: A4 landscape at 100 % (never shrunk: the smallest text stays 8 pt
on paper; a wider sheet continues on the next page with its label columns repeated), repeated rows from the intro
line that names the municipality down to the table's header (D173), a print area, the municipality's name in the page header, the catalogue version's id as in the documents ("kataloga versija
02e8ff79", no date that reads like a price list's or the report's own; D58, D80) and the form's name and page
("28. pielikums, 2. lapa") in the footer, and the signature block "Sagatavoja / Paraksts / Datums" of the reports whose originals go to the ministry (29, 30, 31; L2238–L2239), of 27 and of the register 28, which may be handed over on paper (D156) – on 28 above its total, on every page across (D242).
Notes for the people who prepare a form, not for those who receive it (that its layout is the project's
reconstruction), are cell comments on the title, which neither Excel nor LibreOffice prints (D36)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from generator.documents.docx_format import footer_version

SIGNATURE_LABELS = ("Sagatavoja (vārds, uzvārds, amats)", "Paraksts", "Datums")
# Row heights (pt) of the block: room for a handwritten name, signature and date (7–8.5 mm), kept low enough
# that the block prints on the page of the report's last rows.
SIGNATURE_HEIGHTS = {"Paraksts": 24}
FIELD_HEIGHT = 20
SIGNATURE_ROW = 26  # pt: signature_row's row – a handwritten signature, and its first label on two lines
# The row (0-based) of every report form's intro line, which names the municipality and its social service
# (institution_names): the first row each page repeats (print_setup).
INTRO_ROW = 1
SPACER = 6  # an empty row kept only as a narrow gap between parts of a report
# The comment box of an unprinted note: wide and tall enough for four lines of its text on screen.
NOTE_BOX = {"x_scale": 3, "y_scale": 2.5}


# The height (pt) the rows of an A4 landscape page get between print_setup's margins (0.5" top and bottom), less a
# reserve: LibreOffice printed rows of 518.25 pt on one page, 30's of 519.8 pt on two (D247).
PAGE_ROWS = 595.3 - 2 * 36 - 4


KEPT_ROWS = 3  # a longer round's last page holds at least this many report rows above its totals and signatures


def row_height(ws: Worksheet, row: int) -> float:
    """The printed height of ``row`` in pt (a hidden row prints none)."""
    pixels, hidden = ws.row_sizes.get(row, (ws.default_row_height, False))
    return 0.0 if hidden else pixels * 0.75


def page_breaks(ws: Worksheet, *, repeated: tuple[int, int], last_row: int, allowed: Iterable[int]) -> list[int]:
    """Manual page breaks for a sheet of a longer round, whose rows do not fit one page at 100 % (D247): each page
    takes as many rows as fit, a new page starting only at a row of ``allowed`` (a report row, never the totals or
    the signatures: the signatures print with the last report rows, and a page's rows are the rows of the table
    whose header ``repeated`` repeats on it). ``repeated``: the first and last row every page after the first
    repeats (print_setup). Return the rows that start a page (none when the sheet fits one page)."""
    heights = [row_height(ws, r) for r in range(last_row + 1)]
    repeat = sum(heights[repeated[0]:repeated[1] + 1])
    starts = sorted(set(allowed))
    breaks: list[int] = []
    start, used = 0, 0.0
    while used + sum(heights[start:]) > PAGE_ROWS:
        fits = [b for b in starts if b > start and used + sum(heights[start:b]) <= PAGE_ROWS]
        if not fits:
            break
        breaks.append(max(fits))
        start, used = breaks[-1], repeat
    if breaks:
        ws.set_h_pagebreaks(breaks)
    return breaks


def _escaped(text: str) -> str:
    """Text for an Excel header/footer, where "&" starts a control code."""
    return text.replace("&", "&&")


def print_setup(ws: Worksheet, *, municipality: str, title: str, version: str, header_row: int,
                last_row: int, last_col: int, repeat_cols: int = 0, repeat_from: int | None = None) -> None:
    """``repeat_cols``: how many leading label columns repeat on the pages that continue to the right;
    ``repeat_from``: the first row that repeats on every page down to ``header_row`` (default: INTRO_ROW, the
    intro line with the municipality's and social service's names every report form has, so the names typed on
    the form print on every page, not only the first: audit35 F5, D173; a page header cannot read a cell)."""
    ws.set_paper(9)  # A4
    ws.set_landscape()
    ws.set_print_scale(100)
    ws.set_margins(left=0.3, right=0.3, top=0.5, bottom=0.5)
    ws.print_across()  # a row block's pages follow each other: rows and their signatures stay together
    if repeat_cols:
        ws.repeat_columns(0, repeat_cols - 1)
    ws.set_start_page(1)  # "1. lapa" on each sheet, also when several sheets are printed at once
    ws.repeat_rows(min(INTRO_ROW if repeat_from is None else repeat_from, header_row), header_row)
    ws.print_area(0, 0, last_row, last_col)
    # No font-size code before the title: "&8" followed by "28.pielikums" would read as size 828.
    left = f"&L{_escaped(municipality)}" if municipality else ""  # no name: no left section (institution_names)
    ws.set_header(f"{left}&R{_escaped(title)}")
    # A space after the size code: "&8" followed by "28. pielikums" would read as size 828.
    ws.set_footer(f"&L&8{_escaped(footer_version(version))}&R&8 {page_label(title)}")


def form_name(title: str) -> str:
    """The form a sheet's title names ("28. pielikums" of "28. pielikums. Izdevumu reģistrs")."""
    found = re.match(r"^.*?pielikums", title)
    return found.group(0) if found else title


def page_label(title: str) -> str:
    """The footer's page number: the form's name and the sheet's own page, no total. "&N" counts the pages of
    the whole print job, so a workbook printed whole made a one-page report read "Lapa 1 no 5"; the form's name
    says which sheet a page belongs to, whichever way the workbook is printed."""
    return f"{_escaped(form_name(title))}, &P. lapa"


def signature_block(ws: Worksheet, first_row: int, label_col: int, value_first_col: int, value_last_col: int,
                    label: Format, field: Format, date_field: Format, line: Format | None = None,
                    prepared_last_col: int | None = None) -> int:
    """Write the block from ``first_row``; return its last row. ``line``: the signature's cell, a white line
    (a signature is written by hand, not typed: no yellow input); without it the signature takes ``field``.
    ``prepared_last_col``: the last column of the preparer's field, when it is wider than the others."""
    for i, text in enumerate(SIGNATURE_LABELS):
        row = first_row + i
        ws.write(row, label_col, text, label)
        cell_format = date_field if text == "Datums" else line if text == "Paraksts" and line else field
        last_col = prepared_last_col if i == 0 and prepared_last_col is not None else value_last_col
        if last_col > value_first_col:
            ws.merge_range(row, value_first_col, row, last_col, None, cell_format)
        else:
            ws.write_blank(row, value_first_col, None, cell_format)
        ws.set_row(row, SIGNATURE_HEIGHTS.get(text, FIELD_HEIGHT))
    return first_row + len(SIGNATURE_LABELS) - 1


def signature_row(ws: Worksheet, row: int, places: tuple[tuple[int, int, int], ...], label: Format, field: Format,
                  date_field: Format, line: Format, next_label: Format | None = None,
                  height: float = SIGNATURE_ROW) -> int:
    """The block "Sagatavoja / Paraksts / Datums" in one row (``places``: per label of SIGNATURE_LABELS its
    column and its field's first and last column); return the row. A page break never falls inside one row, so the
    block never splits (audit35 F11). ``next_label``: the format of the labels after the first (right-aligned,
    next to their fields); ``height``: the row's, at least SIGNATURE_ROW (a row the block shares may need more)."""
    for i, (text, (label_col, first, last)) in enumerate(zip(SIGNATURE_LABELS, places, strict=True)):
        ws.write(row, label_col, text, label if i == 0 or next_label is None else next_label)
        cell_format = date_field if text == "Datums" else line if text == "Paraksts" else field
        if last > first:
            ws.merge_range(row, first, row, last, None, cell_format)
        else:
            ws.write_blank(row, first, None, cell_format)
    ws.set_row(row, max(height, SIGNATURE_ROW))
    return row


def reconstruction_note(basis: str) -> str:
    """The preparer's note on a form whose layout the project reconstructed (``basis``: what the methodology
    gives and what the toolkit made), for ``unprinted_note`` (D36)."""
    return (f"Rekonstrukcija: {basis}. Ja Labklājības ministrija izsniedz savu veidlapu, lieto to. "
            "(Piezīme sagatavotājam, nedrukājas.)")


def unprinted_note(ws: Worksheet, text: str, row: int = 0, col: int = 0) -> None:
    """``text`` as a cell comment (by default on the title cell A1): shown when the pointer rests on the cell's
    red corner mark, in Excel and LibreOffice alike, also on a protected sheet, and printed by neither (their
    page setup prints no comments unless a person asks for them)."""
    ws.write_comment(row, col, text, NOTE_BOX)
