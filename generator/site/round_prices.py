"""The prices and parameters each children's round's matrix carries (D61), for the site's pages and calculator.

A matrix issued for a round carries what is in force on the round's first service day and holds it until the day
before the catalogue's next change (``Params.prices_until``). The site shows these per round, so that a price
page never presents a later catalogue price as the matrix's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.catalogue.catalogue import Catalogue, Offer
from generator.catalogue.models import Pilot, Round
from generator.reference.params import Params


@dataclass(frozen=True)
class RoundPrices:
    """One children's round and, when the catalogue knows them on its first service day, its matrix's parameters
    and offers (None otherwise: no matrix can be issued for it)."""

    round: Round
    params: Params | None
    offers: tuple[Offer, ...] | None

    @property
    def day(self) -> dt.date:
        return self.round.services_start

    @property
    def until(self) -> dt.date | None:
        return None if self.params is None else self.params.prices_until

    def offers_of(self, service_id: str) -> list[Offer]:
        return [o for o in self.offers or () if o.service.id == service_id]


def round_prices(catalogue: Catalogue, round_: Round) -> RoundPrices:
    try:
        params = Params.from_catalogue(catalogue, round_.services_start)
        offers = tuple(catalogue.offers(round_.services_start))
    except LookupError:
        return RoundPrices(round_, None, None)
    return RoundPrices(round_, params, offers)


def children_round_prices(catalogue: Catalogue) -> list[RoundPrices]:
    """Every children's round in order of its services, with its matrix's prices."""
    return [round_prices(catalogue, r) for r in catalogue.rounds_of(Pilot.children)]
