"""The calculator as a social worker uses it for a long plan and its print:
- D293: a plan has no more lines than the IBM matrix has plan rows (layout.PLAN_ROWS). The API gives the reference's
  ``too_many_lines`` error for one more, equal to the reference; the form's „Pievienot rindu” stops at the limit and
  says why beside it.
- The print holds what was asked (the financing variants' table when „Rādīt arī 1. un 3. finansēšanas variantu” is
  ticked) and every printed page carries the estimate's title, the day and „N. lpp. no M” (8 and PLAN_ROWS lines).
- While A and K are estimates (B unconfirmed and no applied F), the results' rows for A, „No IB finansēts” and K carry
  „(aplēse)”, on screen and on paper, as the summary bar and the lines do.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import unicodedata
from decimal import Decimal

from pypdf import PdfReader

from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs
from generator.workbook.layout import PLAN_ROWS
from tests.site.browsing import ARTIFACTS, BROWSER_MARKS, Visit
from tests.site.calculator_expected import api_input, calculator_inputs, differences, expected
from tests.site.calculator_form import open_for_child
from tests.site.test_calculator_browser import aprekins_all

pytestmark = BROWSER_MARKS

PAGE = "kalkulators.html"
TITLE = "IB aprēķina novērtējums – nav lēmums"
VARIANTS = "Kopējais apmērs K pēc finansēšanas variantiem"
ESTIMATE = " (aplēse)"
MARKED = ("Plānam pieejamais IB apmērs A", "No IB finansēts", "IB kopējais apmērs K (2. variants)")


def _plan(params: Params, offers: dict, count: int) -> WorkbookInputs:
    period = next(p for p in params.reporting_periods if p.start >= params.day)
    offer = offers["3.1.2i"]
    lines = tuple(line_from_offer(offer, Decimal(1), unit_price=Decimal(10), expert_rank=1, parent_rank=k + 1)
                  for k in range(count))
    return calculator_inputs(WorkbookInputs(birth_date=dt.date(period.start.year - 8, 5, 5), period_start=period.start,
                                            months=6, special_care=False, impairment=None, lines=lines), offers)


def test_the_api_gives_the_references_error_for_one_line_more_than_the_matrix(visit: Visit, params: Params,
                                                                             offers: dict) -> None:
    plans = [_plan(params, offers, PLAN_ROWS), _plan(params, offers, PLAN_ROWS + 1),
             _plan(params, offers, PLAN_ROWS + 2)]
    visit.open(PAGE)
    results = aprekins_all(visit.page, [api_input(p) for p in plans])
    for plan, js in zip(plans, results, strict=True):
        assert differences(js, expected(plan, params), api_input(plan)["rindas"]) == []
    fits, over, two = ([m for m in js["messages"] if m["kods"] == "too_many_lines"] for js in results)
    assert fits == []
    assert [(m["smagums"], m["rindas"]) for m in over] == [("kļūda", [PLAN_ROWS])]
    assert [m["rindas"] for m in two] == [[PLAN_ROWS, PLAN_ROWS + 1]]
    assert f"Plāna rindu skaits ir {PLAN_ROWS + 1}, bet IBM matricā ir tikai {PLAN_ROWS} " in over[0]["teksts"]
    assert visit.errors == []


def test_the_add_button_stops_at_the_matrix_lines_and_says_why(visit: Visit) -> None:
    visit.open(PAGE)
    page = visit.page
    words = page.evaluate("ibmKalkulators.dati.rinduRobeza")
    assert f"IBM matricā ir {PLAN_ROWS} " in words
    assert page.inner_text("#ibm-rindu-robeza") == ""
    for _ in range(PLAN_ROWS - 1):  # the form starts with one line
        page.click("#ibm-pievienot")
    page.click("#ibm-pievienot", force=True)  # one click more adds nothing
    assert page.locator("#ibm-rindas > li").count() == PLAN_ROWS
    # still a Tab stop (aria-disabled), whose description says why
    assert page.get_attribute("#ibm-pievienot", "aria-disabled") == "true"
    assert page.inner_text("#ibm-rindu-robeza") == words
    assert page.get_attribute("#ibm-pievienot", "aria-describedby") == "ibm-rindu-robeza"
    page.focus("#ibm-pievienot")
    page.keyboard.press("Enter")
    assert page.locator("#ibm-rindas > li").count() == PLAN_ROWS
    page.click(f"#ibm-rindas > li:nth-child({PLAN_ROWS}) .ibm-kalk__nonemt")
    assert page.get_attribute("#ibm-pievienot", "aria-disabled") is None
    assert page.inner_text("#ibm-rindu-robeza") == ""
    page.click("#ibm-pievienot")
    assert page.locator("#ibm-rindas > li").count() == PLAN_ROWS
    assert visit.errors == []


def _fill(page, count: int) -> None:  # noqa: ANN001 - a Playwright page
    """``count`` lines of 3.1.2i (the first also a group session), typed as a user does, the ranks 1…count."""
    for k in range(1, count + 1):
        if k > 1:
            page.click("#ibm-pievienot")
        page.fill(f"#ibm-rindas > li:nth-child({k}) [name=kods]", "3.1.2i" if k > 1 else "3.1.1g")
        page.dispatch_event(f"#ibm-rindas > li:nth-child({k}) [name=kods]", "change")
        page.fill(f"#ibm-rindas > li:nth-child({k}) [name=daudzums]", str(12 + k))
        page.fill(f"#ibm-rindas > li:nth-child({k}) [name=cena]", "25,50")
        page.fill(f"#ibm-rindas > li:nth-child({k}) [name=vecakuRangs]", str(k))
    page.locator(f"#ibm-rindas > li:nth-child({count}) [name=vecakuRangs]").press("Tab")


def _rows(page, where: str) -> dict[str, str]:  # noqa: ANN001 - a Playwright page
    return page.evaluate("""(where) => Object.fromEntries(Array.from(document.querySelectorAll(where + ' tr'))
      .filter(r => r.querySelector('th') && r.querySelector('td'))
      .map(r => [r.querySelector('th').textContent, r.querySelector('td').textContent]))""", where)


def _print(page, name: str) -> list[str]:  # noqa: ANN001 - a Playwright page
    """The page printed to A4 (its PNG pages beside it for a look): each page's text."""
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(ARTIFACTS / name)], check=False)
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in PdfReader(str(pdf)).pages]


