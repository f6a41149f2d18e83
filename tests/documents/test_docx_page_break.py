"""A div.page-break in the DOCX (the price annex of 02/03, the title page, the application's part 2): the next
paragraph starts a page (pageBreakBefore) with no empty paragraph before it. A break run in a paragraph of its
own made Writer print an empty page when the signature table above ended at a page's foot (audit10 F11)."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.documents.docx_writer import html_to_docx, write_docx
from generator.recalc import convert

VERSION = "2023-04-01+02e8ff79"
SIGNATURES = ('<table class="plain signatures"><tr><td data-w="50"><p><strong>Dienesta vārdā</strong></p>'
              '<p class="field"><span class="label">Vārds, uzvārds</span><span class="line"></span></p>'
              '<p class="field"><span class="label">Paraksts</span><span class="line"></span></p></td>'
              '<td data-w="50"><p><strong>Sniedzēja vārdā</strong></p>'
              '<p class="field"><span class="label">Paraksts</span><span class="line"></span></p></td></tr></table>')


def _html(lines: int, after: str = "<h2>Pielikums. Augstākās pieļaujamās cenas</h2><p>Pielikuma teksts.</p>") -> str:
    body = "".join(f"<p>Līguma punkts {i}.</p>" for i in range(lines))
    return f'<html><body><main>{body}{SIGNATURES}<div class="page-break"></div>{after}</main></body></html>'


def _body(html: str):  # noqa: ANN202 - lxml w:body
    return Document(io.BytesIO(html_to_docx(html, "Līgums", VERSION, dt.date(2019, 1, 1)))).element.body


def test_the_paragraph_after_a_page_break_starts_the_page_right_after_the_table() -> None:
    body = _body(_html(3))
    assert not [br for br in body.iter(qn("w:br")) if br.get(qn("w:type")) == "page"]
    heading = next(p for p in body.iter(qn("w:p")) if "Pielikums" in "".join(t.text for t in p.iter(qn("w:t"))))
    assert heading.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
    # no empty paragraph between the signatures and the annex: it would open the new page on its own
    assert heading.getprevious().tag == qn("w:tbl")
    later = [p for p in body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None]
    assert later == [heading]


def test_a_table_right_after_a_page_break_still_starts_a_page() -> None:
    body = _body(_html(3, after='<table class="grid"><tr><td>Šūna</td></tr></table><p>Beigas.</p>'))
    breaks = [br for br in body.iter(qn("w:br")) if br.get(qn("w:type")) == "page"]
    assert len(breaks) == 1
    paragraph = breaks[0].getparent().getparent()
    assert paragraph.getnext().tag == qn("w:tbl")
    assert not [p for p in body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None]


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.usefixtures("calibri_metrics")
def test_writer_prints_no_empty_page_whatever_the_table_above_fills(tmp_path: Path) -> None:
    """The signature table ends ever lower on the first page, and at one length exactly at its foot: every
    printed page holds more than its footer (the old break paragraph left page 2 empty at 38 lines)."""
    files = [write_docx(_html(lines), tmp_path / f"l{lines:02d}.docx", "Līgums", VERSION, dt.date(2019, 1, 1))
             for lines in range(32, 44)]
    for pdf in convert(files, tmp_path / "pdf", to="pdf"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        pages = text.split("\f")[:-1]
        assert len(pages) in (2, 3), pdf.stem
        for number, page in enumerate(pages, 1):
            content = [ln for ln in page.splitlines() if ln.strip() and not re.search(r"Lapa \d+ no \d+", ln)]
            assert content, f"{pdf.stem}: {number}. lapa ir tukša"
