"""The parent contract made from a matrix: its annex clause lists exactly the annexes attached, with their
numbers; every page of an annex names the annex and the child's identification code, a blank without a
pseudonym (a caption row repeated with the table header, PDF and DOCX); the plan list gives the service name
room (no 4–5-line names)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.catalogue.catalogue import Catalogue
from generator.documents.docx_writer import write_docx
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from generator.documents.pdf_writer import write_pdf
from generator.workbook.writer import SIGNED, template_date
from tests.documents.conftest import act_pages
from tests.documents.from_matrix_helpers import docx_text
from tests.documents.test_from_matrix_context import _reading

pytestmark = pytest.mark.slow
LINES = 30
MARKET_PRICE = Decimal("20")  # an offer the catalogue gives no price (a market price)
MIN_LINES = 15  # enough for the plan list to continue on a second page


@pytest.fixture(scope="module")
def contract(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict[str, object]:
    """The 01 contract (DOCX and PDF) of a child whose plan holds the catalogue's first offers: the
    plan list and the amounts run over several pages."""
    folder = tmp_path_factory.mktemp("docfix-contract-annexes")
    offers = catalogue.offers(template_date(catalogue))[:LINES]
    reading = _reading(catalogue, {o.id: o.prefill_price or MARKET_PRICE for o in offers}, {})
    child = build(reading, catalogue, pseudonymous=False)
    assert len(child.lines) >= MIN_LINES
    documents = render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False,
                             build_day=dt.date(2018, 1, 1))
    document = next(d for d in documents if d.spec.id == "01-ligums-ar-vecaku")
    docx = write_docx(document.html, folder / "01.docx", document.spec.title, document.version, document.created)
    pdf = write_pdf(document.html, folder / "01.pdf")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    return {"code": child.code, "docx": docx, "pages": act_pages([p for p in pages if p.strip()])}


def _annex_headings(path) -> list[tuple[str, str]]:  # noqa: ANN001 - a Path
    """(number, title) of each "N. pielikums. Title" heading of the document."""
    found = [re.match(r"(\d+)\. pielikums\. (.+)", p.text.strip()) for p in Document(str(path)).paragraphs]
    return [(m.group(1), m.group(2).strip()) for m in found if m]


def test_the_annex_clause_lists_exactly_the_annexes_attached_with_their_numbers(contract) -> None:
    text = docx_text(contract["docx"])
    clause = text.split("Līgumam ir šādi pielikumi", 1)[1].split("Līgumu un tā pielikumus sagatavo", 1)[0]
    listed = re.findall(r"(\d+)\. pielikums „([^”]+)”", clause)
    attached = _annex_headings(contract["docx"])
    assert listed and [(n, t.strip()) for n, t in listed] == attached
    assert [n for n, _ in listed] == [str(i) for i in range(1, len(listed) + 1)]
    # the parent's application on providers is an annex too (L1047, L1057), signed by the parent alone and made
    # as its own document (05), so it is named after the numbered list of the annexes attached here
    # named as form 05 names itself (audit45 F15)
    assert ("Arī Vecāka iesniegums par pakalpojumu sniedzēju izvēli (veidlapa 05; IBM matricas 6.9. "
            "tabula)") in clause
    assert all("6.9" not in title for _, title in listed)
    # each annex the parent signs is a signed table of the matrix: 6.4 is the unsigned working calculation whose
    # signed form is 6.5 (audit9 F2)
    cited = re.findall(r"(6\.\d+)\.", " ".join(re.findall(r"\(IBM matricas ([^)]*)\)", clause)))
    assert cited and set(cited) <= set(SIGNED), cited


def test_every_annex_page_names_the_annex_and_the_child(contract) -> None:
    pages = contract["pages"]
    first = next(i for i, p in enumerate(pages) if re.search(r"^\s*1\. pielikums\. Atbalsta", p, re.M))
    annex_pages = pages[first:]
    assert len(annex_pages) > 3, "vajag pielikumu, kas turpinās nākamajā lapā"
    for number, page in enumerate(annex_pages, start=first + 1):
        head = "\n".join(line for line in page.splitlines() if line.strip())
        if "Paraksts" in head and "pielikums" not in head.split("Paraksts", 1)[0]:
            continue  # the signatures of an annex alone would fail the signing layout tests anyway
        assert re.search(r"\d\. pielikums\. Atbalsta plāna [IV]+ daļa", head), f"lapa {number}"
        # the same identification as 02, 03 and 05: the pseudonym, or a blank without one (never the file name)
        assert "Bērna identifikācijas kods: ______" in re.sub(r"\s+", " ", head), f"lapa {number}"


def test_docx_repeats_the_caption_row_with_the_column_headers(contract) -> None:
    document = Document(str(contract["docx"]))
    captions = 0
    for tbl in document.element.body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        first = "".join(t.text or "" for t in rows[0].iter(qn("w:t")))
        if "Bērna identifikācijas kods:" not in first:
            continue
        captions += 1
        assert "______" in first and "pielikums" in first
        for row in rows[:2]:
            assert row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None, first
        grid = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
        assert len(set(grid)) > 1, "the caption row must not make the columns equal"
    assert captions == 3


def test_the_service_column_is_the_widest_of_the_plan_list(contract) -> None:
    document = Document(str(contract["docx"]))
    for tbl in document.element.body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        headers = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in rows[1].findall(qn("w:tc"))] \
            if len(rows) > 1 else []
        if "Saņēmējs" in headers and "Joma" in headers:
            grid = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
            service, recipient = grid[headers.index("Pakalpojums")], grid[headers.index("Saņēmējs")]
            assert service == max(grid) and service > 2 * recipient and service > sum(grid) / 5
            return
    pytest.fail("nav plāna saraksta (6.3. tabula)")
