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
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.reports import input_checks as checks
from generator.documents.reports import institution_names as institutions
from generator.documents.reports import page_count
from generator.documents.reports import register as reg
from generator.documents.reports.bip_sheet import write_bip_sheet
from generator.documents.reports.cash_flow_sheet import write_cash_flow_sheet
from generator.documents.reports.printing import (
    INTRO_ROW,
    KEPT_ROWS,
    page_breaks,
    print_setup,
)
from generator.documents.reports.quarter_sheet import write_quarter_sheet
from generator.documents.reports.register_book import RegisterBook
from generator.documents.reports.register_layout import (
    CASH_FIRST,
    CASH_WIDTHS,
    ERRORS,
    FIRST_ERROR,
    QUARTER_FIRST,
    REG_FIRST,
    REG_TITLE,
    REGISTER_ID,
    S_BIP,
    S_CASH,
    S_LISTS,
    S_QUARTER,
    S_REG,
)
from generator.documents.reports.register_sheet import write_lists_sheet, write_register_sheet
from generator.documents.reports.report_cells import (
    open_report_workbook,
)
from generator.reference.params import Params
from generator.reference.settlement import (
    month_params,
)
from generator.xlsxformula import quick_formulas

CASH_TITLE, QUARTER_TITLE = "29. pielikums. Mēneša naudas plūsmas pārskats", "30. pielikums. Ceturkšņa pārskats"


def write_register_workbook(catalogue: Catalogue, municipality: Municipality, target: Path,
                            data: reg.RegisterData | None = None, cached: bool = True,
                            build_date: dt.date | None = None) -> Path:
    """Write sheets 28, 29, 30 and 26 for ``data`` (an empty register when None).

    ``cached=False`` leaves every formula's cached value at 0, so only a real recalculation shows numbers
    (tests use it to prove the formulas, not the cache). The empty register's months are those of the
    round running on ``build_date`` (default: today); once it has ended they are blank inputs
    (register.report_periods), and so are the quarters of sheet 30.
    """
    params = Params.from_catalogue(catalogue, catalogue.latest_date)
    periods = reg.ReportPeriods(tuple(m.month for m in data.months), dated=True) if data else \
        reg.report_periods(catalogue, build_date, municipality.id)
    data = data or reg.empty_register(catalogue, periods)
    # each month with the settings in force on its first day (D201)
    params_of = month_params(catalogue, params)
    wb, fmt = open_report_workbook(catalogue, target, REGISTER_ID, municipality, build_date)
    # quick_formulas: the register's row checks are long formulas, which xlsxwriter would search ~30 times each.
    ws_reg, ws_cash, ws_q, ws_bip, ws_lists = (quick_formulas(wb.add_worksheet(name))
                                               for name in (S_REG, S_CASH, S_QUARTER, S_BIP, S_LISTS))
    book = RegisterBook(catalogue, municipality, data, periods, reg.months_sorted(data.months), params_of,
                        reg.settlement(data, params_of), cached, wb, fmt, checks.ErrorLog(),
                        ws_reg, ws_cash, ws_q, ws_bip, ws_lists)
    # the sheets in this order: each adds its formats and strings to the workbook as it writes them
    settings = write_bip_sheet(book)
    write_lists_sheet(book)
    last, reg_columns = write_register_sheet(book)
    cash_last, cash_signed = write_cash_flow_sheet(book, settings)
    q_last, q_signed, q_columns = write_quarter_sheet(book, settings, cash_last)
    # 28 is wider than a page: it continues to the right with its row numbers (Nr.). 29's
    # helper columns Gads and Ceturksnis (for sheet 30's sums) do not print: the month row says both.
    # Every page repeats the rows from the intro line (row 2: the names typed on sheet 26) down to the table's
    # header, so the municipality's name prints on each page (print_setup; audit35 F5, D173).
    for sheet, title, header_row, last_row, last_col, repeat_cols in (
            (ws_reg, REG_TITLE, REG_FIRST - 1, last, reg_columns - 1, 1),
            (ws_cash, CASH_TITLE, CASH_FIRST - 1, cash_signed,
             len(CASH_WIDTHS) - 1, 1),
            (ws_q, QUARTER_TITLE, QUARTER_FIRST - 1, q_signed, q_columns - 1, 2),
            (ws_bip, "26. pielikums. Budžeta izmaksu pozīcijas", 3, settings.bip_last, 3, 1)):
        print_setup(sheet, municipality=institutions.header_name(municipality), title=title, version=catalogue.version,
                    header_row=header_row, last_row=last_row, last_col=last_col, repeat_cols=repeat_cols)
    # A longer round (D247): 29's months continue on a page with the last months, the totals and the signatures;
    # 30's quarters break only inside the spending table, so the result indicators print whole under their own
    # header, never under the spending table's repeated one, and the signatures with them.
    cash_breaks = page_breaks(ws_cash, repeated=(INTRO_ROW, CASH_FIRST - 1), last_row=cash_signed,
                              allowed=range(CASH_FIRST + 1, cash_last - KEPT_ROWS + 2))
    q_breaks = page_breaks(ws_q, repeated=(INTRO_ROW, QUARTER_FIRST - 1), last_row=q_signed,
                           allowed=range(QUARTER_FIRST + 1, q_last + 1))
    # Every page says how many the sheet prints on (D376; 28's count is a formula, register_sheet): 29's in K:N of
    # the empty row under the intro, 30's right of its intro (J:K).
    page_count.write_fixed(ws_cash, CASH_TITLE, (2, 10, len(CASH_WIDTHS) - 1), book.fmt.label_right, CASH_FIRST - 1,
                           cash_signed, cash_breaks)
    page_count.write_fixed(ws_q, QUARTER_TITLE, (1, 9, q_columns - 1), book.fmt.label_right, QUARTER_FIRST - 1,
                           q_signed, q_breaks)
    # The count of wrong inputs and the first message, on the hidden list sheet.
    ws_lists.write(0, 10, "Kļūdas", fmt.head)
    book.log.write_totals(wb, ws_lists, 1, 10, ERRORS, FIRST_ERROR)
    ws_reg.activate()
    wb.close()
    return target
