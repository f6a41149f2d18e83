"""A provider paper's total row never starts a page alone (audit8 F25): the row above goes with it, in the PDF
(tr.total { break-before: avoid }) and in the DOCX (that row's paragraphs keep with the next row; LibreOffice
prints it so). The plans below have 3 to 25 lines for one provider; with the old layout 5 and 22 lines split
the PDF's table before its total, 6 lines the DOCX's.

By default (D223) each print proof takes the counts where a table can end at a page's foot, read from its own print
of the longest plan (25 lines: row n of every plan is the same row, so a count's table is the longest one's first
rows): each count whose last row is the last of its page in that print, with the counts either side of it, besides
a short table kept whole (3), the first longer one (4) and the longest (25). Where a row still fits below row n,
a total row fits there too; without the keeping rule the total of a page-end count is what starts the next page
(on 04.12.2026: 19 lines in the PDF). IBM_FULL=1 prints every count from 3 to 25."""

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
from tests.workbook.plan_sample import FULL

CONTRACT = "02-ligums-ar-sniedzeju-1"
FEWEST, LONGEST = 3, 25


def _child_and_contract(catalogue: Catalogue, lines: int):  # noqa: ANN202 - the child's context and its papers
    offers = _session_offers(catalogue)
    rows = [(offers[i % len(offers)], Decimal("10"), "SIA Viens", (1, 1)) for i in range(lines)]
    return _docs(catalogue, _reading(catalogue, rows))


def _contract(catalogue: Catalogue, lines: int) -> tuple[str, str, str]:
    """The contract's HTML, its total row's text and the label of the row above it."""
    child, docs = _child_and_contract(catalogue, lines)
    return docs[CONTRACT], normalise(f"Kopā no IB {child.providers[0].ib_figure}"), child.lines[-1].label


def page_end_counts(pages: list[str], labels: list[str]) -> set[int]:
    """The counts n whose row n is the last table row on its page of the longest plan's print (``labels``: its
    rows' labels in order; a row's page is the first page that names it – the table comes before the annex)."""
    first = [next(k for k, page in enumerate(pages) if normalise(label) in page) for label in labels]
    return {n for n in range(1, len(labels)) if first[n] > first[n - 1]}


def counts_to_print(pages: list[str], labels: list[str]) -> list[int]:
    """Every count with IBM_FULL=1, else the page-end counts with their neighbours, 3, 4 and 25 (D223)."""
    if FULL:
        return list(range(FEWEST, LONGEST + 1))
    ends = page_end_counts(pages, labels)
    assert ends, "the longest plan's table fits on one page: the proof would show no page end"
    near = {n + d for n in ends for d in (-1, 0, 1)}
    return sorted((near | {FEWEST, SHORT_TABLE + 1, LONGEST}) & set(range(FEWEST, LONGEST + 1)))


def _longest_labels(catalogue: Catalogue) -> list[str]:
    child, _docs_ = _child_and_contract(catalogue, LONGEST)
    return [line.label for line in child.lines]


def test_page_end_counts_are_the_last_rows_of_each_page() -> None:
    pages = ["Galva A B", "C D E pielikums A", "F G Kopā"]
    assert page_end_counts(pages, list("ABCDEFG")) == {2, 5}


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
    longest = [normalise(p) for p in pdf_pages(html_to_pdf(_contract(catalogue, LONGEST)[0]))]
    split = []
    for lines in counts_to_print(longest, _longest_labels(catalogue)):
        html, total, last = _contract(catalogue, lines)
        pages = longest if lines == LONGEST else [normalise(p) for p in pdf_pages(html_to_pdf(html))]
        if not _kept(pages, total, last):
            split.append(lines)
    assert not split


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.usefixtures("calibri_metrics")
def test_libreoffice_prints_the_docx_total_with_the_row_above(catalogue: Catalogue, tmp_path: Path) -> None:
    def docx(lines: int) -> Path:
        html, total, last = _contract(catalogue, lines)
        path = write_docx(html, tmp_path / f"k{lines:02d}.docx", "Līgums", catalogue.version, dt.date(2018, 11, 5))
        rows[path.stem] = (total, last)
        return path

    rows: dict[str, tuple[str, str]] = {}
    longest_pdf = convert([docx(LONGEST)], tmp_path / "pdf", to="pdf")
    longest = [normalise(p) for p in pdf_pages(Path(longest_pdf[0]))]
    counts = [n for n in counts_to_print(longest, _longest_labels(catalogue)) if n != LONGEST]
    split = []
    for pdf in [*longest_pdf, *convert([docx(n) for n in counts], tmp_path / "pdf", to="pdf")]:
        pages = [normalise(p) for p in pdf_pages(Path(pdf))]
        if not _kept(pages, *rows[Path(pdf).stem]):
            split.append(Path(pdf).stem)
    assert not split
