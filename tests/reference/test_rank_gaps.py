"""A rank is a place in a priority order and nothing more (D154, review8 R8-1): it is not bounded by the number of
lines it orders. Gaps (a parent dropped one of three ranked services: 1 and 3 are left), ties, one line in an area and
a rank above the count are no error; such a rank only puts its line after the others, as a gap does."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.reference.lines import PlanLine, line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, check_input_values, evaluate_workbook
from generator.workbook.writer import template_date
from tests.reference.round_age import last_period


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, template_date(catalogue))


def _plan(catalogue: Catalogue, params: Params, ranks: list[tuple[str, int, int | None, int | None]]) -> WorkbookInputs:
    """One line per (offer id, units, expert rank, parent rank), a 10 EUR price, in one reporting period."""
    offers = {o.id: o for o in catalogue.offers(params.day)}
    lines = tuple(line_from_offer(offers[oid], Decimal(units), unit_price=Decimal(10), expert_rank=expert,
                                  parent_rank=parent, planned_units=[Decimal(units)])
                  for oid, units, expert, parent in ranks)
    period = last_period(params)
    return WorkbookInputs(birth_date=period.start.replace(year=period.start.year - 8), period_start=period.start,
                          months=1, special_care=False, impairment=None, lines=lines, base=Decimal("3000.00"))


# area 1: two lines ranked 1 and 3 (a gap); area 2: one line ranked 2 (above its one line) and a line with 0 units that
# keeps its rank; area 3: one line ranked 5; the parent's ranks tie (2, 2) and one is above the plan's four lines
RANKS = [("1.1.3", 2, 1, 2), ("1.2", 3, 3, 2), ("2.1", 4, 2, 9), ("2.2", 0, 1, 1), ("3.2.1", 1, 5, None)]


def test_gaps_ties_and_ranks_above_the_count_are_no_error(catalogue: Catalogue, params: Params) -> None:
    inputs = _plan(catalogue, params, RANKS)
    assert check_input_values(inputs) == []
    result = evaluate_workbook(inputs, params)
    assert result.errors == 0, [f.message for f in result.findings]
    assert result.line_priority[3] is None and sorted(p for p in result.line_priority if p) == [1, 2, 3, 4]


def test_a_rank_above_the_count_orders_like_a_gap(catalogue: Catalogue, params: Params) -> None:
    """The team ranked three area-1 services 1, 2, 3 and the parent dropped the second: the lines left keep 1 and 3,
    and renumbering them 1 and 2 or moving the last to 99 gives the same expert order, the same priorities and the
    same IB shares."""
    def result(second: int) -> tuple:
        inputs = _plan(catalogue, params, [("1.1.3", 2, 1, None), ("1.2", 3, second, None), ("2.1", 4, 1, None)])
        found = evaluate_workbook(inputs, params)
        assert found.errors == 0 and check_input_values(inputs) == [], [f.message for f in found.findings]
        return found.line_priority, found.line_ib

    assert result(3) == result(2) == result(99)


def test_a_line_without_a_service_keeps_any_rank(catalogue: Catalogue, params: Params) -> None:
    inputs = _plan(catalogue, params, [("1.1.3", 2, 1, 1)])
    inputs = dataclasses.replace(inputs, lines=(*inputs.lines, PlanLine(offer_id=None, expert_rank=9, parent_rank=9)))
    assert check_input_values(inputs) == [] and evaluate_workbook(inputs, params).errors == 0
