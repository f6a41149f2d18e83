"""D340: the IB calculator refuses money above the catalogue's plausible highest – B, F and the other sources above
Params.amount_max, a price above Params.price_max – in the reference's words (inputs.above_max_text) with its own field,
and computes no amount while such an input is there; the highest itself is valid. D377: so are a line's units above
Params.amount_max."""

from __future__ import annotations

import pytest

from generator.lvformat import eur
from generator.reference.inputs import above_max_text, above_max_units_text
from generator.reference.params import Params
from generator.site.calculator import UNITS_FIELD
from tests.site.browsing import CHROMIUM, NO_CHROMIUM, Visit
from tests.site.test_calculator_cents import BASE, MONEY, PRICE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.is_file(), reason=NO_CHROMIUM),
]

PAGE = "kalkulators.html"


@pytest.fixture
def visit(small_index_visit: Visit) -> Visit:
    """The calculator's page with a one-page search index: these tests never search (browsing.small_search_index)."""
    return small_index_visit


def _lv(value: object) -> str:
    return str(value).replace(".", ",")


def test_money_above_the_plausible_highest_is_refused_in_the_references_words(visit: Visit, params: Params) -> None:
    assert params.amount_max is not None and params.price_max is not None
    price = {**BASE, "rindas": [{**BASE["rindas"][0], "cena": "31000000"}]}
    bad = [price, *({**BASE, name: "31000000"} for name, _ in MONEY)]
    good = [{**BASE, "rindas": [{**BASE["rindas"][0], "cena": _lv(params.price_max)}]},
            {**BASE, "citi": _lv(params.amount_max)}]
    visit.open(PAGE)
    results = visit.page.evaluate("(all) => all.map((x) => window.ibmKalkulators.aprekins(x))", [*bad, *good])
    labels = [PRICE, *(label for _, label in MONEY)]
    highest = [params.price_max, *(params.amount_max for _ in MONEY)]
    for inp, res, label, top in zip(bad, results[: len(bad)], labels, highest, strict=True):
        assert res["Derigs"] is False and res["IB_Kopejais"] is None and res["IB_Nepieciesamais"] is None, inp
        (message,) = res["messages"]
        assert message["kods"] == "ievade" and message["smagums"] == "kļūda", message
        assert message["teksts"] == f"{label}: {above_max_text(top)}, ievadīts „31000000”.", message["teksts"]
        assert eur(top) in message["teksts"]
    for res in results[len(bad):]:  # the highest itself is valid
        assert res["Derigs"] is True, res["messages"]
    assert visit.errors == []


def test_units_above_the_plausible_highest_are_refused_at_their_field(visit: Visit, params: Params) -> None:
    """D377: a line's units above Params.amount_max (as the matrix's 6.3 units, D365's words for a count) are refused at
    the line's units field, and no amount is computed; 99 999 999 999 sessions were N 2 999 999 999 970,00 EUR."""
    assert params.amount_max is not None
    bad = [{**BASE, "rindas": [{**BASE["rindas"][0], "daudzums": typed}]} for typed in ("99999999999", "100000,5")]
    visit.open(PAGE)
    results = visit.page.evaluate("(all) => all.map((x) => window.ibmKalkulators.aprekins(x))", bad)
    for inp, res in zip(bad, results, strict=True):
        assert res["Derigs"] is False and res["IB_Kopejais"] is None and res["IB_Nepieciesamais"] is None, inp
        (message,) = res["messages"]  # above the highest before a fraction: one message
        assert message["kods"] == "ievade" and message["smagums"] == "kļūda", message
        typed = inp["rindas"][0]["daudzums"]
        assert message["teksts"] == (f"1. rinda, lauks „{UNITS_FIELD}”: {above_max_units_text(params.amount_max)}, "
                                     f"ievadīts „{typed}”."), message["teksts"]
    assert visit.errors == []
