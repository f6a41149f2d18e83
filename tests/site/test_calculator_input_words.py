"""The calculator's input messages in the words the rest of the toolkit uses: a date typed in its form whose day the
calendar has not is told that the day does not exist (D89, generator/no_such_day.py), not that the form is wrong;
an unknown service and a missing price name their line's field by its label, as the other input messages do; a
unit counted whole (D256) gets a whole number for its example; the months' message has its verb."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.no_such_day import ISO, LV, no_such_day
from generator.site import calculator
from tests.site.browsing import BROWSER_MARKS, Visit, served_one_page_index

pytestmark = BROWSER_MARKS

PAGE = "kalkulators.html"
BASE = {"dzimsanasDatums": "15.03.2012", "periodaSakums": "01.10.2018", "menesi": "6",
        "rindas": [{"kods": "", "daudzums": "", "cena": "", "ekspertuRangs": "1"}]}
BIRTH = "Lauks „Bērna dzimšanas datums”"
START = "Lauks „Perioda pirmā diena”"


@pytest.fixture(scope="module")
def data(catalogue: Catalogue) -> dict:
    return calculator.calculator_data(catalogue)


@pytest.fixture
def visit(small_index_visit: Visit) -> Visit:
    small_index_visit.open(PAGE)
    return small_index_visit


@pytest.fixture(scope="module")
def api(browser, server: str) -> Iterator[Visit]:  # noqa: ANN001 - tests/site/browsing.py's browser
    """The calculator page opened once for the tests that only call its API (window.ibmKalkulators.aprekins, datums:
    pure functions of their input, which keep no state in the page); the tests that type into the form open their
    own page (``visit``). A page of its own for each API test cost ~0,8 s of Chromium CPU more (docs/benchmarks.md,
    testtime41)."""
    v = Visit(browser, server, search_index=served_one_page_index(server))
    v.open(PAGE)
    yield v
    v.close()


def _messages(visit: Visit, changes: dict) -> list[dict]:
    inp = {**BASE, **changes}
    return visit.page.evaluate("(x) => window.ibmKalkulators.aprekins(x).messages", inp)


def _input_errors(visit: Visit, changes: dict, field: str) -> list[str]:
    return [m["teksts"] for m in _messages(visit, changes) if m["kods"] == "ievade" and m["lauks"] == field]


@pytest.mark.parametrize(("typed", "form"), [("31.02.2012", LV), ("29.02.2013", LV), ("31.04.2018", LV),
                                             ("00.05.2012", LV), ("01.13.2012", LV), ("2012-02-30", ISO)])
def test_a_day_the_calendar_has_not_is_told_so(api: Visit, typed: str, form: str) -> None:
    why = no_such_day(typed, (form,), quoted=True)
    assert why is not None
    assert _input_errors(api, {"dzimsanasDatums": typed}, "dzimsanasDatums") == [f"{BIRTH}: {why}."]
    assert _input_errors(api, {"periodaSakums": typed}, "periodaSakums") == [f"{START}: {why}."]


@pytest.mark.parametrize("typed", ["31_02_2012", "31.2.12", "3102201", "31.02-2012x", "rīt"])
def test_a_text_not_in_the_form_is_still_no_date(api: Visit, typed: str) -> None:
    (text,) = _input_errors(api, {"dzimsanasDatums": typed}, "dzimsanasDatums")
    assert text == f"{BIRTH}: „{typed}” nav datums (gaidīts: datums DD.MM.GGGG, piem. 01.10.2018).", text


# A phone's number keypad (inputmode="numeric") may have no point: eight digits and other separators are read too.
KEYPAD_FORMS = ["10062010", "10 06 2010", "10-06-2010", "10,06,2010", "10/06/2010", "10.06.2010", "10 . 6 . 2010"]


@pytest.mark.parametrize("typed", KEYPAD_FORMS)
def test_a_date_without_points_is_read(api: Visit, typed: str) -> None:
    assert api.page.evaluate("(t) => window.ibmKalkulators.datums(t)", typed) == "2010-06-10"
    assert _input_errors(api, {"dzimsanasDatums": typed}, "dzimsanasDatums") == []


@pytest.mark.parametrize("typed", ["31022012", "31 02 2012", "31-02-2012", "31,02,2012", "31/02/2012"])
def test_a_missing_day_without_points_is_told_so(api: Visit, typed: str) -> None:
    why = no_such_day("31.02.2012", (LV,), quoted=True).replace("31.02.2012", typed)
    assert _input_errors(api, {"dzimsanasDatums": typed}, "dzimsanasDatums") == [f"{BIRTH}: {why}."]


def test_the_form_shows_the_date_it_understood(visit: Visit) -> None:
    """The keypad's „10062010” is shown back as 10.06.2010 when the field is left; the field keeps inputmode
    numeric, whose keypad can type it."""
    for field, typed in (("#ibm-dzimsanas", "15032012"), ("#ibm-sakums", "01 10 2018")):
        assert visit.page.get_attribute(field, "inputmode") == "numeric"
        visit.page.fill(field, typed)
        visit.page.locator(field).press("Tab")
        assert visit.page.input_value(field) == {"15032012": "15.03.2012", "01 10 2018": "01.10.2018"}[typed]
    visit.page.fill("#ibm-dzimsanas", "31022012")
    visit.page.locator("#ibm-dzimsanas").press("Tab")
    assert visit.page.input_value("#ibm-dzimsanas") == "31022012"  # no such day: kept as typed, with the error
    assert "tāda datuma nav" in visit.page.inner_text("#ibm-dzimsanas-kluda")
    assert visit.errors == []


def test_the_form_shows_the_missing_day_at_its_field(visit: Visit) -> None:
    visit.page.fill("#ibm-dzimsanas", "31.02.2012")
    visit.page.locator("#ibm-dzimsanas").press("Tab")
    visit.page.wait_for_timeout(200)
    note = visit.page.inner_text("#ibm-dzimsanas-kluda")
    assert note == f"{BIRTH}: {no_such_day('31.02.2012', (LV,), quoted=True)}.", note
    assert visit.errors == []


def _label(visit: Visit, field_id: str) -> str:
    return visit.page.inner_text(f"label[for='{field_id}']").rstrip(" *")


def test_an_unknown_service_and_a_missing_price_name_their_field(visit: Visit, data: dict) -> None:
    visit.page.fill("#ibm-r1-kods", "xyz")  # the line's labels as the form shows them
    service, price = _label(visit, "ibm-r1-kods"), _label(visit, "ibm-r1-cena")
    assert (service, price) == (data["lauki"]["kods"], data["lauki"]["cena"])
    rows = [{"kods": "xyz", "daudzums": "10", "cena": "30", "ekspertuRangs": "1"}]
    (text,) = _input_errors(visit, {"rindas": rows}, "kods")
    assert text == (f"1. rinda, lauks „{service}”: „xyz” nav katalogā (gaidīts: pakalpojuma kods vai nosaukums, "
                    "piem. 3.1.2i)."), text  # the field names the service once
    priced = calculator.default_round(data)["pakalpojumi"]
    # an offer whose price must be typed: no fixed unit price and no confirmed ceiling to take
    code = next(o["kods"] for o in priced if o["vienibasCena"] is None
                and (o["cena"] is None or o["griestuStatuss"] != "apstiprināts"))
    rows = [{"kods": code, "daudzums": "10", "cena": "", "ekspertuRangs": "1"}]
    (text,) = _input_errors(visit, {"rindas": rows}, "cena")
    assert text.startswith(f"1. rinda, lauks „{price}”: nav norādīta sniedzēja cena"), text


def test_a_whole_unit_gets_a_whole_example(api: Visit, data: dict) -> None:
    offers = [o for o in calculator.default_round(data)["pakalpojumi"] if o["vienibasCena"] is None]
    whole = next(o["kods"] for o in offers if o["vesels"])
    fraction = next(o["kods"] for o in offers if not o["vesels"])
    examples = {}
    for code in (whole, fraction):
        rows = [{"kods": code, "daudzums": "-3", "cena": "10", "ekspertuRangs": "1"}]
        (text,) = _input_errors(api, {"rindas": rows}, "daudzums")
        examples[code] = re.search(r"\(piem\. ([^)]*)\)", text).group(1)
    assert re.fullmatch(r"\d+", examples[whole]), examples
    assert "," in examples[fraction], examples


def test_the_months_message_has_its_verb(api: Visit, data: dict) -> None:
    most = calculator.default_round(data)["parametri"]["menesiMax"]
    (text,) = _input_errors(api, {"menesi": str(most + 1)}, "menesi")
    assert text == f"Lauks „Mēnešu skaits periodā”: „{most + 1}” – jābūt veselam skaitlim no 1 līdz {most}.", text
