"""The social worker's monthly activity report (31.pielikums) as a workbook: one column per pilot month.

The methodology gives no field list (documents.md §2.10); the rows follow the worker's duties (L1776–L1793,
L2207–L2221). Counts are typed per month; the "Kopā" column and the monthly totals are live formulas.
As in the register's reports (input_checks), a pasted value is checked by formula: every count is a whole
number, 0 or more, and every month heading the first day of a month of the round, later than the headings on
its left; while any is wrong, the column „Pārbaude” names the cell, the line above the months counts them and
shows the first, and the totals show "______" (audit29 F3).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.reports import input_checks as checks
from generator.documents.reports import institution_names as institutions
from generator.documents.reports import page_count, text_fit
from generator.documents.reports.parameters import guarded
from generator.documents.reports.printing import SPACER, print_setup, signature_block
from generator.documents.reports.register import (
    ReportPeriods,
    periods_note,
    report_periods,
    round_note,
    round_procedures,
)
from generator.documents.reports.report_cells import (
    BASE_FORMAT,
    COUNT_EXPECTED,
    DATE_VALIDATION,
    note_height,
    open_report_workbook,
    text_formula,
    write_intro,
)

ACTIVITY_ID = "sd-menesa-atskaite"
ACTIVITY_FILE = f"{ACTIVITY_ID}.xlsx"
SHEET = "31 SD mēneša atskaite"
NAMES_ROW = 2  # the municipality's and the social service's names (institution_names), one under the other
TITLE = "31. pielikums. Sociālā darbinieka mēneša atskaite"  # the page header's (print_setup)
WORKER_ROW = 4  # the social worker's name and the report month
FIRST_ROW = 7  # first activity row (0-based)
FIRST_MONTH_COL = 2
# Column widths (characters): a round's 15 months, the activities and the total fit one A4 landscape width (also
# as LibreOffice prints it with Carlito, a little wider than Excel: docs/libreoffice-druka.md); "mēnešiem" fits
# the total's column whole. Each activity takes the same lines in Excel and LibreOffice (text_fit): at 46 units
# "Organizētas izvērtēšanas (sākotnējās, atkārtotās, noslēguma)" (248 pt) took two lines in Excel's column (245 pt)
# and one in LibreOffice's (259 pt), which printed a blank second line; the months gave up the width.
ACTIVITY_WIDTH, MONTH_WIDTH, TOTAL_WIDTH = 49, 4.3, 10.5
NUMBER_WIDTH = 4.5  # column A: the activity's number
# The title wrapped within columns A:B on pages across (write_title): 11 pt bold, two lines of 14,5 pt – the 13 pt
# title's one line and 12 pt more, what the page's rows leave (at 13 pt its two lines pushed the signature's „Datums”
# to a page below).
TITLE_SIZE, TITLE_LINE_PT = 11, 14.5
# A round of up to 18 months shares the width of the pilot's 15 (narrower columns: an upright "mm.yyyy" and a count
# still fit; audit19 F35: at full width the total's column went alone to a second page under a cut title). A longer
# round's months keep the full width and continue on pages across, at most 15 months a page, the activities repeated
# and the total on the last one, never scaled below 8 pt (D34, D247; audit30 F14: narrower columns print wider in
# LibreOffice, so at 19–21 months the total went alone to a second page, and fitting it to the page printed 6,7 pt).
MONTHS_AT_FULL_SIZE = 15
MONTHS_ON_ONE_PAGE = 18
SEE_FIRST_PAGE = "(aizpilda 1. lapā)"  # a field's row on a page across: the field is on the first page


def month_width(months: int) -> float:
    """The width of a month column for a round of ``months`` months."""
    if months <= MONTHS_AT_FULL_SIZE or months > MONTHS_ON_ONE_PAGE:
        return MONTH_WIDTH
    # whole pixels, as both programs draw a column (7 a character unit and 5 of padding): the months together no
    # wider than the pilot's 15 (17 columns of 3,79 units took 32 pixels each, 544 in all, and the total's column
    # went to a second page)
    return (MONTHS_AT_FULL_SIZE * column_pixels(MONTH_WIDTH) // months - 5) / 7


def column_pixels(width: float) -> int:
    """A column's width in pixels, as Excel (and xlsxwriter) draw a width of ``width`` character units."""
    return int(width * 7 + 0.5) + 5


