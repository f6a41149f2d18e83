"""The price annex of a child's provider contract (02) and guarantee letter (03) lists the ceilings of the services
the contract pays for: the provider's lines the IB funds (D102). A group session the IB gives nothing (N > A, the
lowest priority) is not in 02 §2.2, so its group ceiling is not in the annex either (audit33b F8)."""

from __future__ import annotations

import dataclasses
import datetime as dt
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

GROUP, INDIVIDUAL = "3.1.1g", "3.16i"  # a market-priced group session, a service whose price an act sets
DAY = dt.date(2018, 9, 1)  # before the plan: nothing has ended
GROUP_HEADING = "grupu nodarbībām"


def _papers(catalogue: Catalogue, group_funded: bool) -> dict[str, str]:
    """The child's 02 and 03 text (one provider, an individual and a group line), the group line funded or not."""
    day = template_date(catalogue)
    offers = {o.id: o for o in catalogue.offers(day)}
    plan = (line_from_offer(offers[INDIVIDUAL], 4, unit_price=Decimal(20), planned_units=(2, 2)),
            line_from_offer(offers[GROUP], 4, unit_price=Decimal(10), planned_units=(2, 2)))
    inputs = WorkbookInputs(birth_date=dt.date(2012, 5, 1), period_start=dt.date(2018, 10, 1), months=2,
                            special_care=False, impairment="multipli", lines=plan, base=Decimal("3100.00"),
                            benefits=Decimal(0))
    params = Params.from_catalogue(catalogue, day)
    outcome = evaluate_workbook(inputs, params)
    reading = MatrixReading(Path("paraugs.xlsx"), "paraugs", data=ChildData("ogre", "Anna Paraugs", "010512-20000",
                                                                             "multipli", day, inputs),
                            params=params, outcome=outcome, parent_name="Pēteris Paraugs",
                            providers={line.label: "SIA Viens" for line in plan})
    reading.not_eligible = None
    child = build(reading, catalogue, pseudonymous=False, day=DAY)
    (provider,) = child.providers
    assert {line.offer_id for line in provider.lines} == {GROUP, INDIVIDUAL}
    if not group_funded:  # as the reference leaves it when A runs out before the group line's priority
        provider.lines = [dataclasses.replace(line, ib_value=Decimal(0), ib_confirmed=True)
                          if line.offer_id == GROUP else line for line in provider.lines]
    documents = render_child(catalogue, catalogue.municipality("ogre"), child, day, False, build_day=DAY)
    return {d.spec.id[:2]: normalise(d.text if hasattr(d, "text") else d.body) for d in documents
            if d.spec.id[:2] in ("02", "03")}


def test_the_annex_lists_a_group_ceiling_only_for_a_funded_group_line(catalogue: Catalogue) -> None:
    funded = _papers(catalogue, group_funded=True)
    unfunded = _papers(catalogue, group_funded=False)
    for paper in ("02", "03"):
        assert GROUP_HEADING in funded[paper].split("Augstākās pieļaujamās cenas", 1)[1], paper
        annex = unfunded[paper].split("Augstākās pieļaujamās cenas", 1)[1]
        assert GROUP_HEADING not in annex and "klienta transporta daļ" not in annex, paper
        assert "3.16 Latviešu zīmju valodas apmācība" in annex, paper  # the funded line's ceiling stays
