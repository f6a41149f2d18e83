"""The month columns of a child's papers: a plan that starts after the 1st of a month heads its first column
with the days the plan holds of that month ("15.–31.10.2018"), the other months "MM.GGGG" (audit10 F13, D93), and
no cell beside it gives a figure "mēnesī" as if that month were whole: the frequency is "pēc grafika" (audit12)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.month_labels import month_labels
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.writing import render_child
from generator.ministry.matrix import ChildData
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise


def test_a_plan_from_the_first_has_whole_months() -> None:
    assert month_labels(dt.date(2018, 10, 1), 3) == ["10.2018", "11.2018", "12.2018"]
    assert month_labels(dt.date(2018, 12, 1), 2) == ["12.2018", "01.2019"]


def test_a_plan_from_mid_month_names_the_days_of_its_first_month() -> None:
    assert month_labels(dt.date(2019, 2, 15), 2) == ["15.–28.02.2019", "03.2019"]
    assert month_labels(dt.date(2020, 2, 3), 1) == ["03.–29.02.2020"]
    assert month_labels(dt.date(2018, 12, 20), 2) == ["20.–31.12.2018", "01.2019"]
    assert month_labels(dt.date(2019, 1, 31), 2) == ["31.01.2019", "02.2019"]  # one day: a date


def _child(catalogue: Catalogue, period_start: dt.date, day: dt.date):
    """The child of a sample matrix with one market-priced line of 3 sessions in each of 2 months from
    ``period_start``, made on ``day``; with the offer of that line and the reference's outcome."""
    prices_day = template_date(catalogue)
    market = next(o for o in catalogue.offers(prices_day) if o.prefill_price is None and o.service.unit == "reize")
    inputs = WorkbookInputs(birth_date=dt.date(2012, 5, 1), period_start=period_start, months=2,
                            special_care=False, impairment="multipli", base=Decimal("3100.00"),
                            lines=(line_from_offer(market, 6, unit_price=Decimal(20), planned_units=(3, 3)),))
    params = Params.from_catalogue(catalogue, prices_day)
    outcome = evaluate_workbook(inputs, params)
    reading = MatrixReading(Path("paraugs.xlsx"), "paraugs",
                            data=ChildData("ogre", "Anna Paraugs", "010512-20000", "multipli", prices_day, inputs),
                            params=params, outcome=outcome, parent_name="Pēteris Paraugs",
                            providers={market.label: "SIA Viens"})
    return build(reading, catalogue, pseudonymous=False, day=day), market, outcome


def test_the_papers_head_the_first_month_with_its_days(catalogue: Catalogue) -> None:
    child, market, outcome = _child(catalogue, dt.date(2018, 10, 15), dt.date(2018, 10, 1))
    assert outcome.errors == 0
    texts = {d.spec.id: normalise(re.sub(r"<[^>]+>", " ", d.html))
             for d in render_child(catalogue, catalogue.municipality("ogre"), child, template_date(catalogue), False,
                                   build_day=dt.date(2018, 10, 1))}
    for doc_id in ("01-ligums-ar-vecaku", "02-ligums-ar-sniedzeju-1", "03-garantijas-vestule-1"):
        assert re.search(r"Pakalpojums 15\.–31\.10\.2018 11\.2018", texts[doc_id]), doc_id
        assert " 10.2018 " not in texts[doc_id], doc_id
    for doc_id in ("02-ligums-ar-sniedzeju-1", "03-garantijas-vestule-1"):
        # 3 units in each column, but the first is half a month: the frequency is the schedule, not a rate
        assert f"{market.label} " in texts[doc_id] and " pēc grafika " in texts[doc_id], doc_id
        assert "reizes mēnesī" not in texts[doc_id], doc_id
    assert [line.frequency for line in child.lines] == ["pēc grafika"]


def test_the_same_plan_from_the_first_keeps_its_monthly_frequency(catalogue: Catalogue) -> None:
    child, _, _ = _child(catalogue, dt.date(2018, 10, 1), dt.date(2018, 9, 20))
    assert [line.frequency.replace("\u00a0", " ") for line in child.lines] == ["3 reizes mēnesī"]
