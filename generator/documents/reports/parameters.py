"""Catalogue parameters in the report workbooks, and the formulas that use them.

Every figure a report workbook shows from catalogue/programme.yaml goes through ``write_parameter``. A
confirmed parameter is written as its figure (a locked cell). One whose status is `jāprecizē`, or whose value
is empty, is written as a blank input cell instead: unlocked, with validation and a note naming where the
confirmed figure comes from. ``guarded`` wraps every formula that uses a parameter: while the blank is empty
the formula shows PENDING (never a month or a signed total computed with the empty parameter as 0); once
the user fills it, the formula computes. For a confirmed parameter the formula is left as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus

PENDING = "______"
# How a parameter's figure is typed and shown: an integer (children, a day of the month) or a share (a rate).
INTEGER, SHARE = "integer", "share"


@dataclass(frozen=True)
class Parameter:
    """One programme parameter in force on the workbook's day, as a workbook shows it."""

    key: str  # the name in catalogue/programme.yaml
    label_lv: str
    value: Decimal | None  # None when the catalogue gives no value
    confirmed: bool
    source: str
    kind: str  # INTEGER or SHARE

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
    series = getattr(catalogue.programme, key)
    dated = series.at(day)
    value = None if dated.value in (None, "") else Decimal(str(dated.value))
    return Parameter(key=key, label_lv=series.name_lv, value=value,
                     confirmed=dated.status is PriceStatus.confirmed and value is not None, source=dated.source,
                     kind=kind)


@dataclass(frozen=True)
class ParamCell:
    """A parameter written to a workbook: formulas refer to it by its defined ``name``."""

    name: str
    parameter: Parameter

    @property
    def confirmed(self) -> bool:
        return self.parameter.confirmed


def write_parameter(wb: Workbook, ws: Worksheet, row: int, col: int, name: str, param: Parameter, *,
                    shown: Format, blank: Format) -> ParamCell:
    """Write ``param`` at (row, col) and define ``name`` for it: the figure with ``shown`` when confirmed,
    otherwise an empty cell with ``blank`` (an unlocked input format), validation and a note."""
    if param.confirmed:
        assert param.value is not None
        ws.write_number(row, col, int(param.value) if param.kind == INTEGER else float(param.value), shown)
    else:
        ws.write_blank(row, col, None, blank)
        if param.kind == INTEGER:
            rule = {"validate": "integer", "criteria": ">=", "value": 1,
                    "error_message": "Ierakstiet veselu skaitli (1 vai vairāk)."}
        else:
            rule = {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 1,
                    "error_message": "Ierakstiet likmi procentos (no 0 % līdz 100 %)."}
        ws.data_validation(row, col, row, col, {**rule, "input_title": "Jāprecizē",
                                                "input_message": "Ierakstiet apstiprināto vērtību."})
        ws.write_comment(row, col, param.where_confirmed, {"x_scale": 2.5, "y_scale": 2})
    sheet = ws.get_name().replace("'", "''")
    wb.define_name(name, f"='{sheet}'!{xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)}")
    return ParamCell(name, param)


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


def guarded(expression: str, *cells: ParamCell) -> str:
    """The formula ``=expression``, showing PENDING while any unconfirmed parameter among ``cells`` is empty."""
    blanks = [c.name for c in cells if not c.confirmed]
    if not blanks:
        return f"={expression}"
    return f'=IF(COUNT({",".join(blanks)})<{len(blanks)},"{PENDING}",{expression})'
