"""Sheets 6.6 (support plan part III: planned units per period month, a signed annex) and 6.7
(reconstructed, D14: planned EUR per line per month = ROUND(6.6 units × price, 2))."""

from __future__ import annotations

from generator.reference.rules import CALENDAR_DAY, HOUR, HOURS_A_DAY
from generator.workbook.input_checks import (
    KINDS,
    MONTH_FIELDS,
    MONTH_TEXT_FIELDS,
    Field,
    after_period,
    on_line,
    units_validation,
)
from generator.workbook.layout import C64, Layout, col, unit_code_cols
from generator.workbook.sheetio import Sheet
from generator.workbook.sheets import check_codes, plan_rows, price_marks
from generator.workbook.sheets.calculation import INVALID_UNITS, VOID_FLAG_NAME, unit_names
from generator.workbook.sheets.common import (
    PLAN_ROW_HEIGHT,
    TITLE_HEIGHT,
    UNIT_HEADING,
    header_block,
    plan_row_lead,
    print_setup,
    protect,
    signature_block,
    signed_rows_formula,
    statement_with_rows_line,
    units_max_text,
)
from generator.workbook.sheets.plan import PLAN_CODES, text_validation
from generator.workbook.texts import (
    AMOUNT_MARK_BOTH,
    AMOUNT_MARK_NO_PRICE,
    AMOUNT_MARK_NOTE,
    CHECKS_66,
    EMPTY_MARK,
    PARENT_STATEMENT,
)

OUT_OF_PERIOD = "ārpus perioda"
# D197: what follows 6.6's plan rows is exactly as high as four plan rows (116 px = 4 × 29 px, 22 pt rows as
# LibreOffice and Excel draw them in whole pixels): the two day rows of one 8 pt line each (labels in A:D), the
# warning and legend row, the parent's statement in one line and both parties' signatures side by side. With the
# page holding 19 plan rows on the first page and 20 on every further one (rows 3–8 repeated: ROW_7_HEIGHT, the
# header's gap, the child's line of two lines beside the municipality), the last row of every group of five (5, 10,
# …, 40) is at most the 16th of its page, four rows above its foot, so the block and the signatures always print on
# the page of the last open row (bench/signed_pages.py, tests/workbook/test_signed_page_rows.py,
# tests/workbook/test_signed_page_arithmetic.py).
DAY_ROW_HEIGHT = 12
# the title in two lines of 11 pt over A:D (three lines in A:B left the first page 18 plan rows)
TITLE_COLS_66 = "D"
TITLE_HEIGHT_66 = 32
ROW_7_HEIGHT = 11.25  # the months' numbers ("1. mēn."): one line of 9 pt bold
GAP_ROW_HEIGHT_66 = 1.5  # row 6, between the header block and the table header
BLANK = "______"  # texts.BLANK
# beside the working days of 6.6 when a month's year has no holiday list in the catalogue (D62): two lines of the notes
NO_HOLIDAYS = "„______”: gadam katalogā nav svētku dienu saraksta"
# beside 6.6's planned day-care and workshop days when a month has more than its working days in the plan period (D11)
DAYS_EXCEEDED = "Iezīmēts: dienu vairāk nekā darba dienu plāna periodā"
UNITS_SHEET = "6.6"  # the signed annex of planned units; its plan rows' unit column:
UNIT_COLUMN = "C"
MONTH_WIDTH = 6.5  # 6.6: "09.2019" in 8 pt and a month's units in 9 pt
NOTE_WIDTH = 27  # 6.6's Piezīmes: a note of input_checks.NOTE_CHARS_66 characters in two lines of 9 pt
SIGNED_SHEET = "parakstāmajā 6.6.\u00a0tabulā"  # where the note prints (its limit's data validation)
# 6.6, 6.7, 6.10: two lines of 8 pt in the month headings' row: a part first month ("16.–30." over "04.2019", D93)
# and "ārpus perioda" in the narrow month columns
MONTH_NAME_HEIGHT = 22

MONTH_LIMIT_CODE = "units_above_month"  # D147 per month: a month's nights or hours above its days in the period
MESSAGES_66 = (
    (C64.f_months, "monthly_units"),
    (C64.f_outside, "outside_period"),
    (C64.f_ignored, "ignored_line_data"),
)


