"""The day-services rule's message agrees with its numbers: '21 darba diena', 'plānotas 22 dienas'."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.reference.lines import PlanLine
from generator.reference.monthly import working_days
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
