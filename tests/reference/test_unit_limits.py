"""D147, D148: a line cannot plan more days, working days or hours than the plan period holds (an error), and a line of
a session, course or euro whose amount alone is above P is a warning; both name the line (audit26 F5)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.reference.lines import PlanLine, line_from_offer
from generator.reference.params import Params
from generator.reference.rules import check_line_above_provisional, check_unit_limits, period_unit_limits
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date

START = dt.date(2023, 10, 1)  # six months to 31.03.2024: 183 calendar days
HOLIDAYS = (dt.date(2023, 11, 20), dt.date(2023, 12, 25), dt.date(2023, 12, 26), dt.date(2024, 1, 1))


def _line(unit: str, units: str, price: str = "10") -> PlanLine:
    return PlanLine(offer_id="x", label="Paraugs", unit=unit, units=Decimal(units), unit_price=Decimal(price))


def _codes(unit: str, units: str, holiday_years: frozenset[int] | None = None) -> list[str]:
    return [f.code for f in check_unit_limits([_line(unit, units)], START, 6, HOLIDAYS, holiday_years)]


def test_limits_come_from_the_period_and_the_holiday_list() -> None:
    # October 2023 – March 2024: 130 Monday–Friday days, four of them holidays
    assert period_unit_limits(START, 6, HOLIDAYS) == {"diennakts": 183, "stunda": 24 * 183, "darba-diena": 126}
    # a year the holiday list lacks: no working-day count (D62), the others stay
    assert period_unit_limits(START, 6, HOLIDAYS, frozenset({2023})) == {"diennakts": 183, "stunda": 4392}


@pytest.mark.parametrize(("unit", "limit"), [("diennakts", "183"), ("darba-diena", "126"), ("stunda", "4392")])
def test_one_unit_over_the_limit_is_an_error_and_the_limit_itself_is_not(unit: str, limit: str) -> None:
    assert _codes(unit, limit) == []
    assert _codes(unit, str(Decimal(limit) + Decimal("0.5"))) == ["units_above_period"]
    assert _codes(unit, "99999999999999") == ["units_above_period"]


def test_working_days_of_an_unlisted_year_are_not_checked() -> None:
    assert _codes("darba-diena", "180", frozenset({2023})) == []
    assert _codes("darba-diena", "180", frozenset({2023, 2024})) == ["units_above_period"]


@pytest.mark.parametrize("unit", ["reize", "kurss", "euro"])
def test_units_without_a_natural_limit_are_not_errors(unit: str) -> None:
    assert _codes(unit, "99999999999999") == []


def test_the_error_names_the_line_the_period_and_its_count() -> None:
    lines = [PlanLine(offer_id=None), _line("stunda", "99999999999999")]
    [finding] = check_unit_limits(lines, START, 6, HOLIDAYS)
    assert finding.lines == (1,)
    assert finding.message == (
        "2. rinda (Paraugs): daudzums periodā 99\u00a0999\u00a0999\u00a0999\u00a0999 pārsniedz to, kas plāna periodā "
        "(01.10.2023–31.03.2024) iespējams: stundu skaits (24 stundas katrā dienā) ir 4\u00a0392; pārbaudiet "
        "daudzumu 6.3. tabulā.")


@pytest.mark.parametrize("unit", ["reize", "kurss", "euro"])
def test_a_line_alone_above_p_is_a_warning_naming_it(unit: str) -> None:
    price = "1" if unit == "euro" else "30"
    over = _line(unit, "134", price)  # 4 020,00 EUR (euro: 134,00 EUR)
    p = Decimal("4000") if unit != "euro" else Decimal("133.99")
    [finding] = check_line_above_provisional([over], p)
    assert (finding.code, finding.severity.value, finding.lines) == ("line_above_provisional", "brīdinājums", (0,))
    assert finding.message.startswith("1. rinda (Paraugs): rindas summa ")
    assert check_line_above_provisional([over], p + Decimal("100000")) == []
    assert check_line_above_provisional([over], Decimal(0)) == []  # no P: its own error says why


@pytest.mark.parametrize("unit", ["diennakts", "darba-diena", "stunda"])
def test_limited_units_get_the_error_not_the_warning(unit: str) -> None:
    assert check_line_above_provisional([_line(unit, "1000000")], Decimal("4000")) == []


def test_audit26_pasted_count_counts_in_the_workbook(catalogue: Catalogue) -> None:
    """9 999 sessions: N is what it is, but the plan has a warning naming the line; the same count of hours is an
    error. 99 999 999 999 999 of either is above the plausible highest (D377): an invalid input, the line void."""
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    period = next(p for p in params.reporting_periods if p.start >= params.day)
    offers = {str(o.service.unit): o for o in catalogue.offers(params.day)}
    for units, unit, code, kind in (("9999", "reize", "line_above_provisional", "brīdinājums"),
                                    ("9999", "stunda", "units_above_period", "kļūda"),
                                    ("99999999999999", "reize", "units_above_max", "kļūda"),
                                    ("99999999999999", "stunda", "units_above_max", "kļūda")):
        offer = offers[unit]
        line = line_from_offer(offer, units, unit_price=Decimal("30"))
        inputs = WorkbookInputs(birth_date=dt.date(period.start.year - 8, 5, 5), period_start=period.start,
                                months=6, special_care=False, impairment=None, lines=(line,))
        result = evaluate_workbook(inputs, params)
        found = [(f.code, f.severity.value, f.lines) for f in result.findings if f.code == code]
        assert found == [(code, kind, (0,))], (units, unit)
        assert result.void_count == (1 if code == "units_above_max" else 0), (units, unit)


def test_every_catalogue_unit_is_limited_by_the_period_or_measured_against_p(catalogue: Catalogue) -> None:
    """review7 R7-5: no unit of catalogue/enums.yaml escapes both D147 and D148 unnoticed – each is in exactly one of
    the period-limited units and the units measured against P, and the period limits only the former."""
    from generator.reference.rules import PERIOD_LIMITED_UNITS, UNBOUNDED_UNITS

    ids = [u.id for u in catalogue.enums.units]
    for unit in ids:
        assert (unit in PERIOD_LIMITED_UNITS) != (unit in UNBOUNDED_UNITS), unit
    assert set(PERIOD_LIMITED_UNITS) | set(UNBOUNDED_UNITS) == set(ids)
    assert set(period_unit_limits(START, 6, HOLIDAYS)) == set(PERIOD_LIMITED_UNITS)
    # a month line (no service is priced so today) gets D148's warning like a session
    assert [f.code for f in check_line_above_provisional([_line("menesis", "7", "500")], Decimal(3000))] == \
        ["line_above_provisional"]
