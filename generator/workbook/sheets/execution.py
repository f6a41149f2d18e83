"""Sheet 6.10, the plan's actual execution per line and month: plan, delivered units, paid EUR,
remaining units and money, absorption; the period's totals (Fakt_Kopa) and underspend (D13)."""

from __future__ import annotations

from generator import lvformat
from generator.workbook.input_checks import (
    AMOUNT_MAX,
    MONTH_FIELDS,
    NOTE_FIELD_610,
    after_period,
    money_validation,
    on_line,
    units_validation,
)
from generator.workbook.layout import C64, Layout, col, execution_code_cols, unit_code_cols
from generator.workbook.sheetio import Sheet
from generator.workbook.sheets import plan_rows, price_marks
from generator.workbook.sheets.calculation import INVALID_UNITS, inactive_paid, month_blocks, void_paid
from generator.workbook.sheets.common import (
    TITLE_HEIGHT,
    header_block,
    input_amount_max,
    plan_row_lead,
    print_setup,
    protect,
    units_max_text,
)
from generator.workbook.sheets.months import (
    MONTH_NAME_HEIGHT,
    grey_outside_period,
    invalid_or,
    mark_pasted_dates,
    month_headers,
)
from generator.workbook.sheets.plan import invalid_cells, message_formula, text_validation
from generator.workbook.texts import MSG

SHEET = "6.10"
NAME_WIDTH = 30  # B: a service's name in two lines, as 6.6's B
MONTH_WIDTH = 7  # "07.2021" in 8 pt, a month's units or "12 345,67" in 9 pt
# "Pārbaude": each message of a plan row's check (MESSAGES_610, MSG["void_paid"], an invalid input with its cells) in
# the row's two lines of 9 pt also at Excel 2010's widest glyphs (D381: 22 held them as LibreOffice prints, but Excel
# took three lines for three of them and cut the third); the third page across keeps room to spare.
CHECK_WIDTH = 25
# audit42 F11 (D190): a page holds 15 plan rows (16 do not fit: A4 landscape, rows 1–8 repeated), so that it ends
# with an outline group (rows 15, 30) and no page holds only unused rows; the last page of 40 rows holds its ten rows
# with the totals and the summary under them (7 pt to spare as LibreOffice prints: 4 pt with a 15 pt total). With
# the signed annexes' 21,75 pt a page held 16, and a plan of 16 lines (20 rows open) printed rows 17–20 unused with
# the totals on a page of their own, one of 31 or 32 lines (35 open) rows 33–35.
EXECUTION_ROW_HEIGHT = 23.25
# audit29 F8: the total ("Kopā", one line of 9 pt) is 12 pt high, as 6.4's, not the sheet's default 15 pt. Under 15
# plan rows a 15 pt total filled the page to within a pixel: LibreOffice 7.4 counted the pages with it on a page of
# its own (three pages across) but printed it under the rows, so a full last page (15 or 30 lines) left two
# white pages after the summary's (measured: 14,25 pt prints no white page; tests/workbook/test_print_page_ends.py).
TOTAL_ROW_HEIGHT = 12
# Under the summary: the price note (PRICE_MARK_NOTE or the notes of a price 0,00, price_marks.price_note) in A:C, four
# lines of 8 pt as Excel 2010 may draw them at the worst (11,25 pt a line; LibreOffice takes three; D372: 33 pt held
# three, so Excel cut the last). The summary's four rows above it are one line of 9 pt each (SUMMARY_ROW_HEIGHT, as
# 6.4's), 3 pt lower than the default 15 pt, so that the last page of 40 lines keeps its room (EXECUTION_ROW_HEIGHT).
PRICE_NOTE_HEIGHT = 45
SUMMARY_ROW_HEIGHT = 12
BLOCK_HEADING_HEIGHT = 15  # row 6: "Plānots, vienības (6.6. tabula)", "Saņemts, vienības", "Samaksāts, EUR"
# D258 (audit31d F6): how a correction of the expense register (28, negative there, D245) is entered here
CORRECTION_HINT = "Korekciju (atmaksu, anulētu rēķinu) atskaita no tā mēneša summas, kuru tā labo."
MESSAGES_610 = (
    (C64.f_delivered, "delivered_above_plan"),
    (C64.f_paid, "paid_above_delivered"),
    (C64.f_outside, "outside_period"),
    (C64.f_ignored, "ignored_line_data"),
)


