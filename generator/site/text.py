"""Latvian text for numbers on the site: the project's lvformat plus the few cases it does not cover.

Prices keep every decimal the catalogue gives (an hourly rate may have four), money never shows fewer
than two; a missing figure is said plainly instead of being shown as a number.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator import lvformat
from generator.money import to_decimal

NBSP = lvformat.NBSP
UNKNOWN_AMOUNT = "nav noteikta"


def _places(value: Decimal, minimum: int, maximum: int) -> int:
    exponent = value.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return max(minimum, min(decimals, maximum))


def eur(value: object) -> str:
    """12.5 -> '12,50 EUR'; 3.5714 -> '3,5714 EUR' (never rounds away the catalogue's decimals)."""
    if value is None:
        return UNKNOWN_AMOUNT
    amount = to_decimal(value)
    return f"{lvformat.number(amount, _places(amount, 2, 4))}{NBSP}EUR"


def number(value: object) -> str:
    """A number with a decimal comma and as many decimals as it has: 20 -> '20', 0.70 -> '0,7'."""
    if value is None:
        return UNKNOWN_AMOUNT
    amount = to_decimal(value)
    return lvformat.number(amount, _places(amount, 0, 6))


def percent(share: object, places: int | None = None) -> str:
    """0.1 -> '10 %', 0.125 -> '12,5 %'; with ``places`` the percentage is shown with that many decimals."""
    if share is None:
        return UNKNOWN_AMOUNT
    value = to_decimal(share) * 100
    return f"{lvformat.number(value, _places(value, 0, 4) if places is None else places)}{NBSP}%"


def integer(value: object) -> str:
    """An integer as text with grouped thousands: 714258 -> '714 258'. A fraction is an error."""
    amount = to_decimal(value)
    if amount != amount.to_integral_value():
        raise ValueError(f"{value} nav vesels skaitlis")
    return lvformat.number(amount, 0)


def date(day: dt.date) -> str:
    return lvformat.date(day)


def size(n_bytes: int) -> str:
    """A file size: 512 -> '512 B', 45_100 -> '44,0 KB', 3_500_000 -> '3,3 MB'."""
    if n_bytes < 1024:
        return f"{n_bytes}{NBSP}B"
    if n_bytes < 1024 * 1024:
        return f"{lvformat.number(Decimal(n_bytes) / 1024, 1)}{NBSP}KB"
    return f"{lvformat.number(Decimal(n_bytes) / (1024 * 1024), 1)}{NBSP}MB"


# Feminine locative of small cardinal numbers ("trijās atbalsta jomās"); larger numbers stay digits.
_FEMININE_LOCATIVE = {1: "vienā", 2: "divās", 3: "trijās", 4: "četrās", 5: "piecās", 6: "sešās", 7: "septiņās",
                      8: "astoņās", 9: "deviņās"}


def feminine_locative(n: int) -> str:
    """'trijās' for 3 (as in 'trijās atbalsta jomās'), digits from ten on."""
    return _FEMININE_LOCATIVE.get(int(n), str(int(n)))
