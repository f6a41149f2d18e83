"""The calculator as a social worker on a phone uses it (audit32b): a tap higher up is not lost when a lower field
is left (F12), Tab from the form's last stop reaches the results (F2), a thousands point is never read as a decimal
one (F5, D264), a service given individually and in a group typed by its bare name gets both codes (F6), a day of
the adults' round is named as such (F1), and the messages name the calculator's own fields (F8, F10, F14)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.lvformat import date as lv_date
from tests.site.browsing import ARTIFACTS, CHROMIUM, NO_CHROMIUM, goto
from tests.site.calculator_form import fill_line

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.is_file(), reason=NO_CHROMIUM),
]

PAGE = "kalkulators.html"
BASE = {"dzimsanasDatums": "2012-05-01", "periodaSakums": "03.10.2018", "menesi": 6,
        "rindas": [{"kods": "2.2", "daudzums": "100", "cena": "6,20", "ekspertuRangs": 1}]}


@pytest.fixture
def phone(browser, server: str):  # noqa: ANN001, ANN201 - a Playwright page
    """The calculator at 375×740 with touch, as the audit's phone."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    goto(page, server + PAGE)
    page.errors = errors
    yield page
    context.close()


def _api(page, inputs: list[dict]) -> list[dict]:  # noqa: ANN001
    return page.evaluate("(all) => all.map((x) => window.ibmKalkulators.aprekins(x))", inputs)


def _three_lines(page) -> None:  # noqa: ANN001
    page.fill("#ibm-dzimsanas", "15.05.2012")
    page.fill("#ibm-sakums", "01.10.2018")
    page.locator("#ibm-sakums").press("Tab")
    for k, line in enumerate((("3.1.3i", "10", "30"), ("2.2", "10", "6,20"), ("1.5", "20", "8")), start=1):
        fill_line(page, k, *line)


def _middle(page, selector: str) -> dict:  # noqa: ANN001
    page.evaluate("""(s) => { const r = document.querySelector(s).getBoundingClientRect();
        window.scrollBy(0, r.top - window.innerHeight / 2 + r.height / 2); }""", selector)
    page.wait_for_timeout(100)
    return page.locator(selector).bounding_box()


def _tap(page, box: dict) -> None:  # noqa: ANN001
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(300)


def test_a_tap_higher_up_is_not_lost_when_a_lower_field_is_left(phone) -> None:  # noqa: ANN001
    """F12: the cursor in line 3, the reader scrolls up and taps „Noņemt 1. rindu” (at the line's foot, D363): the row
    goes and what the reader saw stays – the next line moves into its place and the page follows it; a tap on line 1's
    price then puts the cursor there with the field on the screen."""
    page = phone
    _three_lines(page)
    page.focus("#ibm-r3-daudzums")
    box = _middle(page, "#ibm-rindas > li:first-child .ibm-kalk__nonemt")
    before = page.locator("#ibm-r2-kods").bounding_box()["y"]  # the next line's service, under the button
    assert box["y"] < before < 740, (box, before)
    _tap(page, box)
    assert page.locator("#ibm-rindas > li").count() == 2
    # the focus goes to the next line's first field: on the screen near where it was, never a screen away
    after = page.locator("#ibm-r2-kods").bounding_box()["y"]
    assert abs(after - before) < 740 / 2, (before, after)
    focused = page.evaluate("() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.bottom]; }")
    assert page.evaluate("document.activeElement.id") == "ibm-r2-kods" and 0 <= focused[0] and focused[1] <= 740
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "kalkulators-nonemt-telefons.png"))
    page.focus("#ibm-r3-cena")  # now line 2's price; line 1 is the former line 2 (ibm-r2-…)
    box = _middle(page, "#ibm-r2-cena")
    _tap(page, box)
    assert page.evaluate("document.activeElement.id") == "ibm-r2-cena"
    field = page.locator("#ibm-r2-cena").bounding_box()
    assert field is not None and 0 <= field["y"] and field["y"] + field["height"] <= 740, field
    assert page.errors == []


def test_tab_from_the_forms_last_stop_reaches_the_results(phone) -> None:  # noqa: ANN001
    """F2: a focusout that changed nothing does not rebuild the results, so Tab from the summary link lands on the
    variants box, not on the page body."""
    page = phone
    _three_lines(page)
    page.check("#ibm-varianti")
    page.focus("#ibm-kopsavilkums")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") != "BODY"
    assert page.evaluate("document.activeElement.classList.contains('ibm-kalk__ritinams')")
    assert page.errors == []


