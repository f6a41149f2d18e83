"""Sheet 6.3, support plan part I: the services by support area with the expert rank, recipient,
units in the period, frequency, the parent's rank and the combined priority; then the goals.
A signed contract annex (social worker and parent)."""

from __future__ import annotations

from generator.workbook.input_checks import (
    GOAL_FIELDS,
    PLAN_FIELDS,
    PLAN_TEXT_FIELDS,
    Field,
    on_line,
    units_validation,
)
from generator.workbook.layout import C64
from generator.workbook.sheetio import Sheet
from generator.workbook.sheets import check_codes, plan_rows
from generator.workbook.sheets.common import (
    PLAN_ROW_HEIGHT,
    UNIT_HEADING,
    VOID_ANY,
    header_block,
    money_figure,
    not_signable,
    print_setup,
    protect,
    signature_block,
    signed_rows_formula,
    signed_rows_line,
    statement_line,
    unit_column,
    units_max_text,
)
from generator.workbook.sheets.price_marks import PRICES_OPEN
from generator.workbook.texts import (
    CHECKS_63,
    EMPTY_MARK,
    MSG,
    NOT_SIGNABLE_SHORT,
    PARENT_STATEMENT,
    RECIPIENT_DEFAULT_NOTE,
    ROW_WORD,
)

SHEET = "6.3"
SECTION_ROW_HEIGHT = 12
# D96: the goals are on the first page, above the plan rows (row 2, side by side, each beside its label), so that only
# the legend, the parent's statement and the signatures (one row of both parties) follow the rows: 80 pt, less than four
# plan rows. Row 1 holds the title and, beside it, the subtitle. With rows 1–2 (TITLE_ROW_HEIGHT_63 + GOAL_ROW_HEIGHT) the first
# page holds 9 plan rows and every further page 20 (22 pt each, rows 3–8 repeated), so the last open row of every
# group (5, 10, …, 40) is at most the 16th of its page and the signatures always print under it (measured with
# LibreOffice: bench/signed_pages.py, tests/workbook/test_signed_page_rows.py; the arithmetic in D96).
TITLE_ROW_HEIGHT_63 = 40  # the title's three lines of 11 pt bold in A:C; the subtitle and statement in D:L
GOALS_ROW = 2
# A goal of input_checks.GOAL_CHARS characters prints whole in C, the narrowest goal cell (18 lines of 9 pt there: 10,85
# pt a line as LibreOffice prints Calibri's twin Carlito, 11,25 in Excel; tests/workbook/test_print_goals.py). Two lines
# across the page cut a real plan's goals after about 200 characters (audit9 F5).
GOAL_ROW_HEIGHT = 204
# (label cells, goal cell) of each goal in row 2, in GOAL_FIELDS' order
GOAL_CELLS = (("A", "B", "C", "C"), ("D", "D", "E", "H"), ("I", "I", "J", "L"))
GOAL_CODES = ("N", "O", "P")  # hidden: each goal's length check
TITLE = "6.3. Atbalsta plāns / I daļa – SBS pakalpojumu saraksts un saņemšanas intensitāte"
SUBTITLE = ("Līguma ar vecāku pielikums. Ekspertu rangu jomā nosaka izvērtēšanas komanda, vecāku rangu visiem "
            "pakalpojumiem kopā – vecāks; kopējo prioritāti aprēķina matrica.")
