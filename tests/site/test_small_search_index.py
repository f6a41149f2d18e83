"""The one-page search index of the browser tests that never search (browsing.small_search_index): the page's own
fetch of search_index.json gets it, with the real index's configuration, and the theme runs without page errors;
a page without it still gets the whole index; given one URL, only that URL is answered (test_notfound.py: an index
looked for outside the site's sub-folder must still fail)."""

from __future__ import annotations

from tests.site.browsing import BROWSER_MARKS, Visit, served_one_page_index, small_search_index

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


def test_small_index_for_one_url_leaves_the_others_alone(browser, server: str) -> None:  # noqa: ANN001
    visit = Visit(browser, server)
    try:
        small_search_index(visit.page, served_one_page_index(server), server + "katalogs/search/search_index.json")
        visit.open("index.html")
        answered = visit.page.evaluate("fetch('katalogs/search/search_index.json').then((r) => r.json())")
        real = visit.page.evaluate(FETCH_INDEX)  # another URL: the server's whole index
        assert len(answered["docs"]) == 1 and len(real["docs"]) > 100, (len(answered["docs"]), len(real["docs"]))
        assert visit.errors == []
    finally:
        visit.close()
