"""The calculator's data file and page: generated from the catalogue (never typed), its message texts
are the reference's, and the page is linked from the home page, the IB amounts chapter and the matrix
page, where the API is documented."""

from __future__ import annotations

import json
import re
from decimal import Decimal

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.lvformat import eur, percent
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.rules import check_incompatible, check_prices
from generator.site import calculator
from generator.workbook.writer import template_date
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
    assert [o["kods"] for o in data["pakalpojumi"]] == [o.id for o in offers]
    for offer, row in zip(offers, data["pakalpojumi"], strict=True):
        assert row["nosaukums"] == offer.label
        assert row["griesti"] == (None if offer.ceiling is None else format(offer.ceiling, "f"))
        assert row["griestuStatuss"] == (None if offer.ceiling_status is None else offer.ceiling_status.value)
        assert row["transports"] == offer.service.transport and row["joma"] == offer.service.area
    assert {"3.1.2i", "3.1.2g", "1.3"} <= {o["kods"] for o in data["pakalpojumi"]}
    p = data["parametri"]
    assert Decimal(p["bazesApmers"]) == params.base_amount
    assert Decimal(p["likmeSamazinata"]) == params.rate_reduced and p["vecumaRobeza"] == params.eligibility_age_limit
    assert Decimal(p["transportaDala"]) == params.transport_share_max and p["menesiMax"] == params.period_months_max
    periods = [(q["sakums"], q["beigas"]) for k in data["kartas"] for q in k["periodi"]]
    assert periods == [(r.start.isoformat(), r.end.isoformat()) for r in params.reporting_periods]
    assert data["versija"] == catalogue.version
    assert data["versijaTeksts"] == lvformat.version(catalogue.version)  # what the printed estimate shows


def test_message_texts_are_the_references(built_site: BuiltSite, catalogue: Catalogue) -> None:
    """A template filled in gives exactly the reference's message for the same plan."""
    texts = _data(built_site)["teksti"]
    by_id = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    group = by_id["3.1.2g"]
    assert group.ceiling is not None
    line = line_from_offer(group, 3, unit_price=group.ceiling + Decimal("0.01"))
    (finding,) = check_prices([line])
    name = f"1. rinda ({group.label})"
    filled = texts["price_above_ceiling"].format(rinda=name, cena=eur(line.unit_price), griesti=eur(group.ceiling))
    assert filled == finding.message
    a, b = by_id["2.3"], by_id["1.5"]
    (pair,) = check_incompatible([line_from_offer(a, 1, unit_price=1), line_from_offer(b, 1, unit_price=1)])
    assert texts["incompatible"].format(rinda=f"1. rinda ({a.label})", rinda2=f"2. rinda ({b.label})") == pair.message
    assert "{dala}" in texts["transport_share"] and percent(Decimal("0.1")) not in texts["transport_share"]


def test_unconfirmed_ceilings_are_not_prefilled(built_site: BuiltSite) -> None:
    """The API takes a missing price from the ceiling only when the ceiling is confirmed; the data keeps
    the status so the page can say „jāprecizē”."""
    rows = _data(built_site)["pakalpojumi"]
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
