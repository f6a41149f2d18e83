"""What a plan uses that the catalogue changes after the matrix's prices day (D61, D63).

A matrix carries the prices and parameters in force on its prices day. A plan is priced with them only while nothing
it USES changes: the price or ceiling of an item it plans (the item's 6.8 row: ceiling, its status and the prefilled
price – the group ceiling and its transport part reach a group session's row), a parameter that enters every plan's
amounts (PLAN_PARAMETERS: B, the rates and the age of the full one, the age limit, the two priority weights that
order the funding, the period's months – the parameters 6.11 carries), or the transport limit when the plan has
transport and the limit binds its round (D287). A change of anything else – another item's price, a report day, a
quota – does not touch the plan, and does not refuse it.

``catalogue_changes`` lists them from the catalogue (the matrix writes the same days into 6.8 and 6.11);
``first_change`` picks the earliest one a plan uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Catalogue

# The programme parameters that enter every plan's amounts or checks (the matrix's 6.11 carries each of them):
# P = rate × B, the rate by age (full_rate_max_age) and eligibility (eligibility_age_limit), the priority score that
# orders the funding (expert_weight, parent_weight), the period's months. first_period_months only adds a reminder to
# the papers, the others (report days, quotas, the social worker's children, …) no plan amount at all.
PLAN_PARAMETERS = ("base_amount", "rate_full", "rate_reduced", "full_rate_max_age", "eligibility_age_limit",
                   "expert_weight", "parent_weight", "period_months_max")
# The transport share's limit: it binds only a plan with transport, and only in a round that confirms it (D287)
TRANSPORT_PARAMETER = "transport_share_max"


@dataclass(frozen=True)
class PlanChange:
    """One change after the matrix's prices day that a plan may use: from ``day`` the catalogue has another value.

    ``what``: Latvian, as the error names it („pakalpojuma „2.1 Pavadoņa pakalpojums (stunda)” cena”).
    ``items``: the 6.8 items (1.1.1g, 2.1) whose row changes; None for a parameter. ``transport``: the transport
    limit (a plan with transport, where the limit binds). A parameter with neither: every plan uses it."""

    day: dt.date
    what: str
    items: frozenset[str] | None = None
    transport: bool = False

    @property
    def until(self) -> dt.date:
        """The last day the matrix's value holds."""
        return self.day - dt.timedelta(days=1)


def parameter_what(names: list[str]) -> str:
    """„programmas parametrs „…”” or „programmas parametri „…”, „…”” (their catalogue names)."""
    quoted = ", ".join(f"„{n}”" for n in names)
    return f"programmas parametrs {quoted}" if len(names) == 1 else f"programmas parametri {quoted}"


# The price of one 6.8 item, by its label: „pakalpojuma „2.1 Pavadonis” cena” (the matrix joins its label between)
ITEM_WHAT = ("pakalpojuma „", "” cena")


def item_what(label: str) -> str:
    """The price of one 6.8 item, by its label (ITEM_WHAT)."""
    return f"{ITEM_WHAT[0]}{label}{ITEM_WHAT[1]}"


def catalogue_changes(catalogue: Catalogue, day: dt.date) -> tuple[PlanChange, ...]:
    """The first change after ``day`` of the plan parameters (one, naming each parameter that changes then), of the
    transport limit, and of each 6.8 item's row (in 6.8 order); none for what the catalogue does not change."""
    later = sorted({d for d in catalogue.effective_dates() if d > day})
    prog = catalogue.programme

    def param(name: str, on: dt.date) -> tuple[Any, Any]:
        value = getattr(prog, name).at(on)
        return value.value, getattr(value, "status", None)

    def first_param_change(names: Iterable[str]) -> tuple[dt.date, list[str]] | None:
        for on in later:
            changed = [n for n in names if param(n, on) != param(n, day)]
            if changed:
                return on, [getattr(prog, n).name_lv for n in changed]
        return None

    result: list[PlanChange] = []
    if (found := first_param_change(PLAN_PARAMETERS)) is not None:
        result.append(PlanChange(found[0], parameter_what(found[1])))
    if (found := first_param_change((TRANSPORT_PARAMETER,))) is not None:
        result.append(PlanChange(found[0], parameter_what(found[1]), transport=True))

    def row(offer: Any) -> tuple[Any, ...]:  # what 6.8 shows of the item: ceiling, its status, the prefilled price
        return offer.ceiling, offer.ceiling_status, offer.prefill_price

    offers = catalogue.offers(day)
    base = {o.id: row(o) for o in offers}
    found_on: dict[str, dt.date] = {}
    for on in later:
        for offer in catalogue.offers(on):
            if offer.id in base and offer.id not in found_on and row(offer) != base[offer.id]:
                found_on[offer.id] = on
        if len(found_on) == len(base):
            break
    result.extend(PlanChange(found_on[o.id], item_what(o.label), items=frozenset({o.id}))
                  for o in offers if o.id in found_on)
    return tuple(result)


def item_until(changes: Iterable[PlanChange]) -> dict[str, dt.date]:
    """The last day each changing item's 6.8 row holds (the matrix's hidden 6.8 column)."""
    return {item: c.until for c in changes if c.items for item in c.items}


def first_change(changes: Iterable[PlanChange], items: Iterable[str] | None, transport: bool) -> PlanChange | None:
    """The earliest change the plan uses: a parameter of every plan, the transport limit if ``transport`` (the plan
    has transport and the limit binds), the row of an item in ``items`` (None: every item – a caller without
    the plan's lines). On one day the first in order (parameters, transport, 6.8's order), as the matrix names it."""
    planned = None if items is None else frozenset(items)
    used = [c for c in changes
            if (c.items is None and (transport or not c.transport))
            or (c.items is not None and (planned is None or c.items & planned))]
    return min(used, key=lambda c: c.day) if used else None
