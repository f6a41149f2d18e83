"""The calculator's data file and page: generated from the catalogue (never typed), its message texts
are the reference's, and the page is linked from the home page, the IB amounts chapter and the matrix
page, where the API is documented."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.lvformat import eur, percent
from generator.reference.lines import fixed_unit_price, line_from_offer
from generator.reference.params import Params
from generator.reference.plan import line_cost
from generator.reference.rounds import last_end_before, plan_end
from generator.reference.rules import (
    check_actual_cost_prices,
    check_incompatible,
    check_line_above_provisional,
    check_prices,
    units_text,
)
from generator.reference.workbook import (
    WorkbookInputs,
    check_prices_in_force,
    evaluate_workbook,
    prices_advice,
)
from generator.site import calculator, paths
from generator.workbook import render
from generator.workbook.writer import template_date
from tests.site.calculator_rounds import rounds_catalogue
from tests.site.conftest import BuiltSite


def _data(built_site: BuiltSite) -> dict:
    text = (built_site.site / calculator.DATA_SCRIPT).read_text(encoding="utf-8")
    match = re.search(r"window\.IBM_KALKULATORA_DATI = (\{.*\});\s*$", text, re.S)
    assert match, text[:200]
    return json.loads(match.group(1))


def test_data_comes_from_the_catalogue(built_site: BuiltSite, catalogue: Catalogue) -> None:
    data = _data(built_site)
    day = template_date(catalogue)  # the matrix's prices day (D61)
    params = Params.from_catalogue(catalogue, day)
    offers = catalogue.offers(day)
    units = {u.id: u.name_lv for u in catalogue.enums.units}
    (only,) = data["kartas"]  # the catalogue has one children's round: the default one
    assert data["noklusejums"] == only["id"] and only["cenuDiena"] == data["datums"] == day.isoformat()
    assert only["cenasLidz"] == params.prices_until.isoformat()
    rows = [data["pakalpojumi"][i] for i in only["pakalpojumi"]]
    assert [o["kods"] for o in rows] == [o.id for o in offers]
    for offer, row in zip(offers, rows, strict=True):
        assert row["nosaukums"] == offer.label
        assert row["griesti"] == (None if offer.ceiling is None else format(offer.ceiling, "f"))
        assert row["griestuStatuss"] == (None if offer.ceiling_status is None else offer.ceiling_status.value)
        assert row["transports"] == offer.service.transport and row["joma"] == offer.service.area
        # D70: the unit and the price it fixes (the euro at actual cost), from the catalogue and the reference
        fixed = fixed_unit_price(offer.service.unit)
        assert row["vienibasCena"] == (None if fixed is None else format(fixed, "f")), offer.id
        assert row["mervienibasNosaukums"] == units[offer.service.unit], offer.id
    assert {r["kods"] for r in rows if r["vienibasCena"] is not None} >= {"1.6", "2.4", "2.5"}
    assert {"3.1.2i", "3.1.2g", "1.3"} <= {o["kods"] for o in rows}
    p = only["parametri"]
    assert Decimal(p["bazesApmers"]) == params.base_amount
    # D257: the reference's flag, not the catalogue's status word for the script to compare
    assert p["bazesApmersApstiprinats"] is params.base_confirmed and "bazesApmeraStatuss" not in p
    assert Decimal(p["likmeSamazinata"]) == params.rate_reduced and p["vecumaRobeza"] == params.eligibility_age_limit
    assert Decimal(p["transportaDala"]) == params.transport_share_max and p["menesiMax"] == params.period_months_max
    periods = [(q["sakums"], q["beigas"], q["kartasBeigas"]) for k in data["kartas"] for q in k["periodi"]]
    # each period with its round's last day, by which the child must not come of age (D110)
    assert periods == [(r.start.isoformat(), r.end.isoformat(), r.round_end.isoformat())
                       for r in params.reporting_periods]
    assert data["versija"] == catalogue.version
    assert data["versijaTeksts"] == lvformat.version(catalogue.version)  # what the printed estimate shows
    page = built_site.html("kalkulators.html")
    assert f"cenas uz {lvformat.date(day)}, spēkā līdz {lvformat.date(params.prices_until)}" in page


def test_each_round_carries_its_matrix_prices(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Several children's rounds: each has the prices day, validity, parameters and offers of the matrix issued
    for it (D61) and of every later issue day inside its services (cenuMainas, D63, D186), an offer the same in two
    rounds or prices days is written once, and a round whose prices the catalogue does not know has none (the
    calculator then checks the plan against the newest round's matrix)."""
    monkeypatch.setattr(render, "build_day", lambda: dt.date(2021, 2, 1))  # berni-2021 runs: all its days are built
    cat = rounds_catalogue(tmp_path)
    data = calculator.calculator_data(cat)
    rounds = {k["id"]: k for k in data["kartas"]}
    units = {u.id: u.name_lv for u in cat.enums.units}
    assert data["noklusejums"] == "berni-2021" and data["datums"] == "2021-01-01"
    unknown = rounds["berni-2018-pavasaris"]
    assert (unknown["cenuDiena"], unknown["parametri"], unknown["pakalpojumi"]) == (None, None, None)
    assert unknown["cenuMainas"] == []
    assert [q["sakums"] for q in unknown["periodi"]] == ["2018-01-01"]
    assert rounds["berni-2018"]["cenuMainas"] == []  # no change inside the pilot's services
    # inside the round's services B changes on 01.04.2021 and the catalogue's prices (2.1) on 01.07.2021
    later, july = rounds["berni-2021"]["cenuMainas"]
    for row, day, until, base in ((rounds["berni-2018"], "2018-10-01", "2020-12-31", "3000.00"),
                                  (rounds["berni-2021"], "2021-01-01", "2021-03-31", "3300.00"),
                                  (later, "2021-04-01", "2021-06-30", "3400.00"),
                                  (july, "2021-07-01", "2022-12-31", "3400.00")):
        assert (row["cenuDiena"], row["cenasLidz"], row["parametri"]["bazesApmers"]) == (day, until, base)
        offers = cat.offers(dt.date.fromisoformat(day))
        assert [data["pakalpojumi"][i] for i in row["pakalpojumi"]] == [calculator.offer_data(o, units, cat.enums.whole_units)
                                                                   for o in offers]
    # each prices day names its matrix download (D85, D186), never a command; the pilot's round has ended
    assert "ibm-matrica.xlsx" in rounds["berni-2021"]["matrica"] and "cenām uz 01.01.2021" in rounds["berni-2021"]["matrica"]
    assert "ibm-matrica-2021-04-01.xlsx" in later["matrica"] and "cenām uz 01.04.2021" in later["matrica"]
    assert "lejupielādēs tās nav" in rounds["berni-2018"]["matrica"] and "ministrija" in rounds["berni-2018"]["matrica"]
    assert not any("ibm matrix" in str(v) for v in (*data["teksti"].values(), later["matrica"]))
    keys = [json.dumps(o, sort_keys=True, ensure_ascii=False) for o in data["pakalpojumi"]]
    assert len(keys) == len(set(keys))  # each offer once
    assert len(data["pakalpojumi"]) < len(rounds["berni-2018"]["pakalpojumi"]) + len(rounds["berni-2021"]["pakalpojumi"])
    page = calculator.render_calculator(cat, [])[calculator.PAGE]
    assert "cenas uz 01.10.2018, spēkā līdz 31.12.2020" in page
    assert ("cenas uz 01.01.2021, spēkā līdz 31.03.2021; cenas uz 01.04.2021, spēkā līdz 30.06.2021; cenas uz "
            "01.07.2021, spēkā līdz 31.12.2022.") in page
    assert "cenas un parametri katalogā nav zināmi" in page


