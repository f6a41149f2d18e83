"""The IB calculator's form after audit26, on one page: a line's own rule messages stand at the line in the
reference's words and an erroneous line is not "finansēta" (F2); a typed F has its row in the results, with the
matrix's words when it is not applied (F3); "2 4" is no number while "1 000" is, and a price pasted as "30,00 EUR"
or "30,00 €" is the price (F4, F11); the summary bar writes "EUR" after every amount and the page says that nothing
typed is kept (F6, F8)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Offer
from generator.documents.from_matrix.context import FINAL_IF_OVER
from generator.lvformat import date as lv_date
from generator.lvformat import eur
from generator.reference.lines import PlanLine, line_from_offer
from generator.reference.params import Params
from generator.reference.plan import FUNDED
from generator.reference.rules import (
    check_day_care_sessions,
    check_incompatible,
    check_prices,
    check_unconfirmed_ceilings,
)
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.site.line_status import LINE_STATUS
from generator.workbook.texts import FINAL_NOT_APPLIED
from tests.site.axe import ensure_axe
from tests.site.browsing import BROWSER_MARKS, Visit
from tests.site.calculator_form import fill_line

pytestmark = BROWSER_MARKS

PAGE = "kalkulators.html"


@pytest.fixture
def visit(small_index_visit: Visit) -> Visit:
    """The calculator's page with a one-page search index: these tests never search (browsing.small_search_index)."""
    return small_index_visit


NBSP = "\u00a0"
PRICE_RULES = {"price_above_ceiling", "actual_cost_price"}


def _row(page, label: str) -> str | None:  # noqa: ANN001
    """The text of the results table's row ``label``, or None."""
    return page.evaluate("""(label) => {
      const row = Array.from(document.querySelectorAll('#ibm-rezultati tr'))
        .find(r => r.querySelector('th') && r.querySelector('th').textContent === label);
      return row ? row.querySelector('td').textContent : null;
    }""", label)


def _notes(page, k: int) -> set[str]:  # noqa: ANN001
    """The messages under line k, without their "Kļūda: " / "Brīdinājums: "."""
    texts = page.locator(f"#ibm-r{k}-zinojumi p").all_inner_texts()
    return {t.split(": ", 1)[1].replace(NBSP, " ") for t in texts}


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


