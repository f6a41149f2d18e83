"""D340: money above the catalogue's plausible highest (a pasted 1e12, 31000000 for 3100) is an invalid input: B, F or
another source with no amount (as a negative one), a 6.8 price a void line with one error (as a negative or sub-cent
one, D332)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import eur
from generator.reference.errors import ReferenceInputError
from generator.reference.findings import Severity
from generator.reference.inputs import AFTER_PERIOD_HINT
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook, void_lines

D = Decimal
START = dt.date(2018, 10, 1)


def _market(catalogue: Catalogue):  # noqa: ANN202 - an Offer
    return next(o for o in catalogue.offers(START)
                if o.service.regime.value == "market" and o.ceiling is None and not o.transport)


def _inputs(catalogue: Catalogue, price: Decimal, **changes: object) -> WorkbookInputs:
    line = line_from_offer(_market(catalogue), 10, unit_price=price, expert_rank=1, planned_units=[10])
    base = WorkbookInputs(birth_date=dt.date(2010, 5, 5), period_start=START, months=1, special_care=False,
                          impairment=None, lines=(line,), base=D(1000))
    return dataclasses.replace(base, **changes)


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, START)


def test_the_highest_figures_come_from_the_catalogue(catalogue: Catalogue, params: Params) -> None:
    programme = catalogue.programme
    assert params.amount_max == D(programme.input_amount_max.at(START).value) > params.base_amount
    assert params.price_max == D(programme.unit_price_max.at(START).value) > 0
    assert "D340" in programme.input_amount_max.at(START).source and "D340" in programme.unit_price_max.at(START).source


@pytest.mark.parametrize("attr", ["base", "final", "benefits", "services", "other"])
def test_an_amount_above_the_highest_is_refused_with_no_amount(catalogue: Catalogue, params: Params,
                                                              attr: str) -> None:
    at_max = evaluate_workbook(_inputs(catalogue, D(30), **{attr: params.amount_max}), params)
    assert not [f for f in at_max.findings if f.code == "money_above_max"]
    for typed in (D("1E12"), D(31000000), params.amount_max + D("0.01")):
        with pytest.raises(ReferenceInputError) as caught:
            evaluate_workbook(_inputs(catalogue, D(30), **{attr: typed}), params)
        said = str(caught.value)
        assert f"jābūt skaitlim līdz {eur(params.amount_max)} (lielāks nav ticams)" in said
        assert f"ievadīts {format(typed, 'f').replace('.', ',')} EUR" in said


def test_a_price_above_the_highest_is_one_error_and_its_line_is_void(catalogue: Catalogue, params: Params) -> None:
    good = evaluate_workbook(_inputs(catalogue, params.price_max), params)
    assert good.errors == 0 and good.line_cost == (params.price_max * 10,)
    for typed in (D("1E12"), params.price_max + D("0.01"), params.price_max + D("0.015")):  # the last also sub-cent
        bad = evaluate_workbook(_inputs(catalogue, typed), params)
        errors = [f for f in bad.findings if f.severity is Severity.error]
        assert [f.code for f in errors] == ["money_above_max"], typed  # one paste, one error (not the cents too)
        assert f"sniedzēja cenai (6.8. tabulā) jābūt skaitlim līdz {eur(params.price_max)}" \
            in errors[0].message
        assert bad.line_cost == (None,) and bad.line_price == (None,) and bad.needed == 0  # D332: the line is void
        assert void_lines(_inputs(catalogue, typed).lines, params) == {0}


def test_a_day_serial_above_the_highest_price_is_said_as_a_serial(catalogue: Catalogue, params: Params) -> None:
    """A whole number in D286's serials is the matrix's code of a date (checked before the value's own checks)."""
    serial = D(43603)
    assert serial > params.price_max and params.date_serials and params.date_serials.day(serial) is not None
    bad = evaluate_workbook(_inputs(catalogue, serial), params)
    assert [f.code for f in bad.findings if f.severity is Severity.error] == ["date_serial"]


def test_without_a_highest_nothing_is_checked(catalogue: Catalogue, params: Params) -> None:
    own = params.replace(amount_max=None, price_max=None)
    result = evaluate_workbook(_inputs(catalogue, D(20000), other=D(31000000)), own)
    assert result.errors == 0 and result.line_cost == (D(200000),)


def _executed(catalogue: Catalogue, delivered: Decimal, paid: Decimal, months: int = 1) -> WorkbookInputs:
    line = line_from_offer(_market(catalogue), 10, unit_price=D(30), expert_rank=1, planned_units=[10],
                           delivered_units=[delivered], paid=[paid])
    return _inputs(catalogue, D(30), lines=(line,), months=months)


@pytest.mark.parametrize(("delivered", "paid", "code"), [
    (D("1E12"), D(60), "delivered_above_max"), (D(2), D("1E12"), "paid_above_max"),
    (D("100000.5"), D(60), "delivered_above_max"),  # above the highest before a fraction (one paste, one error)
    (D(2), D("100000.015"), "paid_above_max"),  # before the cents
])
def test_a_6_10_value_above_the_highest_is_one_error(catalogue: Catalogue, params: Params, delivered: Decimal,
                                                    paid: Decimal, code: str) -> None:
    """D365: 6.10's delivered units and payment have B's plausible highest (Params.amount_max): one invalid input, the
    rules it feeds (delivered above the plan, paid above the delivered) skip the line, and a payment above it leaves
    the paid total „nederīgs” (None), as any invalid payment does (D304)."""
    good = evaluate_workbook(_executed(catalogue, D(2), D(60)), params)
    assert good.errors == 0 and good.paid_total == D(60)
    bad = evaluate_workbook(_executed(catalogue, delivered, paid), params)
    errors = [f for f in bad.findings if f.severity is Severity.error]
    assert [f.code for f in errors] == [code], [f.message for f in errors]
    words = (f"jābūt skaitlim līdz {eur(params.amount_max)} (lielāks nav ticams)" if code == "paid_above_max"
             else "saņemtajām vienībām (6.10. tabulā) jābūt skaitlim līdz 100\u00a0000 (lielāks nav ticams)")
    assert words in errors[0].message and errors[0].month == 1 and errors[0].lines == (0,), errors[0].message
    assert (bad.paid_total is None) == (code == "paid_above_max") and bad.paid_invalid == (code == "paid_above_max")
    at_max = evaluate_workbook(_executed(catalogue, D(2), params.amount_max), params)
    assert "paid_above_max" not in {f.code for f in at_max.findings}  # the highest itself is plausible


def test_a_6_10_value_above_the_highest_after_the_period_says_to_clear_it(catalogue: Catalogue,
                                                                         params: Params) -> None:
    line = line_from_offer(_market(catalogue), 10, unit_price=D(30), expert_rank=1, planned_units=[10],
                           paid=[D(0), D("1E12")])
    bad = evaluate_workbook(_inputs(catalogue, D(30), lines=(line,)), params)
    (found,) = [f for f in bad.findings if f.code == "paid_above_max"]
    assert found.month == 2 and found.message.endswith(f"{AFTER_PERIOD_HINT}."), found.message
