"""`ibm documents --from-matrix` end to end on a matrix whose 6.8 names the case's own social service as the
provider of a line: exit 0, no 02/03 for it (only for the private provider), and one Latvian line on the console
and in parskats.txt saying that the Dienests provides it itself (D50)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.workbook.inputs import People
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import docx_text, write_matrices
from tests.documents.test_from_matrix_payee_command import _private, _run
from tests.ministry.factory import Child, two_line_inputs

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("pdf_stand_ins")]  # PDFs: which are made, not their text
ESCORT, MARKET = "2.1", "3.1.2i"
TYPED = "VALMIERAS sociālais  dienests"
PEOPLE = People(child_name="Žanete Paraugs", child_code="010512-29876", parent_name="Pēteris Paraugs",
                social_worker="Līga Piemēra", providers={ESCORT: TYPED, MARKET: "SIA Ergo Paraugs"})


def _child(catalogue: Catalogue) -> Child:
    inputs = two_line_inputs(catalogue, (ESCORT, 10, Decimal(5)), (MARKET, 10, Decimal(20)))
    child = Child(0, "valmiera", PEOPLE, inputs)
    assert child.result(catalogue).errors == 0
    return child


def test_the_own_social_service_gets_no_contract_with_itself(catalogue: Catalogue, tmp_path: Path) -> None:
    escort = {o.id: o.label for o in catalogue.offers(template_date(catalogue))}[ESCORT]
    matrix = write_matrices(catalogue, tmp_path, [_child(catalogue)])[0].path
    result = _run(matrix, tmp_path / "out")
    console = result.stdout + result.stderr
    assert result.returncode == 0, console
    line = (f"{escort} – sniedz pats Dienests ({TYPED}): līgumu ar sniedzēju un garantijas vēstuli iestāde "
            "nevar slēgt pati ar sevi, tāpēc tie nav izveidoti")
    assert f"1/1 {matrix.stem} ({matrix.as_posix()}): {line}\n" in result.stdout, console
    assert "Traceback" not in console and _private(console) == [], console
    folder = tmp_path / "out" / matrix.stem
    assert sorted(p.name for p in folder.glob("0[23]-*.pdf")) == [
        "02-ligums-ar-sniedzeju-2.pdf", "03-garantijas-vestule-2.pdf"]
    assert f"Piezīme: {line}\n" in (folder / "parskats.txt").read_text("utf-8")
    assert f"Atbalsta plāna pakalpojumu „{escort}” sniedz pats Dienests vai 1.1. punktā minētā pašvaldība" in \
        normalise(docx_text(folder / "01-ligums-ar-vecaku.docx"))
