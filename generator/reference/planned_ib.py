"""The IB-funded part of a plan spread over its months: an estimate for the ministry's cash flow (D123).

Sheet 6.7 plans the whole plan N by month; sheet 6.4 says which lines the IB funds ("No IB"), but not in which
month the IB pays. The summary's "Plānots no IB" spreads the plan's IB part over the months in proportion
to each month's planned EUR, in cents, so that the months add up exactly to the IB part – or, when the months
plan less than the IB part in all (by more than their own rounding), to what they plan; the rest
(``unspread``) is shown apart, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from generator.money import CENT
from generator.reference.errors import ReferenceInputError

ZERO = Decimal(0)


def plan_ib_part(line_ib: Iterable[Decimal | None]) -> Decimal:
    """The plan's IB part: Σ 6.4 "No IB" over the counted lines (an ignored line has None)."""
    return sum((v for v in line_ib if v is not None), ZERO)


def _cents(value: Decimal) -> int:
    scaled = value * 100
    if scaled != scaled.to_integral_value():
        raise ReferenceInputError(f"summa {value} nav centos (gaidīts: summa ar centiem)")
    return int(scaled)


def _amount(ib_cents: int, weights: Sequence[int], rounded: int | None) -> int:
    """The cents to spread: min(IB part, Σ planned) – or the whole IB part when the months fall short of it by
    no more than their own rounding (audit24 F2). Each of the ``rounded`` amounts that make up the months
    (6.7: every line's month cost, rounded to cents as the matrix rounds it; by default one per month with a
    plan) is within 0,005 EUR of the exact cost, so a plan whose 6.6 split is complete has months within
    ``rounded`` × 0,005 EUR of the lines rounded once (6.4); a larger shortfall is an incomplete split."""
    total = sum(weights)
    count = sum(1 for w in weights if w > 0) if rounded is None else rounded
    if total > 0 and ib_cents > total and 2 * (ib_cents - total) <= count:
        return ib_cents
    return min(ib_cents, total)


def ib_by_month(ib_part: Decimal, planned_by_month: Sequence[Decimal],
                rounded: int | None = None) -> tuple[Decimal, ...]:
    """The IB part spread over the months in proportion to each month's planned EUR (6.7).

    A month with no plan (0, or a negative amount of a faulty matrix) gets nothing, and the IB never pays
    more than is planned: the amount spread is min(IB part, Σ planned) – except that a shortfall no larger
    than the months' own rounding (``rounded`` amounts × 0,005 EUR, see ``_amount``) is no shortfall: then the whole IB part is spread
    and a month may get up to that rounding (a cent or so) above its plan. Month m gets
    ROUND(amount × planned up to m ÷ Σ planned, 2) − the same up to month m − 1 (half away from zero, as
    ROUND): the rounding differences carry forward and the last planned month takes what remains, so the
    months add up exactly to the amount and each is within a cent of its exact share.
    """
    weights = [max(0, _cents(p)) for p in planned_by_month]
    total = sum(weights)
    amount = _amount(max(0, _cents(ib_part)), weights, rounded)
    if total == 0:
        return tuple(ZERO.quantize(CENT) for _ in weights)
    shares: list[Decimal] = []
    cumulative = before = 0
    for w in weights:
        cumulative += w
        # round half up of amount × cumulative ÷ total in whole cents (all non-negative integers: exact)
        upto = (2 * amount * cumulative + total) // (2 * total)
        shares.append(Decimal(upto - before) / 100)
        before = upto
    return tuple(s.quantize(CENT) for s in shares)


def unspread(ib_part: Decimal, planned_by_month: Sequence[Decimal], rounded: int | None = None) -> Decimal:
    """The part of the plan's IB part that no month takes, because the months plan less in all (D123): IB part −
    Σ ``ib_by_month``, never below 0 – and 0 when the months fall short only by their rounding. The summary
    shows it apart ("IB daļa bez mēneša") and collect names the child and file, so that no IB money drops
    out of the cash flow silently."""
    return (max(ZERO, ib_part) - sum(ib_by_month(ib_part, planned_by_month, rounded), ZERO)).quantize(CENT)
