"""The notes of marked blanks are Word footnotes in the DOCX (audit33 F11, D171): an unconfirmed (`jāprecizē`) figure's
blank "______ EUR" and a citation's blank "______" carry a mark in the PDF ("______ EUR¹") and a numbered note after
the clause; in the DOCX the mark is a w:footnoteReference, the note is in word/footnotes.xml (related to the document
part, with its content type) and not typed in the body, and Word's numbers (footnotes in the order of their
references) are the PDF's marks."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.htmltree import parse
from generator.documents.registry import DOCUMENTS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARK_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
MARK = re.compile(f"(?<=_)(?: EUR)?([{MARK_DIGITS}]+)")
NOTE = re.compile(f"^(?:Piezīme sagatavotājam – pirms parakstīšanas dzēst\\.)?\\s*([{MARK_DIGITS}]+) (.*)$", re.S)


@pytest.fixture(scope="module")
def documents(catalogue: Catalogue) -> dict[str, tuple[str, bytes]]:
    """Every document of one municipality: its HTML (what the PDF prints) and its DOCX."""
    made = {}
    for document in render_municipality(catalogue, catalogue.municipality("jelgava"), DOCUMENTS):
        spec = document.spec
        made[spec.id] = (document.html, html_to_docx(document.html, spec.title, document.version, document.created,
                                                     landscape="A4 landscape" in document.html))
    return made


def _number(mark: str) -> int:
    return int(mark.translate(str.maketrans(MARK_DIGITS, "0123456789")))


def _notes(html: str) -> dict[int, str]:
    """The PDF's numbered notes: mark -> the note's text without it."""
    notes = {}
    main = parse(html).find("main")
    stack = [main]
    while stack:
        node = stack.pop()
        for child in node.elements():
            if child.tag == "p" and "note" in child.classes:
                found = NOTE.match(" ".join(child.text().split()))
                if found:
                    notes[_number(found.group(1))] = found.group(2)
            stack.append(child)
    return notes


def _text(element) -> str:  # noqa: ANN001 - lxml element
    return " ".join("".join(t.text or "" for t in element.iter(f"{W}t")).split())


def _package(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_an_unconfirmed_figure_is_a_blank_with_a_word_footnote(documents) -> None:
    from lxml import etree

    html, docx = documents["01-ligums-ar-vecaku"]
    body = parse(html).find("main").text()
    assert re.search(f"no bāzes apmēra ______ EUR[{MARK_DIGITS}]", body), "the PDF marks the unconfirmed figure"
    package = _package(docx)
    assert "word/footnotes.xml" in package
    assert b'PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.' \
           b'wordprocessingml.footnotes+xml"' in package["[Content_Types].xml"]
    assert re.search(rb'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                     rb'Target="footnotes.xml"', package["word/_rels/document.xml.rels"])
    document = etree.fromstring(package["word/document.xml"])
    assert document.findall(f".//{W}footnoteReference"), "the blank's mark is a footnote reference"
    text = _text(document)
    assert "no bāzes apmēra ______ EUR" in text
    assert "bāzes apmērs vēl nav apstiprināts" not in text, "the note is no typed text in the body"
    assert not re.search(f"_[{MARK_DIGITS}]|EUR[{MARK_DIGITS}]", text), "no typed mark is left in the body"
    footnotes = etree.fromstring(package["word/footnotes.xml"])
    assert any("Tukšā vieta „______ EUR”: bāzes apmērs vēl nav apstiprināts" in _text(f)
               for f in footnotes.findall(f"{W}footnote"))


def test_word_numbers_the_footnotes_as_the_pdf_marks_them(documents) -> None:
    """In every document Word's footnote n (the n-th reference in the text) holds the PDF's note n, and the body has
    no typed note of a marked blank."""
    from lxml import etree

    checked = 0
    for doc_id, (html, docx) in documents.items():
        notes = _notes(html)
        marks = [_number(m) for m in MARK.findall(parse(html).find("main").text())]
        first = list(dict.fromkeys(marks))
        assert first == list(range(1, len(first) + 1)), f"{doc_id}: the PDF's marks in the order of the text"
        assert set(notes) == set(first), f"{doc_id}: every mark has its note"
        package = _package(docx)
        if not notes:
            assert "word/footnotes.xml" not in package, doc_id
            continue
        document = etree.fromstring(package["word/document.xml"])
        references = [int(r.get(f"{W}id")) for r in document.iter(f"{W}footnoteReference")]
        assert references == list(range(1, len(notes) + 1)), doc_id
        footnotes = {int(f.get(f"{W}id")): _text(f) for f in etree.fromstring(package["word/footnotes.xml"])}
        body = _text(document)
        for number, note in notes.items():
            assert footnotes[number].endswith(note), (doc_id, number)
            assert note[:60] not in body, f"{doc_id}: note {number} typed in the body"
        checked += 1
    assert checked >= 3  # the papers with citations' blanks (08, 09, 17, 18) and the contract with the base amount


def test_the_footnotes_part_is_valid_ooxml(documents, tmp_path) -> None:
    """word/footnotes.xml and the settings naming its separators are valid against the ECMA-376 schemas (Word
    opens the document without repair)."""
    from tests.ooxml.assertions import assert_opens_without_repair

    for doc_id in ("01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"):
        path = tmp_path / f"{doc_id}.docx"
        path.write_bytes(documents[doc_id][1])
        assert_opens_without_repair(path, ("word/footnotes.xml", "word/settings.xml", "word/document.xml"))
