"""The annex documents of issue 16 in the built PDF and DOCX of the build's municipalities (D292): the title, the
annex number, the reconstruction label and the catalogue data they show (tests/documents/annex_expectations.py)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.paths import documents_dir
from generator.documents.registry import by_id
from tests.documents.annex_expectations import annex_phrases
from tests.documents.conftest import normalise
from tests.documents.party_helpers import party_phrase

pytestmark = pytest.mark.xdist_group("documents-build")


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return normalise(" ".join(parts))


def test_annex_documents_say_what_the_register_promises(built: Path, built_municipalities: list[Municipality],
                                                        catalogue: Catalogue, pdf_text) -> None:
    expected = annex_phrases(catalogue)
    for m in built_municipalities:
        for doc_id, phrases in expected.items():
            spec = by_id(doc_id)
            pdf = normalise(pdf_text(documents_dir(built, m.id) / f"{doc_id}.pdf"))
            word = _docx_text(documents_dir(built, m.id) / f"{doc_id}.docx")
            for phrase in [spec.title, *phrases]:
                assert normalise(phrase) in pdf, f"{m.id}/{doc_id}.pdf: trūkst „{phrase}”"
                assert normalise(phrase) in word, f"{m.id}/{doc_id}.docx: trūkst „{phrase}”"
            assert normalise(party_phrase(catalogue, m, "municipality")) in pdf, f"{m.id}/{doc_id}.pdf"
