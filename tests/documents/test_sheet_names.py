"""D59: the documents and report workbooks name the matrix's sheets "6.3. tabula" (a contract's annex is its own
"N. pielikums" with the table named), checked as tests/documents/test_ordinal_spacing.py checks ordinals, on the
texts of tests/documents/scanned_texts.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from tests.documents.scanned_texts import document_html_texts, office_files
from tests.ordinal_spacing import office_texts
from tests.sheet_names import report

pytestmark = pytest.mark.xdist_group("documents-build")


def test_documents_and_report_workbooks_name_sheets_as_tables(built: Path, catalogue: Catalogue) -> None:
    found = report(place for path in office_files(built, catalogue) for place in office_texts(path))
    assert not found, "\n".join(found)


def test_document_html_names_sheets_as_tables(later_catalogue: Catalogue) -> None:
    texts = list(document_html_texts(later_catalogue))
    assert any("6.3. tabula" in text for _, text in texts)
    found = report(texts)
    assert not found, "\n".join(found)
