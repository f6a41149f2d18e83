"""The headings of a plan's month columns: the matrix's 6.6, 6.7 and 6.10 and a child's papers (01 annex 3, the
monthly tables of 02 and 03) head the same month alike (D93)."""

from __future__ import annotations

import datetime as dt

from generator.reference.rounds import end_of_month


def first_month_days(start: dt.date) -> str:
    """The days of the first month a plan that starts on ``start`` holds, when it enters that month after its 1st:
    "16.–30." ("30." when it starts on the month's last day); "" from the 1st (a whole month)."""
    if start.day == 1:
        return ""
    last = end_of_month(start)
    return f"{start.day:02d}." if start == last else f"{start.day:02d}.–{last.day:02d}."


def month_labels(start: dt.date, months: int) -> list[str]:
    """"MM.GGGG" for each calendar month of a plan that starts on ``start`` (its months are calendar months,
    D93). A first month the plan enters after its 1st is headed with the days it holds ("15.–28.02.2019"), so
    that no provider reads it as a whole month (audit10 F13, audit13 F13, D93)."""
    labels = [f"{end_of_month(start, k):%m.%Y}" for k in range(months)]
    if labels:
        labels[0] = first_month_days(start) + labels[0]
    return labels
