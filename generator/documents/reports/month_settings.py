"""Settings that change inside a round: which of a parameter's dated values each report month uses (D201).

The reference settles each month with the settings in force on its first day
(generator.reference.settlement.month_params). A report workbook writes every dated value of a parameter its
months can use – one parameter cell each (parameters.write_parameter: a `jāprecizē` one is a blank input) – and a
month's formulas use the cell in force on the month's first day: a month written by the program refers to that
cell; a month the user types (a template made after its round) picks it with nested IFs over the month's first
day against the catalogue's dates. While a parameter has one value for all the months the workbook is as it was
before D201: its formulas use that single cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import input_checks as checks
from generator.documents.reports.parameters import ParamCell, Parameter, dated_parameter
from generator.reference.errors import setting_gap


@dataclass(frozen=True)
class MonthCell:
    """A month's setting in formulas: ``name`` – the expression (a cell) with its value; ``cells`` – the
    parameter cells it can take its value from, whose `jāprecizē` blanks guard it (parameters.guarded)."""

    name: str
    cells: tuple[ParamCell, ...]

    @property
    def confirmed(self) -> bool:
        return all(c.confirmed for c in self.cells)

    @property
    def ok(self) -> str:
        conditions = [c.ok for c in self.cells if not c.confirmed]
        return conditions[0] if len(conditions) == 1 else f"AND({','.join(conditions)})"

    @property
    def parameter(self) -> Parameter:
        return self.cells[0].parameter


def dated_values(catalogue: Catalogue, key: str, kind: str,
                 months: Sequence[dt.date] | None) -> list[tuple[dt.date, Parameter]]:
    """(effective_from, value) of parameter ``key`` that ``months`` use – each in force on some month's first day –
    or, without ``months`` (the user types them), every dated value the catalogue gives."""
    series = getattr(catalogue.programme, key)
    early = [m.replace(day=1) for m in months or () if m.replace(day=1) < series.values[0].effective_from]
    if early:  # a month before the first value has none (the catalogue check warns of it): a clear message
        raise setting_gap(key, series.name_lv, min(early), series.values[0].effective_from)
    chosen = series.values if months is None else [series.at(m.replace(day=1)) for m in sorted(months)]
    seen: dict[dt.date, Parameter] = {}
    for dated in chosen:
        seen.setdefault(dated.effective_from, dated_parameter(catalogue, key, dated, kind))
    return sorted(seen.items())


@dataclass(frozen=True)
class Setting:
    """One parameter's cells in a workbook, in date order: (effective_from, cell)."""

    cells: tuple[tuple[dt.date, ParamCell], ...]

    @property
    def first(self) -> ParamCell:
        return self.cells[0][1]

    @property
    def changes(self) -> bool:
        return len(self.cells) > 1

    def in_force(self, month: dt.date) -> ParamCell:
        """The cell in force on ``month``'s first day (the first one for a month before all of them)."""
        day = month.replace(day=1)
        return [cell for start, cell in self.cells if start <= day][-1] if day >= self.cells[0][0] else self.first

    def pick(self, first_day: str) -> str:
        """Expression: the value in force on ``first_day`` (a month's first day), nested IFs over the dates."""
        expression = self.first.name
        for start, cell in self.cells[1:]:
            expression = f"IF({first_day}>=DATE({start.year},{start.month},{start.day}),{cell.name},{expression})"
        return expression

    def whole(self) -> MonthCell:
        """The setting for what every month adds up to (totals): guarded by all its cells (for guards only, as
        ``over``; while the setting does not change, its one cell)."""
        return MonthCell(self.first.name, tuple(cell for _, cell in self.cells))

    def over(self, months: Sequence[dt.date] | None) -> MonthCell:
        """The setting for what ``months`` add up to (a quarter, a balance up to a month): guarded by the cells in
        force on any of them, or by all (``months`` None: months the user types). For guards only: its name is the
        first cell's, not a value of those months."""
        if months is None or not self.changes:
            return self.whole()
        used = {self.in_force(m).name: self.in_force(m) for m in months}
        return MonthCell(self.first.name, tuple(used.values()))

    def month(self, month: dt.date | None, cell: str) -> MonthCell:
        """The setting of one report month: its parameter cell while the setting does not change; otherwise
        ``cell``, the month's own cell that shows it – guarded by the parameter cell in force on ``month``
        (a month the program writes) or by all of them (``month`` None: a month the user types)."""
        if not self.changes:
            return MonthCell(self.first.name, (self.first,))
        if month is None:
            return MonthCell(cell, self.whole().cells)
        return MonthCell(cell, (self.in_force(month),))


def first_month(settings: Iterable[Setting]) -> dt.date:
    """The first day of the first month on whose first day every one of ``settings`` has a catalogue value: a
    month before it has none (the catalogue check refuses a round that starts earlier, crossrefs._report_settings),
    so a month typed into a template made after its round must not be earlier (month_rule, quarter_rule)."""
    day = max(setting.cells[0][0] for setting in settings)
    return day if day.day == 1 else (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _since(since: dt.date) -> str:
    return f"DATE({since.year},{since.month},{since.day})"


def month_rule(cell: str, since: dt.date) -> checks.Rule:
    """A typed month (a template made after its round) is not earlier than ``since`` (first_month): its settings
    would otherwise be the first catalogue value of each, which was not in force then – a silent wrong figure."""
    return checks.Rule(cell, f"IF(ISNUMBER({cell}),{cell}>={_since(since)},TRUE)",
                       f"jābūt mēnesim, ne agrākam par {since:%m.%Y} – agrākam mēnesim katalogā nav atskaites "
                       "parametru")


def month_validation(since: dt.date) -> dict:
    """The data validation of a typed month cell: a date not earlier than ``since`` (first_month, or the reports'
    earliest day when that is later), the same bound month_rule checks by formula – typing stops where the check
    would name the cell."""
    day = max(since, checks.FIRST_DAY)
    return {**checks.DATE_VALIDATION, "value": dt.datetime.combine(day, dt.time()),
            "error_message": f"Ierakstiet mēneša 1. datumu (DD.MM.GGGG), ne agrāku par {day:%d.%m.%Y} – agrākam "
                             "mēnesim katalogā nav atskaites parametru."}


def quarter_rule(year: str, quarter: str, since: dt.date) -> checks.Rule:
    """A typed quarter ends not earlier than ``since``'s month (its report day is the one in force on its last
    month's first day)."""
    return checks.Rule(quarter, f"IF(AND(ISNUMBER({year}),ISNUMBER({quarter})),DATE({year},{quarter}*3,1)>="
                                f"{_since(since)},TRUE)",
                       f"jābūt ceturksnim, kas beidzas ne agrāk par {since:%m.%Y} – agrākam ceturksnim katalogā "
                       "nav atskaites parametru")


def values_text(values: Sequence[tuple[dt.date, Parameter]]) -> str:
    """The figure(s) for a sentence: "15 %", or "15 %, no 01.11.2019 – 12 %" when it changes in the months."""
    parts = [values[0][1].text] + [f"no {lvformat.date(start)} – {param.text}" for start, param in values[1:]]
    return ", ".join(parts)


def value_name(name: str, index: int) -> str:
    """The defined name of a parameter's ``index``-th dated value (0-based): the first keeps ``name``."""
    return name if index == 0 else f"{name}_{index + 1}"


def label_with_date(label: str, start: dt.date, setting_changes: bool) -> str:
    return f"{label} (no {lvformat.date(start)})" if setting_changes else label
