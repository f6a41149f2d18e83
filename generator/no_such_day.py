"""A date typed in the right form that names no calendar day (31.02.2019, 2021-02-31, 2018-13-01): said so in
Latvian, with the month's length, instead of "not a date" – the form was right, the day is wrong (audit27 F8)."""

from __future__ import annotations

import calendar
import re

from generator.lvformat import MONTHS_IN, agree

ISO, LV = "%Y-%m-%d", "%d.%m.%Y"  # the forms as strftime names them (click.DateTime's formats)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_LV = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")


def no_such_day(text: object, formats: tuple[str, ...] = (ISO, LV), quoted: bool = False) -> str | None:
    """"31.02.2019 – tāda datuma nav (2019. gada februārī ir 28 dienas)" for a text of one of ``formats``
    (GGGG-MM-DD, DD.MM.GGGG) whose day does not exist; None for a real day and for any other text. ``quoted``:
    the text in Latvian quotes (a command-line value)."""
    if not isinstance(text, str):
        return None
    value = text.strip()
    if ISO in formats and (match := _ISO.match(value)):
        year, month, day = (int(part) for part in match.groups())
    elif LV in formats and (match := _LV.match(value)):
        day, month, year = (int(part) for part in match.groups())
    else:
        return None
    if quoted:
        value = f"„{value}”"
    if not 1 <= month <= 12:
        return f"{value} – tāda datuma nav (mēnesis var būt no 01 līdz 12)"
    if year < 1:
        return f"{value} – tāda datuma nav (gads {year:04d})"
    days = calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        return None
    return f"{value} – tāda datuma nav ({year}. gada {MONTHS_IN[month - 1]} ir {days} {agree(days, 'diena', 'dienas')})"
