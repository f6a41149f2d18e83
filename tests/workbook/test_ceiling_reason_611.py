"""D358: 6.11's row of the unconfirmed-ceiling check names each case's reason apart, in the reference's words
(rules.unconfirmed_why): a service's own regulated or contract price, a group session's group parameters – not one
clause for both."""

from __future__ import annotations

from generator.catalogue.models import Impairment
from generator.reference.lines import GROUP_TRANSPORT_REDUCTION_ID
from generator.reference.rules import GROUP_BASE_OPEN, OWN_PRICE_OPEN, unconfirmed_why
from generator.workbook.sheets.technical import rule_lines, rules


def _text() -> str:
    return next(text for code, _, text, _, _ in rules(Impairment.multipli.value) if code == "ceiling_unconfirmed")


def test_each_case_has_its_own_reason() -> None:
    text = _text()
    assert f"jāprecizē {OWN_PRICE_OPEN}, grupu nodarbībai – {GROUP_BASE_OPEN} vai " in text, text
    assert "vai, grupu nodarbībai," not in text and "grupu nodarbībām noteiktā cena" not in text, text
    # the reference's reasons are the words 6.11 explains
    assert unconfirmed_why() == f"(katalogā vēl jāprecizē {OWN_PRICE_OPEN})"
    transport = unconfirmed_why((GROUP_TRANSPORT_REDUCTION_ID,))
    assert "klienta transporta daļa" in transport and "klienta transporta daļa, ko no tās atskaita." in text


def test_the_row_keeps_two_lines() -> None:
    """Two lines of 8 pt, as before: a third moved the last rules to a third page, and the totals with them."""
    assert rule_lines(_text()) == 2
