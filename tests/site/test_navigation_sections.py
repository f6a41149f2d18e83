"""The navigation's section toggles (site/assets/javascripts/sadalas.js): the arrow beside a section that has a page
of its own („Pakalpojumu katalogs”) was a Tab stop holding only an icon, with no name in the accessibility tree, and
Space scrolled the page. Every such toggle is now a button named after its section that says whether the section is
open; Enter and Space open and close it and the page does not scroll; a section label with its title as text opens
with Space too. axe-core finds nothing in the navigation."""

from __future__ import annotations

from tests.site.axe import ensure_axe
from tests.site.browsing import BROWSER_MARKS, Visit

pytestmark = BROWSER_MARKS

SUFFIX = " – atvērt vai aizvērt sadaļu"
SECTION = "Pakalpojumu katalogs"

# every arrow label of a section with its own page (a link beside it): its toggle id, the link's text, the name and
# role of what takes the focus inside it, the Tab stops it has
TOGGLES = """() => Array.from(document.querySelectorAll('.md-nav label.md-nav__link[for]'))
  .filter(l => !l.textContent.trim() || l.querySelector('[role=button]'))
  .map(l => {
    const link = l.parentNode.querySelector('a.md-nav__link');
    const button = l.querySelector('[role=button]');
    return {id: l.htmlFor, title: link ? link.textContent.replace(/\\s+/g, ' ').trim() : null,
            name: button && button.getAttribute('aria-label'), tabbable: l.tabIndex >= 0,
            expanded: button && button.getAttribute('aria-expanded'), checked: document.getElementById(l.htmlFor).checked,
            width: button ? button.getBoundingClientRect().width : 0};
  })"""


def _ax_names(visit: Visit, selector: str) -> list[tuple[str, str]]:
    """(role, name) of the element ``selector`` and its descendants in Chromium's accessibility tree (CDP)."""
    cdp = visit.page.context.new_cdp_session(visit.page)
    doc = cdp.send("DOM.getDocument", {"depth": 0})
    node = cdp.send("DOM.querySelector", {"nodeId": doc["root"]["nodeId"], "selector": selector})
    tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node["nodeId"], "fetchRelatives": False})
    return [(n.get("role", {}).get("value", ""), n.get("name", {}).get("value", "")) for n in tree["nodes"]
            if not n.get("ignored")]


def _button(visit: Visit, title: str):  # noqa: ANN202 - a Playwright locator
    return visit.page.get_by_role("button", name=title + SUFFIX, exact=True)


def test_every_section_arrow_is_a_named_button(visit: Visit) -> None:
    visit.open("index.html")
    toggles = visit.page.evaluate(TOGGLES)
    assert any(t["title"] == SECTION for t in toggles), toggles
    for t in toggles:
        assert t["title"] and t["name"] == t["title"] + SUFFIX, t
        assert not t["tabbable"], t  # one Tab stop: the button inside
        assert t["expanded"] == ("true" if t["checked"] else "false"), t
    label = next(t for t in toggles if t["title"] == SECTION)
    assert label["width"] >= 12, label  # the arrow keeps its size inside the button (it was 0 wide once wrapped)
    # the accessibility tree (CDP): a button with the section's name, nothing nameless that takes the focus
    names = _ax_names(visit, f"label[for='{label['id']}'] [role=button]")
    assert ("button", SECTION + SUFFIX) in names, names
    assert visit.errors == []


