"""The site's search as a reader uses it: queries typed into the theme's search field in headless
Chromium against the built site, each with the page that must come first. Words are typed the way
Latvians type them, with or without diacritics and in any case form."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator.catalogue.annexes import annex_sort_key
from generator.site.lvsearch import normalize
from tests.site.browsing import BROWSER_MARKS, TIMEOUT_MS, Visit

pytestmark = BROWSER_MARKS

# query -> the page the first result must be (location in the site)
FIRST_RESULT = [
    ("gimenes asistents", "katalogs/1.3.html"),
    ("ģimenes asistents", "katalogs/1.3.html"),
    ("logopeds", "katalogs/3.1.3.html"),
    ("transports berniem", "katalogs/2.4.html"),
    ("atelpas bridis", "katalogs/1.4.1.html"),
    ("atelpas brīdis mājās", "katalogs/1.4.2.html"),
    ("dienas aprupes centrs", "katalogs/3.6.html"),
    ("matrica", "matrica.html"),
    ("3.1.3", "katalogs/3.1.3.html"),
    ("3.15.2", "katalogs/3.15.2.html"),
    ("3.11", "katalogs/3.11.html"),  # a code with two digits after the dot is also searched as an amount (3,11)
    ("asistents", "katalogs/2.2.html"),
    ("asistenta", "katalogs/2.2.html"),
    ("aukle", "katalogs/1.5.html"),
    ("psihoterapeits", "katalogs/3.1.7.html"),
    ("psihoterapeits vecakiem", "katalogs/1.1.2.html"),
    ("kanisterapija", "katalogs/3.8.html"),
    ("specializeta darbnica", "katalogs/3.5.html"),
    ("specializētais transports", "katalogs/2.5.html"),
    ("transporta pakalpojumi vecakam", "katalogs/1.6.html"),
    ("muzikas terapija", "katalogs/3.4.1.html"),
    ("aprupe majas", "katalogs/2.3.html"),
    ("Fizioterapeits", "katalogs/3.1.1.html"),
    ("cenas", "cenas.html"),
    ("lejupielades", "lejupielades.html"),
    ("terminu vardnica", "metodika/terminu-vardnica.html"),
    ("atbalsta plans", "metodika/atbalsta-plans.html"),
    # a therapy's or a field's name finds its specialist's page (the service's search_terms_lv in the catalogue)
    ("ergoterapija", "katalogs/3.1.2.html"),
    ("fizioterapija", "katalogs/3.1.1.html"),
    ("logopēdija", "katalogs/3.1.3.html"),
    ("logopedijas", "katalogs/3.1.3.html"),
    # a word being typed or cut short finds the page whose title has a word it begins
    ("ergo", "katalogs/3.1.2.html"),
    ("fizioterap", "katalogs/3.1.1.html"),
    ("kanister", "katalogs/3.8.html"),
]


# audit34a F6: the page a code, a heading or a title names comes before the pages that only mention the words: a table
# of the matrix finds the matrix page (not a decision that mentions the table), a price the prices page, a heading
# that is the query ("Pašvaldības") its page, a heading that stands on every service page ("Mērķa grupa") none of them.
NAMED_FIRST = [
    ("6.11", "matrica.html"),
    ("6.8", "matrica.html"),
    ("6.11. tabula", "matrica.html"),
    ("5,11", "cenas.html"),
    ("pašvaldības", "metodika/izmeginajumprojekti.html"),
    ("griesti", "cenas.html"),
    ("bērnam", "metodika/merkis-un-principi.html"),
    ("berns", "metodika/merkis-un-principi.html"),
    ("mērķa grupa", "metodika/merkis-un-principi.html"),
    ("D257", "metodika/rekonstrukcijas-un-lemumi.html"),
]


@pytest.fixture(scope="module")
def search_page(browser, server: str):  # noqa: ANN001, ANN201
    """One page for the module's searches: its search worker loads and indexes the whole search index once, not
    once a test (~1 s of Chromium CPU a load). first_result waits for the results of its own query, so a query
    left by an earlier test is never read as this one's. Its errors are collected across the module's tests."""
    visit = Visit(browser, server)
    yield visit
    visit.close()


@pytest.fixture
def on_index(search_page: Visit) -> Visit:
    """The shared page on index.html: opened again only after a test has left it (a result clicked)."""
    search_page.stay_on("index.html")
    return search_page


def first_result(visit: Visit, query: str) -> str:
    field = visit.page.locator("input.md-search__input")
    field.click()
    # The results shown so far (the previous query's) are marked: the first result read below is one the theme
    # rendered for this query, without a fixed wait for it.
    visit.page.evaluate("() => document.querySelectorAll('.md-search-result__item').forEach(i => i.ibmOld = true)")
    # All but the last letter set at once without an event, the last one typed as a key, so that the query is
    # searched once, as typed (typed letter by letter, every prefix was searched as well; a filled prefix is searched
    # too, since every "input" is: its results could be read as this query's).
    field.evaluate("(f, v) => { f.value = v; }", query[:-1])
    field.press_sequentially(query[-1], delay=15)
    meta = visit.page.locator(".md-search-result__meta")
    visit.page.wait_for_function(
        "() => !/inicializ|sagatavota/i.test(document.querySelector('.md-search-result__meta').textContent)"
        " && [...document.querySelectorAll('.md-search-result__item')].some(i => i.querySelector('a'))"
        " && ![...document.querySelectorAll('.md-search-result__item')].some(i => i.ibmOld)", timeout=TIMEOUT_MS)
    assert meta.count() == 1
    href = visit.page.locator(".md-search-result__item > a").first.get_attribute("href") or ""
    return urlsplit(href).path.removeprefix(urlsplit(visit.base).path)


def results(visit: Visit, query: str) -> tuple[list[str], str]:
    """The result pages of ``query`` (locations, in order) and the text of the first result."""
    first_result(visit, query)
    hrefs = visit.page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    pages = []
    for href in hrefs:
        page = urlsplit(href).path.removeprefix(urlsplit(visit.base).path)
        if page not in pages:
            pages.append(page)
    return pages, visit.page.locator(".md-search-result__item").first.inner_text()


# A price as it stands on an invoice or in a regulation (audit11 F3): query -> (a page that must be among the
# results, the figure as the site writes it). The comma, a dot typed for it and a thousands space do not split it.
PRICE_QUERIES = [
    ("4,79", "cenas/joma-2.html", "4,79"),  # 2.1 until 31.03.2023: its history
    ("5.11", "cenas.html", "5,11"),  # 2.1 in force, typed with a dot
    ("5,11", "cenas.html", "5,11"),
    ("3 000", "kalkulators.html", "3 000"),  # the base amount B
]


@pytest.mark.parametrize(("query", "page", "figure"), PRICE_QUERIES, ids=[q for q, _, _ in PRICE_QUERIES])
def test_a_price_is_found_by_its_figure(on_index: Visit, query: str, page: str, figure: str) -> None:
    visit = on_index  # one page for the module: its search index is built once
    pages, first = results(visit, query)
    assert page in pages, pages
    assert len(pages) <= 12, pages  # the figure, not every page with a "4", "79" or "3" in it
    assert figure in first.replace("\u00a0", " "), first  # the first result shows the figure
    assert visit.errors == []


def test_a_case_form_finds_the_pages_of_the_nominative(on_index: Visit) -> None:
    """audit32b F4: „atelpas brīža” (genitive, d – ž) missed the price pages, which write only „brīdis”."""
    for query in ("atelpas brīža", "atelpas brīdis"):
        pages, _ = results(on_index, query)
        assert "cenas/joma-1.html" in pages, (query, pages)
    assert on_index.errors == []


# A profession and its field, a person and the help, typed with or without diacritics: one search term, the same pages.
SAME_PAGES = [("ergoterapija", "ergoterapeits", "ergoterapeitam"), ("fizioterapija", "fizioterapeits", "fizioterapeite"),
              ("logopēdija", "logopēds", "logopedi"), ("asistence", "asistents", "asistentiem"),
              ("aprūpe", "aprūpes", "aprupe")]


def test_a_profession_and_its_field_find_the_same_pages(on_index: Visit) -> None:
    """fix41: „ergoterapija” found 2 pages and „ergoterapeits” 20 – the derived words of one root were two terms."""
    for forms in SAME_PAGES:
        found = {}
        for query in forms:
            pages, _ = results(on_index, query)
            found[query] = (on_index.page.locator(".md-search-result__meta").inner_text(), pages)
        assert len({repr(v) for v in found.values()}) == 1, found
        assert len(found[forms[0]][1]) >= 5, found  # the pages that name the specialist, not only its own page
    assert on_index.errors == []


def test_a_service_result_is_its_summary_not_its_property_table(on_index: Visit) -> None:
    visit = on_index  # one page for the module: its search index is built once
    pages, first = results(visit, "dienas aprūpes centrs")
    assert pages[0] == "katalogs/3.6.html"
    assert "Dienas aprūpes centrs – " in first
    assert "Īpašība" not in first and "Vērtība" not in first and "Mērvienība" not in first
    visit.page.wait_for_timeout(300)  # the results panel has faded in (as above)
    visit.shot("meklesana-pakalpojums")


def test_each_query_finds_its_page_first(on_index: Visit) -> None:
    assert len(FIRST_RESULT) >= 20
    visit = on_index  # one page for the module: its search index is built once
    found = {query: first_result(visit, query) for query, _ in FIRST_RESULT}
    wrong = {q: (found[q], expected) for q, expected in FIRST_RESULT if found[q] != expected}
    visit.page.wait_for_timeout(300)  # the results panel has faded in: the screenshot is for a person to look at
    visit.shot("meklesana-tabula")
    assert wrong == {}, "vaicājums: (pirmais rezultāts, gaidītais)"
    assert visit.errors == []


def test_a_code_heading_or_title_finds_its_page_first(on_index: Visit) -> None:
    visit = on_index  # one page for the module: its search index is built once
    found = {query: results(visit, query)[0] for query, _ in NAMED_FIRST}
    wrong = {q: found[q][:3] for q, expected in NAMED_FIRST if found[q][0] != expected}
    assert wrong == {}, "vaicājums: pirmie trīs rezultāti"
    # the page the code names first, then the filling guide's step whose heading holds it (before the decisions that
    # mention the table, if the theme shows them at all)
    assert found["6.8"][1] == "metodika/matricas-aizpildisana.html", found["6.8"][:3]
    assert visit.errors == []


def _annex_page(annex) -> str:  # noqa: ANN001 - generator.catalogue.annexes.Annex
    """The page an annex lives on, from the register: the matrix page, its site page, or the register's row."""
    if annex.matrix:
        return "matrica.html"
    return annex.page.removesuffix(".md") + ".html" if annex.page else "pielikumi.html"


