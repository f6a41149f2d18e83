"""Money rounds like spreadsheet ROUND; Latvian formatting of amounts and dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.lvformat import date, eur, number, percent
from generator.money import cents, to_decimal, xround


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (350.625, "350.63"),  # Python's round() gives 350.62
        (7 * 12.5 * 2.05, "179.38"),  # binary 179.37499999999997, a spreadsheet shows 179.38
        (Decimal("2.675"), "2.68"),
        (Decimal("-2.675"), "-2.68"),  # half away from zero
        ("0.005", "0.01"),
        (1, "1.00"),
    ],
)
def test_cents_match_spreadsheet_round(value: object, expected: str) -> None:
    assert cents(value) == Decimal(expected)


def test_xround_other_places() -> None:
    assert xround("0.12345", 4) == Decimal("0.1235")
    assert xround("2.5", 0) == Decimal("3")
    assert to_decimal(0.1) == Decimal("0.1")


def test_latvian_formats() -> None:
    assert eur(Decimal("1234.5")) == "1\u00a0234,50\u00a0EUR"
    assert eur(0) == "0,00\u00a0EUR"
    assert number(Decimal("1234567.891")) == "1\u00a0234\u00a0567,89"
    assert percent(Decimal("0.1")) == "10\u00a0%"
    assert date(dt.date(2019, 3, 9)) == "09.03.2019"
