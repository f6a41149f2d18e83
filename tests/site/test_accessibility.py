"""axe-core (npm, pinned and fetched into .cache/ by tests/site/axe.py, never part of the site) on every
built page in headless Chromium: no serious or critical violation. One browser page visits all pages
one after another; the main pages are checked once more in the dark colour scheme."""

from __future__ import annotations

import json

import pytest

from tests.site.axe import AxeUnavailable, ensure_axe
from tests.site.browsing import BROWSER_MARKS, Visit, served_one_page_index, skip_search_index
from tests.site.conftest import BuiltSite
from tests.site.test_search import first_result

pytestmark = BROWSER_MARKS

FAILING = ("serious", "critical")
ALSO_FAILING = ("empty-table-header",)  # minor for axe, but a header cell must say what its column holds
# axe-core gives each rule one impact, and a rule's impact is the impact of every violation it reports (axe.min.js
# overwrites its checks' impacts with it). A rule of a lesser impact than FAILING, not in ALSO_FAILING, can therefore
# never fail an audit: RUN switches those rules off (~10 % of axe's CPU, bench/axe_speed.py "failing"); FULL_RUN runs
# every rule, for test_lesser_rules_never_fail, which shows both find the same failing violations.
LESSER_RULES_OFF = f"""
  const off = {{}};
  for (const rule of axe._audit.rules) {{
    if (rule.impact && !{json.dumps(FAILING)}.includes(rule.impact) && !{json.dumps(ALSO_FAILING)}.includes(rule.id)) {{
      off[rule.id] = {{enabled: false}};
    }}
  }}"""
RUN = """async (scope) => {""" + LESSER_RULES_OFF + """
  const result = await axe.run(scope || document, {resultTypes: ["violations"], performanceTimer: false, rules: off,
                                          elementRef: false, ancestry: false, xpath: false});
  return result.violations.map(v => ({id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
}"""

FULL_RUN = RUN.replace(LESSER_RULES_OFF, "\n  const off = {};")

# A page with violations of every kind the audit tells apart: failing (image-alt, label: critical; link-name:
# serious), failing though minor (empty-table-header) and lesser ones that never fail (heading-order, region: moderate; empty-heading: minor).
FLAWED_PAGE = """<!doctype html><html lang="lv"><head><title>Kļūdaina lapa</title></head><body>
<p>Teksts ārpus orientieriem.</p>
<main><h1>Virsraksts</h1><h4>Pārlēkts līmenis</h4><h2></h2>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<input type="text"> <a href="kur.html"></a>
<table><thead><tr><th></th><th>Cena</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>
</main></body></html>"""

@pytest.fixture(scope="module")
def axe_script() -> str:
    try:
        return ensure_axe().read_text(encoding="utf-8")
    except AxeUnavailable as exc:
        pytest.fail(f"axe-core nav pieejams: {exc}")


def site_pages(built_site: BuiltSite) -> list[str]:
    """Every HTML page of the site (downloads are files, not pages)."""
    return sorted(p.relative_to(built_site.site).as_posix() for p in built_site.site.rglob("*.html")
                  if p.relative_to(built_site.site).parts[0] not in ("lejupielades", "atvertie-dati"))


PHONE = 360  # a phone's width (CSS px): the theme's navigation is folded, the calculator's link to its form shown


