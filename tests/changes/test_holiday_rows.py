"""The holiday table of `ibm changes` (audit39 F9): a holiday on a Saturday or Sunday does not change the month's
working days, and a day of a year that was not in the older catalogue says so rather than „nav svētku diena”."""

from __future__ import annotations

import datetime as dt

from generator.catalogue.loader import load_or_raise
from generator.catalogue.models import Holiday, HolidayYear
from generator.changes.calendar import holiday_changes
from generator.changes.report import _holiday_table


def test_a_new_year_and_a_weekend_holiday() -> None:
    old, new = load_or_raise(), load_or_raise()
    year = max(y.year for y in old.holidays.years) + 1
    weekday = next(dt.date(year, 5, d) for d in range(1, 8) if dt.date(year, 5, d).weekday() == 1)  # a Tuesday
    sunday = next(dt.date(year, 5, d) for d in range(8, 15) if dt.date(year, 5, d).weekday() == 6)
    new.holidays.years.append(HolidayYear(year=year, days=[Holiday(date=weekday, name_lv="Testa diena"),
                                                           Holiday(date=sunday, name_lv="Testa svētdiena")]))
    changes, notes = holiday_changes(old, new)
    assert notes == [f"Pievienots {year}. gads."]
    rows = {c.day: c for c in changes}
    assert rows[sunday].effect == "iekrīt svētdienā – darba dienu skaitu nemaina", rows[sunday]
    assert "→" not in rows[weekday].effect and "iepriekš šī gada svētku dienu katalogā nebija" in rows[weekday].effect
    table = "\n".join(_holiday_table(changes))
    assert "nav svētku diena" not in table and table.count("| gada katalogā nebija |") == 2, table
