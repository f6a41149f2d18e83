"""Sheet 29 of the expense register workbook: the monthly cash flow, every amount a formula over the
register (28) with its cached value from the reference settlement."""

from __future__ import annotations

from decimal import Decimal

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from generator.documents.reports import input_checks as checks
from generator.documents.reports import register as reg
from generator.documents.reports.month_formulas import MonthFormulas, month_start
from generator.documents.reports.month_settings import month_validation
from generator.documents.reports.parameters import SHARE, guarded, pending, pending_note
from generator.documents.reports.printing import FIELD_HEIGHT, signature_block
from generator.documents.reports.register_book import MONTH_KEYS, RegisterBook, RegisterSettings
from generator.documents.reports.register_checks import (
    NO_CHILDREN_WITH_PAY,
    cash_check_formula,
    contract_text,
    no_children_with_pay,
)
from generator.documents.reports.register_layout import (
    BIP_NAMES,
    CASH_FIRST,
    CASH_WARNINGS,
    CASH_WIDTHS,
    ERRORS,
    FIRST_ERROR,
    ON_SHEET_26,
    OPENING_COL,
    OPENING_ROW,
    REGISTER_OTHERS,
    S_CASH,
)
from generator.documents.reports.report_cells import (
    BALANCE_LABEL,
    absolute_cell,
    column_range,
    excel_date,
    excel_number,
    excel_serial,
    write_blank_inputs_note,
    write_errors_line,
    write_intro,
    write_wide_note,
)
from generator.reference.settlement import BIP_INDIRECT, BIP_PAY, BIP_SBS, BIP_TRANSPORT


