"""Catalogue parameters in the report workbooks, and the formulas that use them.

Every figure a report workbook shows from catalogue/programme.yaml goes through ``write_parameter``. A
confirmed parameter is written as its figure (a locked cell). One whose status is `jāprecizē`, or whose value
is empty, is written as a blank input cell instead: unlocked, with validation and a note naming where the
confirmed figure comes from. ``guarded`` wraps every formula that uses a parameter: while the blank is empty,
or holds a value its validation would refuse (a pasted rate of 5, a day of 0), the formula shows PENDING
(never a month or a signed total computed with the empty or wrong parameter); once the user fills it
rightly, the formula computes. A wrong value also shows a message naming its cell next to it
(input_checks). For a confirmed parameter the formula is left as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Dated, PriceStatus
from generator.documents.reports import input_checks as checks
from generator.documents.reports.source_text import readable_source

PENDING = "______"
# How a parameter's figure is typed and shown: an integer (children), a day of the month or a share (a rate).
INTEGER, DAY, SHARE = "integer", "day", "share"
# A day every month has: DATE(year, month, 31) would move a due date into the next month.
LAST_DAY = 28


@dataclass(frozen=True)
class Kind:
    """What a parameter of one kind must be: a condition on its cell (input_checks), the same range as data
    validation, and the words a message and the validation use."""

    ok: Callable[[str], checks.Typed]  # the condition on a cell reference
    expected: str  # "jābūt …"
    validation: dict[str, object]


KINDS = {
    INTEGER: Kind(lambda c: checks.whole_at_least(c, 1), "jābūt veselam skaitlim, 1 vai vairāk",
                  {"validate": "integer", "criteria": ">=", "value": 1,
                   "error_message": "Ierakstiet veselu skaitli (1 vai vairāk)."}),
    DAY: Kind(lambda c: checks.whole_between(c, 1, LAST_DAY), f"jābūt mēneša dienai – veselam skaitlim no 1 līdz {LAST_DAY}",
              {"validate": "integer", "criteria": "between", "minimum": 1, "maximum": LAST_DAY,
               "error_message": f"Ierakstiet mēneša dienu (vesels skaitlis no 1 līdz {LAST_DAY})."}),
    SHARE: Kind(lambda c: checks.number_between(c, 0, 1), "jābūt procentiem no 0 līdz 100",
                {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 1,
                 "error_message": "Ierakstiet likmi procentos (no 0 % līdz 100 %)."}),
}


@dataclass(frozen=True)
class Parameter:
    """One programme parameter in force on the workbook's day, as a workbook shows it."""

    key: str  # the name in catalogue/programme.yaml
    label_lv: str
    value: Decimal | None  # None when the catalogue gives no value
    confirmed: bool
    source: str
    kind: str  # INTEGER, DAY or SHARE

    @property
    def text(self) -> str:
        """The figure for a sentence ("20", "15 %"), or the blank PENDING."""
        if not self.confirmed or self.value is None:
            return PENDING
        return lvformat.percent(self.value) if self.kind == SHARE else str(int(self.value))

    @property
    def where_confirmed(self) -> str:
        return (f"{self.label_lv}: katalogā vērtība vēl nav apstiprināta (jāprecizē). Ierakstiet apstiprināto "
                f"vērtību; avots: {self.source}.")


def pending_note(where: str = "dzeltenajā parametra šūnā") -> str:
    """The note printed on a sheet whose formulas wait for a `jāprecizē` parameter (``where`` names its cell)."""
    return (f"„{PENDING}” – katalogā parametrs vēl nav apstiprināts (jāprecizē): aprēķins parādīsies, kad {where} "
            "ierakstīs apstiprināto vērtību (avots – piezīmē pie šūnas).")


def parameter(catalogue: Catalogue, key: str, day: dt.date, kind: str) -> Parameter:
    return dated_parameter(catalogue, key, getattr(catalogue.programme, key).at(day), kind)


