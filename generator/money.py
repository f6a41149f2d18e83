"""Money arithmetic: Decimal, rounded half away from zero to cents, exactly as spreadsheet ROUND does."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def to_decimal(value: object) -> Decimal:
    """A Decimal from an int, str, Decimal or float (a float goes through its 15 significant digits,
    as a spreadsheet stores it, so 179.37499999999997 becomes 179.375)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(format(value, ".15g"))
    return Decimal(str(value))


def xround(value: object, places: int = 2) -> Decimal:
    """ROUND(value, places) as Excel and LibreOffice compute it: half away from zero."""
    quantum = Decimal(1).scaleb(-places)
    return to_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)


def cents(value: object) -> Decimal:
    """Round to cents (ROUND(x, 2))."""
    return xround(value, 2)
