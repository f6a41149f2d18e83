"""A line of an item at actual cost (the euro, D70) asks for „Summa periodā, EUR”, not units: a wrong entry there is
told in that field's words – "summa periodā", an amount in euro – never as "daudzums" (audit27c F4). Every such
item of the default round is tried; a line of units keeps its own words."""

from __future__ import annotations

import pytest

from tests.site.browsing import BROWSER_MARKS, Visit
from tests.site.calculator_form import open_for_child

pytestmark = BROWSER_MARKS

PAGE = "kalkulators.html"


@pytest.fixture
def visit(small_index_visit: Visit) -> Visit:
    """The calculator's page with a one-page search index: these tests never search (browsing.small_search_index)."""
    return small_index_visit


def _error_for(page, code: str, typed: str) -> tuple[str, str]:  # noqa: ANN001 - a Playwright page
    """(the units field's label, its error) on line 1 with service ``code`` and ``typed`` in the units field."""
    page.fill("#ibm-r1-kods", code)
    page.dispatch_event("#ibm-r1-kods", "change")
    page.fill("#ibm-r1-daudzums", typed)
    page.locator("#ibm-r1-daudzums").press("Tab")
    return (page.inner_text("label[for='ibm-r1-daudzums']"),
            page.inner_text("#ibm-r1-daudzums-kluda").replace("\u00a0", " "))


def test_a_wrong_amount_in_euro_is_told_as_an_amount_in_euro(visit: Visit) -> None:
    page = open_for_child(visit, "31.01.2016", "31.10.2018", PAGE)
    data = page.evaluate("ibmKalkulators.dati")
    label = data["lauki"]["summa"]
    euro_items = page.evaluate("""() => Array.from(new Set(ibmKalkulators.dati.pakalpojumi
      .filter(o => o.vienibasCena !== null && ibmKalkulators.pakalpojums(o.kods, '31.10.2018')).map(o => o.kods)))""")
    assert euro_items, "the round has no item at actual cost"
    for code in euro_items:
        for typed in ("-100", "abc"):
            shown, error = _error_for(page, code, typed)
            assert shown == label, code
            assert error.startswith(f"1. rinda, lauks „{label}”: „{typed}” nav summa euro"), (code, error)
            assert "daudzums" not in error and "12,50" not in error, (code, error)
    # a line of units still says "daudzums"
    shown, error = _error_for(page, "3.1.3i", "-100")
    assert shown == data["lauki"]["daudzums"]
    # 3.1.3i's session is counted whole (D256): its example is a whole number
    assert error.startswith(f"1. rinda, lauks „{data['lauki']['daudzums']}”: „-100” nav vesels skaitlis ≥ 0"), error
