"""The fixed texts in the repeated label columns of the signed annexes fit them also at Excel's column widths.

Excel cannot be run here. Its column width is counted in digits of the workbook's default font (Calibri 11: 7 px
a digit, 96 px an inch), narrower than LibreOffice prints the same columns without Calibri. The cells' own font
is Calibri, measured with Carlito's glyph widths (the same metrics): each fixed label is measured with its glyph widths (fontTools) at its size and weight and must fit
the width of its merged range in Excel (less a little cell padding) in as many lines as its row holds. A label
that fits in Excel also fits in LibreOffice, whose columns are wider.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from openpyxl.utils import column_index_from_string, get_column_letter

from generator.workbook.layout import plan_row
from generator.workbook.writer import template_date
from tests.workbook.kept_book import kept_book

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


def lines_needed(text: str, width: float, size: float, bold: bool,
                 measure: Callable[[str, float, bool], float] | None = None) -> int:
    """Word-wrapped lines of ``text`` in ``width`` pt (glyph widths by ``measure``, text_width unless given); a single
    word wider than the width counts as too many."""
    measure = measure or text_width
    lines, current = 1, ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if measure(trial, size, bold) <= width:
            current = trial
        elif not current or measure(word, size, bold) > width:
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
    ws = kept_book(templates["liepaja"])[sheet]
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

    ws = kept_book(templates["liepaja"])[sheet]
    texts = {"service": [o.label for o in catalogue.offers(template_date(catalogue))],
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


def _room(ws, a1: str) -> tuple[float, float]:  # noqa: ANN001 - an openpyxl worksheet
    """Width (pt, less padding) and height (pt) of the cell ``a1`` or of the merged range it starts."""
    cell = ws[a1]
    merged = next((m for m in ws.merged_cells.ranges if (m.min_row, m.min_col) == (cell.row, cell.column)), None)
    rows = range(merged.min_row, merged.max_row + 1) if merged else range(cell.row, cell.row + 1)
    first, last = (merged.min_col, merged.max_col) if merged else (cell.column, cell.column)
    height = sum(ws.row_dimensions[r].height or 15 for r in rows)
    return excel_width_pt(ws, first, last) - PADDING_PT, height


def _fits(ws, a1: str, text: str, size: float, bold: bool) -> None:  # noqa: ANN001
    width, height = _room(ws, a1)
    room = int(height // (LINE_PT * size / 9))
    needed = lines_needed(text, width, size, bold)
    assert needed <= room, f"{ws.title}!{a1}: „{text}” Excel platumā {width:.0f} pt vajag {needed} rindu, ietilpst {room}"


@pytest.mark.parametrize("sheet", ("6.3", "6.6"))
def test_checks_print_whole_in_excel(templates: dict[str | None, Path], sheet: str) -> None:
    """D35: every check failing at once still prints whole: the legend under the table with all its texts, and a
    plan row's "Pārbaude" cell with every number (6.3: the day-care one naming row 40) in two lines."""
    from generator.workbook.sheets.check_codes import SEPARATOR
    from generator.workbook.texts import CHECKS_63, CHECKS_66, CHECKS_LEGEND_LABEL, ROW_WORD

    ws = kept_book(templates["liepaja"])[sheet]
    checks, codes_col = (CHECKS_63, "K") if sheet == "6.3" else (CHECKS_66, "L")
    assert ws[f"{codes_col}7"].value == "Pārbaude", ws[f"{codes_col}7"].value
    legend = next(c for row in ws.iter_rows(min_row=plan_row(39) + 1, max_row=plan_row(39) + 4) for c in row
                  if isinstance(c.value, str) and "COUNTIF" in c.value)
    every = "; ".join(f"{k} – {text}" for k, (_, text) in enumerate(checks, start=1))
    _fits(ws, legend.coordinate, f"{CHECKS_LEGEND_LABEL} {every}.", legend.font.sz, bool(legend.font.b))
    numbers = [str(k) for k in range(1, len(checks) + 1)]
    if sheet == "6.3":
        numbers[4] += f" (40. {ROW_WORD})"
    cell = ws[f"{codes_col}9"]
    _fits(ws, cell.coordinate, SEPARATOR.join(numbers), cell.font.sz or 9, bool(cell.font.b))