def month_headers(sh: Sheet, cols: list[str], number_row: int, name_row: int) -> None:
    """A row with the period month numbers (used by the formulas) and a row with the calendar months as MM.YYYY
    (the first day of the month, h_MenSakums, shown as "09.2019": a month's name such as "septembris" does not fit
    the narrow month columns of the one-page-wide 6.6 and of 6.10 in one piece); a part first month with its days
    (first_month_label, D93)."""
    st = sh.st
    for k, c in enumerate(cols, start=1):
        sh.number(f"{c}{number_row}", k, st.month_number)
        month = first_month_label("Perioda_Sakums") if k == 1 else f"INDEX(h_MenSakums,{k})"
        heading = f'IF(AND(h_Menesi>0,{k}>h_Menesi),"{OUT_OF_PERIOD}",{month})'
        sh.formula(f"{c}{name_row}", heading, st.month_year, "")
        sh.watch(f"{c}{name_row}", heading, "mēneša virsraksts")


def first_month_label(start: str) -> str:
    """The first month's heading: a plan that enters it after its 1st (D93) heads it with the days it holds, as the
    reference's month_labels (and so a child's papers) do, the days on a line of their own ("16.–30." over "04.2019":
    "30.04.2019" in one line does not fit the narrow month columns at 8 pt); from the 1st the month's first day
    (h_MenSakums), shown as "04.2019". Text from DAY, MONTH and YEAR, never TEXT(), whose format codes depend on the
    spreadsheet's locale."""
    end_day = f"DAY(DATE(YEAR({start}),MONTH({start})+1,0))"
    days = f'RIGHT("0"&DAY({start}),2)&"."&IF(DAY({start})<{end_day},"–"&{end_day}&".","")'
    month = f'RIGHT("0"&MONTH({start}),2)&"."&YEAR({start})'
    return f"IF(AND(ISNUMBER({start}),DAY({start})>1),{days}&CHAR(10)&{month},INDEX(h_MenSakums,1))"


def mark_pasted_dates(sh: Sheet, cells: str, code: str, field: Field) -> None:
    """A month input of ``cells`` holding a date or a day's serial (its check ``code`` of the first cell: the kind's
    date or serial code) prints INVALID_UNITS in the error's fill (D304): a date's format in a narrow month column
    printed „###”, a serial a five-figure number. Written before the inputs' other marks, so that it comes first."""
    kind = KINDS[field.kind]
    sh.ws.conditional_format(cells, {"type": "formula", "format": sh.st.invalid_number_mark,
                                     "criteria": f"=OR({code}={kind.date_code},{code}={kind.serial_code})"})


def grey_outside_period(sh: Sheet, cols: list[str], number_row: int, first: int) -> None:
    """Months after the period grey on the plan lines only: a spacer row (D288) stays blank – greyed, the tall one
    printed as a grey bar on the signed page."""
    runs = [(a, b) for _, a, b in sh.book.layout.segments(first)]
    ranges = [f"{cols[0]}{a}:{cols[-1]}{b}" for a, b in runs]
    sh.ws.conditional_format(
        ranges[0],
        {"type": "formula", "criteria": f"=AND(h_Menesi>0,{cols[0]}${number_row}>h_Menesi)",
         "format": sh.st.inactive_mark, "multi_range": " ".join(ranges)},
    )


def limit_cols(lay: Layout) -> list[str]:
    """6.6's hidden columns of the months' D147 flags (1: the cell's nights or hours are above what the month holds
    in the plan period), one per month column, right of the input check codes and the note's check."""
    after = col(unit_code_cols(lay)[-1], 1)  # the note's length check
    return [col(after, 1 + k) for k in range(lay.months)]


def month_days(k: int) -> str:
    """Formula: the calendar days of period month ``k`` inside the plan period (reference month_unit_limits): from its
    1st or the period's first day (D93) to its last day or the period's; "" while the period is not known."""
    start = f"INDEX(h_MenSakums,{k})"
    end = f"MIN(DATE(YEAR({start}),MONTH({start})+1,0),Perioda_Beigas)"
    known = f"AND(h_MenOK=1,{k}<=h_Menesi,ISNUMBER({start}),ISNUMBER(Perioda_Sakums),ISNUMBER(Perioda_Beigas))"
    return f'IF({known},{end}-MAX({start},Perioda_Sakums)+1,"")'