@pytest.mark.parametrize(("field", "typed", "thousands"), [
    ("galigais", "2.500", "2 500"), ("pabalsti", "1,200", "1 200"), ("cena", "1.200", "1 200"),
    ("daudzums", "1.200", "1 200"), ("daudzums", "1,250", "1 250")])
def test_a_thousands_point_is_asked_about_never_read_as_decimals(phone, field: str, typed: str,  # noqa: ANN001
                                                                 thousands: str) -> None:
    """F5 (D264): three digits after a single point or comma are a question, no amount; with a space, or four
    decimals, or a zero before the point, the number is taken."""
    row = BASE["rindas"][0]
    bad = {**BASE, "rindas": [{**row, field: typed}]} if field in row else {**BASE, field: typed}
    (res,) = _api(phone, [bad])
    assert res["Derigs"] is False and res["IB_Kopejais"] is None, res["messages"]
    (message,) = res["messages"]
    assert message["lauks"] == field and f"vai domājāt {thousands}?" in message["teksts"].replace("\u00a0", " ")
    assert "atstarpi" in message["teksts"], message
    fine = [thousands, typed.replace(".", ",") + "0", "0" + typed[1:]]
    for good in fine:
        inp = {**BASE, "rindas": [{**row, field: good}]} if field in row else {**BASE, field: good}
        (res,) = _api(phone, [inp])
        assert res["Derigs"] is True, (good, res["messages"])


def test_a_bare_name_of_a_service_in_two_forms_gets_both_codes(phone) -> None:  # noqa: ANN001
    """F6: „Logopēds” typed alone is in the catalogue individually and in a group: the message names both offers,
    like the bare code does, never „nav katalogā”."""
    inp = {**BASE, "rindas": [{"kods": "Logopēds", "daudzums": "10", "cena": "30", "ekspertuRangs": 1}]}
    (res,) = _api(phone, [inp])
    (message,) = res["messages"]
    assert "nav katalogā" not in message["teksts"], message
    assert "3.1.3i" in message["teksts"] and "3.1.3g" in message["teksts"], message
    assert message["teksts"].startswith("1. rinda, lauks „Pakalpojums”: „Logopēds” ir individuāli un grupā – "
                                        "izvēlieties"), message


@pytest.mark.parametrize(("typed", "offers"), [
    ("ergo", ["3.1.2i", "3.1.2g"]), ("logopeds", ["3.1.3i", "3.1.3g"]), ("ERGOTERAPEITAM", ["3.1.2i", "3.1.2g"]),
    ("aprupe majas", ["2.3"]), ("atelpas brīdis", ["1.4.1", "1.4.2"]), ("dienas centrs", ["3.6"]),
    ("transports", ["1.6", "2.4", "2.5"]),
])
def test_a_service_is_found_by_the_beginnings_of_its_words(phone, catalogue: Catalogue, typed: str,  # noqa: ANN001
                                                             offers: list[str]) -> None:
    """audit41c M2: a beginning of each word of the name, without diacritics or in another case form, lists the
    offers it fits (as „Logopēds” does), in the catalogue's names, naming the field; never „nav katalogā”."""
    names = {o.id: o.label for o in catalogue.offers(catalogue.rounds_of(Pilot.children)[0].services_start)}
    inp = {**BASE, "rindas": [{"kods": typed, "daudzums": "10", "cena": "30", "ekspertuRangs": 1}]}
    (res,) = _api(phone, [inp])
    (message,) = res["messages"]
    listed = [names[k] for k in offers]
    assert message["teksts"] == (f"1. rinda, lauks „Pakalpojums”: „{typed}” nav kods vai pilns nosaukums – izvēlieties "
                                 + ("; ".join(listed[:-1]) + " vai " if len(listed) > 1 else "") + listed[-1] + "."), message


