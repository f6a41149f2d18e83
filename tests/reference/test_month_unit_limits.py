"""D147 per month: a month of the plan cannot hold more nights (``diennakts``) than its calendar days inside the plan
period, nor more hours (``stunda``) than 24 of each of them; the period's limit alone let 30 nights in a February
of a longer period through, and the signed 6.6, the provider's contract and `ibm collect` paid them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.reference.lines import PlanLine
from generator.reference.rules import check_month_unit_limits, month_unit_limits

FEBRUARY = dt.date(2027, 2, 1)  # three months: February 2027 has 28 days
PART = dt.date(2027, 2, 16)  # a first month from the 16th: 13 days of February in the plan (D93)


def _line(unit: str, *months: str, units: str | None = None) -> PlanLine:
    planned = tuple(Decimal(m) for m in months)
    total = Decimal(units) if units is not None else sum(planned, Decimal(0))
    return PlanLine(offer_id="x", label="Paraugs", unit=unit, units=total, unit_price=Decimal("10"),
                    planned_units=planned)


def _months(line: PlanLine, start: dt.date = FEBRUARY, months: int = 3) -> list[int | None]:
    return [f.month for f in check_month_unit_limits([line], start, months)]


def test_a_month_holds_its_days_inside_the_period() -> None:
    assert month_unit_limits(FEBRUARY, 3, 1) == {"diennakts": 28, "stunda": 672}
    assert month_unit_limits(FEBRUARY, 3, 2) == {"diennakts": 31, "stunda": 744}
    assert month_unit_limits(PART, 3, 1) == {"diennakts": 13, "stunda": 312}
    assert month_unit_limits(PART, 3, 3) == {"diennakts": 30, "stunda": 720}  # April, the period's last month


@pytest.mark.parametrize(("unit", "limit"), [("diennakts", "28"), ("stunda", "672")])
def test_one_unit_over_the_month_is_an_error_and_the_month_itself_is_not(unit: str, limit: str) -> None:
    assert _months(_line(unit, limit, "1", "1")) == []
    assert _months(_line(unit, str(Decimal(limit) + 1), "1", "1")) == [1]
    assert _months(_line(unit, "0", "0", "99999")) == [3]


def test_a_part_first_month_counts_from_the_period_s_first_day() -> None:
    assert _months(_line("diennakts", "13", "31", "30"), PART) == []
    assert _months(_line("diennakts", "14", "31", "30"), PART) == [1]
    assert _months(_line("stunda", "313", "0", "0"), PART) == [1]


@pytest.mark.parametrize("unit", ["darba-diena", "reize", "kurss", "menesis", "euro"])
def test_other_units_are_not_limited_by_the_month(unit: str) -> None:
    assert _months(_line(unit, "700", "700", "700")) == []


def test_an_uncounted_line_and_a_month_after_the_period_are_left_to_their_own_checks() -> None:
    assert _months(_line("diennakts", "30", "0", "0", units="0")) == []  # not counted: ignored_line_data
    assert _months(_line("diennakts", "0", "0", "0", "40"), months=3) == []  # outside_period says it


def test_the_error_names_the_line_the_month_and_its_count() -> None:
    lines = [PlanLine(offer_id=None), _line("diennakts", "30", "4", "0")]
    [finding] = check_month_unit_limits(lines, FEBRUARY, 3)
    assert (finding.code, finding.severity.value, finding.lines, finding.month) == (
        "units_above_month", "kļūda", (1,), 1)
    assert finding.message == (
        "2. rinda (Paraugs): 1. mēnesī (02.2027) plānotais daudzums 30 pārsniedz to, kas šajā mēnesī iespējams: "
        "kalendāra dienu skaits ir 28; pārbaudiet daudzumu 6.6. tabulā.")
    [part] = check_month_unit_limits([_line("stunda", "700", "0", "0")], PART, 3)
    assert part.message == (
        "1. rinda (Paraugs): 1. mēnesī (02.2027) plānotais daudzums 700 pārsniedz to, kas plāna periodā šajā mēnesī "
        "(16.02.2027–28.02.2027) iespējams: stundu skaits (24 stundas katrā dienā) ir 312; pārbaudiet daudzumu "
        "6.6. tabulā.")


def test_the_findings_come_in_plan_line_order_each_line_s_months_in_order() -> None:
    """D375: the first finding is the cell 6.11's „Kur redzams” names first (the matrix searches 6.6 row by row):
    line 1's March before line 2's February."""
    lines = [_line("diennakts", "1", "1", "31"), _line("stunda", "700", "1", "1"), _line("diennakts", "29", "1", "31")]
    found = check_month_unit_limits(lines, FEBRUARY, 3)
    assert [(f.lines, f.month) for f in found] == [((0,), 3), ((1,), 1), ((2,), 1), ((2,), 3)]