def test_line_errors_final_amount_and_number_input_on_one_page(visit: Visit, offers: dict[str, Offer]) -> None:
    page = visit.page
    page.set_viewport_size({"width": 1366, "height": 900})
    visit.open(PAGE)
    # F8: the page says a reload loses the plan
    assert "lapu pārlādējot vai aizverot, plāns pazūd" in page.locator("#ibm-kalk-paskaidrojums").inner_text()

    page.fill("#ibm-dzimsanas", "31.01.2016")
    page.fill("#ibm-sakums", "31.10.2018")
    page.locator("#ibm-sakums").press("Tab")
    fill_line(page, 1, "3.1.3i", "8", "30")

    # F3: F typed while N <= P is not applied, in the matrix's words; while N > P it is A
    page.click("#ibm-citi-avoti summary")
    page.fill("#ibm-galigais", "500")
    page.locator("#ibm-galigais").press("Tab")
    confirmed = page.evaluate("ibmKalkulators.karta('31.10.2018').parametri.bazesApmersApstiprinats")
    provisional = "" if confirmed else " (P – aplēse, kamēr B nav apstiprināts)"
    # the words the papers print beside F (D53): with B unconfirmed N <= P rests on the estimated P
    words = FINAL_IF_OVER if provisional else FINAL_NOT_APPLIED.partition(" – ")[2]
    assert words == ("piemēro, ja N > P" if provisional else "nepiemēro, jo N ≤ P")
    assert _plain(_row(page, "IB galīgais apmērs F")) == f"500,00 EUR – {words}{provisional}"
    # A = N rests on the estimated P while B is unconfirmed (D206): marked as the summary bar marks it
    assert _plain(_row(page, "Plānam pieejamais IB apmērs A")) == "240,00 EUR" + (" (aplēse)" if provisional else "")
    page.fill("#ibm-r1-daudzums", "200")
    page.locator("#ibm-r1-daudzums").press("Tab")
    assert _plain(_row(page, "IB galīgais apmērs F")) == f"500,00 EUR – piemēro, jo N > P: A = F{provisional}"
    assert _plain(_row(page, "Plānam pieejamais IB apmērs A")) == "500,00 EUR"
    page.fill("#ibm-galigais", "")
    page.locator("#ibm-galigais").press("Tab")
    assert _row(page, "IB galīgais apmērs F") is None

    # F4: spaces only between groups of thousands; F11: a pasted price with its "EUR"
    page.fill("#ibm-r1-daudzums", " 2 4 ")
    page.locator("#ibm-r1-daudzums").press("Tab")
    units_error = page.locator("#ibm-r1-daudzums-kluda").inner_text()
    assert "„ 2 4 ” nav skaitlis ≥ 0" in units_error or "„ 2 4 ” nav vesels skaitlis ≥ 0" in units_error, units_error
    assert page.get_attribute("#ibm-r1-daudzums", "aria-invalid") == "true"
    page.fill("#ibm-r1-daudzums", f"1{NBSP}000")
    page.locator("#ibm-r1-daudzums").press("Tab")
    assert _plain(page.inner_text("#ibm-r1-rezultats")).startswith("Izmaksas 30 000,00 EUR")
    page.fill("#ibm-r1-daudzums", "8")
    # a price pasted as the site prints it, with "EUR" or "€" after a space or a no-break space, is the price
    for pasted, cost in (("30,00 EUR", "240,00"), (f"31,50{NBSP}EUR", "252,00"), ("1 000,00 €", "8 000,00"),
                         (f"29{NBSP}€", "232,00"), ("30,00", "240,00")):
        page.fill("#ibm-r1-cena", pasted)
        page.locator("#ibm-r1-cena").press("Tab")
        assert page.inner_text("#ibm-r1-cena-kluda") == "", pasted
        assert _plain(page.inner_text("#ibm-r1-rezultats")).startswith(f"Izmaksas {cost} EUR"), pasted
    # but not a word that only looks like it, nor a price with sub-cents
    page.fill("#ibm-r1-cena", "30,00 EURO")
    page.locator("#ibm-r1-cena").press("Tab")
    assert "„30,00 EURO”" in page.inner_text("#ibm-r1-cena-kluda")
    page.fill("#ibm-r1-cena", "30,001 EUR")
    page.locator("#ibm-r1-cena").press("Tab")
    assert page.inner_text("#ibm-r1-cena-kluda") != ""
    page.fill("#ibm-r1-cena", "30,00 EUR")
    page.locator("#ibm-r1-cena").press("Tab")
    assert page.inner_text("#ibm-r1-cena-kluda") == ""
    assert _plain(page.inner_text("#ibm-r1-rezultats")).startswith("Izmaksas 240,00 EUR")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # the printout reads the price the same way
    assert page.locator("#ibm-druka tbody tr").filter(has_text="Logopēds").first.locator("td").nth(3).inner_text() \
        == "30,00"

    # F2: a price above the ceiling, an incompatible pair and day-care sessions, at their lines
    group = offers["3.1.3g"]
    assert group.ceiling is not None
    above = group.ceiling + Decimal("1")
    plan = [("3.1.3i", 8, Decimal(30)), ("3.1.3g", 8, above), ("2.3", 4, Decimal(10)), ("1.5", 4, Decimal(10)),
            ("3.6", 2, Decimal(20))]
    for k, (code, units, price) in enumerate(plan[1:], start=2):
        fill_line(page, k, code, str(units), format(price, "f").replace(".", ","))
    lines: list[PlanLine] = [line_from_offer(offers[code], units, unit_price=price, expert_rank=k)
                             for k, (code, units, price) in enumerate(plan, start=1)]
    findings = (check_prices(lines) + check_incompatible(lines) + check_day_care_sessions(lines)
                + check_unconfirmed_ceilings(lines))
    (price_error,) = [f for f in findings if f.code == "price_above_ceiling"]
    assert price_error.lines == (1,)
    assert _plain(page.inner_text("#ibm-r2-cena-kluda")) == _plain(price_error.message)
    assert page.get_attribute("#ibm-r2-cena", "aria-invalid") == "true"
    second = _plain(page.inner_text("#ibm-r2-rezultats"))
    assert f"({LINE_STATUS[FUNDED]})" not in second and "kļūda – skat. pie lauka „Sniedzēja cena, EUR par vienību”" in second, second
    assert f"{eur(above * 8)}".replace(NBSP, " ") in second
    for i in range(len(plan)):
        want = {_plain(f.message) for f in findings if i in f.lines and f.code not in PRICE_RULES}
        assert _notes(page, i + 1) == want, i
    assert any(f.code == "incompatible" for f in findings) and any(f.code == "day_care_sessions" for f in findings)
    assert page.get_attribute("#ibm-r3-cena", "aria-invalid") is None  # a warning marks no field
    # a line with warnings only has no error of its own; while line 2's error stands, it carries only the plan's mark
    # and no status (the plan's amounts are not valid)
    third = _plain(page.inner_text("#ibm-r3-rezultats"))
    assert third.endswith(" – nav derīgi, kamēr plānā ir kļūdas") and "kļūda – skat." not in third, third
    assert f"({LINE_STATUS[FUNDED]})" not in third, third
    visit.shot("kalkulators-rindas-kludas-dators")

    # F6: "EUR" after every amount of the summary bar
    bar = _plain(page.inner_text("#ibm-kopsavilkums"))
    assert bar.count(" EUR") == 3 and bar.startswith("N ") and " · A " in bar, bar

    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("#ibm-r2-cena").focus()
    page.locator("#ibm-r2-cena").press("Tab")
    page.wait_for_timeout(200)
    visit.shot("kalkulators-rindas-kludas-telefons")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.add_script_tag(path=str(ensure_axe()))  # the line messages and the marked price field pass axe
    report = page.evaluate("axe.run(document.querySelector('#ibm-kalkulators'))")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in report["violations"]] == []
    assert visit.errors == []


