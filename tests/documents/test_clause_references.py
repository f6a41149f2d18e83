"""References to another clause come from the clause numbering, never a number typed in a template (audit8 F26,
D78): the provider's duties in 02 and 03 point to the clause whose table lists the services, and 02's annex clause
to the same table. In the DOCX the number is the cached result of a REF field to the clause (test_docx_references),
and the clause they name is a Word list item that carries that number."""

from __future__ import annotations

import datetime as dt
import io
import re

from docx import Document
from markupsafe import Markup

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.numbering import MarkedNumbering, Numbering
from generator.documents.registry import by_id
from tests.documents.test_from_matrix_provider_terms import _partial, _text

TABLE_CLAUSES = {"02-ligums-ar-sniedzeju": "Atbalsta jomas, pakalpojumi un to intensitāte:",
                 "03-garantijas-vestule": "Pakalpojumi, to apjoms un intensitāte:"}


def test_a_reference_is_the_number_of_the_clause_it_names() -> None:
    for n in (Numbering(), MarkedNumbering()):
        n.section()
        n.clause()
        table = n.clause()
        n.section()
        assert Markup(n.ref(table)).striptags() == "1.2."
    assert MarkedNumbering.ref(table) == '<span class="ref">1.2.</span>'  # the DOCX writer's REF field


def _numbered(text: str, heading: str) -> str:
    found = re.search(r"(\d+\.\d+\.) " + re.escape(heading), text)
    assert found, heading
    return found.group(1)


def test_provider_papers_point_to_their_own_table_of_services(catalogue: Catalogue) -> None:
    _, child_docs = _partial(catalogue)
    municipal = {d.spec.id: d.html for d in render_municipality(catalogue, catalogue.municipality("ogre"),
                                                                [by_id(i) for i in TABLE_CLAUSES])}
    papers = {**municipal, **{k: v for k, v in child_docs.items() if k.startswith(("02-", "03-"))}}
    assert len(papers) >= 4
    for doc_id, html in papers.items():
        text = _text(html)
        kind = "02-ligums-ar-sniedzeju" if doc_id.startswith("02-") else "03-garantijas-vestule"
        table = _numbered(text, TABLE_CLAUSES[kind])
        assert f"apjomā, kas nepārsniedz {table} punktā norādīto" in text, doc_id
        assert "sadaļā norādīto" not in text, doc_id
        if doc_id.startswith("02-"):
            # "Līgumam ir pielikums …; izraksts …", or with no price annex (D102) "Izraksts …; citu pielikumu … nav"
            assert re.search(rf"[Ii]zraksts no bērna atbalsta plāna ir šā līguma {re.escape(table)} punktā", text), doc_id


def test_the_docx_reference_reads_as_the_word_numbered_clause(catalogue: Catalogue) -> None:
    doc = render_municipality(catalogue, catalogue.municipality("ogre"), [by_id("02-ligums-ar-sniedzeju")])[0]
    docx = Document(io.BytesIO(html_to_docx(doc.html, doc.spec.title, doc.version, dt.date(2018, 11, 5))))
    xml = docx.element.xml
    assert "REF _Ref" in xml  # a field to the clause's bookmark (test_docx_references)
    table = next(p for p in docx.paragraphs if p.text.startswith(TABLE_CLAUSES["02-ligums-ar-sniedzeju"]))
    assert table._p.pPr.numPr is not None  # its number is Word's list number, renumbered on edits
    number = _numbered(_text(doc.html), TABLE_CLAUSES["02-ligums-ar-sniedzeju"])
    assert any(f"apjomā, kas nepārsniedz {number} punktā norādīto" in p.text for p in docx.paragraphs)


def test_provider_papers_pay_no_more_than_the_ib_funded_volume_of_their_table(catalogue: Catalogue) -> None:
    """02's payment clause and 03's invoice clause measure payment against the table's IB volume, not the plan
    (audit12 F1): where N > P the plan holds more than the IB pays."""
    _, child_docs = _partial(catalogue)
    municipal = {d.spec.id: d.html for d in render_municipality(catalogue, catalogue.municipality("ogre"),
                                                                [by_id(i) for i in TABLE_CLAUSES])}
    papers = {**municipal, **{k: v for k, v in child_docs.items() if k.startswith(("02-", "03-"))}}
    for doc_id, html in papers.items():
        text = _text(html)
        kind = "02-ligums-ar-sniedzeju" if doc_id.startswith("02-") else "03-garantijas-vestule"
        table = _numbered(text, TABLE_CLAUSES[kind])
        if kind.startswith("02-"):
            assert f"apjomu, kas nepārsniedz {table} punktā norādīto apjomu periodā no IB" in text, doc_id
        else:
            assert f"apjoms, kas pārsniedz {table} punktā norādīto, sociālais darbinieks" in text, doc_id
        assert "atbalsta plānā noteikto." not in text and "pārsniedz atbalsta plānā noteikto," not in text, doc_id
