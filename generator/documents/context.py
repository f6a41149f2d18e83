"""Template data for one municipality: every number, date and name a document shows, from the catalogue.

Values are taken on ``catalogue.latest_date`` so that a build is reproducible; money, shares and dates are
already formatted the Latvian way (generator.lvformat), so templates never format numbers themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality, Pilot, PilotInfo, PriceStatus

_MONEY = {"base_amount"}
_SHARES = {"rate_full", "rate_reduced", "transport_share_max", "indirect_cost_rate", "expert_weight",
           "parent_weight"}
_PLAIN = {"period_months_max", "first_period_months", "full_rate_max_age", "eligibility_age_limit",
          "social_worker_children", "monthly_report_day", "quarterly_report_day",
          "application_forward_working_days", "decision_working_days", "contract_term_months"}


class Params(Mapping[str, str]):
    """Programme parameters in force on one day, formatted for a Latvian reader.

    A name that is not a formatted parameter raises KeyError, which Jinja's StrictUndefined turns into a
    loud render failure instead of a silent blank.
    """

    def __init__(self, catalogue: Catalogue, day: dt.date) -> None:
        values: dict[str, str] = {}
        for name in sorted(_MONEY | _SHARES | _PLAIN):
            value = getattr(catalogue.programme, name).at(day).value
            if name in _MONEY:
                values[name] = lvformat.eur(value)
            elif name in _SHARES:
                values[name] = lvformat.percent(Decimal(value))
            else:
                values[name] = str(value)
        self._values = values

    def __getitem__(self, key: str) -> str:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


@dataclass(frozen=True)
class OfferRow:
    label: str
    unit: str
    regime: str
    ceiling: str  # formatted amount, or "" when the item has no ceiling
    to_verify: bool


def _pilot(catalogue: Catalogue) -> PilotInfo:
    for info in catalogue.municipalities.pilots:
        if info.id is Pilot.children:
            return info
    raise LookupError("katalogā (rounds.yaml) nav nevienas bērnu programmas kārtas")


def _offer_rows(catalogue: Catalogue, day: dt.date) -> list[OfferRow]:
    units = {u.id: u.name_lv for u in catalogue.enums.units}
    rows = []
    for offer in catalogue.offers(day):
        if offer.ceiling is None:
            continue
        rows.append(
            OfferRow(
                label=offer.label,
                unit=units.get(offer.service.unit, offer.service.unit),
                regime=catalogue.enums.regimes[offer.service.regime],
                ceiling=lvformat.eur(offer.ceiling),
                to_verify=offer.ceiling_status is PriceStatus.to_verify,
            )
        )
    return rows


def shared_context(catalogue: Catalogue) -> dict[str, Any]:
    """What every document of every municipality shares."""
    day = catalogue.latest_date
    pilot = _pilot(catalogue)
    return {
        "version": catalogue.version,
        "created": day,
        "today": lvformat.date(day),
        "param": Params(catalogue, day),
        "pilot": {
            "name": pilot.name_lv,
            "start": lvformat.date(pilot.start),
            "end": lvformat.date(pilot.end),
            "services_start": lvformat.date(pilot.services_start or pilot.start),
            "services_end": lvformat.date(pilot.services_end or pilot.end),
        },
        "project": {"number": catalogue.municipalities.project.number,
                    "name": catalogue.municipalities.project.name_lv},
        "areas": [{"number": a.number, "name": a.name_lv} for a in catalogue.enums.support_areas],
        "impairments": [i.name_lv for i in catalogue.enums.impairments],
        "offers": _offer_rows(catalogue, day),
    }


def municipality_context(municipality: Municipality) -> dict[str, Any]:
    return {
        "pasvaldiba": {
            "id": municipality.id,
            "name": municipality.name_lv,
            "social_service": municipality.social_service,
            "address": municipality.address,
            "region": municipality.region,
        }
    }
