"""One paste, one error in the reference too (D140, D298): a planned month (6.6) that is a day's serial (D286) or a
fraction of a unit counted whole (D256) is one invalid input; the rules it feeds – the months' sum against the period
units, the month's hours limit (D147), the day-care days (D11), delivered units above the plan so far, values after
the period and an ignored line's data – do not count it again, as the matrix does not (the LibreOffice proof:
tests/workbook/test_month_paste_one_error.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.reference.date_serials import DateSerials, day_serial
from generator.reference.lines import PlanLine
from generator.reference.rules import (
    check_day_services,
    check_execution,
    check_ignored_lines,
    check_month_unit_limits,
    check_monthly_units,
    invalid_planned,
)

START = dt.date(2027, 1, 1)
SERIALS = DateSerials(2017)
SERIAL = Decimal(day_serial(dt.date(2027, 1, 15)))  # the audit's date pasted into a month of hours
WHOLE = ("reize",)


def _line(unit: str, *months: str | Decimal, units: str = "20", offer: str | None = "x", day: str | None = None,
          delivered: tuple[str, ...] = ()) -> PlanLine:
    return PlanLine(offer_id=offer, label="Paraugs", unit=unit, units=Decimal(units) if offer else Decimal(0),
                    unit_price=Decimal("10"), planned_units=tuple(Decimal(m) for m in months),
                    delivered_units=tuple(Decimal(d) for d in delivered), day_service=day)


def _codes(lines: list[PlanLine], months: int = 2) -> list[str]:
    invalid = invalid_planned(lines, WHOLE, SERIALS)
    return [f.code for f in (*check_monthly_units(lines, months, invalid), *check_execution(lines, months, invalid),
                             *check_ignored_lines(lines, invalid),
                             *check_month_unit_limits(lines, START, months, invalid=invalid),
                             *check_day_services(lines, START, months, invalid=invalid))]


def test_the_cells_it_sees() -> None:
    lines = [_line("stunda", SERIAL, "10"), _line("reize", "2.5", "17.5"), _line("stunda", "2.5", "17.5")]
    assert invalid_planned(lines, WHOLE, SERIALS) == {(0, 1), (1, 1), (1, 2)}
    assert invalid_planned(lines, WHOLE, None) == {(1, 1), (1, 2)}


def test_a_serial_in_hours_is_no_sum_no_limit_no_delivery_rule() -> None:
    lines = [_line("stunda", SERIAL, "10", delivered=("5", "10"))]
    assert _codes(lines) == []
    # without the rule (every month valid) the same line breaks three: the proof the test can fail
    assert sorted(f.code for f in (*check_monthly_units(lines, 2), *check_month_unit_limits(lines, START, 2))) == [
        "monthly_units", "units_above_month"]


def test_a_valid_month_still_counts() -> None:
    # a second line without a paste keeps its rules: its sum does not add up, its hours are over January's 744
    lines = [_line("stunda", SERIAL, "10"), _line("stunda", "800", "10", units="20")]
    assert sorted(_codes(lines)) == ["monthly_units", "units_above_month"]


def test_after_the_period_and_an_ignored_line() -> None:
    assert _codes([_line("stunda", "20", "0", SERIAL)]) == []  # a serial in a month after the period
    assert _codes([_line("stunda", SERIAL, offer=None)]) == []  # an unused row
    assert _codes([_line("stunda", "20", "0", "3")]) == ["outside_period"]
    assert _codes([_line("stunda", "3", offer=None)]) == ["ignored_line_data"]


def test_day_care_days() -> None:
    lines = [_line("darba-diena", SERIAL, "0", day="day_care")]
    assert _codes(lines) == []
