"""D60: every text of 6.4's "Pārbaude" cell fits the two lines of 9 pt of its plan row, and the short message beside
an invalid amount of the summary fits its one line of 8 pt (G:I), measured with Carlito, Calibri's metric twin, at
Excel's column widths (narrower than LibreOffice's print). The print of a plan row with many failing checks and an
invalid input is proved in tests/workbook/test_print.py ("parbaudes")."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import above_max_message, maximums
from generator.reference.date_serials import SHEET_LAST_DAY, day_serial, serial_day, serial_message
from generator.reference.inputs import ABOVE_MAX_AFTER, above_max_text
from generator.reference.params import Params
from generator.workbook.input_checks import (
    FORMULA_TEXT,
    KINDS,
    MONTH_FIELDS,
    PLAN_FIELDS,
    PRICE_FIELD,
    SINGLE_FIELDS,
    logical_message,
)
from generator.workbook.layout import Layout
from generator.workbook.sheets import technical
from generator.workbook.sheets.calculation import (
    COLUMNS,
    FIRST_PAGE_TO,
    MESSAGES_64,
    NOTE_FROM,
    SOURCE_ROWS,
    VALUE,
    summary_top,
)
from generator.workbook.texts import (
    CHECK_FULL_CHARS,
    CHECK_SHORT_CHARS,
    CHECK_SHORT_POINTER,
    MSG,
    MSG_SHORT,
    OWN_PRICE_MSG,
)
from generator.workbook.writer import template_date

ImageFont = pytest.importorskip("PIL.ImageFont")
FONTS = Path("/usr/share/fonts/truetype/crosextra")
PADDING = 4.0  # pt: the cell's inner margins, both sides


def _font(name: str) -> object:
    path = FONTS / name
    if not path.exists():
        pytest.skip("uzstādiet fonts-crosextra-carlito: make setup")
    return ImageFont.truetype(str(path), 100)


def _width_pt(columns: list[str]) -> float:
    """The printable width of cells ``columns`` at Excel's widths (7 px a digit, 96 px an inch)."""
    widths = {c: w for c, _, w in COLUMNS}
    return sum(int(widths[c] * 7 + 5) for c in columns) * 0.75 - PADDING


def _lines(text: str, font: object, size: float, width: float) -> int:
    """Lines of ``text`` wrapped at spaces as a spreadsheet wraps a cell."""
    count, line = 1, ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) * size / 100 <= width:
            line = candidate
        else:
            count, line = count + 1, word
    return count


def _full_parts() -> list[list[str]]:
    """The full messages of each check in the formula's order; the day-care one with every row number it may name, the
    unconfirmed ceiling's also as a line that keeps the catalogue's own price says it (D303)."""
    parts = [[MSG[code], OWN_PRICE_MSG] if code == "ceiling_unconfirmed" else [MSG[code]] for _, code in MESSAGES_64]
    parts.append([f"{MSG['day_care_sessions']} {row}{more} – apstipriniet, ka tās ir cita speciālista vai grupas "
                  "nodarbības." for row in (9, 40) for more in ("", " (un vēl 9)")])
    parts.append([MSG["invalid_input_63"]])
    # D386: a void line's invalid 6.8 price with its cell, the widest address of a 6.8 row
    parts.append([MSG["invalid_price_68"].replace("{cell}", cell) for cell in ("I9", "I9999")])
    return parts


def test_full_messages_that_are_shown_fit_two_lines() -> None:
    """Every combination of the row's failing checks whose full text is at most CHECK_FULL_CHARS long (the cell shows it
    then) wraps in two lines of column L."""
    font, width = _font("Carlito-Regular.ttf"), _width_pt(["L"])
    parts = _full_parts()
    shown = 0
    for k in range(1, 4):
        for chosen in itertools.combinations(parts, k):
            for texts in itertools.product(*chosen):
                text = " ".join(texts)
                if len(text) <= CHECK_FULL_CHARS:
                    shown += 1
                    assert _lines(text, font, 9, width) <= 2, text
    assert shown > len(parts)  # single messages and pairs are shown whole


