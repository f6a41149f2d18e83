"""The calculator's fields at 320 px as a reader meets them (D328): a fraction of a unit counted whole is an error at
its field once the field is left and stays there while another line is incomplete; the offers a typed name matches
are buttons that fill the field, and a name that matches one offer is taken when the field is left; a line without
units needs no price and is noted, on screen and in print, as not counted; an empty field passed over with Tab is no
error, the summary names it as still to fill in."""

from __future__ import annotations

import pytest

from tests.site.browsing import ARTIFACTS, CHROMIUM, NO_CHROMIUM, Visit
from tests.site.calculator_form import axe_clean, fill_line, open_for_child

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.is_file(), reason=NO_CHROMIUM),
]

PAGE = "kalkulators.html"
UNITS = "Daudzums periodā"
PRICE = "Sniedzēja cena, EUR par vienību"
PHONE = {"width": 320, "height": 800}


@pytest.fixture
def visit(small_index_visit: Visit) -> Visit:
    """The calculator's page with a one-page search index: these tests never search."""
    small_index_visit.page.set_viewport_size(PHONE)
    return small_index_visit


def _shot(visit: Visit, name: str, selector: str = "#ibm-kalkulators") -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    visit.page.locator(selector).screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _leave(page, selector: str, text: str) -> None:  # noqa: ANN001 - a Playwright page
    """Type ``text`` into the field as a reader does, then leave it with Tab."""
    page.click(selector)
    page.fill(selector, "")
    page.keyboard.type(text)
    page.keyboard.press("Tab")
    page.wait_for_timeout(50)



def _offer_name(page, code: str) -> str:  # noqa: ANN001
    return page.evaluate("(k) => window.ibmKalkulators.pakalpojums(k, '01.10.2018').nosaukums", code)


def test_a_fraction_of_a_whole_unit_stays_at_its_field(visit: Visit) -> None:
    """18,5 sessions, the field left: the error is at the units field (not only under the line); a second line whose
    price is still empty does not hide it – the status names the error and the field still to fill in."""
    page = open_for_child(visit, "15.03.2014", "01.10.2018")
    _leave(page, "#ibm-r1-kods", "3.1.2i")
    _leave(page, "#ibm-r1-cena", "25")
    _leave(page, "#ibm-r1-daudzums", "18,5")
    note = page.inner_text("#ibm-r1-daudzums-kluda")
    assert f"laukā „{UNITS}” jābūt veselam skaitlim" in note and "ievadīts 18,5" in note, note
    assert page.get_attribute("#ibm-r1-daudzums", "aria-invalid") == "true"
    assert "ievadīts 18,5" not in page.inner_text("#ibm-r1-zinojumi")  # once, at its field
    page.click("#ibm-pievienot")
    _leave(page, "#ibm-r2-kods", "3.1.3i")
    _leave(page, "#ibm-r2-daudzums", "10")
    assert page.inner_text("#ibm-r1-daudzums-kluda") == note
    assert page.get_attribute("#ibm-r1-daudzums", "aria-invalid") == "true"
    page.wait_for_function("document.querySelector('#ibm-statuss').textContent.startsWith('Apmēru nav')")
    assert page.inner_text("#ibm-statuss") == (f"Apmēru nav: kļūda laukā „{UNITS}” (1. rinda); vēl jāaizpilda lauks "
                                               f"„{PRICE}” (2. rinda).")
    assert "ievadīts 18,5" in page.inner_text("#ibm-zinojumi")  # the list under the results counts it too
    assert "jāaizpilda lauks" in page.inner_text("#ibm-rezultati")
    _shot(visit, "kalkulators-320-vienibas-dala", "#ibm-rindas")
    axe_clean(page)
    assert visit.errors == []


