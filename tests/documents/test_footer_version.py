"""The footer of every page names the form and its edition by the day its text was made for (audit41 F15: no
code-like „kataloga versija b446bac9” in a signed act; D345: no tool's name, and „redakcija”, so that the day is the
form's, not the act's), never the catalogue's date that a reader takes for the document's own (audit8 F25); the
catalogue version the document was made from is in its properties. The PDF's page box and the DOCX footer alike."""

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


def test_pdf_and_docx_footers_name_the_form_and_the_properties_the_catalogue_version(catalogue: Catalogue) -> None:
    doc = render_municipality(catalogue, catalogue.municipality("ogre"), [by_id("05-iesniegums-par-sniedzejiem")])[0]
    expected = f"Veidlapa 05 (redakcija {lvformat.date(doc.created)})"
    catalogue_day = lvformat.date(catalogue.latest_date)
    reader = PdfReader(io.BytesIO(html_to_pdf(doc.html)))
    assert catalogue.version in reader.metadata.creator
    pages = [normalise(page.extract_text()) for page in reader.pages if "Norādījumu lapa" not in page.extract_text()]
    for number, page in enumerate(pages, 1):
        assert expected in page and "rīkkopa" not in page, number
        assert "kataloga versija" not in page and lvformat.version_id(catalogue.version) not in page, number
        assert catalogue_day not in page and "veidnes versija" not in page, number
    docx = Document(io.BytesIO(html_to_docx(doc.html, doc.spec.title, doc.version, doc.created)))
    footer = " ".join(c.text for t in docx.sections[0].footer.tables for c in t.rows[0].cells)
    # two lines as in the PDF: the title, then the version (audit14 F17)
    title_cell = docx.sections[0].footer.tables[0].rows[0].cells[0]
    assert title_cell.text.split("\n") == [doc.spec.title, expected]
    assert "rīkkopa" not in footer and "kataloga versija" not in footer
    assert catalogue.version in docx.core_properties.comments
    assert catalogue_day not in footer and "veidnes versija" not in footer
