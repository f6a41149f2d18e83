"""Long and wide tables on a 320 px phone: the catalogue's area 3 (43 rows) grows with its rows in the page's own
scroll instead of a box of its own that looked like the end of the page, the price history tables and the price list
(cenas.html) show each row as a card, so that a price's status („jāprecizē”) and note are never cut off or out of
sight beside its figure, and a long table that fits the screen keeps its column headers in view (sticky)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.site.browsing import (
    browser_test,
    goto,
    served_one_page_index,
    skip_search_index,
    small_search_index,
)

WIDTH = 320

# Every table's scroll box: its visible height against its content's, how far it lets the page scroll, and the rows.
BOXES = """() => [...document.querySelectorAll('article .md-typeset__scrollwrap')].map(w => ({
  clientHeight: w.clientHeight, scrollHeight: w.scrollHeight,
  rows: w.querySelectorAll('tbody tr').length,
  lastRowBottom: Math.max(0, ...[...w.querySelectorAll('tbody tr')].map(r => r.getBoundingClientRect().bottom)),
  boxBottom: w.getBoundingClientRect().bottom,
  hint: !!(w.previousElementSibling && w.previousElementSibling.classList.contains('ibm-tabula-norade')),
  wide: w.scrollWidth > w.clientWidth + 1,
}))"""

# Every price history cell that shows text: its text and whether it lies wholly inside the screen's width.
CELLS = """() => [...document.querySelectorAll('article table tbody td')].map(c => {
  const r = c.getBoundingClientRect();
  return {label: c.dataset.label || '', text: c.textContent.trim(), left: r.left, right: r.right, width: r.width};
})"""


@pytest.fixture(scope="module")
def phone(browser, server: str) -> Iterator:  # noqa: ANN001 - playwright
    context = browser.new_context(viewport={"width": WIDTH, "height": 640})
    page = context.new_page()
    small_search_index(page, served_one_page_index(server))
    page.base = server
    yield page
    context.close()


@browser_test
def test_a_long_catalogue_table_grows_with_the_page_on_a_phone(phone) -> None:  # noqa: ANN001
    goto(phone, phone.base + "katalogs/index.html")
    phone.wait_for_timeout(300)
    boxes = phone.evaluate(BOXES)
    longest = max(boxes, key=lambda b: b["rows"])
    assert longest["rows"] >= 40, longest
    for box in boxes:
        # no table is a scroll box of its own inside the page: all its rows are in the page's height
        assert box["scrollHeight"] <= box["clientHeight"] + 1, box
        assert box["lastRowBottom"] <= box["boxBottom"] + 1, box
        # a table wider than the phone still scrolls sideways, said by the hint above it
        assert box["hint"] == box["wide"], box


# A table's scroll box in the given scope: whether it scrolls sideways or clips what does not fit, and the page's width.
SIDEWAYS = """scope => {
  const w = document.querySelector(scope + ' .md-typeset__scrollwrap'), t = w.querySelector('table');
  return {fits: w.classList.contains('ibm-ietilpst'), overflow: getComputedStyle(w).overflowX,
          table: getComputedStyle(t).overflowX, scrollWidth: w.scrollWidth, clientWidth: w.clientWidth,
          tableWidth: t.scrollWidth, page: document.documentElement.scrollWidth};
}"""


def _scrolls_sideways(box: dict) -> None:
    assert not box["fits"] and "clip" not in (box["overflow"], box["table"]), box
    assert box["scrollWidth"] > box["clientWidth"] and box["tableWidth"] > WIDTH, box
    assert box["page"] <= WIDTH, box


@browser_test
def test_a_wide_table_shown_again_after_a_filter_still_scrolls_sideways(phone) -> None:  # noqa: ANN001
    """D326: a support area the catalogue's filters hide has no width; measured while hidden (a window resize), its
    wide table was marked as fitting, and once shown again its right columns were clipped with no sideways scroll.
    Shown again, it scrolls sideways, and the page is no wider than the phone."""
    goto(phone, phone.base + "katalogs/index.html")
    phone.wait_for_timeout(300)
    area = "section[data-katalogs-joma]:nth-of-type(2)"  # the second of the three areas, siblings
    assert phone.evaluate(f"document.querySelectorAll('{area}').length === 1 && "
                          f"document.querySelector('{area}') === document.querySelectorAll('section.ibm-joma')[1]")
    _scrolls_sideways(phone.evaluate(SIDEWAYS, area))
    phone.select_option('[data-filtrs="sanemejs"]', "family")  # area 2 has no service for a family
    assert phone.evaluate(f"document.querySelector('{area}').hidden")
    phone.evaluate("window.dispatchEvent(new Event('resize'))")
    phone.wait_for_timeout(400)
    phone.select_option('[data-filtrs="sanemejs"]', "")
    phone.wait_for_timeout(400)
    _scrolls_sideways(phone.evaluate(SIDEWAYS, area))


@browser_test
def test_price_history_statuses_and_notes_stay_on_a_phone_screen(phone) -> None:  # noqa: ANN001
    goto(phone, phone.base + "cenas/joma-3.html")
    phone.wait_for_timeout(300)
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH
    cells = phone.evaluate(CELLS)
    assert len([c for c in cells if c["text"] == "jāprecizē"]) > 10  # the status cells of unconfirmed prices
    outside = [c for c in cells if c["text"] and (c["left"] < 0 or c["right"] > WIDTH or c["width"] < 1)]
    assert outside == [], outside[:3]
    # each cell names its column („Statuss: jāprecizē”): a card has no header row above it
    assert {c["label"] for c in cells} == {"Spēkā", "Nozīme", "Summa", "Statuss", "Avots", "Piezīme"}


@browser_test
def test_heading_links_are_tap_targets_on_a_phone(phone) -> None:  # noqa: ANN001
    """A heading's „¶” link is at least 24 × 24 px (WCAG 2.5.8); the theme's was as wide as its glyph, 13–20 px."""
    goto(phone, phone.base + "katalogs/index.html")
    sizes = phone.evaluate("""() => [...document.querySelectorAll('article .headerlink')].map(a => {
      const r = a.getBoundingClientRect(); return [a.parentElement.tagName, r.width, r.height]; })""")
    assert {tag for tag, _, _ in sizes} >= {"H1", "H2"}, sizes
    assert [s for s in sizes if s[1] < 24 or s[2] < 24] == [], sizes


@browser_test
def test_the_search_clear_button_shows_no_tooltip_over_the_results_on_a_phone(phone) -> None:  # noqa: ANN001
    """The clear button appears where the search icon was tapped: its tooltip „Notīrīt” covered the first result."""
    goto(phone, phone.base + "index.html")
    phone.click("label[for=__search]")
    phone.fill(".md-search__input", "katalogs")
    phone.hover(".md-search__options button[type=reset]")
    phone.wait_for_timeout(500)
    shown = phone.evaluate("""() => [...document.querySelectorAll('.md-search__options .md-tooltip')]
      .filter(t => t.getBoundingClientRect().width > 0 && getComputedStyle(t).opacity !== '0').length""")
    assert shown == 0
    phone.keyboard.press("Escape")


# The price list's tables on a phone, row by row: each cell's column (data-label), text, place and the label the card
# shows before it, and the row's (the card's) box.
PRICE_CARDS = """() => [...document.querySelectorAll('article table')].map(t => ({
  caption: t.querySelector('caption') ? t.querySelector('caption').textContent.trim() : '',
  rows: [...t.querySelectorAll('tbody tr')].map(r => {
    const card = r.getBoundingClientRect();
    return [...r.querySelectorAll('td')].map(c => {
      const b = c.getBoundingClientRect();
      return {label: c.dataset.label || '', text: c.textContent.trim(), left: b.left, right: b.right, width: b.width,
              inCard: b.top >= card.top - 1 && b.bottom <= card.bottom + 1,
              shown: getComputedStyle(c, '::before').content};
    });
  }),
}))"""

# Elements of the article that are wider than the screen or reach past its right edge (not the header cells a card
# block keeps for a screen reader in a clipped 1 px box, ibm.css).
STICKING_OUT = """() => [...document.querySelectorAll('article *')].filter(e => {
  const r = e.getBoundingClientRect();
  return (r.width > innerWidth + 1 || r.right > innerWidth + 1) && !e.closest('.ibm-kartites thead'); })
  .map(e => e.tagName + '.' + e.className + ' ' + e.textContent.trim().slice(0, 40))"""

FIGURE = ("Cena", "Summa", "Vērtība")  # the columns that hold a figure


@pytest.fixture(params=[320, 360], ids=lambda w: f"{w}px")
def narrow(request, browser, server: str) -> Iterator:  # noqa: ANN001 - playwright
    context = browser.new_context(viewport={"width": request.param, "height": 640})
    page = context.new_page()
    small_search_index(page, served_one_page_index(server))
    page.base, page.width = server, request.param
    yield page
    context.close()


@browser_test
def test_price_list_shows_every_status_in_its_card_on_a_phone(narrow) -> None:  # noqa: ANN001
    """cenas.html on a 320 and 360 px phone: its seven-column table was wider than the screen, and the status column
    („jāprecizē”) was off to the side, out of sight while the figure showed. Each row is a card now: every cell, the
    status above all, is on the screen, in its row's card, named by its column; a figure whose status is „jāprecizē”
    says so beside it too, so that it is never read as a confirmed one."""
    page, width = narrow, narrow.width
    goto(page, page.base + "cenas.html")
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(STICKING_OUT) == []
    tables = page.evaluate(PRICE_CARDS)
    assert tables[0]["caption"] == "Spēkā esošās cenas" and len(tables[0]["rows"]) > 50, tables[0]["caption"]
    statuses, unconfirmed = 0, 0
    for table in tables:
        for row in table["rows"]:
            for cell in row:
                assert cell["label"] and cell["shown"] == f'"{cell["label"]}: "', (table["caption"], cell)
                assert cell["inCard"] and cell["width"] > 0, (table["caption"], cell)
                assert 0 <= cell["left"] and cell["right"] <= width, (table["caption"], cell)
            cells = {c["label"]: c["text"] for c in row}
            if "Statuss" not in cells:  # the rounds' matrices: „(jāprecizē)” is in the figure's own cell
                continue
            statuses += 1
            figure = next((text for label, text in cells.items() if label.startswith(FIGURE)), "")
            if cells["Statuss"] == "jāprecizē" and "EUR" in figure:
                unconfirmed += 1
                assert "jāprecizē" in figure, (table["caption"], cells)
    assert statuses > 55 and unconfirmed >= 2, (statuses, unconfirmed)


# The table of the page that fits the screen (its box marked by tabulas.js) with the most rows, scrolled to its middle:
# where its header row then is, against the theme's header and the table.
STUCK = """() => {
  const tables = [...document.querySelectorAll('article .md-typeset__scrollwrap.ibm-ietilpst table')];
  const t = tables.sort((a, b) => b.rows.length - a.rows.length)[0];
  const r = t.getBoundingClientRect();
  window.scrollBy(0, r.top + r.height / 2 - innerHeight / 2);
  const th = t.querySelector('thead th'), head = th.getBoundingClientRect();
  const table = t.getBoundingClientRect(), header = document.querySelector('.md-header').getBoundingClientRect();
  const hit = document.elementFromPoint(head.left + head.width / 2, head.top + head.height / 2);
  return {rows: t.rows.length, headTop: head.top, headerBottom: header.bottom, tableTop: table.top,
          tableBottom: table.bottom, onTop: th.contains(hit), position: getComputedStyle(th).position,
          width: document.documentElement.scrollWidth};
}"""

# The catalogue index's longest table, wider than a phone: its scroll box and its header cells.
WIDE = """() => {
  const t = [...document.querySelectorAll('article table')].sort((a, b) => b.rows.length - a.rows.length)[0];
  const wrap = t.closest('.md-typeset__scrollwrap');
  return {rows: t.rows.length, role: wrap.getAttribute('role'), fits: wrap.classList.contains('ibm-ietilpst'),
          position: getComputedStyle(t.querySelector('thead th')).position};
}"""


@browser_test
def test_column_headers_of_a_long_table_stay_in_view_on_a_phone(phone, browser, server: str) -> None:  # noqa: ANN001
    """A long table that fits the screen (the conditions of receiving a service, eight long rows) keeps its header row
    under the theme's header while the page scrolls past its rows; the page is no wider for it. A table wider than the
    screen keeps its sideways scroll box, to which alone a header could stick: none. At desktop width no header
    sticks (as before)."""
    goto(phone, phone.base + "metodika/pakalpojumu-sanemsana.html")
    phone.wait_for_timeout(300)
    stuck = phone.evaluate(STUCK)
    assert stuck["position"] == "sticky" and stuck["onTop"], stuck
    assert stuck["tableTop"] < stuck["headerBottom"] - 200 and stuck["tableBottom"] > WIDTH, stuck  # rows scrolled by
    assert abs(stuck["headTop"] - stuck["headerBottom"]) <= 1, stuck
    assert stuck["width"] <= WIDTH, stuck
    goto(phone, phone.base + "katalogs/index.html")
    phone.wait_for_timeout(300)
    wide = phone.evaluate(WIDE)
    assert wide["rows"] > 40 and wide["role"] == "region" and not wide["fits"], wide
    assert wide["position"] == "static", wide
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        desktop = context.new_page()
        small_search_index(desktop, served_one_page_index(server))
        goto(desktop, server + "metodika/pakalpojumu-sanemsana.html")
        desktop.wait_for_timeout(300)
        assert desktop.evaluate(STUCK)["position"] == "static"
    finally:
        context.close()


# The changed pages a phone shows: the price list and a price history (cards), pages with a long table that fits
# (sticky header rows), each scrolled to the middle of its longest table before axe-core runs.
CHANGED_PAGES = ["cenas.html", "cenas/joma-3.html", "metodika/pakalpojumu-sanemsana.html", "katalogs/3.5.html"]
MIDDLE = """() => { const t = [...document.querySelectorAll('article table')].sort((a, b) => b.rows.length - a.rows.length)[0];
  const r = t.getBoundingClientRect(); window.scrollBy(0, r.top + r.height / 2 - innerHeight / 2); }"""


@browser_test
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_tables_pass_axe(browser, server: str, scheme: str) -> None:  # noqa: ANN001
    from tests.site.axe import ensure_axe
    from tests.site.test_accessibility import ALSO_FAILING, FAILING, RUN

    context = browser.new_context(viewport={"width": WIDTH, "height": 640}, color_scheme=scheme)
    context.add_init_script(script=ensure_axe().read_text(encoding="utf-8"))
    page = context.new_page()
    skip_search_index(page)
    problems = {}
    try:
        for path in CHANGED_PAGES:
            page.goto(server + path, wait_until="load")
            page.wait_for_timeout(300)
            page.evaluate(MIDDLE)
            found = [f"{v['id']}: {v['nodes']}" for v in page.evaluate(RUN)
                     if v["impact"] in FAILING or v["id"] in ALSO_FAILING]
            if found:
                problems[path] = found
    finally:
        context.close()
    assert problems == {}


# Each table of the page wider than the screen: the page scrolled until its last row is just above the screen (read
# and passed), then back up in steps (the theme shows its „Atpakaļ uz augšu” button while the reader scrolls up) until
# the row has come down to the middle of the screen. At each step with the button shown: the texts of the row that lie
# under the button, as far as the table's scroll box shows them.
UNDER_TOP_BUTTON = """async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 60)));
  const wide = [...document.querySelectorAll('article .md-typeset__scrollwrap')]
    .filter((w) => w.scrollWidth > w.clientWidth + 1);
  const found = [];
  for (const wrap of wide) {
    const row = [...wrap.querySelectorAll('tbody tr')].pop();
    window.scrollBy(0, row.getBoundingClientRect().bottom + 40);
    await frame();
    let shown = 0;
    const covered = new Set();
    for (let step = 0; step < 100 && row.getBoundingClientRect().top < innerHeight / 2; step++) {
      window.scrollBy(0, -30);
      await frame();
      const button = document.querySelector('.md-top');
      if (button.hidden) continue;
      shown++;
      const b = button.getBoundingClientRect(), clip = wrap.getBoundingClientRect();
      const texts = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      for (let t = texts.nextNode(); t; t = texts.nextNode()) {
        if (!t.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(t);
        for (const r of range.getClientRects()) {
          const left = Math.max(r.left, clip.left), right = Math.min(r.right, clip.right);
          if (left < b.right && b.left < right && r.top < b.bottom && b.top < r.bottom) covered.add(t.textContent.trim());
        }
      }
    }
    found.push({row: row.textContent.trim().slice(0, 40), shown, covered: [...covered]});
  }
  return found;
}"""


@browser_test
@pytest.mark.parametrize("path", ["katalogs/index.html", "piemeri.html"])
def test_the_back_to_top_button_leaves_a_wide_table_s_rows_readable(narrow, path: str) -> None:  # noqa: ANN001
    """D343: the theme's back-to-top button shows while the reader scrolls up; at the top of the screen (two lines tall
    at 360 px) it lay over a wide table's rows just as they came back into view. Scrolled back up to each wide table's
    last row, on a 320 and 360 px phone, the button is shown and covers none of the row's text."""
    goto(narrow, narrow.base + path)
    narrow.wait_for_timeout(300)
    tables = narrow.evaluate(UNDER_TOP_BUTTON)
    assert len(tables) >= 2, tables
    for table in tables:
        assert table["shown"] > 0 and table["covered"] == [], table
