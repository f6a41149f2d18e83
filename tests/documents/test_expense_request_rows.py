"""06 "Vecāka pieprasījums izdevumu atmaksai" gives a family room for a month of receipts: the services table
fills the first page (audit8 F26: 6 rows and half a page empty; weekly therapies alone need more), the
transport table has more rows than trips once a week, and the form stays two pages, the transport table with
its total on one."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import Node, parse
from generator.documents.pdf_writer import html_to_pdf
from generator.documents.registry import by_id

DOC = "06-izdevumu-atmaksas-pieprasijums"


def _tables(body: str) -> list[Node]:
    def walk(node: Node):  # noqa: ANN202
        for child in node.elements():
            yield child
            yield from walk(child)

    return [n for n in walk(parse(body)) if n.tag == "table" and "grid" in n.classes]


def _blank_rows(table: Node) -> int:
    rows = [r for part in table.elements() for r in ([part] if part.tag == "tr" else part.elements())]
    return sum(1 for r in rows if r.tag == "tr" and "blank" in r.classes)


def test_the_receipts_fill_the_first_page_and_the_form_stays_two_pages(catalogue: Catalogue) -> None:
    for municipality in catalogue.pilot_municipalities()[:3]:
        (document,) = render_municipality(catalogue, municipality, [by_id(DOC)])
        services, transport = _tables(document.body)
        assert _blank_rows(services) >= 10 and _blank_rows(transport) >= 6, municipality.id
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(html_to_pdf(document.html))).pages]
        pages = [p for p in pages if "Norādījumu lapa" not in p]  # the act, without the preparer's sheet (D161)
        assert len(pages) == 2, f"{municipality.id}: {len(pages)} lapas"
        first = re.sub(r"\s+", " ", pages[0])
        assert "1. Samaksātie pakalpojumi" in first and f" {_blank_rows(services)}. " in f"{first} ", municipality.id
        assert "2. Transporta izdevumi" in pages[1] and "Kopā pieprasīts, EUR" in pages[1], municipality.id
