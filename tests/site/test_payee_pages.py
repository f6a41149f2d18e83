"""The site says whom the social service pays for each service, from the catalogue's payee: a row on every
service page with the methodology lines behind it, and the list of services repaid to the parent on the
methodology page that explains the payment routes."""

from __future__ import annotations

import re

from generator.catalogue.models import Payee
from tests.htmltext import text_of
from tests.site.conftest import BuiltSite


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_service_page_names_its_payee_with_the_methodology_lines(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    for s in cat.services:
        html = built_site.html(f"katalogs/{s.id}.html")
        label = cat.enums.payees[s.payee]
        row = re.search(r"<tr>\s*<td>Kam maksā sociālais dienests</td>\s*<td>(.*?)</td>\s*</tr>", html, re.S)
        assert row, s.id
        assert _norm(text_of(row.group(1))).startswith(label.name_lv), s.id
        assert f'data-metodikas-rindas="{" ".join(label.atsauces)}"' in row.group(1), s.id
        other = next(p for p in Payee if p is not s.payee)
        assert cat.enums.payees[other].name_lv not in text_of(html), s.id


def test_the_payment_routes_page_lists_the_services_repaid_to_the_parent(built_site: BuiltSite) -> None:
    cat = built_site.catalogue
    html = built_site.html("metodika/pakalpojumu-sanemsana.html")
    section = html.split('id="ka-apmaksa-pakalpojumus"', 1)[1].split("<h2", 1)[0]
    linked = re.findall(r'href="\.\./katalogs/([0-9.]+)\.html"', section)
    assert linked == [s.id for s in cat.sorted_services() if s.payee is Payee.parent]
    assert linked, "šodienas katalogā transportu atmaksā vecākam"
    assert "D29" in text_of(section) and "D38" in text_of(section)
