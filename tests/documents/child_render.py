"""A fictional child's papers rendered as HTML text without writing files (render_child): the clause tests of
the parent contract, the provider papers and the grant decision (audit10) read them."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.context import ChildContext, build
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.writing import render_child
from generator.ministry.matrix import ChildData
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise

DAY = dt.date(2018, 9, 20)
PROVIDER = "Biedrība „ABA Piemērs”"


def text(html: str) -> str:
    return normalise(re.sub(r"<[^>]+>", " ", html))


def child_html(catalogue: Catalogue, units: int, *, pseudonymous: bool = False, start: dt.date = dt.date(2018, 10, 1),
               **inputs: object) -> tuple[ChildContext, dict[str, str]]:
    """A fictional child (9 years, 70 %) in Madona with one market-priced session line of ``units`` sessions at
    25,00 EUR over two months from 01.10.2018, made on 20.09.2018; ``inputs``: the matrix's base (default the
    ministry's 3 100,00, not the catalogue's) and final amounts, other sources; ``start``: another first day of
    the plan. Returns the context and each document's HTML."""
    day = template_date(catalogue)
    offer = next(o for o in catalogue.offers(day) if o.prefill_price is None and o.service.unit == "reize")
    line = line_from_offer(offer, units, unit_price=Decimal("25.00"), expert_rank=1, parent_rank=1,
                           planned_units=(units // 2, units - units // 2))
    values = {"base": Decimal("3100.00"), **inputs}
    data_inputs = WorkbookInputs(birth_date=dt.date(2009, 3, 2), period_start=start, months=2,
                                 special_care=False, impairment="multipli", lines=(line,), **values)
    params = Params.from_catalogue(catalogue, day)
    data = ChildData("madona", "Ģirts Paraugs", "020309-20005", "multipli", day, data_inputs)
    reading = MatrixReading(Path("paraugs.xlsx"), "B-0C92186DF5F4" if pseudonymous else "paraugs", data=data,
                            params=params, outcome=evaluate_workbook(data_inputs, params),
                            parent_name="Žanete Piemēra", providers={line.label: PROVIDER})
    assert reading.outcome.errors == 0
    child = build(reading, catalogue, pseudonymous=pseudonymous, day=DAY)
    documents = render_child(catalogue, catalogue.municipality("madona"), child, day, False, build_day=DAY)
    return child, {d.spec.id: d.html for d in documents}