def month_pages(months: int) -> list[int]:
    """How many month columns each page across holds (one page up to MONTHS_ON_ONE_PAGE months; beyond, the first
    page the pilot's 15, so that its fields – the worker's name and the report month across 13 month columns –
    stay whole on it, and the rest on as few further pages of at most 15 as they need, evenly)."""
    if months <= MONTHS_ON_ONE_PAGE:
        return [months]
    rest = months - MONTHS_AT_FULL_SIZE
    pages = -(-rest // MONTHS_AT_FULL_SIZE)
    base, extra = divmod(rest, pages)
    return [MONTHS_AT_FULL_SIZE] + [base + 1 if i < extra else base for i in range(pages)]
# The month the signed copy reports (D55): the month columns beside it are cumulative, so a bare "Pārskata mēnesis"
# left open what the single field is for on a sheet with 15 months (audit13 F11).
REPORT_MONTH = "Atskaite par mēnesi"
NAME_HEIGHT = 13.5  # pt: the names' inputs, one line of 10 pt text each
ERRORS, FIRST_ERROR = "SD_Kludas", "SD_PirmaKluda"  # wrong inputs and the first message (hidden helper column)
# What a blank month heading's entry is (periods_note): the month's first day, as the checks want it.
MONTH_ENTRY = "Mēnešus (katra mēneša 1. datumu, DD.MM.GGGG)"
# The free-text fields under the activities: lines of 9 pt text each holds, and where a longer text goes.
# 9 pt (D34 allows 8): three lines take the height 10 pt text took two lines in plus a few points the page has under
# the signatures at 15 months.
TEXT_LINES, TEXT_LINE_PT, TEXT_SIZE = 3, 11.5, 9
CONTINUED = "ja teksts neietilpst – turpinājums atsevišķā lapā"
ERRORS_HEIGHT = 26  # pt: two lines of the errors line (9 pt bold) across the activities and the months

INFORMED = "Ģimenes informētas par {acc}"  # the round's word (ReportPeriods.words, audit19 F24)
ACTIVITIES = (
    INFORMED.format(acc="izmēģinājumprojektu"),
    "Noslēgti līgumi ar vecākiem",
    "Organizētas izvērtēšanas (sākotnējās, atkārtotās, noslēguma)",
    "Izvērtēšanas komandas sanāksmes",
    "Sagatavoti atbalsta plāni",
    "Koriģēti atbalsta plāni",
    "Noslēgti līgumi ar pakalpojumu sniedzējiem",
    "Izsniegtas garantijas vēstules",
    "Pārbaudīti un novīzēti rēķini un vecāku atskaites",
    "Konsultācijas vecākiem (klātienē, pa tālruni, e-pastā)",
    "Mājas vizītes",
    "Sadarbība ar citām institūcijām (bāriņtiesa, izglītības iestāde, ārsti u. c.)",
    "Aizpildītas aptaujas anketas (reģistrētas žurnālā)",
    "Bērni, kas uzsāka dalību",
    "Bērni, kuru dalība izbeigta",
)


def write_activity_report(catalogue: Catalogue, municipality: Municipality, target: Path,
                          build_date: dt.date | None = None) -> Path:
    """One column per month of the round running on ``build_date`` (default: today); once it has ended the
    month headings are blank date inputs (register.report_periods)."""
    periods = report_periods(catalogue, build_date, municipality.id)
    months = periods.months
    width = month_width(len(months))
    wb, fmt = open_report_workbook(catalogue, target, ACTIVITY_ID, municipality, build_date)
    title, head, text, count_in = fmt.title, fmt.head, fmt.text, fmt.in_int
    base = BASE_FORMAT
    # Month headings read upwards, so that a month column is only as wide as its counts.
    month_head = wb.add_format({**base, "bold": True, "bg_color": "#E8E8E8", "border": 1, "num_format": "mm.yyyy",
                                "rotation": 90})
    month_in = wb.add_format({**base, "bold": True, "bg_color": "#FFF9D6", "border": 1, "num_format": "mm.yyyy",
                              "locked": False, "rotation": 90})
    text_in = wb.add_format({**base, "border": 1, "text_wrap": True, "locked": False, "bg_color": "#FFF9D6"})
    free_text_in = wb.add_format({**base, "border": 1, "text_wrap": True, "locked": False, "bg_color": "#FFF9D6",
                                  "font_size": TEXT_SIZE})
    total = wb.add_format({**base, "border": 1, "bold": True, "num_format": "0"})
    # The activity's number centred in its narrow column: on paper it keeps clear of the border and the text
    # beside it (right-aligned, "1" printed 2 pt from "Ģimenes").
    number = wb.add_format({**base, "border": 1, "align": "center", "num_format": "0"})

    ws = wb.add_worksheet(SHEET)
    # the pilot's copies went to its project server (FTP; "projekta serveris", as 24 and the methodology say it,
    # audit30d #22); a round whose rules do not confirm one keeps them in the service
    # (audit19 F24; audit30 F10: by the round's procedures, not by its being the first)
    server = round_procedures(catalogue, municipality.id, build_date)["ftp_server"]
    kept = "glabā Dienestā un projekta serverī." if server else "glabā Dienestā."
    # One sheet for the round, signed each month (D55): the copy for a month shows the months up to it.
    total_col = FIRST_MONTH_COL + len(months)
    # The pages across (first and last column each; the last one ends with the total): the fields and notes that
    # span the months stay on the first page, so a page break never cuts one.
    pages, first = [], FIRST_MONTH_COL
    for count in month_pages(len(months)):
        pages.append((first, first + count - 1))
        first += count
    pages[-1] = (pages[-1][0], total_col)
    wide = pages[0][1]  # the last column of the first page
    write_title(wb, ws, f"31. pielikums. Sociālā darbinieka mēneša atskaite par paveikto darbu {periods.words('loc')}",
                title, across=len(pages) > 1)
    wide_width = ACTIVITY_WIDTH + width * (wide - FIRST_MONTH_COL + 1) + (TOTAL_WIDTH if wide == total_col else 0)
    write_intro(ws, 1, 0, wide, municipality, "Katru mēnesi aizpilda tā mēneša aili, izdrukā un paraksta; "
                + kept, fmt.note_wrapped, wide_width + 4.5)
    # A page across shows the intro's start in the repeated columns A:B, the names first (D173); the names again
    # beside it, in a narrower page's months, took two lines in the intro's one-line row and were cut.
    # The names the intro shows (institution_names, D64): labels in the wide column B, fields across the months.
    institutions.write_inputs_in_rows(wb, ws, NAMES_ROW, (1, 1), (FIRST_MONTH_COL, wide), municipality, text,
                                      fmt.in_text, NAME_HEIGHT)
    # The label in the wide column B, the name across six month columns (column A holds only "Nr.").
    ws.write(WORKER_ROW, 1, "Sociālais darbinieks (vārds, uzvārds)", text)
    ws.merge_range(WORKER_ROW, FIRST_MONTH_COL, WORKER_ROW, FIRST_MONTH_COL + 5, "", text_in)
    # The month this signed copy reports, right of the name: the free-text rows and the agreement are about it (D55).
    month_at = FIRST_MONTH_COL + 6
    ws.merge_range(WORKER_ROW, month_at, WORKER_ROW, month_at + 4, REPORT_MONTH, fmt.label_right)
    ws.merge_range(WORKER_ROW, month_at + 5, WORKER_ROW, month_at + 6, None, fmt.in_month)
    ws.data_validation(WORKER_ROW, month_at + 5, WORKER_ROW, month_at + 6, DATE_VALIDATION)
    ws.write(FIRST_ROW - 1, 0, "Nr.", head)
    ws.write(FIRST_ROW - 1, 1, "Darbība (skaits mēnesī)", head)
    for k, month in enumerate(months):
        if periods.dated:
            ws.write_datetime(FIRST_ROW - 1, FIRST_MONTH_COL + k, dt.datetime(month.year, month.month, 1),
                              month_head)
        else:
            ws.write_blank(FIRST_ROW - 1, FIRST_MONTH_COL + k, None, month_in)
    # The line above the months: while an input is wrong, the count of wrong inputs and the first message
    # (input_checks); otherwise the note that the blank months are to be typed (shown while they are all blank), the
    # note naming a round asked for (D125), or nothing.
    note_width = wide_width
    if not periods.dated:
        heads = (f"{xl_rowcol_to_cell(FIRST_ROW - 1, FIRST_MONTH_COL)}:"
                 f"{xl_rowcol_to_cell(FIRST_ROW - 1, total_col - 1)}")
        note = periods_note(periods, entry=MONTH_ENTRY)
        note_expression, note_format = f'IF(COUNT({heads})=0,{text_formula(note)},"")', fmt.pending_note_wrapped
        ws.data_validation(FIRST_ROW - 1, FIRST_MONTH_COL, FIRST_ROW - 1, total_col - 1, DATE_VALIDATION)
    elif periods.asked:
        note = round_note(periods)
        note_expression, note_format = text_formula(note), fmt.note_wrapped
    else:
        note, note_expression, note_format = "", '""', fmt.errors_line
    line = FIRST_ROW - 2
    ws.merge_range(line, 1, line, wide, "", note_format)
    ws.write_formula(line, 1, f"=IF({ERRORS}>0,{checks.summary(ERRORS, FIRST_ERROR)[1:]},{note_expression})",
                     note_format, note)
    ws.conditional_format(line, 1, line, wide, {"type": "formula", "criteria": f"={ERRORS}>0",
                                                      "format": fmt.alert})
    ws.set_row(line, max(note_height(note, note_width) if note else 0, ERRORS_HEIGHT))
    ws.write(FIRST_ROW - 1, total_col, "Kopā par visiem mēnešiem", head)
    first_cell = xl_rowcol_to_cell(0, FIRST_MONTH_COL)[:-1]
    last_cell = xl_rowcol_to_cell(0, total_col - 1)[:-1]
    activities = (INFORMED.format(acc=periods.words("acc")), *ACTIVITIES[1:])
    for i, activity in enumerate(activities):
        r = FIRST_ROW + i
        ws.write_number(r, 0, i + 1, number)
        ws.write(r, 1, activity, text)
        ws.set_row(r, text_fit.row_height(activity, ACTIVITY_WIDTH))  # measured: one line, or as many as it needs
        for k in range(len(months)):
            ws.write_blank(r, FIRST_MONTH_COL + k, None, count_in)
        ws.write_formula(r, total_col, guarded(f"SUM({first_cell}{r + 1}:{last_cell}{r + 1})", errors=ERRORS),
                         total, 0)
    last = FIRST_ROW + len(ACTIVITIES) - 1
    # The checks: each activity's counts, then the month headings; the hidden helper column right of the
    # total holds (above the table) the count of wrong inputs and the first message, the hidden column right of
    # „Pārbaude” the texts of what is expected.
    helper = total_col + 1
    texts = checks.TextCells(ws, helper + 2, first_row=0)
    ws.set_column(helper + 2, helper + 2, None, None, {"hidden": True})
    log = checks.ErrorLog()
    log.add_column(ws, FIRST_ROW, [count_check(FIRST_ROW + 1 + i, len(months), texts) for i in range(len(activities))],
                   helper, head, fmt.error)
    # the month headings' check under the activities' ones, in the same column (its first message comes first)
    ws.write_formula(last + 1, helper + 1, month_check(periods, len(activities), texts), fmt.error, "")
    log.add_cell(SHEET, last + 1, helper + 1)
    # in the names' rows: LibreOffice printed a number in the hidden column beside the title row as "###" at the
    # print area's edge
    log.write_totals(wb, ws, NAMES_ROW, helper, ERRORS, FIRST_ERROR)
    ws.data_validation(FIRST_ROW, FIRST_MONTH_COL, last, total_col - 1,
                       {"validate": "integer", "criteria": ">=", "value": 0,
                        "error_message": "Ierakstiet veselu skaitli (0 vai vairāk)."})
    wb.define_name("SD_Darbibas", f"='{SHEET}'!${first_cell}${FIRST_ROW + 1}:${last_cell}${last + 1}")
    total_letter = xl_rowcol_to_cell(0, total_col)[:-1]
    wb.define_name("SD_Kopa", f"='{SHEET}'!${total_letter}${FIRST_ROW + 1}:${total_letter}${last + 1}")
    ws.set_row(last + 1, SPACER)  # a narrow gap: the signatures stay on the page of the activities
    r = last + 2
    # A merged cell's row never grows to its text (neither program fits a merged cell's height): each field takes
    # TEXT_LINES lines, and its label says where a longer text goes, so a signed copy never loses words unseen
    # (audit30 F6).
    for label in ("Problēmas un riski, kas radušies pārskata mēnesī", f"Priekšlikumi {periods.words('team_dat')}"):
        ws.write(r, 1, f"{label} ({CONTINUED})", text)
        ws.merge_range(r, FIRST_MONTH_COL, r, wide, "", free_text_in)
        see_first_page(ws, r, pages, text)
        ws.set_row(r, TEXT_LINES * TEXT_LINE_PT)
        r += 1
    # The agreement date is a date (typing stops at anything else), in a field as wide as the signature's.
    ws.write(r, 1, f"Saskaņots ar {periods.words('team_acc')} (datums)", text)
    ws.merge_range(r, FIRST_MONTH_COL, r, FIRST_MONTH_COL + 1, None, fmt.in_date)
    ws.data_validation(r, FIRST_MONTH_COL, r, FIRST_MONTH_COL + 1, DATE_VALIDATION)
    see_first_page(ws, r, pages, text)
    r += 1
    # every page across is signed: its labels (column B) repeat there, and so does the block's fields; the preparer's
    # name and position on one line across the page's months (audit30 F7: six months' width cut it)
    for page_first, page_last in pages:
        signed = signature_block(ws, r, 1, page_first, min(page_first + 5, page_last), fmt.sign_label,
                                 fmt.sign_field, fmt.sign_date, line=fmt.sign_line, prepared_last_col=page_last)
    ws.set_column(0, 0, NUMBER_WIDTH)
    ws.set_column(1, 1, ACTIVITY_WIDTH)
    ws.set_column(FIRST_MONTH_COL, total_col - 1, width)
    ws.set_column(total_col, total_col, TOTAL_WIDTH)
    ws.set_row(FIRST_ROW - 1, 50)  # an upright bold "mm.yyyy" (46 pt); three lines of "Kopā par visiem mēnešiem"
    ws.freeze_panes(FIRST_ROW, 2)
    print_setup(ws, municipality=institutions.header_name(municipality), title=TITLE,
                version=catalogue.version, header_row=FIRST_ROW - 1, last_row=signed, last_col=total_col,
                repeat_cols=2)
    if len(pages) > 1:
        ws.set_v_pagebreaks([page_first for page_first, _ in pages[1:]])
    # Every page says how many the sheet prints on (D376): the title's row, right of the title, on each page across
    # – the sheet is one page down, so that row prints on each of its pages.
    down = page_count.pages_down(ws, FIRST_ROW - 1, range(FIRST_ROW, signed + 1))
    if down != 1:
        raise ValueError(f"31. pielikums: {down} lapas uz leju – virsraksta rinda ar lapu skaitu nedrukājas katrā lappusē")
    text = page_count.pages_text(TITLE, len(pages))
    for page_first, page_last in pages:
        page_count.write_count(ws, 0, max(page_first, page_last - 3), page_last, text, fmt.label_right)
    ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True})
    wb.close()
    return target