def test_an_annex_number_finds_the_page_of_the_annex_first(on_index: Visit, built_site) -> None:  # noqa: ANN001
    """"7. pielikums" finds the filling guide (the annex's page), not the register page whose title has the word nor
    a page whose code is the number ("2. pielikums": „2. joma”); an annex with no page of its own – the register's row.
    The annexes: the first of each kind in the register (matrix, methodology page, other page, sub-annex, none) and
    the last; "1. pielikums" and "19. pielikums" found nothing before lunr's token trie was fixed (lunr.lv.min.js).
    The register's result opens the annex's row (#p-22), not the top of the register."""
    annexes = sorted(built_site.catalogue.annexes.annexes, key=lambda a: annex_sort_key(a.number))
    kinds = [lambda a: a.matrix, lambda a: a.page and a.page.startswith("metodika/"),
             lambda a: a.page and not a.page.startswith("metodika/"), lambda a: "." in a.number,
             lambda a: not a.matrix and not a.page]
    numbers = list(dict.fromkeys([next(a for a in annexes if kind(a)).number for kind in kinds] + [annexes[-1].number]))
    chosen = [a for a in annexes if a.number in numbers]
    assert len(chosen) >= 5
    visit = on_index  # one page for the module: its search index is built once
    found, opens = {}, {}
    for a in chosen:
        found[a.number] = results(visit, f"{a.number}. pielikums")[0][:3]
        opens[a.number] = urlsplit(visit.page.locator(".md-search-result__item > a").first.get_attribute("href") or "")
    wrong = {a.number: found[a.number] for a in chosen if found[a.number][0] != _annex_page(a)}
    assert wrong == {}, "pielikums: pirmie trīs rezultāti"
    # the first result opens the annex's row on the register page; a page of the annex's own opens at its top
    anchors = {a.number: opens[a.number].fragment for a in chosen}
    assert anchors == {a.number: a.anchor if _annex_page(a) == "pielikumi.html" else "" for a in chosen}
    # the results mark the number and the word, not every word ("45.*" was "45" and a bare "*" to the highlighter)
    marked = {normalize(w) for w in visit.page.locator(".md-search-result__item mark").all_inner_texts() if w.strip()}
    last = chosen[-1].number
    assert marked and all(w.startswith((last, "pielikum")) for w in marked), sorted(marked)[:20]
    assert visit.errors == []