SOURCE = "'6.4'!"
# The headings of 6.3's inputs a person fills in: the calculator's plan line fields take these labels (one source)
EXPERT_RANK_HEADING, UNITS_HEADING, PARENT_RANK_HEADING = "Ekspertu rangs jomā", "Daudzums periodā", "Vecāku rangs"
# One landscape page wide (Excel's column widths, which LibreOffice now prints with Carlito, Calibri's metric twin):
# about 1 010 px of the 1 020 px between the margins. The service column holds the catalogue's longest service name
# in two lines (tests/workbook/test_label_widths.py); each header word fits its column.
COLUMNS = (
    ("A", "Nr.", 4),
    ("B", "Joma", 5),
    ("C", "SBS pakalpojums (izvēlas no 6.8. tabulas)", 32),
    ("D", "Saņēmējs", 10),
    ("E", UNIT_HEADING, 11),
    ("F", EXPERT_RANK_HEADING, 8),
    ("G", UNITS_HEADING, 10),
    ("H", "Biežums, ilgums, termiņš", 15),
    ("I", PARENT_RANK_HEADING, 7),
    ("J", "Kopējā prioritāte", 9),
    ("K", "Pārbaude", 14),  # the failing checks' numbers (check_codes.py), e.g. "1, 4, 5 (12. rinda), 6"
    ("L", "Piezīmes", 12),
)
UNIT_COLUMN = unit_column(COLUMNS)  # the plan rows' unit (writer.EURO_UNIT_COLUMNS)
# The row under the plan rows: the hidden-rows warning in A:C; the checks' legend in D:L of it and of the row
# under it (all six texts fit four lines of 8 pt bold: LEGEND_ROW_HEIGHT + SECTION_ROW_HEIGHT).
LEGEND_ROW_HEIGHT = 27
# D272: the parent's statement and the line naming what the signatures approve, one line of 9 pt each (as 6.5's
# totals), and the room to sign (as 6.5's): the block after the plan rows stays within the room the pages leave
# under a group's last row (D96; 7 px to spare in LibreOffice, tests/workbook/test_signed_page_arithmetic.py)
LINE_ROW_HEIGHT_63 = 10.5
SIGN_ROW_HEIGHT_63 = 16
TABLE_HEADER_HEIGHT = 17  # rows 7–8 together: three lines of 9 pt bold ("Ekspertu / rangs / jomā")
# The checked inputs of a plan line (6.3 column, field) and the hidden columns of their check codes.
PLAN_INPUTS = tuple(zip("CDFGI", PLAN_FIELDS, strict=True))
PLAN_CODES = ("N", "O", "P", "Q", "R")
# The free-text inputs of a plan line (column, field) limited to what prints in the row's two lines, their codes'
# hidden columns after PLAN_CODES; a goal's code is in GOAL_CODES (hidden) of row 2.
PLAN_TEXTS = tuple(zip("HL", PLAN_TEXT_FIELDS, strict=True))
TEXT_CODES = ("S", "T")
SIGNED_SHEET = "parakstāmajā 6.3.\u00a0tabulā"  # where a free text prints (its limit's data validation)
MESSAGES_63 = (
    (C64.f_unconfirmed, "ceiling_unconfirmed"),
    (C64.f_recipient, "recipient"),
    (C64.f_impairment, "impairment"),
    (C64.h_incompat_all, "incompatible"),
)
# D147, D148: numbered after the invalid input (their numbers follow CHECKS_63's first six)
MESSAGES_63_AFTER = (
    (C64.f_unit_limit, "units_above_period"),
    (C64.f_above_p, "line_above_provisional"),
)


def message_formula(row64: int, items: tuple[tuple[str, str], ...], invalid: str = "") -> str:
    """TRIM of the short messages of every check that fails on this plan line (6.4 helper flags),
    then ``invalid`` (the line's invalid input cells, see invalid_cells)."""
    parts = [f"IF('6.4'!${c}{row64}>0,\"{MSG[code]} \",\"\")" for c, code in items]
    text = "TRIM(" + "&".join(parts) + ")"
    return f"TRIM({text}&\" \"&{invalid})" if invalid else text


def sessions_message(r: int, sheet: str = "") -> str:
    """The day-care centre warning (L1713) on plan line ``r`` of 6.4, naming the (last) other line it
    pairs with; ``sheet`` is "'6.4'!" when used on another sheet."""
    c = C64
    every, other = f"{sheet}${c.h_sessions_all}{r}", f"{sheet}${c.h_sessions_other}{r}"
    return (f'IF({every}>0,"{MSG["day_care_sessions"]} "&{other}&IF({every}>1," (un vēl "&({every}-1)&")","")'
            f'&" – apstipriniet, ka tās ir cita speciālista vai grupas nodarbības. ","")')


def invalid_cells(cells: list[tuple[str, str]]) -> str:
    """'Nederīga ievade: E9, G9 (sk. 6.11. tabulu).' for the (input cell, code cell) pairs whose code is > 0."""
    listed = "&".join(f'IF({code}>0,"{cell} ","")' for cell, code in cells)
    return (f'IF(SUM({cells[0][1]}:{cells[-1][1]})>0,"{MSG["invalid_input"]} "&SUBSTITUTE(TRIM({listed})," ",", ")'
            f'&" (sk. 6.11. tabulu).","")')