def test_short_messages_fit_two_lines() -> None:
    """The keywords of any set of failing checks, cut at CHECK_SHORT_CHARS with "…", with the pointer to
    6.11 fit two lines of column L."""
    font, width = _font("Carlito-Regular.ttf"), _width_pt(["L"])
    keywords = [MSG_SHORT[code] for _, code in MESSAGES_64]
    keywords += [f"{MSG_SHORT['day_care_sessions']} 40. rinda", MSG_SHORT["invalid_input_63"],
                 MSG_SHORT["invalid_price_68"]]
    # up to four keywords (every text up to the cut), and all of them (the longest cut text)
    sets = [c for k in range(1, 5) for c in itertools.combinations(keywords, k)] + [tuple(keywords)]
    for k in range(len(keywords)):
        sets.append(tuple(keywords[k:]))
    for chosen in sets:
        joined = "; ".join(chosen)
        if len(joined) > CHECK_SHORT_CHARS:
            joined = joined[:CHECK_SHORT_CHARS - 1] + "…"
        text = f"{joined}{CHECK_SHORT_POINTER}"
        assert _lines(text, font, 9, width) <= 2, text


def test_beside_message_fits_one_line() -> None:
    """The longest short message beside an invalid amount (F, the other sources) fits one line of 8 pt italic in G:I."""
    font = _font("Carlito-Italic.ttf")
    columns = [c for c, _, _ in COLUMNS]
    width = _width_pt(columns[columns.index(NOTE_FROM):columns.index(FIRST_PAGE_TO) + 1])
    cell = f"{VALUE}{summary_top(Layout(offers=0, months=6)) + SOURCE_ROWS[-1]}"  # the lowest: the longest address
    # and a logical value's (audit31d F4) and a formula's (D140), the longest of the kind's codes beside it
    for text in (f"{cell}: jābūt skaitlim", f"{cell}: jābūt skaitlim, kas nav mazāks par 0",
                 f"{cell}: {logical_message('money')}", f"{cell}: {FORMULA_TEXT}",
                 # D340: beside the cell without why (short_message_formula), the widest highest eur_formula says
                 f"{cell}: {above_max_text(Decimal('999999999.99')).removesuffix(ABOVE_MAX_AFTER)}"):
        assert _lines(text, font, 8, width) == 1, text


def test_a_list_line_of_money_above_the_highest_fits_one_line(catalogue: Catalogue) -> None:
    """D340: 6.11's list line of B, F, another source or a 6.8 price above the catalogue's highest – its label, the
    highest and a pasted 1e12 – fits one line of 8 pt across A:F, for the widest cell address, at Excel's widths; so
    does 6.10's delivered units' or payment's (D365), 6.3's period units' and 6.6's planned units' (D377)."""
    font = _font("Carlito-Regular.ttf")
    width = sum(int(technical.WIDTHS[c] * 7 + 5) for c in "ABCDEF") * 0.75 - PADDING
    highest = maximums(Params.from_catalogue(catalogue, template_date(catalogue)))
    assert set(highest) == ({f.name for f in (*SINGLE_FIELDS, PRICE_FIELD) if f.kind in ("money", "final")}
                            | {"Fakt_Daudzums", "Fakt_Summa", "Plans_Daudzums", "Men_Daudzums"})
    for name, top in highest.items():
        text = f"{technical.INVALID_SHOWN}. 6.10 AAA9999: {above_max_message(name, Decimal('1E12'), top)}"
        assert _lines(text, font, 8, width) == 1, text


def test_a_serials_list_line_fits_one_line() -> None:
    """D286: 6.11's list line of a day's serial in a number input – its label, the value, the date it looks like and
    how to type it – fits one line of 8 pt across A:F (the list's rows are one line high), for every number input and
    the widest cell address, at Excel's widths."""
    font = _font("Carlito-Regular.ttf")
    width = sum(int(technical.WIDTHS[c] * 7 + 5) for c in "ABCDEF") * 0.75 - PADDING
    serial = day_serial(SHEET_LAST_DAY)  # seven digits, the widest D286 counts (no upper end but the sheet's last day)
    fields = [f for f in (*SINGLE_FIELDS, *PLAN_FIELDS, *MONTH_FIELDS, PRICE_FIELD) if KINDS[f.kind].dated]
    assert len(fields) >= 13
    for field in fields:
        text = f"{technical.INVALID_SHOWN}. 6.10 AAA9999: {serial_message(field.label, serial, serial_day(serial))}"
        assert _lines(text, font, 8, width) == 1, text
