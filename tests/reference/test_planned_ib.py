"""The plan's IB part spread over its months (D123): exact sum, never above a month's plan, within a cent."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.money import cents as round_cents
from generator.reference.errors import ReferenceInputError
from generator.reference.planned_ib import ib_by_month, plan_ib_part, unspread

CENT = Decimal("0.01")
cents = st.integers(min_value=0, max_value=2_000_000).map(lambda c: Decimal(c) / 100)
months = st.lists(st.one_of(st.just(Decimal(0)), cents), min_size=1, max_size=15)


@settings(max_examples=500, deadline=None)
@given(planned=months, ib=cents)
def test_spread_adds_up_stays_under_each_month_and_is_proportional(planned: list[Decimal], ib: Decimal) -> None:
    shares = ib_by_month(ib, planned)
    total = sum(planned, Decimal(0))
    with_plan = sum(1 for p in planned if p > 0)
    # a shortfall of no more than the months' rounding (0,005 EUR a month with a plan) is spread too (audit24 F2)
    amount = ib if total and Decimal(0) < ib - total <= with_plan * Decimal("0.005") else min(ib, total)
    above = amount - min(ib, total)  # what the months may hold above their plan in all
    assert len(shares) == len(planned)
    assert sum(shares, Decimal(0)) == amount
    assert unspread(ib, planned) == ib - amount  # what no month takes is accounted for, never lost (D123)
    assert all(s == s.quantize(CENT) and Decimal(0) <= s <= p + above for s, p in zip(shares, planned, strict=True))
    assert all(s == 0 for s, p in zip(shares, planned, strict=True) if p <= 0)
    for s, p in zip(shares, planned, strict=True):
        exact = Fraction(amount) * Fraction(p) / Fraction(total) if total else Fraction(0)
        assert abs(Fraction(s) - exact) < Fraction(1, 100), (s, exact)


def test_the_whole_plan_funded_gives_the_plan_itself() -> None:
    planned = [Decimal("123.45"), Decimal("0"), Decimal("67.89"), Decimal("0.01")]
    assert ib_by_month(sum(planned, Decimal(0)), planned) == tuple(planned)
    assert ib_by_month(Decimal("1000000"), planned) == tuple(planned), "never more than the plan"


def test_rounding_differences_carry_to_the_later_months() -> None:
    # 100,00 of 300,00 planned as 3 × 100,00: each month 33,333…; ROUND of the running share gives 33,33 / 33,34 / 33,33
    assert ib_by_month(Decimal("100"), [Decimal("100")] * 3) == (Decimal("33.33"), Decimal("33.34"), Decimal("33.33"))
    # "round each month, the rest in the last one" would give these months 0,06 0,18 0,13 0,01 0,07 0,02: 0,02 in a
    # month with 0,01 planned
    planned = [Decimal(c) / 100 for c in (7, 20, 14, 1, 8, 1)]
    shares = ib_by_month(Decimal("0.47"), planned)
    assert sum(shares) == Decimal("0.47") and all(s <= p for s, p in zip(shares, planned, strict=True)), shares


def test_no_plan_no_spread_and_months_without_plan_get_nothing() -> None:
    assert ib_by_month(Decimal("50"), [Decimal(0), Decimal(0)]) == (Decimal(0), Decimal(0))
    assert ib_by_month(Decimal("50"), [Decimal(0), Decimal("80"), Decimal(0), Decimal("20")]) == (
        Decimal(0), Decimal("40.00"), Decimal(0), Decimal("10.00"))
    assert ib_by_month(Decimal("50"), [Decimal("-5"), Decimal("100")]) == (Decimal(0), Decimal("50.00"))


def test_plan_ib_part_sums_the_counted_lines_and_amounts_must_be_cents() -> None:
    assert plan_ib_part([Decimal("10.50"), None, Decimal("0.25")]) == Decimal("10.75")
    with pytest.raises(ReferenceInputError, match="centiem"):
        ib_by_month(Decimal("1.005"), [Decimal("2")])


def test_what_the_months_cannot_take_is_the_unspread_rest() -> None:
    """review2 F7: an incomplete (or empty) 6.6 split left part of the IB part in no month, silently."""
    assert ib_by_month(Decimal("300.00"), [Decimal("50.00"), Decimal("50.00"), Decimal(0), Decimal(0)]) == (
        Decimal("50.00"), Decimal("50.00"), Decimal("0.00"), Decimal("0.00"))
    assert unspread(Decimal("300.00"), [Decimal("50.00"), Decimal("50.00"), Decimal(0), Decimal(0)]) == Decimal("200.00")
    assert unspread(Decimal("300.00"), [Decimal(0), Decimal(0)]) == Decimal("300.00")
    assert unspread(Decimal("300.00"), [Decimal("400.00")]) == Decimal("0.00")
    assert unspread(Decimal("-5"), [Decimal("10")]) == Decimal("0.00")


def test_no_plan_gives_cents_like_every_other_spread() -> None:
    assert [str(s) for s in ib_by_month(Decimal("50"), [Decimal(0), Decimal(0)])] == ["0.00", "0.00"]


def test_a_cent_short_through_the_months_rounding_is_spread_not_unspread() -> None:
    """audit24 F2 (balvi): 6 units × 29,9328 = 179,60 in 6.4, split 5 + 1 in 6.6 gives months 149,66 + 29,93 =
    179,59; the split is complete, so the cent goes to the months, nothing is "bez mēneša"."""
    planned = [Decimal("149.66"), Decimal("29.93")]
    assert unspread(Decimal("179.60"), planned) == Decimal("0.00")
    assert sum(ib_by_month(Decimal("179.60"), planned)) == Decimal("179.60")
    assert unspread(Decimal("179.61"), planned) == Decimal("0.02")  # two cents on two months: not rounding
    assert unspread(Decimal("179.60"), [Decimal("179.59")]) == Decimal("0.01")  # one month is its line rounded once
    assert unspread(Decimal("179.61"), planned, rounded=4) == Decimal("0.00")  # 2 lines × 2 months: up to 2 cents


prices = st.integers(min_value=100, max_value=5_000_000).map(lambda p: Decimal(p) / 10_000)  # 4 decimals, as 6.2
units = st.integers(min_value=0, max_value=40).map(lambda u: Decimal(u) / 2)  # halves: 0,5 × 12,25 …


@settings(max_examples=400, deadline=None)
@given(lines=st.lists(st.tuples(prices, st.lists(units, min_size=6, max_size=6)), min_size=1, max_size=5),
       drop=st.integers(min_value=0, max_value=29))
def test_a_complete_split_is_never_unspread_and_a_missing_unit_is(lines: list[tuple[Decimal, list[Decimal]]],
                                                                  drop: int) -> None:
    """Lines in the matrix's rounding: 6.4 cost = ROUND(Σ units × price, 2), 6.7 month = Σ ROUND(units × price, 2).
    A complete 6.6 split never leaves an unspread rest; a unit missing from a month leaves at least its cost
    less the rounding tolerance (when that is more than the tolerance)."""
    def months_of(split: list[tuple[Decimal, list[Decimal]]]) -> tuple[list[Decimal], int]:
        cells = [[round_cents(u * p) for u in us] for p, us in split]
        return [sum((c[m] for c in cells), Decimal(0)) for m in range(6)], sum(1 for _, us in split for u in us if u)

    ib = sum((round_cents(sum(us, Decimal(0)) * p) for p, us in lines), Decimal(0))
    planned, rounded = months_of(lines)
    assert unspread(ib, planned, rounded) == 0
    assert sum(ib_by_month(ib, planned, rounded)) == ib
    line, month = drop % len(lines), drop % 6
    price, us = lines[line]
    if us[month] >= 1:  # one unit less in that month: an incomplete split
        cut = [(p, [u - 1 if (i, m) == (line, month) else u for m, u in enumerate(q)])
               for i, (p, q) in enumerate(lines)]
        planned_cut, rounded_cut = months_of(cut)
        if price > Decimal("0.01") * (rounded_cut + 2):  # the unit is worth more than any rounding
            assert unspread(ib, planned_cut, rounded_cut) > 0