def test_one_price_set_a_round_keeps_the_data_file_size(catalogue: Catalogue) -> None:
    """D186 adds later prices days only where a round has one: the real catalogue (no change inside its round) keeps
    one prices set, and its data file grows by no more than the words naming its matrix."""
    data = calculator.calculator_data(catalogue)
    assert [len(k["cenuMainas"]) for k in data["kartas"]] == [0] * len(data["kartas"])
    bare = json.loads(json.dumps(data))
    for k in bare["kartas"]:
        del k["cenuMainas"], k["matrica"]
    for name in ("matrica_nav",):
        del bare["teksti"][name]
    assert len(calculator.data_script(catalogue, data)) - len(calculator.data_script(catalogue, bare)) < 300


def test_prices_texts_are_the_references(built_site: BuiltSite, catalogue: Catalogue) -> None:
    """The prices_not_in_force templates filled in give the reference's messages (D61), where the reference names the
    command issuing a matrix the calculator names the matrix (D186): one for the first day, or one on each side of a
    change inside the plan; the matrix's 6.1 cell named as the calculator's field (audit32b F10)."""
    texts = _data(built_site)["teksti"]
    fields = calculator.in_calculator_places
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    start = params.day - dt.timedelta(days=1)
    (before,) = check_prices_in_force(start, 1, params)
    assert texts["prices_before"].format(sakums=lvformat.date(start), cenu_diena=lvformat.date(params.day),
                                         matrica="MATRICA") == fields(before.message).replace(prices_advice(start),
                                                                                              "MATRICA")
    until = params.day + dt.timedelta(days=40)
    change = until + dt.timedelta(days=1)
    legacy = params.replace(prices_until=until, plan_changes=None)  # one change of everything: its words
    (after,) = check_prices_in_force(params.day, 6, legacy)
    end = plan_end(params.day, 6)
    what = "pakalpojuma „9.9 Izdomāts” cena"  # D61: the calculator names what the plan uses that changes
    filled = texts["prices_after"].format(beigas=lvformat.date(end), lidz=lvformat.date(until), kas=what,
                                          no=lvformat.date(change), sakums=lvformat.date(params.day),
                                          saisinat=lvformat.date(last_end_before(change)),
                                          matrica_lidz="VECĀ", matrica_no="JAUNĀ")
    assert filled == fields(after.message).replace(
        f"vai sāciet to {lvformat.date(change)} un {prices_advice(change)}",
        f"un VECĀ vai sāciet to {lvformat.date(change)} un JAUNĀ").replace(" cenas vai parametri ", f" {what} ")
    assert "ibm matrix" in after.message and "ibm matrix" not in filled
    # D351: a plan starting in the change's month before it cannot end before it: only the change day's matrix
    in_month = (change + dt.timedelta(days=40)).replace(day=1)
    (month,) = check_prices_in_force(in_month, 1, legacy.replace(prices_until=in_month + dt.timedelta(days=9)))
    month_change = in_month + dt.timedelta(days=10)
    assert texts["prices_after_month"].format(
        sakums=lvformat.date(in_month), beigas=lvformat.date(plan_end(in_month, 1)), kas=what,
        lidz=lvformat.date(month_change - dt.timedelta(days=1)), no=lvformat.date(month_change),
        menesa_sakums=lvformat.date(month_change.replace(day=1)), matrica_no="JAUNĀ") == fields(month.message).replace(
        prices_advice(month_change), "JAUNĀ").replace(" cenas vai parametri ", f" {what} ")
    assert "nevar sākties" in month.message and "saīsiniet" not in month.message, month.message
    late = until + dt.timedelta(days=5)  # starts after the change: the advice names its own first day (D63)
    (after_change,) = check_prices_in_force(late, 6, legacy)
    assert texts["prices_after_change"].format(
        sakums=lvformat.date(late), lidz=lvformat.date(until), no=lvformat.date(change), kas=what,
        matrica="MATRICA") == fields(after_change.message).replace(prices_advice(late), "MATRICA").replace(
        " cenas vai parametri ", f" {what} ")