def test_a_day_of_the_adults_round_is_named(phone, catalogue: Catalogue) -> None:  # noqa: ANN001
    """F1: a first day in no children's round's reporting period says so; inside an adults' round's services it
    names that round and says the calculator is for the children's programme (D254)."""
    adults = catalogue.rounds_of(Pilot.adults)[0]
    day = adults.services_start
    assert catalogue.round_at(Pilot.children, day) is None
    inp = {**BASE, "periodaSakums": lv_date(day)}
    (res,) = _api(phone, [inp])
    texts = [m["teksts"] for m in res["messages"] if m["kods"] == "outside_reporting_period"]
    (text,) = texts
    assert "nav nevienā bērnu programmas kārtas pārskata periodā" in text, text
    assert f"pieaugušo programmas kārtas „{adults.name_lv}”" in text and "tikai bērnu programmai" in text, text
    assert adults.id not in text, text  # a user sees the round's name, not its id
    (far,) = _api(phone, [{**BASE, "periodaSakums": "01.12.2026"}])
    far_text = next(m["teksts"] for m in far["messages"] if m["kods"] == "outside_reporting_period")
    assert "bērnu programmas kārtas" in far_text and "pieaugušo" not in far_text, far_text


def test_format_messages_name_the_fields_label(phone) -> None:  # noqa: ANN001
    """F8: a format message names its field by the label on the screen, as the status line does."""
    row = BASE["rindas"][0]
    cases = [({**BASE, "pabalsti": "100 EUR"}, "ibm-pabalsti"), ({**BASE, "citi": "-50"}, "ibm-citi"),
             ({**BASE, "galigais": "abc"}, "ibm-galigais"),
             ({**BASE, "rindas": [{**row, "daudzums": "-5"}]}, "ibm-r1-daudzums"),
             ({**BASE, "rindas": [{**row, "cena": "x"}]}, "ibm-r1-cena"),
             ({**BASE, "rindas": [{**row, "ekspertuRangs": "0"}]}, "ibm-r1-ekspertuRangs"),
             ({**BASE, "dzimsanasDatums": "31.02.2012"}, "ibm-dzimsanas")]
    results = _api(phone, [inp for inp, _ in cases])
    for (inp, field), res in zip(cases, results, strict=True):
        label = phone.text_content(f"label[for='{field}']").removesuffix(" *")
        if field == "ibm-galigais":
            label = label.removesuffix(" (ja ministrija to noteikusi)")
        (message,) = res["messages"]
        prefix = "1. rinda, lauks" if field.startswith("ibm-r1-") else "Lauks"
        assert message["teksts"].startswith(f"{prefix} „{label}”: "), (inp, message["teksts"])


def test_the_printout_shows_dates_and_amounts_as_read(phone) -> None:  # noqa: ANN001
    """F7: the printout's inputs give a date typed „1.5.2012” as 01.05.2012; F5: a thousands point is no amount
    there either (as typed, not 2,50 EUR)."""
    page = phone
    page.fill("#ibm-dzimsanas", "1.5.2012")
    page.fill("#ibm-sakums", "3.10.2018")
    page.locator("#ibm-sakums").press("Tab")
    fill_line(page, 1, "2.2", "1 200", "6,20")
    page.click("#ibm-citi-avoti summary")
    page.fill("#ibm-galigais", "2.500")
    page.locator("#ibm-galigais").press("Tab")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    rows = dict(page.locator("#ibm-druka table").first.locator("tr").evaluate_all(
        "rows => rows.map(r => [r.children[0].textContent, r.children[1].textContent])"))
    assert rows["Dzimšanas datums"] == "01.05.2012", rows
    assert rows["Perioda pirmā diena, mēneši"].startswith("03.10.2018, "), rows
    assert rows["IB galīgais apmērs F"] == "2.500", rows
    assert page.errors == []


def _print_pages(page, tmp_path) -> list[str]:  # noqa: ANN001
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = tmp_path / "druka.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    return [p.extract_text() or "" for p in PdfReader(str(pdf)).pages]