def month_limit_flag(cell: str, days: str, r: int, units: dict[str, str], code: str, units_code: str) -> str:
    """Formula: 1 when the 6.6 ``cell`` of a counted line (6.4 row ``r``) plans more nights (``diennakts``) than the
    month's ``days`` in the plan period, or more hours (``stunda``) than 24 of each (reference
    check_month_unit_limits, D147 per month), else 0; 0 too while the cell is an invalid input (its check ``code``
    above 0: a date's serial is no number of hours; one paste, one error, D298). A line whose period units on 6.3 are
    an invalid input (their check ``units_code`` above 0) is checked too, while it has a service (D304): the month's
    limit rests on the month's cell and the service's unit only, not on the period units, so it is an error of its own,
    not one that follows from the paste (D140's one paste, one error does not hide it)."""
    unit = f"INDEX(h_Pak_Mervieniba,'6.4'!$N{r})"
    over = (f'OR(AND({unit}="{units.get(CALENDAR_DAY, CALENDAR_DAY)}",{cell}>{days}),'
            f'AND({unit}="{units.get(HOUR, HOUR)}",{cell}>{HOURS_A_DAY}*{days}))')
    line = f"OR('6.4'!${C64.h_active}{r}=1,AND('6.4'!${C64.h_row}{r}>0,N({units_code})>0))"
    return f"IF(AND({line},ISNUMBER({days}),ISNUMBER({cell}),N({code})=0),IF({over},1,0),0)"


