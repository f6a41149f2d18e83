"""The document texts that the whole-text scans read (ordinal spacing, sheet names): one municipality's DOCX and
XLSX files of the session's documents build, and the HTML the PDFs are printed from, for that municipality's set
and a child's documents (--from-matrix) with an unconfirmed price and no base amount, so that the notes saying
where the figures come from are printed too."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from generator.documents.paths import documents_dir, reports_dir
from tests.documents.test_from_matrix_context import _market, _reading
from tests.htmltext import html_text


def office_files(built: Path, catalogue: Catalogue) -> list[Path]:
    """Every DOCX and XLSX of the first municipality in the documents build ``built``."""
    municipality_id = catalogue.pilot_municipalities()[0].id
    folders = (documents_dir(built, municipality_id), reports_dir(built, municipality_id))
    files = sorted(p for folder in folders for p in folder.iterdir() if p.suffix in (".docx", ".xlsx"))
    assert {p.suffix for p in files} == {".docx", ".xlsx"}
    return files


def document_html_texts(catalogue: Catalogue) -> Iterator[tuple[str, str]]:
    """(place, text) of the first municipality's documents and of a child's documents (Ogre)."""
    documents = render_municipality(catalogue, catalogue.pilot_municipalities()[0])
    market = _market(catalogue)
    reading = _reading(catalogue, {"2.1": None, market: Decimal("20")}, {"2.1": "SIA Pavadoņi", market: "SIA Cits"},
                       base=None)
    child = build(reading, catalogue, pseudonymous=False)
    documents += render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False)
    return ((f"{d.municipality_id}/{d.spec.id}", html_text(d.html)) for d in documents)
