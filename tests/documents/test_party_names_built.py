"""The documents build (dated the build day, D43): the PDF and DOCX text of every document of each municipality
names no municipality or social service by a name that is not confirmed for the documents' date."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents import party_names
from generator.documents.paths import documents_dir
from generator.documents.registry import DOCUMENTS
from tests.documents.conftest import normalise
from tests.documents.party_helpers import unprintable

pytestmark = pytest.mark.xdist_group("documents-build")


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    return normalise(re.sub(r"<[^>]+>", "", xml.replace("</w:p>", " ")))


def test_built_pdf_and_docx_print_no_unconfirmed_party_name(built: Path, built_municipalities: list[Municipality],
                                                            built_day: dt.date, catalogue: Catalogue,
                                                             pdf_text) -> None:
    """The documents build (dated the build day): PDF and DOCX text of every document of each of its
    municipalities (D292)."""
    day = party_names.municipal_documents_day(catalogue, built_day)
    for m in built_municipalities:
        forbidden = unprintable(catalogue, m, day)
        for spec in DOCUMENTS:
            for path in (documents_dir(built, m.id) / f"{spec.id}.pdf", documents_dir(built, m.id) / f"{spec.id}.docx"):
                text = normalise(pdf_text(path)) if path.suffix == ".pdf" else _docx_text(path)
                shown = sorted(f for f in forbidden if f in text)
                assert not shown, f"{m.id}/{path.name}: {shown}"