def test_message_texts_are_the_references(built_site: BuiltSite, catalogue: Catalogue) -> None:
    """A template filled in gives exactly the reference's message for the same plan."""
    texts = _data(built_site)["teksti"]
    by_id = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    group = by_id["3.1.2g"]
    assert group.ceiling is not None
    line = line_from_offer(group, 3, unit_price=group.ceiling + Decimal("0.01"))
    (finding,) = check_prices([line])
    name = f"1. rinda ({group.label})"
    template = texts["price_above_unconfirmed_ceiling" if group.ceiling_unconfirmed else "price_above_ceiling"]
    why = texts[f"ceiling_unconfirmed_iemesls_{calculator.ceiling_key(group.ceiling_open)}"]  # D383: the line's own reason
    filled = template.format(rinda=name, cena=eur(line.unit_price), griesti=eur(group.ceiling), iemesls=why)
    assert filled == finding.message and why in filled
    (confirmed,) = check_prices([dataclasses.replace(line, ceiling_unconfirmed=False)])  # D22 or not: each its words
    assert texts["price_above_ceiling"].format(rinda=name, cena=eur(line.unit_price), griesti=eur(group.ceiling)) == (
        confirmed.message) != finding.message
    a, b = by_id["2.3"], by_id["1.5"]
    (pair,) = check_incompatible([line_from_offer(a, 1, unit_price=1), line_from_offer(b, 1, unit_price=1)])
    assert texts["incompatible"].format(rinda=f"1. rinda ({a.label})", rinda2=f"2. rinda ({b.label})") == pair.message
    assert "{dala}" in texts["transport_share"] and percent(Decimal("0.1")) not in texts["transport_share"]
    transport = by_id["2.4"]
    euro_line = line_from_offer(transport, 120, unit_price=Decimal("18.50"))
    (actual,) = check_actual_cost_prices([line_from_offer(a, 1, unit_price=1), euro_line],
                                         calculator.UNITS_FIELD_PLACE, calculator.PRICE_FIELD_PLACE)
    assert texts["actual_cost_price"].format(rinda=f"2. rinda ({transport.label})", cena=eur(Decimal("18.50"))) == (
        actual.message)
    # D110: a child who turns 18 on the round's last day, in the reference's words
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    period = params.reporting_periods[0]
    limit = params.eligibility_age_limit
    birth = period.round_end.replace(year=period.round_end.year - limit)
    inputs = WorkbookInputs(birth_date=birth, period_start=period.start, months=1, special_care=False,
                            impairment=None, lines=())
    (age,) = [f.message for f in evaluate_workbook(inputs, params).findings if f.code == "not_eligible"]
    filled = texts["not_eligible_round_end"].format(kartas_beigas=lvformat.date(period.round_end), robeza=limit)
    assert filled == age and lvformat.date(period.round_end) in age



