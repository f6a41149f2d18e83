"""How numbers and dates look to a Latvian reader: 1 234,56 EUR and DD.MM.YYYY."""

from __future__ import annotations

import datetime as dt

from generator.money import to_decimal, xround

NBSP = "\u00a0"


def number(value: object, places: int = 2) -> str:
    """1234.5 -> '1 234,50' (thin grouping with a no-break space, decimal comma)."""
    amount = to_decimal(value)
    amount = xround(amount, places)
    sign = "-" if amount < 0 else ""
    whole, _, frac = f"{abs(amount):.{places}f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = NBSP.join(groups) or "0"
    return f"{sign}{text},{frac}" if places else f"{sign}{text}"


def eur(value: object) -> str:
    """1234.5 -> '1 234,50 EUR'."""
    return f"{number(value)}{NBSP}EUR"


def percent(share: object, places: int = 0) -> str:
    """0.1 -> '10 %'."""
    return f"{number(to_decimal(share) * 100, places)}{NBSP}%"


def date(day: dt.date) -> str:
    """DD.MM.YYYY."""
    return f"{day:%d.%m.%Y}"
