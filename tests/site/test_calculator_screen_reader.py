"""D363: the calculator as a keyboard and a screen reader meet it – the live status names where the first rule error of
a priced plan is and where its warnings are listed; the form's labels are the matrix's own words (6.1, 6.3, 6.8);
„Uz rezultātiem ↓” takes focus to the results; a line's „Noņemt” button is its last element
(test_calculator_form.py)."""

from __future__ import annotations

import re

import pytest

from generator.site import calculator
from generator.workbook.sheets import items, personal, plan
from tests.site.browsing import ARTIFACTS, CHROMIUM, NO_CHROMIUM, Visit
from tests.site.conftest import BuiltSite

PAGE = "kalkulators.html"
# the matrix's words, as its sheets write them (6.1 B38, B39; 6.3 F, G, I; 6.8 I)
MATRIX_LABELS = {"ibm-sakums": "Perioda pirmā diena", "ibm-menesi": "Mēnešu skaits periodā",
                 "ibm-r1-daudzums": "Daudzums periodā", "ibm-r1-cena": "Sniedzēja cena, EUR par vienību",
                 "ibm-r1-ekspertuRangs": "Ekspertu rangs jomā", "ibm-r1-vecakuRangs": "Vecāku rangs"}
WARNINGS_LISTED = "sarakstā zem apmēriem"

needs_browser = pytest.mark.skipif(not CHROMIUM.is_file(), reason=NO_CHROMIUM)


def test_the_labels_are_the_matrix_headings_of_those_inputs() -> None:
    """One source: the calculator's labels are the constants the matrix's sheets write, not typed again."""
    sheet_61 = {field: label for _, label, _, field, _, _ in personal.FIELDS if field}
    sheet_63 = {c: head for c, head, _ in plan.COLUMNS}
    sheet_68 = {c: head for c, head, _ in items.HEADS}
    assert calculator.FIRST_DAY_FIELD == sheet_61["Perioda_Sakums"] == MATRIX_LABELS["ibm-sakums"]
    assert calculator.MONTHS_FIELD == sheet_61["Perioda_Menesi"] == MATRIX_LABELS["ibm-menesi"]
    assert calculator.UNITS_FIELD == sheet_63["G"] == MATRIX_LABELS["ibm-r1-daudzums"]
    assert calculator.EXPERT_RANK_FIELD == sheet_63["F"] == MATRIX_LABELS["ibm-r1-ekspertuRangs"]
    assert calculator.PARENT_RANK_FIELD == sheet_63["I"] == MATRIX_LABELS["ibm-r1-vecakuRangs"]
    assert calculator.PRICE_FIELD == sheet_68["I"] == MATRIX_LABELS["ibm-r1-cena"]


def test_the_page_and_the_scripts_type_no_label_of_their_own(built_site: BuiltSite) -> None:
    page = built_site.html(PAGE)
    assert '<label for="ibm-sakums">Perioda pirmā diena *</label>' in page
    assert '<label for="ibm-menesi">Mēnešu skaits periodā *</label>' in page
    scripts = built_site.site / "assets" / "javascripts"
    for name in ("ibm-kalkulators.js", "ibm-kalkulators-forma.js"):
        text = (scripts / name).read_text(encoding="utf-8")
        for label in (*MATRIX_LABELS.values(), "Plāna pirmā diena", "Vienības periodā", "Cena, EUR par vienību"):
            assert f"„{label}”" not in text and f'"{label}"' not in text, (name, label)


@pytest.fixture
def visit(small_index_visit: Visit) -> Visit:
    return small_index_visit


def _status(page) -> str:  # noqa: ANN001 - a Playwright page
    return page.inner_text("#ibm-statuss").replace("\u00a0", " ")


def _repro(page) -> None:  # noqa: ANN001
    """The audit's plan: a group session priced above its (unconfirmed) ceiling – one error and one warning."""
    page.fill("#ibm-dzimsanas", "01.05.2012")
    page.fill("#ibm-sakums", "01.04.2019")
    page.fill("#ibm-r1-kods", "3.1.2g")
    page.locator("#ibm-r1-kods").press("Tab")
    page.fill("#ibm-r1-daudzums", "6")
    page.fill("#ibm-r1-cena", "30")
    page.locator("#ibm-r1-cena").press("Tab")


