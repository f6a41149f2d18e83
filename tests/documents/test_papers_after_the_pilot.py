"""Papers made with no running round – here in 2026, after the pilot round (berni-2018) ended – as PDF text:

- audit35a F3 (D129, D135): they call the programme and its round neutrally („programma”, „kārta”) in the title and
  in the clauses, never „izmēģinājumprojekts”: their blanks ask for a running round, which is not the pilot;
- audit35a F5: the price annex does not date a source the catalogue cannot show in force on the prices day (a blank
  price, an act not known in force): a heading over such rows only names no day, and the row's source is a blank
  with a numbered note (D337: no „jāprecizē” on a signed page; the catalogue's sources on the preparer's page).
The pilot's own papers (made while it ran) keep the pilot's wording."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.pdf_writer import write_pdf
from generator.documents.registry import DOCUMENTS

pytestmark = pytest.mark.slow

AFTER = dt.date(2026, 12, 5)
DURING = dt.date(2018, 9, 20)
WANTED = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju")


def _pdf_texts(catalogue: Catalogue, build_date: dt.date, folder: Path) -> dict[str, str]:
    specs = [s for s in DOCUMENTS if s.id in WANTED]
    texts = {}
    for document in render_municipality(catalogue, catalogue.municipality("talsi"), specs, build_date=build_date):
        pdf = write_pdf(document.html, folder / f"{document.spec.id}-{build_date.year}.pdf")
        texts[document.spec.id] = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                                 check=True).stdout
    return texts


@pytest.fixture(scope="module")
def after(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _pdf_texts(catalogue, AFTER, tmp_path_factory.mktemp("after-pilot"))


def test_no_pilot_words_after_the_pilot_ended(after: dict[str, str]) -> None:
    contract = after["01-ligums-ar-vecaku"]
    assert "Līgums par dalību programmā un individuālā budžeta saņemšanu" in contract
    for doc, text in after.items():
        assert "izmēģinājumprojekt" not in text.lower(), doc


def test_the_pilot_keeps_its_words_while_it_runs(catalogue: Catalogue, tmp_path: Path) -> None:
    during = _pdf_texts(catalogue, DURING, tmp_path)
    assert "Līgums par dalību izmēģinājumprojektā" in during["01-ligums-ar-vecaku"].replace("\n", " ")


def test_the_price_annex_dates_no_unconfirmed_source(after: dict[str, str]) -> None:
    annex = after["02-ligums-ar-sniedzeju"]
    annex = annex[annex.index("Pielikums. Augstākās pieļaujamās cenas"):]
    signed, preparer = annex.split("Norādījumi sagatavotājam", 1)
    flat = " ".join(signed.split())
    assert "avoti uz" not in flat  # every price here is a blank: no source is dated
    # D337: no status word on the signed pages; each unconfirmed source is a blank with one numbered note
    assert "jāprecizē" not in flat
    assert "Nr. 313" not in flat and "LM deleģēšanas līgums" not in flat
    # the table ends where the price blank's footnote is printed (a footnote at its mark's page, D369)
    table = flat[:re.search(r"[¹²³⁴⁵⁶⁷⁸⁹]+ Tukšā vieta „______ EUR”: cenu ieraksta", flat).start()]
    rows = table.split(" EUR")[:-1]
    # the sources' mark: numbered in the text's order, after the letterhead's and the clauses' marks
    source = re.search(r"______([¹²³⁴⁵⁶⁷⁸⁹]+)", rows[0]).group(1)
    assert len(rows) > 5 and all(f"______{source}" in row for row in rows), rows
    mark = re.search(rf"{source} Tukšā vieta ailē „Avots”: ieraksta dokumentu \(normatīvo aktu, deleģēšanas līgumu vai "
                     r"Labklājības ministrijas noteikumus par kārtu\), kas pakalpojuma sniegšanas dienā nosaka tā "
                     r"augstāko cenu, ar dokumenta datumu un numuru\.", flat)
    assert mark is not None, flat
    # the sources the catalogue names, and the doubt, are the preparer's
    sheet = " ".join(preparer.split())
    number = source.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
    assert f"Tukšā vieta ar piezīmi Nr. {number}. Rīkkopa nevar apstiprināt, ka katalogā minētais avots ir spēkā" in sheet
    assert "noteikumi Nr. 313" in sheet and "LM deleģēšanas līgums ar Latvijas Neredzīgo biedrību" in sheet


def test_the_price_annex_source_blank_is_a_word_footnote(catalogue: Catalogue) -> None:
    """D337 in the DOCX: the source blanks refer to one Word footnote holding the note; no „jāprecizē” in the act."""
    spec = next(s for s in DOCUMENTS if s.id == "02-ligums-ar-sniedzeju")
    document = render_municipality(catalogue, catalogue.municipality("talsi"), [spec], build_date=AFTER)[0]
    package = html_to_docx(document.html, document.spec.title, document.version, document.created)
    with zipfile.ZipFile(io.BytesIO(package)) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
        notes = re.sub(r"<[^>]+>", "", docx.read("word/footnotes.xml").decode("utf-8"))
    annex = body[body.index("Pielikums. Augstākās pieļaujamās cenas"):]
    cells = re.findall(r"<w:tc>.*?</w:tc>", annex[:annex.index("</w:tbl>")], re.S)
    sources = [c for c in cells if "______" in c and "EUR" not in c]
    assert len(sources) > 5
    assert all("w:footnoteReference" in c or "NOTEREF" in c for c in sources), sources[0]
    assert "Tukšā vieta ailē „Avots”: ieraksta dokumentu" in notes
    assert "jāprecizē" not in re.sub(r"<[^>]+>", "", annex.split("Piezīme sagatavotājam")[0])