def test_every_printed_page_has_the_title_day_and_page_number_and_the_variants(visit: Visit) -> None:
    for count in (8, PLAN_ROWS):
        page = open_for_child(visit, "02.10.2009", "15.10.2018", PAGE)
        _fill(page, count)
        page.click("#ibm-citi-avoti summary")
        page.fill("#ibm-pabalsti", "200,50")
        page.check("#ibm-varianti")
        page.wait_for_timeout(200)
        assert page.locator("#ibm-rezultati .ibm-kalk__varianti").count() == 1
        texts = _print(page, f"kalkulators-druka-{count}")
        total = len(texts)
        assert total >= (2 if count == PLAN_ROWS else 1)
        for number, text in enumerate(texts, start=1):
            assert re.search(re.escape(TITLE) + r" · aprēķināts \d\d\.\d\d\.\d{4}", text), (number, text[:200])
            assert f"{number}. lpp. no {total}" in text, (number, text[-200:])
        whole = " ".join(texts)
        assert VARIANTS in whole and "3. variants" in whole, whole[-800:]
        assert visit.errors == []


def test_a_and_k_rows_carry_the_estimate_mark_on_screen_and_in_print(visit: Visit) -> None:
    page = open_for_child(visit, "02.10.2009", "15.10.2018", PAGE)
    _fill(page, 3)
    page.wait_for_timeout(200)
    unconfirmed = not page.evaluate("ibmKalkulators.karta('2018-10-15').parametri.bazesApmersApstiprinats")
    mark = ESTIMATE if unconfirmed else ""
    bar = page.inner_text("#ibm-kopsavilkums").replace("\u00a0", " ")
    assert (ESTIMATE in bar) is unconfirmed, bar
    for where in ("#ibm-rezultati", "#ibm-druka"):
        if where == "#ibm-druka":
            page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        rows = _rows(page, where)
        for label in MARKED:
            assert rows[label].replace("\u00a0", " ").endswith(" EUR" + mark), (where, label, rows[label])
        assert ESTIMATE not in rows["IB nepieciešamais apmērs N"]  # N is the plan's own cost
    # an applied F decides A (D206): no mark on A then
    page.evaluate("document.querySelector('#ibm-citi-avoti').open = true")
    page.fill("#ibm-galigais", "100")
    page.locator("#ibm-galigais").press("Tab")
    page.wait_for_timeout(200)
    rows = _rows(page, "#ibm-rezultati")
    if rows["IB galīgais apmērs F"].find("A = F") >= 0:
        assert all(ESTIMATE not in rows[label] for label in MARKED), rows
    assert visit.errors == []