@pytest.mark.parametrize("query", ["logopeds", "gimenes asistents", "transports berniem"])
def test_results_highlight_the_written_words(on_index: Visit, query: str) -> None:
    visit = on_index  # one page for the module: its search index is built once
    first_result(visit, query)
    marked = visit.page.locator(".md-search-result__item mark").all_inner_texts()
    assert marked, query
    # the highlighted words are the page's own words (with diacritics), not the search stems
    assert any(any(ch in word for ch in "āčēģīķļņšūž") for word in marked) or query == "transports berniem"
    visit.page.wait_for_timeout(300)  # the results panel has faded in (as above)
    visit.shot("meklesana-" + query.replace(" ", "-"))
    # the page opened from the result highlights the words as they are written there
    visit.page.locator(".md-search-result__item > a").first.click()
    visit.settle()
    on_page = visit.page.locator("article mark[data-md-highlight]").all_inner_texts()
    assert on_page, query
    typed = {normalize(w) for w in query.split()}
    assert all(any(normalize(w).startswith(t) for t in typed) for w in on_page), on_page


# audit16 F2–F4: a query with words whose pages' titles do not decide finds the methodology (and its annexes) before
# the catalogue and price pages, and the decisions page last; a two-word query puts first the pages with the two
# words next to each other. query -> the pages one of which must come first.
METHODOLOGY_FIRST = [
    ("personas kods", {"metodika/matricas-aizpildisana.html", "metodika/dati-riski-kvalitate.html",
                       "metodika/ib-pieskirsana.html"}),
    ("līgums ar vecāku", {"pielikumi.html", "metodika/ib-pieskirsana.html"}),
    ("ligums ar vecaku", {"pielikumi.html", "metodika/ib-pieskirsana.html"}),
    ("kopsavilkums", {"metodika/ib-apmeri-un-posmi.html", "metodika/administresana.html",
                      "metodika/matricas-aizpildisana.html", "pielikumi.html"}),
]
DECISIONS = "metodika/rekonstrukcijas-un-lemumi.html"


