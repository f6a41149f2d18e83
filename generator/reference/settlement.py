"""The municipality's pilot costs per month and quarter (documents.md §2.11, §2.12, §4; L2151–L2174),
as the monthly cash-flow report (29.pielikums) and the quarterly report (30.pielikums) need them.

Budget cost positions (BIP, 26.pielikums). Only "1.1 atalgojums" is named in the source (L2249);
the other numbers are reconstructed by the project and the report templates use exactly these:

- BIP 1.1 – social worker's remuneration: ROUND(gross × min(children, n) ÷ n, 2), where gross is the
  worker's full monthly remuneration (salary with statutory employer contributions) and
  n = ``social_worker_children`` (20): full pay for n children, proportionally less for fewer (L2152).
- BIP 1.2 – social worker's transport (fuel, public transport), at actual cost (L2153).
- BIP 1.3 – SBS payments for the services children and parents actually received (L2154).
- BIP 1.4 – indirect costs: ROUND(BIP 1.1 × ``indirect_cost_rate``, 2), only when the worker has an
  employment contract (L2155, L2165, L2174).

A quarter's amounts are the sums of its months (never recomputed from quarterly totals).

Each month uses the settings in force on its first day (D201): ``settle`` takes one ``Params`` for every
month or a function giving a month's (first day's) ``Params`` – ``month_params`` builds it from the
catalogue's dated values, so a change the ministry dates inside a round applies from the first month that
begins on or after its date. A quarter's due day is the one in force on the first day of its last calendar month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from generator.lvformat import date as lv_date
from generator.lvformat import entered
from generator.money import cents, to_decimal
from generator.reference.errors import ReferenceInputError, setting_gap
from generator.reference.params import Params

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Catalogue

# The settings ``settle`` takes per month (D201): a change dated inside a round applies from the first month that
# begins on or after its date.
SETTLEMENT_KEYS = ("social_worker_children", "indirect_cost_rate", "monthly_report_day", "quarterly_report_day")
MonthParams = Callable[[dt.date], Params]

ZERO = Decimal(0)

# The codes the settlement formulas depend on; their names and contents are catalogue data
# (catalogue/enums.yaml budget_positions), checked against these codes by the tests.
BIP_PAY, BIP_TRANSPORT, BIP_SBS, BIP_INDIRECT = "1.1", "1.2", "1.3", "1.4"
BIP_CODES = (BIP_PAY, BIP_TRANSPORT, BIP_SBS, BIP_INDIRECT)


@dataclass(frozen=True)
class SettlementMonth:
    """One calendar month of a municipality: ``month`` is its first day; ``receipts`` is the money
    received from the ministry in the month (e.g. the month-1 advance, L2169)."""

    month: dt.date
    children: int
    sw_gross_pay: Decimal
    sw_transport: Decimal = ZERO
    sbs_payments: Decimal = ZERO
    receipts: Decimal = ZERO
    employment_contract: bool = True

    def __post_init__(self) -> None:
        where = f"mēnesis {lv_date(self.month)}"
        if self.month.day != 1:
            raise ReferenceInputError(f"{where}: jānorāda mēneša pirmā diena")
        if not isinstance(self.children, int) or self.children < 0:
            raise ReferenceInputError(f"{where}: bērnu skaits {entered(self.children)} (gaidīts: vesels skaitlis ≥ 0)")
        for attr in ("sw_gross_pay", "sw_transport", "sbs_payments", "receipts"):
            value = to_decimal(getattr(self, attr))
            object.__setattr__(self, attr, value)
            if value < 0:
                raise ReferenceInputError(f"{where}: {attr} ir negatīvs ({value}; gaidīts: ≥ 0)")


@dataclass(frozen=True)
class Amounts:
    """Costs by BIP position; ``total`` = their sum."""

    pay: Decimal
    transport: Decimal
    sbs: Decimal
    indirect: Decimal

    @property
    def total(self) -> Decimal:
        return self.pay + self.transport + self.sbs + self.indirect

    def by_bip(self) -> dict[str, Decimal]:
        return {BIP_PAY: self.pay, BIP_TRANSPORT: self.transport, BIP_SBS: self.sbs, BIP_INDIRECT: self.indirect}

    def __add__(self, other: Amounts) -> Amounts:
        return Amounts(
            self.pay + other.pay,
            self.transport + other.transport,
            self.sbs + other.sbs,
            self.indirect + other.indirect,
        )


NO_AMOUNTS = Amounts(ZERO, ZERO, ZERO, ZERO)


@dataclass(frozen=True)
class MonthReport:
    """One month of the cash-flow report (29.pielikums): pay share, costs by BIP, balance, due date."""

    month: dt.date
    children: int
    pay_share: Decimal
    amounts: Amounts
    opening_balance: Decimal
    receipts: Decimal
    closing_balance: Decimal
    due: dt.date


@dataclass(frozen=True)
class QuarterReport:
    """One calendar quarter (30.pielikums): sums of its months and the due date."""

    year: int
    quarter: int
    months: tuple[dt.date, ...]
    amounts: Amounts
    receipts: Decimal
    due: dt.date


@dataclass(frozen=True)
class Settlement:
    """Every month, every quarter and the period's totals by BIP (27.pielikums)."""

    months: tuple[MonthReport, ...]
    quarters: tuple[QuarterReport, ...]
    totals: Amounts
    receipts: Decimal
    closing_balance: Decimal