def test_a_long_plan_prints_without_a_blank_page_or_a_split_message(phone, tmp_path) -> None:  # noqa: ANN001
    """F3: the audit's plans of four and five lines with F, a source, the variants and two warnings: no page is
    (nearly) blank, and no message is split over a page break (its last words are on the page where it starts)."""
    page = phone
    page.fill("#ibm-dzimsanas", "15.05.2012")
    page.fill("#ibm-sakums", "03.10.2018")
    page.locator("#ibm-sakums").press("Tab")
    lines = [("3.1.3g Logopēds, grupā", "12,5", "25,93"), ("2.2 Asistents", "1 200", "6,20"), ("2.4", "150,40", ""),
             ("1.4.1 Atelpas brīdis institūcijā", "10", "45")]
    for k, (code, units, price) in enumerate(lines, start=1):
        if k > 1:
            page.click("#ibm-pievienot")
        page.fill(f"#ibm-r{k}-kods", code)
        page.dispatch_event(f"#ibm-r{k}-kods", "change")
        page.fill(f"#ibm-r{k}-daudzums", units)
        if price:  # 2.4's price is its unit's (D70), not editable
            page.fill(f"#ibm-r{k}-cena", price)
        page.fill(f"#ibm-r{k}-ekspertuRangs", "1")
        page.locator(f"#ibm-r{k}-ekspertuRangs").press("Tab")
    page.click("#ibm-citi-avoti summary")
    page.fill("#ibm-galigais", "2 800")
    page.fill("#ibm-pabalsti", "300")
    page.locator("#ibm-pabalsti").press("Tab")
    page.check("#ibm-varianti")
    for extra in (False, True):
        if extra:
            fill_line(page, 5, "1.5", "10", "8")
        pages = _print_pages(page, tmp_path)
        assert all(len(" ".join(text.split())) > 200 for text in pages), [len(t) for t in pages]
        messages = page.locator("#ibm-druka .ibm-kalk__zinojumi li").all_text_contents()
        assert messages, "the plan has no messages: nothing to split"
        for message in messages:
            tail = " ".join(message.split())[-40:]
            head = " ".join(message.split())[:40]
            joined = [" ".join(text.split()) for text in pages]
            assert any(head in text and tail in text for text in joined), (extra, message)
    assert page.errors == []


def test_every_checkbox_is_big_enough_for_a_finger(phone) -> None:  # noqa: ANN001
    """audit40b F9: the calculator's boxes were the browser's 13 × 13 px; a phone user needs at least 24 × 24 CSS px
    (WCAG 2.2 target size), the label still tappable beside it."""
    boxes = phone.locator(".ibm-kalk input[type=checkbox]")
    assert boxes.count() >= 2
    for i in range(boxes.count()):
        box = boxes.nth(i).bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 24, (i, box)


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_the_form_is_one_tap_from_the_top_on_a_phone(browser, server: str, width: int) -> None:  # noqa: ANN001
    """On a phone the form started ~1 570 px (375 px) or ~1 830 px (320 px) down, under the introduction: a link under
    the title reaches it with one tap, the form's first field below the theme's header; the page stays axe-core clean
    at that width. At desktop width the link is not shown (the form is a screen down, the navigation beside it)."""
    from tests.site.axe import ensure_axe
    from tests.site.test_accessibility import FAILING

    phone = width < 960
    context = browser.new_context(viewport={"width": width, "height": 740}, is_mobile=phone, has_touch=phone)
    try:
        page = context.new_page()
        goto(page, server + PAGE)
        link = page.locator(".ibm-kalk__uz-formu a")
        if not phone:
            assert not link.is_visible()
            return
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 740 / 2 and box["height"] >= 44, box
        link.tap()
        page.wait_for_timeout(300)
        header = page.locator(".md-header").bounding_box()
        legend = page.locator("#ibm-kalkulators legend").first.bounding_box()
        field = page.locator("#ibm-dzimsanas").bounding_box()
        assert header is not None and legend is not None and field is not None
        assert header["y"] + header["height"] <= legend["y"] and field["y"] + field["height"] <= 740, (legend, field)
        page.add_script_tag(path=str(ensure_axe()))
        report = page.evaluate("axe.run(document)")
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in report["violations"]
                      if v["impact"] in FAILING]
        assert violations == []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"kalkulators-uz-formu-{width}.png"))
    finally:
        context.close()