def write_units(sh: Sheet) -> None:
    """6.6: Men_Daudzums, rows × months, with the row total, the failing checks' numbers and a note."""
    book, st = sh.book, sh.st
    lay: Layout = book.layout
    cols = lay.month_cols("E")
    total_c, note_c, free_c = (col(cols[-1], k) for k in (1, 2, 3))
    code_cols = unit_code_cols(lay)
    note_code = col(code_cols[-1], 1)  # the note's length check (D90), hidden beside the months' codes
    flag_cols = limit_cols(lay)  # D147 per month, hidden right of them
    units_code = dict(zip("CDFGI", PLAN_CODES, strict=True))["G"]  # 6.3's check code of the period units
    units = unit_names(book.catalogue)
    header_block(
        sh,
        "6.6. Atbalsta plāns / III daļa – SBS pakalpojumu saņemšanas intensitāte pa mēnešiem",
        "Līguma ar vecāku pielikums. Katra pakalpojuma plānotās vienības katrā perioda mēnesī; rindas summai jāsakrīt "
        "ar daudzumu periodā 6.3. tabulā.",
        free_c,
        TITLE_COLS_66,  # the left-hand block is the repeated label columns A:D: whole on every page across
        title_to=free_c,  # one page wide: the subtitle and the right-hand block up to the notes
        two_lines=True,
        title_height=TITLE_HEIGHT_66,
        child_to=TITLE_COLS_66,  # the child's name in one line, the code under it (D170): row 3 two lines high
        signed=True,
        count_from=free_c,  # the page count (D295) beside the worker's line, over Piezīmes
    )
    sh.row_height(3 + 3, GAP_ROW_HEIGHT_66)
    # one landscape page wide at Excel's column widths (LibreOffice prints them alike with Carlito): the service's
    # name wraps in two lines of B, a note of NOTE_CHARS_66 characters in two lines of the last column (NOTE_WIDTH); the row
    # total beside "Daudzums periodā" shows a difference (marked, and check 1 under the table names it)
    # B two units wider than 6.5's and 6.9's narrowest label columns need (D180): the signers' names under the
    # signatures (A:B, one line of 8 pt) hold input_checks.NAME_CHARS capitals with diacritics at Excel's widths too
    widths = {"A": 3, "B": 32, UNIT_COLUMN: 10, "D": 9} | {c: MONTH_WIDTH for c in cols} | {total_c: 7, note_c: 8,
                                                                                  free_c: NOTE_WIDTH}
    sh.widths(widths)
    head = lay.table_header
    for c, text in (("A", "Nr."), ("B", "SBS pakalpojums (6.3. tabula)"), (UNIT_COLUMN, UNIT_HEADING), ("D", "Daudzums periodā"),
                    (total_c, "Kopā"), (note_c, "Pārbaude"), (free_c, "Piezīmes")):
        sh.merge_text(f"{c}{head}:{c}{head + 1}", text, st.header)
    month_headers(sh, cols, head, head + 1)
    sh.row_height(head, ROW_7_HEIGHT)
    sh.row_height(head + 1, MONTH_NAME_HEIGHT)
    sh.define("h_MenNr66", f"{cols[0]}{head}", f"{cols[-1]}{head}")
    sh.define("h_MenVirsraksti66", f"{cols[0]}{head + 1}", f"{cols[-1]}{head + 1}")  # the months' headings
    for k, c in enumerate(flag_cols, start=1):  # each month's calendar days in the plan period, above its flags
        sh.formula(f"{c}{head}", month_days(k), st.helper, "")
    sh.define("h_MenKalDienas", f"{flag_cols[0]}{head}", f"{flag_cols[-1]}{head}")
    for i in range(lay.plan_rows):
        row, r = lay.plan_row(i), lay.calc_first + i
        sh.row_height(row, PLAN_ROW_HEIGHT)
        # an unused row (no service, no month's units, no note) prints EMPTY_MARK in its Nr. and service: struck (F2)
        used = f'OR(D{row}<>"",COUNTA({cols[0]}{row}:{cols[-1]}{row},{free_c}{row})>0)'
        shown = (
            ("A", plan_rows.mark_unused(used, str(i + 1)), st.out_whole, EMPTY_MARK, "rindas numurs", ""),
            ("B", f"IF($A{row}=\"{EMPTY_MARK}\",\"{EMPTY_MARK}\",'6.4'!$B{r}&\"\")", st.out_text_wrap, EMPTY_MARK,
             "SBS pakalpojums", "6.4. tabulai"),
            (UNIT_COLUMN, f"'6.4'!$D{r}&\"\"", st.out_text_wrap, "", "mērvienība", "6.4. tabulai"),
            # D378: 6.4's "Daudzums periodā" itself – INVALID_UNITS for invalid units (D332), not the 0 a void line's
            # h_Daudzums holds, which printed as the plan's units beside the months' total
            ("D", f"IF('6.4'!${C64.h_row}{r}>0,'6.4'!${C64.units}{r},\"\")", st.out_units, "", "daudzums periodā",
             "6.4. tabulai"),
        )
        for c, formula, fmt, cached, label, source in shown:
            sh.formula(f"{c}{row}", formula, fmt, cached)
            sh.watch(f"{c}{row}", formula, label, source, line=i)
        for c in cols:
            sh.blank(f"{c}{row}", st.input_units)
        # a month that is an invalid input (a date's serial, a text): the total rests on it and prints INVALID_UNITS,
        # as 6.4's "Daudzums periodā" of invalid units does (D140, D298), not 46 482 hours
        total = (f"IF(SUM({code_cols[0]}{row}:{code_cols[-1]}{row})>0,\"{INVALID_UNITS}\","
                 f"IF(COUNT({cols[0]}{row}:{cols[-1]}{row})>0,SUM({cols[0]}{row}:{cols[-1]}{row}),\"\"))")
        sh.formula(f"{total_c}{row}", total, st.out_units, "")
        sh.watch(f"{total_c}{row}", total, "vienību kopsumma", line=i)
        for c, h in zip(cols, code_cols, strict=True):
            sh.check(after_period(on_line(MONTH_FIELDS[0], r), sh.title, f"${c}${head}"), f"{c}{row}", f"{h}{row}")
        for c, h, code in zip(cols, flag_cols, code_cols, strict=True):
            sh.formula(f"{h}{row}", month_limit_flag(f"{c}{row}", f"{h}${head}", r, units, f"{code}{row}",
                                                     f"'6.3'!${units_code}${row}"), st.helper, 0)
        parts = [(f"'6.4'!${c}{r}>0", f'"{check_codes.number(CHECKS_66, code)}"') for c, code in MESSAGES_66]
        parts.append((f"SUM({flag_cols[0]}{row}:{flag_cols[-1]}{row})>0",
                      f'"{check_codes.number(CHECKS_66, MONTH_LIMIT_CODE)}"'))
        sh.check(MONTH_TEXT_FIELDS[0], f"{free_c}{row}", f"{note_code}{row}")
        parts.append((f"SUM({code_cols[0]}{row}:{note_code}{row})>0",
                      f'"{check_codes.number(CHECKS_66, "invalid_input")}"'))
        sh.formula(f"{note_c}{row}", check_codes.row_codes(parts), st.message, "")
        sh.blank(f"{free_c}{row}", st.input_wrap)
    first, last = lay.plan_first, lay.plan_last
    sh.define("Men_Daudzums", f"{cols[0]}{first}", f"{cols[-1]}{last}")
    sh.define("Men_Piezimes", f"{free_c}{first}", f"{free_c}{last}")
    sh.define("f_MenVienibuRobeza", f"{flag_cols[0]}{first}", f"{flag_cols[-1]}{last}")
    sh.ws.set_column(f"{code_cols[0]}:{flag_cols[-1]}", 4, None, {"hidden": True})
    mark_pasted_dates(sh, f"{cols[0]}{first}:{cols[-1]}{last}", f"{code_cols[0]}{first}", MONTH_FIELDS[0])
    sh.ws.conditional_format(f"{cols[0]}{first}:{cols[-1]}{last}",
                             {"type": "formula", "criteria": f"={code_cols[0]}{first}>0", "format": st.error_mark})
    sh.ws.conditional_format(f"{cols[0]}{first}:{cols[-1]}{last}",
                             {"type": "formula", "criteria": f"={flag_cols[0]}{first}>0", "format": st.error_mark})
    sh.ws.data_validation(f"{cols[0]}{first}:{cols[-1]}{last}", units_validation(
        "Vienības", "Ievadiet plānoto vienību skaitu mēnesī", units_max_text(sh)))
    sh.ws.conditional_format(f"{free_c}{first}:{free_c}{last}",
                             {"type": "formula", "criteria": f"=${note_code}{first}>0", "format": st.error_mark})
    text_validation(sh, f"{free_c}{first}:{free_c}{last}", MONTH_TEXT_FIELDS[0], f"šūnas divās rindās {SIGNED_SHEET}")
    grey_outside_period(sh, cols, head, first)
    sh.ws.conditional_format(f"{note_c}{first}:{note_c}{last}",
                             {"type": "formula", "criteria": f'=${note_c}{first}<>""', "format": st.error_mark})
    # the months' total against the period units, marked as 6.4's f_Menesi counts it: not for a void line (D332, D378:
    # its units or 6.8 price an invalid input, its rules wait), whose valid units beside an invalid price still show
    void = f"INDEX({VOID_FLAG_NAME},ROW()-{first - 1})=1"
    sh.ws.conditional_format(f"{total_c}{first}:{total_c}{last}",
                             {"type": "formula", "criteria": f"=AND(ISNUMBER($D{first}),NOT({void}),"
                                                             f"ROUND(N(${total_c}{first})-$D{first},6)<>0)",
                              "format": st.error_mark})
    _day_services(sh, cols, last + 1)
    plan_rows.plan_rows(sh, first, lay.plan_rows, PLAN_ROW_HEIGHT, used="=D", warning_cell=f"A{last + 3}",
                        inputs=(f"{cols[0]}:{cols[-1]}", free_c),
                        hint_cell=f"{col(free_c, 1)}{first + plan_rows.VISIBLE - 1}", number_col=None,
                        struck=f"A{first}:A{last}")
    calc = f"${lay.calc_first}:$"
    counts = {code: f"COUNTIF('6.4'!${c}{calc}{c}${lay.calc_last},\">0\")" for c, code in MESSAGES_66}
    counts["invalid_input"] = f"COUNTIF(${code_cols[0]}${first}:${note_code}${last},\">0\")"
    counts[MONTH_LIMIT_CODE] = "SUM(f_MenVienibuRobeza)"
    check_codes.legend(sh, f"C{last + 3}:{free_c}{last + 3}", CHECKS_66, counts)
    book.continued_legends["6.6"] = f"C{last + 3}"  # repeated on every page the rows continue from (D295)
    # what the parent's signature means (or, while the workbook has errors, "NAV PARAKSTĀMS") in one line right above
    # the signatures, as on 6.3; both parties side by side (D197): the parent's name in the month columns
    # what the parent's signature means and what the signatures approve (the used rows and the period's months, D272)
    # in one line right above the signatures (or, while the workbook has errors, "NAV PARAKSTĀMS"), as on 6.3: the
    # block after the rows has no room for a second line (D197); both parties side by side: the parent's name in
    # the month columns
    months = '", mēnešu skaits – "&IF(AND(ISNUMBER(Perioda_Menesi),h_MenOK=1),INT(Perioda_Menesi),"' + BLANK + '")'
    statement_with_rows_line(sh, last + 4, free_c, PARENT_STATEMENT["6.6"],
                             signed_rows_formula(f"A{first}:A{last}", "6.6", months))
    signature_block(sh, last + 5, ("worker",), ("A", "B", "C", "D"))
    end = signature_block(sh, last + 5, ("parent",), (cols[0], cols[-1], f"{total_c}:{note_c}", free_c))
    sh.ws.freeze_panes(lay.plan_first - 1, 2)
    print_setup(sh, free_c, end - 2, annex="6.6. tabula (atbalsta plāna III daļa)", signed=True,
                repeat_cols=f"A:{TITLE_COLS_66}")
    protect(sh)


