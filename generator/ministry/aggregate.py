"""Totals per municipality and for the pilot, from the recomputed children and their final amounts.

Only sums of amounts the reference implementation computed (exact Decimal additions, no rounding),
and counts; the summary workbook repeats each of them as a formula that LibreOffice checks.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from generator.ministry.records import ChildRecord
from generator.reference.final_amounts import ChildFinal, FinalAmounts
from generator.reference.monthly import calendar_month
from generator.reference.planned_ib import ib_by_month, plan_ib_part, unspread

ZERO = Decimal(0)


@dataclass
class Totals:
    children: int = 0
    provisional: Decimal = ZERO
    needed: Decimal = ZERO
    available: Decimal = ZERO
    total: Decimal = ZERO
    stage2: Decimal = ZERO
    top_up: Decimal = ZERO
    final: Decimal = ZERO
    eligible: int = 0
    planned: Decimal = ZERO
    paid: Decimal = ZERO

    def add(self, record: ChildRecord, final: ChildFinal) -> None:
        r = record.result
        self.children += 1
        self.provisional += r.provisional
        self.needed += r.needed
        self.available += r.available
        self.total += r.total
        self.stage2 += final.final - final.top_up
        self.top_up += final.top_up
        self.final += final.final
        self.eligible += int(final.eligible)
        self.planned += r.execution.planned_total
        self.paid += record.paid.total  # every payment typed (D385), as Fakt_Kopa rounds it (audit24 F16)


class PlanRow(NamedTuple):
    """One counted plan line of one child, for the funding by support area and item (a tuple: a national
    summary makes ~45 000 of them, a frozen dataclass took 4× as long to build)."""

    code: str
    municipality: str
    area: int
    item: str  # the offer id, e.g. "3.1.2i"
    label: str
    units: Decimal
    price: Decimal
    cost: Decimal
    ib: Decimal


class MonthRow(NamedTuple):
    """Planned (6.7) and paid (6.10) EUR of one child in one calendar month, and the estimated IB part of the
    planned (the plan's 6.4 "No IB" spread over the months by the reference, D123)."""

    code: str
    municipality: str
    month: dt.date  # first day of the calendar month
    planned: Decimal
    paid: Decimal
    planned_ib: Decimal

    @property
    def quarter(self) -> str:
        return quarter_label(self.month)


class Unspread(NamedTuple):
    """A child whose plan's IB part is more than its months plan in all (D123): the months take ``spread``, the
    rest of ``ib_part`` is "IB daļa bez mēneša"; ``source`` names the file as the console names it."""

    code: str
    municipality: str
    ib_part: Decimal
    rest: Decimal
    source: str = ""

    @property
    def spread(self) -> Decimal:
        return self.ib_part - self.rest


def period_months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of every calendar month from ``start``'s to ``end``'s, both included."""
    months, month = [], dt.date(start.year, start.month, 1)
    while month <= end:
        months.append(month)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def quarter_label(month: dt.date) -> str:
    return f"{month.year}. g. {(month.month - 1) // 3 + 1}. ceturksnis"


@dataclass
class Aggregates:
    municipalities: list[str]
    by_municipality: dict[str, Totals]
    pilot: Totals
    plan_rows: list[PlanRow] = field(default_factory=list)
    month_rows: list[MonthRow] = field(default_factory=list)
    unspread: list[Unspread] = field(default_factory=list)
    _cash: dict | None = field(default=None, repr=False)  # sums by (municipality, month, quarter), made once
    _funding: dict | None = field(default=None, repr=False)  # sums by (municipality, area, item, what)

    def months(self) -> list[dt.date]:
        return sorted({m.month for m in self.month_rows})

    def planned_paid(self, municipality: str | None, month: dt.date | None = None,
                     quarter: str | None = None) -> tuple[Decimal, Decimal]:
        """Planned and paid EUR of a municipality (None: all) in a month or quarter (None: all)."""
        planned, paid, _ = self._cash_sums(municipality, month, quarter)
        return planned, paid

    def planned_ib(self, municipality: str | None, month: dt.date | None = None,
                   quarter: str | None = None) -> Decimal:
        """The estimated IB part of the planned EUR (D123), as ``planned_paid``."""
        return self._cash_sums(municipality, month, quarter)[2]

    def _cash_sums(self, municipality: str | None, month: dt.date | None,
                   quarter: str | None) -> tuple[Decimal, Decimal, Decimal]:
        if self._cash is None:
            cash: dict[tuple, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO, ZERO])
            for m in self.month_rows:
                for muni in (m.municipality, None):
                    for key in ((muni, None, None), (muni, m.month, None), (muni, None, m.quarter)):
                        sums = cash[key]
                        sums[0] += m.planned
                        sums[1] += m.paid
                        sums[2] += m.planned_ib
            self._cash = dict(cash)
        planned, paid, ib = self._cash.get((municipality, month, quarter), (ZERO, ZERO, ZERO))
        return planned, paid, ib

    def cash_in(self, municipality: str | None, months: Iterable[dt.date]) -> list[Decimal]:
        """Planned, planned from IB and paid EUR of a municipality (None: all) in ``months`` together."""
        sums = [ZERO, ZERO, ZERO]
        for month in months:
            planned, paid, ib = self._cash_sums(municipality, month, None)
            sums = [sums[0] + planned, sums[1] + ib, sums[2] + paid]
        return sums

    def unspread_total(self, municipality: str | None) -> Decimal:
        """The IB part no month takes (D123), of a municipality (None: all)."""
        return sum((u.rest for u in self.unspread if municipality is None or u.municipality == municipality), ZERO)

    def final_unused(self) -> Decimal:
        """The part of the pilot's Σ F that no plan line takes from IB (D174: whole units only, D4): Σ F − Σ of the
        lines' IB, both the reference's exact amounts (review13 R13-7: not computed in the workbook writer)."""
        return self.pilot.final - self.funding(None)

    def funding(self, municipality: str | None, *, area: int | None = None, item: str | None = None,
                what: str = "ib") -> Decimal:
        """IB-funded EUR (``what="cost"``: the plan's cost) of a municipality (None: all), by area or item."""
        if area is not None and item is not None:
            return sum((getattr(p, what) for p in self.plan_rows if (municipality is None or p.municipality ==
                        municipality) and p.area == area and p.item == item), ZERO)
        if self._funding is None:
            sums: dict[tuple, Decimal] = defaultdict(lambda: ZERO)
            for p in self.plan_rows:
                for muni in (p.municipality, None):
                    for key in ((muni, None, None), (muni, p.area, None), (muni, None, p.item)):
                        sums[key + ("ib",)] += p.ib
                        sums[key + ("cost",)] += p.cost
            self._funding = dict(sums)
        if what not in ("ib", "cost"):
            raise ValueError(what)
        return self._funding.get((municipality, area, item, what), ZERO)


def plan_rows(record: ChildRecord) -> list[PlanRow]:
    rows = []
    r = record.result
    for i, line in enumerate(record.inputs.lines):
        if not line.counted:
            continue
        rows.append(
            PlanRow(
                code=record.code,
                municipality=record.municipality,
                area=line.area,
                item=line.offer_id or "",
                label=line.label or line.offer_id or "",
                units=line.units,
                price=line.unit_price,
                cost=r.line_cost[i] or ZERO,
                ib=r.line_ib[i] or ZERO,
            )
        )
    return rows


def rounded_amounts(record: ChildRecord) -> int | None:
    """How many rounded line-month costs (6.6 units × price) make up the plan's months (6.7), for the rounding tolerance of the
    IB spread (planned_ib._amount); None (one per month) when the record holds no line rows."""
    lines = record.result.execution.lines
    return sum(1 for r in lines for u in r.planned_units if u) if lines else None


def month_rows(record: ChildRecord) -> list[MonthRow]:
    exe = record.result.execution
    ib = ib_by_month(plan_ib_part(record.result.line_ib), exe.planned_by_month, rounded_amounts(record))
    # every payment typed, as 6.10's "Kopā" row rounds them (audit24 F16): a void line's too, and one typed after the
    # period's last month in its own calendar month, outside the period (D385)
    paid = record.paid.by_month
    rows = []
    for m in range(max(record.months, len(paid))):
        if m >= record.months and not paid[m]:
            continue
        year, month = calendar_month(record.period_start, m + 1)
        inside = m < record.months
        rows.append(
            MonthRow(record.code, record.municipality, dt.date(year, month, 1),
                     exe.planned_by_month[m] if inside else ZERO, paid[m], ib[m] if inside else ZERO)
        )
    return rows


def aggregate(records: Sequence[ChildRecord], finals: FinalAmounts,
              municipalities: Iterable[str] = ()) -> Aggregates:
    """Totals per municipality (every id in ``municipalities`` plus any found) and for the pilot."""
    by_id = finals.by_id()
    order = list(dict.fromkeys([*municipalities, *sorted({r.municipality for r in records})]))
    by_muni: dict[str, Totals] = defaultdict(Totals)
    for m in order:
        by_muni[m] = Totals()
    pilot = Totals()
    agg = Aggregates(order, by_muni, pilot)
    for record in records:
        final = by_id[record.code]
        by_muni[record.municipality].add(record, final)
        pilot.add(record, final)
        agg.plan_rows.extend(plan_rows(record))
        agg.month_rows.extend(month_rows(record))
    agg.unspread.extend(unspread_children(records))
    return agg


def unspread_children(records: Iterable[ChildRecord]) -> list[Unspread]:
    """The children whose months cannot take their plan's IB part (as ``month_rows`` spreads it), in order."""
    found = []
    for record in records:
        ib_part = plan_ib_part(record.result.line_ib)
        rest = unspread(ib_part, record.result.execution.planned_by_month, rounded_amounts(record))
        if rest > 0:
            found.append(Unspread(record.code, record.municipality, ib_part, rest, record.source))
    return found
