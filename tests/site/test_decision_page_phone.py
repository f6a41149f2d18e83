"""The decisions page on a phone (~400 000 px tall at 320 px): a list of the themes under the title reaches each
theme with one tap, the list of its decisions right under the theme's heading reaches each decision with one more, and
every section, the last one too, leads back to the list of themes (generator/site/decision_sections.py, D329); every
link of the site to a decision (…rekonstrukcijas-un-lemumi.html#lemums-d…) still finds its heading, and the page stays
axe-core clean."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

import pytest

from tests.site.browsing import browser_test, goto, served_one_page_index, small_search_index
from tests.site.conftest import BuiltSite

PAGE = "metodika/rekonstrukcijas-un-lemumi.html"


def _links_to_the_page(built_site: BuiltSite) -> dict[str, set[str]]:
    """Each fragment of a link to the decisions page (from any page of the site, the page itself among them) and
    the pages that link with it."""
    found: dict[str, set[str]] = {}
    for path, facts in built_site.page_facts().items():
        for link in facts.links:
            if link.tag != "a" or "#" not in link.url:
                continue
            parts = urlsplit(link.url)
            if parts.scheme or parts.netloc:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), parts.path)) if parts.path else path
            if target == PAGE and parts.fragment:
                found.setdefault(parts.fragment, set()).add(path)
    return found


def test_every_link_to_a_decision_finds_its_heading(built_site: BuiltSite) -> None:
    """Other pages cite decisions by their anchors (#lemums-d…); the list of themes and the links back to it are
    anchors of the page too: each one is an id of the page."""
    ids = built_site.page_facts()[PAGE].ids
    links = _links_to_the_page(built_site)
    decisions = {f for f in links if f.startswith("lemums-d")}
    elsewhere = {f for f, pages in links.items() if pages - {PAGE}}
    assert len(decisions) > 100 and len(elsewhere & decisions) > 50, (len(decisions), len(elsewhere))
    assert "lemumu-temas" in links and len(links) > len(decisions)  # the list and the themes it links to
    assert sorted(f for f in links if f not in ids) == []


@pytest.fixture(params=[320, 375], ids=lambda w: f"{w}px")
def phone(request, browser, server: str):  # noqa: ANN001, ANN201 - a Playwright page
    context = browser.new_context(viewport={"width": request.param, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    small_search_index(page, served_one_page_index(server))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    page.base = server
    yield page
    context.close()


def _under_the_header(page, selector: str) -> bool:  # noqa: ANN001
    return page.evaluate("""(s) => { const h = document.querySelector('.md-header').getBoundingClientRect();
        const r = document.querySelector(s).getBoundingClientRect();
        return r.top >= h.bottom - 1 && r.bottom <= window.innerHeight; }""", selector)


@browser_test
def test_a_theme_is_one_tap_from_the_top_and_a_decision_opens_at_its_heading(phone) -> None:  # noqa: ANN001
    from tests.site.axe import ensure_axe
    from tests.site.test_accessibility import FAILING

    page = phone
    goto(page, page.base + PAGE)
    themes = page.locator("#lemumu-temas + ul > li > a")
    assert themes.count() >= 9
    first = themes.first.bounding_box()
    assert first is not None and first["y"] + first["height"] <= 740, first  # on the first screen
    documents = page.locator("#lemumu-temas + ul > li > a", has_text="Dokumenti")
    target = documents.get_attribute("href")
    documents.tap()
    page.wait_for_timeout(300)
    assert _under_the_header(page, target), target
    assert page.evaluate("scrollY") > 20_000  # a theme far down the page
    # its decisions' list starts on the same screen, and one of them is a tap away (D329)
    decisions = page.locator(f"h2{target} + .ibm-temas-lemumi li > a")
    assert decisions.count() > 60 and _under_the_header(page, f"h2{target} + .ibm-temas-lemumi li"), target
    late = decisions.nth(decisions.count() - 3)
    wanted = late.get_attribute("href")
    number = wanted.removeprefix("#lemums-d")
    assert number.isdigit() and late.inner_text().startswith(f"D{number} – ")
    late.scroll_into_view_if_needed()
    late.tap()
    page.wait_for_timeout(300)
    assert _under_the_header(page, wanted), wanted
    # every section ends with the link back, the last one too
    assert page.locator("article h2 ~ p.ibm-uz-temam").count() == page.locator("article h2").count() >= 10
    back = page.locator(f"h2{target} ~ p.ibm-uz-temam a").first
    back.scroll_into_view_if_needed()
    back.tap()
    page.wait_for_timeout(300)
    assert _under_the_header(page, "#lemumu-temas")
    goto(page, page.base + "metodika/matricas-aizpildisana.html")  # a page that cites a decision
    citation = page.locator("article a[href$='rekonstrukcijas-un-lemumi.html#lemums-d257']").first
    citation.scroll_into_view_if_needed()
    citation.tap()
    page.wait_for_url("**/rekonstrukcijas-un-lemumi.html#lemums-d257")
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert _under_the_header(page, "#lemums-d257")
    page.add_script_tag(path=str(ensure_axe()))
    report = page.evaluate("axe.run(document)")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in report["violations"]
            if v["impact"] in FAILING] == []
    assert page.errors == []



# A decision's first paragraph and its heading: the line height against the font size, the heading's size against the
# text's, its weight; and the page's height.
SPACING = """() => {
  const h = document.querySelector('#lemums-d4'), p = h.nextElementSibling;
  const hs = getComputedStyle(h), ps = getComputedStyle(p), size = parseFloat(ps.fontSize);
  return {line: parseFloat(ps.lineHeight) / size, heading: parseFloat(hs.fontSize) / size,
          weight: parseInt(hs.fontWeight, 10), height: document.documentElement.scrollHeight};
}"""


@browser_test
def test_the_decisions_sit_closer_on_a_phone_only(browser, server: str) -> None:  # noqa: ANN001
    """D343: at 320 px the page's lines are 1,5 of the font size (the theme's 1,6) and a decision's heading is a bold
    line hardly larger than the text – the same text, some 8 % less page; at desktop width the theme's spacing stays,
    and so does another page's on a phone."""
    sizes = {}
    for width in (320, 1280):
        context = browser.new_context(viewport={"width": width, "height": 740})
        try:
            page = context.new_page()
            small_search_index(page, served_one_page_index(server))
            goto(page, server + PAGE)
            sizes[width] = page.evaluate(SPACING)
            if width == 320:
                goto(page, server + "metodika/ievads.html")
                sizes["other"] = page.evaluate("() => { const p = getComputedStyle(document.querySelector('article p'));"
                                               " return parseFloat(p.lineHeight) / parseFloat(p.fontSize); }")
        finally:
            context.close()
    phone, desktop = sizes[320], sizes[1280]
    assert phone["line"] == pytest.approx(1.5) and phone["heading"] <= 1.1 and phone["weight"] >= 700, phone
    assert desktop["line"] == pytest.approx(1.6) and desktop["heading"] > 1.2, desktop
    assert sizes["other"] == pytest.approx(1.6), sizes
