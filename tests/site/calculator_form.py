"""Typing into the calculator's form as a user does (tests of the calculator page share it)."""

from __future__ import annotations

import pytest

from tests.site.axe import AxeUnavailable, ensure_axe


def fill_line(page, k: int, code: str, units: str, price: str) -> None:  # noqa: ANN001 - a Playwright page
    """Plan line ``k`` (a line added first when k > 1): service, units, price and the experts' rank k, each field
    left with Tab."""
    if k > 1:
        page.click("#ibm-pievienot")
    page.fill(f"#ibm-r{k}-kods", code)
    page.dispatch_event(f"#ibm-r{k}-kods", "change")
    page.fill(f"#ibm-r{k}-daudzums", units)
    page.fill(f"#ibm-r{k}-cena", price)
    page.fill(f"#ibm-r{k}-ekspertuRangs", str(k))
    page.locator(f"#ibm-r{k}-ekspertuRangs").press("Tab")


def open_for_child(visit, birth: str, start: str, page: str = "kalkulators.html"):  # noqa: ANN001, ANN201 - Visit, Page
    """The calculator opened with the child's date of birth and the plan's first day typed (DD.MM.GGGG), the
    last field left with Tab; returns the Playwright page."""
    visit.open(page)
    visit.page.fill("#ibm-dzimsanas", birth)
    visit.page.fill("#ibm-sakums", start)
    visit.page.locator("#ibm-sakums").press("Tab")
    return visit.page


def axe_clean(page) -> None:  # noqa: ANN001 - a Playwright page
    """axe-core over the calculator (#ibm-kalkulators) finds no violation; a missing axe-core fails the test."""
    try:
        script = ensure_axe()
    except AxeUnavailable as exc:
        pytest.fail(f"axe-core nav pieejams: {exc}")
    page.add_script_tag(path=str(script))
    report = page.evaluate("axe.run(document.querySelector('#ibm-kalkulators'))")
    assert [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in report["violations"]] == []