def _day_services(sh: Sheet, cols: list[str], row: int) -> None:
    """Under the table: day-care centre and workshop days planned in each month against the month's
    working days inside the plan period (D11, D93), marked when above."""
    st = sh.st
    # the labels in one line of 8 pt over A:D (the repeated columns; C and D hold nothing in these rows), so that
    # each row is one line high (D197): whole on every page
    for r, label in ((row, "Dienas aprūpes centrs un specializētā darbnīca, plānotās dienas"),
                     (row + 1, "Darba dienas plāna periodā (bez brīvdienām un svētku dienām)")):
        sh.merge_text(f"A{r}:{TITLE_COLS_66}{r}", label, st.signer)
        sh.row_height(r, DAY_ROW_HEIGHT)
    for k, c in enumerate(cols, start=1):
        planned = f'IF({k}<=h_Menesi,INDEX(h_DienasDienas,{k}),"")'
        sh.formula(f"{c}{row}", planned, st.out_units, "")
        sh.watch(f"{c}{row}", planned, "mēnesī plānotās dienas")
        # a month of a year without the catalogue's holiday list: a blank to fill in, not a weekday count (D62)
        working = (f'IF({k}<=h_Menesi,IF(ISNUMBER(INDEX(h_DarbaDienas,{k})),'
                   f'INDEX(h_DarbaDienas,{k}),IF(ISNUMBER(INDEX(h_MenSakums,{k})),"{BLANK}","")),"")')
        sh.formula(f"{c}{row + 1}", working, st.out_whole, "")
        sh.watch(f"{c}{row + 1}", working, "mēneša darba dienas")
    free = col(cols[-1], 3)
    notes = ((row, f'IF(SUM(h_DienasParkapums)>0,"{DAYS_EXCEEDED}","")', "piezīme par dienu pārsniegumu"),
             (row + 1, f'IF(ISNUMBER(MATCH("{BLANK}",{cols[0]}{row + 1}:{cols[-1]}{row + 1},0)),"{NO_HOLIDAYS}","")',
              "piezīme par svētku dienu sarakstu"))
    for r, note, label in notes:
        sh.formula(f"{free}{r}", note, st.out_text_wrap, "")
        sh.watch(f"{free}{r}", note, label)
    first = cols[0]
    sh.ws.conditional_format(
        f"{first}{row}:{cols[-1]}{row}",
        {"type": "formula", "criteria": f"=INDEX(h_DienasParkapums,{first}${sh.book.layout.table_header})=1",
         "format": st.error_mark},
    )