def audit(browser, base: str, axe_script: str, pages: list[str], scheme: str,
          phone_pages: dict[str, str | None] | None = None) -> dict[str, list[str]]:
    """The failing violations of ``pages`` at a desktop width and then of ``phone_pages`` at a phone's, on one browser
    page (a phone page's problems under "path @360px"); a phone page's value is the part of it axe checks (a CSS
    selector; None: the whole page)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    context.add_init_script(script=axe_script)
    page = context.new_page()
    # The search index is built by a worker on every page load; axe does not need it.
    skip_search_index(page)
    problems: dict[str, list[str]] = {}
    try:
        for width, paths in ((1280, dict.fromkeys(pages)), (PHONE, phone_pages or {})):
            page.set_viewport_size({"width": width, "height": 900})
            for path, scope in paths.items():
                response = page.goto(base + path, wait_until="load")
                assert response is not None and (response.ok or path == "404.html"), path
                key = path if width == 1280 else f"{path} @{width}px"
                for v in page.evaluate(RUN, scope):
                    if v["impact"] in FAILING or v["id"] in ALSO_FAILING:
                        problems.setdefault(key, []).append(f"{v['id']} ({v['impact']}): {', '.join(v['nodes'])}")
    finally:
        context.close()
    return problems


def test_every_page_has_no_serious_accessibility_violation(browser, server: str, built_site: BuiltSite,
                                                           axe_script: str) -> None:
    pages = site_pages(built_site)
    assert len(pages) >= len(built_site.catalogue.services) + 10
    assert "404.html" in pages
    problems = audit(browser, server, axe_script, pages, "light")
    assert problems == {}


def test_main_pages_in_the_dark_scheme(browser, server: str, built_site: BuiltSite, axe_script: str) -> None:
    """The main pages at a desktop width, and at a phone's the calculator (its link to the form, shown only below
    60em, was the theme's dark indigo on slate, 2,3:1) and the decisions page's lists of links (code in them was
    4,1:1 on the code's background; the lists alone: the whole page, ~280 decisions, would take axe ~13 s more)."""
    service = built_site.catalogue.sorted_services()[0].id
    pages = ["index.html", f"katalogs/{service}.html", "katalogs/index.html", "cenas.html", "piemeri.html"]
    phone = {"kalkulators.html": None, "metodika/rekonstrukcijas-un-lemumi.html": ".ibm-temas-lemumi"}
    assert audit(browser, server, axe_script, pages, "dark", phone) == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_search_panel_with_results(browser, server: str, axe_script: str, scheme: str) -> None:
    """The search panel with results (audit16 F7: the result count and the highlighted words were below 4.5:1).
    The search index loads here, unlike in the page audits above: the results are the theme's own rendering."""
    visit = Visit(browser, server, width=1366, color_scheme=scheme, init_script=axe_script)
    try:
        visit.open("index.html")
        first_result(visit, "aprupe")
        assert visit.page.locator(".md-search-result__item mark").count() > 0
        assert visit.page.locator(".md-search-result__meta").is_visible()
        # the count of results is a polite live region: a screen reader hears it as the query changes
        assert visit.page.get_attribute(".md-search-result__meta", "role") == "status"
        visit.page.wait_for_timeout(300)  # the results panel has faded in: colours are final
        visit.shot(f"meklesana-atverta-{scheme}")
        problems = [f"{v['id']} ({v['impact']}): {', '.join(v['nodes'])}" for v in visit.page.evaluate(RUN)
                    if v["impact"] in FAILING or v["id"] in ALSO_FAILING]
        assert problems == []
    finally:
        visit.close()


ACTIVE = """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
  return {box: e.classList.contains('md-search__scrollwrap'), width: r.width, height: r.height,
          element: e.outerHTML.slice(0, 120)}; }"""
SEARCH_OPEN = "document.getElementById('__search').checked"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_search_results_box_is_a_tab_stop_only_with_results(browser, server: str, axe_script: str,
                                                                 width: int) -> None:
    """The theme's results box (.md-search__scrollwrap) was a Tab stop at 0×0 while the query was empty: Tab in the
    search field closes the search (the theme's keys) and went on to the closed box, which no reader could see. Now
    the box is a stop only while the search is open and lists results (site/assets/javascripts/meklesana.js), and a
    box that is no stop does not scroll, so axe's scrollable-region-focusable holds in both states at both widths."""
    visit = Visit(browser, server, width=width, init_script=axe_script)
    page = visit.page
    box = page.locator(".md-search__scrollwrap")
    field = page.locator("input.md-search__input")
    name = "dators" if width > 500 else "telefons"

    def open_search(first: bool) -> None:
        if page.evaluate(SEARCH_OPEN):
            return
        if width > 500:
            field.click()
        elif first:
            page.locator("label.md-header__button[for='__search']").click()
        else:  # the header's search button, after Tab moved the focus elsewhere: the theme's toggle it labels
            page.evaluate("document.getElementById('__search').click()")
        page.wait_for_function(SEARCH_OPEN)
        page.wait_for_timeout(300)  # the search panel has opened

    def tab_from_the_field() -> dict:
        field.focus()
        page.keyboard.press("Tab")
        return page.evaluate(ACTIVE)

    def serious() -> list[str]:
        return [f"{v['id']} ({v['impact']}): {', '.join(v['nodes'])}" for v in page.evaluate(RUN)
                if v["impact"] in FAILING or v["id"] in ALSO_FAILING]

    try:
        visit.open("index.html")
        # open with the query empty: the box is no stop and does not scroll
        open_search(first=True)
        assert box.get_attribute("tabindex") is None
        visit.shot(f"meklesana-tuksa-{name}")
        assert serious() == []
        focused = tab_from_the_field()  # Tab leaves the search: to something on screen, not to the box
        assert not focused["box"] and focused["width"] > 0 and focused["height"] > 0, focused
        # open with results: the box is a stop, on screen, and scrolls them
        open_search(first=False)
        first_result(visit, "aprupe")
        assert box.get_attribute("tabindex") == "0"
        shown = box.bounding_box()
        assert shown is not None and shown["width"] > 0 and shown["height"] > 0, shown
        page.wait_for_timeout(300)  # the results panel has faded in
        visit.shot(f"meklesana-rezultati-{name}")
        assert serious() == []
        box.focus()
        assert page.evaluate(ACTIVE)["box"]
        # closed with the results still listed: no stop again (at desktop width the closed box is 0×0)
        page.evaluate("document.getElementById('__search').click()")  # the theme's own toggle
        page.wait_for_function(f"!{SEARCH_OPEN}")
        assert box.get_attribute("tabindex") is None
        assert visit.errors == []
    finally:
        visit.close()


# Keyboard focus on each kind of link: the navigation, a link in the text (with an abbreviation's tooltip), the table of
# contents, the footer's next page.
FOCUSED = ["nav.md-nav--primary a.md-nav__link[href]", "article p a[href]:not(.headerlink)",
           "nav.md-nav--secondary a.md-nav__link", "footer a.md-footer__link"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_link_with_keyboard_focus_keeps_its_contrast(browser, server: str, axe_script: str, scheme: str) -> None:
    """The theme shows a focused or hovered link in its accent colour, indigo #526cfe: 4,25:1 on white and 3,78:1 on
    the dark scheme's slate, less than 4.5:1 (site/assets/stylesheets/ibm.css sets our own). axe with keyboard focus
    on each kind of link, its colour settled."""
    visit = Visit(browser, server, color_scheme=scheme, init_script=axe_script,
                  search_index=served_one_page_index(server))
    try:
        visit.open("index.html")
        page = visit.page
        page.keyboard.press("Tab")  # keyboard use: a focus() after it is shown (:focus-visible)
        for selector in FOCUSED:
            page.locator(selector).first.focus()
            page.wait_for_timeout(300)  # the theme's colour transition has ended
            assert page.evaluate("document.activeElement.matches(':focus-visible')"), selector
            problems = [f"{v['id']}: {', '.join(v['nodes'])}" for v in page.evaluate(RUN)
                        if v["impact"] in FAILING or v["id"] in ALSO_FAILING]
            assert problems == [], selector
        page.locator("article p a[href]:not(.headerlink)").first.focus()
        page.wait_for_timeout(300)
        visit.shot(f"fokuss-saite-{scheme}")
        assert visit.errors == []
    finally:
        visit.close()


def failing(violations: list[dict]) -> list[str]:
    return sorted(v["id"] for v in violations if v["impact"] in FAILING or v["id"] in ALSO_FAILING)


def test_lesser_rules_never_fail(browser, axe_script: str) -> None:
    """RUN, without the rules of a lesser impact, finds every failing violation that all of axe-core's rules find."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(FLAWED_PAGE)
        page.add_script_tag(content=axe_script)
        every_rule, audited = page.evaluate(FULL_RUN), page.evaluate(RUN)
    finally:
        context.close()
    lesser = {v["id"] for v in every_rule} - set(failing(every_rule))
    assert {"heading-order", "region", "empty-heading"} <= lesser  # the full run sees the lesser ones
    assert failing(audited) == failing(every_rule)
    assert {"image-alt", "label", "link-name", "empty-table-header"} <= set(failing(audited))
    assert not lesser & {v["id"] for v in audited}  # and RUN does not run them
