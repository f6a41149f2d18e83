"""Writes the expense register workbook of one municipality with XlsxWriter.

``izdevumu-registrs-un-parskati.xlsx``: sheets 28 (register, the only place amounts are typed), 29 (monthly
cash flow), 30 (quarterly spending and result indicators) and 26 (BIP list and the catalogue parameters the
formulas use). Every report cell is a live formula over the register; its cached value comes from the
reference settlement (generator.reference.settlement), so a viewer that does not recalculate still shows the
right numbers (the result-indicator cells of sheet 30 cache 0, which is right for the empty template the
build writes). The social worker's activity report (31) is a separate workbook, not derived from 28 (activity.py).

The workbooks' public interface is their defined names (NP_* for sheet 29 rows, CP_* for sheet 30 rows,
Reg_* for the register columns, Param_* for the catalogue parameters). A parameter the catalogue marks
`jāprecizē` is a blank input on sheet 26 and the cells that use it show "______" until it is filled
(generator.documents.reports.parameters). Data validation stops a wrong value typed, not pasted: every input
that feeds an amount (the parameters, the register's rows, the months, children, contracts and receipts of
sheet 29, the quarters of sheet 30; every amount in whole cents, D87) is also checked by formula (input_checks);
while any is wrong, its message names the cell in the check column „Pārbaude”, a line above each report's
amounts counts the rows (and parameter cells) with a message, shows the first and says where the others are
(D155), and every amount and due date shows "______".
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.docx_format import footer_version
from generator.documents.reports import input_checks as checks
from generator.documents.reports import institution_names as institutions
from generator.documents.reports import register as reg
from generator.documents.reports import text_fit
from generator.documents.reports.month_formulas import MonthFormulas, month_start
from generator.documents.reports.month_settings import (
    MonthCell,
    Setting,
    dated_values,
    first_month,
    label_with_date,
    month_validation,
    value_name,
    values_text,
)
from generator.documents.reports.parameters import (
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
    signature_block,
    signature_row,
)
from generator.documents.reports.register_checks import (
    cash_check_formula,
    contract_text,
    corrects,
    quarter_check,
    register_check,
)
from generator.documents.reports.register_layout import (
    BIP_LINE,
    BIP_NAMES,
    BIP_WIDTH,
    CASH_FIRST,
    CASH_WIDTHS,
    EARLIER_CORRECTION,
    ERRORS,
    FIRST_ERROR,
    INDICATORS_LABEL,
    ON_SHEET_26,
    PARAMETERS,
    QUARTER_FIRST,
    QUARTERS_TOTAL,
    REG_FIRST,
    REG_SIGNED_ROW,
    REG_TOTAL_ROW,
    REGISTER_CHARS_PER_UNIT,
    REGISTER_ID,
    REGISTER_OTHERS,
    REGISTER_ROW,
    REGISTER_ROWS,
    REGISTER_TOTAL,
    REPEATED_HEADERS,
    S_BIP,
    S_CASH,
    S_LISTS,
    S_QUARTER,
    S_REG,
)
from generator.documents.reports.report_cells import (
    BALANCE_LABEL,
    COUNT_EXPECTED,
    COUNT_VALIDATION,
    DATE_VALIDATION,
    ERRORS_LINE_HEIGHT,
    absolute_cell,
    column_range,
    excel_date,
    excel_number,
    excel_serial,
    note_height,
    open_report_workbook,
    text_formula,
    wrapped_height,
    write_blank_inputs_note,
    write_errors_line,
    write_intro,
    write_names_across,
    write_wide_note,
)
from generator.documents.reports.row_groups import WARNING, group_rows, growing_rows, hint_or_warning
from generator.reference.params import Params
from generator.reference.settlement import (
    BIP_CODES,
    BIP_INDIRECT,
    BIP_PAY,
    BIP_SBS,
    BIP_TRANSPORT,
    month_params,
)
from generator.xlsxformula import quick_formulas


def document_text(doc_type: str, doc_number: str) -> str:
    """What the register's column P shows for a row: its document's type and number, as document_formula."""
    return ", ".join(text for text in (doc_type, doc_number) if text)


def document_formula(x: int) -> str:
    """Column P of register row ``x`` (1-based): „korekcija, K-2018/002” – the type (B) and number (C) joined,
    either alone when the other is blank, empty when both are."""
    return f'=IF(B{x}="",IF(C{x}="","",C{x}),IF(C{x}="",B{x},B{x}&", "&C{x}))'


def register_row_height(catalogue: Catalogue, row: reg.RegisterRow, widths: Sequence[float]) -> float | None:
    """The height (pt) of a register row written with ``row``'s texts in the wrapped columns of ``widths``, or
    None (the default height) when each fits one line."""
    texts = ((row.doc_type, 1), (row.doc_number, 2), (row.payee, 5), (reg.bip_label(catalogue, row.bip), 6),
             (row.service, 8), (row.route, 12), (document_text(row.doc_type, row.doc_number), 15), (row.payee, 16))
    lines = max(len(textwrap.wrap(text, int(widths[col] * REGISTER_CHARS_PER_UNIT))) for text, col in texts if text)
    return wrapped_height(("", 1)) * lines + 2 if lines > 1 else None


def write_register_workbook(catalogue: Catalogue, municipality: Municipality, target: Path,
                            data: reg.RegisterData | None = None, cached: bool = True,
                            build_date: dt.date | None = None) -> Path:
    """Write sheets 28, 29, 30 and 26 for ``data`` (an empty register when None).

    ``cached=False`` leaves every formula's cached value at 0, so only a real recalculation shows numbers
    (tests use it to prove the formulas, not the cache). The empty register's months are those of the
    round running on ``build_date`` (default: today); once it has ended they are blank inputs
    (register.report_periods), and so are the quarters of sheet 30.
    """
    day = catalogue.latest_date
    params = Params.from_catalogue(catalogue, day)
    periods = reg.ReportPeriods(tuple(m.month for m in data.months), dated=True) if data else \
        reg.report_periods(catalogue, build_date, municipality.id)
    data = data or reg.empty_register(catalogue, periods)
    dated = periods.dated
    months = reg.months_sorted(data.months)
    # each month with the settings in force on its first day (D201)
    params_of = month_params(catalogue, params)
    result = reg.settlement(data, params_of)
    by_month = {m.month: m for m in result.months}

    def cache(value: object, *uses: ParamCell) -> object:
        return cached_value(value, cached, *uses)

    def guard(expression: str, *uses: ParamCell) -> str:
        return guarded(expression, *uses, errors=ERRORS)

    log = checks.ErrorLog()
    wb, fmt = open_report_workbook(catalogue, target, REGISTER_ID, municipality, build_date)
    # quick_formulas: the register's row checks are long formulas, which xlsxwriter would search ~30 times each.
    ws_reg, ws_cash, ws_q, ws_bip, ws_lists = (quick_formulas(wb.add_worksheet(name))
                                               for name in (S_REG, S_CASH, S_QUARTER, S_BIP, S_LISTS))

    # --- 26: BIP positions and parameters ---------------------------------------------------------
    ws_bip.write(0, 0, "26. pielikums. Budžeta izmaksu pozīcijas (BIP)", fmt.title)
    version_note = f" · {footer_version(catalogue.version)}"  # as the footers say it (D58)
    ws_bip.write_formula(1, 0, f"={institutions.names_expression()}&{text_formula(version_note)}", fmt.note,
                         institutions.names_text(municipality) + version_note)
    ws_bip.write_row(3, 0, ["Kods", "Pozīcija (teksts, ko izvēlas reģistrā)", "Ko ietver", "Kā nosaka summu"],
                     fmt.head)
    # every dated value the months use (all of them while the months are blank inputs), D201
    values = {key: dated_values(catalogue, key, kind, [m.month for m in months] if dated else None)
              for key, kind in PARAMETERS.items()}
    rate = values_text(values["indirect_cost_rate"])
    n = values_text(values["social_worker_children"])
    changing = {key: len(dated) > 1 for key, dated in values.items()}
    how = {
        BIP_PAY: (f"pilnā mēneša atlīdzība × min(bērnu skaits; N) ÷ N, noapaļots līdz centiem; N – mēneša pirmajā "
                  f"dienā spēkā esošais bērnu skaits pilnai atlīdzībai ({n})" if changing["social_worker_children"]
                  else f"pilnā mēneša atlīdzība × min(bērnu skaits; {n}) ÷ {n}, noapaļots līdz centiem"),
        BIP_TRANSPORT: "faktiskās izmaksas pēc pamatojošiem dokumentiem",
        BIP_SBS: "faktiskās izmaksas pēc rēķiniem un vecāku atskaitēm",
        BIP_INDIRECT: (f"mēneša pirmajā dienā spēkā esošā likme ({rate}) no BIP {BIP_PAY}, noapaļots līdz centiem; "
                       "reģistrā neieraksta" if changing["indirect_cost_rate"]
                       else f"{rate} no BIP {BIP_PAY}, noapaļots līdz centiem; reģistrā neieraksta"),
    }
    includes = {b.code: b.includes_lv for b in catalogue.enums.budget_positions}
    for i, code in enumerate(BIP_CODES):
        row = 4 + i
        ws_bip.write(row, 0, f"BIP {code}", fmt.text)
        ws_bip.write(row, 1, reg.bip_label(catalogue, code), fmt.text)
        ws_bip.write(row, 2, includes[code], fmt.text)
        ws_bip.write(row, 3, how[code], fmt.text)
        ws_bip.set_row(row, wrapped_height(
            (reg.bip_label(catalogue, code), BIP_LINE), (includes[code], BIP_LINE), (how[code], BIP_LINE)))
        wb.define_name(BIP_NAMES[code], "=" + absolute_cell(S_BIP, row, 1))
    entered_last = 4 + len(reg.ENTERED_BIPS) - 1
    wb.define_name("BIP_Saraksts", "=" + column_range(S_BIP, 4, entered_last, 1))
    prow = 5 + len(BIP_CODES)
    every_value = [param for dated in values.values() for _, param in dated]
    ws_bip.write(prow, 0, "Parametri no kataloga (nemainīt)" if all(p.confirmed for p in every_value) else
                 "Parametri no kataloga (nemainīt; tukšo dzelteno šūnu aizpilda ar apstiprināto vērtību)", fmt.label)
    param_rows = [
        ("Param_BerniPilnai", "social_worker_children",
         "Bērnu skaits, par kuru sociālajam darbiniekam maksā pilnu atlīdzību"),
        ("Param_NetiesasLikme", "indirect_cost_rate", "Netiešo izmaksu likme no BIP 1.1"),
        ("Param_MenesaDiena", "monthly_report_day", "Naudas plūsmas pārskata (29) iesniegšanas diena nākamajā mēnesī"),
        ("Param_CeturksnaDiena", "quarterly_report_day",
         "Ceturkšņa pārskata (30) iesniegšanas diena mēnesī pēc ceturkšņa"),
    ]
    settings: dict[str, Setting] = {}
    row = prow
    for name, key, label in param_rows:
        written = []
        for index, (start, param) in enumerate(values[key]):
            row += 1
            text = label_with_date(label, start, len(values[key]) > 1)
            source = f"Avots: {param.source}"
            ws_bip.write(row, 1, text, fmt.text)
            ws_bip.write(row, 2, source, fmt.text)
            ws_bip.set_row(row, wrapped_height((text, BIP_LINE), (source, BIP_LINE)))
            share = param.kind == SHARE
            written.append((start, write_parameter(wb, ws_bip, row, 3, value_name(name, index), param,
                                                   shown=fmt.share if share else fmt.int,
                                                   blank=fmt.in_share if share else fmt.in_int, error=fmt.error,
                                                   log=log)))
        settings[key] = Setting(tuple(written))
    bip_last = row
    if pending(*(cell for setting in settings.values() for _, cell in setting.cells)):
        bip_last += 1
        ws_bip.merge_range(bip_last, 1, bip_last, 3, pending_note(), fmt.pending_note_wrapped)
        ws_bip.set_row(bip_last, 26)
    # The names the forms show (institution_names): yellow inputs, prefilled only with confirmed names.
    bip_last += 2
    ws_bip.write(bip_last, 0, institutions.INPUTS_TITLE, fmt.label)
    typed = institutions.prefilled(municipality)
    for name, _, _, label in institutions.INPUTS:
        bip_last += 1
        ws_bip.write(bip_last, 1, label, fmt.text)
        ws_bip.merge_range(bip_last, 2, bip_last, 3, typed[name], fmt.in_text)
        ws_bip.set_row(bip_last, FIELD_HEIGHT)
        wb.define_name(name, "=" + absolute_cell(S_BIP, bip_last, 2))
    # what every month adds up to (totals, balances) waits for every value a month may use
    formulas = MonthFormulas(settings["social_worker_children"].whole(), settings["indirect_cost_rate"].whole(), ERRORS)
    amounts = formulas.amount_params
    monthly_day, quarterly_day = settings["monthly_report_day"].whole(), settings["quarterly_report_day"].whole()
    # a setting that changes in the months: 29 shows per month the value in force (columns right of Ceturksnis)
    month_keys = ("social_worker_children", "indirect_cost_rate", "monthly_report_day")
    per_month = any(settings[key].changes for key in month_keys)
    since = first_month(settings.values())  # a typed month or quarter not earlier (D201)
    ws_bip.set_row(3, 28)  # two lines: "Pozīcija (teksts, ko izvēlas reģistrā)"
    ws_bip.set_column(0, 0, 8)
    ws_bip.set_column(1, 3, BIP_WIDTH)
    ws_bip.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})

    # --- lists ------------------------------------------------------------------------------------
    offers = [o.label for o in catalogue.offers(day)]
    lists = {
        "Pakalpojumi": offers or ["—"],
        "Samaksas_Veidi": list(reg.PAYMENT_ROUTES),
        "Dokumentu_Veidi": list(reg.DOCUMENT_TYPES),
        "JaNe": ["Jā", "Nē"],
    }
    for col, (name, values) in enumerate(lists.items()):
        ws_lists.write(0, col, name, fmt.head)
        for i, value in enumerate(values):
            ws_lists.write(1 + i, col, value)
            if value == reg.CORRECTION:  # the document type a negative amount needs (the register's checks)
                wb.define_name("Korekcija", "=" + absolute_cell(S_LISTS, 1 + i, col))
        wb.define_name(name, "=" + column_range(S_LISTS, 1, len(values), col))
    # the correction's earlier label, still read as a correction (register.is_correction), not offered in the list
    ws_lists.write(0, len(lists), "Agrākie nosaukumi", fmt.head)
    ws_lists.write(1, len(lists), reg.CORRECTION_EARLIER)
    wb.define_name(EARLIER_CORRECTION, "=" + absolute_cell(S_LISTS, 1, len(lists)))
    ws_lists.set_column(0, 0, 50)
    ws_lists.set_column(1, 3, 28)
    ws_lists.hide()

    # --- 28: register -----------------------------------------------------------------------------
    last = REG_FIRST + max(REGISTER_ROWS, len(data.rows)) - 1
    # The title and notes start in column B: column A (Nr.) repeats on the page across, where a text that starts
    # in it would print cut at its edge ("28. pi"); B does not repeat, so they print on the first page only.
    ws_reg.write(0, 1, "28. pielikums. Izdevumu reģistrs (datu bāze)", fmt.title)
    # Each header's longest word fits its column (Calc breaks a longer word inside it); A:H fill the first page.
    # M holds the longest payment route whole on two lines ("cits (darba samaksa, avanss)"; audit13 F9: the row
    # grows, growing_rows), B the longest document
    # type ("pieņemšanas-nodošanas akts") on its one-line row (audit29 F8), and also the correction's earlier label
    # a register filled before may hold ("korekcija (atmaksa vai anulēts rēķins)", D155; audit35 F14): its width
    # comes from the number and date columns, which keep their longest header word
    # P and Q repeat B:C and F (the document's type and number, Saņēmējs) at the right of the page across, whose
    # rows the repeated Nr. alone paired with page 1 (audit42 F9; print titles repeat only columns from A, and A:F
    # would need a third page across): I and M are narrower for them, their texts wrap (D192). P holds
    # „korekcija, ” and a short number on a line, so the signed page says which row is a correction (audit30 F5).
    widths = [5, 30, 11, 10.5, 10.5, 22, 34, 14, 27, 12, 10.5, 12, 17, 11.5, 8.5, 14, 18]
    write_intro(ws_reg, 1, 1, 7, municipality, "Katru maksājumu un pamatojošo dokumentu ieraksta līdz pārskata "
                "mēneša beigām; pārskatus 29 un 30 aprēķina no šīm rindām.", fmt.note_wrapped, sum(widths[1:8]))
    # The pages across (A and I:Q) repeat the names above their columns too (audit35 F5, D173).
    write_names_across(ws_reg, 1, 8, len(widths) - 1, municipality, fmt.note_wrapped)
    # Wrapped in I:K, next to the total in L, on the page that prints them (A:H fill the first page across),
    # under the signatures (REG_SIGNED_ROW).
    # The total says why it is not 29's and 30's: the register holds the social worker's full pay, the reports its
    # share and the indirect costs (audit30 F2). The row is the errors line's (3 lines), or as tall as the label.
    ws_reg.merge_range(REG_TOTAL_ROW, 8, REG_TOTAL_ROW, 10, REGISTER_TOTAL, fmt.label_wrapped_mid)
    headers = ["Nr.", f"Dokumenta veids ({reg.CORRECTION} – {reg.CORRECTION_COVERS})", "Dokumenta Nr.", "Dokumenta datums", "Maksājuma datums",
               "Saņēmējs (sniedzējs, darbinieks, vecāks)", "Budžeta izmaksu pozīcija (BIP)",
               "Bērna identifikācijas kods", "Pakalpojums", "Pārskata mēnesis (jebkurš mēneša datums)",
               "Daudzums (vienības; korekcija – ar mīnusa zīmi)", "Summa, EUR (korekcija – ar mīnusa zīmi)", "Samaksas veids",
               "Atzīmes uz dokumenta (Jā/Nē)",
               "Atbalsta joma", *REPEATED_HEADERS]
    ws_reg.write_row(REG_FIRST - 1, 0, headers, fmt.head)
    ws_reg.set_row(REG_FIRST - 1, 58)  # five lines: "Pārskata mēnesis (jebkurš mēneša datums)"
    for col, width in enumerate(widths):
        ws_reg.set_column(col, col, width)
    for i in range(last - REG_FIRST + 1):
        r = REG_FIRST + i
        row = data.rows[i] if i < len(data.rows) else None
        ws_reg.write_number(r, 0, i + 1, fmt.int)
        ws_reg.write(r, 1, row.doc_type if row else "", fmt.in_text_wrapped)
        ws_reg.write(r, 2, row.doc_number if row else "", fmt.in_text_wrapped)
        for col, value in ((3, row.doc_date if row else None), (4, row.paid_on if row else None),
                           (9, row.month if row else None)):
            if value is not None:
                ws_reg.write_datetime(r, col, excel_date(value), fmt.in_date)
            else:
                ws_reg.write_blank(r, col, None, fmt.in_date)
        ws_reg.write(r, 5, row.payee if row else "", fmt.in_text_wrapped)
        ws_reg.write(r, 6, reg.bip_label(catalogue, row.bip) if row else "", fmt.in_text_wrapped)
        ws_reg.write(r, 7, row.child_code if row else "", fmt.in_text)
        ws_reg.write(r, 8, row.service if row else "", fmt.in_text_wrapped)  # a long service name wraps
        if row and row.units is not None:
            ws_reg.write_number(r, 10, excel_number(row.units), fmt.in_number)
        else:
            ws_reg.write_blank(r, 10, None, fmt.in_number)
        if row:
            ws_reg.write_number(r, 11, excel_number(row.amount), fmt.in_money)
        else:
            ws_reg.write_blank(r, 11, None, fmt.in_money)
        ws_reg.write(r, 12, row.route if row else "", fmt.in_text_wrapped)
        ws_reg.write(r, 13, ("Jā" if row.marked else "Nē") if row else "", fmt.in_text)
        area = reg.area_of_service(row.service) if row else None
        ws_reg.write_formula(r, 14, f'=IF(I{r + 1}="","",VALUE(LEFT(I{r + 1},1)))', fmt.int,
                             (area if area is not None else "") if cached else "")
        ws_reg.write_formula(r, 15, document_formula(r + 1), fmt.text,
                             document_text(row.doc_type, row.doc_number) if row and cached else "")
        ws_reg.write_formula(r, 16, f'=IF(F{r + 1}="","",F{r + 1})', fmt.text, row.payee if row and cached else "")
    columns = {"Reg_Dokuments": 1, "Reg_BIP": 6, "Reg_Berns": 7, "Reg_Pakalpojums": 8, "Reg_Menesis": 9, "Reg_Daudzums": 10,
               "Reg_Summa": 11, "Reg_Veids": 12, "Reg_Joma": 14}
    for name, col in columns.items():
        wb.define_name(name, "=" + column_range(S_REG, REG_FIRST, last, col))
    # Empty rows stay in collapsed groups and do not print; the sums above cover every row. The warning about
    # hidden filled rows (its comment: how to open more, unprinted, D215) sits left of the total; row 3 is the line of input errors.
    # one line of 10 pt text a row (as 27's months): the first rows shown, the notes and the signatures fit one
    # page down (audit29 F9)
    # The rows' height is not a set one (growing_rows): a long name or position typed in a wrapped column
    # (B, C, F, G, I, M and their repeats) makes Excel and Calc grow its row, so it prints whole (audit42 F8);
    # a row written here with text gets the height its text needs, as neither grows a row on opening a file.
    group_rows(ws_reg, REG_FIRST, last - REG_FIRST + 1, len(data.rows), height=REGISTER_ROW,
               heights=[register_row_height(catalogue, row, widths) for row in data.rows])
    growing_rows(ws_reg, REG_FIRST, last - REG_FIRST + 1)
    ws_reg.merge_range(2, 1, 2, 5, "", fmt.note_wrapped)
    hint_or_warning(ws_reg, 2, 1, REG_FIRST + 1, last + 1, "B", "N", fmt.note_wrapped, fmt.alert)
    warning_height = max(26, note_height(WARNING, sum(widths[1:6])))
    ws_reg.set_row(2, warning_height)
    ws_reg.write_formula(REG_TOTAL_ROW, 11, guard("SUM(Reg_Summa)"), fmt.money_total_mid,
                         cache(sum((r.amount for r in data.rows), Decimal(0))))
    texts = checks.TextCells(ws_lists, 11)
    ws_lists.write(0, 11, "Pārbaužu teksti", fmt.head)
    # The days a register row's reporting month may take: from the first report month to the end of the last
    # (sheet 29's month cells; any date from 2000 on while they are blank inputs).
    ws_lists.write(0, 12, "Pārskata laiks", fmt.head)
    ws_lists.write_formula(1, 12, f"=IF(COUNT(NP_Menesis)=0,{checks.MIN_DATE},{month_start('MIN(NP_Menesis)')})",
                           None, 0)
    ws_lists.write_formula(2, 12, f"=IF(COUNT(NP_Menesis)=0,DATE(9999,12,31),{month_start('MAX(NP_Menesis)', 1)})",
                           None, 0)
    wb.define_name("Parskata_Sakums", "=" + absolute_cell(S_LISTS, 1, 12))
    wb.define_name("Parskata_Beigas", "=" + absolute_cell(S_LISTS, 2, 12))
    log.add_column(ws_reg, REG_FIRST, [register_check(REG_FIRST + 1 + i, texts)
                                       for i in range(last - REG_FIRST + 1)], len(headers), fmt.head, fmt.error)
    # B:H, the columns of the first page across (A repeats on the next): a longer line would be cut at its edge
    total_lines = text_fit.lines_in(REGISTER_TOTAL, sum(text_fit.excel_points(w) for w in widths[8:11]), bold=True)
    write_errors_line(ws_reg, 3, 1, 7, fmt.errors_line, ERRORS, FIRST_ERROR, REGISTER_OTHERS,
                      height=max(ERRORS_LINE_HEIGHT, total_lines * text_fit.LINE_PT))

    def span(col: str) -> str:
        return f"{col}{REG_FIRST + 1}:{col}{last + 1}"

    ws_reg.data_validation(span("G"), {"validate": "list", "source": "=BIP_Saraksts"})
    ws_reg.data_validation(span("I"), {"validate": "list", "source": "=Pakalpojumi"})
    ws_reg.data_validation(span("M"), {"validate": "list", "source": "=Samaksas_Veidi"})
    ws_reg.data_validation(span("B"), {"validate": "list", "source": "=Dokumentu_Veidi"})
    ws_reg.data_validation(span("N"), {"validate": "list", "source": "=JaNe"})
    for col in ("D", "E", "J"):
        ws_reg.data_validation(span(col), DATE_VALIDATION)
    ws_reg.data_validation(span("K"), {
        "validate": "custom", "value": f'=AND(ISNUMBER(K{REG_FIRST + 1}),IF({corrects(f"B{REG_FIRST + 1}")},'
                                       f'K{REG_FIRST + 1}<=0,K{REG_FIRST + 1}>=0))',
        "error_title": "Daudzums",
        "error_message": f"Daudzums ir skaitlis ≥ 0. Korekcijā (dokumenta veids „{reg.CORRECTION}”) atceltās "
                         "vienības raksta ar mīnusa zīmi, tāpat kā summu."}),
    first = REG_FIRST + 1
    ws_reg.data_validation(span("L"), {
        "validate": "custom", "value": f'=AND(ISNUMBER(L{first}),IF({corrects(f"B{first}")},L{first}<0,L{first}>=0),'
                                       f'ROUND(L{first},2)=L{first})',
        "error_title": "Summa",
        # Excel allows at most 224 characters in a validation's error message ([MS-OI29500] §2.1.613 c;
        # tests/documents/test_ooxml.py).
        "error_message": f"Summa ir skaitlis ar ne vairāk kā diviem cipariem aiz komata, 0 vai vairāk. Dokumenta "
                         f"veidam „{reg.CORRECTION}” ({reg.CORRECTION_COVERS}) summu raksta ar mīnusa zīmi tā "
                         "mēneša pārskatā, kurā bija labojamais izdevums."})
    # Handed over on paper, the register is signed as 29, 30 and 31 are (audit29 F9). The block is one row in I:Q
    # (the page across; B:F of the row hold the hidden-rows warning) right above the total „Kopā visās reģistra
    # rindās”, among the rows every page repeats: a sheet cannot keep a row with the rows above it, and a block
    # under the last open row printed alone under an empty table header whenever the open rows, grown to what was
    # typed in them, filled their page exactly (audit28 F4, D242; before: D173). So it prints with the total it
    # signs on every page across, however many groups are open and however tall the rows are. Above the total, not
    # under it: right above the table's header the signature's line would be the header's top border.
    # The preparer's name and position wrap in J:L, two lines in the row's height (audit30 F7: J:K cut the position).
    signature_row(ws_reg, REG_SIGNED_ROW, ((8, 9, 11), (12, 13, 14), (15, 16, 16)), fmt.sign_label_wrapped,
                  fmt.sign_field_wrapped, fmt.sign_date, fmt.sign_line, fmt.sign_label_right, height=warning_height)
    ws_reg.freeze_panes(REG_FIRST, 0)
    # "format_rows": a protected sheet's row grows to a wrapped text typed in it only where rows may change
    ws_reg.protect("", {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True,
                        "format_rows": True, "sort": True, "autofilter": True})

    # --- 29: monthly cash flow --------------------------------------------------------------------
    ws_cash.write(0, 0, "29. pielikums. Mēneša naudas plūsmas pārskats", fmt.title)
    # Notes wrap across the printed columns A:N, which fill one A4 landscape width.
    write_intro(ws_cash, 1, 0, len(CASH_WIDTHS) - 1, municipality, f"Oriģinālu pēc saskaņošanas ar {periods.words('team_acc')} "
                "iesniedz līdz ailē „Iesniegt līdz” norādītajam datumam.", fmt.note_wrapped, 100)
    if pending(*amounts, monthly_day):
        ws_cash.write(2, 0, pending_note(ON_SHEET_26), fmt.pending_note)
    ws_cash.merge_range(3, 0, 3, 2, "Atlikums pārskata perioda sākumā, EUR", fmt.label_wrapped)
    ws_cash.set_row(3, 26)
    ws_cash.write_number(3, 3, excel_number(data.opening_balance), fmt.in_money)
    wb.define_name("Sakuma_Atlikums", "=" + absolute_cell(S_CASH, 3, 3))
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
               for k, key in enumerate(month_keys)}
        if per_month:
            month_params_of = params_of(m.month)
            for k, key in enumerate(month_keys):
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
    # F:N, up to the last printed column (the helper columns Gads and Ceturksnis do not print)
    write_errors_line(ws_cash, 3, 5, len(CASH_WIDTHS) - 1, fmt.errors_line, ERRORS, FIRST_ERROR, REGISTER_OTHERS)
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

    # --- 30: quarterly report ---------------------------------------------------------------------
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
    # 28 is wider than a page: it continues to the right with its row numbers (Nr.). 29's
    # helper columns Gads and Ceturksnis (for sheet 30's sums) do not print: the month row says both.
    # Every page repeats the rows from the intro line (row 2: the names typed on sheet 26) down to the table's
    # header, so the municipality's name prints on each page (print_setup; audit35 F5, D173).
    for sheet, title, header_row, last_row, last_col, repeat_cols in (
            (ws_reg, "28. pielikums. Izdevumu reģistrs", REG_FIRST - 1, last, len(headers) - 1, 1),
            (ws_cash, "29. pielikums. Mēneša naudas plūsmas pārskats", CASH_FIRST - 1, cash_signed,
             len(CASH_WIDTHS) - 1, 1),
            (ws_q, "30. pielikums. Ceturkšņa pārskats", QUARTER_FIRST - 1, q_signed, len(ind_headers) - 1, 2),
            (ws_bip, "26. pielikums. Budžeta izmaksu pozīcijas", 3, bip_last, 3, 1)):
        print_setup(sheet, municipality=institutions.header_name(municipality), title=title, version=catalogue.version,
                    header_row=header_row, last_row=last_row, last_col=last_col, repeat_cols=repeat_cols)
    # A longer round (D247): 29's months continue on a page with the last months, the totals and the signatures;
    # 30's quarters break only inside the spending table, so the result indicators print whole under their own
    # header, never under the spending table's repeated one, and the signatures with them.
    page_breaks(ws_cash, repeated=(INTRO_ROW, CASH_FIRST - 1), last_row=cash_signed,
                allowed=range(CASH_FIRST + 1, cash_last - KEPT_ROWS + 2))
    page_breaks(ws_q, repeated=(INTRO_ROW, QUARTER_FIRST - 1), last_row=q_signed,
                allowed=range(QUARTER_FIRST + 1, q_last + 1))
    # The count of wrong inputs and the first message, on the hidden list sheet.
    ws_lists.write(0, 10, "Kļūdas", fmt.head)
    log.write_totals(wb, ws_lists, 1, 10, ERRORS, FIRST_ERROR)
    ws_reg.activate()
    wb.close()
    return target