def test_units_beyond_the_period_at_the_units_field_and_a_line_above_p_under_it(
        visit: Visit, offers: dict[str, Offer], params: Params) -> None:
    """D147: 200 nights in a plan of 182 days is an error at the line's units field, in the reference's words but
    naming that field, not the matrix's table 6.3 (audit36 F5), and the line is not "finansēta"; D148: 500 sessions of
    20,00 EUR, above the child's P, is a warning under the line naming the line's units and price fields."""
    page = visit.page
    visit.open(PAGE)
    start = params.reporting_periods[0].start
    page.fill("#ibm-dzimsanas", "31.01.2012")
    page.fill("#ibm-sakums", lv_date(start))
    page.locator("#ibm-sakums").press("Tab")
    page.select_option("#ibm-menesi", "6")
    plan = [("1.4.1", 200, Decimal(40)), ("1.1.1i", 500, Decimal(20))]
    for k, (code, units, price) in enumerate(plan, start=1):
        fill_line(page, k, code, str(units), format(price, "f").replace(".", ","))
    lines = tuple(line_from_offer(offers[code], units, unit_price=price, expert_rank=k)
                  for k, (code, units, price) in enumerate(plan, start=1))
    inputs = WorkbookInputs(birth_date=dt.date(2012, 1, 31), period_start=start, months=6, special_care=False,
                            impairment=None, lines=lines)
    found = {f.code: f for f in evaluate_workbook(inputs, params).findings}
    units_error, above_p = found["units_above_period"], found["line_above_provisional"]
    assert (units_error.lines, above_p.lines) == ((0,), (1,))
    at_field = _plain(page.inner_text("#ibm-r1-daudzums-kluda"))
    assert at_field == _plain(units_error.message).replace("daudzumu 6.3. tabulā.", "daudzumu laukā „Daudzums periodā”.")
    assert "tabul" not in at_field and units_error.message.endswith("pārbaudiet daudzumu 6.3. tabulā."), at_field
    assert page.get_attribute("#ibm-r1-daudzums", "aria-invalid") == "true"
    first = _plain(page.inner_text("#ibm-r1-rezultats"))
    assert f"({LINE_STATUS[FUNDED]})" not in first and "kļūda – skat. pie lauka „Daudzums periodā”" in first, first
    # D148 names the calculator's units and price fields, not the matrix's tables 6.3 and 6.8 (the reference's words)
    assert above_p.message.endswith(") 6.3. tabulā un cena 6.8. tabulā ir pareizi."), above_p.message
    in_calculator = above_p.message.replace(") 6.3. tabulā un cena 6.8. tabulā", ") laukā „Daudzums periodā” un cena "
                                            "laukā „Sniedzēja cena, EUR par vienību”")
    notes = _notes(page, 2)
    assert _plain(in_calculator) in notes and not [n for n in notes if "tabul" in n], notes
    assert page.get_attribute("#ibm-r2-daudzums", "aria-invalid") is None  # a warning marks no field
    visit.shot("kalkulators-daudzums-virs-perioda")
    assert visit.errors == []


