"""Long and wide tables on a 320 px phone: the catalogue's area 3 (43 rows) grows with its rows in the page's own
scroll instead of a box of its own that looked like the end of the page, and the price history tables show each row
as a card, so that a price's status („jāprecizē”) and note are never cut off or out of sight beside its figure."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.site.browsing import browser_test, goto, served_one_page_index, small_search_index

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
