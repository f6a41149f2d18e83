"""The units a line's IB-funded EUR pays for and their spread over the plan's months (from_matrix/funded.py)."""

from __future__ import annotations

from decimal import Decimal as D

from generator.documents.from_matrix.funded import funded_units, spread
from generator.money import cents


def test_funded_units_never_exceed_what_the_money_pays_and_lose_no_unit_to_cent_rounding() -> None:
    price = D("1.3337")
    # the reference funds 3 of 5 units: ROUND(3 × 1,3337; 2) = 4,00 EUR, a little less than 3 × price
    ib = cents(3 * price)
    assert ib == D("4.00") and ib / price < 3
    assert funded_units(ib, cents(5 * price), D(5), price) == D(3)
    assert cents(funded_units(D("2.66"), cents(5 * price), D(5), price) * price) <= D("2.66")
    assert funded_units(D("2.66"), cents(5 * price), D(5), price) == D("1.99")
    # the whole cost funded: every unit of the line, whatever the rounding of its cost
    assert funded_units(cents(3 * price), cents(3 * price), D(3), price) == D(3)
    assert funded_units(D(0), D(40), D(2), D(20)) == D(0)
    assert funded_units(D(0), D(0), D(2), None) is None


def test_funded_units_fill_the_months_in_order() -> None:
    assert spread(D(7), [D(5), D(5), D(5)]) == [D(5), D(2), D(0)]
    assert spread(D("2.5"), [D(0), D(4), D(1)]) == [D(0), D("2.5"), D(0)]
    assert spread(D(10), [D(5), D(5)]) == [D(5), D(5)]
    assert spread(D(0), [D(5), D(5)]) == [D(0), D(0)]
    # 6.6 plans fewer units than 6.3 (a rule error: only a draft gets here): the last month takes the rest
    assert spread(D(12), [D(5), D(5)]) == [D(5), D(7)]
    for funded, planned in ((D(3), [D(1), D(1), D(4)]), (D("6.75"), [D(2), D(3), D(2)])):
        assert sum(spread(funded, planned)) == funded
