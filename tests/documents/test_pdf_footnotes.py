"""The PDF's numbered notes are footnotes at the foot of their marks' page (D345), as the DOCX's Word footnotes: a
marked blank's note („² Ieraksta normu …”) printed after its block fell on the next page, away from the mark in the
legal basis' list (17 and 18 on the round's first day). The numbers stay the text's; a mark used again has no
second note; a note in a table cell stays where it is, as in the DOCX."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.pdf_footnotes import footnoted
from generator.documents.pdf_writer import html_to_pdf
from generator.documents.registry import by_id
from tests.documents.conftest import PREPARER_SHEET, normalise, pdf_pages

MARKS = "¹²³⁴⁵⁶⁷⁸⁹"
MARK = re.compile(f"_(?: EUR)?([{MARKS}]+)")
NOTE = re.compile(f"(?m)^([{MARKS}]+) (?:Ieraksta|Tukšā vieta)")


@pytest.fixture(scope="module")
def act_pages(catalogue: Catalogue) -> dict[str, list[str]]:
    """The act pages of 17, 18 (their ² note fell on page 2), 01 and 09 on the pilot round's first day, when the
    norms and B are blanks with notes. WeasyPrint moves 01's footnote off its mark's page to keep a later paragraph's
    orphans at the page's foot, and 09's for the appeal clause, which then moves on whole with its signatures: both
    are laid out again."""
    day = dt.date(2018, 10, 1)
    ids = ["17-lemums-par-atteikumu", "18-vestule-par-neatbilstibu", "01-ligums-ar-vecaku", "09-lemums-par-izbeigsanu"]
    documents = render_municipality(catalogue, catalogue.municipality("jelgava"), [by_id(i) for i in ids],
                                    build_date=day)
    return {d.spec.id: [p for p in pdf_pages(html_to_pdf(d.html)) if PREPARER_SHEET not in normalise(p)]
            for d in documents}


def test_each_note_prints_once_at_the_foot_of_its_marks_first_page(act_pages: dict[str, list[str]]) -> None:
    for doc_id, pages in act_pages.items():
        seen: set[str] = set()
        for number, page in enumerate(pages, 1):
            new = [m for m in dict.fromkeys(MARK.findall(page)) if m not in seen]
            notes = NOTE.findall(page)
            assert sorted(notes) == sorted(new), f"{doc_id} lapa {number}: zīmes {new}, piezīmes {notes}"
            for mark in new:  # under the text that cites it
                assert re.search(f"_(?: EUR)?{mark}", page).start() < page.index(f"\n{mark} "), doc_id
            seen.update(new)
        assert seen, doc_id  # the day's blanks are marked


def test_17_keeps_the_second_notes_mark_and_note_on_the_first_page(act_pages: dict[str, list[str]]) -> None:
    first = act_pages["17-lemums-par-atteikumu"][0]
    assert "______² (lēmumu pieņem" in first and "\n² Ieraksta normu" in first


def test_a_mark_used_again_has_one_footnote_and_a_cells_note_stays() -> None:
    html = ('<html><head><style></style></head><body><main>'
            '<p class="clause">Avots ______¹ un vēlreiz ______¹, summa ______ EUR²</p>'
            '<p class="note">¹ Tukšā vieta ailē „Avots”: ieraksta avotu.</p>'
            '<table><tr><td>______³<p class="note">³ Ieraksta normu.</p></td></tr></table>'
            '<p class="note">² Tukšā vieta „______ EUR”: ieraksta summu.</p>'
            '<p class="note">Piezīme. Bez zīmes.</p>'
            '</main></body></html>')
    out = footnoted(html)
    assert out.count('class="footnote"') == 2
    assert ('______¹<span class="footnote">¹ Tukšā vieta ailē „Avots”: ieraksta avotu.</span> un vēlreiz ______¹,'
            in out)
    assert '______ EUR²<span class="footnote">² Tukšā vieta „______ EUR”: ieraksta summu.</span>' in out
    assert '<p class="note">¹' not in out and '<p class="note">²' not in out
    assert '<td>______³<p class="note">³ Ieraksta normu.</p></td>' in out  # in a cell: as the DOCX leaves it
    assert '<p class="note">Piezīme. Bez zīmes.</p>' in out
    assert "float: footnote" in out
