"""While the base amount B is unconfirmed, what the plan takes from the other sources of 6.5 (benefits, the state's
or municipality's services, other funds) is a figure when the matrix gives that source nothing: 0,00 EUR whatever
B will be (audit28 F5). Only what rests on B stays a blank: P, A, K, "No IB" and a source with an amount, which
gets what A leaves to it."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.workbook.writer import template_date
from tests.documents.child_render import child_html, text
from tests.documents.from_matrix_helpers import money

SOURCES = ("Valsts un pašvaldības pabalsti", "Valsts un pašvaldības nodrošinātie pakalpojumi", "Citi finanšu avoti")
AMOUNT = r"((?:\d[\d ]*,\d{2}|_+))(?! ?EUR)"  # the IB amounts table's figure alone, its unit in the header (D359)


@pytest.fixture(autouse=True)
def _base_unconfirmed(catalogue: Catalogue) -> None:
    if catalogue.programme.base_amount.at(template_date(catalogue)).status is PriceStatus.confirmed:
        pytest.skip("kataloga bāzes apmērs ir apstiprināts: nekas nav atkarīgs no neapstiprināta B")


def _row(page: str, label: str) -> str:
    """The EUR of the calculation table's row ``label`` (its own, not the limit in brackets)."""
    found = re.search(re.escape(label) + r"(?:, izmantotā daļa)?(?: \(plānā varēja izmantot līdz [^)]*\))? " + AMOUNT, page)
    assert found is not None, label
    return found.group(1)


def test_sources_without_an_amount_are_zero_figures_while_b_is_unconfirmed(catalogue: Catalogue) -> None:
    child, papers = child_html(catalogue, 8, base=None)
    assert not child.base_confirmed
    decision, contract = text(papers["08-lemums-par-pieskirsanu"]), text(papers["01-ligums-ar-vecaku"])
    for page in (decision, contract):
        for label in SOURCES:
            assert money(_row(page, label)) == Decimal("0.00"), label
        # what rests on B stays a blank
        assert money(_row(page, "P – IB provizoriskais apmērs (likme 70 %)")) is None
        assert money(_row(page, "A – IB pieejamais apmērs")) is None
        assert money(_row(page, "No IB finansētie pakalpojumi")) is None
        assert money(_row(page, "K – IB kopējais apmērs")) is None
        # N is the plan's cost: no B in it
        assert money(_row(page, "N – IB nepieciešamais apmērs")) == Decimal(8 * 25)


def test_a_source_with_an_amount_stays_a_blank_while_b_is_unconfirmed(catalogue: Catalogue) -> None:
    child, papers = child_html(catalogue, 8, base=None, benefits=Decimal("50.00"))
    decision = text(papers["08-lemums-par-pieskirsanu"])
    assert money(_row(decision, SOURCES[0])) is None  # what A leaves to it depends on B
    assert money(_row(decision, SOURCES[1])) == money(_row(decision, SOURCES[2])) == Decimal("0.00")
    assert child.benefits_used != child.services_used


def test_with_b_confirmed_every_source_is_a_figure(catalogue: Catalogue) -> None:
    _, papers = child_html(catalogue, 8, benefits=Decimal("50.00"))
    decision = text(papers["08-lemums-par-pieskirsanu"])
    assert [money(_row(decision, label)) for label in SOURCES] == [Decimal("0.00")] * 3  # N <= A: the IB pays all
