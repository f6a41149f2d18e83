"""One paste, one error in the reference for 6.10 too (D298, D304): a month's delivered units that are a day's serial
(D286) or a fraction of a unit counted whole (D256), and a payment that is a day's serial or has more than two decimals
(D87), are one invalid input each; the rules they feed – delivered units above the plan so far, paid above what the
delivered units cost, values after the period and an ignored line's data – do not count them again, as the matrix does
not (the LibreOffice proof: tests/workbook/test_execution_paste_one_error.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.reference.date_serials import DateSerials, day_serial
from generator.reference.lines import PlanLine
from generator.reference.rules import (
    check_execution,
    check_ignored_lines,
    check_monthly_units,
    invalid_execution,
    invalid_planned,
)

SERIALS = DateSerials(2017)
SERIAL = Decimal(day_serial(dt.date(2027, 1, 15)))
WHOLE = ("reize",)


def _line(delivered: tuple[object, ...], paid: tuple[object, ...], months: tuple[str, ...] = ("4", "6"),
          unit: str = "reize", offer: str | None = "x") -> PlanLine:
    return PlanLine(offer_id=offer, label="Paraugs", unit=unit, units=Decimal(10) if offer else Decimal(0),
                    unit_price=Decimal("10"), planned_units=tuple(Decimal(m) for m in months),
                    delivered_units=tuple(Decimal(str(d)) for d in delivered), paid=tuple(Decimal(str(p)) for p in paid))


def _codes(lines: list[PlanLine], months: int = 2, *, rule: bool = True) -> list[str]:
    planned = invalid_planned(lines, WHOLE, SERIALS)
    executed = invalid_execution(lines, WHOLE, SERIALS) if rule else ()
    return sorted(f.code for f in (*check_monthly_units(lines, months, planned, executed),
                                   *check_execution(lines, months, planned, executed),
                                   *check_ignored_lines(lines, planned, executed)))


def test_the_cells_it_sees() -> None:
    lines = [_line((SERIAL, "2.5"), ("40.004", SERIAL)), _line(("2.5",), ("25",), unit="stunda")]
    assert invalid_execution(lines, WHOLE, SERIALS) == {("delivered_units", 0, 1), ("delivered_units", 0, 2),
                                                        ("paid", 0, 1), ("paid", 0, 2)}
    assert invalid_execution(lines, WHOLE, None) == {("delivered_units", 0, 2), ("paid", 0, 1)}


def test_a_delivered_serial_is_no_delivery_and_no_payment_rule() -> None:
    lines = [_line((SERIAL, "0"), ("40", "0"))]
    assert _codes(lines) == []
    assert _codes(lines, rule=False) == ["delivered_above_plan"]  # without the rule: the proof the test can fail


def test_a_fraction_delivered_is_no_payment_rule() -> None:
    lines = [_line(("3.5", "0"), ("40", "0"))]  # 4 sessions paid, 3,5 typed: the payment is not measured against it
    assert _codes(lines) == []
    assert _codes(lines, rule=False) == ["paid_above_delivered"]


def test_a_subcent_or_serial_payment_is_no_payment_rule() -> None:
    assert _codes([_line(("4", "0"), ("40.004", "0"))]) == []
    assert _codes([_line(("4", "0"), ("40.004", "0"))], rule=False) == ["paid_above_delivered"]
    assert _codes([_line(("4", "0"), (SERIAL, "0"))]) == []


def test_valid_values_still_count() -> None:
    # the second line has no paste: its payment above its delivered units is still an error
    lines = [_line((SERIAL, "0"), ("40", "0")), _line(("4", "0"), ("50", "0"))]
    assert _codes(lines) == ["paid_above_delivered"]
    # a valid delivery is still checked where only the payment is invalid
    assert _codes([_line(("5", "0"), (SERIAL, "0"))]) == ["delivered_above_plan"]


def test_after_the_period_and_an_ignored_line() -> None:
    assert _codes([_line(("4", "0", SERIAL), ("40",))]) == []  # a serial delivered after the period
    assert _codes([_line(("4",), ("40", "0", "10.005"))]) == []  # a sub-cent payment after the period
    assert _codes([_line(("4",), ("40", "0", "10"))]) == ["outside_period"]
    assert _codes([_line((SERIAL,), (), (), offer=None)]) == []  # an unused row
    assert _codes([_line(("3",), (), (), offer=None)]) == ["ignored_line_data"]
