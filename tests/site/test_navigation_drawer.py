"""The theme's navigation drawer at phone width (390 px): while closed it is off screen and out of the Tab order, so
Tab from the top reaches the skip link and then what is on screen, never one of the drawer's ~40 hidden links;
opened, its links are reached and are on screen; at desktop width the sidebar's links stay in the Tab order. The
header's drawer button is a Tab stop with a name, Enter or Space opens the drawer and Escape closes it. axe-core
finds nothing with the drawer closed or open (site/assets/javascripts/izvelne.js)."""

from __future__ import annotations

import pytest

from tests.site.axe import ensure_axe
from tests.site.browsing import BROWSER_MARKS, Visit, served_one_page_index
from tests.site.test_accessibility import FULL_RUN

pytestmark = BROWSER_MARKS

PHONE = 390
TABS = 30  # more than the header's stops: the content is reached well before
PAGES = ("kalkulators.html", "index.html")


@pytest.fixture
def phone(browser, server: str):  # noqa: ANN001, ANN201
    visit = Visit(browser, server, width=PHONE, search_index=served_one_page_index(server))
    yield visit
    visit.close()


FOCUSED = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect();
  return {tag: e.tagName, text: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40),
          left: r.left, right: r.right, width: r.width, height: r.height,
          drawer: !!e.closest('.md-sidebar--primary'), content: !!e.closest('.md-content')};
}"""


def _tab_walk(visit: Visit, tabs: int = TABS, settle_ms: int = 0) -> list[dict]:
    """The focused element after each of ``tabs`` Tab presses, read ``settle_ms`` after the press (at phone width the
    theme slides the search field in when it gets focus, in 0,25 s)."""
    stops = []
    for _ in range(tabs):
        visit.page.keyboard.press("Tab")
        if settle_ms:
            visit.page.wait_for_timeout(settle_ms)
        stops.append(visit.page.evaluate(FOCUSED))
    return stops


def _axe(visit: Visit) -> list:
    """axe-core on the page at rest: the focus taken off the last stop and the theme's colour transitions over (the
    theme's focus colours are not this test's subject)."""
    visit.page.evaluate("document.activeElement && document.activeElement.blur()")
    visit.page.wait_for_timeout(400)
    visit.page.add_script_tag(path=str(ensure_axe()))
    return visit.page.evaluate(FULL_RUN)


@pytest.mark.parametrize("path", PAGES)
def test_tab_at_phone_width_never_walks_the_closed_drawer(phone: Visit, path: str) -> None:
    phone.open(path)
    stops = _tab_walk(phone, settle_ms=350)
    assert stops[0]["tag"] == "A" and stops[0]["text"] == "Pāriet uz saturu", stops[0]
    assert [s for s in stops if s["drawer"]] == [], [s for s in stops if s["drawer"]][:3]
    # everything focused that has a size is on screen; the colour scheme's radio inputs of no size are no stop
    # (krasu-shema.js: its button is)
    # (within a pixel: the theme's search field slides in, and under load it was caught 0,14 px along)
    off = [s for s in stops if s["width"] * s["height"] > 0 and (s["left"] < -1 or s["right"] > PHONE + 1)]
    assert off == [], off[:3]
    assert [s for s in stops if s["tag"] == "INPUT" and s["width"] * s["height"] == 0] == []
    assert any(s["content"] for s in stops), stops
    assert _axe(phone) == []
    assert phone.errors == []


def test_the_open_drawer_is_reached_by_tab_and_on_screen(phone: Visit) -> None:
    phone.open("kalkulators.html")
    phone.page.click("label.md-header__button[for='__drawer']")
    phone.page.wait_for_timeout(400)  # the theme slides it in in 0,25 s
    stops = _tab_walk(phone, 60, settle_ms=50)
    inside = [s for s in stops if s["drawer"]]
    assert len(inside) > 10, stops
    assert all(s["left"] >= 0 and s["right"] <= PHONE for s in inside if s["width"] * s["height"] > 0), inside[:3]
    assert _axe(phone) == []
    # closed again (the theme's overlay), the drawer leaves the Tab order
    phone.page.evaluate("document.getElementById('__drawer').click()")
    phone.page.wait_for_timeout(400)
    phone.page.evaluate("document.activeElement.blur()")
    assert not any(s["drawer"] for s in _tab_walk(phone)), "closed drawer in the Tab order"
    assert phone.errors == []


def test_at_desktop_width_the_sidebar_links_are_in_the_tab_order(small_index_visit: Visit) -> None:
    small_index_visit.open("kalkulators.html")
    stops = _tab_walk(small_index_visit, 40)
    assert any(s["drawer"] for s in stops), stops
    assert small_index_visit.page.evaluate("document.querySelector('.md-sidebar--primary').inert") is False


BUTTON = "label.md-header__button[for='__drawer'] [role='button']"


def test_the_drawer_button_works_with_the_keyboard(phone: Visit) -> None:
    """The theme's drawer button was a label without a Tab stop or a name: a keyboard user could not open the
    navigation. It is the second Tab stop (after the skip link), named „Navigācija”, on screen; Enter opens the drawer
    with the focus on its first link, Escape closes it and gives the focus back, Space opens it again."""
    page = phone.page
    phone.open("index.html")
    stops = _tab_walk(phone, 2)
    assert stops[1]["text"] == "Navigācija" and stops[1]["width"] * stops[1]["height"] > 0, stops[1]
    assert 0 <= stops[1]["left"] and stops[1]["right"] <= PHONE, stops[1]
    button = page.locator(BUTTON)
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    phone.shot("izvelnes-poga-fokuss-telefons")
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)  # the theme slides it in in 0,25 s
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    focused = page.evaluate(FOCUSED)
    assert focused["drawer"] and focused["left"] >= 0 and focused["right"] <= PHONE, focused
    phone.shot("izvelne-atverta-ar-tastaturu")
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Navigācija"
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert") is True
    page.keyboard.press(" ")
    page.wait_for_timeout(400)
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("window.scrollY") == 0  # Space did not scroll the page
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    page.locator(BUTTON).click()  # a click on the icon is still the theme's label click
    page.wait_for_timeout(400)
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert phone.errors == []
