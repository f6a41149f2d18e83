"""How often a provider gives a line's IB-funded units: the "Biežums" cell of 02 and 03 (audit8 F11).

The units the IB pays for per month (funded.py, from the plan's 6.6) decide it: the same number in every
month of the plan gives "2 reizes mēnesī"; months that differ (or a month without units) give "pēc grafika",
and the monthly table of the same paper shows the schedule. So does a plan whose first month is a part month
(it starts after the 1st, D93): "8 stundas mēnesī" beside a column "15.–28.02.2019" would read as a rate for a
whole month (audit12). An IB share that is still a blank gives a blank.

The unit's Latvian word agrees with the number: singular after a whole number ending in 1 (but not 11),
nominative plural after other whole numbers, genitive singular after a decimal fraction ("2,5 stundas").
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

BY_SCHEDULE = "pēc grafika"

# unit id (catalogue/enums.yaml) -> (nominative singular, nominative plural, genitive singular)
FORMS: dict[str, tuple[str, str, str]] = {
    "reize": ("reize", "reizes", "reizes"),
    "stunda": ("stunda", "stundas", "stundas"),
    "diennakts": ("diennakts", "diennaktis", "diennakts"),
    "darba-diena": ("darba diena", "darba dienas", "darba dienas"),
    "kurss": ("kurss", "kursi", "kursa"),
    "menesis": ("mēnesis", "mēneši", "mēneša"),
    "euro": ("euro", "euro", "euro"),
}


def _value(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return None


def unit_word(unit_id: str, count: Decimal) -> str | None:
    """The unit's word after ``count``, or None for a unit without known forms."""
    forms = FORMS.get(unit_id)
    if forms is None:
        return None
    if count != count.to_integral_value():
        return forms[2]
    whole = int(count)
    return forms[0] if whole % 10 == 1 and whole % 100 != 11 else forms[1]


def frequency(unit_id: str, months: Sequence[str], blank: str, part_month: bool = False) -> str:
    """``months``: the IB-funded units of each plan month as printed ("2", "2,5") or ``blank`` when unknown;
    ``part_month``: the plan's first month is not a whole calendar month."""
    if not months or any(m == blank for m in months):
        return blank if months else ""
    values = [_value(m) for m in months]
    first = values[0]
    if part_month or first is None or first <= 0 or any(v != first for v in values):
        return BY_SCHEDULE
    word = unit_word(unit_id, first)
    if word is None:
        return BY_SCHEDULE
    if unit_id == "menesis" and first == 1:
        return "katru mēnesi"
    return f"{months[0]} {word} mēnesī"