def test_the_offers_a_name_matches_are_buttons(visit: Visit) -> None:
    """„ergo” matches two offers: each is a button under the field, named by the offer, that puts its code in the
    field – from the keyboard too; „kanis”, which matches one offer only, is that offer once the field is left."""
    page = open_for_child(visit, "15.03.2014", "01.10.2018")
    _leave(page, "#ibm-r1-kods", "ergo")
    group = page.locator("#ibm-r1-kods-izvele")
    assert group.get_attribute("role") == "group" and group.get_attribute("aria-label") == (
        "1. rinda: izvēlieties pakalpojumu")
    buttons = page.locator("#ibm-r1-kods-izvele button")
    names = [_offer_name(page, "3.1.2i"), _offer_name(page, "3.1.2g")]
    assert buttons.all_inner_texts() == names
    assert [buttons.nth(k).get_attribute("type") for k in range(2)] == ["button", "button"]
    # D343: Tab from the field goes to its buttons (in their named group), then to the next field – the note says
    # where they are and they describe the field
    active = "document.activeElement.closest('[role=group]')?.id + ' ' + document.activeElement.textContent"
    assert page.evaluate(active) == "ibm-r1-kods-izvele " + names[0]
    assert page.inner_text("#ibm-r1-kods-kluda").endswith(" vai ".join(names) + ". Pogas izvēlei – zem lauka.")
    assert "ibm-r1-kods-izvele" in page.get_attribute("#ibm-r1-kods", "aria-describedby").split()
    _shot(visit, "kalkulators-320-izvele", "#ibm-rindas")
    axe_clean(page)
    page.keyboard.press("Tab")
    assert page.evaluate(active) == "ibm-r1-kods-izvele " + names[1]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "ibm-r1-daudzums"
    page.keyboard.press("Shift+Tab")  # back from the units: the last offer's button
    assert page.evaluate("document.activeElement.textContent") == names[1]
    page.keyboard.press("Enter")
    page.wait_for_timeout(50)
    assert page.input_value("#ibm-r1-kods") == "3.1.2g"
    assert page.evaluate("document.activeElement.id") == "ibm-r1-kods"
    assert page.inner_text("#ibm-r1-kods-kluda") == "" and buttons.count() == 0
    assert "ibm-r1-kods-izvele" not in page.get_attribute("#ibm-r1-kods", "aria-describedby").split()
    assert page.inner_text("#ibm-r1-info").startswith(f"{names[1]}. Mērvienība")
    assert "ibm-r1-info" in page.get_attribute("#ibm-r1-kods", "aria-describedby").split()  # what was chosen is read
    _leave(page, "#ibm-r1-kods", "ergo")
    buttons.first.click()  # with the pointer
    assert page.input_value("#ibm-r1-kods") == "3.1.2i"

    _leave(page, "#ibm-r1-kods", "kanis")
    single = page.evaluate("window.ibmKalkulators.aprekins({rindas: [{kods: 'kanis'}]}).messages"
                           ".filter((m) => m.lauks === 'kods')[0].izvele")
    assert len(single) == 1  # the API names it, and does not take it itself
    assert page.input_value("#ibm-r1-kods") == single[0]
    assert page.evaluate("document.activeElement.id") == "ibm-r1-daudzums"  # taken before Tab moved on: no button
    assert page.inner_text("#ibm-r1-kods-kluda") == "" and buttons.count() == 0
    assert page.inner_text("#ibm-r1-info").startswith(f"{_offer_name(page, single[0])}. Mērvienība")
    _shot(visit, "kalkulators-320-viens-atbilst", "#ibm-rindas")
    assert visit.errors == []