def test_long_texts_fit_in_excel(templates: dict[str | None, Path]) -> None:
    """6.6's note of 60 characters in two lines of Piezīmes; the longest realistic child's name in one line of 6.3's
    and 6.5's wider child line (two lines with the personal code) and in two lines of 6.6 and 6.9 (three lines)."""
    from tests.workbook.test_print import LONG_CHILD, NOTE_66

    wb = kept_book(templates["liepaja"])
    assert len(NOTE_66) >= 60
    _fits(wb["6.6"], "M9", NOTE_66, 9, False)
    assert wb["6.6"]["M7"].value == "Piezīmes"
    for sheet in SIGNED:
        child = f"Bērns: {LONG_CHILD.child_name}"
        width, height = _room(wb[sheet], "A3")
        lines = lines_needed(child, width, 9, True) + 1  # the personal code on a line of its own
        assert lines * LINE_PT <= height + 0.5, f"{sheet}!A3: „{child}” + kods vajag {lines} rindu, augstums {height}"


def test_check_texts_fit_their_rows_in_excel(templates: dict[str | None, Path]) -> None:
    """6.11's checks table: each check's rows are as high as its 8 pt text needs (technical.rule_lines, counted in
    characters so that the template does not depend on a font file), and that is enough at Excel's width of A:C
    (measured with Calibri's metrics) for its description, and of column F for where it shows: two checks pages,
    none of them cut (test_print.test_611_checks_share_their_pages_evenly)."""
    from generator.workbook.sheets import first_cell
    from generator.workbook.sheets.technical import RULE_COUNT, RULE_LONGEST, rule_row, rules, tables

    ws = kept_book(templates["liepaja"])["6.11"]
    codes = [code for code, *_ in rules("multipli")]
    for index in range(RULE_COUNT):
        row = rule_row(index)
        assert ws[f"D{row}"].value in ("kļūda", "brīdinājums", "ieraksts"), (row, ws[f"D{row}"].value)
        for letter in "AF":  # the description in A:C (a formula's longest text, audit20 F14), where it shows in F
            text = ws[f"{letter}{row}"].value
            if letter == "A" and codes[index] in RULE_LONGEST:
                assert str(text).startswith("="), text
                text = RULE_LONGEST[codes[index]]
            if letter == "F" and codes[index] in first_cell.PLACES:  # its first cell, or the tables (D371)
                assert str(text).startswith("="), text
                _fits(ws, f"F{row}", first_cell.LONGEST[codes[index]], 9, False)
                text = tables(rules("multipli")[index][3])
            _fits(ws, f"{letter}{row}", text, 8 if letter == "A" else 9, False)  # descriptions at 8 pt


def test_month_cells_of_610_hold_an_amount_in_excel(templates: dict[str | None, Path]) -> None:
    """6.10's narrower month columns (three pages across, audit9 F10) still hold a month's amount up to "12 345,67"
    and the month "07.2021" at Excel's width: a number that does not fit prints "###"."""
    from generator.workbook.sheets.execution import MONTH_WIDTH

    ws = kept_book(templates["liepaja"])["6.10"]
    months = [c.column for c in ws[7] if c.value == 1]  # the first month of each block (period month numbers)
    assert len(months) == 3, months
    for first in months:
        # openpyxl keeps a run of equal widths under its first column (min..max)
        width = next(d.width for d in ws.column_dimensions.values() if d.min <= first <= d.max)
        assert width == pytest.approx(MONTH_WIDTH, abs=1)
        room = round(width * DIGIT_PX) * 0.75 - PADDING_PT
        assert text_width("12 345,67", 9, True) <= room and text_width("07.2021", 8, False) <= room, room


