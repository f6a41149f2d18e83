"""Sheet 30 of the expense register workbook: the quarterly spending and result indicators."""

from __future__ import annotations

import datetime as dt

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from generator.documents.reports import input_checks as checks
from generator.documents.reports import register as reg
from generator.documents.reports.month_formulas import MonthFormulas
from generator.documents.reports.month_settings import MonthCell
from generator.documents.reports.parameters import pending, pending_note
from generator.documents.reports.printing import SPACER, signature_block
from generator.documents.reports.register_book import RegisterBook, RegisterSettings
from generator.documents.reports.register_checks import quarter_check
from generator.documents.reports.register_layout import (
    CASH_FIRST,
    EARLIER_CORRECTION,
    ERRORS,
    FIRST_ERROR,
    INDICATORS_LABEL,
    ON_SHEET_26,
    QUARTER_FIRST,
    QUARTERS_TOTAL,
    REGISTER_OTHERS,
    S_CASH,
    S_QUARTER,
)
from generator.documents.reports.report_cells import (
    COUNT_EXPECTED,
    COUNT_VALIDATION,
    absolute_cell,
    column_range,
    excel_serial,
    write_blank_inputs_note,
    write_errors_line,
    write_intro,
    write_wide_note,
)
from generator.reference.settlement import BIP_INDIRECT, BIP_PAY, BIP_SBS, BIP_TRANSPORT


