"""What the papers read as confirmed on their own day (D291, D296): a value the matrix has as „jāprecizē” and that the
catalogue's entry in force on the papers' day confirms at the same number is printed in them as a confirmed figure –
B, a 6.8 ceiling, and the group ceiling and its transport part that D275's reminder reads. So a ceiling's „Cenas
griesti nav apstiprināti” warning is not listed with them (parskats.txt and the screen) either; a confirmation that
a later entry withdraws, or a value changed since, leaves the blank and the warning. A value confirmed on the
matrix's own day and withdrawn at the same number by the papers' day is a blank too, its ceiling with the warning
(D302)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import NamedTuple

from generator.catalogue.catalogue import Catalogue, Offer
from generator.catalogue.models import PriceStatus
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.signing import with_note
from generator.reference.ceilings_on_day import (
    CEILING_WARNING,
    CeilingsOnDay,
    group_open_on,
    named_open_on_day,
    named_withdrawn_by_day,
)
from generator.reference.findings import Finding
from generator.reference.plan_changes import (
    confirmed_by,
    confirmed_prices,
    items_withdrawn_by,
    items_withdrawn_since,
)

__all__ = ["CEILING_WARNING", "PapersStatuses", "papers_offers", "papers_warnings"]


class PapersStatuses(NamedTuple):
    """The statuses the papers print: whether the matrix's B counts as confirmed, the matrix's 6.8 offers by id with
    every ceiling so confirmed marked confirmed, and the ids of the catalogue prices so confirmed."""

    base_confirmed: bool
    offers: dict[str, Offer]
    prices: frozenset[str]


def papers_offers(catalogue: Catalogue, params_day: dt.date, day: dt.date | None) -> PapersStatuses:
    """The statuses on ``day`` (default: the system date), the day the papers are made, of the matrix's („jāprecizē”
    on ``params_day``) B, 6.8 ceilings and prices: confirmed when the entry in force that day confirms the same
    number (D291, D296). The one place every part of the papers reads them from."""
    on = day or dt.date.today()
    base_since, items_since = confirmed_by(catalogue, params_day, on)
    # a ceiling confirmed on ``params_day`` and „jāprecizē” again at the same number on ``on``: a blank (D302)
    withdrawn = items_withdrawn_since(catalogue, params_day, on)
    return PapersStatuses(base_since,
                          {o.id: replace(o, ceiling_status=PriceStatus.confirmed) if o.id in items_since
                           else replace(o, ceiling_status=PriceStatus.to_verify) if o.id in withdrawn else o
                           for o in catalogue.offers(params_day)},
                          confirmed_prices(catalogue, params_day, on))


def papers_warnings(reading: MatrixReading, catalogue: Catalogue, day: dt.date | None = None) -> list[Finding]:
    """``reading.warnings`` as of ``day`` (default: the system date), the day the papers are made (ceilings_on_day.py,
    the rule collect uses too): without a ceiling warning whose every line's 6.8 row is confirmed by then, with a
    ceiling confirmed on the matrix's day and withdrawn at the same number by then warned of with its day and price
    cell (D302) – also when the matrix marks the row itself (D319) –, and a ceiling withdrawn on or before the
    matrix's own day (inside a withdrawal's gap) not „vēl jāprecizē” but withdrawn, from its day, as collect says it
    (ceilings_on_day.named_withdrawn_by_day, D342). A warning so renamed keeps its place in the matrix: it is added
    to ``reading.warning_places`` under its new text."""
    data = reading.data
    if data is None:
        return list(reading.warnings)
    on = day or dt.date.today()
    found = CeilingsOnDay.of(catalogue, data.params_day, on).warnings(reading.warnings, data.inputs.lines)
    kept = named_withdrawn_by_day(found.kept, data.inputs.lines, items_withdrawn_by(catalogue, data.params_day))
    # a group session's reason as of the papers' day: a group parameter confirmed since is no longer named (D368)
    kept = named_open_on_day(kept, data.inputs.lines, group_open_on(catalogue, data.params_day, on))
    for before, after in zip(found.kept, kept, strict=True):
        if after is not before and before in reading.warning_places:
            reading.warning_places[after] = reading.warning_places[before]
    where = reading.ceiling_places
    return kept + [replace(f, message=with_note(f.message, where[f.lines[0]])) if where.get(f.lines[0]) else f
                   for f in found.added]
