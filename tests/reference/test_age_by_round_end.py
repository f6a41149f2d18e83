"""D110: a child under 18 on the check date who turns 18 on or before the last day of the round the plan starts in
is not eligible – one error, P = 0, as for a child already 18 on the check date; the day after the round's end is
eligible."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.reference.findings import Severity
from generator.reference.params import Params
from generator.reference.provisional import of_age_by_round_end
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date
from tests.reference.round_age import edge_births, last_period


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, template_date(catalogue))


def _inputs(params: Params, birth: dt.date) -> WorkbookInputs:
    return WorkbookInputs(birth_date=birth, period_start=last_period(params).start, months=2, special_care=False,
                          impairment="multipli", lines=(), base=Decimal("3000.00"))


def test_periods_carry_their_rounds_last_day(catalogue: Catalogue, params: Params) -> None:
    ends = {r.id: r.end for r in catalogue.rounds_of(Pilot.children)}
    assert params.reporting_periods and all(p.round_end == ends[p.round_id] for p in params.reporting_periods)
    assert all(p.round_end > p.end for p in params.reporting_periods if p == last_period(params))


def test_coming_of_age_on_the_rounds_last_day_is_an_error(params: Params) -> None:
    limit, end = params.eligibility_age_limit, last_period(params).round_end
    result = evaluate_workbook(_inputs(params, edge_births(params)["on_end"]), params)
    assert result.age == limit - 1  # the check date still takes the age (D1)
    # the only warning: B typed as the catalogue's while that one is unconfirmed (D257, audit33b F2)
    others = [f for f in result.findings if f.severity is Severity.warning and f.code != "base_differs"]
    assert result.rate == 0 and result.provisional == 0 and result.errors == 1 and others == []
    (finding,) = [f for f in result.findings if f.code == "not_eligible"]
    assert finding.message == (f"Bērns nav tiesīgs saņemt IB: bērnam līdz kārtas pēdējai dienai "
                               f"{end:%d.%m.%Y} aprit {limit} gadi; IB pienākas tikai bērnam, kuram kārtas pēdējā "
                               f"dienā vēl nav {limit} gadu")


def test_coming_of_age_the_day_after_the_round_is_eligible(params: Params) -> None:
    result = evaluate_workbook(_inputs(params, edge_births(params)["after_end"]), params)
    assert result.age == params.eligibility_age_limit - 1 and result.errors == 0
    assert result.rate == params.rate_reduced and result.provisional == params.rate_reduced * 3000


def test_already_of_age_keeps_the_check_dates_message(params: Params) -> None:
    result = evaluate_workbook(_inputs(params, edge_births(params)["already"]), params)
    (finding,) = [f for f in result.findings if f.code == "not_eligible"]
    assert result.errors == 1 and result.provisional == 0 and result.age == params.eligibility_age_limit
    assert "pārskata perioda sākumā ir" in finding.message and "kārtas pēdējai dienai" not in finding.message


def test_without_the_rounds_last_day_the_check_date_decides(params: Params) -> None:
    unknown = params.replace(reporting_periods=tuple(dataclasses.replace(p, round_end=None)
                                                     for p in params.reporting_periods))
    assert evaluate_workbook(_inputs(unknown, edge_births(params)["on_end"]), unknown).errors == 0
    assert of_age_by_round_end(dt.date(2001, 10, 31), None, 18) is None
    assert of_age_by_round_end(dt.date(2001, 11, 1), dt.date(2019, 10, 31), 18) is None
    assert of_age_by_round_end(dt.date(2001, 10, 31), dt.date(2019, 10, 31), 18) is not None