@pytest.mark.browser
@needs_browser
@pytest.mark.parametrize("width", [1280, 360])
def test_labels_and_the_status_on_screen(visit: Visit, width: int) -> None:
    """The labels on the screen are the matrix's; the status names the price field of line 1 and where the warning
    is; on a phone the renamed fields still fit (no overflow, a line's two small fields side by side)."""
    visit.open(PAGE)
    page = visit.page
    page.set_viewport_size({"width": width, "height": 900})
    _repro(page)
    page.wait_for_function("document.querySelector('#ibm-statuss').textContent.startsWith('N ')")
    for field, label in MATRIX_LABELS.items():
        assert page.inner_text(f"label[for='{field}']").removesuffix(" *") == label, field
    status = _status(page)
    errors = page.locator("#ibm-zinojumi li.ibm-kalk__zinojums--kluda").count()
    warnings = page.locator("#ibm-zinojumi li.ibm-kalk__zinojums--bridinajums").count()
    assert (errors, warnings) == (1, 1), page.inner_text("#ibm-zinojumi")
    assert status.endswith(f"(nederīgs – plānā ir kļūdas); kļūda laukā „{calculator.PRICE_FIELD}” (1. rinda); "
                           f"brīdinājumi 1 – {WARNINGS_LISTED}."), status
    assert "kļūdas 1" not in status
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width == 360:
        boxes = [page.locator(f"#ibm-r1-{n}").bounding_box() for n in ("ekspertuRangs", "vecakuRangs")]
        assert abs(boxes[0]["y"] - boxes[1]["y"]) <= 1, boxes  # the ranks' labels of one height: inputs aligned
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator("#ibm-kalkulators").screenshot(path=str(ARTIFACTS / f"kalkulators-d363-{width}.png"))
    assert visit.errors == []


@pytest.mark.browser
@needs_browser
def test_the_status_names_the_first_of_several_errors_once(visit: Visit) -> None:
    """Two lines above their ceilings: the count and where the first is; a key that changes neither the amounts nor
    the errors (an expert's rank) does not write the status again; warnings alone are told where they are."""
    visit.open(PAGE)
    page = visit.page
    _repro(page)
    page.click("#ibm-pievienot")
    page.fill("#ibm-r2-kods", "3.1.2g")
    page.locator("#ibm-r2-kods").press("Tab")
    page.fill("#ibm-r2-daudzums", "2")
    page.fill("#ibm-r2-cena", "31")
    page.locator("#ibm-r2-cena").press("Tab")
    want = f"; kļūdas 2, pirmā laukā „{calculator.PRICE_FIELD}” (1. rinda); brīdinājumi "
    page.wait_for_function(f"document.querySelector('#ibm-statuss').textContent.includes({want!r})")
    assert re.search(rf"brīdinājumi \d+ – {WARNINGS_LISTED}\.$", _status(page)), _status(page)
    page.evaluate("""() => { window.ibmWrites = 0; new MutationObserver(() => window.ibmWrites++)
        .observe(document.querySelector('#ibm-statuss'), {childList: true, characterData: true, subtree: true}); }""")
    page.locator("#ibm-r2-vecakuRangs").press_sequentially("1", delay=50)
    page.locator("#ibm-r2-vecakuRangs").press("Tab")
    page.wait_for_timeout(900)  # past the status's pause in typing
    assert page.evaluate("window.ibmWrites") == 0
    for k in (1, 2):  # prices within the ceilings: no error, the warnings still said where they are
        page.fill(f"#ibm-r{k}-cena", "20")
        page.locator(f"#ibm-r{k}-cena").press("Tab")
    page.wait_for_function("document.querySelector('#ibm-statuss').textContent.includes('kļūdas 0')")
    assert re.search(rf"; kļūdas 0, brīdinājumi [1-9]\d* – {WARNINGS_LISTED}\.$", _status(page)), _status(page)
    assert visit.errors == []


@pytest.mark.browser
@needs_browser
def test_the_link_to_the_results_moves_focus_there(visit: Visit) -> None:
    """„Uz rezultātiem ↓” focuses the results' heading (tabindex -1, not a Tab stop of its own): focus is not left on
    the body, and Tab goes on inside the results."""
    visit.open(PAGE)
    page = visit.page
    _repro(page)
    heading = "#ibm-rezultati-virsraksts"
    assert page.get_attribute(heading, "tabindex") == "-1"
    page.focus("#ibm-kopsavilkums")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'ibm-rezultati-virsraksts'")
    top = page.locator(heading).bounding_box()["y"]
    assert 0 <= top < page.viewport_size["height"], top  # in view, under the sticky header
    page.keyboard.press("Tab")
    inside = page.evaluate("document.activeElement.closest('.ibm-kalk__rezultati') !== null")
    assert inside, page.evaluate("document.activeElement.outerHTML")
    assert visit.errors == []
