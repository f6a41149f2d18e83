"""The IB calculator refuses money that is not in whole cents (D87, D98) with the reference's words
(generator/reference/inputs.CENTS_TEXT), names the field beside it on the form (aria-invalid, aria-describedby)
and computes no amount while such an input is there; units in the period (also a sum in euro at actual cost, D70)
take what the reference takes and agree with it to the cent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.reference.inputs import CENTS_TEXT
from generator.reference.lines import fixed_unit_price, line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs
from tests.site.browsing import ARTIFACTS, CHROMIUM, NO_CHROMIUM, Visit
from tests.site.calculator_expected import api_input, differences, expected

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.is_file(), reason=NO_CHROMIUM),
]

PAGE = "kalkulators.html"


@pytest.fixture
def visit(small_index_visit: Visit) -> Visit:
    """The calculator's page with a one-page search index: these tests never search (browsing.small_search_index)."""
    return small_index_visit


BASE = {"dzimsanasDatums": "2012-05-20", "periodaSakums": "01.10.2018", "menesi": 6,
        "rindas": [{"kods": "3.1.2i", "daudzums": "10", "cena": "12,50", "ekspertuRangs": 1}]}
# every money field of the calculator (its API name and label) with a value of four decimals
# (audit32b F8: a field of the form by its label on the screen; B is no field of the form, only of the API)
MONEY = (("galigais", "Lauks „IB galīgais apmērs F, EUR”"), ("pabalsti", "Lauks „Valsts un pašvaldību pabalsti, EUR”"),
         ("pakalpojumi", "Lauks „Valsts un pašvaldību pakalpojumi, EUR”"),
         ("citi", "Lauks „Citi avoti (vecāki, ziedojumi), EUR”"), ("bazesApmers", "Bāzes apmērs B"))
PRICE = "1. rinda, lauks „Sniedzēja cena, EUR par vienību”"


def _run(visit: Visit, inputs: list[dict]) -> list[dict]:
    visit.open(PAGE)
    return visit.page.evaluate("(all) => all.map((x) => window.ibmKalkulators.aprekins(x))", inputs)


def test_money_not_in_whole_cents_is_refused_in_the_references_words(visit: Visit) -> None:
    price = {**BASE, "rindas": [{**BASE["rindas"][0], "cena": "42,6712"}]}
    bad = [price, *({**BASE, name: "1,005"} for name, _ in MONEY)]
    good = [{**BASE, "rindas": [{**BASE["rindas"][0], "cena": "12,5000"}]}, {**BASE, "citi": "30,10"}]
    results = _run(visit, [*bad, *good])
    labels = [PRICE, *(label for _, label in MONEY)]
    for inp, res, label in zip(bad, results[: len(bad)], labels, strict=True):
        assert res["Derigs"] is False and res["IB_Kopejais"] is None and res["IB_Nepieciesamais"] is None, inp
        (message,) = res["messages"]
        assert message["kods"] == "ievade" and message["smagums"] == "kļūda", message
        assert message["teksts"].startswith(f"{label}: {CENTS_TEXT}, ievadīts „"), message["teksts"]
    assert results[0]["messages"][0]["teksts"].endswith("„42,6712”.") and results[0]["messages"][0]["rindas"] == [0]
    for res in results[len(bad):]:  # trailing zeros are whole cents
        assert res["Derigs"] is True and res["IB_Nepieciesamais"] == "125.00", res["messages"]
    assert visit.errors == []


def test_units_take_what_the_reference_takes(visit: Visit, params: Params, offers) -> None:  # noqa: ANN001
    """Units with three decimals, and a sum in euro at actual cost with three (units, not a price, D87), written with
    a fourth zero so that no thousands point is read (D264): computed,
    equal to the reference to the cent; negative or text units are refused."""
    euro = next(o for o in offers.values() if fixed_unit_price(o.service.unit) is not None)
    inputs = WorkbookInputs(
        birth_date=dt.date(2012, 5, 20), period_start=params.reporting_periods[0].start, months=6,
        special_care=False, impairment=None, lines=(
            line_from_offer(offers["3.1.2i"], Decimal("10.1250"), unit_price=Decimal("12.50"), expert_rank=1),
            line_from_offer(euro, Decimal("120.4050"), expert_rank=2)))
    api = api_input(inputs)
    negative = {**BASE, "rindas": [{**BASE["rindas"][0], "daudzums": "-3"}]}
    text = {**BASE, "rindas": [{**BASE["rindas"][0], "daudzums": "10 h"}]}
    got, *refused = _run(visit, [api, negative, text])
    assert not differences(got, expected(inputs, params), api["rindas"])
    assert got["Derigs"] is True and CENTS_TEXT not in str(got["messages"])
    for res in refused:
        assert res["Derigs"] is False and res["messages"][0]["lauks"] == "daudzums", res["messages"]
    assert visit.errors == []


def test_form_shows_the_cents_error_beside_the_field_and_no_total(visit: Visit) -> None:
    visit.open(PAGE)
    page = visit.page
    page.fill("#ibm-dzimsanas", "03.03.2014")
    page.fill("#ibm-sakums", "01.04.2019")
    page.fill("#ibm-r1-kods", "3.1.2i Ergoterapeits, individuāli")
    page.fill("#ibm-r1-daudzums", "10")
    page.fill("#ibm-r1-cena", "42,6712")
    page.locator("#ibm-r1-cena").blur()
    page.click("#ibm-citi-avoti summary")  # the optional sources are folded
    page.fill("#ibm-citi", "15,555")
    page.locator("#ibm-citi").blur()
    for field, text in (("#ibm-r1-cena", PRICE), ("#ibm-citi", MONEY[3][1])):
        assert page.get_attribute(field, "aria-invalid") == "true", field
        note = page.get_attribute(field, "aria-describedby")
        shown = page.inner_text(f"#{note}")
        assert shown.startswith(f"{text}: {CENTS_TEXT}"), shown
    results = page.inner_text("#ibm-rezultati")
    assert "Apmērus nevar aprēķināt" in results and "EUR" not in results, results
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "kalkulators-centi-dators.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("#ibm-r1-cena").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "kalkulators-centi-telefons.png"))
    page.fill("#ibm-r1-cena", "42,67")
    page.fill("#ibm-citi", "15,55")
    page.locator("#ibm-citi").blur()
    assert page.get_attribute("#ibm-r1-cena", "aria-invalid") is None
    assert page.inner_text("#ibm-r1-cena-kluda") == ""
    results = page.inner_text("#ibm-rezultati")
    assert "Apmērus nevar aprēķināt" not in results and "EUR" in results, results
    assert visit.errors == []