def test_a_line_without_units_needs_no_price(visit: Visit) -> None:
    """A line with its service and no units (or 0) and no price counts nothing: the plan is priced, the line says
    why it is not counted, and so does the print; the API gives no price of it (not 0)."""
    page = open_for_child(visit, "15.03.2012", "01.10.2018")
    fill_line(page, 1, "3.1.2i", "10", "30")
    page.click("#ibm-pievienot")
    _leave(page, "#ibm-r2-kods", "3.8")
    page.keyboard.press("Tab")  # past the empty units and price
    page.keyboard.press("Tab")
    page.wait_for_function("document.querySelector('#ibm-statuss').textContent.startsWith('N ')")
    note = f"2. rinda netiek ņemta vērā: lauks „{UNITS}” ir tukšs vai 0."
    assert page.inner_text("#ibm-r2-rezultats") == note
    assert page.inner_text("#ibm-r2-cena-kluda") == "" and "jāaizpilda" not in page.inner_text("#ibm-kalkulators")
    _shot(visit, "kalkulators-320-rinda-bez-vienibam", "#ibm-rindas > li:nth-child(2)")
    _leave(page, "#ibm-r2-daudzums", "0")
    page.wait_for_function("document.querySelector('#ibm-statuss').textContent.startsWith('N ')")
    assert page.inner_text("#ibm-r2-rezultats") == note
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    printed = page.inner_text("#ibm-druka")
    assert note in printed, printed
    cells = page.locator("#ibm-druka table").nth(1).locator("tbody tr").nth(1).locator("td").all_inner_texts()
    assert cells[3] == "–", cells  # no price typed: none printed, not 0,00
    prices = page.evaluate("""window.ibmKalkulators.aprekins({dzimsanasDatums: '15.03.2012', periodaSakums: '01.10.2018',
        menesi: '6', rindas: [{kods: '3.1.2i', daudzums: '10', cena: '30'}, {kods: '3.8', daudzums: '', cena: ''}]})""")
    assert prices["Derigs"] is True and prices["Plans_Cena"] == ["30", None], prices["Plans_Cena"]
    assert visit.errors == []


def test_an_empty_field_passed_over_is_no_error(visit: Visit) -> None:
    """Tab through the empty birth date: no error at it, the bar does not say „Apmēru nav”, the status names the
    fields still to fill in; the same for a price passed over empty. A value that is no date is still an error."""
    visit.open(PAGE)
    page = visit.page
    page.focus("#ibm-dzimsanas")
    page.keyboard.press("Tab")
    page.wait_for_timeout(50)
    assert page.inner_text("#ibm-dzimsanas-kluda") == ""
    assert page.get_attribute("#ibm-dzimsanas", "aria-invalid") is None
    assert page.inner_text("#ibm-kopsavilkums") == "Uz rezultātiem ↓"
    want = "Lai aprēķinātu apmērus, vēl jāaizpilda lauki „Bērna dzimšanas datums” un „Perioda pirmā diena”."
    assert page.inner_text("#ibm-statuss") == want
    assert want in page.inner_text("#ibm-rezultati")
    _shot(visit, "kalkulators-320-tukss-lauks", "#ibm-kalkulators")
    _leave(page, "#ibm-dzimsanas", "15.03.2012")
    _leave(page, "#ibm-sakums", "01.10.2018")
    _leave(page, "#ibm-r1-kods", "3.1.3i")
    _leave(page, "#ibm-r1-daudzums", "10")
    page.keyboard.press("Tab")  # past the empty price
    page.wait_for_timeout(50)
    assert page.inner_text("#ibm-r1-cena-kluda") == ""
    assert page.inner_text("#ibm-statuss") == f"Lai aprēķinātu apmērus, vēl jāaizpilda lauks „{PRICE}” (1. rinda)."
    assert page.inner_text("#ibm-kopsavilkums") == "Uz rezultātiem ↓"
    _leave(page, "#ibm-dzimsanas", "abc")
    assert "„abc” nav datums" in page.inner_text("#ibm-dzimsanas-kluda")
    assert page.inner_text("#ibm-statuss") == (
        f"Apmēru nav: kļūda laukā „Bērna dzimšanas datums”; vēl jāaizpilda lauks „{PRICE}” (1. rinda).")
    assert page.inner_text("#ibm-kopsavilkums").startswith("Apmēru nav – skat. kļūdas")
    assert visit.errors == []