def test_a_line_without_a_service_and_a_euro_line_above_p(visit: Visit, params: Params) -> None:
    """D338: units and a price typed in a line with no service count nothing, which is said as an error at the line's
    service field (not dropped unseen); a euro line above P is told to check its own field „Summa periodā, EUR”, not a
    units and a price field it does not have. The live status line is in the accessibility tree before its first
    message (hidden while empty, not display: none), and a reduced month count is said on it once."""
    page = visit.page
    visit.open(PAGE)
    assert page.inner_text("#ibm-statuss") == ""
    assert page.evaluate("getComputedStyle(document.querySelector('#ibm-statuss')).display") != "none"
    page.fill("#ibm-dzimsanas", "31.01.2012")
    page.fill("#ibm-sakums", lv_date(params.reporting_periods[0].start))
    page.locator("#ibm-sakums").press("Tab")
    fill_line(page, 1, "3.1.3i", "8", "30")
    page.click("#ibm-pievienot")
    page.fill("#ibm-r2-daudzums", "10")
    assert page.inner_text("#ibm-r2-kods-kluda") == ""  # not while the units are being typed
    page.fill("#ibm-r2-cena", "20")
    page.locator("#ibm-r2-cena").press("Tab")
    assert page.inner_text("#ibm-r2-kods-kluda") == (
        "2. rinda, lauks „Pakalpojums”: rindā ir vienības vai cena, bet nav pakalpojuma – rinda netiek ņemta vērā "
        "(gaidīts: pakalpojuma kods vai nosaukums, piem. 3.1.2i).")
    assert page.get_attribute("#ibm-r2-kods", "aria-invalid") == "true"
    page.wait_for_function("document.querySelector('#ibm-statuss').textContent.includes('Pakalpojums')")
    assert "kļūda laukā „Pakalpojums” (2. rinda)" in page.inner_text("#ibm-statuss")
    euro = page.evaluate("""() => ibmKalkulators.dati.pakalpojumi.find(o => o.vienibasCena !== null).kods""")
    page.fill("#ibm-r2-cena", "")
    page.fill("#ibm-r2-kods", euro)
    page.dispatch_event("#ibm-r2-kods", "change")
    page.fill("#ibm-r2-daudzums", "90000")
    page.locator("#ibm-r2-daudzums").press("Tab")
    assert page.inner_text("#ibm-r2-kods-kluda") == "" and page.get_attribute("#ibm-r2-kods", "aria-invalid") is None
    above = [n for n in _notes(page, 2) if "pārsniedz bērna IB provizorisko apmēru P" in n]
    assert len(above) == 1 and above[0].endswith("; pārbaudiet, vai summa laukā „Summa periodā, EUR” ir pareiza."), above
    assert "Daudzums periodā" not in above[0] and "Sniedzēja cena, EUR" not in above[0]
    visit.shot("kalkulators-euro-virs-p")
    assert visit.errors == []
