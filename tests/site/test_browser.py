"""The built site in headless Chromium (Debian's /usr/bin/chromium-headless-shell driven by Playwright), served by
``python -m http.server`` on 127.0.0.1: pages load without console errors and without any request
leaving 127.0.0.1, diagrams render from the vendored mermaid, search finds Latvian words, the catalogue
filters work and a download link downloads its file. Screenshots go to test-artifacts/site/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.browsing import (
    ARTIFACTS,
    BROWSER_MARKS,
    TIMEOUT_MS,
    Visit,
    goto,
    served_one_page_index,
    small_search_index,
)
from tests.site.conftest import BuiltSite

pytestmark = BROWSER_MARKS


def _diagram_page(built_site: BuiltSite) -> str:
    for page in sorted(built_site.site.glob("metodika/*.html")):
        if 'class="mermaid"' in page.read_text(encoding="utf-8"):
            return page.relative_to(built_site.site).as_posix()
    pytest.fail("metodikā nav nevienas diagrammas")


def test_main_pages_load_without_errors_or_outside_requests(visit: Visit, built_site: BuiltSite) -> None:
    service = built_site.catalogue.sorted_services()[0].id
    pages = {
        "sakums": "index.html",
        "pakalpojums": f"katalogs/{service}.html",
        "cenas": "cenas.html",
        "lejupielades": "lejupielades.html",
        "katalogs": "katalogs/index.html",
        "piemeri": "piemeri.html",
        # the calculator's own tests give their page a one-page search index (browsing.small_search_index)
        "kalkulators": "kalkulators.html",
    }
    for name, path in pages.items():
        visit.open(path)
        assert visit.page.locator("h1").count() == 1, path
        assert visit.page.evaluate("document.documentElement.lang") == "lv"
        visit.shot(name)
    assert visit.errors == []
    assert visit.foreign_requests() == []


def test_diagram_renders_from_the_local_mermaid(small_index_visit: Visit, built_site: BuiltSite) -> None:
    visit = small_index_visit  # never searches: the one-page search index (browsing.small_search_index)
    visit.open(_diagram_page(built_site))
    diagram = visit.page.locator("div.mermaid").first
    diagram.wait_for(state="attached", timeout=TIMEOUT_MS)
    visit.page.wait_for_function(
        "() => [...document.querySelectorAll('div.mermaid')].every(d => d.getBoundingClientRect().height > 60)",
        timeout=TIMEOUT_MS,
    )
    diagram.scroll_into_view_if_needed()
    visit.shot("diagramma")
    assert any(u.endswith("/assets/javascripts/mermaid.min.js") for u in visit.requests)
    assert visit.errors == []
    assert visit.foreign_requests() == []


def test_search_finds_a_latvian_word_with_diacritics(visit: Visit) -> None:
    visit.open("index.html")
    field = visit.page.locator("input.md-search__input")
    field.click()
    field.press_sequentially("ģimenes", delay=30)  # typed as keys (text without keys: test_search.py)
    results = visit.page.locator(".md-search-result__item")
    results.first.wait_for(timeout=TIMEOUT_MS)
    assert results.count() > 0
    assert "ģimenes" in visit.page.locator(".md-search-result").inner_text().lower()
    visit.shot("meklesana")
    assert visit.errors == []


def test_catalogue_filters_hide_other_recipients(small_index_visit: Visit, built_site: BuiltSite) -> None:
    visit = small_index_visit  # never searches: the one-page search index (browsing.small_search_index)
    visit.open("katalogs/index.html")
    rows = visit.page.locator("table[data-katalogs-tabula] tbody tr")
    total = rows.count()
    assert total == len(built_site.catalogue.services)
    visit.page.select_option("#filtrs-sanemejs", "parent")
    visible = visit.page.locator("table[data-katalogs-tabula] tbody tr:not([hidden])")
    expected = sum(1 for s in built_site.catalogue.services if s.recipient.value == "parent")
    assert visible.count() == expected
    assert f"Rādīti pakalpojumi: {expected} no {total}." in visit.page.locator("[data-filtri-skaits]").inner_text()
    # a support area none of whose rows match is hidden with its heading and intro
    cat = built_site.catalogue
    for area in cat.enums.support_areas:
        section = visit.page.locator(f"section[data-katalogs-joma]:has(h2#joma-{area.number})")
        matching = [s for s in cat.services if s.area == area.number and s.recipient.value == "parent"]
        assert section.is_visible() == bool(matching), area.number
        assert visit.page.locator(f"h2#joma-{area.number}").is_visible() == bool(matching)
    visit.shot("katalogs-atlase-vecaki")
    visit.page.select_option("#filtrs-sanemejs", "child")
    visit.page.select_option("#filtrs-traucejums", "dzirdes")
    shown_areas = visit.page.locator("section[data-katalogs-joma]:not([hidden])").count()
    assert shown_areas == len({s.area for s in cat.services if s.recipient.value == "child"
                                and (not s.impairments or "dzirdes" in {i.value for i in s.impairments})})
    visit.page.select_option("#filtrs-sanemejs", "")
    visit.page.select_option("#filtrs-traucejums", "")
    assert visit.page.locator("section[data-katalogs-joma]:not([hidden])").count() == len(
        {s.area for s in cat.services})
    visit.page.select_option("#filtrs-sanemejs", "")
    visit.page.select_option("#filtrs-traucejums", "dzirdes")
    expected = sum(1 for s in built_site.catalogue.services if not s.impairments
                   or "dzirdes" in {i.value for i in s.impairments})
    assert visible.count() == expected
    visit.shot("katalogs-atlase")
    assert visit.errors == []


def test_a_download_link_downloads_its_file(small_index_visit: Visit, built_site: BuiltSite, tmp_path: Path) -> None:
    visit = small_index_visit  # never searches: the one-page search index (browsing.small_search_index)
    visit.open("lejupielades.html")
    link = visit.page.locator("a[href$='.xlsx']").first
    href = link.get_attribute("href")
    assert href
    with visit.page.expect_download() as info:
        link.click()
    target = tmp_path / "lejupielade.xlsx"
    info.value.save_as(str(target))
    source = built_site.site / href
    assert target.read_bytes() == source.read_bytes()
    assert source.read_bytes() == (built_site.build_dir / href).read_bytes()
    assert visit.errors == []



@pytest.mark.parametrize("width", [1280, 390], ids=["dators", "telefons"])
def test_screenshots_at_desktop_and_phone_width(browser, server: str, built_site: BuiltSite, width: int) -> None:
    """Screenshots for a person to look at (test-artifacts/site/): home, a service page, the price page
    and search results for three queries; each page loads without errors and has no sideways scrolling."""
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 500 else 844})
    errors: list[str] = []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = "dators" if width > 500 else "telefons"
    try:
        # The three pages are only looked at: the one-page search index (browsing.small_search_index), the theme's
        # scripts run and their errors are seen; the queries below get the whole index in a page of their own.
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        small_search_index(page, served_one_page_index(server))
        for label, path in [("sakums", "index.html"), ("pakalpojums", "katalogs/3.1.3.html"), ("cenas", "cenas.html")]:
            goto(page, server + path)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (path, width)
            page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"))
        page.close()
        # One page load for the three queries (each load fetches and indexes the whole search index again):
        # the field is emptied by keys between them and the next query waits until the last one's results are gone.
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        goto(page, server + "index.html")
        if width <= 500:
            page.locator("label.md-header__button[for='__search']").click()
        field = page.locator("input.md-search__input")
        for query in ["gimenes asistents", "logopeds", "transports berniem"]:
            field.click()
            field.press("Control+A")
            field.press("Backspace")
            page.locator(".md-search-result__item").first.wait_for(state="detached", timeout=TIMEOUT_MS)
            # the prefix set without an event, the last letter typed: one search (as tests/site/test_search.py)
            field.evaluate("(f, v) => { f.value = v; }", query[:-1])
            field.press_sequentially(query[-1], delay=15)
            page.locator(".md-search-result__item").first.wait_for(timeout=TIMEOUT_MS)
            page.wait_for_timeout(400)
            page.screenshot(path=str(ARTIFACTS / f"{name}-meklesana-{query.replace(' ', '-')}.png"))
    finally:
        context.close()
    assert errors == []


@pytest.mark.parametrize("preference, first, toggled", [("dark", "slate", "default"), ("light", "default", "slate")])
def test_colour_scheme_follows_the_reader_and_toggles(browser, server: str, preference: str, first: str,
                                                      toggled: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=preference)
    page = context.new_page()
    small_search_index(page, served_one_page_index(server))  # the theme's scripts run; the test never searches
    try:
        goto(page, server + "index.html")
        scheme = "document.body.getAttribute('data-md-color-scheme')"
        assert page.evaluate(scheme) == first
        toggle = page.locator("form[data-md-component='palette'] label:visible").first
        assert toggle.get_attribute("title") in ("Tumšais režīms", "Gaišais režīms")
        toggle.click()
        assert page.evaluate(scheme) == toggled
        goto(page, server + "cenas.html")  # the choice is remembered
        assert page.evaluate(scheme) == toggled
    finally:
        context.close()
