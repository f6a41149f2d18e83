"""The month headings the matrix (6.6, 6.7, 6.10) and a child's papers share (D93, audit13 F13)."""

from __future__ import annotations

import datetime as dt

from generator.reference.month_labels import first_month_days, month_labels


def test_first_month_days() -> None:
    assert first_month_days(dt.date(2019, 4, 1)) == ""  # a whole month
    assert first_month_days(dt.date(2019, 4, 16)) == "16.–30."
    assert first_month_days(dt.date(2020, 2, 3)) == "03.–29."  # a leap year's February
    assert first_month_days(dt.date(2019, 4, 30)) == "30."  # the month's last day only


def test_labels_are_the_days_and_the_month() -> None:
    assert month_labels(dt.date(2019, 4, 16), 3) == ["16.–30.04.2019", "05.2019", "06.2019"]
    assert month_labels(dt.date(2018, 11, 30), 2) == ["30.11.2018", "12.2018"]
    assert month_labels(dt.date(2018, 12, 1), 2) == ["12.2018", "01.2019"]