def pay_share(children: int, params: Params) -> Decimal:
    """Share of the social worker's full remuneration: min(children, n) ÷ n, n = 20 (L2152)."""
    n = params.social_worker_children
    return Decimal(min(children, n)) / Decimal(n)


def month_amounts(month: SettlementMonth, params: Params) -> Amounts:
    """BIP 1.1–1.4 of one month (see the module docstring for the formulas)."""
    pay = cents(month.sw_gross_pay * min(month.children, params.social_worker_children) / params.social_worker_children)
    indirect = cents(pay * params.indirect_cost_rate) if month.employment_contract else ZERO
    return Amounts(pay, month.sw_transport, month.sbs_payments, indirect)


def _next_month_day(year: int, month: int, day: int) -> dt.date:
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dt.date(year, month, day)


def settle(months: Sequence[SettlementMonth], params: Params | MonthParams, opening_balance: object = 0) -> Settlement:
    """Monthly and quarterly settlement of one municipality: costs by BIP, balance (opening +
    receipts − costs) and the report due dates (monthly: ``monthly_report_day`` of the next month;
    quarterly: ``quarterly_report_day`` of the month after the quarter, L2238–L2239). ``params``: the same
    for every month, or a month's first day → the parameters in force on it (month_params, D201)."""
    params_of: MonthParams = (lambda _month: params) if isinstance(params, Params) else params
    ordered = sorted(months, key=lambda m: m.month)
    if len({m.month for m in ordered}) != len(ordered):
        raise ReferenceInputError("mēneši atkārtojas (gaidīts: katrs mēnesis vienreiz)")
    balance = to_decimal(opening_balance)
    reports: list[MonthReport] = []
    for m in ordered:
        month_params = params_of(m.month)
        amounts = month_amounts(m, month_params)
        closing = balance + m.receipts - amounts.total
        reports.append(
            MonthReport(
                month=m.month,
                children=m.children,
                pay_share=pay_share(m.children, month_params),
                amounts=amounts,
                opening_balance=balance,
                receipts=m.receipts,
                closing_balance=closing,
                due=_next_month_day(m.month.year, m.month.month, month_params.monthly_report_day),
            )
        )
        balance = closing
    quarters: dict[tuple[int, int], list[MonthReport]] = {}
    for r in reports:
        quarters.setdefault((r.month.year, (r.month.month - 1) // 3 + 1), []).append(r)
    quarter_reports = []
    for (year, q), rows in sorted(quarters.items()):
        amounts = NO_AMOUNTS
        for r in rows:
            amounts = amounts + r.amounts
        quarter_reports.append(
            QuarterReport(
                year=year,
                quarter=q,
                months=tuple(r.month for r in rows),
                amounts=amounts,
                receipts=sum((r.receipts for r in rows), ZERO),
                due=_next_month_day(year, q * 3, params_of(dt.date(year, q * 3, 1)).quarterly_report_day),
            )
        )
    totals = NO_AMOUNTS
    for r in reports:
        totals = totals + r.amounts
    return Settlement(
        months=tuple(reports),
        quarters=tuple(quarter_reports),
        totals=totals,
        receipts=sum((r.receipts for r in reports), ZERO),
        closing_balance=balance,
    )


def month_params(catalogue: Catalogue, base: Params) -> MonthParams:
    """A month's parameters for ``settle``: ``base`` with the settlement settings (SETTLEMENT_KEYS) in force on
    the month's first day (D201). A value the catalogue leaves empty (`jāprecizē` without a figure) keeps
    ``base``'s, which the workbooks never show as a confirmed figure (they show "______" until it is typed)."""
    cache: dict[dt.date, Params] = {}

    def params_of(month: dt.date) -> Params:
        day = month.replace(day=1)
        if day not in cache:
            changes = {}
            for key in SETTLEMENT_KEYS:
                series = getattr(catalogue.programme, key)
                if day < series.values[0].effective_from:  # no value yet: a clear message, not a LookupError
                    raise setting_gap(key, series.name_lv, day, series.values[0].effective_from)
                value = series.at(day).value
                if value not in (None, ""):
                    changes[key] = Decimal(str(value)) if key == "indirect_cost_rate" else int(value)
            cache[day] = base.replace(**changes)
        return cache[day]

    return params_of
