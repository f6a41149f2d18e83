"""D369: a note that explains a blank is never an unnumbered „Piezīme.” paragraph between the clauses a person signs.
It is a numbered note at its blank – in the marks' one sequence, at the foot of the mark's page in the PDF (D345)
and a Word footnote in the DOCX (D171) – or, where it has no blank to number (a field's line), the preparer's
(D161). Every former note's text is still there, in one of the two places."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from html import unescape

import pytest
from docx import Document

import generator.documents.html as html_module
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.documents.blank_notes import footnoted_blanks
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.html import PREPARER_LABEL
from generator.documents.pdf_writer import html_to_pdf
from generator.documents.registry import DOCUMENTS, by_id
from tests.documents.conftest import PREPARER_SHEET, normalise, pdf_pages

MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# an unnumbered note of the act: a paragraph that begins with „Piezīme.” (not the preparer's label)
ACT_NOTE = re.compile(r'<p class="note"[^>]*>\s*Piezīme\.')
OLD_NOTE = re.compile(r'<p class="note"[^>]*>\s*Piezīme\.\s+(.*?)</p>', re.S)
NUMBERED = re.compile(f'<p class="note">\\s*([{MARKS}]+) (.*?)</p>', re.S)
PREPARER = re.compile(r'<p class="note preparer">(.*?)</p>', re.S)
SIGNED = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule", "08-lemums-par-pieskirsanu",
          "09-lemums-par-izbeigsanu", "14-patapinajuma-ligums", "17-lemums-par-atteikumu", "29-vestule-neatlasitajiem")


def _text(html: str) -> str:
    return normalise(unescape(re.sub(r"<[^>]+>", "", html)))


def _head(text: str) -> str:
    """A note's words a page prints whole: its start (a PDF footnote is never split before its 60th character)."""
    return re.sub(r"\s+", " ", text)[:60].strip()


def _days(catalogue: Catalogue) -> list[dt.date]:
    """The pilot round's first day (prices and norms not confirmed: price, B and citation blanks) and the day after
    it ended (the round's name, dates and procedures are blanks too)."""
    pilot = catalogue.rounds_of(Pilot.children)[0]
    return [pilot.services_start, pilot.end + dt.timedelta(days=1)]


def _rendered(catalogue: Catalogue, day: dt.date, ids: list[str]) -> list:
    municipality = catalogue.municipality(catalogue.rounds_of(Pilot.children)[0].municipalities[0])
    return render_municipality(catalogue, municipality, [by_id(i) for i in ids], build_date=day)