def write_title(wb: Workbook, ws: Worksheet, text: str, title: Format, across: bool) -> None:
    """The title in A1. On one page it runs on over the empty cells on its right; with pages ``across`` each page
    repeats columns A:B, and there the text past B was cut („… atskaite par pa”), so it wraps within A:B, its row
    as tall as its lines in Excel's narrower columns (text_fit)."""
    if not across:
        ws.write(0, 0, text, title)
        return
    wrapped = wb.add_format({**BASE_FORMAT, "bold": True, "font_size": TITLE_SIZE, "text_wrap": True,
                             "valign": "top"})
    ws.merge_range(0, 0, 0, 1, text, wrapped)
    room = text_fit.excel_points(NUMBER_WIDTH) + text_fit.excel_points(ACTIVITY_WIDTH)
    ws.set_row(0, TITLE_LINE_PT * text_fit.lines_in(text, room, TITLE_SIZE, bold=True))


def see_first_page(ws: Worksheet, row: int, pages: list[tuple[int, int]], cell_format: Format) -> None:
    """On each page across, beside a row label whose field is on the first page: where to fill it in."""
    for page_first, page_last in pages[1:]:
        ws.merge_range(row, page_first, row, page_last, SEE_FIRST_PAGE, cell_format)


def month_check(periods: ReportPeriods, activities: int, texts: checks.TextCells) -> str:
    """The check of the month headings' row: a dated heading is its month of the round; a blank heading (a
    template made after the round) is empty or a month's first day, from FIRST_DAY on, later than every heading on
    its left and within the round's length from the first one, and a month column with counts has its month."""
    row = FIRST_ROW  # 1-based row of the headings
    first = f"${xl_col_to_name(FIRST_MONTH_COL)}${row}"
    rules = []
    for k, month in enumerate(periods.months):
        col = xl_col_to_name(FIRST_MONTH_COL + k)
        c = f"{col}{row}"
        if periods.dated:
            day = f"DATE({month.year},{month.month},1)"
            rules.append(checks.Rule(c, f"IF(ISNUMBER({c}),{c}={day},FALSE)",
                                     f"jābūt kārtas mēnesim {month:%m.%Y} (veidnes mēneša aili nemaina)"))
            continue
        conditions = [f"{c}=DATE(YEAR({c}),MONTH({c}),1)", f"{c}>={checks.MIN_DATE}"]
        if k:
            previous = f"{xl_col_to_name(FIRST_MONTH_COL + k - 1)}{row}"
            conditions += [f"{c}>MAX({first}:{previous})", f"IF(ISNUMBER({first}),{c}<EDATE({first},{len(periods.months)}),TRUE)"]
        # a heading feeds no amount, and a long round's row check would pass Excel's 8 192-character formula limit
        # with the pasted-value helpers (D267): a logical value fails the date conditions (it is no date from the first
        # day), a pasted formula whose value is a right month is not refused here
        rules.append(checks.Rule(c, f"IF(ISNUMBER({c}),AND({','.join(conditions)}),{c}=\"\")",
                                 f"jābūt mēneša 1. datumam, ne agrākam par {checks.FIRST_DAY:%d.%m.%Y}, vēlākam par "
                                 f"mēnešiem pa kreisi un ne tālāk par {len(periods.months)} mēnešiem no pirmās "
                                 "mēneša ailes"))
        counts = f"{col}{row + 1}:{col}{row + activities}"
        rules.append(checks.Rule(c, f"IF({c}=\"\",COUNTA({counts})=0,TRUE)",
                                 "jābūt mēnesim, jo šīs ailes skaiti ir aizpildīti"))
    return checks.row_check(SHEET, rules, texts=texts)


def count_check(x: int, months: int, texts: checks.TextCells) -> str:
    """The check of activity row ``x`` (1-based): every month's count a whole number, 0 or more, or blank."""
    cells = [f"{xl_col_to_name(FIRST_MONTH_COL + k)}{x}" for k in range(months)]
    # counts feed no amount: a logical value is refused, a pasted formula not – with it a long round's row check would
    # pass Excel's 8 192-character formula limit (D267)
    return checks.row_check(SHEET, [checks.Rule(c, checks.whole_at_least(c, 0, blank_ok=True, formula=False),
                                                COUNT_EXPECTED) for c in cells], texts=texts)