def test_a_line_above_p_names_the_calculators_fields(built_site: BuiltSite, catalogue: Catalogue) -> None:
    """D148 in the calculator: the reader is in the calculator, not the matrix, so the warning names the line's units
    and price fields (the form's own labels, from the data script), not the matrix's tables 6.3 and 6.8."""
    data = _data(built_site)
    text = data["teksti"]["line_above_provisional"]
    assert "tabul" not in text and "6.3" not in text and "6.8" not in text, text
    units, price = data["lauki"]["daudzums"], data["lauki"]["cena"]
    assert f"daudzums ({{daudzums}}) laukā „{units}” un cena laukā „{price}” ir pareizi." in text
    form = (paths.SITE_SOURCES / calculator.FORM_SCRIPT).read_text(encoding="utf-8")
    assert "data.lauki.cena" in form and f'"{price}"' not in form  # the form's label is the one the message names
    # the rest of the sentence is the reference's, filled in as the calculator does
    by_id = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    session = by_id["3.1.2g"]
    line = line_from_offer(session, 900, unit_price=session.ceiling)
    (finding,) = check_line_above_provisional([line], Decimal("1000.00"))
    filled = text.format(rinda=f"1. rinda ({session.label})", summa=eur(line_cost(line)), p=eur(Decimal("1000.00")),
                         daudzums=units_text(line.units))
    assert filled.split("; pārbaudiet")[0] == finding.message.split("; pārbaudiet")[0]
    # D338: a euro line has its amount's field and a fixed price: its warning names that field alone
    euro = data["teksti"]["line_above_provisional_euro"]
    assert euro.endswith(f"; pārbaudiet, vai summa laukā „{data['lauki']['summa']}” ir pareiza."), euro
    assert units not in euro and price not in euro and euro.split("; ")[0] == text.split("; ")[0], euro

def test_unconfirmed_ceilings_are_not_prefilled(built_site: BuiltSite) -> None:
    """The API takes a missing price from the ceiling only when the ceiling is confirmed; the data keeps
    the status so the page can say „jāprecizē”."""
    rows = _data(built_site)["pakalpojumi"]  # every round's offers, each written once
    unconfirmed = [r for r in rows if r["griestuStatuss"] == PriceStatus.to_verify.value]
    assert unconfirmed
    script = (built_site.site / calculator.SCRIPT).read_text(encoding="utf-8")
    assert "line.offer.griestuStatuss === CONFIRMED" in script and 'CONFIRMED = "apstiprināts"' in script


def test_page_is_linked_and_the_api_documented(built_site: BuiltSite) -> None:
    page = built_site.html("kalkulators.html")
    for script in (calculator.DATA_SCRIPT, calculator.SCRIPT, calculator.FORM_SCRIPT):
        assert f'src="{script}"' in page
        assert (built_site.site / script).is_file()
    assert page.index(calculator.DATA_SCRIPT) < page.index(calculator.SCRIPT) < page.index(calculator.FORM_SCRIPT)
    assert "<label" in page and 'for="ibm-dzimsanas"' in page and "novērtējums, nevis lēmums" in page
    for source in ("index.html", "matrica.html", "metodika/ib-apmeri-un-posmi.html"):
        assert re.search(r'href="(\.\./)?kalkulators\.html"', built_site.html(source)), source
    matrix = built_site.html("matrica.html")
    assert 'id="ib-kalkulatora-saskarne"' in matrix
    for name in ("aprekins", "dzimsanasDatums", "rindas", "Parbaudes_Datums", "Plans_NoIB", "Transporta_Dala"):
        assert name in matrix, name
    assert "IB kalkulators" in built_site.html("index.html")
    for scripts_elsewhere in ("index.html", "cenas.html"):
        assert calculator.SCRIPT not in built_site.html(scripts_elsewhere)


