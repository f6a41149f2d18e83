"""D27: the documents and report workbooks write ordinals with a space ("19. pielikums", "6.3. tabula"),
checked on one municipality's set of the session's documents build (every DOCX and XLSX: the other
municipalities' sets differ only in names), the HTML the PDFs are printed from and a child's documents
(--from-matrix): the texts of tests/documents/scanned_texts.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from tests.documents.scanned_texts import document_html_texts, office_files
from tests.ordinal_spacing import office_texts, report

pytestmark = pytest.mark.xdist_group("documents-build")


def test_documents_and_report_workbooks_write_ordinals_with_a_space(built: Path, catalogue: Catalogue) -> None:
    found = report(place for path in office_files(built, catalogue) for place in office_texts(path))
    assert not found, "\n".join(found)


def test_document_html_writes_ordinals_with_a_space(later_catalogue: Catalogue) -> None:
    # a round whose matrix prefills a "jāprecizē" price (2.1): its notes print too
    found = report(document_html_texts(later_catalogue))
    assert not found, "\n".join(found)
