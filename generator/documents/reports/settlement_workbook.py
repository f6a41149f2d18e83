"""The settlement with the municipality (27.pielikums) as a workbook: one row per pilot month.

The methodology gives only what is paid (L2151–L2155) and the advance (L2169); the layout is the project's
reconstruction. The municipality (or the ministry) types per month the number of children, the social
worker's full monthly remuneration, whether there is an employment contract, the worker's transport costs,
the SBS payments and the money received from the ministry (the advance in month 1). Every other cell is a
formula that repeats generator.reference.settlement.settle: the pay share for 20 children, BIP 1.1, the 15 %
indirect costs only with an employment contract, the balance, and at the end the settlement of the advance.
Its public interface is its defined names (NR_* per month, NRK_* totals).
The per-month pay formulas are those of sheet 29 (month_formulas); the two catalogue parameters are written
by parameters.write_parameter (a `jāprecizē` one is a blank to fill, and the amounts wait for it). Every
input is also checked by formula (input_checks), since validation does not stop a pasted value: while one is
wrong, the column „Pārbaude” names its cell, a line above the table counts the rows with a message and shows
the first (D155), and every amount shows "______". Every amount is whole cents (D87, D156).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.reports import input_checks as checks
from generator.documents.reports import institution_names as institutions
from generator.documents.reports import page_count
from generator.documents.reports.month_formulas import MonthFormulas, month_start
from generator.documents.reports.month_rows import typed_month_rules
from generator.documents.reports.month_settings import (
    Setting,
    dated_values,
    first_month,
    month_rule,
    month_validation,
    value_name,
    values_text,
)
from generator.documents.reports.parameters import (
    INTEGER,
    PENDING,
    SHARE,
    ParamCell,
    cached_value,
    guarded,
    pending,
    pending_note,
    write_parameter,
)
from generator.documents.reports.printing import (
    FIELD_HEIGHT,
    INTRO_ROW,
    KEPT_ROWS,
    SPACER,
    page_breaks,
    print_setup,
    reconstruction_note,
    signature_block,
    unprinted_note,
)
from generator.documents.reports.register import (
    PILOT_WORDS,
    ReportPeriods,
    empty_register,
    periods_note,
    planned_children,
    report_periods,
    round_note,
    settlement_inputs,
)
from generator.documents.reports.register_checks import (
    CHILDREN_FOR_PAY,
    NO_CHILDREN_WITH_PAY,
    contract_rule,
    contract_text,
    no_children_with_pay,
)
from generator.documents.reports.report_cells import (
    BALANCE_LABEL,
    BASE_FORMAT,
    excel_date,
    open_report_workbook,
    write_blank_inputs_note,
    write_errors_line,
    write_intro,
    write_wide_note,
)
from generator.documents.round_rules import procedures_context
from generator.documents.terms import current_round
from generator.reference.params import Params
from generator.reference.settlement import SettlementMonth, month_params, settle
from generator.xlsxformula import quick_formulas

WORKBOOK_ID = "norekini-ar-pasvaldibu"
SHEET = "27 Norēķini"
FIRST = 8  # first month row (0-based)
TITLE = "27. pielikums. Norēķini ar pašvaldību"  # the page header's (print_setup)
CHECK = 12  # the hidden helper of the check column „Pārbaude” (the next one), and the wrong-input count
ERRORS, FIRST_ERROR = "NR_Kludas", "NR_PirmaKluda"
WARNINGS = "NR_Bridinajumi"  # the count of months with 0 children beside a pay (D266)
# Columns A–L fill one A4 landscape width (in Excel and, a little wider, in LibreOffice with Carlito: about
# 740 pt of 799), so that the costs and balances print with the month rows and the signatures; each header wraps
# in at most four lines (HEADER_HEIGHT) of Calibri bold without breaking a word.
WIDTHS = (7, 7, 14, 7, 15, 10, 12, 10, 10, 12, 10, 10)
TOTAL_LABEL = "Kopā par visiem mēnešiem"
NOT_FINAL = "vēl nav galīgs: aprēķināts no līdz šim aizpildītajiem mēnešiem"
HEADER_HEIGHT = 47
# The two settings 27's formulas use; a change inside the months puts the months' values in columns O:P (D201),
# a later dated value itself in row 5 or 6 from column P on.
MONTH_SETTINGS = (("social_worker_children", INTEGER), ("indirect_cost_rate", SHARE))
SETTING_COL = CHECK + 2
MONTH_ROW = 13.5  # pt: one line of 10 pt text (Excel's own row for it is 12.75); a round's months, the notes and
# the signatures fit one A4 landscape page down


def default_months(catalogue: Catalogue, periods: ReportPeriods | None = None) -> list[SettlementMonth]:
    """The empty template: every report month (default: the first round's) with the planned number of
    children and no amounts."""
    return settlement_inputs(empty_register(catalogue, periods))


def write_settlement_workbook(catalogue: Catalogue, municipality: Municipality, target: Path,
                              months: Sequence[SettlementMonth] | None = None, opening_balance: object = 0,
                              cached: bool = True, build_date: dt.date | None = None) -> Path:
    """Write the settlement workbook; ``cached=False`` leaves formula caches at 0 (tests prove the formulas).
    Without ``months`` the rows are the months of the round running on ``build_date`` (default: today), or
    blank month inputs once it has ended (register.report_periods)."""
    day = catalogue.latest_date
    params = Params.from_catalogue(catalogue, day)  # the reference's values, cached where confirmed
    # The template's children counts are the plan, left blank while the plan is `jāprecizē`; after the round
    # the children and the contract are blank inputs like the months (D37).
    periods = None if months is not None else report_periods(catalogue, build_date, municipality.id)
    dated = periods is None or periods.dated
    typed_children = months is not None or planned_children(catalogue, periods) is not None
    months = sorted(months if months is not None else default_months(catalogue, periods), key=lambda m: m.month)
    params_of = month_params(catalogue, params)  # each month with the settings in force on its first day (D201)
    result = settle(months, params_of, opening_balance)

    def cache(value: object, *uses: ParamCell) -> object:
        return cached_value(value, cached, *uses)

    wb, fmt = open_report_workbook(catalogue, target, WORKBOOK_ID, municipality, build_date)
    ws = quick_formulas(wb.add_worksheet(SHEET))
    # every dated value the months use (all of them while the months are blank inputs), D201
    values = {key: dated_values(catalogue, key, kind, [m.month for m in months] if dated else None)
              for key, kind in MONTH_SETTINGS}
    n, rate = (values_text(values[key]) for key, _ in MONTH_SETTINGS)
    per_month = any(len(dated) > 1 for dated in values.values())
    ws.write(0, 0, "27. pielikums. Norēķini ar pašvaldību par faktiskajām izmaksām", fmt.title)
    # One note wrapped across the table's width, so that the signatures stay on the page of the month rows.
    # The advance in the round's first month is the pilot's procedure (D135, L2169): a later round's template
    # names no advance until its rules confirm one (audit25 N10).
    advance = procedures_context(catalogue, current_round(catalogue, build_date or dt.date.today(),
                                                          municipality.id))["advance_payment"]
    settled = ", un ka avansu norēķina beigās" if advance else ""
    unprinted_note(ws, reconstruction_note(f"metodikā noteikts, kuras izmaksas sedz{settled}; "
                                           "tabulas izkārtojumu sagatavojusi IBM rīkkopa"))
    write_intro(ws, 1, 0, len(WIDTHS) - 1, municipality,
                f"Atlīdzību sedz pilnā apmērā, ja sociālais darbinieks strādā ar {n} "
                f"bērniem, mazākam skaitam – proporcionāli; netiešās izmaksas {rate} no atlīdzības tikai darba "
                "līguma gadījumā. Dzeltenās šūnas aizpilda, pārējās aprēķinās.", fmt.note_wrapped, sum(WIDTHS))
    # the names the intro shows, prefilled only when confirmed (institution_names, D57)
    institutions.write_inputs_in_row(wb, ws, 2, ((0, 1, 2, 4), (5, 6, 7, 11)), municipality, fmt.label,
                                     fmt.in_text)
    ws.set_row(2, FIELD_HEIGHT)
    labels = {"social_worker_children": "Bērnu skaits pilnai atlīdzībai (katalogs)",
              "indirect_cost_rate": "Netiešo izmaksu likme (katalogs)"}
    for key, _ in MONTH_SETTINGS:  # a setting that changes: its first value's date (its later ones: column O on)
        if len(values[key]) > 1:
            labels[key] = f"{labels[key].split(' (')[0]} no {lvformat.date(values[key][0][0])}"
    ws.write(4, 0, labels["social_worker_children"], fmt.label)
    log = checks.ErrorLog()
    settings = {}
    for row, (key, kind), name in ((4, MONTH_SETTINGS[0], "NR_BerniPilnai"), (5, MONTH_SETTINGS[1], "NR_NetiesasLikme")):
        shown, blank = (fmt.share, fmt.in_share) if kind == SHARE else (fmt.int, fmt.in_int)
        written = []
        for index, (start, param) in enumerate(values[key]):
            # a later value (a change inside the months) right of the check column, after its date (D201)
            col = 4 if index == 0 else SETTING_COL + 3 * (index - 1) + 1
            if index:
                ws.write(row, col - 1, f"no {lvformat.date(start)}", fmt.label_right)
            written.append((start, write_parameter(wb, ws, row, col, value_name(name, index), param, shown=shown,
                                                   blank=blank, error=fmt.error, log=log,
                                                   error_at=(row, CHECK + 1) if index == 0 else None)))
        settings[key] = Setting(tuple(written))
    # what every month adds up to (totals, balances) waits for every value a month may use
    formulas = MonthFormulas(*(settings[key].whole() for key, _ in MONTH_SETTINGS), ERRORS)
    amounts = formulas.amount_params
    if pending(*amounts):
        ws.write(3, 0, pending_note(), fmt.pending_note)
    else:  # only a narrow gap: the signatures stay on the page of the month rows
        ws.set_row(3, SPACER)
    ws.write(5, 0, labels["indirect_cost_rate"], fmt.label)
    ws.write(5, 6, "Atlikums sākumā, EUR", fmt.label)
    ws.write_number(5, 9, float(Decimal(str(opening_balance))), fmt.in_money)
    wb.define_name("NR_SakumaAtlikums", f"='{SHEET}'!$J$6")
    headers = ["Mēnesis", "Bērnu skaits", "Sociālā darbinieka pilnā mēneša atlīdzība, EUR", "Darba līgums (Jā/Nē)",
               "Transporta izmaksas sociālajam darbiniekam, EUR", "SBS apmaksa, EUR",
               "Saņemts no LM (1. mēnesī – avanss), EUR" if advance else "Saņemts no LM, EUR", "Atlīdzības daļa",
               "Atlīdzība (BIP 1.1), EUR",
               f"Netiešās izmaksas {'' if per_month else rate + ' '}(BIP 1.4), EUR", "Izmaksas kopā, EUR",
               "Atlikums mēneša beigās, EUR"]
    ws.write_row(FIRST - 1, 0, headers, fmt.head)
    if per_month:  # the months' settings right of the check column (on screen; the page prints A:L)
        ws.write_row(FIRST - 1, SETTING_COL, ["Bērni pilnai atlīdzībai", "Netiešo izmaksu likme"], fmt.head)
    ws.set_row(FIRST - 1, HEADER_HEIGHT)
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    if per_month:
        ws.set_column(SETTING_COL, SETTING_COL + 3 * max(len(v) for v in values.values()), 11)
    for i, m in enumerate(months):
        r = FIRST + i
        x = r + 1
        rep = result.months[i]
        ws.set_row(r, MONTH_ROW)
        if dated:
            ws.write_datetime(r, 0, excel_date(m.month), fmt.month)
        else:
            ws.write_blank(r, 0, None, fmt.in_month)
        if typed_children:
            ws.write_number(r, 1, m.children, fmt.in_int)
        else:
            ws.write_blank(r, 1, None, fmt.in_int)
        ws.write(r, 3, contract_text(m.employment_contract if typed_children else None), fmt.in_text)
        for col, value in ((2, m.sw_gross_pay), (4, m.sw_transport), (5, m.sbs_payments), (6, m.receipts)):
            if dated:
                ws.write_number(r, col, float(value), fmt.in_money)
            else:  # an unused row prints empty, not 0,00
                ws.write_blank(r, col, None, fmt.in_money)

        def cell(col: int, formula: str, cell_format: Format, value: object, row: int = x, at: int = r) -> None:
            """A month row's amount, shown only once its month is typed: an unused row prints empty (D37)."""
            if not dated:
                formula, value = f'=IF($A{row}="","",{formula[1:]})', ""
            ws.write_formula(at, col, formula, cell_format, value)

        # the month's settings: the cells in force on its first day (D201), shown right of the check column when
        # one changes in the months
        own = [settings[key].month(m.month if dated else None, "$" + xl_rowcol_to_cell(r, SETTING_COL + k))
               for k, (key, _) in enumerate(MONTH_SETTINGS)]
        if per_month:
            for k, (key, kind) in enumerate(MONTH_SETTINGS):
                setting = settings[key]
                expression = setting.in_force(m.month).name if dated else setting.pick(month_start(f"$A{x}"))
                value = getattr(params_of(m.month), key)
                cell(SETTING_COL + k, guarded(expression, *own[k].cells), fmt.share if kind == SHARE else fmt.int,
                     cache(value, *own[k].cells))
        month = MonthFormulas(*own, ERRORS)
        # the balance waits only for the values the months up to it use
        so_far = MonthFormulas(*(settings[key].over([n.month for n in months[:i + 1]] if dated else None)
                                 for key, _ in MONTH_SETTINGS), ERRORS)
        cell(7, month.share(f"B{x}"), fmt.share, cache(rep.pay_share, month.full_pay_children))
        cell(8, month.pay(f"C{x}", f"B{x}"), fmt.money, cache(rep.amounts.pay, month.full_pay_children))
        cell(9, month.indirect(f"D{x}", f"I{x}"), fmt.money, cache(rep.amounts.indirect, *month.amount_params))
        cell(10, month.costs(f"I{x}", f"E{x}", f"F{x}", f"J{x}"), fmt.money,
             cache(rep.amounts.total, *month.amount_params))
        # A closed form (the opening balance, plus what came in, less the costs up to this month): a row without
        # a month prints empty and does not break the balance of the rows below it.
        cell(11, so_far.amount(f"ROUND(NR_SakumaAtlikums+SUM(G${FIRST + 1}:G{x})-SUM(K${FIRST + 1}:K{x}),2)"),
             fmt.money, cache(rep.closing_balance, *so_far.amount_params))
    last = FIRST + len(months) - 1
    since = first_month(settings.values())  # a typed month not earlier (D201)
    log.add_column(ws, FIRST, [row_check(FIRST + 1 + i, dated, first=i == 0, since=since)
                               for i in range(len(months))], CHECK,
                   fmt.head, fmt.error)
    log.write_totals(wb, ws, 4, CHECK, ERRORS, FIRST_ERROR)
    # 0 children beside a pay: a counted warning (D266), in a hidden column right of the months' settings
    warn_col = SETTING_COL + 3 * max(len(v) for v in values.values()) + 1
    warnings = checks.add_warnings(ws, FIRST, [no_children_with_pay(f"B{FIRST + 1 + i}", f"C{FIRST + 1 + i}")
                                               for i in range(len(months))], warn_col, "B", NO_CHILDREN_WITH_PAY)
    # in the check column, shown as nothing: in the hidden helper column M beside the print area's edge LibreOffice
    # printed the number as „###” on the page
    ws.write_formula(6, CHECK + 1, "=" + warnings.count(), wb.add_format({"num_format": ";;;"}), 0)
    wb.define_name(WARNINGS, f"='{SHEET}'!${xl_col_to_name(CHECK + 1)}$7")
    # two lines beside the parameters (a taller row pushed the signatures' last line off the page)
    write_errors_line(ws, 4, 6, 11, fmt.errors_line, ERRORS, FIRST_ERROR, height=26, warnings=warnings)
    if periods is not None and not dated:
        write_blank_inputs_note(ws, FIRST - 2, 0, len(WIDTHS) - 1, periods_note(periods), fmt.pending_note_wrapped,
                                sum(WIDTHS), "COUNT(NR_Menesis)")
        ws.data_validation(FIRST, 0, last, 0, month_validation(since))
    elif periods is not None and periods.asked:  # a template for a round asked for (D125) names it
        write_wide_note(ws, FIRST - 2, 0, len(WIDTHS) - 1, round_note(periods), fmt.note_wrapped, sum(WIDTHS))
    ws.data_validation(FIRST, 3, last, 3, {"validate": "list", "source": ["Jā", "Nē"]})
    ws.data_validation(FIRST, 1, last, 1, {"validate": "integer", "criteria": ">=", "value": 0,
                                           "error_message": "Bērnu skaits ir vesels skaitlis ≥ 0."})
    for col in (2, 4, 5, 6):
        ws.data_validation(FIRST, col, last, col, checks.cents_validation(f"{chr(65 + col)}{FIRST + 1}"))
    for name, col in (("NR_Menesis", 0), ("NR_Dala", 7), ("NR_Atlidziba", 8), ("NR_Netiesas", 9), ("NR_Kopa", 10),
                      ("NR_AtlikumsBeigas", 11)):
        wb.define_name(name, f"='{SHEET}'!${chr(65 + col)}${FIRST + 1}:${chr(65 + col)}${last + 1}")
    tr = last + 1
    # what the total sums (audit30 F9), over A:D, which the totals leave empty
    ws.merge_range(tr, 0, tr, 3, TOTAL_LABEL, fmt.label)
    totals = result.totals
    for col, value, name, uses in (
            (4, totals.transport, "NRK_Transports", ()), (5, totals.sbs, "NRK_SBS", ()),
            (6, result.receipts, "NRK_Sanemts", ()), (8, totals.pay, "NRK_Atlidziba", (formulas.full_pay_children,)),
            (9, totals.indirect, "NRK_Netiesas", amounts), (10, totals.total, "NRK_Kopa", amounts)):
        letter = chr(65 + col)
        ws.write_formula(tr, col, formulas.plain(f"SUM({letter}{FIRST + 1}:{letter}{last + 1})", *uses), fmt.money_total,
                         cache(value, *uses))
        wb.define_name(name, f"='{SHEET}'!${letter}${tr + 1}")
    # A balance is not a sum: its own labelled line under the totals.
    br = tr + 1
    ws.merge_range(br, 0, br, 10, BALANCE_LABEL, fmt.label_right)
    ws.write_formula(br, 11, formulas.amount(f"ROUND(NR_SakumaAtlikums+G{tr + 1}-K{tr + 1},2)"), fmt.money_total,
                     cache(result.closing_balance, *amounts))
    wb.define_name("NRK_AtlikumsBeigas", f"='{SHEET}'!$L${br + 1}")
    # Nothing received and nothing spent yet (a blank form): the settlement prints blank, not "norēķins pabeigts
    # 0,00", which on paper reads as a statement that the advance is settled (audit13 F10).
    empty = f"AND(N(G{tr + 1})=0,N(K{tr + 1})=0)"
    no_data = result.receipts == 0 and totals.total == 0
    tr = br  # the settlement below reads the balance
    sr = tr + 1
    ending = periods.words("end") if periods is not None else PILOT_WORDS["end"]
    ws.write(sr, 0, f"{'Avansa norēķins' if advance else 'Norēķins'} {ending}", fmt.label)
    closing = result.closing_balance
    verdict = ("pašvaldība atmaksā LM" if closing > 0 else "LM pārskaita pašvaldībai" if closing < 0
               else "norēķins pabeigts")
    ws.merge_range(sr + 1, 0, sr + 1, 3, "", fmt.text)
    ws.write_formula(sr + 1, 0, formulas.amount(
        f'IF({empty},"",IF(L{tr + 1}>0,"pašvaldība atmaksā LM",IF(L{tr + 1}<0,"LM pārskaita pašvaldībai",'
        '"norēķins pabeigts")))'),
        fmt.text, ("" if not cached else PENDING if pending(*amounts) else "" if no_data else verdict))
    ws.write_formula(sr + 1, 4, formulas.amount(f'IF({empty},"",ABS(L{tr + 1}))'), fmt.money_total,
                     cache("" if no_data else abs(closing), *amounts))
    wb.define_name("NRK_Norekins", f"='{SHEET}'!$E${sr + 2}")
    # The amount's unit, and until the round's last month has figures, that the settlement is not final yet: a copy
    # printed mid-round is no settlement claim (audit30 F11). On the amount's line, so no row is added.
    x_last = last + 1
    final = f"N(C{x_last})+N(E{x_last})+N(F{x_last})+N(G{x_last})<>0"
    last_month = months[-1] if months else None
    final_cached = last_month is not None and any(
        (last_month.sw_gross_pay, last_month.sw_transport, last_month.sbs_payments, last_month.receipts))
    unit = wb.add_format({**BASE_FORMAT})  # beside the framed amount, unframed as a unit is
    ws.merge_range(sr + 1, 5, sr + 1, 11, "", unit)
    ws.write_formula(sr + 1, 5, f'=IF({empty},"",IF({final},"EUR","EUR – {NOT_FINAL}"))', unit,
                     "" if not cached or no_data else "EUR" if final_cached else f"EUR – {NOT_FINAL}")
    signed = signature_block(ws, sr + 2, 0, 3, 6, fmt.sign_label, fmt.sign_field, fmt.sign_date,
                             line=fmt.sign_line)
    # a longer round's months continue on a page of their own with the last months, the totals and the signatures
    breaks = page_breaks(ws, repeated=(INTRO_ROW, FIRST - 1), last_row=signed,
                         allowed=range(FIRST + 1, last - KEPT_ROWS + 2))
    # every page says how many the sheet prints on (D376), right of the opening balance (K:L of its row)
    page_count.write_fixed(ws, TITLE, (5, 10, 11), fmt.label_right, FIRST - 1, signed, breaks)
    ws.freeze_panes(FIRST, 1)
    ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True})
    print_setup(ws, municipality=institutions.header_name(municipality), title=TITLE,
                version=catalogue.version, header_row=FIRST - 1, last_row=signed, last_col=11, repeat_cols=1)
    wb.close()
    return target