def row_codes(r64: int, invalid: str) -> str:
    """6.3's "Pārbaude" cell of the plan line on 6.4 row ``r64``: the numbers of CHECKS_63 that fail in it, the
    day-care one with the row it pairs with; ``invalid`` is the condition of an invalid input in the row."""
    every, other = f"{SOURCE}${C64.h_sessions_all}{r64}", f"{SOURCE}${C64.h_sessions_other}{r64}"
    parts = [(f"{SOURCE}${c}{r64}>0", f'"{check_codes.number(CHECKS_63, code)}"') for c, code in MESSAGES_63]
    parts.append((f"{every}>0", f'"{check_codes.number(CHECKS_63, "day_care_sessions")} ("&{other}&". {ROW_WORD})"'))
    parts.append((invalid, f'"{check_codes.number(CHECKS_63, "invalid_input")}"'))
    parts += [(f"{SOURCE}${c}{r64}>0", f'"{check_codes.number(CHECKS_63, code)}"') for c, code in MESSAGES_63_AFTER]
    return check_codes.row_codes(parts)


def text_validation(sh: Sheet, cells: str, field: Field, where: str, hint: str = "") -> None:
    """Data validation of a free-text input: at most the field's limit of characters (what prints whole ``where``),
    said in Latvian when the cell is selected and when a longer text is typed (``hint``: a sentence added to the
    latter). A paste bypasses it: the formula check (sh.check) counts it as an invalid input."""
    limit = int(field.extra)
    sh.ws.data_validation(cells, {
        "validate": "length", "criteria": "<=", "value": limit,
        "input_title": f"Līdz {limit} zīmēm",
        "input_message": f"Ievadiet ne vairāk kā {limit} zīmes: tik daudz ietilpst {where}.",
        "error_title": "Teksts par garu",
        "error_message": f"Teksts ir garāks par {limit} zīmēm, un to nevarētu izdrukāt visu. Saīsiniet to.{hint}",
    })


def recipient_default_formula(first: int, last: int) -> str:
    """Formula: RECIPIENT_DEFAULT_NOTE while a plan row of ``first``..``last`` has a service (C) but no recipient (D),
    else ""."""
    return f'IF(SUMPRODUCT((C{first}:C{last}<>"")*(D{first}:D{last}=""))>0,"{RECIPIENT_DEFAULT_NOTE}","")'


def recipient_note(sh: Sheet, first: int, last: int) -> None:
    """Under the plan rows, beside the legend (A:C of its second row): what an empty "Saņēmējs" means on the signed
    page (D48, D227); a new workbook has no plan line, so no note."""
    row = last + 2
    sh.ws.merge_range(f"A{row}:C{row}", "", sh.st.subtitle)
    sh.formula(f"A{row}", recipient_default_formula(first, last), sh.st.subtitle, "")


def title_and_goals(sh: Sheet) -> None:
    """Rows 1–2, on the first page only: the title (A:C) and beside it the subtitle (D:L; "NAV PARAKSTĀMS" while the
    workbook has errors); under them the three goals side by side, each beside
    its label (D96)."""
    st = sh.st
    sh.merge_text("A1:C1", TITLE, st.title_wrap)  # in the repeated label columns (test_print_titles)
    sh.ws.merge_range("D1:L1", "", st.subtitle)
    not_signable(sh, "D1", SUBTITLE, NOT_SIGNABLE_SHORT)
    sh.row_height(1, TITLE_ROW_HEIGHT_63)
    row = GOALS_ROW
    invalid = check_codes.number(CHECKS_63, "invalid_input")
    for label, field, (l1, l2, g1, g2), code_col in zip(("Ilgtermiņa mērķi", "Īstermiņa mērķi", "Vecāka mērķis"),
                                                        GOAL_FIELDS, GOAL_CELLS, GOAL_CODES, strict=True):
        if l1 != l2:
            sh.ws.merge_range(f"{l1}{row}:{l2}{row}", "", st.label_bold)
        code = sh.check(field, f"{g1}{row}", f"{code_col}{row}")
        # the invalid input's check number beside the label, as a plan row's "Pārbaude" cell shows it (D35)
        sh.formula(f"{l1}{row}", f'"{label}"&IF({code}>0," ({invalid})","")', st.label_bold, label)
        sh.ws.conditional_format(f"{l1}{row}", {"type": "formula", "criteria": f"=${code_col}${row}>0",
                                                "format": st.not_signable_mark})
        if g1 != g2:
            sh.ws.merge_range(f"{g1}{row}:{g2}{row}", "", st.input_wrap)
        else:
            sh.blank(f"{g1}{row}", st.input_wrap)
        sh.define(field.name, f"{g1}{row}")
        text_validation(sh, f"{g1}{row}", field, f"mērķa laukā {SIGNED_SHEET}")
        sh.ws.conditional_format(f"{g1}{row}:{g2}{row}", {"type": "formula", "criteria": f"=${code_col}${row}>0",
                                                          "format": st.error_mark})
    sh.row_height(row, GOAL_ROW_HEIGHT)