def write(sh: Sheet) -> None:
    book, st = sh.book, sh.st
    lay: Layout = book.layout
    cache = book.cache
    blocks = month_blocks(lay)
    plan_cols, got_cols, paid_cols = blocks["exe_plan"], blocks["delivered"], blocks["paid"]
    got_sum, left_units, paid_sum, left_money, absorption, notes, free = (col(paid_cols[-1], k) for k in range(1, 8))
    got_codes, paid_codes = execution_code_cols(lay)  # hidden: delivered, then paid
    code_cols = got_codes + paid_codes
    assert code_cols[0] == col(free, 2), (code_cols, free)
    note_code = col(code_cols[-1], 1)  # hidden: the note's length check (audit32 F6)
    header_block(
        sh,
        "6.10. Atbalsta plāna faktiskā izpilde",
        "Katru mēnesi ievada saņemtās vienības un samaksātos EUR pēc attaisnojuma dokumentiem. Nesaņemto drīkst "
        f"saņemt vēlāk tajā pašā periodā, bet ne vairāk par plānu; maksā tikai par saņemto. {CORRECTION_HINT}",
        free,
        "C",  # the repeated label columns: the title and the child's lines whole on every page across
        title_to=plan_cols[-1],  # the first page across ends with the planned months (column breaks below)
        two_lines=True,  # the parent's and the period's lines wrap in the narrow label columns A:C
        title_height=TITLE_HEIGHT,
        code_line=True,  # the personal code under the child's name, as on the other sheets
    )
    # Three landscape pages across (audit9 F10: five, one per block, for any plan): A:C (the repeated labels) with
    # the plan and the planned months; the delivered and the paid months; the totals, "Pārbaude" and "Piezīmes".
    # Each fits its page at LibreOffice's wider columns (about 1 000 px of Excel's widths with these margins). B
    # wraps the catalogue's longest service name (3.17i) in two lines of EXECUTION_ROW_HEIGHT, as on the signed annexes;
    # a month's cell holds "12 345,67" in 9 pt.
    sh.widths({"A": 4, "B": NAME_WIDTH, "C": 9, "D": 9, "E": 10} | {c: MONTH_WIDTH for c in plan_cols + got_cols + paid_cols}
              | {got_sum: 9, left_units: 9, paid_sum: 10, left_money: 10, absorption: 8, notes: CHECK_WIDTH, free: 20})
    head = lay.table_header
    sh.row_height(head - 1, BLOCK_HEADING_HEIGHT)  # the blocks' headings, not two_lines' thin gap
    for c, text in (("A", "Nr."), ("B", "SBS pakalpojums"), ("C", "Cena, EUR"), ("D", "Plānots, vienības"),
                    ("E", "Plānots, EUR"), (got_sum, "Saņemts, vienības"), (left_units, "Atlikušās vienības"),
                    (paid_sum, "Samaksāts, EUR"), (left_money, "Atlikums, EUR"), (absorption, "Apguve"),
                    (notes, "Pārbaude"), (free, "Piezīmes")):
        sh.merge_text(f"{c}{head}:{c}{head + 1}", text, st.header)
    for cols, title in ((plan_cols, "Plānots, vienības (6.6. tabula)"), (got_cols, "Saņemts, vienības"),
                        (paid_cols, "Samaksāts, EUR")):
        sh.merge_text(f"{cols[0]}{head - 1}:{cols[-1]}{head - 1}", title, st.header)
        month_headers(sh, cols, head, head + 1)
    sh.row_height(head + 1, MONTH_NAME_HEIGHT)  # a part first month's heading in two lines (D93)
    sh.define("h_MenNrD", f"{got_cols[0]}{head}", f"{got_cols[-1]}{head}")
    sh.define("h_MenNrS", f"{paid_cols[0]}{head}", f"{paid_cols[-1]}{head}")
    units66 = lay.month_cols("E")
    for i in range(lay.plan_rows):
        row, r = lay.plan_row(i), lay.calc_first + i
        active = plan_row_lead(sh, i, r, C64.h_active, wrap=True)
        # every printed formula of the line is checked on 6.11 (D153): (cell, formula, format, label, source, places)
        shown = [("D", f"IF({active},'6.4'!${C64.h_units}{r},\"\")", st.out_units, "plānotās vienības", "6.4. tabulai", 6),
                 ("E", f"IF({active},'6.4'!$G{r},\"\")", st.out_money, "plānotā summa", "6.4. tabulai", 2)]
        # a month whose 6.6 cell is an invalid input prints INVALID_UNITS, as 6.6's total and 6.7 do (D298)
        shown += [(c, f"IF(AND({active},{k}<=h_Menesi),IF(N('6.6'!{code}{row})>0,\"{INVALID_UNITS}\","
                      f"N('6.6'!{u}{row})),\"\")", st.out_units, "mēnesī plānotās vienības", "6.6. tabulai", 6)
                  for k, (c, u, code) in enumerate(zip(plan_cols, units66, unit_code_cols(lay), strict=True), start=1)]
        # the delivered and paid totals are 6.4's hidden sums of this sheet's months: recomputed, not "6.4"; a sum
        # resting on a month that is an invalid input (its check code above 0: a date, a text, a negative, a fraction
        # of a whole unit, a sub-cent payment) prints INVALID_UNITS, and what is computed from it is blank (D304)
        got_bad = f"SUM({got_codes[0]}{row}:{got_codes[-1]}{row})>0"
        paid_bad = f"SUM({paid_codes[0]}{row}:{paid_codes[-1]}{row})>0"
        line_paid = f"'6.4'!${C64.h_paid}{r}"
        got_ok, paid_ok = f"AND({active},ISNUMBER({got_sum}{row}))", f"AND({active},ISNUMBER({paid_sum}{row}))"
        shown += [(got_sum, f"IF({active},IF({got_bad},\"{INVALID_UNITS}\",'6.4'!${C64.h_delivered}{r}),\"\")",
                   st.out_units, "saņemtās vienības", "", 6),
                  (left_units, f"IF({got_ok},ROUND(D{row}-{got_sum}{row},6),\"\")", st.out_units,
                   "atlikušās vienības", "", 6),
                  # D367: a void line's payments (D332) are a fact: „nederīgs” while there are any, not left out;
                  # D372: those of a line without a service or units (ignored_line_data) are counted as paid
                  (paid_sum, f"IF({active},IF({paid_bad},\"{INVALID_UNITS}\",{line_paid}),"
                             f"{inactive_paid(r, paid_bad, line_paid)})",
                   st.out_money, "samaksātā summa", "", 2),
                  # D372: a line without a service or units plans nothing, so its payments are its remainder below 0
                  # – the remainders' total is the planned total less Fakt_Kopa
                  (left_money, f"IF({paid_ok},ROUND(E{row}-{paid_sum}{row},2),IF(AND(NOT({active}),"
                               f"ISNUMBER({paid_sum}{row})),ROUND(-{paid_sum}{row},2),\"\"))", st.out_money,
                   "atlikums", "", 2),
                  (absorption, f"IF({paid_ok},IF(E{row}>0,{paid_sum}{row}/E{row},0),\"\")", st.out_share, "apguve",
                   "", 6)]
        for c, formula, fmt, label, source, places in shown:
            sh.formula(f"{c}{row}", formula, fmt, "")
            sh.watch(f"{c}{row}", formula, label, source, places, line=i)
        for c in got_cols:
            sh.blank(f"{c}{row}", st.input_units)
        for c in paid_cols:
            sh.blank(f"{c}{row}", st.input_money)
        fields = [on_line(MONTH_FIELDS[1], r)] * lay.months + [MONTH_FIELDS[2]] * lay.months
        codes = [(f"{c}{row}", sh.check(after_period(field, SHEET, f"${c}${head}"), f"{c}{row}", f"{h}{row}"))
                 for c, h, field in zip(got_cols + paid_cols, code_cols, fields, strict=True)]
        codes.append((f"{free}{row}", sh.check(NOTE_FIELD_610, f"{free}{row}", f"{note_code}{row}")))
        # D372: a void line's payments, which its paid sum and Fakt_Kopa print as INVALID_UNITS (D367), said first
        void = f'IF({void_paid(r, paid_bad, line_paid)},"{MSG["void_paid"]} ","")'
        sh.formula(f"{notes}{row}", f"TRIM({void}&{message_formula(r, MESSAGES_610, invalid_cells(codes))})",
                   st.message, "")
        sh.blank(f"{free}{row}", st.input_wrap)
    first, last = lay.plan_first, lay.plan_last
    sh.define("Fakt_Daudzums", f"{got_cols[0]}{first}", f"{got_cols[-1]}{last}")
    sh.define("Fakt_Summa", f"{paid_cols[0]}{first}", f"{paid_cols[-1]}{last}")
    sh.define("Fakt_Piezimes", f"{free}{first}", f"{free}{last}")
    sh.ws.set_column(f"{code_cols[0]}:{note_code}", 4, None, {"hidden": True})
    sh.ws.conditional_format(f"{free}{first}:{free}{last}", {"type": "formula", "criteria": f"=${note_code}{first}>0",
                                                             "format": st.error_mark})
    text_validation(sh, f"{free}{first}:{free}{last}", NOTE_FIELD_610, "šūnas divās rindās")
    for cols, codes, field in ((got_cols, got_codes, MONTH_FIELDS[1]), (paid_cols, paid_codes, MONTH_FIELDS[2])):
        mark_pasted_dates(sh, f"{cols[0]}{first}:{cols[-1]}{last}", f"{codes[0]}{first}", field)
    sh.ws.conditional_format(f"{got_cols[0]}{first}:{paid_cols[-1]}{last}",
                             {"type": "formula", "criteria": f"={code_cols[0]}{first}>0", "format": st.error_mark})
    dv = sh.ws.data_validation
    dv(f"{got_cols[0]}{first}:{got_cols[-1]}{last}",
       units_validation("Saņemtās vienības", "Ievadiet saņemto vienību skaitu", units_max_text(sh)))
    highest = lvformat.eur(input_amount_max(sh))  # D365, AMOUNT_MAX
    dv(f"{paid_cols[0]}{first}:{paid_cols[-1]}{last}",
       money_validation(f"{paid_cols[0]}{first}", "Samaksāts",
                        f"Ievadiet samaksāto summu EUR (skaitlis ≥ 0, ne lielāks par {highest}). {CORRECTION_HINT}",
                        maximum=AMOUNT_MAX))
    total = last + 1
    sh.text(f"B{total}", "Kopā", st.label_bold)
    sh.row_height(total, TOTAL_ROW_HEIGHT)
    totals = {"E": "plānoto summu kopsumma", left_money: "atlikumu kopsumma"} | {
        c: "mēnesī samaksāto summu kopsumma" for c in paid_cols}
    # a month's total with an invalid payment in its column (an unused row's too: the sum reads every row), the paid
    # total and the remainders' total while a line's paid sum is one: INVALID_UNITS, not the date's serial (D304)
    sums = {c: f"ROUND(SUM({c}{first}:{c}{last}),2)" for c in ["E", *paid_cols, left_money]}
    sums |= {c: f'IF(SUM({code}{first}:{code}{last})>0,"{INVALID_UNITS}",{sums[c]})'
             for c, code in zip(paid_cols, paid_codes, strict=True)}
    sums[left_money] = f'IF(ISNUMBER({paid_sum}{total}),{sums[left_money]},"{INVALID_UNITS}")'
    for c in ["E", *paid_cols, left_money]:
        sh.formula(f"{c}{total}", sums[c], st.out_money_bold, 0)
        sh.watch(f"{c}{total}", sums[c], totals[c], places=2)
    # no unit totals: a column's lines count hours, sessions, days and trips of different services
    sh.formula(f"{paid_sum}{total}", invalid_or(f"{paid_sum}{first}:{paid_sum}{last}"), st.out_money_bold,
               cache.paid_total)
    sh.define("Fakt_Kopa", f"{paid_sum}{total}")

    row = total + 2
    both = f"AND(ISNUMBER(C{row}),ISNUMBER(C{row + 1}))"  # neither the planned nor the paid sum „nederīgs” (D298, D304)
    # (printed label, formula, format, cached value, what 6.11 calls it, decimals compared)
    summary = (
        # „nederīgs” while a month of 6.7 rests on an invalid input (D298), not the sum of the others
        ("Plānots pa mēnešiem (6.7. tabula), EUR", invalid_or("Men_Summa"), st.out_money, 0,
         "plānotā summa pa mēnešiem", 2),
        ("Samaksāts periodā, EUR", "Fakt_Kopa", st.out_money, cache.paid_total, "periodā samaksātā summa", 2),
        ("Apguve (samaksāts ÷ plānots)", f'IF({both},IF(C{row}>0,C{row + 1}/C{row},0),"")', st.out_share,
         0, "apguve periodā", 6),
        ("Neizlietotais apmērs (plānots − samaksāts), EUR", f'IF({both},ROUND(C{row}-C{row + 1},2),"")',
         st.out_money, 0, "neizlietotais apmērs", 2),
    )
    for k, (label, formula, fmt, cached, checked, places) in enumerate(summary):
        sh.ws.merge_range(f"A{row + k}:B{row + k}", "", st.label_bold)
        sh.text(f"A{row + k}", label, st.label_bold)
        sh.formula(f"C{row + k}", formula, fmt, cached)
        sh.watch(f"C{row + k}", formula, checked, places=places)
        sh.row_height(row + k, SUMMARY_ROW_HEIGHT)
    sh.define("Fakt_Planots", f"C{row}")
    sh.define("Fakt_Neizlietots", f"C{row + 3}")
    for cols in (plan_cols, got_cols, paid_cols):
        grey_outside_period(sh, cols, head, first)
    sh.ws.conditional_format(f"{notes}{first}:{notes}{last}",
                             {"type": "formula", "criteria": f'=${notes}{first}<>""', "format": st.error_mark})
    # D386: the number hides while the line has no service (B, blank only in an unused row), not while its price (C)
    # is blank: a void line's invalid 6.8 price (D332) left the line without its number
    plan_rows.plan_rows(sh, first, lay.plan_rows, EXECUTION_ROW_HEIGHT, used="=C", warning_cell=f"A{total + 1}", warning_to="C",
                        inputs=(f"{got_cols[0]}:{paid_cols[-1]}", free), number_used="B",
                        hint_cell=f"{col(free, 1)}{first + plan_rows.VISIBLE - 1}")
    # F7: a "jāprecizē" catalogue price prints "5,11*" (A holds the line's number: its 6.4 row), explained under
    # the summary in the repeated label columns
    price_marks.mark_prices(sh, f"C{first}:C{last}", f"INDEX(h_CenaNeapst,$A{first})=1")
    price_marks.price_note(sh, f"A{row + 4}:C{row + 4}", PRICE_NOTE_HEIGHT)
    sh.ws.freeze_panes(lay.plan_first - 1, 2)
    print_setup(sh, free, row + 4, annex="6.10. tabula (izpilde)", repeat_cols="A:C")
    # the pages across start with the delivered months and with the totals, so that no merged heading is cut
    # between two pages (plain <colBreaks>: Excel and LibreOffice keep them)
    sh.ws.set_v_pagebreaks([sh._rc(f"{c}1")[1] for c in (got_cols[0], got_sum)])
    protect(sh)
