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
