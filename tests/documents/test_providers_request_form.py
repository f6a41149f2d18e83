"""The parent's request about providers (05) as the parent signs it (audit8 F25): its subtitle says what the form
is (the contract's annex), not who signs it – the signature block does –, and the addressee is the social
service's confirmed name or a labelled line, never an unlabelled blank above the title."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.documents import context as ctx
from generator.documents.annex_context import annex_context
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import write_docx
from generator.documents.from_matrix.context import price
from generator.documents.html import environment, render
from generator.documents.party_names import municipal_documents_day
from generator.documents.registry import by_id
from tests.documents.from_matrix_helpers import docx_tables, table_with
from tests.documents.test_from_matrix_provider_terms import _text
from tests.documents.test_signed_acts import _child_contract

REQUEST = "05-iesniegums-par-sniedzejiem"
# papers made today, after the pilot ended: the programme in neutral words (D129)
SUBTITLE = "Pielikums līgumam par dalību programmā un individuālā budžeta saņemšanu"


def _head(html: str) -> tuple[str, str]:
    """The text between the letterhead and the title, and between the title and the request's first clause."""
    before, after = _text(html.split("<main>", 1)[1]).split("Iesniegums par pakalpojumu sniedzēju izvēli", 1)
    return before.rsplit("e-pasts", 1)[1], after.split("Lūdzu", 1)[0]


def test_the_form_prints_no_instruction_and_labels_the_blank_addressee(catalogue: Catalogue) -> None:
    doc = render_municipality(catalogue, catalogue.municipality("ogre"), [by_id(REQUEST)])[0]
    text = _text(doc.html)
    above, below = _head(doc.html)
    assert "Adresāts – sociālais dienests (nosaukums)" in above
    assert SUBTITLE in below
    assert "paraksta vecāks" not in text.lower() and "; paraksta" not in text
    assert "Vecāks, aizbildnis vai audžuģimene Vārds, uzvārds" in text  # who signs: the signature block (D199)


def test_a_confirmed_social_service_is_the_addressee_without_a_label(catalogue: Catalogue) -> None:
    """No social service name is confirmed in the catalogue yet: the municipality's context is given one (a
    fictional name) to see the form as it will read then – the name in the dative, right-aligned, no label."""
    municipality = catalogue.municipality("ogre")
    day = municipal_documents_day(catalogue, dt.date.today())
    context = {**ctx.shared_context(catalogue), **annex_context(catalogue),
               **ctx.municipality_context(catalogue, municipality, day)}
    named = {"nom": "Paraugu sociālais dienests", "gen": "Paraugu sociālā dienesta",
             "dat": "Paraugu sociālajam dienestam", "loc": "Paraugu sociālajā dienestā", "feminine": False}
    context["dienests"] = {**context["dienests"], **named, "party": dict(named), "confirmed": True}
    html = render(environment(), by_id(REQUEST), context).html
    above, below = _head(html)
    assert '<p class="right">Paraugu sociālajam dienestam</p>' in html
    assert "Paraugu sociālajam dienestam" in above and "Adresāts" not in above
    assert SUBTITLE in below


def test_a_childs_form_names_the_child_and_the_contract_and_is_signed_by_the_parent_only(
        catalogue: Catalogue) -> None:
    """audit33b F4, F5: the child's form names the child (the identification code is given only after the contract
    is signed) and has the contract's number and date to fill in, as annexes 1–3; only the parent signs it, as the
    contract says of it (01) and as the matrix's 6.9 is signed."""
    text = _text(_child_contract(catalogue, 3, doc_id=REQUEST).html)
    assert "Bērna vārds, uzvārds: Anna Paraugs" in text
    assert "Līguma datums un Nr." in text  # the field as the other forms name it
    assert text.count("Paraksts") == 1 and "Pārbaudīja" not in text and "sociālais darbinieks)" not in text
    assert "Vecāks, aizbildnis vai audžuģimene Vārds, uzvārds" in text


def test_the_price_column_names_its_unit_once_in_the_header(catalogue: Catalogue, tmp_path: Path) -> None:
    """The header „Cena par vienību, EUR” names the unit, so each cell under it holds the figure alone – „20,00”, a
    blank „______” while the price is unconfirmed –, never „20,00 EUR” repeating it; the DOCX made from the same HTML
    reads the same."""
    doc = _child_contract(catalogue, 3, doc_id=REQUEST)
    docx = write_docx(doc.html, tmp_path / f"{REQUEST}.docx", doc.spec.title, doc.version, doc.created)
    body = doc.html.split("Cena par vienību, EUR", 1)[1].split("</table>", 1)[0]
    html_rows = [[_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)] for row in body.split("<tr>")[1:]]
    table = table_with(docx_tables(docx), "Cena par vienību")
    column = table[0].index("Cena par vienību, EUR")
    for rows in (html_rows, table[1:]):
        prices = [row[column].strip() for row in rows]
        assert len(prices) == 3, rows
        assert not [p for p in prices if "EUR" in p], prices
        assert all(re.fullmatch(r"\d{1,3}(\s\d{3})*,\d{2,4}|_{6}|pēc faktiskajām izmaksām", p) for p in prices), prices
        assert "20,00" in prices, prices


def test_a_figure_without_its_unit_keeps_its_decimals_and_its_blank() -> None:
    assert price(Decimal("1234.5"), unit=False) == "1\u00a0234,50" and price(Decimal("6.637"), unit=False) == "6,637"
    assert price(Decimal("6.637")) == "6,637\u00a0EUR"
    assert price(Decimal("4.50"), confirmed=False, unit=False) == "______"
