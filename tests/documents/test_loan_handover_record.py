"""The loan-for-use contract (14) records the vehicle's handing over and its return (D217): an annex „Transportlīdzekļa
nodošanas-pieņemšanas akts” that the contract's clauses make an integral part and refer to, with two parts of the
same fields (date and time, place, odometer, fuel, condition and damage, keys and documents) and the signatures
of who hands over and who receives; no typed date. DOCX: Word numbering for the new clauses, repeated header rows
of the record's tables, each part's signatures kept with its rows."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.oxml.ns import qn

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.htmltree import parse
from generator.documents.registry import by_id
from tests.documents.conftest import normalise

LOAN = "14-patapinajuma-ligums"
ANNEX = "Pielikums. Transportlīdzekļa nodošanas-pieņemšanas akts"
PARTS = ("I daļa. Transportlīdzekļa nodošana Dienestam", "II daļa. Transportlīdzekļa atdošana Patapinātājam")
FIELDS = ("Datums un laiks", "Vieta (adrese)", "Odometra rādījums, km", "Degvielas līmenis tvertnē",
          "Atslēgas (skaits)", "Dokumenti, kas nodoti kopā ar transportlīdzekli",
          "transportlīdzekļa reģistrācijas apliecība", "obligātās civiltiesiskās apdrošināšanas (OCTA) polise",
          "Tehniskais stāvoklis un redzamie bojājumi")
DATE = re.compile(r"\d{2}\.\d{2}\.\d{4}")


@pytest.fixture(scope="module")
def loans(catalogue: Catalogue) -> dict[str, object]:
    """The loan contract of the first and the last pilot municipality (their party names differ): the document."""
    municipalities = catalogue.pilot_municipalities()
    return {m.id: render_municipality(catalogue, m, [by_id(LOAN)])[0] for m in (municipalities[0], municipalities[-1])}


def _clause_number(text: str, words: str) -> str:
    found = re.search(r"(\d+\.\d+\.) " + re.escape(words), text)
    assert found, words
    return found.group(1)


def test_the_contract_refers_to_its_handover_record_as_an_integral_part(loans: dict) -> None:
    for municipality, document in loans.items():
        text = normalise(parse(document.body).text())
        contract, found, annex = text.partition(ANNEX)
        assert found, municipality
        handover = _clause_number(contract, "Transportlīdzekļa nodošanu Dienestam un tā atdošanu Patapinātājam "
                                            "apliecina transportlīdzekļa nodošanas-pieņemšanas akts (šā līguma "
                                            "pielikums), kas ir līguma neatņemama sastāvdaļa")
        vehicle = _clause_number(contract, "Transportlīdzekļa dati un lietošanas noteikumi")
        # when it is handed over and returned, and who signs
        assert "ja izmantošanas periods sākas pirms vai pēc līguma parakstīšanas dienas" in contract
        assert "Akta katru daļu paraksta persona, kas transportlīdzekli nodod, un persona, kas to pieņem" in contract
        assert f"persona, kas {vehicle} punktā norādīta kā tiesīga transportlīdzekli izmantot" in contract
        assert "Dienests atdod transportlīdzekli Patapinātājam ne vēlāk kā izmantošanas perioda pēdējā dienā" in contract
        assert "kas nav ierakstīti akta I daļā, ieraksta akta II daļā" in contract
        assert f"Līgumam ir pielikums „Transportlīdzekļa nodošanas-pieņemšanas akts” ({handover} punkts)" in contract
        # the record names the clause that makes it a part of the contract and the clause of the vehicle's data
        assert f"Akts ir patapinājuma līguma neatņemama sastāvdaļa ({handover} punkts)" in annex
        assert f"tādi paši kā līguma {vehicle} punktā" in annex


def test_the_record_has_two_parts_with_the_same_fields_and_signatures_and_no_typed_date(loans: dict) -> None:
    for municipality, document in loans.items():
        annex = normalise(parse(document.body).text()).partition(ANNEX)[2]
        first, found, second = annex.partition(PARTS[1])
        assert found and PARTS[0] in first, municipality
        for part in (first.partition(PARTS[0])[2], second):
            for field in FIELDS:
                assert field in part, (municipality, field)
            assert part.count("Vārds, uzvārds") == 2 and part.count("Paraksts") == 2, municipality
        assert "Nodeva – Patapinātājs" in first and "Pieņēma – Dienesta vārdā" in first
        assert "Nodeva – Dienesta vārdā" in second and "Pieņēma – Patapinātājs" in second
        # the vehicle's data are the contract's blanks, the dates are written by hand
        assert "Transportlīdzekļa marka, modelis" in annex and "Valsts reģistrācijas numurs" in annex
        assert not DATE.search(annex), (municipality, DATE.findall(annex))
        # the head matches a detached page to its contract by the number written in (a blank date is for terms only)
        assert "Patapinājuma līguma Nr. ______ pielikums" in normalise(parse(document.body).text())


def test_docx_record_repeats_header_rows_keeps_signatures_and_numbers_clauses(loans: dict) -> None:
    document = next(iter(loans.values()))
    word = docx.Document(io.BytesIO(html_to_docx(document.html, document.spec.title, document.version,
                                                 document.created)))
    tables = [t for t in word.tables if t.rows and t.rows[0].cells[0].text.strip() == "Ziņas"]
    assert len(tables) == 2
    for table in tables:
        header = table.rows[0]._tr
        assert header.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    # each part's signature table cannot split, and what stands before it keeps with it
    signatures = [t for t in word.tables if t.rows and "Nodeva –" in t.rows[0].cells[0].text]
    assert len(signatures) == 2
    for table in signatures:
        for tr in table._tbl.findall(qn("w:tr")):
            assert tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None
        before = table._tbl.getprevious()
        while before is not None and before.tag == qn("w:p") and not "".join(before.itertext()).strip():
            before = before.getprevious()
        kept = before.findall(".//" + qn("w:keepNext"))
        assert kept, "the block before the signatures keeps with them"
    # the contract's handover clauses are Word list items, not typed numbers
    paragraphs = [p for p in word.paragraphs if p.text.startswith("Transportlīdzekļa nodošanu Dienestam")
                  or p.text.startswith("Akta katru daļu paraksta")]
    assert len(paragraphs) == 2
    for paragraph in paragraphs:
        assert paragraph._p.find(qn("w:pPr")).find(qn("w:numPr")) is not None
