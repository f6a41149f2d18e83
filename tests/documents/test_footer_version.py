"""The footer of every page says which catalogue version a document was made from, without a date that a reader
takes for the document's own (audit8 F25: „veidnes versija 214ae134 (katalogs 01.04.2023)” on a 2018 contract):
the PDF's page box and the DOCX footer alike."""

from __future__ import annotations

import io

from docx import Document
from pypdf import PdfReader

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.pdf_writer import html_to_pdf
from generator.documents.registry import by_id
from tests.documents.conftest import normalise


def test_pdf_and_docx_footers_name_the_catalogue_version_without_its_date(catalogue: Catalogue) -> None:
    doc = render_municipality(catalogue, catalogue.municipality("ogre"), [by_id("05-iesniegums-par-sniedzejiem")])[0]
    expected = f"kataloga versija {lvformat.version_id(catalogue.version)}"
    catalogue_day = lvformat.date(catalogue.latest_date)
    pages = [normalise(page.extract_text()) for page in PdfReader(io.BytesIO(html_to_pdf(doc.html))).pages]
    for number, page in enumerate(pages, 1):
        assert expected in page, number
        assert catalogue_day not in page and "veidnes versija" not in page, number
    docx = Document(io.BytesIO(html_to_docx(doc.html, doc.spec.title, doc.version, doc.created)))
    footer = " ".join(c.text for t in docx.sections[0].footer.tables for c in t.rows[0].cells)
    # two lines as in the PDF: the title, then the version (audit14 F17)
    title_cell = docx.sections[0].footer.tables[0].rows[0].cells[0]
    assert title_cell.text.split("\n") == [doc.spec.title, expected]
    assert " · " not in footer
    assert catalogue_day not in footer and "veidnes versija" not in footer