@pytest.mark.parametrize("sheet", ("6.6", "6.7", "6.10"))
def test_part_month_headings_fit_in_excel(templates: dict[str | None, Path], sheet: str) -> None:
    """A part first month's heading (audit13 F13, D93) prints whole in every first month column: the widest days
    ("28.–31.") over the month in two lines of the heading row at the style's size (8 pt, readable: ≥ 8 pt), at
    Excel's width. "30.04.2019" in one line would not fit 6.6's narrow columns."""
    import datetime as dt

    from generator.reference.month_labels import first_month_days

    ws = kept_book(templates["liepaja"])[sheet]
    firsts = [c for c in ws[7] if c.value == 1]  # the period month numbers' first month (6.10: three blocks)
    assert len(firsts) == (3 if sheet == "6.10" else 1), firsts
    starts = [dt.date(2019, 1, 1) + dt.timedelta(days=k) for k in range(365)]
    widest = max((first_month_days(d) for d in starts), key=lambda t: text_width(t, 8, False))
    for number in firsts:
        heading = ws.cell(number.row + 1, number.column)
        size = float(heading.font.sz or 11)
        assert size >= 8 and heading.alignment.wrap_text, (sheet, heading.coordinate, size)
        width, height = _room(ws, heading.coordinate)
        assert int(height // (LINE_PT * size / 9)) >= 2, (sheet, heading.coordinate, height)
        for line in (widest, "12.2019"):
            assert text_width(line, size, False) <= width, (sheet, heading.coordinate, line, width)


def test_names_of_the_limits_length_fit_under_the_signatures_in_excel(templates: dict[str | None, Path]) -> None:
    """D170: the parent's and the worker's names of input_checks.NAME_CHARS capitals with diacritics (the widest
    letters a name has) fit the one line under each signature line of the signed annexes at Excel's widths, in the
    cell's own font (8 pt: in 9 pt 6.6's A:B held 39 of them), and the child's name with the personal code fits the
    header's child line."""
    from generator.workbook.input_checks import NAME_CHARS
    from tests.workbook.test_print_goals import text_of

    name = text_of(NAME_CHARS, "ŠĶĒRŠĻU", "ANNA-MARIJA ELIZABETE OZOLIŅA-BĒRZIŅA MĀRTIŅA VĪTOLA-KALNIŅA ")
    assert len(name) == NAME_CHARS
    wb = kept_book(templates["liepaja"])
    for sheet in SIGNED:
        ws = wb[sheet]
        signers = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)
                   and c.value.startswith(("=IF(Vecaks_VardsUzvards=", "=IF(Socialais_Darbinieks="))]
        assert len(signers) == (1 if sheet == "6.9" else 2), sheet
        for cell in signers:
            _fits(ws, cell.coordinate, name, cell.font.sz or 9, bool(cell.font.b))
        width, height = _room(ws, "A3")
        lines = lines_needed(f"Bērns: {name}", width, 9, True) + 1  # the personal code on a line of its own
        assert lines * LINE_PT <= height + 0.5, f"{sheet}!A3: „{name}” + kods vajag {lines} rindu, augstums {height}"


# Excel 2010 draws text in whole pixels (GDI): at 96 dpi 8 pt is an 11 px em, each glyph's advance rounded to a pixel
# (taken up here, the worst case), and it gives a line of 8 pt Calibri 15 px, 11,25 pt (its row height for that size).
EXCEL_LINE_8PT = 11.25
EXCEL_SLACK = 1.15  # a further 15 % for what the estimate does not know (bold hinting, the merged cell's own margins)


def excel_worst_width(text: str, size: float, bold: bool) -> float:
    """``text``'s width in pt as Excel 2010 may draw it at the worst: each glyph's advance rounded up to whole pixels
    of the font's pixel em, then EXCEL_SLACK wider."""
    import math

    font = _font(bold)
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    em = round(size * 96 / 72)
    px = sum(math.ceil(metrics[cmap.get(ord(c), cmap[ord("?")])][0] / font["head"].unitsPerEm * em) for c in text)
    return px * 0.75 * EXCEL_SLACK


