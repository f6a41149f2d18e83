"""A footnote mark used twice in one document (R12-3): the PDF prints the same mark at both blanks and one note; in
the DOCX the first use is the footnote's reference and every later use is Word's cross-reference to that footnote's
number (a bookmark round the first reference and a NOTEREF field in the footnote reference style), not a typed mark
that Word would not number. No current document uses a mark twice (the catalogue's papers stay byte-identical, checked
by hand when this was made); the document here is made up with the citations' own marks (legal.Citations)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents import figures, legal
from generator.documents.docx_writer import html_to_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARK_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
DAY = dt.date(2026, 12, 2)


def _made_up_html(catalogue: Catalogue) -> str:
    """A paper whose unconfirmed base amount is cited twice (mark ¹ at both blanks) with another blank (²) between."""
    citations = legal.citations(catalogue, DAY)
    base = figures.money(None, None, "bāzes apmēru nosaka Labklājības ministrija")
    price = figures.money(None, None, "stundas cenu nosaka pašvaldība")
    body = (f"<p>Provizoriskais apmērs ir 100 % no bāzes apmēra {citations.figure(base)} bērnam.</p>"
            f"<p>Vienas stundas cena ir {citations.figure(price)} stundā.</p>"
            f"<p>Galīgais apmērs nepārsniedz 130 % no bāzes apmēra {citations.figure(base)} bērnam.</p>")
    notes = "".join(f'<p class="note">{note}</p>' for note in citations.notes())
    return f"<html><head></head><body><main><h1>Izmēģinājuma lēmums</h1>{body}{notes}</main></body></html>"


@pytest.fixture(scope="module")
def made_up(catalogue: Catalogue) -> tuple[str, bytes]:
    html = _made_up_html(catalogue)
    assert html.count(f"______ EUR{MARK_DIGITS[1]}") == 2, "the made-up paper uses mark ¹ twice"
    return html, html_to_docx(html, "Izmēģinājuma lēmums", "2023-04-01+e78c04f8.10", DAY)


def _parts(docx: bytes):  # noqa: ANN202 - lxml elements
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return (etree.fromstring(package.read("word/document.xml")),
                etree.fromstring(package.read("word/footnotes.xml")))


def test_a_mark_used_again_refers_to_the_one_footnote(made_up) -> None:
    _, docx = made_up
    document, footnotes = _parts(docx)
    notes = [f for f in footnotes.findall(f"{W}footnote") if f.get(f"{W}type") is None]
    texts = ["".join(t.text or "" for t in f.iter(f"{W}t")) for f in notes]
    assert len(notes) == 2, texts  # one footnote a mark, not one a use
    assert sum("bāzes apmēru nosaka" in t for t in texts) == 1, texts
    assert [r.get(f"{W}id") for r in document.iter(f"{W}footnoteReference")] == ["1", "2"]
    body = "".join(t.text or "" for t in document.iter(f"{W}t"))
    assert not re.search(f"[{MARK_DIGITS}]", body), "no mark is typed as text in the body"
    # the bookmark round footnote 1's reference, and the third paragraph's field naming it
    paragraphs = document.findall(f".//{W}body/{W}p")
    first = next(p for p in paragraphs if "100 %" in "".join(t.text or "" for t in p.iter(f"{W}t")))
    start = first.find(f"{W}bookmarkStart")
    assert start is not None
    name = start.get(f"{W}name")
    reference = start.getnext()
    assert reference.find(f"{W}footnoteReference").get(f"{W}id") == "1"
    assert reference.getnext().tag == f"{W}bookmarkEnd"
    assert reference.getnext().get(f"{W}id") == start.get(f"{W}id")
    assert name.startswith("_Ref"), "a hidden bookmark, as Word's cross-references make"
    again = next(p for p in paragraphs if "130 %" in "".join(t.text or "" for t in p.iter(f"{W}t")))
    runs = again.findall(f"{W}r")
    instructions = [i.text for r in runs for i in r.findall(f"{W}instrText")]
    assert instructions == [f" NOTEREF {name} \\f \\h "]
    field = [r for r in runs if r.find(f"{W}fldChar") is not None or r.find(f"{W}instrText") is not None
             or (r.find(f"{W}t") is not None and r.find(f"{W}t").text == "1")]
    assert [c.get(f"{W}fldCharType") for r in field for c in r.findall(f"{W}fldChar")] == \
           ["begin", "separate", "end"]
    result = next(r for r in runs if r.find(f"{W}t") is not None and r.find(f"{W}t").text == "1")
    assert result.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"


def test_the_document_with_a_mark_used_again_is_valid_ooxml(made_up, tmp_path: Path) -> None:
    from tests.ooxml.assertions import assert_opens_without_repair

    path = tmp_path / "izmeginajums.docx"
    path.write_bytes(made_up[1])
    assert_opens_without_repair(path, ("word/document.xml", "word/footnotes.xml", "word/settings.xml"))


@pytest.mark.slow
@pytest.mark.libreoffice
def test_writer_prints_the_footnote_number_at_both_uses_and_one_note(calibri_metrics: None, made_up,
                                                                      tmp_path: Path) -> None:
    from generator.recalc import convert, soffice

    if soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice vai pdftotext nav instalēts: DOCX drukas tests izlaists")
    source = tmp_path / "izmeginajums.docx"
    source.write_bytes(made_up[1])
    [pdf] = convert([source], tmp_path / "writer", to="pdf")
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert any(re.search(r"100 % no bāzes apmēra ______ EUR ?1 bērnam", line) for line in lines), lines
    assert any(re.search(r"130 % no bāzes apmēra ______ EUR ?1 bērnam", line) for line in lines), lines
    assert any(re.search(r"______ EUR ?2 stundā", line) for line in lines), lines
    assert sum("bāzes apmēru nosaka Labklājības ministrija" in line for line in lines) == 1, lines