def row_check(x: int, dated: bool, first: bool, since: dt.date | None = None) -> str:
    """The check of month row ``x`` (1-based): its month (an input once the round has ended; with ``since``, not
    before the first month the catalogue has the settings for, D201), the children, the amounts and the
    employment contract; the first row also checks the opening balance."""
    rules = [] if dated else [checks.date_rule(f"A{x}", checks.MONTH_EXPECTED)]
    if not dated and since is not None:
        rules.append(month_rule(f"A{x}", since))
    if not dated:  # needed by a row with data, each month once, in ascending order – as on 29 (audit32a F2, F5)
        rules += typed_month_rules(f"A{x}", [f"{c}{x}" for c in "BCDEFG"], None if first else f"A${FIRST + 1}:A{x - 1}")
    rules.append(checks.Rule(f"B{x}", checks.whole_at_least(f"B{x}", 0, blank_ok=True),
                             "jābūt veselam skaitlim, 0 vai vairāk"))
    # a pay typed with a blank count would print a 0 % share: the pay and its indirect costs left out (D212)
    rules.append(checks.Rule(f"B{x}", f'IF(B{x}="",N(C{x})=0,TRUE)', CHILDREN_FOR_PAY))
    rules += [checks.Rule(f"{c}{x}", checks.whole_cents(f"{c}{x}"), checks.EUR_AT_LEAST_ZERO)
              for c in "CEFG"]
    rules.append(contract_rule(f"D{x}", f"B{x}" if dated else f"A{x}"))
    if first:
        rules.append(checks.Rule("J6", checks.whole_cents("J6", at_least_zero=False), checks.EUR_EXPECTED))
    return checks.row_check(SHEET, rules)
