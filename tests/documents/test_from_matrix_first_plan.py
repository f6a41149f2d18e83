"""`ibm documents --from-matrix`: a plan not as long as its round's first plan (first_period_months, L2148, D127) gets
one reminder on the console and in parskats.txt's "Pirms parakstīšanas pārbaudiet:" list; a plan of exactly that
length gets none. A plan within the round's first reporting period is certainly the child's first (D151): the
reminder and the contract's 4.5 say so (audit33b F6); a later plan's reminder says the matrix cannot know."""

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


def _child(catalogue: Catalogue, index: int, months: int, period: int = 0) -> Child:
    offers = {o.id: o for o in catalogue.offers(template_date(catalogue))}
    start = params(catalogue).reporting_periods[period].start
    line = line_from_offer(offers[MARKET], 2 * months, unit_price=Decimal(20), planned_units=(2,) * months)
    inputs = WorkbookInputs(birth_date=dt.date(start.year - 6, 5, 1), period_start=start, months=months,
                            special_care=False, impairment="multipli", lines=(line,), base=Decimal("3100.00"))
    # two children: one child's two matrices with overlapping periods would be refused together (D144)
    people = PEOPLE if index == 0 else dataclasses.replace(PEOPLE, child_name="Ance Paraugs", child_code=personal_code(
        random.Random(index), inputs.birth_date, {PEOPLE.child_code}))
    return Child(index, "ogre", people, inputs)


# (months, the reporting period the plan starts with): the round's first service day (01.10.2018, the first
# period's start) with 6 or 2 months; the second period's start with 2 months
CASES = [(6, 0), (2, 0), (2, 1)]
DEFINITE = ("šis ir bērna pirmais atbalsta plāns kārtā (tas sākas {start}, kārtas pirmajā pārskata periodā), un tā "
            "ilgums ir {months} mēneši, bet {reminder} (metodikas noteikums; līgums ar Vecāku, 01-ligums-ar-vecaku, min "
            "tikai šā plāna periodu un mēnešus) – pārbaudiet, vai Labklājības ministrija šādu ilgumu pieļauj")
HEDGE = ("plāna ilgums ir {months} mēneši, bet {reminder} (metodikas noteikums; līgums ar Vecāku, 01-ligums-ar-vecaku, "
         "min tikai šā plāna periodu un mēnešus): "
         "matrica nezina, vai šis ir bērna pirmais plāns kārtā – ja ir, pārbaudiet, vai Labklājības ministrija šādu "
         "ilgumu pieļauj")


@pytest.mark.parametrize(("months", "period"), CASES)
def test_a_plan_of_another_length_than_the_rounds_first_plan_gets_one_reminder(catalogue: Catalogue, tmp_path: Path,
                                                                               months: int, period: int) -> None:
    first = params(catalogue).first_period_months
    assert catalogue.rounds_of("bērni")[0].id == "berni-2018" and first == 5  # the pilot's rule (L2148)
    other, same = write_matrices(catalogue, tmp_path, [_child(catalogue, 0, months, period),
                                                       _child(catalogue, 1, first)])
    run = CliRunner().invoke(main, ["documents", "--from-matrix", str(other.path.parent), "--out", str(tmp_path / "out"),
                                    "--day", BUILD_DAY], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert run.exit_code == 0, run.output
    reminder = REMINDER.format(first=first)
    start = params(catalogue).reporting_periods[period].start.strftime("%d.%m.%Y")
    wanted = (DEFINITE if period == 0 else HEDGE).format(start=start, months=months, reminder=reminder)
    on_screen = [line for line in run.output.splitlines() if reminder in line]
    assert len(on_screen) == 1, run.output
    assert other.path.stem in on_screen[0] and f"pārbaudiet pirms parakstīšanas: {wanted}" in on_screen[0]
    report = (tmp_path / "out" / other.path.stem / "parskats.txt").read_text("utf-8")
    section = report.split(f"\n{HEADING}\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line for line in section if reminder in line] == [f"  - {wanted[0].upper()}{wanted[1:]}"]
    assert reminder not in (tmp_path / "out" / same.path.stem / "parskats.txt").read_text("utf-8")