def write_quarter_sheet(book: RegisterBook, setup: RegisterSettings, cash_last: int) -> tuple[int, int, int]:
    """Sheet 30, the quarterly report: each quarter's spending by BIP from 29's months (rows up to
    ``cash_last``), its due date, and the result indicators by support area from the register with the counts
    the worker types; their checks, totals and signatures. Returns its last quarter row, its last signed row
    and its number of columns (without the check column)."""
    catalogue, municipality, wb, fmt, log, periods = (book.catalogue, book.municipality, book.wb, book.fmt, book.log,
                                                      book.periods)
    dated, result, ws_q = book.dated, book.result, book.ws_q
    cache, guard = book.cache, book.guard
    formulas, amounts, since = setup.formulas, setup.amounts, setup.since
    quarterly_day, settings = setup.quarterly_day, setup.settings
    totals = result.totals
    ws_q.write(0, 0, "30. pielikums. Ceturkšņa faktiski izlietotā finansējuma un rezultatīvo rādītāju pārskats",
               fmt.title)
    write_intro(ws_q, 1, 0, 8, municipality, "Aprēķināts no 29. un 28. pielikuma; oriģinālu pēc saskaņošanas ar "
                f"{periods.words('team_acc')} iesniedz līdz ailē „Iesniegt līdz” norādītajam datumam.", fmt.note_wrapped, 90)
    q_pending = pending(*amounts, quarterly_day)
    q_round_note = dated and periods.asked
    if q_round_note:  # a template for a round asked for (D125) names it above its first table, as 29 does
        write_wide_note(ws_q, 2, 0, 8, reg.round_note(periods), fmt.note_wrapped, 90)
    elif q_pending:
        ws_q.write(2, 0, pending_note(ON_SHEET_26), fmt.pending_note)
    else:  # only a narrow gap: the signatures stay on the page of the quarters
        ws_q.set_row(2, SPACER)
    # wrapped in A:D, left of the errors line (E:K) that would cut it
    ws_q.merge_range(3, 0, 3, 3, "Finansējuma izlietojums pa budžeta izmaksu pozīcijām, EUR", fmt.label_wrapped)
    q_headers = ["Gads", "Ceturksnis", f"BIP {BIP_PAY}", f"BIP {BIP_TRANSPORT}", f"BIP {BIP_SBS}",
                 f"BIP {BIP_INDIRECT}", "Kopā", "Saņemts no LM", "Iesniegt līdz"]
    ws_q.write_row(QUARTER_FIRST - 1, 0, q_headers, fmt.head)
    ws_q.set_row(QUARTER_FIRST - 1, 28)  # two lines: "Saņemts no LM"
    cash_rng = {col: column_range(S_CASH, CASH_FIRST, cash_last, col) for col in (3, 6, 7, 8, 9, 14, 15)}
    quarters = result.quarters
    for i, qr in enumerate(quarters):
        r = QUARTER_FIRST + i
        x = r + 1
        if dated:
            ws_q.write_number(r, 0, qr.year, fmt.int)
            ws_q.write_number(r, 1, qr.quarter, fmt.int)
        else:
            ws_q.write_blank(r, 0, None, fmt.in_int)
            ws_q.write_blank(r, 1, None, fmt.in_int)
        def quarter_cell(col: int, formula: str, value: object, row: int = x, at: int = r) -> None:
            """A quarter row's amount, shown only once its year and quarter are typed (an unused row prints empty)."""
            if not dated:
                formula, value = f'=IF(OR($A{row}="",$B{row}=""),"",{formula[1:]})', ""
            ws_q.write_formula(at, col, formula, fmt.money, value)

        # a quarter waits only for the values its months use
        in_quarter = MonthFormulas(*(settings[key].over(qr.months if dated else None)
                                     for key in ("social_worker_children", "indirect_cost_rate")), ERRORS)
        for col, src, value, uses in ((2, 6, qr.amounts.pay, (in_quarter.full_pay_children,)),
                                      (3, 7, qr.amounts.transport, ()), (4, 8, qr.amounts.sbs, ()),
                                      (5, 9, qr.amounts.indirect, in_quarter.amount_params), (7, 3, qr.receipts, ())):
            quarter_cell(col, guard(f"SUMIFS({cash_rng[src]},{cash_rng[14]},$A{x},{cash_rng[15]},$B{x})", *uses),
                         cache(value, *uses))
        quarter_cell(6, in_quarter.costs(f"C{x}", f"D{x}", f"E{x}", f"F{x}"),
                     cache(qr.amounts.total, *in_quarter.amount_params))
        # the day in force on the first day of the quarter's last month (D201)
        quarterly = settings["quarterly_report_day"]
        in_force = quarterly.in_force(dt.date(qr.year, qr.quarter * 3, 1))
        q_day = (quarterly.whole() if not quarterly.changes else MonthCell(in_force.name, (in_force,)) if dated else
                 MonthCell(quarterly.pick(f"DATE(A{x},B{x}*3,1)"), quarterly.whole().cells))
        ws_q.write_formula(r, 8, guard(f'IF(OR(A{x}="",B{x}=""),"",DATE(A{x},B{x}*3+1,{q_day.name}))', q_day),
                           fmt.date, cache(excel_serial(qr.due) if dated else "", q_day))
    q_last = QUARTER_FIRST + len(quarters) - 1
    areas = catalogue.enums.support_areas
    q_check = 2 + 2 * len(areas) + 3  # right of the result indicators' columns
    if not dated:  # the year and quarter are inputs
        log.add_column(ws_q, QUARTER_FIRST, [quarter_check(QUARTER_FIRST + 1 + i, since) for i in range(len(quarters))],
                       q_check, fmt.head, fmt.error)
    write_errors_line(ws_q, 3, 4, 10, fmt.errors_line, ERRORS, FIRST_ERROR, REGISTER_OTHERS)
    if not dated:
        ws_q.data_validation(QUARTER_FIRST, 0, q_last, 0, {
            "validate": "integer", "criteria": "between", "minimum": checks.YEARS[0], "maximum": checks.YEARS[1],
            "error_message": "Ierakstiet gadu ar četriem cipariem (piemēram, kārtas ceturkšņa gadu)."})
        ws_q.data_validation(QUARTER_FIRST, 1, q_last, 1, {
            "validate": "integer", "criteria": "between", "minimum": checks.QUARTERS[0], "maximum": checks.QUARTERS[1],
            "error_message": "Ceturksnis ir skaitlis no 1 līdz 4."})
    for name, col in (("CP_Gads", 0), ("CP_Ceturksnis", 1), ("CP_Atlidziba", 2), ("CP_Transports", 3),
                      ("CP_SBS", 4), ("CP_Netiesas", 5), ("CP_Kopa", 6), ("CP_Sanemts", 7), ("CP_Termins", 8)):
        wb.define_name(name, "=" + column_range(S_QUARTER, QUARTER_FIRST, q_last, col))
    tr = q_last + 1
    ws_q.merge_range(tr, 0, tr, 1, QUARTERS_TOTAL, fmt.label_wrapped)
    ws_q.set_row(tr, 26)
    for col, value, uses in ((2, totals.pay, (formulas.full_pay_children,)), (3, totals.transport, ()),
                             (4, totals.sbs, ()), (5, totals.indirect, amounts), (6, totals.total, amounts),
                             (7, result.receipts, ())):
        letter = xl_rowcol_to_cell(0, col)[:-1]
        ws_q.write_formula(tr, col, guard(f"SUM({letter}{QUARTER_FIRST + 1}:{letter}{q_last + 1})", *uses),
                           fmt.money_total, cache(value, *uses))

    # Result indicators: SBS by support area from the register, plus counts the worker enters.
    ind_head = tr + 3
    ws_q.write(ind_head - 1, 0, INDICATORS_LABEL, fmt.label)
    if not dated:  # between the spending totals and the indicators, next to the blank year/quarter cells
        write_blank_inputs_note(ws_q, tr + 1, 0, 8,
                                reg.periods_note(periods, "Gada un ceturkšņa ailes", "Gadu un ceturksni (1–4)"),
                                fmt.pending_note_wrapped, 90, "COUNT(CP_Gads)+COUNT(CP_Ceturksnis)")
    elif q_round_note and q_pending:  # the round's note stands above the table: this one under its totals
        write_wide_note(ws_q, tr + 1, 0, 8, pending_note(ON_SHEET_26), fmt.pending_note_wrapped, 90)
    ind_headers = ["Gads", "Ceturksnis"]
    ind_headers += [f"SBS {a.number}. jomā, EUR" for a in areas]
    ind_headers += [f"SBS dokumenti {a.number}. jomā" for a in areas]
    ind_headers += ["Veiktās izvērtēšanas (skaits)", "Bērni ceturkšņa beigās", "Vecāki, kas saņēma SBS"]
    ws_q.write_row(ind_head, 0, ind_headers, fmt.head)
    ws_q.set_row(ind_head, 42)
    for i, qr in enumerate(quarters):
        r = ind_head + 1 + i
        x = r + 1
        if dated:
            ws_q.write_number(r, 0, qr.year, fmt.int)
            ws_q.write_number(r, 1, qr.quarter, fmt.int)
        else:  # the quarters typed in the spending table above
            above = QUARTER_FIRST + i + 1
            ws_q.write_formula(r, 0, f'=IF(A{above}="","",A{above})', fmt.int, "")
            ws_q.write_formula(r, 1, f'=IF(B{above}="","",B{above})', fmt.int, "")
        window = (f'Reg_Menesis,">="&DATE($A{x},($B{x}-1)*3+1,1),'
                  f'Reg_Menesis,"<"&DATE($A{x},$B{x}*3+1,1)')
        unused = 0 if dated else ""  # a row without its year and quarter prints empty
        for k, area in enumerate(areas):
            ws_q.write_formula(r, 2 + k, guard(f'IF(OR($A{x}="",$B{x}=""),"",ROUND(SUMIFS(Reg_Summa,Reg_BIP,BIP_SBS,'
                                               f'Reg_Joma,{area.number},{window}),2))'), fmt.money, unused)
            # the documents of services received: a correction changes the amount, not the count (D56)
            ws_q.write_formula(r, 2 + len(areas) + k, guard(
                f'IF(OR($A{x}="",$B{x}=""),"",COUNTIFS(Reg_BIP,BIP_SBS,Reg_Joma,{area.number},'
                f'Reg_Dokuments,"<>"&Korekcija,Reg_Dokuments,"<>"&{EARLIER_CORRECTION},{window}))'), fmt.int, unused)
        for k in range(3):
            ws_q.write_blank(r, 2 + 2 * len(areas) + k, None, fmt.in_int)
    ind_last = ind_head + len(quarters)
    # The three counts LM collects are whole numbers 0 or more: validation stops one typed, the check column one
    # pasted, named in the errors line as every other input is (audit30 F8, D245).
    counts = [xl_col_to_name(2 + 2 * len(areas) + k) for k in range(3)]
    log.add_column(ws_q, ind_head + 1, [checks.row_check(S_QUARTER, [
        checks.Rule(f"{c}{r + 1}", checks.whole_at_least(f"{c}{r + 1}", 0, blank_ok=True), COUNT_EXPECTED)
        for c in counts]) for r in range(ind_head + 1, ind_last + 1)], q_check, fmt.head, fmt.error)
    ws_q.data_validation(ind_head + 1, 2 + 2 * len(areas), ind_last, 2 + 2 * len(areas) + 2, COUNT_VALIDATION)
    for k, area in enumerate(areas):
        wb.define_name(f"RR_SBS_Joma{area.number}", "=" + column_range(S_QUARTER, ind_head + 1, ind_last, 2 + k))
    # The result indicators' total, as the spending table's above (audit30 F4, D56): the SBS amounts and document
    # counts per area and the evaluations made add up over the quarters; the children at a quarter's end and the
    # parents who received SBS are counts of people at a time, which summed would count one child or parent once
    # a quarter – their cells are shaded and empty. The counts' totals keep the counts' format: a new format would
    # renumber the styles of every sheet written after it (26), which did not change.
    ind_total = ind_last + 1
    ws_q.merge_range(ind_total, 0, ind_total, 1, QUARTERS_TOTAL, fmt.label_wrapped)
    ws_q.set_row(ind_total, 26)
    for col in range(2, 2 + 2 * len(areas) + 3):
        letter = xl_col_to_name(col)
        if col >= 2 + 2 * len(areas) + 1:
            ws_q.write_blank(ind_total, col, None, fmt.head)  # shaded as a header: no total
            continue
        ws_q.write_formula(ind_total, col, guard(f"SUM({letter}{ind_head + 2}:{letter}{ind_last + 1})"),
                           fmt.money_total if col < 2 + len(areas) else fmt.int, 0)
    for k, area in enumerate(areas):
        wb.define_name(f"RR_Kopa_SBS_Joma{area.number}", "=" + absolute_cell(S_QUARTER, ind_total, 2 + k))
        wb.define_name(f"RR_Kopa_Dokumenti_Joma{area.number}", "=" + absolute_cell(S_QUARTER, ind_total, 2 + len(areas) + k))
    wb.define_name("RR_Kopa_Izvertesanas", "=" + absolute_cell(S_QUARTER, ind_total, 2 + 2 * len(areas)))
    ws_q.set_column(0, 0, 6)  # "Kopā par visiem ceturkšņiem" wrapped across A:B
    ws_q.set_column(1, 1, 10.5)
    ws_q.set_column(2, 2 + 2 * len(areas) - 1, 10.6)
    ws_q.set_column(2 + 2 * len(areas), 2 + 2 * len(areas) + 2, 12.5)  # "izvērtēšanas" and three lines (not the checks)
    ws_q.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True})

    # Originals of 29 and 30 go to the ministry signed (L2238–L2239).
    ws_q.set_row(ind_total + 1, SPACER)
    q_signed = signature_block(ws_q, ind_total + 2, 0, 4, 7, fmt.sign_label, fmt.sign_field, fmt.sign_date,
                                  line=fmt.sign_line)
    return q_last, q_signed, len(ind_headers)
