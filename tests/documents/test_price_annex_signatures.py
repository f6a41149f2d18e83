"""The price annex "Augstākās pieļaujamās cenas" of the provider contract (02) and the guarantee letter (03) is a
part of the paper and may carry a figure written in by hand: both parties sign it, the signatures on the page of
the table's last row (audit28 F4, D102), in the child's papers and in the municipality's blank set alike; in the
DOCX everything from the table's last rows to the signatures keeps together."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from generator.documents.html import RenderedDocument
from generator.documents.htmltree import Node, parse
from generator.documents.pdf_writer import html_to_pdf
from generator.documents.registry import by_id
from tests.documents.conftest import normalise, pdf_pages
from tests.documents.from_matrix_helpers import plan_reading

ANNEX = "Pielikums. Augstākās pieļaujamās cenas"
DAY = dt.date(2018, 9, 20)
PARTIES = {"02-ligums-ar-sniedzeju": ("Dienesta vārdā", "Sniedzēja vārdā"),
           "03-garantijas-vestule": ("Dienesta vārdā", "Adresāts (piekrīt vēstules noteikumiem)")}


def _walk(node: Node):  # noqa: ANN202
    for child in node.elements():
        yield child
        yield from _walk(child)


def _kind(document: RenderedDocument) -> str:
    return next(kind for kind in PARTIES if document.spec.id.startswith(kind))


@pytest.fixture(scope="module")
def papers(catalogue: Catalogue) -> list[RenderedDocument]:
    """The child's 02 and 03 for a provider of the respite at home (a ceiling from a normative act) and the
    Valmiera blank 02 and 03."""
    reading = plan_reading(catalogue, "valmiera", (
        ("3.9", 6, Decimal("35.00"), (3, 3), "Biedrība Zirgu Pasaka"),
        ("1.4.2", 8, Decimal("6.40"), (4, 4), "Biedrība Zirgu Pasaka"),
    ))
    child = build(reading, catalogue, pseudonymous=False, day=DAY)
    documents = render_child(catalogue, catalogue.municipality("valmiera"), child, reading.data.params_day, False,
                             build_day=DAY)
    mine = [d for d in documents if d.spec.id.startswith(tuple(PARTIES))]
    blank = render_municipality(catalogue, catalogue.municipality("valmiera"),
                                [by_id("02-ligums-ar-sniedzeju"), by_id("03-garantijas-vestule")], build_date=DAY)
    assert len(mine) == 2 and len(blank) == 2
    return mine + blank


def _annex_nodes(document: RenderedDocument) -> list[Node]:
    nodes = list(_walk(parse(document.body)))
    start = next(i for i, n in enumerate(nodes) if n.tag == "h2" and ANNEX in normalise(n.text()))
    return nodes[start:]


def test_the_price_annex_ends_with_both_parties_signatures(papers: list[RenderedDocument]) -> None:
    for document in papers:
        nodes = _annex_nodes(document)
        tables = [n for n in nodes if n.tag == "table"]
        prices = next(t for t in tables if "grid" in t.classes)
        signatures = [t for t in tables if "signatures" in t.classes]
        assert len(signatures) == 1, document.spec.id
        titles = tuple(normalise(n.text()) for n in _walk(signatures[0]) if n.tag == "strong")
        assert titles == PARTIES[_kind(document)], document.spec.id
        assert nodes.index(prices) < nodes.index(signatures[0])
        labels = {normalise(n.text()) for n in _walk(signatures[0]) if "label" in n.classes}
        assert {"Vārds, uzvārds", "Paraksts", "Datums"} <= labels


def test_the_signatures_stand_on_the_page_of_the_tables_last_row(papers: list[RenderedDocument]) -> None:
    for document in papers:
        prices = next(n for n in _annex_nodes(document) if n.tag == "table" and "grid" in n.classes)
        last = [r for r in prices.elements() if r.tag == "tr"][-1]
        label = normalise(next(c for c in last.elements() if c.tag == "td").text())
        pages = [normalise(p) for p in pdf_pages(html_to_pdf(document.html))]
        annex = next(i for i, p in enumerate(pages) if ANNEX in p)
        holding = [i for i, p in enumerate(pages) if i >= annex and label[:25] in p]
        assert holding, (document.spec.id, label)
        page = pages[holding[-1]]
        left, right = PARTIES[_kind(document)]
        assert left in page and right in page, (document.spec.id, holding[-1] + 1)
        assert page.rindex(left) > page.rindex(label[:25])


def test_docx_keeps_the_tables_last_rows_with_the_signatures(papers: list[RenderedDocument]) -> None:
    for document in papers:
        data = html_to_docx(document.html, document.spec.title, document.version, document.created)
        body = list(Document(io.BytesIO(data)).element.body)
        tables = [i for i, e in enumerate(body) if e.tag == qn("w:tbl")]
        prices = next(i for i in reversed(tables) if "Augstākā cena" in "".join(body[i].itertext()))
        signatures = next(i for i in tables if i > prices)
        assert PARTIES[_kind(document)][1] in "".join(body[signatures].itertext())

        def keeps(paragraph) -> bool:  # noqa: ANN001 - an lxml w:p
            return paragraph.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None

        last_row = body[prices].findall(qn("w:tr"))[-1]
        assert all(keeps(p) for p in last_row.iter(qn("w:p"))), document.spec.id
        between = body[prices + 1:signatures]
        assert between and all(e.tag == qn("w:p") and keeps(e) for e in between), document.spec.id
        assert all(row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
                   for row in body[signatures].findall(qn("w:tr")))
