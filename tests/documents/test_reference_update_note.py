"""A document whose text refers to its clauses (span.ref, D78) tells its preparer once how the references follow an
inserted or deleted clause – Word updates the fields (Ctrl+A, F9, when it did not offer to on opening), LibreOffice
does not (audit29 F1); a document without such references says nothing of it. In the DOCX it is a paragraph in the
preparer's style, and the downloads page says the same."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_format import PREPARER_STYLE
from generator.documents.docx_writer import html_to_docx
from generator.documents.paths import TEMPLATE_DIR
from generator.documents.registry import by_id

LINE = "Labojot DOCX: atsauces uz punktiem un nodaļām"
WORD = "Word, atverot dokumentu, jautā, vai atjaunināt laukus: atbildiet „Jā”; pēc punktu pievienošanas vai dzēšanas "\
       "programmā Word atsauces atjaunina, nospiežot Ctrl+A un F9"
LIBREOFFICE = "LibreOffice šīs atsauces neatjaunina"
DOWNLOADS = TEMPLATE_DIR.parent.parent / "generator" / "site" / "templates" / "lejupielades.md.j2"


def test_the_line_stands_once_where_the_text_refers_to_its_clauses(catalogue: Catalogue) -> None:
    documents = render_municipality(catalogue, catalogue.municipality("jelgava"))
    with_refs = [d.spec.id for d in documents if 'class="ref"' in d.body]
    assert {"02-ligums-ar-sniedzeju", "08-lemums-par-pieskirsanu", "09-lemums-par-izbeigsanu",
            "17-lemums-par-atteikumu"} <= set(with_refs)
    for doc in documents:
        count = doc.body.count(LINE)
        assert count == (1 if doc.spec.id in with_refs else 0), (doc.spec.id, count)
        if count:
            assert WORD in doc.body and LIBREOFFICE in doc.body, doc.spec.id
            assert '<p class="note preparer">' in doc.body.split(LINE)[0].rsplit("</p>", 1)[-1], doc.spec.id


def test_the_docx_holds_it_in_the_preparers_style(catalogue: Catalogue) -> None:
    doc = render_municipality(catalogue, catalogue.municipality("jelgava"), [by_id("09-lemums-par-izbeigsanu")])[0]
    docx = Document(io.BytesIO(html_to_docx(doc.html, doc.spec.title, doc.version, dt.date(2018, 9, 17))))
    lines = [p for p in docx.paragraphs if LINE in p.text]
    assert len(lines) == 1 and lines[0].style.name == PREPARER_STYLE
    assert "REF _Ref" in docx.element.xml


def test_the_downloads_page_says_the_same() -> None:
    page = " ".join(DOWNLOADS.read_text(encoding="utf-8").split())
    assert "Ctrl+A un F9" in page and "jautā, vai atjaunināt laukus, atbildiet „Jā”" in page  # w:updateFields (review29 F6)
    assert "LibreOffice šos laukus nepārrēķina" in page
