"""What a reader sees in the PDF: a note ("Piezīme. Tukšā vieta …") stays on the page of the clause it
explains (02 printed clause 3.1 at the foot of page 1 and its note alone at the top of page 2)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.pdf_writer import write_pdf
from generator.documents.registry import DOCUMENTS

# The documents whose notes follow clauses near a page's foot.
WITH_NOTES = ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju", "03-garantijas-vestule", "08-lemums-par-pieskirsanu",
              "14-patapinajuma-ligums")


@pytest.mark.parametrize("municipality_id", ["valmiera", "jelgava"])
def test_no_page_starts_with_a_note(tmp_path: Path, catalogue: Catalogue, municipality_id: str) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext nav instalēts (poppler-utils)")
    specs = [s for s in DOCUMENTS if s.id in WITH_NOTES]
    for document in render_municipality(catalogue, catalogue.municipality(municipality_id), specs):
        pdf = write_pdf(document.html, tmp_path / f"{document.spec.id}.pdf")
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        for number, page in enumerate(text.split("\f")[1:-1], 2):
            assert not page.strip().startswith("Piezīme."), f"{document.spec.id} lapa {number} sākas ar piezīmi"