def _before_and_after(catalogue: Catalogue, day: dt.date, ids: list[str],
                      monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """(document, its HTML as the templates write it, its HTML as printed) for each document."""
    after = {d.spec.id: d.html for d in _rendered(catalogue, day, ids)}
    with monkeypatch.context() as patch:
        patch.setattr(html_module, "footnoted_blanks", lambda html, preparer: html)
        before = {d.spec.id: d.html for d in _rendered(catalogue, day, ids)}
    return [(i, before[i], after[i]) for i in after]


def test_a_quoted_blank_gets_the_next_mark_in_the_texts_order() -> None:
    html = ('<html><body><main><p>Puses ieraksta ______ dienas; normu ______¹ nosaka.</p><p class="note">¹ Ieraksta '
            'normu.</p><p class="note preparer">Tukšā vieta ar piezīmi Nr. 1. Pārbauda.</p>'
            '<p class="note">Piezīme. Tukšā vieta „______ dienas”: puses vienojas.</p></main></body></html>')
    out = footnoted_blanks(html, "")
    # the note's blank comes first in the text: it is ¹, the norm's ² (its note and the preparer's line follow)
    assert "ieraksta ______¹ dienas; normu ______² nosaka" in out
    assert '<p class="note">² Ieraksta normu.</p>' in out and "Tukšā vieta ar piezīmi Nr. 2. Pārbauda." in out
    assert '<p class="note">¹ Tukšā vieta „______ dienas”: puses vienojas.</p>' in out
    assert "Piezīme." not in out


def test_the_nearest_blank_a_note_names_and_a_note_without_a_blank_goes_to_the_preparer() -> None:
    html = ('<html><body><main><p>Nr. ______, cena ______ EUR un atskaitot daļu ______ EUR.</p>'
            '<p class="note">Piezīme. Tukšā vieta „______ EUR”: cenu ieraksta.</p>'
            '<p class="note">Piezīme. Tukšā vieta „atskaitot daļu ______ EUR”: daļu ieraksta.</p>'
            '<p class="note" data-at="Nr. ">Piezīme. Numuru ieraksta.</p></main></body></html>')
    out = footnoted_blanks(html, "")
    # the deduction's note takes its named blank; the price's note the nearest blank left before it
    assert "Nr. ______¹, cena ______ EUR² un atskaitot daļu ______ EUR³." in out
    assert '<p class="note">² Tukšā vieta „______ EUR”: cenu ieraksta.</p>' in out
    assert '<p class="note">³ Tukšā vieta „atskaitot daļu ______ EUR”: daļu ieraksta.</p>' in out
    assert '<p class="note">¹ Numuru ieraksta.</p>' in out
    field = '<html><body><main><p class="field">Datums</p><p class="note">Piezīme. Datumu ieraksta.</p></main></body></html>'
    assert '<p class="note preparer"><b>L</b> Datumu ieraksta.</p>' in footnoted_blanks(field, "<b>L</b> ")


@pytest.mark.slow  # every document of a municipality rendered twice on two days
def test_no_document_prints_an_unnumbered_note_and_every_note_is_kept(catalogue: Catalogue,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [d.id for d in DOCUMENTS]
    former = 0
    for day in _days(catalogue):
        for doc_id, before, after in _before_and_after(catalogue, day, ids, monkeypatch):
            assert not ACT_NOTE.search(after), (day, doc_id)
            numbered = {mark: _text(text) for mark, text in NUMBERED.findall(after)}
            preparer = [_text(text) for text in PREPARER.findall(after)]
            for note in OLD_NOTE.findall(before):
                former += 1
                text = _text(note)
                assert text in numbered.values() or any(text in p for p in preparer), (day, doc_id, text)
                for mark, kept in numbered.items():
                    if kept == text:  # its mark is at a blank of the text
                        assert re.search(f"_(?:[ \u00a0]EUR)?{mark}(?![{MARKS}])", after), (day, doc_id, mark)
    assert former > 40  # the days have the blanks and their notes


@pytest.mark.slow  # the signed papers' PDF and DOCX on the day after the round ended
def test_the_signed_papers_print_each_former_note_as_a_footnote_or_for_the_preparer(
        catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    day = _days(catalogue)[1]
    for doc_id, before, after in _before_and_after(catalogue, day, list(SIGNED), monkeypatch):
        pages = [normalise(p) for p in pdf_pages(html_to_pdf(after))]
        act = [p for p in pages if PREPARER_SHEET not in p]
        sheet = " ".join(p for p in pages if PREPARER_SHEET in p)
        assert not any(re.search(r"(^| )Piezīme\. ", p) for p in act), doc_id
        docx = html_to_docx(after, doc_id, "1", day)
        paragraphs = [p.text for p in Document(io.BytesIO(docx)).paragraphs]
        assert not [p for p in paragraphs if p.startswith("Piezīme.")], doc_id
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            xml = package.read("word/footnotes.xml").decode("utf-8")
        # a footnote's text as Word shows it: a clause reference is a field, its code is not text
        footnotes = normalise(re.sub(r"<[^>]+>", "", re.sub(r"<w:instrText[^>]*>.*?</w:instrText>", "", xml, flags=re.S)))
        preparer = " ".join(normalise(p) for p in paragraphs if p.startswith(PREPARER_LABEL))
        notes = OLD_NOTE.findall(before)
        assert notes, doc_id
        for note in notes:
            head = _head(_text(note))
            assert any(head in p for p in act) or head in sheet, (doc_id, head)
            assert head in footnotes or head in preparer, (doc_id, head)
