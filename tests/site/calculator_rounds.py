"""A test catalogue with several children's rounds whose prices differ, and the prices and parameters the reference
gives a plan in it: those of the matrix issued for the plan's round (D61).

The catalogue copy adds to the real one (fictional test data):

* ``berni-2018-pavasaris`` – services 01.01.2018–30.06.2018, before the catalogue knows every parameter: its
  matrix cannot be issued, a plan in it is checked against the newest round's matrix (``prices_not_in_force``);
* ``berni-2021`` – services 01.01.2021–31.12.2021, the newest round; the base amount B changes on its first
  service day (3 300 EUR) and again on 01.04.2021 (3 400 EUR), so its first prices hold only until 31.03.2021: a
  plan starting before that day and running past it gets ``prices_not_in_force``, one starting on or after it gets
  the prices of 01.04.2021 (the matrix `ibm matrix --day` issues for it, D63, D186).

The pilot round ``berni-2018`` keeps its own prices day (01.10.2018, B = 3 000 EUR), valid until 31.12.2020.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.catalogue.catalogue import Catalogue, Offer
from generator.catalogue.models import Pilot
from generator.reference.params import Params
from generator.reference.rounds import period_holding
from generator.workbook.issue_days import day_covering
from generator.workbook.writer import template_date
from tests.round_yaml import catalogue_with_rounds

TEST_ROUNDS = (
    ("berni-2018-pavasaris", "Testa kārta bērniem bez zināmām cenām (izdomāta)", dt.date(2018, 1, 1), dt.date(2018, 6, 30)),
    ("berni-2021", "Testa kārta bērniem ar cenu maiņu (izdomāta)", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
)
BASE_CHANGES = ((dt.date(2021, 1, 1), "3300.00"), (dt.date(2021, 4, 1), "3400.00"))


def rounds_catalogue(folder: Path) -> Catalogue:
    return catalogue_with_rounds(folder, TEST_ROUNDS, BASE_CHANGES)


def priced_for(catalogue: Catalogue, start: dt.date) -> tuple[Params, dict[str, Offer]]:
    """The parameters and offers of the matrix a plan starting on ``start`` is checked with: the one `ibm matrix
    --day` issues for ``start`` (issue_days.day_covering: the latest issue day of its round not after it – the
    round's first service day or a change inside its services, D61, D63, D186) when a round's reporting period holds
    ``start`` and the catalogue knows that round's prices, otherwise the newest round's (the default matrix,
    ``template_date``)."""
    by_id = {r.id: r for r in catalogue.rounds_of(Pilot.children)}
    period = period_holding(catalogue.children_reporting_periods(), start)
    day = template_date(catalogue)
    if period is not None:
        try:
            Params.from_catalogue(catalogue, by_id[period.round_id].services_start)
            day = day_covering(catalogue, start)
        except LookupError:
            pass
    return Params.from_catalogue(catalogue, day), {o.id: o for o in catalogue.offers(day)}
