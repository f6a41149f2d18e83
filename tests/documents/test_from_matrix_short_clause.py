"""What the parent contract (01) and the grant decision (08) say when N exceeds what the IB may pay (D297): a fact
only when the confirmed figures alone prove it (the confirmed lines exceed P, B confirmed: open_prices.needed_exceeds),
a condition while an open catalogue price or an unconfirmed B may still make N <= P, nothing when N and A are
figures and N <= A. Proven on the rendered HTML of fictional children."""

from __future__ import annotations

import dataclasses
from decimal import ROUND_FLOOR, Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.from_matrix.context import ChildContext, build
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.writing import render_child
from generator.documents.registry import by_id
from generator.reference.workbook import evaluate_workbook
from tests.documents.child_render import text
from tests.documents.test_from_matrix_context import _market, _reading

PARENT, GRANT = "01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"
# the contract's and the decision's statement of N > P as a fact, and the same as a condition
FACT = "IB nepieciešamais apmērs pārsniedz provizorisko, tāpēc no IB apmaksā tikai to plāna daļu"
GRANT_FACT = "IB pieejamais apmērs nesedz visu atbalsta plānu: no IB apmaksā"
GRANT_A_IS_P = "IB nepieciešamais apmērs pārsniedz provizorisko, un Labklājības ministrija IB galīgo apmēru vēl nav"
IF_OVER = "Ja IB nepieciešamais apmērs pārsniedz provizorisko, no IB apmaksā tikai to plāna daļu"
GRANT_IF_A_IS_P = ("Ja IB nepieciešamais apmērs pārsniedz provizorisko un Labklājības ministrija IB galīgo apmēru vēl "
                   "nav noteikusi, līdz tam IB pieejamais apmērs ir provizoriskais.")
UNTIL_F = "to nefinansē, līdz Labklājības ministrija nosaka IB galīgo apmēru vai atbalsta plānu groza."


def _papers(catalogue: Catalogue, reading: MatrixReading) -> tuple[ChildContext, dict[str, str]]:
    child = build(reading, catalogue, pseudonymous=False)
    docs = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    return child, {d.spec.id: text(d.html) for d in docs}


def _with_market_price(catalogue: Catalogue, market_cost: object, *, base: object = "ministry",
                       final: Decimal | None = None) -> MatrixReading:
    """2.1 at its prefilled „jāprecizē" price (open) and a market line of 10 units at a price that makes its cost
    ``market_cost`` (a function of P, rounded down to cents a unit)."""
    market = _market(catalogue)
    kwargs = {} if base == "ministry" else {"base": base}
    probe = _reading(catalogue, {"2.1": None, market: Decimal("1")}, {}, **kwargs)
    provisional = probe.outcome.provisional
    unit = (Decimal(market_cost(provisional)) / 10).quantize(Decimal("0.01"), ROUND_FLOOR)
    return _reading(catalogue, {"2.1": None, market: unit}, {"2.1": "SIA Pavadoņi", market: "SIA Cits"},
                    final=final, **kwargs)


def _confirmed_cost(reading: MatrixReading) -> Decimal:
    return reading.outcome.plan.lines[1].cost  # the market line (2.1's price is open)


def test_an_open_price_that_makes_n_exceed_p_is_a_condition(later_catalogue: Catalogue) -> None:
    """The audit's plan: the confirmed line alone stays under P, only the open 2.1 price makes N > P. A confirmed
    price lower than the prefilled one may make N <= P, so neither paper states N > P or that the rest of the plan
    is not financed: both say it as a condition."""
    reading = _with_market_price(later_catalogue, lambda p: p - 1)
    outcome = reading.outcome
    assert _confirmed_cost(reading) < outcome.provisional < outcome.needed
    child, docs = _papers(later_catalogue, reading)
    assert child.final_pending and not child.short_known and child.short_maybe
    contract, grant = docs[PARENT], docs[GRANT]
    assert FACT not in contract and f"{IF_OVER}, kas pēc pakalpojumu prioritātes" in contract
    assert UNTIL_F in contract
    assert GRANT_FACT not in grant and GRANT_A_IS_P not in grant
    assert GRANT_IF_A_IS_P in grant and f"{IF_OVER}, kas pēc pakalpojumu prioritātes" in grant


