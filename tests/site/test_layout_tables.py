"""Tables of the built site are readable at desktop (1280 px) and phone (390 px) width: no column is
pushed out of sight by a first column kept on one line, a table wider than a phone scrolls inside its
own container with a visible Latvian hint above it, and a cell of running text keeps a readable width
instead of a word or two a line."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.site.browsing import (
    browser_test,
    goto,
    served_one_page_index,
    skip_search_index,
    small_search_index,
)
from tests.site.conftest import BuiltSite

DECISIONS = "metodika/rekonstrukcijas-un-lemumi.html"
OPEN_POINTS = "Citas atklātas vietas un pretrunas avotā"
HINT = "Tabula ir platāka par ekrānu"

# Every table of a page: its width, its scroll container's width, the right edge of each column's
# header, the tallest row, the narrowest long-text cell and whether a hint stands right before it.
MEASURE = """() => [...document.querySelectorAll('article table')].map(t => {
  const wrap = t.closest('.md-typeset__scrollwrap');
  const before = wrap.previousElementSibling;
  const long = [...t.querySelectorAll('td')].filter(c => c.textContent.trim().length > 30);
  let heading = wrap;
  while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
  return {
    heading: heading ? heading.textContent.replace(/¶$/, '').trim() : '',
    tableWidth: t.getBoundingClientRect().width,
    wrapWidth: wrap.clientWidth,
    scrolls: t.getBoundingClientRect().right - wrap.getBoundingClientRect().left + wrap.scrollLeft > wrap.clientWidth + 1,
    headerRight: [...t.querySelectorAll('thead th')].map(h => h.getBoundingClientRect().right),
    wrapRight: wrap.getBoundingClientRect().right,
    tallestRow: Math.max(0, ...[...t.querySelectorAll('tbody tr')].map(r => r.getBoundingClientRect().height)),
    narrowestText: Math.min(9999, ...long.map(c => c.getBoundingClientRect().width)),
    hint: before !== null && before.classList.contains('ibm-tabula-norade') ? before.textContent : null,
  };
})"""


# The wide tables a phone scrolls: each is also checked by axe-core at phone width (test_scroll_hints_pass_axe_on_a_phone).
# (The price list and the price history pages show their rows as cards on a phone: tests/site/test_phone_tables.py.)
PHONE_TABLES = ["katalogs/index.html", "piemeri.html"]


class _Pages:
    """Each page of this module loaded once at each width, in the light scheme (one browser context and page a width;
    the pages never search: the one-page search index, browsing.small_search_index, so the theme's scripts run and
    their errors are seen): whether the page scrolls sideways, its tables (MEASURE), its scroll hints, its page
    errors and, for PHONE_TABLES at phone width, axe-core's failing violations. Tests that load a page again at a
    width (the same page for a desktop and a phone check, a phone page for its layout and its axe run) share it."""

    def __init__(self, browser, server: str) -> None:  # noqa: ANN001 - the browsing fixture's browser
        self.browser, self.server = browser, server
        self.pages: dict[int, object] = {}
        self.errors: list[str] = []
        self.found: dict[tuple[str, int], dict] = {}

    def page(self, width: int):  # noqa: ANN202 - playwright.sync_api.Page
        if width not in self.pages:
            context = self.browser.new_context(viewport={"width": width, "height": 900 if width > 500 else 844})
            if width <= 500:
                context.add_init_script(script=_axe_script())
            page = context.new_page()
            small_search_index(page, served_one_page_index(self.server))
            page.on("pageerror", lambda e: self.errors.append(str(e)))
            self.pages[width] = page
        return self.pages[width]

    def __call__(self, path: str, width: int) -> dict:
        if (path, width) not in self.found:
            from tests.site.test_accessibility import ALSO_FAILING, FAILING, RUN

            page = self.page(width)
            self.errors.clear()
            goto(page, self.server + path)
            page.wait_for_timeout(300)
            facts = {"fits": page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"),
                     "tables": page.evaluate(MEASURE), "hints": page.locator(".ibm-tabula-norade").count()}
            if width <= 500 and path in PHONE_TABLES:
                facts["axe"] = [v["id"] for v in page.evaluate(RUN) if v["impact"] in FAILING or v["id"] in ALSO_FAILING]
            facts["errors"] = list(self.errors)
            self.found[path, width] = facts
        return self.found[path, width]

    def close(self) -> None:
        for page in self.pages.values():
            page.context.close()


def _axe_script() -> str:
    from tests.site.axe import AxeUnavailable, ensure_axe

    try:
        return ensure_axe().read_text(encoding="utf-8")
    except AxeUnavailable as exc:
        pytest.fail(f"axe-core nav pieejams: {exc}")


@pytest.fixture(scope="module")
def loaded(browser, server: str) -> Iterator[_Pages]:
    pages = _Pages(browser, server)
    yield pages
    pages.close()


def _tables(loaded: _Pages, path: str, width: int) -> list[dict]:
    facts = loaded(path, width)
    assert facts["fits"], (path, width)
    assert facts["errors"] == [], facts["errors"]
    return facts["tables"]


def test_stylesheet_keeps_no_column_on_one_line(built_site: BuiltSite) -> None:
    """The rule that kept every first column on one line pushed the decisions table's second column
    out of sight; no table cell of the site's stylesheet is nowrap."""
    css = (built_site.site / "assets/stylesheets/ibm.css").read_text(encoding="utf-8")
    rules = re.findall(r"([^{}]*)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    nowrap_cells = [sel.strip() for sel, body in rules if "nowrap" in body and re.search(r"\b(td|th)\b", sel)]
    assert nowrap_cells == []


@browser_test
def test_decisions_tables_fit_the_desktop_page(loaded: _Pages) -> None:
    tables = _tables(loaded, DECISIONS, 1280)
    for table in tables:
        assert not table["scrolls"], table["heading"]
        assert table["tableWidth"] <= table["wrapWidth"] + 1, table["heading"]
        assert max(table["headerRight"]) <= table["wrapRight"] + 1, table["heading"]
        assert table["hint"] is None, table["heading"]
    open_points = [t for t in tables if t["heading"] == OPEN_POINTS]
    assert len(open_points) == 1
    # two columns of short sentences: a few lines a row, not a column a word wide
    assert open_points[0]["tallestRow"] < 120, open_points[0]


@browser_test
@pytest.mark.parametrize("path", ["izmainas.html", "metodika/pakalpojumu-sanemsana.html", "cenas/joma-3.html"])
def test_long_first_columns_do_not_widen_desktop_tables(loaded: _Pages, path: str) -> None:
    tables = _tables(loaded, path, 1280)
    assert tables
    for table in tables:
        assert table["tableWidth"] <= table["wrapWidth"] + 1, (path, table["heading"], table["tableWidth"])
        # a table that fits is no scrolling region and has no hint, even if the theme's padding scrolls
        assert not table["scrolls"] and table["hint"] is None, (path, table["heading"])


@browser_test
@pytest.mark.parametrize("path", PHONE_TABLES)
def test_wide_tables_scroll_with_a_hint_on_a_phone(loaded: _Pages, path: str) -> None:
    tables = _tables(loaded, path, 390)
    assert any(t["scrolls"] for t in tables), path
    for table in tables:
        if table["scrolls"]:
            assert table["hint"] is not None and table["hint"].startswith(HINT), (path, table["heading"])
        else:
            assert table["hint"] is None, (path, table["heading"])
        if table["narrowestText"] < 9999:
            # 7.5rem of the theme's 20px root (cells are border-box): over twenty characters a line, and two such
            # columns still fit side by side on a 390 px phone
            assert table["narrowestText"] >= 149, (path, table["heading"], table["narrowestText"])


@browser_test
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_scroll_hints_pass_axe_on_a_phone(browser, server: str, loaded: _Pages, scheme: str) -> None:
    """The hint and the scrolling regions a phone shows are checked by axe-core in both colour schemes: in the light
    one on the pages as the module loaded them at phone width (``loaded``), in the dark one here."""
    from tests.site.test_accessibility import ALSO_FAILING, FAILING, RUN

    problems = {}
    if scheme == "light":
        for path in PHONE_TABLES:
            facts = loaded(path, 390)
            assert facts["hints"] > 0, path
            if facts["axe"]:
                problems[path] = facts["axe"]
        assert problems == {}
        return
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    context.add_init_script(script=_axe_script())
    page = context.new_page()
    skip_search_index(page)
    try:
        for path in PHONE_TABLES:
            page.goto(server + path, wait_until="load")
            page.wait_for_timeout(300)
            assert page.locator(".ibm-tabula-norade").count() > 0, path
            found = [v["id"] for v in page.evaluate(RUN) if v["impact"] in FAILING or v["id"] in ALSO_FAILING]
            if found:
                problems[path] = found
    finally:
        context.close()
    assert problems == {}


@browser_test
def test_decisions_tables_fit_a_phone(loaded: _Pages) -> None:
    """The decisions are sections, not table rows (generator/site/decision_sections.py); the tables left (the
    source's open points, two columns of sentences) wrap within a 390 px screen: nothing to scroll sideways."""
    tables = _tables(loaded, DECISIONS, 390)
    assert tables and not any(t["heading"].startswith("D") and " – " in t["heading"] for t in tables)
    for table in tables:
        assert not table["scrolls"] and table["hint"] is None, table["heading"]
        assert table["narrowestText"] >= 149 or table["narrowestText"] == 9999, table["heading"]


@browser_test
def test_scrolling_desktop_tables_keep_text_columns_readable(loaded: _Pages) -> None:
    """The worked examples' plan tables have thirteen columns and scroll even at desktop width: their
    service names keep a readable width there too, and the hint is shown."""
    tables = [t for t in _tables(loaded, "piemeri.html", 1280) if t["scrolls"]]
    assert tables
    for table in tables:
        assert table["hint"] is not None and table["hint"].startswith(HINT), table["heading"]
        assert 149 <= table["narrowestText"] < 9999, (table["heading"], table["narrowestText"])


# The first table of a page, its scrolling box scrolled down by `by` px after the page has brought the box's top
# under the theme's header: where the column headers then are, against the box and the header.
HEADER_AFTER_SCROLL = """(by) => {
  const wrap = document.querySelector('article .md-typeset__scrollwrap');
  wrap.scrollIntoView({block: 'start'});
  window.scrollBy(0, -document.querySelector('.md-header').getBoundingClientRect().height - 8);
  wrap.scrollTop = by;
  const th = wrap.querySelector('thead th');
  return {wrapTop: wrap.getBoundingClientRect().top, thTop: th.getBoundingClientRect().top,
          scrolledBy: wrap.scrollTop, boxed: wrap.scrollHeight > wrap.clientHeight + 1,
          tabindex: wrap.getAttribute('tabindex'), role: wrap.getAttribute('role'),
          cards: [...document.querySelectorAll('.ibm-kartites .md-typeset__scrollwrap')]
            .filter(w => w.scrollHeight > w.clientHeight + 1).length};
}"""


@browser_test
def test_long_price_table_grows_with_the_page_on_a_phone(loaded: _Pages, server: str) -> None:
    """On a 390 px phone the current prices (cenas.html, some 60 rows) are as tall as their rows, in the page's own
    scroll: no box of its own (audit36 F11 had one, 75 % of the screen, whose end looked like the page's end). On a
    phone its rows are cards, with nothing to scroll sideways (tests/site/test_phone_tables.py); at desktop width it
    is a table as before. The changes page's tables, cards on a phone, get no box either."""
    found = {}
    for width in (390, 1280):
        page = loaded.page(width)  # the module's page at this width (its scroll position is its own after this)
        for path in ("cenas.html", "izmainas.html"):
            page.goto(server + path, wait_until="load")
            page.wait_for_timeout(300)
            found[width, path] = page.evaluate(HEADER_AFTER_SCROLL, 1500)
    phone = found[390, "cenas.html"]
    assert not phone["boxed"] and phone["scrolledBy"] == 0, phone
    assert (phone["tabindex"], phone["role"]) == (None, None), phone  # cards: no sideways scroll either
    desktop = found[1280, "cenas.html"]
    assert not desktop["boxed"] and desktop["scrolledBy"] == 0, desktop
    assert phone["cards"] == 0 and found[390, "izmainas.html"]["cards"] == 0
