"""The site search forgives one typing error (audit36 F9): a query that finds nothing or fewer than three pages is
searched again with one error allowed in each word of five or more letters (lunr's "word~1",
site/assets/javascripts/lunr/min/lunr.lv.min.js), and those pages follow the exact hits."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator.site.lvsearch import normalize
from tests.site.browsing import BROWSER_MARKS, Visit
from tests.site.test_search_stale import COUNT_WORKER, settled

pytestmark = BROWSER_MARKS

# A query as a municipal worker might type it -> the page that must come first.
TYPOS = [
    ("asistets", "katalogs/2.2.html"),  # a letter missing
    ("asistnts", "katalogs/2.2.html"),
    ("psihoterapets", "katalogs/3.1.7.html"),
    ("ergoterapets", "katalogs/3.1.2.html"),
    ("ergoteraepits", "katalogs/3.1.2.html"),  # two letters swapped
    ("gimenes asistnts", "katalogs/1.3.html"),  # one word of two with the error
    ("rehabilitacija", "katalogs/3.13.html"),  # no diacritics, no error: found as it was
]


@pytest.fixture(scope="module")
def search_page(browser, server: str):  # noqa: ANN001, ANN201
    """One page for the module's searches: its search worker loads and indexes the whole search index once, not
    once a test (~1 s of Chromium CPU a load). Its errors are collected across the module's tests."""
    visit = Visit(browser, server, init_script=COUNT_WORKER)
    yield visit
    visit.close()


@pytest.fixture
def searching(search_page: Visit) -> Visit:
    """The shared page on index.html (opened again only after a test has left it), its search field focused."""
    search_page.stay_on("index.html")
    search_page.page.locator("input.md-search__input").click()
    return search_page


def pages(visit: Visit, query: str) -> tuple[list[str], str]:
    """The result pages of ``query`` once every step of its search was answered, and the results' meta line."""
    field = visit.page.locator("input.md-search__input")
    field.fill(query[:-1])
    field.press_sequentially(query[-1], delay=15)
    shown = settled(visit)
    found: list[str] = []
    for href in visit.page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)"):
        page = urlsplit(href).path.removeprefix(urlsplit(visit.base).path)
        if page not in found:
            found.append(page)
    return found, shown["meta"]


def test_a_typing_error_finds_the_page(searching: Visit) -> None:
    found = {query: pages(searching, query)[0] for query, _ in TYPOS}
    wrong = {q: found[q][:3] for q, first in TYPOS if not found[q] or found[q][0] != first}
    assert wrong == {}
    # no result of a typo query says its word is missing ("Nav atrasts: asistnts"): the word it found is its term
    pages(searching, "asistnts")
    missing = searching.page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(i => i.innerText).filter(t => /Nav atrasts/.test(t))")
    assert missing == []
    searching.page.wait_for_timeout(300)  # the results panel has faded in: the screenshot is for a person
    searching.shot("meklesana-drukas-kluda")
    assert searching.errors == []


def test_a_typo_result_opens_its_page_with_the_found_word_highlighted(searching: Visit) -> None:
    pages(searching, "psihoterapets")
    searching.page.locator(".md-search-result__item > a").first.click()
    searching.settle()
    marked = searching.page.locator("article mark[data-md-highlight]").all_inner_texts()
    # the words of the found term: „psihoterapeits” and the therapy it gives, „psihoterapija” (one search term)
    assert marked and all(normalize(w) == "psihoterapeit" for w in marked), marked
    assert any(w.lower().startswith("psihoterapeit") for w in marked), marked


# An exact query -> the same query with a lunr operator, searched exactly as typed: a trailing "*" (the theme adds
# it to every plain word anyway), every word but the joining ones required for two or more words (as the site
# searches them first). Its results must stay the query's first results, in the same order.
EXACT = [("asistents", "asistents*"), ("fizioterapija", "fizioterapija*"), ("logopēds", "logopēds*"),
         ("līgums ar vecāku", "+līgums* +vecāku*")]


@pytest.mark.parametrize(("query", "exact_form"), EXACT, ids=[q for q, _ in EXACT])
def test_an_exact_query_keeps_its_results(searching: Visit, query: str, exact_form: str) -> None:
    exact, _ = pages(searching, exact_form)
    found, _ = pages(searching, query)
    assert exact and found[: len(exact)] == exact, (found[:5], exact[:5])


def test_few_exact_hits_come_before_the_typo_tolerant_ones(searching: Visit) -> None:
    """"pastaigas" is on one page; words one letter away ("pastāvīgs") are on many: those follow it."""
    exact, _ = pages(searching, "pastaigas*")
    found, meta = pages(searching, "pastaigas")
    assert exact == ["katalogs/1.5.html"], exact
    assert found[0] == "katalogs/1.5.html" and len(found) > 1, found
    assert meta.startswith("Atrastie dokumenti"), meta


def test_only_words_of_five_letters_are_searched_with_an_error(searching: Visit) -> None:
    typo = searching.page.evaluate("qs => qs.map(q => window.ibmLatvian.typoQuery(q, false))",
                                   ["asistnts", "ģimenes asistnts", "logo", "3.1.33", "D96", "asistnts*", "3 000"])
    assert typo == ["asistnts~1", "gimenes~1 asistnts~1", None, None, None, None, None]
    assert searching.page.evaluate("q => window.ibmLatvian.typoQuery(q, true)", "līgums ar vecku") \
        == "+ligums~1 +vecku~1"
