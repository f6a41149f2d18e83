"""The header's colour scheme toggle with the keyboard (site/assets/javascripts/krasu-shema.js): the theme's two radio
inputs have no size (0 × 0 px), so Tab stopped where nothing can be seen. They are no Tab stop; the label shown is,
as a button named by its title, with a focus ring; Enter and Space switch the scheme, and the focus stays on the
button the theme shows then."""

from __future__ import annotations

import pytest

from tests.site.browsing import BROWSER_MARKS, Visit, served_one_page_index
from tests.site.test_navigation_drawer import FOCUSED, _tab_walk

pytestmark = BROWSER_MARKS

SCHEME = "document.body.getAttribute('data-md-color-scheme')"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_colour_scheme_toggle_is_a_visible_tab_stop(browser, server: str, width: int) -> None:  # noqa: ANN001
    visit = Visit(browser, server, width=width, search_index=served_one_page_index(server))
    try:
        page = visit.page
        visit.open("index.html")
        stops = _tab_walk(visit, 4, settle_ms=300)
        assert [s for s in stops if s["tag"] == "INPUT" and s["width"] * s["height"] == 0] == [], stops
        toggles = [i for i, s in enumerate(stops) if s["text"] == "Tumšais režīms"]
        assert len(toggles) == 1, stops
        assert page.locator("input.md-option[tabindex='-1']").count() == 2
        # back to the toggle: it shows where the focus is
        for _ in range(len(stops) - 1 - toggles[0]):
            page.keyboard.press("Shift+Tab")
        page.wait_for_timeout(300)
        focused = page.evaluate(FOCUSED)
        assert focused["text"] == "Tumšais režīms" and focused["width"] * focused["height"] > 0, focused
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        visit.shot(f"krasu-shema-fokuss-{width}")
        assert page.evaluate(SCHEME) == "default"
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        assert page.evaluate(SCHEME) == "slate"
        focused = page.evaluate(FOCUSED)
        assert focused["text"] == "Gaišais režīms" and focused["width"] * focused["height"] > 0, focused
        visit.shot(f"krasu-shema-fokuss-tumsa-{width}")
        page.keyboard.press(" ")
        page.wait_for_timeout(300)
        assert page.evaluate(SCHEME) == "default"
        assert page.evaluate(FOCUSED)["text"] == "Tumšais režīms"
        assert page.evaluate("window.scrollY") == 0
        assert visit.errors == []
    finally:
        visit.close()
