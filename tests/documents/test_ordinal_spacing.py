"""D27: the documents and report workbooks write ordinals with a space ("19. pielikums", "6.3. tabula"),
checked on one municipality's set of the session's documents build (every DOCX and XLSX: the other
municipalities' sets differ only in names), the HTML the PDFs are printed from and a child's documents
(--from-matrix)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from generator.documents.paths import documents_dir, reports_dir
from tests.documents.test_from_matrix_context import _market, _reading
from tests.htmltext import html_text
from tests.ordinal_spacing import office_texts, report

pytestmark = pytest.mark.xdist_group("documents-build")


def test_documents_and_report_workbooks_write_ordinals_with_a_space(built: Path, catalogue: Catalogue) -> None:
    municipality_id = catalogue.pilot_municipalities()[0].id
    folders = (documents_dir(built, municipality_id), reports_dir(built, municipality_id))
    files = sorted(p for folder in folders for p in folder.iterdir() if p.suffix in (".docx", ".xlsx"))
    assert {p.suffix for p in files} == {".docx", ".xlsx"}
    found = report(place for path in files for place in office_texts(path))
    assert not found, "\n".join(found)


def test_document_html_writes_ordinals_with_a_space(later_catalogue: Catalogue) -> None:
    catalogue = later_catalogue  # a round whose matrix prefills a "jāprecizē" price (2.1): its notes print too
    municipality = catalogue.pilot_municipalities()[0]
    documents = render_municipality(catalogue, municipality)
    market = _market(catalogue)
    # an unconfirmed price and no base amount: the notes that say where the figures come from are printed too
    reading = _reading(catalogue, {"2.1": None, market: Decimal("20")}, {"2.1": "SIA Pavadoņi", market: "SIA Cits"},
                       base=None)
    child = build(reading, catalogue, pseudonymous=False)
    documents += render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    found = report((f"{d.municipality_id}/{d.spec.id}", html_text(d.html)) for d in documents)
    assert not found, "\n".join(found)
