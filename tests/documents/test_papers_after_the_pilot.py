"""Papers made with no running round – here in 2026, after the pilot round (berni-2018) ended – as PDF text:

- audit35a F3 (D129, D135): they call the programme and its round neutrally („programma”, „kārta”) in the title and
  in the clauses, never „izmēģinājumprojekts”: their blanks ask for a running round, which is not the pilot;
- audit35a F5: the price annex does not date a source the catalogue cannot show in force on the prices day (a blank
  price, an act not known in force): the row says „avots jāprecizē” and a heading over such rows only names no day.
The pilot's own papers (made while it ran) keep the pilot's wording."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
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
    flat = " ".join(annex.split())
    assert "(avots jāprecizē)" in flat
    assert "avoti uz" not in flat  # every price here is a blank: no source is dated
    assert "Norāde „avots jāprecizē” ailē „Avots” nozīmē" in flat  # on the preparer's page
    # each row that names the 2015 ESF regulation carries the status
    table = flat[:flat.index("Piezīme.")]
    rows = table.split("Ministru kabineta 2015. gada 16. jūnija noteikumi Nr. 313")[1:]
    assert rows and all("(avots jāprecizē)" in row.split(" EUR")[0] for row in rows), len(rows)
