"""`ibm documents --from-matrix`: a plan not as long as its round's first plan (first_period_months, L2148, D127) gets
one reminder on the console and in parskats.txt's "Pirms parakstīšanas pārbaudiet:" list – the matrix cannot know
whether it is the child's first plan; a plan of exactly that length gets none."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import template_date
from tests.documents.from_matrix_helpers import write_matrices
from tests.ministry.factory import Child, params, personal_code

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("pdf_stand_ins")]  # PDFs: which are made, not their text
MARKET = "3.1.2i"
PEOPLE = People(child_name="Žanete Paraugs", child_code="010512-29876", parent_name="Pēteris Paraugs",
                social_worker="Līga Piemēra", providers={MARKET: "SIA Ergo Paraugs"})
BUILD_DAY = "01.01.2018"  # before the plan period: nothing has ended
HEADING = "Pirms parakstīšanas pārbaudiet:"
REMINDER = "kārtas pirmais atbalsta plāns ilgst {first} mēnešus"


def _child(catalogue: Catalogue, index: int, months: int) -> Child:
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    start = params(catalogue).reporting_periods[0].start
    line = line_from_offer(offers[MARKET], 2 * months, unit_price=Decimal(20), planned_units=(2,) * months)
    inputs = WorkbookInputs(birth_date=dt.date(start.year - 6, 5, 1), period_start=start, months=months,
                            special_care=False, impairment="multipli", lines=(line,), base=Decimal("3000.00"))
    # two children: one child's two matrices with overlapping periods would be refused together (D144)
    people = PEOPLE if index == 0 else dataclasses.replace(PEOPLE, child_name="Ance Paraugs", child_code=personal_code(
        random.Random(index), inputs.birth_date, {PEOPLE.child_code}))
    return Child(index, "ogre", people, inputs)


@pytest.mark.parametrize("longer", [False, True])
def test_a_plan_of_another_length_than_the_rounds_first_plan_gets_one_reminder(catalogue: Catalogue, tmp_path: Path,
                                                                               longer: bool) -> None:
    first = params(catalogue).first_period_months
    assert catalogue.rounds_of("bērni")[0].id == "berni-2018" and first == 5  # the pilot's rule (L2148)
    months = 6 if longer else 2
    other, same = write_matrices(catalogue, tmp_path, [_child(catalogue, 0, months), _child(catalogue, 1, first)])
    run = CliRunner().invoke(main, ["documents", "--from-matrix", str(other.path.parent), "--out", str(tmp_path / "out"),
                                    "--day", BUILD_DAY], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert run.exit_code == 0, run.output
    reminder = REMINDER.format(first=first)
    on_screen = [line for line in run.output.splitlines() if reminder in line]
    assert len(on_screen) == 1, run.output
    assert other.path.stem in on_screen[0] and "pārbaudiet pirms parakstīšanas: plāna ilgums ir " \
        f"{months} mēneši, bet {reminder}" in on_screen[0]
    report = (tmp_path / "out" / other.path.stem / "parskats.txt").read_text("utf-8")
    section = report.split(f"\n{HEADING}\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line for line in section if reminder in line] == [
        f"  - Plāna ilgums ir {months} mēneši, bet {reminder} (to min līgums ar vecāku, 01-ligums-ar-vecaku): "
        "matrica nezina, vai šis ir bērna pirmais plāns kārtā – ja ir, pārbaudiet, vai Labklājības ministrija šādu "
        "ilgumu pieļauj"]
    assert reminder not in (tmp_path / "out" / same.path.stem / "parskats.txt").read_text("utf-8")
