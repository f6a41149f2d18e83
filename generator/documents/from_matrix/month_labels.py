"""The headings of a plan's month columns in a child's papers (01 annex 3, the monthly tables of 02 and 03)."""

from __future__ import annotations

import datetime as dt

from generator import lvformat
from generator.reference.rounds import end_of_month


def month_labels(start: dt.date, months: int) -> list[str]:
    """"MM.GGGG" for each calendar month of a plan that starts on ``start`` (its months are calendar months,
    D93). A first month the plan enters after its 1st is headed with the days it holds ("15.–28.02.2019"), so
    that no provider reads it as a whole month (audit10 F13, D93)."""
    labels = [f"{end_of_month(start, k):%m.%Y}" for k in range(months)]
    if labels and start.day > 1:
        last = end_of_month(start)
        labels[0] = lvformat.date(start) if start == last else f"{start.day:02d}.–{lvformat.date(last)}"
    return labels
