"""`ibm documents --from-matrix` on a plan with a line that has a service and a provider but 0 units (audit33b F10):
the line gets no priority and no money, so the papers leave it out, while the matrix's signed 6.3 prints it. The
annexes number the other lines with their 6.3 rows, as the console and parskats.txt name them (its row's number is
missing in the annexes), and the console and parskats.txt's "Pirms parakstīšanas pārbaudiet:" name the left-out
line."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.reference.lines import line_from_offer
from generator.workbook.inputs import People
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import docx_tables, write_matrices
from tests.ministry.factory import Child, two_line_inputs

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("pdf_stand_ins")]  # PDFs: which are made, not their text
PHYSIO, WORKSHOP, MARKET = "3.1.1i", "3.1.3i", "3.1.2i"
PEOPLE = People(child_name="Žanete Paraugs", child_code="010512-29876", parent_name="Pēteris Paraugs",
                social_worker="Līga Piemēra",
                providers={PHYSIO: "SIA Kustību Paraugs", WORKSHOP: 'SIA "Runas Paraugs"', MARKET: "SIA Ergo Paraugs"})
BUILD_DAY = "01.01.2018"  # before the plan period: nothing has ended
HEADING = "Pirms parakstīšanas pārbaudiet:"


def test_a_line_of_0_units_is_named_and_the_annexes_keep_the_rows_numbers(catalogue: Catalogue,
                                                                         tmp_path: Path) -> None:
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    inputs = two_line_inputs(catalogue, (PHYSIO, 10, Decimal(20)), (MARKET, 10, Decimal(20)))
    zero = line_from_offer(offers[WORKSHOP], 0, unit_price=Decimal(20), planned_units=(0, 0))
    inputs = dataclasses.replace(inputs, lines=(inputs.lines[0], zero, inputs.lines[1]))
    child = Child(0, "valmiera", PEOPLE, inputs)
    assert child.result(catalogue).errors == 0
    matrix = write_matrices(catalogue, tmp_path, [child])[0].path
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["documents", "--from-matrix", str(matrix), "--out", str(out),
                                       "--day", BUILD_DAY], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert result.exit_code == 0, result.output
    folder = out / matrix.stem
    label = offers[WORKSHOP].label
    line = (f"6.3. tabulas 2. rinda ({label}, sniedzējs SIA „Runas Paraugs”): daudzums periodā ir 0, tāpēc "
            "dokumentos šīs rindas nav (pielikumos tās numurs izlaists) – ja pakalpojums ir paredzēts, ierakstiet "
            "daudzumu matricā un izveidojiet dokumentus vēlreiz, ja nav – izdzēsiet rindu matricā")
    said = [normalise(text) for text in result.output.splitlines() if "6.3. tabulas 2. rinda" in text]
    assert len(said) == 1 and said[0].endswith(line), result.output
    report = (folder / "parskats.txt").read_text("utf-8")
    section = report.split(f"\n{HEADING}\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert f"  - {line[0].upper()}{line[1:]}" in section, report
    # annex 1 of the parent contract: the lines with their 6.3 rows' numbers, the 0-unit line left out
    tables = docx_tables(folder / "01-ligums-ar-vecaku.docx")
    rows = [row for table in tables for row in table if row and row[0].rstrip(".").isdigit()
            and any(offers[item].label in cell for cell in row for item in (PHYSIO, MARKET, WORKSHOP))]
    numbers = {(row[0], item) for row in rows for item in (PHYSIO, MARKET, WORKSHOP) if offers[item].label in row}
    assert ("1.", PHYSIO) in numbers and ("3.", MARKET) in numbers, rows
    assert not [n for n, item in numbers if item == WORKSHOP or n == "2."], rows
    texts = [cell for table in tables for row in table for cell in row]
    paragraphs = "\n".join(p.text for p in docx.Document(str(folder / "01-ligums-ar-vecaku.docx")).paragraphs)
    assert "Nr. – rindas numurs atbalsta plāna I daļā (IBM matricas 6.3. tabulā)" in paragraphs + "\n".join(texts)
