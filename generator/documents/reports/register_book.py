"""What the sheets of one expense register workbook (register_workbook.py) share while they are written: the
catalogue, the register's data and its reference settlement, the workbook with its formats, error log and sheets,
and what sheet 26 sets up for 29 and 30 (the parameters' cells and the month formulas over them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.reports import input_checks as checks
from generator.documents.reports import register as reg
from generator.documents.reports.month_formulas import MonthFormulas
from generator.documents.reports.month_settings import MonthCell, Setting
from generator.documents.reports.parameters import ParamCell, cached_value, guarded
from generator.documents.reports.register_layout import ERRORS
from generator.documents.reports.report_cells import ReportFormats
from generator.reference.settlement import MonthParams, Settlement

# The settings that can change from one month to the next and that sheet 29 then shows per month, right of
# Ceturksnis (D201).
MONTH_KEYS = ("social_worker_children", "indirect_cost_rate", "monthly_report_day")


@dataclass(frozen=True)
class RegisterBook:
    catalogue: Catalogue
    municipality: Municipality
    data: reg.RegisterData
    periods: reg.ReportPeriods
    months: list[reg.MonthInput]  # data's months in order
    params_of: MonthParams  # the settings in force on a month's first day (D201)
    result: Settlement  # the reference settlement of data: the cached values
    cached: bool  # False: every formula's cached value 0 (write_register_workbook)
    wb: xlsxwriter.Workbook
    fmt: ReportFormats
    log: checks.ErrorLog
    ws_reg: Worksheet
    ws_cash: Worksheet
    ws_q: Worksheet
    ws_bip: Worksheet
    ws_lists: Worksheet

    @property
    def dated(self) -> bool:
        """The months (and quarters) are the round's, written as dates; else blank inputs (D37)."""
        return self.periods.dated

    def cache(self, value: object, *uses: ParamCell) -> object:
        """A formula's cached value: ``value``, or 0 without the cache, or the blank's text while a parameter in
        ``uses`` is `jāprecizē` (parameters.cached_value)."""
        return cached_value(value, self.cached, *uses)

    def guard(self, expression: str, *uses: ParamCell) -> str:
        """``expression`` as a formula that shows the blank while an input is wrong or a parameter in ``uses`` is
        not filled (parameters.guarded)."""
        return guarded(expression, *uses, errors=ERRORS)


@dataclass(frozen=True)
class RegisterSettings:
    """What sheet 26 sets up for 29 and 30: each parameter's cells (one a dated value) and what follows from them."""

    settings: dict[str, Setting]
    formulas: MonthFormulas  # over every value a month may use: the totals and balances wait for all of them
    monthly_day: MonthCell
    quarterly_day: MonthCell
    per_month: bool  # a setting of MONTH_KEYS changes in the months: 29 shows its value per month
    since: dt.date | None  # no typed month or quarter before it (D201)
    bip_last: int  # the last row sheet 26 wrote

    @property
    def amounts(self) -> tuple[ParamCell, ...]:
        """The parameters every amount uses."""
        return self.formulas.amount_params
