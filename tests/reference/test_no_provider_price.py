"""D364: a provider's price of 0,00 on a counted line is no provider's price yet (D313): one warning naming the line,
the line out of N as before; a unit that fixes its own price (the euro at actual cost, D70) has its error instead,
and 0,01 is a price."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.reference.findings import Severity
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.rules import NO_PRICE_WORDS, check_missing_prices
from generator.reference.workbook import WorkbookInputs, evaluate_workbook

D = Decimal
START = dt.date(2018, 10, 1)


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, START)


def _offer(catalogue: Catalogue, unit: str | None = None):  # noqa: ANN202 - an Offer
    return next(o for o in catalogue.offers(START) if (str(o.service.unit) == unit if unit else
                o.service.regime.value == "market" and o.ceiling is None and not o.transport
                and str(o.service.unit) != "euro"))


def _inputs(catalogue: Catalogue, price: Decimal, units: int = 10, unit: str | None = None) -> WorkbookInputs:
    line = line_from_offer(_offer(catalogue, unit), units, unit_price=price, expert_rank=1, planned_units=[units])
    other = line_from_offer(_offer(catalogue), 2, unit_price=D(30), expert_rank=2, planned_units=[2])
    return WorkbookInputs(birth_date=dt.date(2010, 5, 5), period_start=START, months=1, special_care=False,
                          impairment=None, lines=(other, line), base=D(1000))


def test_a_zero_price_is_one_warning_naming_the_line(catalogue: Catalogue, params: Params) -> None:
    result = evaluate_workbook(_inputs(catalogue, D(0)), params)
    found = [f for f in result.findings if f.code == "no_provider_price"]
    assert [f.severity for f in found] == [Severity.warning] and found[0].lines == (1,)
    label = _offer(catalogue).label
    assert found[0].message.startswith(f"2. rinda ({label}): {NO_PRICE_WORDS} – cena 6.8. tabulā ir 0,00"), found
    assert result.errors == 0 and result.warnings == len([f for f in result.findings
                                                          if f.severity is Severity.warning])
    assert result.needed == D(60) and result.line_cost == (D(60), D(0))  # the meaning of 0 kept: out of N


@pytest.mark.parametrize("price", [D("0.01"), D(30)])
def test_a_price_above_zero_is_no_warning(catalogue: Catalogue, params: Params, price: Decimal) -> None:
    result = evaluate_workbook(_inputs(catalogue, price), params)
    assert "no_provider_price" not in {f.code for f in result.findings}


def test_an_ignored_line_or_a_unit_fixing_its_price_is_no_warning(catalogue: Catalogue, params: Params) -> None:
    ignored = evaluate_workbook(_inputs(catalogue, D(0), units=0), params)
    assert "no_provider_price" not in {f.code for f in ignored.findings}
    euro = evaluate_workbook(_inputs(catalogue, D(0), unit="euro"), params)
    codes = [f.code for f in euro.findings]
    assert "actual_cost_price" in codes and "no_provider_price" not in codes  # one paste, one finding


def test_the_calculator_names_its_own_field(catalogue: Catalogue) -> None:
    line = dataclasses.replace(line_from_offer(_offer(catalogue), 3, unit_price=D(0)), label="X")
    (found,) = check_missing_prices([line], "laukā „Cena”")
    assert "cena laukā „Cena” ir 0,00" in found.message and found.message.endswith("ierakstiet sniedzēja cenu laukā „Cena”.")
