"""Section headings are Word numbering (audit33 F5): a heading with a typed section number ("1. Piedalās") becomes
an item of the clause list's first level, and the Heading 2 style is linked to that level, so a heading an editor
adds with the style is numbered and the rest renumber; a heading without a number stays out of the list."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.oxml.ns import qn

from generator.documents.docx_format import NUMBERING_ID
from generator.documents.docx_writer import html_to_docx


def _docx(main: str) -> Document:
    html = f"<html><body><main>{main}</main></body></html>"
    return Document(io.BytesIO(html_to_docx(html, "T", "2023-04-01+12ef49f0", dt.date(2020, 1, 1))))


def _list(paragraph) -> tuple[int, int] | None:  # noqa: ANN001 - python-docx Paragraph
    num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    return None if num_pr is None else (num_pr.numId.val, num_pr.ilvl.val)


def test_typed_section_numbers_become_the_word_list_and_the_heading_style_numbers() -> None:
    docx = _docx("<h1>Protokols</h1><h2>1. Piedalās</h2><p>Teksts.</p><h2>2. Mērķi</h2><p>Vēl 3. teksts.</p>"
                 "<h2>Pielikumi</h2><h2>7. Nav kārtas numurs</h2>")
    headings = [p for p in docx.paragraphs if p.style.name == "Heading 2"]
    assert [p.text for p in headings] == ["Piedalās", "Mērķi", "Pielikumi", "7. Nav kārtas numurs"]
    assert [_list(p) for p in headings] == [(NUMBERING_ID, 0), (NUMBERING_ID, 0), (0, 0), (0, 0)]
    style = docx.styles["Heading 2"].element.pPr.numPr
    assert style is not None and style.numId.val == NUMBERING_ID
    numbering = docx.part.numbering_part.element
    first = next(a for a in numbering.findall(qn("w:abstractNum"))
                 if a.get(qn("w:abstractNumId")) == str(NUMBERING_ID)).find(qn("w:lvl"))
    assert first.find(qn("w:pStyle")).get(qn("w:val")) == docx.styles["Heading 2"].style_id


def test_typed_numbers_continue_after_marked_sections() -> None:
    docx = _docx('<h2><span class="nr" data-level="0">1.</span> Puses</h2><p>Teksts.</p><h2>2. Priekšmets</h2>')
    headings = [p for p in docx.paragraphs if p.style.name == "Heading 2"]
    assert [(p.text, _list(p)) for p in headings] == [("Puses", (NUMBERING_ID, 0)), ("Priekšmets", (NUMBERING_ID, 0))]