def test_the_amounts_table_fits_a_320_px_screen(browser, server: str) -> None:  # noqa: ANN001
    """audit41c H1: at 320 px the amounts table („IB apmēri”, its period cell and its caption) ends inside its box –
    nothing cut off on the right with no way to see it; on a desktop the period stays on one line."""
    widths = {}
    for width in (320, 1280):
        context = browser.new_context(viewport={"width": width, "height": 640})
        page = context.new_page()
        goto(page, server + PAGE)
        _three_lines(page)
        fill_line(page, 4, "3.1.3g", "10", "27")  # an error: every figure carries „(nederīgs – plānā ir kļūdas)”
        widths[width] = page.evaluate("""() => {
            const t = document.querySelector('#ibm-rezultati > table'), box = t.parentElement;
            const ranges = [...t.querySelector('td').querySelectorAll('span')];
            return [t.getBoundingClientRect().right - box.getBoundingClientRect().right, box.scrollWidth - box.clientWidth,
                    ranges.map((s) => s.getClientRects().length)]
        }""")
        context.close()
    right, overflow = widths[320][:2]
    assert right <= 0.5 and overflow == 0, widths
    assert widths[1280][2] == [1, 1], widths  # on a desktop neither date range is broken


def test_a_fields_message_waits_until_the_field_is_left(phone) -> None:  # noqa: ANN001
    """audit41c M3: „14.0” on the way to a date is no error while it is typed; leaving the field shows the message,
    and typing in it again does not show a new one before it is left again."""
    phone.click("#ibm-dzimsanas")
    phone.keyboard.type("14.0")
    assert phone.text_content("#ibm-dzimsanas-kluda") == ""
    assert phone.get_attribute("#ibm-dzimsanas", "aria-invalid") is None
    phone.keyboard.press("Tab")
    assert "„14.0” nav datums" in phone.text_content("#ibm-dzimsanas-kluda")
    phone.click("#ibm-dzimsanas")
    phone.keyboard.type("3")
    assert phone.text_content("#ibm-dzimsanas-kluda") == ""
    phone.keyboard.press("Tab")
    assert "„14.03” nav datums" in phone.text_content("#ibm-dzimsanas-kluda")
    phone.click("#ibm-dzimsanas")
    phone.keyboard.type(".2014")
    phone.keyboard.press("Tab")
    assert phone.text_content("#ibm-dzimsanas-kluda") == ""
    # a field left by a tap elsewhere: the message waits for the tap to end, so the tap is not moved off its target
    phone.fill("#ibm-r1-daudzums", "4O")  # letter O
    phone.locator("#ibm-varianti").tap()
    assert phone.is_checked("#ibm-varianti")
    assert "„4O”" in phone.text_content("#ibm-r1-daudzums-kluda")
    assert phone.errors == []


def test_a_line_without_units_a_rank_and_p_say_what_they_are(phone) -> None:  # noqa: ANN001
    """audit41c L8: a line with its service and price but no units says it counts nothing and why, at the line and
    under the messages; L9: a rank that is no whole number is „nav rangs” as other fields' „nav …”; L11: P from an
    unconfirmed B is marked „(aplēse)” as A and K are."""
    phone.fill("#ibm-dzimsanas", "15.05.2012")
    phone.fill("#ibm-sakums", "01.10.2018")
    phone.locator("#ibm-sakums").press("Tab")
    fill_line(phone, 1, "3.1.3i", "", "30")
    units = phone.text_content("label[for='ibm-r1-daudzums']")
    hint = f"1. rinda netiek ņemta vērā: lauks „{units}” ir tukšs vai 0."
    assert phone.text_content("#ibm-r1-rezultats") == hint
    assert phone.inner_text("#ibm-zinojumi").endswith(hint)
    fill_line(phone, 2, "2.2", "10", "6,20")
    rows = phone.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#ibm-rezultati > table tr')]
        .map((r) => [r.querySelector('th').textContent, r.querySelector('td').textContent]))""")
    (p_label,) = [k for k in rows if k.startswith("IB provizoriskais apmērs P")]
    estimate = not phone.evaluate("ibmKalkulators.karta('2018-10-01').parametri.bazesApmersApstiprinats")
    a = rows["Plānam pieejamais IB apmērs A"]
    assert rows[p_label].endswith(" (aplēse)") == a.endswith(" (aplēse)") == estimate, rows
    phone.fill("#ibm-r2-ekspertuRangs", "1.5")
    phone.locator("#ibm-r2-ekspertuRangs").press("Tab")
    assert phone.text_content("#ibm-r2-ekspertuRangs-kluda") == (
        "2. rinda, lauks „Ekspertu rangs jomā”: „1.5” nav rangs (gaidīts: vesels skaitlis, 1 vai lielāks).")
    assert phone.errors == []
