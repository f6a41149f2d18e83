"""The one-page search index of the browser tests that never search (browsing.small_search_index): the page's own
fetch of search_index.json gets it, with the real index's configuration, and the theme runs without page errors;
a page without it still gets the whole index."""

from __future__ import annotations

from tests.site.browsing import BROWSER_MARKS, Visit

pytestmark = BROWSER_MARKS

FETCH_INDEX = "fetch('search/search_index.json').then((r) => r.json())"


def test_small_index_is_what_the_page_fetches(small_index_visit: Visit, visit: Visit) -> None:
    small_index_visit.open("kalkulators.html")
    small = small_index_visit.page.evaluate(FETCH_INDEX)
    visit.open("kalkulators.html")
    real = visit.page.evaluate(FETCH_INDEX)
    assert len(small["docs"]) == 1 and len(real["docs"]) > 100, (len(small["docs"]), len(real["docs"]))
    assert small["config"] == real["config"] and small["docs"][0] == real["docs"][0]
    assert small_index_visit.errors == [] and visit.errors == []  # the theme's scripts ran on both without errors
