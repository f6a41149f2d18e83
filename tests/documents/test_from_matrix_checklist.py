"""parskats.txt's checklist before the decision to refuse gives the one reason that applies, in the decision's own
sentence with the dates, never an either/or of the age and the birth after the check date (audit17 F10)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.checklist import before_signing
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.reading import MatrixReading
from generator.ministry.matrix import ChildData
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date

DAY = dt.date(2018, 12, 1)


def _checklist(catalogue: Catalogue, birth: dt.date) -> str:
    day = template_date(catalogue)
    market = next(o for o in catalogue.offers(day) if o.prefill_price is None)
    inputs = WorkbookInputs(birth_date=birth, period_start=dt.date(2018, 10, 1), months=2, special_care=False,
                            impairment="multipli", base=Decimal("3100.00"),
                            lines=(line_from_offer(market, 10, unit_price=Decimal(20), planned_units=(5, 5)),))
    params = Params.from_catalogue(catalogue, day)
    outcome = evaluate_workbook(inputs, params)
    reading = MatrixReading(Path("paraugs.xlsx"), "paraugs",
                            data=ChildData("ogre", "Anna Paraugs", "010900-20000", "multipli", day, inputs),
                            params=params, outcome=outcome, parent_name="Pēteris Paraugs")
    reading.not_eligible = next(f.message for f in outcome.findings if f.code == "not_eligible")
    return "\n".join(before_signing(build(reading, catalogue, pseudonymous=False, day=DAY)))


def test_the_age_reason_is_the_one_that_applies(catalogue: Catalogue) -> None:
    text = _checklist(catalogue, dt.date(2001, 6, 1))
    assert "dzimšanas datums ir 01.06.2001" in text and "vēl nav 18 gadu" in text, text
    assert "pilngadīgs, vai" not in text and "nebija dzimis" not in text, text


def test_a_child_born_after_the_check_date_is_told_so(catalogue: Catalogue) -> None:
    text = _checklist(catalogue, dt.date(2018, 11, 1))
    assert "Bērns ir dzimis 01.11.2018, tātad pēc pārbaudes datuma" in text, text
    assert "pilngadīgs" not in text and "kārtas pēdējā dienā" not in text, text
