"""A provider paper's total row never starts a page alone (audit8 F25): the row above goes with it, in the PDF
(tr.total { break-before: avoid }) and in the DOCX (that row's paragraphs keep with the next row; LibreOffice
prints it so). The plans below have 3 to 25 lines for one provider; with the old layout 5 and 22 lines split
the PDF's table before its total, 6 lines the DOCX's."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from generator.catalogue.catalogue import Catalogue
from generator.documents.docx_writer import html_to_docx, write_docx
from generator.documents.from_matrix.context import SHORT_TABLE
from generator.documents.pdf_writer import html_to_pdf
from generator.recalc import convert
from tests.documents.conftest import normalise, pdf_pages
from tests.documents.test_from_matrix_provider_terms import _docs, _reading, _session_offers

CONTRACT = "02-ligums-ar-sniedzeju-1"


def _contract(catalogue: Catalogue, lines: int) -> tuple[str, str, str]:
    """The contract's HTML, its total row's text and the label of the row above it."""
    offers = _session_offers(catalogue)
    rows = [(offers[i % len(offers)], Decimal("10"), "SIA Viens", (1, 1)) for i in range(lines)]
    child, docs = _docs(catalogue, _reading(catalogue, rows))
    return docs[CONTRACT], normalise(f"Kopā no IB {child.providers[0].ib}"), child.lines[-1].label


def _kept(pages: list[str], total: str, last: str) -> bool:
    """Whether the page with the total row shows the last service row before it."""
    page = next(p for p in pages if total in p)
    return last in page[:page.find(total)]


def test_the_docx_keeps_the_row_above_the_total_with_it(catalogue: Catalogue) -> None:
    # more rows than SHORT_TABLE: a short table is kept whole (every row with the next), a longer one only its end
    html, total, last = _contract(catalogue, SHORT_TABLE + 2)
    table = next(t for t in Document(io.BytesIO(html_to_docx(html, "Līgums", catalogue.version,
                                                             dt.date(2018, 11, 5)))).tables
                 if any("Kopā no IB" in c.text for c in t.rows[-1].cells) and "Biežums" in t.rows[0].cells[4].text)
    above = table.rows[-2]
    assert last in above.cells[1].text
    assert all(p.paragraph_format.keep_with_next for c in above.cells for p in c.paragraphs)
    assert not any(p.paragraph_format.keep_with_next for c in table.rows[-3].cells for p in c.paragraphs)


@pytest.mark.slow
def test_the_pdf_never_starts_a_page_with_the_total(catalogue: Catalogue) -> None:
    split = []
    for lines in range(3, 26):
        html, total, last = _contract(catalogue, lines)
        pages = [normalise(p) for p in pdf_pages(html_to_pdf(html))]
        if not _kept(pages, total, last):
            split.append(lines)
    assert not split


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.usefixtures("calibri_metrics")
def test_libreoffice_prints_the_docx_total_with_the_row_above(catalogue: Catalogue, tmp_path: Path) -> None:
    files, rows = [], {}
    for lines in range(3, 26):
        html, total, last = _contract(catalogue, lines)
        path = write_docx(html, tmp_path / f"k{lines:02d}.docx", "Līgums", catalogue.version, dt.date(2018, 11, 5))
        files.append(path)
        rows[path.stem] = (total, last)
    split = []
    for pdf in convert(files, tmp_path / "pdf", to="pdf"):
        pages = [normalise(p) for p in pdf_pages(Path(pdf))]
        if not _kept(pages, *rows[Path(pdf).stem]):
            split.append(Path(pdf).stem)
    assert not split
