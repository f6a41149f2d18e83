"""A document refers to its own clauses and chapters only through the numbering (n.ref, D78): in the DOCX such a
reference is a REF field that Word renumbers with the clause, a typed "1.2. punktā" stays wrong after an edit
(audit29 F2). Every municipal document (with blanks, and with the pilot's confirmed values) and a child's papers:
the rendered HTML's text without the numbering's own spans (span.nr, span.ref) holds no clause-shaped number
before "punkt…" or "nodaļ…". A cited act's point ("5. punktu", "6. panta 1. punkta", "25.3. apakšpunkts") is no
clause of the document: one level, or an "apakšpunkts", and so left alone."""

from __future__ import annotations

import re

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from tests.documents.party_helpers import PILOT_DAY
from tests.documents.test_from_matrix_provider_terms import _partial

NUMBERING = re.compile(r'<span class="(?:nr|ref)"[^>]*>[^<]*</span>')
# a clause "1.2." or a point "1.2.3." before "punkt…", or a chapter "1." before "nodaļ…"
TYPED = re.compile(r"(?<![\d.])(?:\d+\.\d+\.(?:\d+\.)?\s+punkt|\d+\.\s+nodaļ)\w*")


def typed_references(html: str) -> list[str]:
    """The clause numbers of ``html`` typed as text (not made by the numbering), each with its context."""
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", NUMBERING.sub("§", html)))
    return [text[max(0, m.start() - 60):m.end()] for m in TYPED.finditer(text)]


def test_no_document_types_a_clause_number(catalogue: Catalogue) -> None:
    papers = {}
    for day in (None, PILOT_DAY):
        for doc in render_municipality(catalogue, catalogue.municipality("jelgava"), build_date=day):
            papers[f"{doc.spec.id} ({day})"] = doc.html
    papers.update({f"{k} (bērns)": v for k, v in _partial(catalogue)[1].items()})
    assert len(papers) > 60
    found = {doc_id: typed for doc_id, html in papers.items() if (typed := typed_references(html))}
    assert not found, found


def test_the_check_finds_a_typed_number_and_leaves_the_numberings_own() -> None:
    assert typed_references('<p>Piezīme. Tukšās vietas 1.2. punktā: …</p>')
    assert typed_references('<p>Normu 4.3. punktā ieraksta</p>')
    assert typed_references('<p>kritērijiem, kas 1. nodaļā atzīmēti</p>')
    assert not typed_references('<p>Tukšās vietas <span class="ref">1.2.</span> punktā</p>')
    assert not typed_references('<h2><span class="nr" data-level="0">1.</span> Lietas apstākļi</h2>')
    assert not typed_references("<p>noteikumu Nr. 288 5. punktu; regulas 6. panta 1. punkta c); 25.3. apakšpunkts</p>")