def test_methodology_before_catalogue_and_decision_rows(on_index: Visit) -> None:
    visit = on_index  # one page for the module: its search index is built once
    found = {query: results(visit, query)[0] for query, _ in METHODOLOGY_FIRST}
    wrong = {q: found[q][:5] for q, first in METHODOLOGY_FIRST if found[q][0] not in first}
    assert wrong == {}
    for query, pages in found.items():  # no catalogue service page among the first five for these queries
        assert not [p for p in pages[:5] if p.startswith("katalogs/")], (query, pages[:5])
        if DECISIONS in pages:
            assert pages.index(DECISIONS) >= 3, (query, pages[:5])
    assert first_result(visit, "D110") == DECISIONS  # a decision's number still finds its page
    assert visit.errors == []


def test_a_price_history_result_reads_as_a_sentence(on_index: Visit, built_site) -> None:  # noqa: ANN001
    """audit16 F10: a price history section's text in the index is its paragraph and one clause a value, not the
    table's column headers run together; the "jāprecizē" status stays with its figure."""
    import json

    index = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    history = [d for d in index["docs"] if d["location"].startswith("cenas/joma-") and "#" in d["location"]]
    assert len(history) >= 10
    assert [d["location"] for d in history if "Spēkā Nozīme Summa" in d["text"]] == []
    assert all("Spēkā: " in d["text"] for d in history)  # one sentence a row, as every table (review2 F12)
    visit = on_index  # one page for the module: its search index is built once
    first_result(visit, "3,14")  # the figure of 2.3 in its history
    texts = visit.page.locator(".md-search-result__item").evaluate_all(
        "items => items.filter(i => /cenas\\/joma-2/.test(i.querySelector('a').href)).map(i => i.innerText)")
    assert texts and all("Spēkā Nozīme" not in t for t in texts), texts
    assert any("Summa: 3,14 EUR; Statuss: jāprecizē" in t.replace("\u00a0", " ") for t in texts), texts
    visit.page.wait_for_timeout(300)
    visit.shot("meklesana-cenu-vesture")
    assert visit.errors == []