def write(sh: Sheet) -> None:
    book, st = sh.book, sh.st
    lay = book.layout
    title_and_goals(sh)
    header_block(
        sh,
        "",  # rows 1–2 (the title, the subtitle and the goals): title_and_goals
        "",
        "L",
        "C",  # the right-hand block starts in D, on the first page of the sheet
        title_to="L",
        two_lines=True,
        child_to="E",  # one page wide: the child's name (up to input_checks.NAME_CHARS, D170) in one line, the code under it
        signed=True,
        rows_12=False,
        count_from="K",  # the page count (D295) beside the worker's line, over Pārbaude and Piezīmes
    )
    sh.widths({c: w for c, _, w in COLUMNS})
    for c, head, _ in COLUMNS:
        sh.merge_text(f"{c}{lay.table_header}:{c}{lay.table_header + 1}", head, st.header)
    sh.row_height(lay.table_header, TABLE_HEADER_HEIGHT)
    sh.row_height(lay.table_header + 1, TABLE_HEADER_HEIGHT)
    for i in range(lay.plan_rows):
        row = lay.plan_row(i)
        r64 = lay.calc_first + i
        sh.row_height(row, PLAN_ROW_HEIGHT)
        # an unused row (no input) prints EMPTY_MARK in its Nr. and formula cells: struck, nothing to add after signing
        number = plan_rows.mark_unused(f"COUNTA(C{row}:D{row},F{row}:I{row},L{row})>0", str(i + 1))
        sh.formula(f"A{row}", number, st.out_whole, EMPTY_MARK)
        sh.watch(f"A{row}", number, "rindas numurs", line=i)
        struck = f'$A{row}="{EMPTY_MARK}"'
        area = f"IF({struck},\"{EMPTY_MARK}\",IF('6.4'!${C64.h_row}{r64}>0,'6.4'!${C64.h_area}{r64},\"\"))"
        sh.formula(f"B{row}", area, st.out_whole, EMPTY_MARK)
        sh.watch(f"B{row}", area, "joma", "6.4. tabulai", line=i)
        sh.blank(f"C{row}", st.input_wrap)  # the service's name in two lines
        sh.blank(f"D{row}", st.input_choice)
        sh.blank(f"L{row}", st.input_wrap)
        unit = f"IF({struck},\"{EMPTY_MARK}\",IF('6.4'!${C64.h_row}{r64}>0,'6.4'!${C64.unit}{r64},\"\"))"
        sh.formula(f"{UNIT_COLUMN}{row}", unit, st.out_text, EMPTY_MARK)
        sh.watch(f"{UNIT_COLUMN}{row}", unit, "mērvienība", "6.4. tabulai", line=i)
        sh.blank(f"F{row}", st.input_whole)
        sh.blank(f"G{row}", st.input_units)
        sh.blank(f"H{row}", st.input_wrap)
        sh.blank(f"I{row}", st.input_whole)
        priority = (f"IF({struck},\"{EMPTY_MARK}\",IF('6.4'!${C64.h_active}{r64}=1,"
                    f"'6.4'!${C64.priority}{r64},\"\"))")
        sh.formula(f"J{row}", priority, st.out_whole, EMPTY_MARK)
        sh.watch(f"J{row}", priority, "kopējā prioritāte", "6.4. tabulai", line=i)
        codes = [(f"{c}{row}", sh.check(on_line(field, r64), f"{c}{row}", f"{h}{row}"))
                 for (c, field), h in zip(PLAN_INPUTS + PLAN_TEXTS, PLAN_CODES + TEXT_CODES, strict=True)]
        sh.formula(f"K{row}", row_codes(r64, f"SUM({codes[0][1]}:{codes[-1][1]})>0"), st.message, "")
    first, last = lay.plan_first, lay.plan_last
    sh.define("Plans_Pakalpojums", f"C{first}", f"C{last}")
    sh.define("Plans_Daudzums", f"G{first}", f"G{last}")
    sh.define("Plans_EkspertuRangs", f"F{first}", f"F{last}")
    sh.define("Plans_VecakuRangs", f"I{first}", f"I{last}")
    sh.define("Plans_Sanemejs", f"D{first}", f"D{last}")
    sh.define("Plans_Piezimes", f"L{first}", f"L{last}")
    sh.define("Plans_Biezums", f"H{first}", f"H{last}")
    sh.ws.set_column(f"{PLAN_CODES[0]}:{TEXT_CODES[-1]}", 4, None, {"hidden": True})
    plan_rows.plan_rows(sh, first, lay.plan_rows, PLAN_ROW_HEIGHT, used="C", warning_cell=f"A{last + 1}", warning_to="C",
                        inputs=("D", "F:I", "L"), warning_height=LEGEND_ROW_HEIGHT,
                        hint_cell=f"M{first + plan_rows.VISIBLE - 1}", number_col=None, struck=f"A{first}:A{last}")
    calc = f"${lay.calc_first}:$"
    counts = {code: f"COUNTIF('6.4'!${c}{calc}{c}${lay.calc_last},\">0\")"
              for c, code in (*MESSAGES_63, *MESSAGES_63_AFTER)}
    counts["day_care_sessions"] = f"COUNTIF('6.4'!${C64.h_sessions_all}{calc}{C64.h_sessions_all}${lay.calc_last},\">0\")"
    goals = f"${GOAL_CODES[0]}${GOALS_ROW}:${GOAL_CODES[-1]}${GOALS_ROW}"  # the goals' codes beside them (row 2)
    counts["invalid_input"] = (f"COUNTIF(${PLAN_CODES[0]}${first}:${TEXT_CODES[-1]}${last},\">0\")"
                               f"+COUNTIF({goals},\">0\")")
    check_codes.legend(sh, f"D{last + 1}:L{last + 2}", CHECKS_63, counts)
    book.continued_legends[SHEET] = f"D{last + 1}"  # repeated on every page the rows continue from (D295)
    for (c, _), h in zip(PLAN_INPUTS + PLAN_TEXTS, PLAN_CODES + TEXT_CODES, strict=True):
        sh.ws.conditional_format(f"{c}{first}:{c}{last}", {"type": "formula", "criteria": f"=${h}{first}>0",
                                                           "format": st.error_mark})
    dv = sh.ws.data_validation
    dv(f"C{first}:C{last}", {"validate": "list", "source": "=Pak_Id", "error_title": "Pakalpojums",
                             "error_message": "Izvēlieties pakalpojumu no 6.8. tabulas saraksta."})
    dv(f"D{first}:D{last}", {"validate": "list", "source": "=Saraksts_Sanemeji", "error_title": "Saņēmējs",
                             "error_message": "Izvēlieties: bērns, vecāks vai ģimene."})
    for c, title in (("F", "Ekspertu rangs"), ("I", "Vecāku rangs")):
        dv(f"{c}{first}:{c}{last}", {"validate": "integer", "criteria": ">=", "value": 1, "error_title": title,
                                     "error_message": "Rangs ir vesels skaitlis, sākot ar 1 (1 – svarīgākais)."})
    dv(f"G{first}:G{last}", units_validation("Daudzums", "Ievadiet vienību skaitu periodā", units_max_text(sh)))
    for (c, field) in PLAN_TEXTS:
        text_validation(sh, f"{c}{first}:{c}{last}", field, f"šūnas divās rindās {SIGNED_SHEET}")
    sh.ws.conditional_format(f"K{first}:K{last}", {"type": "formula", "criteria": f'=$K{first}<>""',
                                                     "format": st.error_mark})
    sh.ws.conditional_format(f"C{first}:C{last}", {"type": "formula", "criteria": f'=$K{first}<>""',
                                                     "format": st.warning_mark})


    sh.row_height(last + 2, SECTION_ROW_HEIGHT)  # the legend's last line
    recipient_note(sh, first, last)
    # what the parent's signature means (or, while the workbook has errors, "NAV PARAKSTĀMS") in one line right above
    # the signatures, in place of a gap row
    statement_line(sh, last + 3, "L", PARENT_STATEMENT[SHEET], LINE_ROW_HEIGHT_63)
    # what the signatures approve: the used rows and N, also when the rows print on the page before (D272)
    signed_rows_line(sh, last + 4, "L", signed_rows_formula(
        f"A{first}:A{last}", SHEET, money_figure("IB nepieciešamais apmērs (N)", "IB_Nepieciesamais",
                                                f"OR({VOID_ANY},{PRICES_OPEN})")),  # D366: not a smaller plan's N
        LINE_ROW_HEIGHT_63)
    # both parties side by side in two rows (D96): the block after the plan rows is lower than three plan rows
    signature_block(sh, last + 5, ("worker",), ("A", "C", "D:E", "F"), SIGN_ROW_HEIGHT_63)
    end = signature_block(sh, last + 5, ("parent",), ("G", "J", "K", "L"), SIGN_ROW_HEIGHT_63)
    sh.ws.freeze_panes(lay.plan_first - 1, 3)
    print_setup(sh, "L", end - 2, annex="6.3. tabula (atbalsta plāna I daļa)", repeat_cols="A:C", signed=True)
    protect(sh)