# 6.7's legend of the marked amounts (D304) in rows 1–2 from the fifth month's column (0-based 4; of fewer months the
# last one's) to "Starpība": the subtitle ends in the month before it
LEGEND_FROM = 4


def invalid_or(cells: str) -> str:
    """Formula: INVALID_UNITS when one of ``cells`` (a 6.7 column) is, else their sum in cents (D298)."""
    return f'IF(COUNTIF({cells},"{INVALID_UNITS}")>0,"{INVALID_UNITS}",ROUND(SUM({cells}),2))'


def write_amounts(sh: Sheet) -> None:
    """6.7: Men_Summa, rows × months (empty after the period's last month and for ignored lines)."""
    book, st = sh.book, sh.st
    lay: Layout = book.layout
    cols = lay.month_cols("D")
    total_c, plan_c, diff_c = (col(cols[-1], k) for k in (1, 2, 3))
    units_cols = lay.month_cols("E")
    code_cols = unit_code_cols(lay)
    legend_from = max(1, min(LEGEND_FROM, len(cols) - 1))
    header_block(
        sh,
        "6.7. Atbalsta plāns / III daļa – finansējuma sadalījums pa mēnešiem (rekonstruēts)",
        "Metodikā šī tabula nav aprakstīta; rīkkopa to rekonstruē: plānotie EUR katrā mēnesī = 6.6. tabulas vienības × "
        "6.8. tabulas cena, noapaļots līdz centiem. Tā ir 6.10. tabulas finansējuma plāns.",
        diff_c,
        "B",  # the repeated label columns: the title and the child's lines whole on every page across
        title_to=cols[legend_from - 1],  # the subtitle ends before the legend (D304)
        two_lines=True,
        title_height=TITLE_HEIGHT,
    )
    # six months, the totals and "Starpība" on the first landscape page: with month columns of 10 the last one
    # printed alone on a second page
    sh.widths({"A": 4, "B": 38, "C": 9} | {c: 9 for c in cols} | {total_c: 11, plan_c: 10, diff_c: 9})
    head = lay.table_header
    for c, text in (("A", "Nr."), ("B", "SBS pakalpojums"), ("C", "Cena, EUR"), (total_c, "Kopā, EUR"),
                    (plan_c, "Summa periodā (6.4. tabula)"), (diff_c, "Starpība")):
        sh.merge_text(f"{c}{head}:{c}{head + 1}", text, st.header)
    month_headers(sh, cols, head, head + 1)
    sh.row_height(head + 1, MONTH_NAME_HEIGHT)  # a part first month's heading in two lines (D93), as on 6.6
    for i in range(lay.plan_rows):
        row, r = lay.plan_row(i), lay.calc_first + i
        # the service's name wraps in the two lines of its row, as on 6.4 and 6.10: in one line the catalogue's
        # longest names were cut at the price column (annextrial F1, D224)
        active = plan_row_lead(sh, i, r, C64.h_active, wrap=True)
        for k, (c, u, code) in enumerate(zip(cols, units_cols, code_cols, strict=True), start=1):
            # a month whose 6.6 cell is an invalid input (its check code above 0: a date's serial, a text) prints
            # INVALID_UNITS, not the date's serial times the price (D140, D298)
            sh.formula(
                f"{c}{row}",
                f"IF(AND({active},{k}<=h_Menesi),IF(N('6.6'!{code}{row})>0,\"{INVALID_UNITS}\","
                f"ROUND(N('6.6'!{u}{row})*'6.4'!${C64.h_price}{r},2)),\"\")",
                st.out_money,
                "",
            )
        months = f"{cols[0]}{row}:{cols[-1]}{row}"
        # the line's total, its sum in 6.4 and the difference: checked on 6.11 (D153), as the months are; a total
        # resting on an invalid month is INVALID_UNITS too, and its difference blank
        for c, formula, label, source in (
                (total_c, f"IF({active},IF(COUNTIF({months},\"{INVALID_UNITS}\")>0,\"{INVALID_UNITS}\","
                          f"SUM({months})),\"\")", "mēnešu kopsumma", ""),
                (plan_c, f"IF({active},'6.4'!$G{r},\"\")", "summa periodā", "6.4. tabulai"),
                (diff_c, f"IF(AND({active},ISNUMBER({total_c}{row})),ROUND({plan_c}{row}-{total_c}{row},2),\"\")",
                 "starpība", "")):
            sh.formula(f"{c}{row}", formula, st.out_money, "")
            sh.watch(f"{c}{row}", formula, label, source, 2, line=i)
    first, last = lay.plan_first, lay.plan_last
    sh.define("Men_Summa", f"{cols[0]}{first}", f"{cols[-1]}{last}")
    total = last + 1
    sh.text(f"B{total}", "Kopā mēnesī", st.label_bold)
    for k, c in enumerate(cols, start=1):  # a month after the period prints blank, as its rows (audit20 F9)
        month_total = (f'IF(AND(h_Menesi>0,{k}>h_Menesi),"",{invalid_or(f"{c}{first}:{c}{last}")})')
        sh.formula(f"{c}{total}", month_total, st.out_money_bold, 0)
        sh.watch(f"{c}{total}", month_total, "mēneša kopsumma", places=2)
    for c, label in ((total_c, "mēnešu summu kopsumma"), (plan_c, "summu periodā kopsumma")):
        sh.formula(f"{c}{total}", invalid_or(f"{c}{first}:{c}{last}"), st.out_money_bold, 0)
        sh.watch(f"{c}{total}", invalid_or(f"{c}{first}:{c}{last}"), label, places=2)
    grey_outside_period(sh, cols, head, first)
    sh.ws.conditional_format(f"{diff_c}{first}:{diff_c}{last}",
                             {"type": "formula", "criteria": f"=AND(ISNUMBER({diff_c}{first}),{diff_c}{first}<>0)",
                              "format": st.warning_mark})
    plan_rows.plan_rows(sh, first, lay.plan_rows, PLAN_ROW_HEIGHT, used="=C", warning_cell=f"A{total + 1}",
                        number_used="B",  # D386: a void line's blank price (C) keeps its number, as on 6.10
                        hint_cell=f"{col(diff_c, 1)}{first + plan_rows.VISIBLE - 1}")
    # F7: a "jāprecizē" catalogue price prints "5,11*" (A holds the line's number: its 6.4 row), explained below;
    # so do the amounts it can still change (D294's h_CenaNeapst, D298): the line's months, its total and its sum,
    # and the totals' row wherever such a line has an amount (a hidden flag per row beside the table)
    flag_c = col(diff_c, 2)  # right of the hint column
    for i in range(lay.plan_rows):
        row = lay.plan_row(i)
        sh.formula(f"{flag_c}{row}", f"IF(ISNUMBER($A{row}),N(INDEX(h_CenaNeapst,$A{row})),0)", st.helper, 0)
    sh.ws.set_column(f"{flag_c}:{flag_c}", 4, None, {"hidden": True})
    price_marks.mark_prices(sh, f"C{first}:C{last}", f"INDEX(h_CenaNeapst,$A{first})=1")
    price_marks.mark_amounts(sh, f"{cols[0]}{first}:{plan_c}{last}", f"${flag_c}{first}=1")
    price_marks.mark_amounts(sh, f"{cols[0]}{total}:{plan_c}{total}",
                             f'COUNTIFS(${flag_c}${first}:${flag_c}${last},1,{cols[0]}${first}:{cols[0]}${last},">0")>0')
    # D304: the legend stands in the repeated header rows, right of the subtitle (rows 1–2 of the months after the
    # fourth, the totals and "Starpība"), so that it prints on every page with the table: under the totals' row it
    # printed on a page of its own when the rows and the totals filled the page (11–15 plan lines)
    price_marks.price_note(sh, f"{cols[legend_from]}1:{diff_c}2", None, AMOUNT_MARK_NOTE, AMOUNT_MARK_NO_PRICE,
                           AMOUNT_MARK_BOTH)
    sh.ws.freeze_panes(lay.plan_first - 1, 2)
    print_setup(sh, diff_c, total + 1, annex="6.7. tabula (finansējums pa mēnešiem)")
    protect(sh)