def test_the_amount_legend_of_67_cannot_be_cut_in_excel(templates: dict[str | None, Path]) -> None:
    """D304, D313: 6.7's legend stands in the repeated header rows 1–2 (8 pt bold), which have room for three of
    Excel's lines; at the worst widths (excel_worst_width) it still takes three, so Excel 2010 cannot cut it (the
    longer legend before D313 fitted LibreOffice in three lines but took four at these widths)."""
    from generator.workbook.texts import (
        AMOUNT_MARK_BOTH,
        AMOUNT_MARK_NO_PRICE,
        AMOUNT_MARK_NOTE,
        CELL,
        MORE_CELLS,
    )

    ws = kept_book(templates["liepaja"])["6.7"]
    [cell] = [c for c in ws[1] if isinstance(c.value, str) and AMOUNT_MARK_NOTE in c.value]
    assert cell.font.sz >= 8 and cell.alignment.wrap_text, (cell.font.sz, cell.alignment.wrap_text)
    width, height = _room(ws, cell.coordinate)
    room = int(height // (EXCEL_LINE_8PT * cell.font.sz / 8))
    # D367: the legends of a line priced 0,00 too, with the longest cell they name (a 6.8 row of three digits)
    for legend in (AMOUNT_MARK_NOTE, *(t.replace(CELL, f"I128{MORE_CELLS}") for t in (AMOUNT_MARK_NO_PRICE,
                                                                                      AMOUNT_MARK_BOTH))):
        lines = excel_worst_lines(legend, width, cell.font.sz, bool(cell.font.b))
        assert lines <= room, (f"6.7!{cell.coordinate}: Excel sliktākajā platumā vajag {lines} rindu, ietilpst "
                               f"{room}: {legend}")


def excel_worst_lines(text: str, width: float, size: float, bold: bool) -> int:
    """Word-wrapped lines of ``text`` in ``width`` pt at Excel's worst glyph widths (excel_worst_width)."""
    return lines_needed(text, width, size, bold, excel_worst_width)


def test_the_price_note_of_610_cannot_be_cut_in_excel(templates: dict[str | None, Path]) -> None:
    """D372: 6.10's note on the marked prices under the summary (A:C, 8 pt) takes four of Excel's lines at the worst
    widths (LibreOffice's three), each of its three texts with the longest 6.8 cell they name: its row is as high as
    four such lines (a row of 33 pt held three, and Excel cut the note's end)."""
    from generator.workbook.texts import (
        CELL,
        MORE_CELLS,
        PRICE_MARK_BOTH,
        PRICE_MARK_NO_PRICE,
        PRICE_MARK_NOTE,
    )

    ws = kept_book(templates["liepaja"])["6.10"]
    [cell] = [c for row in ws.iter_rows(max_col=1) for c in row
              if isinstance(c.value, str) and PRICE_MARK_NOTE in c.value]
    assert cell.font.sz == 8 and cell.alignment.wrap_text, (cell.font.sz, cell.alignment.wrap_text)
    width, height = _room(ws, cell.coordinate)
    room = int(height // EXCEL_LINE_8PT)
    needed = [excel_worst_lines(t.replace(CELL, f"I128{MORE_CELLS}"), width, 8, bool(cell.font.b))
              for t in (PRICE_MARK_NOTE, PRICE_MARK_NO_PRICE, PRICE_MARK_BOTH)]
    assert max(needed) <= room, f"6.10!{cell.coordinate}: Excel sliktākajā platumā vajag {needed} rindu, ietilpst {room}"


def test_check_messages_of_610_fit_their_plan_row_in_excel(templates: dict[str | None, Path]) -> None:
    """D381: every text 6.10's „Pārbaude” cell of a plan row can show for one failing check – each message literal of
    its formula (MESSAGES_610 and the void line's payments, D372), and the invalid input with each of the row's input
    cells it lists, alone and the two widest together – fits the two lines of 9 pt its row holds (LINE_PT, as the
    signed annexes' check numbers) at Excel's worst widths (excel_worst_width). LibreOffice fitted them; at Excel's
    widths three of them took three lines in the column 22 wide, and the third was cut."""
    import re

    from generator.workbook.layout import PLAN_ROWS
    from generator.workbook.sheets.execution import MESSAGES_610

    ws = kept_book(templates["liepaja"])["6.10"]
    [head] = [c for c in ws[plan_row(0) - 2] if c.value == "Pārbaude"]
    checked = 0
    for k in range(PLAN_ROWS):
        cell = ws.cell(plan_row(k), head.column)
        formula = str(cell.value)
        assert formula.startswith("=TRIM(") and cell.alignment.wrap_text, (cell.coordinate, formula[:40])
        size, bold = float(cell.font.sz or 11), bool(cell.font.b)
        width, height = _room(ws, cell.coordinate)
        room = int(height // (LINE_PT * size / 9))
        assert room == 2, f"6.10!{cell.coordinate}: {height} pt, {room} rindas"
        literals = [t.replace('""', '"') for t in re.findall(r'"((?:[^"]|"")*)"', formula)]
        cells = [t.strip() for t in literals if re.fullmatch(r"[A-Z]{1,3}[0-9]+ ", t)]
        [lead] = [t.strip() for t in literals if t.rstrip().endswith(":")]  # "Nederīga ievade:"
        [tail] = [t for t in literals if t.startswith(" (")]  # " (sk. 6.11. tabulu)."
        messages = [t.strip() for t in literals if t.strip() and t.strip() not in (*cells, lead, tail.strip(), ",")]
        assert len(messages) == len(MESSAGES_610) + 1 and all(m.endswith(".") for m in messages), messages
        assert len(cells) > 2 * 6, cells  # the delivered and the paid months of the longest period, the note
        widest = sorted(cells, key=lambda c: excel_worst_width(c, size, bold))[-2:]
        texts = messages + [f"{lead} {c}{tail}" for c in cells] + [f"{lead} {', '.join(widest)}{tail}"]
        too_long = {t: n for t in texts if (n := excel_worst_lines(t, width, size, bold)) > room}
        assert not too_long, f"6.10!{cell.coordinate}: Excel sliktākajā platumā ({width:.0f} pt) vajag {too_long}"
        checked += len(texts)
    assert checked >= PLAN_ROWS * (5 + 13 + 1), checked  # five messages, 13 single cells, two cells together


def test_the_warning_of_65_cannot_be_cut_in_excel(templates: dict[str | None, Path]) -> None:
    """D384: each text 6.5's warning beside the title may show (its formula's literals) keeps to the two lines of 8 pt
    of C2:I2 at Excel's worst widths (excel_worst_lines) – the price warnings grew by the papers' words of the plan's
    period's price – and to Excel's 255 characters of one string literal."""
    import re

    from generator.workbook.texts import (
        ANNEX_BOTH_BLANK,
        ANNEX_NO_PRICE_MORE,
        ANNEX_PRICE_AGAIN,
        ANNEX_PRICE_BLANK,
    )

    ws = kept_book(templates["liepaja"])["6.5"]
    (sheet, a1), = ws.parent.defined_names["Bridinajums_Baze_65"].destinations
    cell = ws[a1.replace("$", "")]
    assert sheet == "6.5" and cell.font.sz == 8 and cell.alignment.wrap_text, (sheet, a1, cell.font.sz)
    texts = {t for t in re.findall(r'"([^"]*)"', cell.value) if t.startswith("UZMANĪBU")}
    assert {ANNEX_BOTH_BLANK, ANNEX_NO_PRICE_MORE, ANNEX_PRICE_AGAIN, ANNEX_PRICE_BLANK} <= texts, texts
    width, height = _room(ws, cell.coordinate)
    room = int(height // EXCEL_LINE_8PT)
    assert room == 2, (cell.coordinate, height)
    for text in sorted(texts):
        assert len(text) <= 255, (len(text), text)
        lines = excel_worst_lines(text, width, 8, bool(cell.font.b))
        assert lines <= room, f"6.5!{cell.coordinate}: Excel sliktākajā platumā vajag {lines} rindu, ietilpst {room}: {text}"
