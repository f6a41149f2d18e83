"""A reference to another clause ("9.2. punktā") is a Word REF field to a bookmark on that clause (audit33 F1,
D78): after an editor inserts or deletes a clause, Word's field update gives the clause's new number. The field
is wrapped in QUOTE, its cached result the number as the PDF prints it, which LibreOffice 7.4 shows as it is; the
ordinal dot follows the inner REF inside the QUOTE text, because Word's REF \\r drops the number's trailing period."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_format import NUMBERING_ID
from generator.documents.docx_writer import html_to_docx
from generator.documents.registry import by_id

DOCUMENTS = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule", "08-lemums-par-pieskirsanu")
_REF = re.compile(r"REF (_Ref\w+) \\r \\h")


def _docx(catalogue: Catalogue, doc_id: str) -> tuple[Document, str]:
    # made while the pilot ran: its procedures' clauses (and their references) are printed only then (D135)
    doc = render_municipality(catalogue, catalogue.municipality("ogre"), [by_id(doc_id)],
                              build_date=dt.date(2018, 11, 5))[0]
    return Document(io.BytesIO(html_to_docx(doc.html, doc.spec.title, doc.version, dt.date(2018, 11, 5)))), doc.html


def _list_numbers(docx: Document) -> dict[object, str]:
    """Each paragraph of the clause list with the number Word shows for it (levels "1.", "1.1.", "1.1.1.")."""
    counters = [0, 0, 0]
    numbers = {}
    for p in docx.element.body.iter(qn("w:p")):
        num_pr = p.pPr.numPr if p.pPr is not None else None
        if num_pr is None or num_pr.numId is None or num_pr.numId.val != NUMBERING_ID:
            continue
        level = num_pr.ilvl.val
        counters[level] += 1
        counters[level + 1:] = [0] * (2 - level)
        numbers[p] = "".join(f"{c}." for c in counters[:level + 1])
    return numbers


def _fields(docx: Document) -> list[tuple[object, str, str]]:
    """(paragraph, bookmark, cached result) of every reference field in the body."""
    found = []
    for p in docx.element.body.iter(qn("w:p")):
        runs = list(p.iter(qn("w:r")))
        for index, run in enumerate(runs):
            instruction = run.find(qn("w:instrText"))
            if instruction is None or not _REF.search(instruction.text):
                continue
            separate = next(i for i in range(index, len(runs)) if runs[i].find(qn("w:fldChar")) is not None
                            and runs[i].find(qn("w:fldChar")).get(qn("w:fldCharType")) == "separate")
            found.append((p, _REF.search(instruction.text).group(1), runs[separate + 1].find(qn("w:t")).text))
    return found


def _field_codes(docx: Document) -> list[str]:
    """The code of every outermost field in the body as Word reads it, each nested field's code in braces:
    ' QUOTE "{ REF _Ref2_2 \\r \\h }." '."""
    codes = []
    for p in docx.element.body.iter(qn("w:p")):
        depth, code, in_code = 0, "", False
        for run in p.iter(qn("w:r")):
            char = run.find(qn("w:fldChar"))
            kind = char.get(qn("w:fldCharType")) if char is not None else None
            instruction = run.find(qn("w:instrText"))
            if kind == "begin":
                depth += 1
                if depth == 1:
                    code, in_code = "", True
                elif in_code:
                    code += "{"
            elif kind == "separate" and depth == 1:
                codes.append(code)
                in_code = False
            elif kind == "end":
                depth -= 1
                if depth >= 1 and in_code:
                    code += "}"
                elif depth == 0 and in_code:
                    codes.append(code)
                    in_code = False
            elif instruction is not None and in_code:
                code += instruction.text
    return codes


def _bookmarked(docx: Document, name: str) -> object:
    starts = [b for b in docx.element.body.iter(qn("w:bookmarkStart")) if b.get(qn("w:name")) == name]
    assert len(starts) == 1, name
    paragraph = starts[0].getparent()
    ends = [e for e in paragraph.iter(qn("w:bookmarkEnd")) if e.get(qn("w:id")) == starts[0].get(qn("w:id"))]
    assert ends, name  # the bookmark spans the clause's own paragraph
    return paragraph


def test_every_reference_is_a_ref_field_to_the_bookmarked_clause_it_names(catalogue: Catalogue) -> None:
    seen = 0
    for doc_id in DOCUMENTS:
        docx, html = _docx(catalogue, doc_id)
        numbers = _list_numbers(docx)
        fields = _fields(docx)
        assert len(fields) == html.count('<span class="ref">') >= 1, doc_id
        # Word's REF \\r gives the clause number without its trailing period ("2.2"), so the ordinal dot stands
        # in the QUOTE text after the inner field's end, before the closing quote: Word prints "2.2." after F9
        codes = [c for c in _field_codes(docx) if "REF _Ref" in c]
        assert len(codes) == len(fields), doc_id
        for code, (_, bookmark, cached) in zip(codes, fields, strict=True):
            assert code == f' QUOTE "{{ REF {bookmark} \\r \\h }}." ', (doc_id, code)
            assert cached.endswith(".") and not cached.endswith(".."), (doc_id, cached)
        for paragraph, bookmark, cached in fields:
            target = _bookmarked(docx, bookmark)
            assert numbers[target] == cached, (doc_id, bookmark, cached)
            # the cached result reads right before any update, with the text around it ("9.2. punktā")
            text = "".join(t.text for t in paragraph.iter(qn("w:t")))
            assert re.search(rf"{re.escape(cached)} (punkt|nodaļ)", text), (doc_id, text)
            seen += 1
    assert seen >= 6


def test_a_clause_inserted_above_moves_the_referenced_number_and_the_field_follows(catalogue: Catalogue) -> None:
    """The auditor's edit (audit33 edit2.py): a clause inserted after 9.1 in 01 makes the old 9.2 the 9.3; the
    reference's bookmark stays on that clause, so Word's update prints 9.3."""
    docx, _ = _docx(catalogue, "01-ligums-ar-vecaku")
    [(_, bookmark, cached)] = [f for f in _fields(docx) if f[2].startswith("9.")]
    target = _bookmarked(docx, bookmark)
    numbers = _list_numbers(docx)
    above = next(p for p, n in numbers.items() if n == "9.1.")
    clause = copy.deepcopy(above)
    for start in clause.iter(qn("w:bookmarkStart")):
        start.getparent().remove(start)
    above.addnext(clause)
    assert cached == "9.2." and _list_numbers(docx)[target] == "9.3."
    assert _bookmarked(docx, bookmark) is target


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_prints_the_cached_number_with_its_ordinal_dot(catalogue: Catalogue, tmp_path: Path) -> None:
    """LibreOffice 7.4 would print a bare REF field to a numbered clause as "9.2 punktā"; inside QUOTE it prints
    the cached "9.2. punktā", the same text as the PDF (D78)."""
    from generator.recalc import convert, soffice

    if soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice vai pdftotext nav instalēts")
    import subprocess

    made = dt.date(2018, 11, 5)  # while the pilot runs: its procedures (the project team's clause) are in the papers
    doc = render_municipality(catalogue, catalogue.municipality("ogre"), [by_id("01-ligums-ar-vecaku")],
                              build_date=made)[0]
    source = tmp_path / "01.docx"
    source.write_bytes(html_to_docx(doc.html, doc.spec.title, doc.version, made))
    [pdf] = convert([source], tmp_path / "pdf", to="pdf")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "projekta komandu 9.2. punktā noteiktajā apjomā" in text