def test_space_and_enter_open_and_close_a_section_without_scrolling(visit: Visit) -> None:
    visit.open("index.html")
    page = visit.page
    button = _button(visit, SECTION)
    button.focus()
    toggle = page.locator(f"label:has([role=button][aria-label^='{SECTION}'])").get_attribute("for")
    checked = f"document.getElementById('{toggle}').checked"
    before = page.evaluate(checked)
    y = page.evaluate("window.scrollY")
    page.keyboard.press(" ")
    page.wait_for_timeout(100)
    assert page.evaluate(checked) is (not before)
    assert button.get_attribute("aria-expanded") == ("false" if before else "true")
    assert page.evaluate("window.scrollY") == y  # Space is the button's, not the page's
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == SECTION + SUFFIX
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert page.evaluate(checked) is before
    assert button.get_attribute("aria-expanded") == ("true" if before else "false")
    # the theme marks the section's list open or closed on the label's click: it still does
    assert page.evaluate(f"document.querySelector('nav[aria-labelledby=\"{toggle}_label\"]')"
                         ".getAttribute('aria-expanded')") == ("true" if before else "false")
    assert visit.errors == []


def test_a_text_section_label_opens_with_space(visit: Visit) -> None:
    visit.open("index.html")
    page = visit.page
    labels = page.evaluate("""() => Array.from(document.querySelectorAll('.md-nav label.md-nav__link[for][tabindex="0"]'))
      .filter(l => l.textContent.trim() && l.getClientRects().length).map(l => l.htmlFor)""")
    if not labels:
        return  # every section of this build has a page of its own
    toggle = labels[0]
    page.focus(f"label[for='{toggle}'][tabindex='0']")
    before = page.evaluate(f"document.getElementById('{toggle}').checked")
    y = page.evaluate("window.scrollY")
    page.keyboard.press(" ")
    page.wait_for_timeout(100)
    assert page.evaluate(f"document.getElementById('{toggle}').checked") is (not before)
    assert page.evaluate("window.scrollY") == y


def test_the_navigation_stays_axe_clean(visit: Visit) -> None:
    visit.open("index.html")
    _button(visit, SECTION).focus()
    visit.page.keyboard.press(" ")
    visit.page.evaluate("document.activeElement && document.activeElement.blur()")
    visit.page.wait_for_timeout(400)
    visit.page.add_script_tag(path=str(ensure_axe()))
    report = visit.page.evaluate("axe.run(document.querySelector('.md-sidebar--primary'))")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in report["violations"]] == []




# every shown label of the desktop sidebar (not in a closed section): at its left edge, one pixel below its top, in
# its middle and two pixels above its bottom – those of the points inside the sidebar's visible box – the element
# there is the label itself (or inside it)
COVERED = """() => {
  const box = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap').getBoundingClientRect();
  return Array.from(document.querySelectorAll('.md-sidebar--primary .md-nav__link'))
    .map(l => [l, l.getBoundingClientRect()])
    .filter(([l, r]) => r.height > 0 && r.width > 0 && r.bottom > box.top && r.top < box.bottom
                        && l.checkVisibility({visibilityProperty: true})
                        && l.closest('.md-nav').getBoundingClientRect().height > 0)
    .map(([l, r]) => {
      const ys = [r.top + 1, r.top + r.height / 2, r.bottom - 2].filter(y => y >= box.top && y < box.bottom);
      const found = ys.map(y => document.elementFromPoint(r.left + 2, y));
      return {text: l.textContent.replace(/\\s+/g, ' ').trim(),
              ok: found.every(e => e !== null && (l === e || l.contains(e))),
              by: found.map(e => e ? e.textContent.replace(/\\s+/g, ' ').trim().slice(0, 40) : null)};
    });
}"""


def test_no_sidebar_label_is_covered_at_desktop_width(visit: Visit) -> None:
    """audit37b F8: on a page far down the sidebar (which the theme scrolls to the open page) the sidebar's sticky
    title „IBM metodika” covered half of the first label below it."""
    visit.page.set_viewport_size({"width": 1280, "height": 700})  # a laptop: the sidebar is longer than the screen
    visit.open("metodika/rekonstrukcijas-un-lemumi.html")
    visit.page.wait_for_timeout(300)  # the theme scrolls the sidebar to the open page after load
    labels = visit.page.evaluate(COVERED)
    assert len(labels) > 10, labels
    assert visit.page.evaluate("document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap').scrollTop") > 0
    assert [entry for entry in labels if not entry["ok"]] == [], labels
