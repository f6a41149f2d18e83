"""The units a line's IB-funded EUR pays for, and how they spread over the plan's months (02, 03; D29).

The units: the whole line when the IB funds its whole cost; otherwise the most units, in steps of 0,01, whose
amount rounded to cents (as the reference rounds a funded part) does not exceed the funded EUR: rounded
down, never more units than the money covers.

The months: the funded units fill the plan's months in order (6.6), each month up to its planned units,
until they are used; the months after that get 0 (the IB money has run out, the rest is paid from other
sources). Their sum is always the funded units: when 6.6 plans fewer units than the line (a rule error, so
only in a draft) the last month takes what is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal

from generator.money import cents

STEP = Decimal("0.01")
ZERO = Decimal(0)


def funded_units(ib: Decimal, cost: Decimal, units: Decimal, unit_price: Decimal | None) -> Decimal | None:
    """The units ``ib`` EUR of a line pays for, or None when the line has no price (unknown)."""
    if not unit_price:
        return None
    if ib >= cost:
        return units
    found = (ib / unit_price).quantize(STEP, rounding=ROUND_DOWN)
    while found + STEP <= units and cents((found + STEP) * unit_price) <= ib:
        found += STEP
    return min(found, units)


def spread(funded: Decimal, planned: Sequence[Decimal]) -> list[Decimal]:
    """``funded`` units over the months whose planned units are ``planned``, earliest months first."""
    result: list[Decimal] = []
    left = funded
    for month in planned:
        take = min(month, left) if left > 0 else ZERO
        result.append(take)
        left -= take
    if left > 0 and result:
        result[-1] += left
    return result
