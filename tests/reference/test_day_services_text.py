"""The day-services rule's message agrees with its numbers: '21 darba diena', 'plānotas 22 dienas'."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.reference.lines import PlanLine
from generator.reference.monthly import period_working_days, working_days
from generator.reference.rounds import plan_end as period_end
from generator.reference.rules import check_day_services


def _month_with(days: int) -> dt.date:
    day = dt.date(2021, 1, 1)
    while working_days(day.year, day.month, ()) != days:
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return day


def _message(start: dt.date, planned: str) -> str:
    line = PlanLine(offer_id="9.1", units=Decimal(planned), unit_price=Decimal("10"), day_service="day_care",
                    planned_units=(Decimal(planned),))
    [finding] = check_day_services([line], start, 1)
    return finding.message


def test_singular_after_21_and_plural_after_22() -> None:
    text = _message(_month_with(21), "22")
    assert "plānotas 22 dienas, bet mēnesī ir tikai 21 darba diena (svētku dienas neskaitot)." in text
    text = _message(_month_with(22), "31")
    assert "plānota 31 diena, bet mēnesī ir tikai 22 darba dienas" in text
    assert "plānotas 23,50 dienas" in _message(_month_with(22), "23.5")


def _june_2019(planned: str, start: dt.date, months: int = 2) -> list:
    """A plan from ``start`` with ``planned`` day-care days in June 2019 (24.06 a holiday) and none later."""
    line = PlanLine(offer_id="3.6", units=Decimal(planned), unit_price=Decimal("10"), day_service="day_care",
                    planned_units=(Decimal(planned), Decimal(0)))
    return check_day_services([line], start, months, holidays=(dt.date(2019, 6, 24),))


def test_a_mid_month_start_counts_only_the_working_days_inside_the_period() -> None:
    """12.06.–30.06.2019 has 12 working days (24.06 a holiday), not June's 19 (audit9 F3, D93)."""
    start = dt.date(2019, 6, 12)
    assert period_working_days(start, 2, 1, (dt.date(2019, 6, 24),)) == 12
    assert period_working_days(start, 2, 2, (dt.date(2019, 6, 24),)) == 23
    assert period_working_days(dt.date(2019, 6, 1), 2, 1, (dt.date(2019, 6, 24),)) == 19
    [finding] = _june_2019("14", start)
    assert finding.month == 1
    assert finding.message == ("2019. gada jūnijā dienas aprūpes centrā un specializētajā darbnīcā plānotas 14 dienas, "
                               "bet plāna periodā šajā mēnesī (12.06.2019–30.06.2019) ir tikai 12 darba dienas "
                               "(svētku dienas neskaitot).")
    assert _june_2019("12", start) == []
    assert _june_2019("14", dt.date(2019, 6, 1)) == []  # the whole month: 19


def test_period_end_is_the_last_day_of_the_last_calendar_month() -> None:
    """D93: 12.06.2019 × 2 months ends on 31.07.2019 (the workbook's Perioda_Beigas)."""
    assert period_end(dt.date(2019, 6, 12), 2) == dt.date(2019, 7, 31)
    assert period_end(dt.date(2019, 11, 1), 6) == dt.date(2020, 4, 30)
