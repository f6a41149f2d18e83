"""Whether each numbered note of a PDF prints on the page of its mark (D345), read from the PDF's text the way a reader
sees it (pdftotext, page by page): shared by the tests that already render papers with marked blanks, so no paper is
rendered again for it (tests/documents/test_pdf_footnote_pages.py lists them).

A mark is the text's superscript after a blank („______¹”, „______ EUR²”); its note is a line that begins with the
same mark and a space („² Ieraksta normu …”). A note belongs on the page where its mark is first used: at its foot
as a footnote, or under the cell that cites it (a note in a table cell stays where it is). The preparer's sheet
after the act (D161) is not read: it quotes the marks plainly („Tukšā vieta ar piezīmi Nr. 2.”)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.documents.conftest import PREPARER_SHEET, normalise, pdf_pages

MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
MARK = re.compile(f"_(?: EUR)?([{MARKS}]+)")
NOTE = re.compile(f"(?m)^([{MARKS}]+) (?=\\S)")


@dataclass
class NotePages:
    """Where one PDF's marks are first used and where their notes print (page numbers from 1)."""

    first: dict[str, int] = field(default_factory=dict)
    notes: dict[str, list[int]] = field(default_factory=dict)

    def apart(self) -> list[str]:
        """Each mark whose note is missing, printed more than once or not on its mark's first page, in Latvian
        („² – zīme 1. lapā, piezīme 2. lapā”); [] when every note is in its place."""
        found = []
        for mark in sorted(set(self.first) | set(self.notes)):
            pages = self.notes.get(mark, [])
            if pages != [self.first.get(mark)]:
                where = ", ".join(f"{p}." for p in pages) or "nav"
                found.append(f"{mark} – zīme {self.first.get(mark, 'nav')}. lapā, piezīme {where} lapā")
        return found


def note_pages(pdf: bytes | Path) -> NotePages:
    """The act pages' marks and notes of one PDF."""
    result = NotePages()
    for number, page in enumerate(pdf_pages(pdf), 1):
        if PREPARER_SHEET in normalise(page):
            break
        for mark in MARK.findall(page):
            result.first.setdefault(mark, number)
        for mark in NOTE.findall(page):
            result.notes.setdefault(mark, []).append(number)
    return result


def notes_apart(pdfs: list[Path]) -> tuple[list[str], int]:
    """Every note of ``pdfs`` not on its mark's page („18-vestule-par-neatbilstibu.pdf: ² – zīme 1. lapā, …”), and how
    many notes the files have (a check that found none would prove nothing)."""
    apart: list[str] = []
    noted = 0
    for pdf in pdfs:
        pages = note_pages(pdf)
        noted += len(pages.first)
        apart += [f"{pdf.parent.name}/{pdf.name}: {line}" for line in pages.apart()]
    return apart, noted
