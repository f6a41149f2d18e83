"""A child's decision to refuse (17) names the social worker of the matrix (6.1) under "Sagatavoja", as the
decision to grant (08) does (audit10 F6); without a name in the matrix the line stays a blank."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.writing import render_child
from generator.ministry.matrix import ChildData
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise

REFUSAL = "17-lemums-par-atteikumu"
DAY = dt.date(2019, 2, 15)


def _refusal_text(catalogue: Catalogue, social_worker: str) -> str:
    """The refusal's text for a person already 18 on the plan's check date (not eligible)."""
    day = template_date(catalogue)
    offers = {o.id: o for o in catalogue.offers(day)}
    market = next(o.id for o in offers.values() if o.prefill_price is None)
    inputs = WorkbookInputs(birth_date=dt.date(2000, 9, 1), period_start=dt.date(2018, 10, 1), months=2,
                            special_care=False, impairment="multipli", base=Decimal("3100.00"),
                            lines=(line_from_offer(offers[market], 10, unit_price=Decimal(20), planned_units=(5, 5)),))
    params = Params.from_catalogue(catalogue, day)
    outcome = evaluate_workbook(inputs, params)
    reading = MatrixReading(Path("paraugs.xlsx"), "paraugs",
                            data=ChildData("ogre", "Anna Paraugs", "010900-20000", "multipli", day, inputs),
                            params=params, outcome=outcome, parent_name="Pēteris Paraugs",
                            providers={ln.label: "SIA Viens" for ln in inputs.lines})
    reading.social_worker = social_worker
    reading.not_eligible = next(f.message for f in outcome.findings if f.code == "not_eligible")
    child = build(reading, catalogue, pseudonymous=False, day=DAY)
    [refusal] = [d for d in render_child(catalogue, catalogue.municipality("ogre"), child, day, False,
                                         build_day=DAY) if d.spec.id == REFUSAL]
    return normalise(re.sub(r"<[^>]+>", " ", refusal.html))


def test_the_refusal_names_the_matrix_social_worker_under_prepared_by(catalogue: Catalogue) -> None:
    text = _refusal_text(catalogue, "Ieva Piemēra")
    prepared = text.split("Sagatavoja (sociālais darbinieks)")[1]
    assert re.match(r"\s*Vārds, uzvārds: Ieva Piemēra\b", prepared), prepared[:80]
    # the official's column keeps its blank name line
    official = prepared.split("Dienesta vadītājs vai pilnvarotā persona")[1]
    assert "Ieva Piemēra" not in official and re.match(r"\s*Vārds, uzvārds\s+Amats", official), official[:80]


def test_without_a_name_in_the_matrix_the_line_is_left_to_fill(catalogue: Catalogue) -> None:
    prepared = _refusal_text(catalogue, "").split("Sagatavoja (sociālais darbinieks)")[1]
    assert re.match(r"\s*Vārds, uzvārds\s+Paraksts", prepared), prepared[:80]
