"""`ibm documents --from-matrix` with a group session while the group ceiling is not confirmed (audit10 F3, D22): the
ceiling is the DI unit cost minus the client transport part, which the catalogue still has as "jāprecizē", so the
line's price cannot be checked against it – the worker reads so on the console and in parskats.txt under „Pirms
parakstīšanas pārbaudiet:”, and the matrix counts the same warning."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.documents.from_matrix.run import run
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import template_date
from tests.documents.from_matrix_helpers import clean, write_matrices
from tests.ministry.factory import Child, params

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("pdf_stand_ins")]
GROUP, INDIVIDUAL = "3.1.1g", "3.1.2i"
PEOPLE = People(child_name="Anna Paraugs", child_code="140512-20001", parent_name="Pēteris Paraugs",
                social_worker="Līga Piemēra", providers={GROUP: "SIA Kustību Paraugs", INDIVIDUAL: "SIA Ergo Paraugs"})
HEADING = "Pirms parakstīšanas pārbaudiet:"


def test_a_group_session_under_an_unconfirmed_group_ceiling_is_a_warning_before_signing(
        catalogue: Catalogue, tmp_path: Path) -> None:
    day = template_date(catalogue)
    ceiling, status = catalogue.group_ceiling(day)
    assert ceiling is not None and status is not PriceStatus.confirmed  # the client transport part is "jāprecizē"
    offers = {o.id: o for o in catalogue.offers(day)}
    start = params(catalogue).reporting_periods[0].start
    lines = (line_from_offer(offers[GROUP], 4, unit_price=ceiling, planned_units=(2, 2)),
             line_from_offer(offers[INDIVIDUAL], 4, unit_price=Decimal(20), planned_units=(2, 2)))
    inputs = WorkbookInputs(birth_date=dt.date(start.year - 6, 5, 1), period_start=start, months=2,
                            special_care=False, impairment="multipli", lines=lines, base=Decimal("3000.00"))
    child = Child(0, "ogre", PEOPLE, inputs)
    result = child.result(catalogue)
    # B typed as the catalogue's unconfirmed B is a warning of its own (audit33b F2, D257)
    assert result.errors == 0 and [f.code for f in result.findings] == ["base_differs", "ceiling_unconfirmed"]
    matrix = write_matrices(catalogue, tmp_path, [child])[0].path
    said: list[str] = []
    summary = run(matrix, tmp_path / "out", catalogue, None, draft=False, echo=said.append, err=said.append,
                  pdf=False, today=dt.date(2018, 1, 1))
    assert summary.made == 1, said  # a warning: the papers are made, the worker checks the price
    label = offers[GROUP].label
    warned = [clean(line) for line in said if "pārbaudiet pirms parakstīšanas" in line and label in line]
    assert len(warned) == 1 and "cenas griesti nav apstiprināti" in warned[0], said
    assert "grupu nodarbībai, klienta transporta daļa" in warned[0]
    # the note is part of the sentence, before its full stop – no bracket after it (audit12)
    # … and where it is seen: 6.8's price cell of the item and 6.11's row of the check (places.py)
    line = (f"1. rinda ({label}): cenas griesti nav apstiprināti (katalogā vēl jāprecizē normatīvajā aktā vai līgumā "
            "noteiktā cena vai, grupu nodarbībai, klienta transporta daļa, ko atskaita no augstākās cenas); "
            "pārbaudiet, vai sniedzēja cena tos nepārsniedz (6.8. tabula, ")
    # nothing in the matrix approves an unconfirmed ceiling: no "(matricā nav apstiprināts)" (audit19 F27)
    assert "matricā nav apstiprināts" not in warned[0]
    assert f"pārbaudiet pirms parakstīšanas: {line}" in warned[0], warned[0]
    assert f"„Sniedzēja cena, EUR par vienību”, pakalpojums „{label}”; 6.11. tabulas " in warned[0], warned[0]
    assert warned[0].endswith(". rinda)."), warned[0]
    line = warned[0].split("pārbaudiet pirms parakstīšanas: ", 1)[1]
    assert not any(offers[INDIVIDUAL].label in line and "griesti" in line for line in said)
    report = (summary.folders[0] / "parskats.txt").read_text(encoding="utf-8")
    section = report.split(HEADING, 1)[1]
    assert f"\n  - {line}\n" in section