# audit27c F5: a question typed without diacritics, in the words people use, finds the pages that answer it among the
# first three, though the pages say it otherwise ("periodam līdz 6 mēnešiem", "Periods ilgst …"): the question words
# ("cik") are joining words, and the pages' search keywords (front matter "atslegvardi") are title words.
# query -> the pages each of which must be among the first three.
ANSWERED_AMONG_FIRST_3 = [
    ("cik ilgs plans", {"metodika/atbalsta-plans.html", "metodika/ib-apmeri-un-posmi.html"}),
    ("plana ilgums", {"metodika/atbalsta-plans.html", "metodika/ib-apmeri-un-posmi.html"}),
    ("plāna ilgums", {"metodika/atbalsta-plans.html", "metodika/ib-apmeri-un-posmi.html"}),
    ("cik ilgs ir atbalsta plāns", {"metodika/atbalsta-plans.html"}),
    ("plana periods", {"metodika/atbalsta-plans.html"}),
]
# audit27c F6: background pages (other countries, how the methodology was made, the decisions page) come after the
# methodology pages that hold the words, even when they hold them next to each other.
BACKGROUND = ("metodika/valsts", "metodika/arvalstu-pieredze.html", "metodika/di-izvertejums.html",
              "metodika/izstrades-metode.html", "metodika/esosa-situacija.html", DECISIONS)
BACKGROUND_LAST = [
    ("dienas centrs", {"metodika/pakalpojumu-sanemsana.html", "metodika/pakalpojumu-saraksts-un-cenas.html"}),
    ("atelpas bridis", {"metodika/izmeginajumprojekti.html", "metodika/riski.html"}),
]


def test_questions_find_the_pages_that_answer_them(on_index: Visit) -> None:
    visit = on_index  # one page for the module: its search index is built once
    found = {query: results(visit, query)[0] for query, _ in ANSWERED_AMONG_FIRST_3}
    wrong = {q: found[q][:5] for q, pages in ANSWERED_AMONG_FIRST_3 if not pages <= set(found[q][:3])}
    assert wrong == {}
    visit.page.wait_for_timeout(300)  # the results panel has faded in: the screenshot is for a person to look at
    visit.shot("meklesana-plana-periods")
    assert visit.errors == []


def test_background_pages_come_after_the_methodology(on_index: Visit) -> None:
    visit = on_index  # one page for the module: its search index is built once
    for query, methodology in BACKGROUND_LAST:
        pages = results(visit, query)[0]
        # the results the theme has shown (it shows more on scrolling): a background page not among them is after
        background = [i for i, p in enumerate(pages) if p.startswith(BACKGROUND)] or [len(pages)]
        for page in methodology:
            assert page in pages and pages.index(page) < min(background), (query, page, pages[:8])
    assert visit.errors == []


def test_a_document_result_leads_to_the_downloads_group_not_a_municipality(on_index: Visit) -> None:
    """audit27c F6: a document's name found on the downloads page leads to its group ("Dokumenti"), not into the
    block of whichever municipality comes first; a municipality's name still finds its block."""
    visit = on_index  # one page for the module: its search index is built once
    first_result(visit, "lēmums par individuālā budžeta piešķiršanu")
    links = visit.page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    downloads = [urlsplit(h).fragment for h in links if urlsplit(h).path.endswith("/lejupielades.html")]
    assert downloads and all(f == "dokumenti" for f in downloads), downloads
    first_result(visit, "Jelgavas dokumenti")
    links = visit.page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert any(urlsplit(h).fragment == "bloks-dokumenti-jelgava" for h in links), links
    assert visit.errors == []


@pytest.mark.parametrize("how", ["fill", "input event"])
def test_text_that_arrives_without_a_key_is_searched(on_index: Visit, how: str) -> None:
    """Text pasted with the mouse, dictated or filled in by the browser comes with an "input" event and no key: it is
    searched without a further key press (site/assets/javascripts/meklesana.js). Playwright's fill sends no key
    events; the other case sets the value and sends "input" itself, as a context-menu paste does."""
    page = on_index.page
    field = page.locator("input.md-search__input")
    field.click()
    page.evaluate("() => document.querySelectorAll('.md-search-result__item').forEach(i => i.ibmOld = true)")
    if how == "fill":
        field.fill("logopēds")
    else:
        field.evaluate("f => { f.value = 'logopēds'; f.dispatchEvent(new InputEvent('input', {bubbles: true,"
                       " inputType: 'insertFromPaste'})); }")
    # the index is built by the module's first searches; a value searched at all is answered in well under this
    page.wait_for_function("() => [...document.querySelectorAll('.md-search-result__item')]"
                           ".some(i => !i.ibmOld && i.querySelector('a'))", timeout=20_000)
    href = page.locator(".md-search-result__item > a").first.get_attribute("href") or ""
    assert urlsplit(href).path.endswith("katalogs/3.1.3.html"), href
    field.fill("")
