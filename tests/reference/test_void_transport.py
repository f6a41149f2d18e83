"""D378: the transport share waits while a plan line is void (D332, D366). N, A and the share then leave that line out,
so the share is the smaller plan's: a sub-cent 6.8 price on a line that keeps the plan within its transport limit gave
two errors, the price and a transport share above the limit, and the papers asked for a justification that is not
needed once the price is typed in whole cents. Now the invalid input is the one error; once it is fixed, the share is
checked as before – an error again where the whole plan is above the limit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.reference.findings import Severity
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date

D = Decimal
TRANSPORT_CODES = ("transport_share",)
REASON = "Tuvākais speciālists ir 60 km attālumā."


@pytest.fixture(scope="module")
def day(catalogue: Catalogue) -> dt.date:
    return template_date(catalogue)


@pytest.fixture(scope="module")
def params(catalogue: Catalogue, day: dt.date) -> Params:
    params = Params.from_catalogue(catalogue, day)
    assert params.transport_limit_applies  # the limit binds the plans of this day's round (D287)
    return params


def _inputs(catalogue: Catalogue, day: dt.date, units: str, price: str, reason: str | None = None) -> WorkbookInputs:
    """20 sessions at 25,00 EUR, ``units`` sessions of 3.1.7i at ``price`` and 100 EUR of parent-paid transport (2.4):
    100 EUR is 16,7 % of N without the 3.1.7i line, 6,3 % with 30 sessions at 32,75 EUR. Its month plans whole
    sessions: half a session is one invalid input, in 6.3 only."""
    offers = {o.id: o for o in catalogue.offers(day)}
    lines = (line_from_offer(offers["3.1.3i"], 20, unit_price=D("25.00"), planned_units=(10, 10), expert_rank=1),
             line_from_offer(offers["3.1.7i"], D(units), unit_price=D(price), planned_units=(int(D(units)),),
                             expert_rank=2),
             line_from_offer(offers["2.4"], 100, unit_price=D(1), planned_units=(50, 50), expert_rank=3))
    return WorkbookInputs(birth_date=dt.date(2012, 5, 1), period_start=day, months=2, special_care=False,
                          impairment="multipli", lines=lines, base=D("3000.00"), transport_override=reason)


def _errors(inputs: WorkbookInputs, params: Params) -> list[str]:
    return [f.code for f in evaluate_workbook(inputs, params).findings if f.severity is Severity.error and f.counts]


def _transport(inputs: WorkbookInputs, params: Params) -> list[tuple[str, bool]]:
    return [(f.code, f.overridden) for f in evaluate_workbook(inputs, params).findings if f.code in TRANSPORT_CODES]


@pytest.mark.parametrize(("units", "price", "invalid"), [
    ("30", "32.745", "money_cents"),  # the audit's sub-cent 6.8 price (D87)
    ("30.5", "32.75", "whole_units"),  # half a session (D256)
], ids=["cena-centa-dalas", "vienibas-dala"])
def test_a_void_line_is_the_one_error_and_the_share_waits(catalogue: Catalogue, day: dt.date, params: Params,
                                                          units: str, price: str, invalid: str) -> None:
    void = _inputs(catalogue, day, units, price)
    result = evaluate_workbook(void, params)
    assert result.void_count == 1
    assert result.transport_share > params.transport_share_max  # the smaller plan's share is above the limit
    assert _errors(void, params) == [invalid]
    # a justification typed meanwhile is not recorded either: the share of the whole plan is not known yet
    assert _transport(_inputs(catalogue, day, units, price, REASON), params) == []
    fixed = _inputs(catalogue, day, "30", "32.75")
    fixed_result = evaluate_workbook(fixed, params)
    assert fixed_result.void_count == 0 and fixed_result.transport_share <= params.transport_share_max
    assert _errors(fixed, params) == []


def test_the_share_is_checked_again_once_the_line_is_fixed(catalogue: Catalogue, day: dt.date,
                                                           params: Params) -> None:
    """2 sessions at 32,745 EUR, then at 32,75 EUR: the whole plan is above the limit too, so the transport error
    returns with the fixed price (and is recorded as justified with the reason)."""
    assert _errors(_inputs(catalogue, day, "2", "32.745"), params) == ["money_cents"]
    fixed = _inputs(catalogue, day, "2", "32.75")
    assert evaluate_workbook(fixed, params).transport_share > params.transport_share_max
    assert _errors(fixed, params) == ["transport_share"]
    assert _transport(_inputs(catalogue, day, "2", "32.75", REASON), params) == [("transport_share", True)]
    assert _transport(_inputs(catalogue, day, "2", "32.745", REASON), params) == []