def test_the_confirmed_lines_alone_above_p_are_a_fact(later_catalogue: Catalogue) -> None:
    """The confirmed line alone exceeds P: N > P whatever 2.1 costs (a price is never below 0), so the papers state
    it, with the rest not financed until F or a changed plan, and no condition beside it."""
    reading = _with_market_price(later_catalogue, lambda p: p + 100)
    assert _confirmed_cost(reading) > reading.outcome.provisional
    child, docs = _papers(later_catalogue, reading)
    assert child.short_known and not child.short_maybe
    contract, grant = docs[PARENT], docs[GRANT]
    assert FACT in contract and UNTIL_F in contract and "Ja IB nepieciešamais apmērs" not in contract
    assert GRANT_FACT in grant and GRANT_A_IS_P in grant and "Ja IB nepieciešamais apmērs" not in grant


def test_an_unconfirmed_b_leaves_n_over_p_a_condition(later_catalogue: Catalogue) -> None:
    """No price open, but P rests on the catalogue's „jāprecizē" B (none typed in the matrix, D72): the confirmed B
    may make N <= P, so N > P on the catalogue's B is a condition too."""
    market = _market(later_catalogue)
    reading = _reading(later_catalogue, {market: Decimal("300")}, {market: "SIA Cits"}, base=None)
    assert reading.outcome.needed > reading.outcome.provisional
    child, docs = _papers(later_catalogue, reading)
    assert child.confirmed and not child.base_confirmed and child.final_pending
    assert not child.short_known and child.short_maybe
    assert FACT not in docs[PARENT] and IF_OVER in docs[PARENT]
    assert GRANT_FACT not in docs[GRANT] and GRANT_IF_A_IS_P in docs[GRANT]


def test_with_the_ministrys_f_the_condition_names_f(later_catalogue: Catalogue) -> None:
    """F is set (A = F while N > P): with an open price N > F is no fact either; the condition names both P and F,
    and what is left unpaid waits only for a changed plan."""
    reading = _with_market_price(later_catalogue, lambda p: p - 1)
    final = reading.outcome.provisional + Decimal("10.00")
    inputs = dataclasses.replace(reading.data.inputs, final=final)
    reading = dataclasses.replace(reading, data=dataclasses.replace(reading.data, inputs=inputs),
                                  outcome=evaluate_workbook(inputs, reading.params))
    assert reading.outcome.needed > final
    child, docs = _papers(later_catalogue, reading)
    assert child.final_short and not child.short_known and child.short_maybe
    condition = ("Ja IB nepieciešamais apmērs pārsniedz provizorisko un arī IB galīgo apmēru (F), ko noteikusi "
                 "Labklājības ministrija, no IB apmaksā tikai to plāna daļu")
    assert condition in docs[PARENT] and condition in docs[GRANT]
    assert "nesedz visu atbalsta plānu" not in docs[PARENT] + docs[GRANT]
    assert "to nefinansē, līdz atbalsta plānu groza." in docs[PARENT]


def test_n_within_a_on_figures_says_nothing(later_catalogue: Catalogue) -> None:
    """Every price confirmed, B typed, N <= P: nothing is left to say about an unpaid rest."""
    market = _market(later_catalogue)
    reading = _reading(later_catalogue, {market: Decimal("20")}, {market: "SIA Cits"})
    child, docs = _papers(later_catalogue, reading)
    assert not child.short_known and not child.short_maybe
    assert FACT not in docs[PARENT] and GRANT_FACT not in docs[GRANT] and GRANT_A_IS_P not in docs[GRANT]
    assert IF_OVER not in docs[PARENT] + docs[GRANT] and GRANT_IF_A_IS_P not in docs[GRANT]


@pytest.mark.parametrize("doc_id", [PARENT, GRANT])
def test_the_blank_forms_say_it_as_a_condition(catalogue: Catalogue, doc_id: str) -> None:
    """The municipality's blank contract and decision (no child) state nothing as a fact: the rule is a condition."""
    html = render_municipality(catalogue, catalogue.municipality("madona"), [by_id(doc_id)])[0].html
    body = text(html)
    assert IF_OVER in body and FACT not in body and GRANT_FACT not in body
    assert "ciktāl to nesedz citi atbalsta plānā paredzētie finanšu avoti, to nefinansē" in body or doc_id == GRANT
