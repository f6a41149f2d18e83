"""D377: a plan line's period units (6.3) and a month's planned units (6.6) above the catalogue's plausible highest
(Params.amount_max, as 6.10's delivered units, D365) are an invalid input: one error naming its cell; period units
make the line void (D332, D366) – no sum, out of N – and a planned month is skipped by the rules it feeds (D298)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import number as lv_number
from generator.reference.findings import Severity
from generator.reference.inputs import check_units_max
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook, void_lines

D = Decimal
START = dt.date(2018, 10, 1)


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, START)


def _session(catalogue: Catalogue):  # noqa: ANN202 - an Offer
    """A market service counted in whole sessions („reize”) without a price ceiling: no other rule bounds its units."""
    return next(o for o in catalogue.offers(START) if o.service.regime.value == "market" and o.ceiling is None
                and not o.transport and str(o.service.unit) == "reize")


def _inputs(catalogue: Catalogue, units: Decimal, planned: Decimal) -> WorkbookInputs:
    line = line_from_offer(_session(catalogue), units, unit_price=D(30), expert_rank=1, planned_units=[planned])
    return WorkbookInputs(birth_date=dt.date(2010, 5, 5), period_start=START, months=1, special_care=False,
                          impairment=None, lines=(line,), base=D(1000))


def _errors(result) -> list:  # noqa: ANN001
    return [f for f in result.findings if f.severity is Severity.error]


def test_the_audit_case_is_one_error_and_a_void_line(catalogue: Catalogue, params: Params) -> None:
    """99 999 999 999 sessions at 30 EUR were N 2 999 999 999 970,00 EUR with no error, only D148's warning."""
    assert params.amount_max is not None
    typed = D(99999999999)
    inputs = _inputs(catalogue, typed, D(10))  # a void line's 6.6 cell is its own input (here valid)
    bad = evaluate_workbook(inputs, params)
    assert [f.code for f in _errors(bad)] == ["units_above_max"], [f.message for f in _errors(bad)]
    (found,) = _errors(bad)
    highest = lv_number(params.amount_max, 0)
    assert found.lines == (0,) and found.month is None
    assert (f"1. rinda ({inputs.lines[0].label or inputs.lines[0].offer_id}): daudzumam periodā (6.3. tabulā) "
            f"jābūt skaitlim līdz {highest} (lielāks nav ticams), ievadīts 99999999999.") == found.message
    assert void_lines(inputs.lines, params) == {0} and bad.void_count == 1
    assert bad.needed == 0 and bad.line_cost == (None,) and bad.line_ib == (None,)
    assert "line_above_provisional" not in {f.code for f in bad.findings}  # no sum, so no line above P either


def test_above_the_highest_before_a_fraction(catalogue: Catalogue, params: Params) -> None:
    """One paste, one error: a fraction of a session above the highest is said as above it, not as a fraction."""
    assert params.amount_max is not None
    bad = evaluate_workbook(_inputs(catalogue, params.amount_max + D("0.5"), D(10)), params)
    assert [f.code for f in _errors(bad)] == ["units_above_max"]


def test_the_highest_itself_is_plausible(catalogue: Catalogue, params: Params) -> None:
    """(100 000 is also a day's serial, D286, said as such: here without the serials.)"""
    assert params.amount_max is not None
    own = params.replace(date_serials=None)
    at = evaluate_workbook(_inputs(catalogue, params.amount_max, params.amount_max), own)  # one month: the sum holds
    assert not _errors(at) and at.void_count == 0 and at.needed == params.amount_max * 30


def test_a_planned_month_above_the_highest_is_one_error(catalogue: Catalogue, params: Params) -> None:
    """6.6: the month's cell alone – not the months' sum against 6.3 too (D298); 6.7 shows no amount of it; the line
    keeps its sum (its period units are valid)."""
    bad = evaluate_workbook(_inputs(catalogue, D(10), D("1E11")), params)
    assert [f.code for f in _errors(bad)] == ["planned_above_max"], [f.message for f in _errors(bad)]
    (found,) = _errors(bad)
    assert found.month == 1 and found.lines == (0,)
    assert "1. mēneša plānotajām vienībām (6.6. tabulā) jābūt skaitlim līdz " in found.message
    assert found.message.endswith(", ievadīts 100000000000.")
    assert bad.monthly_amounts == ((None,),) and bad.line_cost == (D(300),) and bad.void_count == 0


def test_without_a_highest_nothing_is_checked(catalogue: Catalogue, params: Params) -> None:
    inputs = _inputs(catalogue, D("1E11"), D("1E11"))
    assert check_units_max(inputs.lines, None) == []
    own = params.replace(amount_max=None)
    assert not _errors(evaluate_workbook(inputs, own))