def dated_parameter(catalogue: Catalogue, key: str, dated: Dated, kind: str) -> Parameter:
    """One dated value of programme parameter ``key`` as a workbook shows it."""
    series = getattr(catalogue.programme, key)
    value = None if dated.value in (None, "") else Decimal(str(dated.value))
    return Parameter(key=key, label_lv=series.name_lv, value=value,
                     confirmed=dated.status is PriceStatus.confirmed and value is not None,
                     source=readable_source(catalogue, dated.source),
                     kind=kind)


@dataclass(frozen=True)
class ParamCell:
    """A parameter written to a workbook: formulas refer to it by its defined ``name``."""

    name: str
    parameter: Parameter

    @property
    def confirmed(self) -> bool:
        return self.parameter.confirmed

    @property
    def ok(self) -> str:
        """The condition that the cell holds a right value (filled and within its kind's range)."""
        return str(KINDS[self.parameter.kind].ok(self.name))  # its text: guarded builds its own condition on it


def write_parameter(wb: Workbook, ws: Worksheet, row: int, col: int, name: str, param: Parameter, *,
                    shown: Format, blank: Format, error: Format, log: checks.ErrorLog,
                    error_at: tuple[int, int] | None = None) -> ParamCell:
    """Write ``param`` at (row, col) and define ``name`` for it: the figure with ``shown`` when confirmed,
    otherwise an empty cell with ``blank`` (an unlocked input format), validation, a note, and at
    ``error_at`` (default: the next cell to the right) a message with ``error`` while a wrong value is
    pasted there, registered in ``log``."""
    cell = ParamCell(name, param)
    if param.confirmed:
        assert param.value is not None
        ws.write_number(row, col, float(param.value) if param.kind == SHARE else int(param.value), shown)
    else:
        ws.write_blank(row, col, None, blank)
        kind = KINDS[param.kind]
        ws.data_validation(row, col, row, col, {**kind.validation, "input_title": "Jāprecizē",
                                                "input_message": "Ierakstiet apstiprināto vērtību."})
        ws.write_comment(row, col, param.where_confirmed, {"x_scale": 2.5, "y_scale": 2})
        here = xl_rowcol_to_cell(row, col)
        text = checks.message(ws.get_name(), here, kind.expected)
        error_row, error_col = error_at or (row, col + 1)
        logical = checks.text_literal(checks.message(ws.get_name(), here, checks.LOGICAL_EXPECTED))
        formula = checks.text_literal(checks.message(ws.get_name(), here, checks.FORMULA_EXPECTED))
        ws.write_formula(error_row, error_col, f'=IF(OR({here}="",{kind.ok(here)}),"",'
                         f'IF({checks.is_logical(here)},{logical},IF({checks.is_formula(here)},{formula},'
                         f'{checks.text_literal(text)})))', error, "")
        log.add_cell(ws.get_name(), error_row, error_col)
    wb.define_name(name, f"={checks.quoted(ws.get_name())}!{xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)}")
    return cell


def pending(*cells: ParamCell) -> bool:
    """True when a formula over ``cells`` shows PENDING in the workbook as written."""
    return any(not c.confirmed for c in cells)


def cached_value(value: object, cached: bool, *cells: ParamCell) -> object:
    """A formula's cached value: 0 when the workbook is written uncached, PENDING when the formula uses an
    unfilled parameter among ``cells``, otherwise ``value`` (a Decimal as a float)."""
    if not cached:
        return 0
    if pending(*cells):
        return PENDING
    return float(value) if isinstance(value, Decimal) else value


def guarded(expression: str, *cells: ParamCell, errors: str = "") -> str:
    """The formula ``=expression``, showing PENDING while any unconfirmed parameter among ``cells`` is empty or
    wrong, or while ``errors`` (a cell counting the workbook's wrong inputs, input_checks) is not 0."""
    conditions = [c.ok for c in cells if not c.confirmed] + ([f"{errors}=0"] if errors else [])
    if not conditions:
        return f"={expression}"
    condition = conditions[0] if len(conditions) == 1 else f"AND({','.join(conditions)})"
    return f'=IF({condition},{expression},"{PENDING}")'
