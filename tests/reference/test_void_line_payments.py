"""D367: money already paid on a void line (its units or 6.8 price an invalid input, D332) is a fact, so the period's
paid total (6.10's Fakt_Kopa) is unknown – None, the matrix's „nederīgs” – while such a line has payments, instead of
a total that leaves them out. A void line without payments, or with payments only after the period's months, leaves
the total as it was; a counted line's payments are counted as before."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook, void_lines, void_paid

D = Decimal
START = dt.date(2018, 10, 1)
UNITS, PRICE = D(10), D(30)


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, START)


def _offers(catalogue: Catalogue):  # noqa: ANN202 - two Offers
    market = [o for o in catalogue.offers(START)
              if o.service.regime.value == "market" and o.ceiling is None and not o.transport]
    return market[0], market[1]


def _inputs(catalogue: Catalogue, *, units: Decimal = UNITS, price: Decimal = PRICE,
            paid: tuple[Decimal, ...] = (D(20), D(0))) -> WorkbookInputs:
    """Two lines over two months: the first paid 60,00 in month 1, the second (the one made void) ``paid``."""
    first, second = _offers(catalogue)
    good = line_from_offer(first, 10, unit_price=D(30), expert_rank=1, planned_units=[5, 5],
                           delivered_units=[2, 0], paid=[60, 0])
    other = line_from_offer(second, 10, unit_price=D(30), expert_rank=2, planned_units=[5, 5],
                            delivered_units=[1, 0], paid=list(paid))
    other = dataclasses.replace(other, units=units, unit_price=price)
    return WorkbookInputs(birth_date=dt.date(2010, 5, 5), period_start=START, months=2, special_care=False,
                          impairment=None, lines=(good, other), base=D(1000))


def test_a_valid_plan_counts_every_payment(catalogue: Catalogue, params: Params) -> None:
    result = evaluate_workbook(_inputs(catalogue), params)
    assert result.errors == 0 and result.paid_total == D(80) and not result.paid_invalid
    assert result.named_values()["Fakt_Kopa"] == D(80)


@pytest.mark.parametrize("void", ["sub-cent price", "price above the highest", "units a day's serial"])
def test_payments_on_a_void_line_leave_the_paid_total_unknown(catalogue: Catalogue, params: Params,
                                                              void: str) -> None:
    changes = {"sub-cent price": {"price": D("30.005")}, "price above the highest": {"price": params.price_max + 1},
               "units a day's serial": {"units": D(43603)}}[void]
    assert params.date_serials and params.date_serials.day(D(43603)) is not None
    inputs = _inputs(catalogue, **changes)
    assert void_lines(inputs.lines, params) == {1} and void_paid(inputs.lines, inputs.months, params)
    result = evaluate_workbook(inputs, params)
    assert result.paid_total is None and result.paid_invalid, void  # not 60,00 without the void line's 20,00
    assert result.named_values()["Fakt_Kopa"] is None
    assert result.execution.paid_total == D(60)  # the counted lines' own sum stays (collect refuses such a matrix)
    assert result.line_cost[1] is None and result.needed == D(300)  # the line itself stays void (D332)


@pytest.mark.parametrize(("paid", "with_money", "unknown"), [
    ((D(0), D(0)), False, False),  # typed zeros: nothing paid
    ((D(0), D("0.01")), True, True),  # a cent is a payment
    # the months' sum in cents, as the matrix's ROUND(SUMIFS(…);2) reads it, is 0; but a sub-cent payment is an
    # invalid input of its own, and the matrix prints „nederīgs” for it as for a counted line's (D304)
    ((D("0.004"), D(0)), False, True),
])
def test_only_a_void_line_with_money_paid_in_the_period_matters(catalogue: Catalogue, params: Params,
                                                                 paid: tuple[Decimal, ...], with_money: bool,
                                                                 unknown: bool) -> None:
    inputs = _inputs(catalogue, price=D("30.005"), paid=paid)
    assert void_paid(inputs.lines, inputs.months, params) is with_money
    result = evaluate_workbook(inputs, params)
    assert (result.paid_total is None) is unknown and (unknown or result.paid_total == D(60)), result.paid_total


def test_a_payment_after_the_period_is_not_a_period_payment(catalogue: Catalogue, params: Params) -> None:
    """The matrix's h_Samaksats sums the months up to the period's last; a later one is the rules' business."""
    inputs = dataclasses.replace(_inputs(catalogue, price=D("30.005"), paid=(D(0), D(20))), months=1)
    assert not void_paid(inputs.lines, inputs.months, params)
    assert void_paid(inputs.lines, 2, params)
