"""Latvian quotation marks „…” in the child's papers (F15): no English opening “ and no word in straight double
quotes in the text of any document `ibm documents --from-matrix` makes (rendered HTML, as PDF and DOCX print it),
with provider names that hold quotation marks of their own."""

from __future__ import annotations

import re

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from tests.documents.test_from_matrix_own_provider import CASE, _reading
from tests.htmltext import html_text

ENGLISH_OPENING = re.compile(r"(?:^|[\s(\[])“")
STRAIGHT_QUOTED = re.compile(r'(?:^|\s)"[^"\s]')


def test_the_childs_papers_use_latvian_quotation_marks(catalogue: Catalogue) -> None:
    reading = _reading(catalogue, "Valmieras sociālais dienests")
    reading.providers = {label: "Biedrība „Paraugs”" for label in reading.providers}
    child = build(reading, catalogue, pseudonymous=False)
    docs = render_child(catalogue, catalogue.municipality(CASE), child, reading.data.params_day, False)
    assert len(docs) >= 6
    found = []
    for doc in docs:
        text = html_text(doc.html)
        assert "„" in text or doc.spec.id.startswith("07-"), doc.spec.id  # Latvian quotes are used at all
        found += [f"{doc.spec.id}: …{text[max(0, m.start() - 40):m.end() + 40]}…"
                  for pattern in (ENGLISH_OPENING, STRAIGHT_QUOTED) for m in pattern.finditer(text)]
    assert not found, "\n".join(found)


def test_straight_quotes_typed_in_the_matrix_print_as_latvian_ones_and_stay_raw_in_the_report(
        catalogue: Catalogue, tmp_path) -> None:  # noqa: ANN001
    """audit8 F25: 'SIA "Rūpju Paraugs"' typed in 6.8 is „Rūpju Paraugs” in every PDF/DOCX (both print the same
    HTML), while the child's data keep what was typed (parskats.txt prints it as the documents do, D79)."""
    from docx import Document

    from generator.documents.docx_writer import write_docx

    typed = 'SIA "Rūpju Paraugs"'
    reading = _reading(catalogue, "Valmieras sociālais dienests")
    reading.providers = {label: typed for label in reading.providers}
    child = build(reading, catalogue, pseudonymous=False)
    assert typed in [p.name for p in child.providers]  # the raw text parskats.txt and the console print
    docs = {doc.spec.id: doc for doc in render_child(catalogue, catalogue.municipality(CASE), child,
                                                     reading.data.params_day, False)}
    for doc_id in ("02-ligums-ar-sniedzeju-1", "05-iesniegums-par-sniedzejiem"):
        text = html_text(docs[doc_id].html)
        assert "SIA „Rūpju Paraugs”" in text, doc_id
        assert '"' not in text, doc_id
        path = write_docx(docs[doc_id].html, tmp_path / f"{doc_id}.docx", "Paraugs", "2023-04-01+00000000",
                          docs[doc_id].created)
        document = Document(str(path))
        words = [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows
                                                          for c in r.cells]
        assert any("SIA „Rūpju Paraugs”" in w for w in words), doc_id
        assert not any('"' in w for w in words), doc_id
