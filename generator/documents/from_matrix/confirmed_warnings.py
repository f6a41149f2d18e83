"""The recomputed plan's warnings as the papers state them (D291): a ceiling that the matrix has as „jāprecizē” and
that the catalogue has confirmed at the same number by the papers' day is printed in them as a confirmed figure, so
its „Cenas griesti nav apstiprināti” warning is not listed with them (parskats.txt and the screen) either."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.catalogue.catalogue import Catalogue, Offer
from generator.catalogue.models import PriceStatus
from generator.documents.from_matrix.reading import MatrixReading
from generator.reference.findings import Finding
from generator.reference.plan_changes import confirmed_by

CEILING_WARNING = "ceiling_unconfirmed"  # reference/rules.py check_unconfirmed_ceilings


def papers_offers(catalogue: Catalogue, params_day: dt.date, day: dt.date | None) -> tuple[bool, dict[str, Offer]]:
    """Whether the catalogue has confirmed the matrix's unconfirmed B at the same amount by ``day`` (default: the
    system date), the day the papers are made, and the matrix's 6.8 offers by id with every ceiling so confirmed by
    then marked confirmed (D291): the statuses the papers print."""
    base_since, items_since = confirmed_by(catalogue, params_day, day or dt.date.today())
    return base_since, {o.id: replace(o, ceiling_status=PriceStatus.confirmed) if o.id in items_since else o
                        for o in catalogue.offers(params_day)}


def papers_warnings(reading: MatrixReading, catalogue: Catalogue, day: dt.date | None = None) -> list[Finding]:
    """``reading.warnings`` without a ceiling warning whose every line's 6.8 row is confirmed by ``day`` (default:
    the system date), the day the papers are made – the statuses of papers_offers, as context.build gives them."""
    data = reading.data
    if data is None:
        return list(reading.warnings)
    _, offers = papers_offers(catalogue, data.params_day, day)
    lines = data.inputs.lines

    def still_unconfirmed(index: int) -> bool:
        offer = offers.get(lines[index].offer_id or "") if index < len(lines) else None
        return offer is None or offer.ceiling_unconfirmed

    return [f for f in reading.warnings
            if f.code != CEILING_WARNING or not f.lines or any(still_unconfirmed(i) for i in f.lines)]
