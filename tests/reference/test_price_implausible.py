"""D370: a provider's price above the plausible highest of its unit (programme.yaml plausible_price_<unit>) on a line
whose item has no ceiling figure is one warning naming the line – not an error, a real price may be high; a ceiling
bounds the line itself (price_above_ceiling), the euro at actual cost fixes its price (D70), and a price above the
general highest is an invalid input (D340)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PLAUSIBLE_PRICE_FIELDS
from generator.lvformat import eur
from generator.reference.findings import Severity
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.rules import check_implausible_prices
from generator.reference.workbook import WorkbookInputs, evaluate_workbook

D = Decimal
START = dt.date(2019, 4, 1)


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, START)


def _offer(catalogue: Catalogue, service: str):  # noqa: ANN202 - an Offer
    return next(o for o in catalogue.offers(START) if o.service.id == service)


def _inputs(catalogue: Catalogue, service: str, price: Decimal, units: int = 10) -> WorkbookInputs:
    line = line_from_offer(_offer(catalogue, service), units, unit_price=price, expert_rank=1, planned_units=[units])
    return WorkbookInputs(birth_date=dt.date(2010, 5, 5), period_start=START, months=1, special_care=False,
                          impairment=None, lines=(line,), base=D(3000))


def test_every_unit_of_a_price_has_its_bound(catalogue: Catalogue, params: Params) -> None:
    """Each unit the catalogue's prices use (but the euro at actual cost) has a plausible highest, from the catalogue,
    below the general highest (D340) and marked as the project's own reconstruction."""
    units = {str(p.unit) for p in catalogue.prices} - {"euro"}
    assert units <= set(PLAUSIBLE_PRICE_FIELDS) and set(params.plausible_prices) == set(PLAUSIBLE_PRICE_FIELDS)
    for unit, name in PLAUSIBLE_PRICE_FIELDS.items():
        dated = getattr(catalogue.programme, name).at(START)
        assert params.plausible_prices[unit] == D(dated.value) < params.price_max
        assert dated.source.startswith("Rekonstruēts") and "D370" in dated.source


def test_the_audit_case_warns(catalogue: Catalogue, params: Params) -> None:
    """3.6 (day-care centre, a regulated price whose ceiling is „jāprecizē” without a figure) at 9999 instead of
    18,50: one warning naming the line and the bound; no error."""
    result = evaluate_workbook(_inputs(catalogue, "3.6", D(9999)), params)
    found = [f for f in result.findings if f.code == "price_implausible"]
    bound = params.plausible_prices["darba-diena"]
    assert [f.severity for f in found] == [Severity.warning] and found[0].lines == (0,), found
    assert f"{eur(D(9999))} par vienību pārsniedz ticamo {eur(bound)}" in found[0].message, found
    assert result.errors == 0


@pytest.mark.parametrize(("service", "unit"), [("3.6", "darba-diena"), ("1.4.2", "diennakts"), ("3.1.3", "reize"),
                                               ("1.5", "stunda"), ("3.11", "kurss")])
def test_the_bound_itself_passes_a_cent_more_warns(catalogue: Catalogue, params: Params, service: str,
                                                   unit: str) -> None:
    assert str(_offer(catalogue, service).service.unit) == unit
    bound = params.plausible_prices[unit]
    at = evaluate_workbook(_inputs(catalogue, service, bound, units=1), params)
    above = evaluate_workbook(_inputs(catalogue, service, bound + D("0.01"), units=1), params)
    assert "price_implausible" not in {f.code for f in at.findings}
    assert [f.code for f in above.findings].count("price_implausible") == 1


# The real prices of each unit a correct entry has (the catalogue's figures and notes, programme.yaml's sources): a
# session or an hour 2,12–44,29 EUR, a working day 16,10 EUR, a day and night up to 24 hours of a companion's 5,11 EUR;
# the ranges below are wider on both sides
REAL = {"reize": (D("2.01"), D(50)), "stunda": (D("2.01"), D(50)), "darba-diena": (D("3.01"), D(60)),
        "diennakts": (D("5.01"), D(125)), "kurss": (D("50.01"), D(1000))}


@settings(max_examples=60, deadline=None)
@given(share=st.integers(min_value=0, max_value=10_000))
def test_a_real_price_never_warns_and_a_typo_by_100_always_does(catalogue: Catalogue, params: Params,
                                                                share: int) -> None:
    """Every unit: a real price (REAL) never warns; the same typed 100 times larger (the decimal comma left out) warns,
    or, above the general highest, is an invalid input (D340)."""
    assert set(REAL) == set(PLAUSIBLE_PRICE_FIELDS)
    for unit, (low, high) in REAL.items():
        price = (low + (high - low) * share / 10_000).quantize(D("0.01"))
        line = dataclasses.replace(line_from_offer(_offer(catalogue, "3.1.3"), 1, unit_price=price), unit=unit)
        assert not check_implausible_prices([line], params.plausible_prices, params.price_max), (unit, price)
        typo = dataclasses.replace(line, unit_price=price * 100)
        found = check_implausible_prices([typo], params.plausible_prices, params.price_max)
        assert len(found) == 1 or price * 100 > params.price_max, (unit, price)


def test_a_ceiling_the_euro_and_the_general_highest_are_their_own(catalogue: Catalogue, params: Params) -> None:
    line = line_from_offer(_offer(catalogue, "3.1.3"), 1, unit_price=D(2500))
    assert len(check_implausible_prices([line], params.plausible_prices, params.price_max)) == 1
    capped = dataclasses.replace(line, ceiling=D("25.93"))  # a group session under its ceiling
    assert not check_implausible_prices([capped], params.plausible_prices, params.price_max)
    euro = dataclasses.replace(line, unit="euro", actual_cost=True)
    assert not check_implausible_prices([euro], params.plausible_prices, params.price_max)
    void = dataclasses.replace(line, unit_price=params.price_max + D("0.01"))
    assert not check_implausible_prices([void], params.plausible_prices, params.price_max)
    assert not check_implausible_prices([line], {}, None)  # a test's own Params: not checked
