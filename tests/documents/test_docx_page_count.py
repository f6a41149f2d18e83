"""The DOCX as LibreOffice Writer prints it (D171). It takes as many pages as the PDF (audit33 F9): 23 took two pages
in Writer where the PDF took one (the template's 1.15 line spacing against the PDF's 1.35 line-height, a footer
standing in the body's space), and with the spacing right 09 took one page less (its writing areas were shorter than
the PDF's ruled lines). The notes of marked blanks are footnotes at the foot of the page of their mark, numbered as
the PDF's marks (audit33 F11). One soffice call prints every DOCX of the module."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import write_docx
from generator.documents.html import PREPARER_LABEL
from generator.documents.paths import TEMPLATE_DIR
from generator.documents.pdf_writer import write_pdf
from generator.documents.registry import DOCUMENTS
from generator.recalc import convert, soffice

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

MUNICIPALITY = "jelgava"  # the municipality of the audit's findings
# the documents whose page counts differed: 23 before the fix of the line spacing and the footer, 09 after it
# until the writing areas were as tall as the PDF's ruled lines
PAGE_COUNTS = ("09-lemums-par-izbeigsanu", "23-nosaukumu-instrukcija")
# a contract with the unconfirmed base amount's footnote, a decision with it and the citations' ones
FOOTNOTES = ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu")
MARK_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def printed(calibri_metrics: None, catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> dict:
    if soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice vai pdftotext nav instalēts: DOCX drukas tests izlaists")
    from weasyprint import HTML

    folder = tmp_path_factory.mktemp("docx-pages")
    (folder / "docx").mkdir()
    specs = [spec for spec in DOCUMENTS if spec.id in PAGE_COUNTS + FOOTNOTES]
    documents = render_municipality(catalogue, catalogue.municipality(MUNICIPALITY), specs)
    assert sorted(d.spec.id for d in documents) == sorted(PAGE_COUNTS + FOOTNOTES)
    pdf, files, html = {}, [], {}
    for document in documents:
        spec = document.spec
        html[spec.id] = document.html
        # the DOCX keeps the preparer's instructions beside their places (D161): its pages are compared with the
        # HTML printed as it is, instructions in place; the PDF the build writes prints them on a sheet after the act
        in_place = folder / f"{spec.id}-in-place.pdf"
        in_place.write_bytes(HTML(string=document.html, base_url=str(TEMPLATE_DIR)).write_pdf())
        pdf[spec.id] = _pages(in_place)
        write_pdf(document.html, folder / f"{spec.id}.pdf")
        files.append(write_docx(document.html, folder / "docx" / f"{spec.id}.docx", spec.title, document.version,
                                document.created, landscape="A4 landscape" in document.html))
    writer = {path.stem: _pages(path) for path in convert(files, folder / "writer", to="pdf")}
    return {"pdf": pdf, "writer": writer, "html": html}


def test_writer_prints_the_docx_on_as_many_pages_as_the_pdf(printed) -> None:
    counts = {doc_id: len(printed["writer"][doc_id]) for doc_id in PAGE_COUNTS}
    assert counts == {doc_id: len(printed["pdf"][doc_id]) for doc_id in PAGE_COUNTS}


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_writer_prints_each_note_as_a_footnote_numbered_as_the_pdf_at_its_marks_page_foot(printed) -> None:
    for doc_id in FOOTNOTES:
        notes = {}  # the PDF's marks in the order of the text -> the first words of their notes
        for page in printed["pdf"][doc_id]:
            for found in re.finditer(f"(?m)^\\s*(?:{PREPARER_LABEL} )?([{MARK_DIGITS}]+) (.*)$", page):
                notes.setdefault(found.group(1), _squash(found.group(2))[:40])
        assert notes, doc_id
        # a note is found by its own mark: printed in place, a blank's note may stand after a later mark's (08's
        # „______ laikā” note after the „dokumenta datums un Nr.” one, D369), while the marks run 1, 2, … in the text
        numbers = {int(mark.translate(str.maketrans(MARK_DIGITS, "0123456789"))): start
                   for mark, start in notes.items()}
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), (doc_id, sorted(numbers))
        for number, start in sorted(numbers.items()):
            pages = [p for p in printed["writer"][doc_id] if re.search(f"_(?: EUR)? ?{number}\\b", p)]
            assert pages, (doc_id, number)  # Writer prints the reference as the footnote's number
            lines = [_squash(line) for line in pages[0].splitlines() if line.strip()]
            reference = next(i for i, line in enumerate(lines) if re.search(f"_(?: EUR)? ?{number}\\b", line))
            # the footnote's number starts its first line (pdftotext may give the raised number a line of its own)
            footnote = next((i for i, line in enumerate(lines) if i > reference
                             and (line == str(number) or line.startswith(f"{number} "))), None)
            assert footnote is not None and footnote > reference, (doc_id, number, lines)
            # the note's words (after the preparer's label, D161) are at its number at the page's foot, above the
            # footer ("Lapa X no Y"); a raised number on a line of its own may come below the note's first line
            assert start[:25] in " ".join(lines[footnote - 1:footnote + 3]), (doc_id, number, start)
            assert any("Lapa " in line for line in lines[footnote:]), (doc_id, number)
