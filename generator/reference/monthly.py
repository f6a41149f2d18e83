"""Monthly plan and execution: sheets 6.6 (units), 6.7 (EUR, D14) and 6.10 (delivered, paid, D13).

Period month m (1-based) is the calendar month m − 1 months after the month of the period's
first day. Missing months count as 0.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.lvformat import entered
from generator.money import cents
from generator.reference.errors import ReferenceInputError
from generator.reference.lines import PlanLine
from generator.reference.plan import line_cost
from generator.reference.rounds import plan_end

ZERO = Decimal(0)


def calendar_month(period_start: dt.date, month: int) -> tuple[int, int]:
    """(year, month) of period month ``month`` (1-based) of a period starting on ``period_start``."""
    index = period_start.year * 12 + (period_start.month - 1) + (month - 1)
    return index // 12, index % 12 + 1


def working_days(year: int, month: int, holidays: Collection[dt.date] = ()) -> int:
    """Working days of a calendar month: Monday–Friday except the public holidays in ``holidays``
    (D11; catalogue/holidays.yaml), as NETWORKDAYS(first day; last day; holidays)."""
    return working_days_between(dt.date(year, month, 1), month_end(year, month), holidays)


def working_days_between(first: dt.date, last: dt.date, holidays: Collection[dt.date] = ()) -> int:
    """Monday–Friday days from ``first`` to ``last`` (both included) except ``holidays``: NETWORKDAYS."""
    off = set(holidays)
    days = (first + dt.timedelta(days=k) for k in range((last - first).days + 1))
    return sum(1 for d in days if d.weekday() < 5 and d not in off)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period_month_span(period_start: dt.date, months: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of period month ``month`` that lie inside the period: the first month begins on the
    period's first day, which may be any day of it (D93)."""
    year, number = calendar_month(period_start, month)
    first = max(dt.date(year, number, 1), period_start)
    return first, min(month_end(year, number), plan_end(period_start, months))  # the period's last day (D93)


def period_working_days(
    period_start: dt.date, months: int, month: int, holidays: Collection[dt.date] = ()
) -> int:
    """Working days of period month ``month`` inside the plan period (D11): a plan that starts on 12.06.2019
    has 12 in June 2019, not the month's 19; 6.11's NETWORKDAYS(MAX(month start; Perioda_Sakums); …)."""
    return working_days_between(*period_month_span(period_start, months, month), holidays)


def check_months(months: int, maximum: int) -> None:
    """Raise when the number of period months is not 1..maximum (D2)."""
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= maximum:
        raise ReferenceInputError(f"perioda mēnešu skaits {entered(months)} (gaidīts: vesels skaitlis 1–{maximum})")


def monthly_amounts(line: PlanLine, months: int) -> tuple[Decimal, ...]:
    """Sheet 6.7 (Men_Summa): planned EUR in each period month = ROUND(6.6 units × price, 2) (D14)."""
    return tuple(cents(line.month_value("planned_units", m) * line.unit_price) for m in range(1, months + 1))


@dataclass(frozen=True)
class LineExecution:
    """6.6/6.7/6.10 of one counted line over the period months.

    ``carry_forward[m]`` = cumulative planned − cumulative delivered units after month m, at least 0:
    units missed so far that may still be received later in the same period (D13, L1716).
    """

    index: int
    planned_units: tuple[Decimal, ...]
    planned_eur: tuple[Decimal, ...]
    delivered_units: tuple[Decimal, ...]
    paid: tuple[Decimal, ...]
    carry_forward: tuple[Decimal, ...]
    remaining_units: Decimal
    remaining_money: Decimal
    absorption: Decimal


@dataclass(frozen=True)
class Execution:
    """Sheet 6.10 for the whole plan.

    ``lines`` are the counted lines'; ``planned_total`` = Σ 6.7 planned EUR; ``paid_by_month`` = each period month's
    payments of every line, as 6.10's "Kopā" row sums them – a line without a service or units (the error
    ignored_line_data) too: its payments are money paid (D372); ``paid_total`` (Fakt_Kopa) = Σ paid; ``absorption`` =
    paid ÷ planned (0 when nothing is planned); ``underspend`` = planned − paid, the amount that
    stage 3 adds to the next period's pool (D7, L1079).
    """

    lines: tuple[LineExecution, ...]
    planned_by_month: tuple[Decimal, ...]
    paid_by_month: tuple[Decimal, ...]
    planned_total: Decimal
    paid_total: Decimal
    absorption: Decimal
    underspend: Decimal


def line_execution(index: int, line: PlanLine, months: int) -> LineExecution:
    """Plan and execution of one line: remaining units = period units − Σ delivered; remaining
    money = line cost − Σ paid; absorption = Σ paid ÷ line cost (0 when the cost is 0)."""
    rng = range(1, months + 1)
    planned = tuple(line.month_value("planned_units", m) for m in rng)
    delivered = tuple(line.month_value("delivered_units", m) for m in rng)
    paid = tuple(line.month_value("paid", m) for m in rng)
    carry: list[Decimal] = []
    cum_p = cum_d = ZERO
    for p, d in zip(planned, delivered, strict=True):
        cum_p += p
        cum_d += d
        carry.append(max(ZERO, cum_p - cum_d))
    cost = line_cost(line)
    paid_sum = sum(paid, ZERO)
    return LineExecution(
        index=index,
        planned_units=planned,
        planned_eur=monthly_amounts(line, months),
        delivered_units=delivered,
        paid=paid,
        carry_forward=tuple(carry),
        remaining_units=line.units - sum(delivered, ZERO),
        remaining_money=cost - paid_sum,
        absorption=paid_sum / cost if cost else ZERO,
    )


def execution(lines: Sequence[PlanLine], months: int) -> Execution:
    """6.10 of a plan: per counted line and per month, with the period's totals and underspend. The paid totals count
    every line's payments in the period's months, a line that is not counted too (D372: 6.10's "Kopā" row and its
    Fakt_Kopa count them; the line itself has the error ignored_line_data)."""
    rows = tuple(line_execution(i, line, months) for i, line in enumerate(lines) if line.counted)
    planned_by_month = tuple(sum((r.planned_eur[m] for r in rows), ZERO) for m in range(months))
    paid_by_month = tuple(sum((line.month_value("paid", m) for line in lines), ZERO) for m in range(1, months + 1))
    planned_total = sum(planned_by_month, ZERO)
    paid_total = sum(paid_by_month, ZERO)
    return Execution(
        lines=rows,
        planned_by_month=planned_by_month,
        paid_by_month=paid_by_month,
        planned_total=planned_total,
        paid_total=paid_total,
        absorption=paid_total / planned_total if planned_total else ZERO,
        underspend=planned_total - paid_total,
    )
