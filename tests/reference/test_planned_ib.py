"""The plan's IB part spread over its months (D123): exact sum, never above a month's plan, within a cent."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    amount = min(ib, total)
    assert len(shares) == len(planned)
    assert sum(shares, Decimal(0)) == amount
    assert unspread(ib, planned) == ib - amount  # what no month takes is accounted for, never lost (D123)
    assert all(s == s.quantize(CENT) and Decimal(0) <= s <= p for s, p in zip(shares, planned, strict=True))
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