def test_first_days_the_calculator_can_price(built_site: BuiltSite, catalogue: Catalogue, tmp_path: Path) -> None:
    """F14 (D108): next to the plan's first day the page says which first days the calculator can price – the
    reporting periods of the rounds whose matrix prices the catalogue knows, up to the last day their last prices
    day's prices hold."""
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    periods = params.reporting_periods
    page = built_site.html("kalkulators.html")
    note = re.search(r'<p id="ibm-sakums-piezime"[^>]*>([^<]*)</p>', page)
    assert note, "no first-day note"
    assert f"ar pirmo dienu {lvformat.date(periods[0].start)}–{lvformat.date(periods[-1].end)};" in note.group(1)
    # several rounds: the one without prices gives no first day
    cat = rounds_catalogue(tmp_path)
    text = calculator.first_days_text(cat, calculator.calculator_data(cat))
    # D186: the newest round's later prices day carries on to its last reporting period's end
    assert "ar pirmo dienu 01.10.2018–30.09.2019 vai 01.01.2021–31.12.2021;" in text, text


def test_stylesheet_in_the_head_and_the_results_not_live(built_site: BuiltSite) -> None:
    """audit11: the calculator's stylesheet is linked in the page head (not in a paragraph of the text) and only
    there; the results are no live region (F4) – one status line is."""
    page = built_site.html("kalkulators.html")
    head = page[:page.index("</head>")]
    assert f'<link rel="stylesheet" href="{calculator.STYLE}">' in head
    assert page.count(calculator.STYLE) == 1
    assert calculator.STYLE not in built_site.html("index.html")
    results = re.search(r'<div id="ibm-rezultati"[^>]*>', page)
    assert results and "aria-live" not in results.group(0), results
    assert re.search(r'<p id="ibm-statuss"[^>]*role="status"', page)


def test_the_calculator_is_no_part_of_a_paragraph(built_site: BuiltSite) -> None:
    """sitecheck F5: the template's comment before the calculator's <div> stripped the blank line above it, so
    markdown glued the <div> into the "Sīkāk: …" paragraph (`<p>… Sīkāk: <a>…</a>.<div id="ibm-kalkulators">`):
    invalid HTML that the browser mends into an empty paragraph at the top of the form. The <div> starts a line
    of its own, after the paragraph's end."""
    page = built_site.html("kalkulators.html")
    start = page.index('<div id="ibm-kalkulators"')
    before = page[:start]
    assert before.rstrip().endswith("</p>"), before[-200:]
    assert before.rfind("<p>") < before.rfind("</p>"), before[-200:]
    assert "</p>" not in page[start:page.index("<form", start)], page[start:start + 200]


def test_the_words_beside_f_are_the_papers(catalogue: Catalogue) -> None:
    """Beside a typed F the calculator says what the child's papers say beside it (D53): „nepiemēro, jo N ≤ P”, and
    while B is unconfirmed „piemēro, ja N > P” – not „nepiemēro” on an estimated P; one source for both."""
    from generator.documents.from_matrix.context import FINAL_IF_OVER, FINAL_NOT_APPLIED

    words = calculator.calculator_data(catalogue)["galigais"]
    assert (words["nepiemero"], words["piemeroJa"]) == (FINAL_NOT_APPLIED, FINAL_IF_OVER)


def test_no_back_to_top_button_over_the_form(built_site: BuiltSite) -> None:
    """audit27c F8: the theme's floating "Atpakaļ uz augšu" button lay over the calculator's fields (phone and
    desktop); the calculator's page has none (site/overrides/partials/top.html), every other page keeps it."""
    button = re.compile(r'<button[^>]*class="md-top[^"]*"[^>]*data-md-component="top"')
    assert 'id="ibm-kalkulators"' in built_site.html("kalkulators.html")
    assert button.search(built_site.html("kalkulators.html")) is None
    for page in ("index.html", "cenas.html", "metodika/atbalsta-plans.html", "lejupielades.html"):
        assert button.search(built_site.html(page)), page