def write_cash_flow_sheet(book: RegisterBook, setup: RegisterSettings) -> tuple[int, int]:
    """Sheet 29, the monthly cash flow: each month's children, contract and money received, its amounts by BIP
    from the register and its balances, with their checks, totals, closing balance and signatures. Returns its
    last month row and its last signed row."""
    municipality, wb, fmt, log, data, periods = (book.municipality, book.wb, book.fmt, book.log, book.data,
                                                 book.periods)
    months, dated, params_of, result, ws_cash = book.months, book.dated, book.params_of, book.result, book.ws_cash
    by_month = {m.month: m for m in result.months}
    cache, guard = book.cache, book.guard
    formulas, amounts, since, per_month = setup.formulas, setup.amounts, setup.since, setup.per_month
    monthly_day, settings = setup.monthly_day, setup.settings
    ws_cash.write(0, 0, "29. pielikums. Mēneša naudas plūsmas pārskats", fmt.title)
    # Notes wrap across the printed columns A:N, which fill one A4 landscape width.
    write_intro(ws_cash, 1, 0, len(CASH_WIDTHS) - 1, municipality, f"Oriģinālu pēc saskaņošanas ar {periods.words('team_acc')} "
                "iesniedz līdz ailē „Iesniegt līdz” norādītajam datumam.", fmt.note_wrapped, 100)
    if pending(*amounts, monthly_day):
        ws_cash.write(2, 0, pending_note(ON_SHEET_26), fmt.pending_note)
    # the opening balance on the title row, right of the title, above the months' „Atlikums sākumā” (OPENING_CELL)
    ws_cash.merge_range(OPENING_ROW, OPENING_COL - 5, OPENING_ROW, OPENING_COL - 1,
                        "Atlikums pārskata perioda sākumā, EUR", fmt.label_right)
    ws_cash.write_number(OPENING_ROW, OPENING_COL, excel_number(data.opening_balance), fmt.in_money)
    wb.define_name("Sakuma_Atlikums", "=" + absolute_cell(S_CASH, OPENING_ROW, OPENING_COL))
    cash_headers = ["Mēnesis", "Bērnu skaits", "Darba līgums (Jā/Nē)", "Saņemts no LM, EUR",
                    "Pilnā atlīdzība (reģistrs), EUR", "Atlīdzības daļa",
                    f"BIP {BIP_PAY}, EUR", f"BIP {BIP_TRANSPORT}, EUR", f"BIP {BIP_SBS}, EUR", f"BIP {BIP_INDIRECT}, EUR",
                    "Izdevumi kopā, EUR", "Atlikums sākumā, EUR", "Atlikums beigās, EUR", "Iesniegt līdz", "Gads",
                    "Ceturksnis"]
    setting_col = len(cash_headers)  # the months' settings, when one changes in them (D201)
    if per_month:
        cash_headers += ["Bērni pilnai atlīdzībai", "Netiešo izmaksu likme", "Iesniegšanas diena nākamajā mēnesī"]
    ws_cash.write_row(CASH_FIRST - 1, 0, cash_headers, fmt.head)
    ws_cash.set_row(CASH_FIRST - 1, 54)  # four lines: "Pilnā atlīdzība (reģistrs), EUR"
    for col, width in enumerate([*CASH_WIDTHS, 6, 10.5, *([11] * 3 * per_month)]):  # from Gads on: not printed
        ws_cash.set_column(col, col, width)
    gross = {m.month: m.sw_gross_pay for m in reg.settlement_inputs(data)}
    for i, m in enumerate(months):
        r = CASH_FIRST + i
        x = r + 1  # 1-based row in formulas
        rep = by_month[m.month]
        if dated:
            ws_cash.write_datetime(r, 0, excel_date(m.month), fmt.month)
        else:
            ws_cash.write_blank(r, 0, None, fmt.in_month)
        if m.children is None:
            ws_cash.write_blank(r, 1, None, fmt.in_int)
        else:
            ws_cash.write_number(r, 1, m.children, fmt.in_int)
        ws_cash.write(r, 2, contract_text(m.employment_contract), fmt.in_text)
        if dated:
            ws_cash.write_number(r, 3, excel_number(m.receipts), fmt.in_money)
        else:  # an unused row prints empty, not 0,00
            ws_cash.write_blank(r, 3, None, fmt.in_money)

        def sumifs(name: str, row: int = x) -> str:
            # from the month's first day, whichever day of it the month cell holds (audit35 F1, D172)
            return (f'IF($A{row}="",0,ROUND(SUMIFS(Reg_Summa,Reg_BIP,{name},Reg_Menesis,">="&{month_start(f"$A{row}")},'
                    f'Reg_Menesis,"<"&{month_start(f"$A{row}", 1)}),2))')

        def dated_row(formula: str, row: int = x) -> str:
            """A month row's amount, shown only once its month is typed: an unused row prints empty (D37)."""
            return formula if dated else f'=IF($A{row}="","",{formula[1:]})'

        def cell(col: int, formula: str, cell_format: xlsxwriter.format.Format, value: object, at: int = r) -> None:
            ws_cash.write_formula(at, col, dated_row(formula), cell_format, value if dated else "")

        # the month's settings: the cells in force on its first day (D201), shown right of Ceturksnis when one
        # changes in the months
        own = {key: settings[key].month(m.month if dated else None,
                                        "$" + xl_rowcol_to_cell(r, setting_col + k))
               for k, key in enumerate(MONTH_KEYS)}
        if per_month:
            month_params_of = params_of(m.month)
            for k, key in enumerate(MONTH_KEYS):
                setting = settings[key]
                expression = setting.pick(month_start(f"$A{x}")) if not dated else setting.in_force(m.month).name
                value = getattr(month_params_of, key)
                kind = setting.first.parameter.kind
                cell(setting_col + k, guarded(expression, *own[key].cells),
                     fmt.share if kind == SHARE else fmt.int,
                     cache(Decimal(value) if kind == SHARE else value, *own[key].cells))
        month = MonthFormulas(own["social_worker_children"], own["indirect_cost_rate"], ERRORS)
        # a balance waits only for the values the months up to it use
        so_far = MonthFormulas(*(settings[key].over([n.month for n in months[:i + 1]] if dated else None)
                                 for key in ("social_worker_children", "indirect_cost_rate")), ERRORS)
        cell(4, guard(sumifs(BIP_NAMES[BIP_PAY])), fmt.money, cache(gross[m.month]))
        cell(5, month.share(f"B{x}"), fmt.share, cache(rep.pay_share, month.full_pay_children))
        cell(6, month.pay(f"E{x}", f"B{x}"), fmt.money, cache(rep.amounts.pay, month.full_pay_children))
        cell(7, guard(sumifs(BIP_NAMES[BIP_TRANSPORT])), fmt.money, cache(rep.amounts.transport))
        cell(8, guard(sumifs(BIP_NAMES[BIP_SBS])), fmt.money, cache(rep.amounts.sbs))
        cell(9, month.indirect(f"C{x}", f"G{x}"), fmt.money, cache(rep.amounts.indirect, *month.amount_params))
        cell(10, month.costs(f"G{x}", f"H{x}", f"I{x}", f"J{x}"), fmt.money,
             cache(rep.amounts.total, *month.amount_params))
        # The balance before a month: the opening balance, plus what came in, less what was spent in the rows
        # above (a closed form: a row without a month prints empty and does not break the chain).
        before = ("Sakuma_Atlikums" if i == 0 else
                  f"Sakuma_Atlikums+SUM(D${CASH_FIRST + 1}:D{x - 1})-SUM(K${CASH_FIRST + 1}:K{x - 1})")
        before_params = MonthFormulas(*(settings[key].over([n.month for n in months[:i]] if dated else None)
                                        for key in ("social_worker_children", "indirect_cost_rate")), ERRORS)
        cell(11, before_params.amount(f"ROUND({before},2)") if i else guard("Sakuma_Atlikums"), fmt.money,
             cache(rep.opening_balance, *before_params.amount_params) if i else cache(rep.opening_balance))
        cell(12, so_far.amount(f"L{x}+D{x}-K{x}"), fmt.money, cache(rep.closing_balance, *so_far.amount_params))
        due_day = own["monthly_report_day"]
        cell(13, guard(f'IF(A{x}="","",DATE(YEAR(A{x}),MONTH(A{x})+1,{due_day.name}))', due_day),
             fmt.date, cache(excel_serial(rep.due), due_day))
        ws_cash.write_formula(r, 14, f'=IF(A{x}="","",YEAR(A{x}))', fmt.int, cache(m.month.year) if dated else "")
        ws_cash.write_formula(r, 15, f'=IF(A{x}="","",INT((MONTH(A{x})-1)/3)+1)', fmt.int,
                              cache((m.month.month - 1) // 3 + 1) if dated else "")
    cash_last = CASH_FIRST + len(months) - 1
    log.add_column(ws_cash, CASH_FIRST, [cash_check_formula(CASH_FIRST + 1 + i, dated, first=i == 0, since=since)
                                         for i in range(len(months))], len(cash_headers), fmt.head, fmt.error)
    # 0 children beside the register's pay of the month (E, the full pay): a counted warning (D266), in a hidden
    # column right of „Pārbaude”, its count above it
    warn_col = len(cash_headers) + 2
    warnings = checks.add_warnings(ws_cash, CASH_FIRST, [no_children_with_pay(f"B{CASH_FIRST + 1 + i}",
                                                                              f"E{CASH_FIRST + 1 + i}")
                                                         for i in range(len(months))],
                                   warn_col, "B", NO_CHILDREN_WITH_PAY)
    ws_cash.write_formula(CASH_FIRST - 1, warn_col, "=" + warnings.count(), None, 0)
    wb.define_name(CASH_WARNINGS, "=" + absolute_cell(S_CASH, CASH_FIRST - 1, warn_col))
    # F:N, up to the last printed column (the helper columns Gads and Ceturksnis do not print)
    write_errors_line(ws_cash, 3, 5, len(CASH_WIDTHS) - 1, fmt.errors_line, ERRORS, FIRST_ERROR, REGISTER_OTHERS,
                      warnings=warnings)
    if not dated:
        write_blank_inputs_note(ws_cash, CASH_FIRST - 2, 0, len(CASH_WIDTHS) - 1, reg.periods_note(periods),
                                fmt.pending_note_wrapped, sum(CASH_WIDTHS), "COUNT(NP_Menesis)")
        ws_cash.data_validation(CASH_FIRST, 0, cash_last, 0, month_validation(since))
    elif periods.asked:  # a template for a round asked for (D125) names it above its months
        write_wide_note(ws_cash, CASH_FIRST - 2, 0, len(CASH_WIDTHS) - 1, reg.round_note(periods), fmt.note_wrapped,
                        sum(CASH_WIDTHS))
    ws_cash.data_validation(CASH_FIRST, 2, cash_last, 2, {"validate": "list", "source": "=JaNe"})
    ws_cash.data_validation(CASH_FIRST, 1, cash_last, 1, {"validate": "integer", "criteria": ">=", "value": 0})
    ws_cash.data_validation(CASH_FIRST, 3, cash_last, 3, checks.cents_validation(f"D{CASH_FIRST + 1}"))
    names = {"NP_Menesis": 0, "NP_Berni": 1, "NP_Sanemts": 3, "NP_Atlidziba": 6, "NP_Transports": 7,
             "NP_SBS": 8, "NP_Netiesas": 9, "NP_Kopa": 10, "NP_AtlikumsSakuma": 11, "NP_AtlikumsBeigas": 12,
             "NP_Termins": 13, "NP_Gads": 14, "NP_Ceturksnis": 15}
    for name, col in names.items():
        wb.define_name(name, "=" + column_range(S_CASH, CASH_FIRST, cash_last, col))
    tr = cash_last + 1
    ws_cash.merge_range(tr, 0, tr, 2, "Kopā par visiem pārskata mēnešiem", fmt.label_wrapped)
    ws_cash.set_row(tr, 26)
    totals = result.totals
    for col, value, uses in ((3, result.receipts, ()), (6, totals.pay, (formulas.full_pay_children,)),
                             (7, totals.transport, ()), (8, totals.sbs, ()), (9, totals.indirect, amounts),
                             (10, totals.total, amounts)):
        letter = xl_rowcol_to_cell(0, col)[:-1]
        ws_cash.write_formula(tr, col, guard(f"SUM({letter}{CASH_FIRST + 1}:{letter}{cash_last + 1})", *uses),
                              fmt.money_total, cache(value, *uses))
    for name, col in (("Kopa_Sanemts", 3), ("Kopa_Atlidziba", 6), ("Kopa_Transports", 7), ("Kopa_SBS", 8),
                      ("Kopa_Netiesas", 9), ("Kopa_Izdevumi", 10)):
        wb.define_name(name, "=" + absolute_cell(S_CASH, tr, col))
    # A balance is not a sum: its own labelled line under the totals, below the months' closing balances.
    br = tr + 1
    ws_cash.merge_range(br, 0, br, 11, BALANCE_LABEL, fmt.label_right)
    ws_cash.write_formula(br, 12, formulas.amount(f"ROUND(Sakuma_Atlikums+D{tr + 1}-K{tr + 1},2)"),
                          fmt.money_total, cache(result.closing_balance, *amounts))
    ws_cash.set_row(br, FIELD_HEIGHT)
    wb.define_name("Kopa_AtlikumsBeigas", "=" + absolute_cell(S_CASH, br, 12))
    # "Sagatavoja (vārds, uzvārds, amats)" runs on over A:E, the fields start after it
    cash_signed = signature_block(ws_cash, br + 1, 0, 5, 8, fmt.sign_label, fmt.sign_field, fmt.sign_date,
                                  line=fmt.sign_line)
    ws_cash.freeze_panes(CASH_FIRST, 1)
    ws_cash.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True})
    return cash_last, cash_signed
