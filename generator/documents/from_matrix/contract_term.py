"""Whether the parent contract already signed in the round still covers a next plan (D315, D323): 01's „Līguma
termiņš” makes it hold ``contract_term_months`` from its signing day, but not past the round's end, and the new plan's
annexes (01-pielikumi-esosajam-ligumam) are added to it. A contract signed on the round's first day – the earliest a
contract in it can be – or later may end before the plan does: the papers name the first signing day whose contract
still holds on the plan's last day, so that the worker knows when a new contract (01) is signed instead."""

from __future__ import annotations

import datetime as dt

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.documents.terms import contract_last_day, plan_round
from generator.reference.rounds import add_months


def covering_from(catalogue: Catalogue, round_id: str | None, plan_last_day: dt.date | None,
                  params_day: dt.date) -> dt.date | None:
    """The first signing day from which a parent contract still holds on ``plan_last_day`` (the plan's last day, not
    past its round's end), when a contract signed earlier in the round – on or after the round's first day – ends
    before it; None when every contract of the round holds it, or without a round, a day or a confirmed term (no
    figure the catalogue does not confirm)."""
    programme_round = plan_round(catalogue, round_id) if round_id is not None else None
    term = catalogue.programme.contract_term_months.at(params_day)
    if programme_round is None or plan_last_day is None or term.status is not PriceStatus.confirmed:
        return None
    months = int(term.value)
    # the first S whose contract holds the plan's last day (terms.contract_last_day, the one rule of a contract's end):
    # it grows with S, so walked from a few days before the same day ``months`` earlier (a month's end clamps it)
    first = add_months(plan_last_day, -months) - dt.timedelta(days=3)
    while contract_last_day(first, months) < plan_last_day:
        first += dt.timedelta(days=1)
    return first if first > programme_round.start else None
