"""The holidays the law names for every year (holidays.yaml ``recurring``): fixed days and days counted from Easter
Sunday, which the computus gives for any year."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.catalogue.loader import load_or_raise
from generator.catalogue.models import RecurringHoliday, easter_sunday


@pytest.mark.parametrize("day", [dt.date(2018, 4, 1), dt.date(2019, 4, 21), dt.date(2020, 4, 12),
                                 dt.date(2021, 4, 4), dt.date(2024, 3, 31), dt.date(2025, 4, 20),
                                 dt.date(2026, 4, 5), dt.date(2027, 3, 28), dt.date(2038, 4, 25)])
def test_easter_sunday(day: dt.date) -> None:
    assert easter_sunday(day.year) == day


def test_every_catalogue_year_holds_the_recurring_days() -> None:
    holidays = load_or_raise().holidays
    assert holidays is not None and len(holidays.recurring) >= 10
    for year in holidays.years:
        listed = {d.date for d in year.days}
        assert {r.date_in(year.year) for r in holidays.recurring} <= listed, year.year
    good_friday = next(r for r in holidays.recurring if r.easter == -2)
    assert good_friday.date_in(2027) == dt.date(2027, 3, 26)


@pytest.mark.parametrize("fields", [{"name_lv": "x"}, {"name_lv": "x", "day": "23.06", "easter": 1}])
def test_a_recurring_day_has_exactly_one_rule(fields: dict) -> None:
    with pytest.raises(ValueError, match="jānorāda viens no laukiem"):
        RecurringHoliday(**fields)
