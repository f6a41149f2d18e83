"""D372: money paid on a plan line without a service or units (the error ignored_line_data) is money paid. 6.10's
month totals („Kopā”) always counted it; now its period's paid total Fakt_Kopa and the reference's paid totals
(Execution.paid_by_month, paid_total, the underspend `ibm collect` adds to the pool) count it too, so that the months'
totals add up to the period's. An invalid payment in such a line leaves the total unknown (None, the matrix's
„nederīgs”), as its month's total is; a void line's payments still do (D367), and lines with no payments change
nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.reference.findings import Severity
from generator.reference.lines import PlanLine, line_from_offer
from generator.reference.paid_totals import paid_by_month, paid_recorded, paid_total
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook

D = Decimal
START = dt.date(2018, 10, 1)


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, START)


def _inputs(catalogue: Catalogue, extra: PlanLine | None) -> WorkbookInputs:
    """One counted line of 10 × 30,00 over two months, paid 60,00 in month 1, and ``extra`` after it."""
    offer = next(o for o in catalogue.offers(START)
                 if o.service.regime.value == "market" and o.ceiling is None and not o.transport)
    good = line_from_offer(offer, 10, unit_price=D(30), expert_rank=1, planned_units=[5, 5],
                           delivered_units=[2, 0], paid=[60, 0])
    return WorkbookInputs(birth_date=dt.date(2010, 5, 5), period_start=START, months=2, special_care=False,
                          impairment=None, lines=(good,) if extra is None else (good, extra), base=D(1000))


def _codes(result) -> list[str]:  # noqa: ANN001 - a WorkbookResult
    """The counted errors' codes."""
    return [f.code for f in result.findings if f.counts and f.severity is Severity.error]


@pytest.mark.parametrize("kind", ["bez pakalpojuma", "daudzums 0"])
def test_payments_of_a_line_without_service_or_units_are_counted_as_paid(catalogue: Catalogue, params: Params,
                                                                        kind: str) -> None:
    clean = evaluate_workbook(_inputs(catalogue, None), params)
    assert clean.errors == 0 and clean.paid_total == D(60)
    first = _inputs(catalogue, None).lines[0]
    extra = (PlanLine(None, paid=(D("12.50"), D("7.25"))) if kind == "bez pakalpojuma"
             else dataclasses.replace(first, units=D(0), planned_units=(), delivered_units=(),
                                      paid=(D("12.50"), D("7.25"))))
    assert not extra.counted
    result = evaluate_workbook(_inputs(catalogue, extra), params)
    assert _codes(result) == ["ignored_line_data"] and result.errors == 1, result.findings  # the line's one error
    assert result.paid_total == D("79.75") and not result.paid_invalid  # 60,00 + 12,50 + 7,25
    assert paid_by_month(result.execution) == (D("72.50"), D("7.25"))  # 6.10's „Kopā” row
    assert sum(paid_by_month(result.execution)) == paid_total(result.execution) == result.paid_total
    assert result.execution.underspend == clean.execution.underspend - D("19.75")  # what collect adds to the pool
    assert len(result.execution.lines) == 1  # the line itself has no plan: no row of its own
    assert result.needed == clean.needed and result.named_values()["Fakt_Kopa"] == D("79.75")


def test_a_payment_after_the_period_is_not_a_period_payment(catalogue: Catalogue, params: Params) -> None:
    """As a counted line's: 6.10's h_Samaksats sums the months up to the period's last (the later month is the rules'
    business)."""
    result = evaluate_workbook(_inputs(catalogue, PlanLine(None, paid=(D(0), D(0), D(5)))), params)
    assert result.paid_total == D(60) and "ignored_line_data" in _codes(result)


def test_an_invalid_payment_in_such_a_line_leaves_the_total_unknown(catalogue: Catalogue, params: Params) -> None:
    """A sub-cent payment (D87) is an invalid input of its own: its month's total and the line's paid sum print
    „nederīgs”, and so Fakt_Kopa, whether the line is counted or not (D304)."""
    result = evaluate_workbook(_inputs(catalogue, PlanLine(None, paid=(D("0.004"),))), params)
    assert result.paid_total is None and result.paid_invalid and result.named_values()["Fakt_Kopa"] is None


def test_a_line_without_payments_changes_nothing(catalogue: Catalogue, params: Params) -> None:
    for extra in (PlanLine(None), PlanLine(None, paid=(D(0), D(0))), PlanLine(None, planned_units=(D(2),))):
        result = evaluate_workbook(_inputs(catalogue, extra), params)
        assert result.paid_total == D(60) and paid_by_month(result.execution) == (D(60), D(0)), extra


def test_the_payments_a_period_total_leaves_out_are_told_apart(catalogue: Catalogue, params: Params) -> None:
    """D385: of every payment typed (paid_recorded), what 6.10's period total leaves out is kept as its two causes – a
    void line's payments in the period (D332, D367) and those after its last month – so collect names only the ones
    that apply."""
    first = _inputs(catalogue, None).lines[0]
    void = dataclasses.replace(first, unit_price=D("25.005"), paid=(D(300), D(0), D(20)))
    result = evaluate_workbook(_inputs(catalogue, void), params)
    paid = paid_recorded(_inputs(catalogue, void), result.execution)
    assert (paid.total, paid.void, paid.after, paid.uncounted) == (D(380), D(300), D(20), D(320)), paid
    clean = evaluate_workbook(_inputs(catalogue, None), params)
    after = dataclasses.replace(first, paid=(D(0), D(0), D(5)))
    inputs = dataclasses.replace(_inputs(catalogue, None), lines=(first, after))
    late = paid_recorded(inputs, evaluate_workbook(inputs, params).execution)
    assert (late.void, late.after, late.total) == (D(0), D(5), D(65)), late
    assert paid_recorded(_inputs(catalogue, None), clean.execution).uncounted == 0
