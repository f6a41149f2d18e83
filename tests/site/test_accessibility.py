"""axe-core (npm, pinned and fetched into .cache/ by tests/site/axe.py, never part of the site) on every
built page in headless Chromium: no serious or critical violation. One browser page visits all pages
one after another; the main pages are checked once more in the dark colour scheme."""

from __future__ import annotations

import json

import pytest

from tests.site.axe import AxeUnavailable, ensure_axe
from tests.site.browsing import BROWSER_MARKS, skip_search_index
from tests.site.conftest import BuiltSite

pytestmark = BROWSER_MARKS

FAILING = ("serious", "critical")
ALSO_FAILING = ("empty-table-header",)  # minor for axe, but a header cell must say what its column holds
# Only the rules whose violation can fail these tests. axe-core 4 reports a violation with its rule's impact (a rule
# without one: the highest impact of its failed checks), so a rule that is not serious or critical, nor any of its
# checks, reports only what the tests leave aside (landmarks, regions, heading order …). The list comes from the loaded axe-core on every page, so a new
# axe version brings its own rules; the ~24 rules left out were ~1/3 of axe's time a page (docs/benchmarks.md).
CAN_FAIL = """() => {
  const failing = FAILING, also = ALSO_FAILING, checks = axe._audit.data.checks;
  const fails = impact => failing.includes(impact);
  return axe._audit.rules.filter(r => r.enabled && (fails(r.impact) || also.includes(r.id)
      || [...r.any, ...r.all, ...r.none].some(c => fails((checks[c.id] || {}).impact)))).map(r => r.id);
}""".replace("ALSO_FAILING", json.dumps(ALSO_FAILING)).replace("FAILING", json.dumps(FAILING))


def axe_run(only: str) -> str:
    """A page function running axe-core on the whole document (``only``: extra axe.run options)."""
    return """async () => {
  const result = await axe.run(document, {ONLY resultTypes: ["violations"], performanceTimer: false,
                                          elementRef: false, ancestry: false, xpath: false});
  return result.violations.map(v => ({id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
}""".replace("ONLY ", only)


RUN = axe_run("runOnly: {type: 'rule', values: (" + CAN_FAIL + ")()}, ")
RUN_ALL = axe_run("")  # every enabled rule, as axe.run does by default


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


def audit(browser, base: str, axe_script: str, pages: list[str], scheme: str) -> dict[str, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    context.add_init_script(script=axe_script)
    page = context.new_page()
    # The search index is built by a worker on every page load; axe does not need it.
    skip_search_index(page)
    problems: dict[str, list[str]] = {}
    try:
        for path in pages:
            response = page.goto(base + path, wait_until="load")
            assert response is not None and (response.ok or path == "404.html"), path
            for v in page.evaluate(RUN):
                if v["impact"] in FAILING or v["id"] in ALSO_FAILING:
                    problems.setdefault(path, []).append(f"{v['id']} ({v['impact']}): {', '.join(v['nodes'])}")
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
    service = built_site.catalogue.sorted_services()[0].id
    pages = ["index.html", f"katalogs/{service}.html", "katalogs/index.html", "cenas.html", "piemeri.html"]
    assert audit(browser, server, axe_script, pages, "dark") == {}


# Violations of every impact: no language, an image without text, pale text, a nameless button, an empty header
# cell (minor), a viewport that forbids zooming (a moderate rule with a critical check: kept, reported moderate),
# two banners and no main landmark or h1 (moderate).
BAD_PAGE = """<!doctype html><html><head><meta name="viewport" content="width=device-width, user-scalable=no">
<title>Nepieejama lapa</title></head><body>
<h3>Virsraksts bez h1</h3><p style="color:#c8c8c8;background:#fff">Gaiši pelēks teksts baltā fonā</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button>
<table><tr><th></th><th>Cena</th></tr><tr><td>1.1.</td><td>10,00 EUR</td></tr></table>
<div role="banner">Viens</div><div role="banner">Otrs</div></body></html>"""


def test_rules_left_out_cannot_fail_the_audit(browser, axe_script: str) -> None:
    """The audit runs only the rules that can fail it (CAN_FAIL): on a page with violations of every impact it
    fails on the same rules as axe-core with all its rules, and it leaves out only minor and moderate ones."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_content(BAD_PAGE)
        page.add_script_tag(content=axe_script)
        everything = page.evaluate(RUN_ALL)
        audited = page.evaluate(RUN)
        enabled = set(page.evaluate("() => axe._audit.rules.filter(r => r.enabled).map(r => r.id)"))
        kept = set(page.evaluate(CAN_FAIL))
    finally:
        context.close()

    def failing(violations: list[dict]) -> list[tuple[str, str]]:
        return sorted((v["id"], v["impact"]) for v in violations if v["impact"] in FAILING or v["id"] in ALSO_FAILING)

    assert {v["impact"] for v in everything} == {"minor", "moderate", "serious", "critical"}
    assert {"image-alt", "color-contrast", "button-name", "html-has-lang", "empty-table-header"} \
        <= {rule for rule, _ in failing(everything)}
    assert failing(audited) == failing(everything)
    left_out = enabled - kept
    assert {"region", "heading-order", "landmark-one-main", "page-has-heading-one"} <= left_out
    assert {v["id"] for v in everything if v["id"] in left_out} and all(
        v["impact"] in ("minor", "moderate") for v in everything if v["id"] in left_out)
