"""Whether the parent contract already signed in the round still covers a next plan (D315, D323): 01's „Līguma
termiņš” makes it hold ``contract_term_months`` from its signing day, but not past the round's end, and the new plan's
annexes (01-pielikumi-esosajam-ligumam) are added to it. A contract signed on the round's first day – the earliest a
contract in it can be – or later may end before the plan does: the papers name the first signing day whose contract
still holds on the plan's last day, so that the worker knows when a new contract (01) is signed instead."""

from __future__ import annotations

import datetime as dt

from generator import lvformat
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


def later_plans_words(catalogue: Catalogue, round_id: str | None, plan_last_day: dt.date, params_day: dt.date,
                      round_gen: str) -> str:
    """For a plan that can only be the child's first in its round (D151): which later reporting periods' plans the
    contract signed for it can take as new annexes (01-pielikumi-esosajam-ligumam), by its signing day – the same rule
    as covering_from, per period (D327). "" when every contract of the round holds every later period, or without a
    round or a confirmed term. ``plan_last_day``: this plan's last day; ``round_gen``: the round in the genitive."""
    programme_round = plan_round(catalogue, round_id) if round_id is not None else None
    term = catalogue.programme.contract_term_months.at(params_day)
    if programme_round is None or term.status is not PriceStatus.confirmed:
        return ""
    later = [p for p in catalogue.children_reporting_periods() if p.round_id == round_id and p.start > plan_last_day]
    items, any_cover = [], False
    for period in later:
        cover = covering_from(catalogue, round_id, min(period.end, programme_round.end), params_day)
        what = f"{period.number}. pārskata perioda ({lvformat.date(period.start)}–{lvformat.date(period.end)}) plānam"
        if cover is None:
            items.append(f"{what} – vienmēr")
        elif cover <= plan_last_day:
            items.append(f"{what} – ja līgums noslēgts {lvformat.date(cover)} vai vēlāk")
        else:
            items.append(f"{what} – nevar: līgums, kas noslēgts līdz šī plāna beigām ({lvformat.date(plan_last_day)}), "
                         "beidzas agrāk")
        any_cover = any_cover or cover is not None
    if not any_cover:
        return ""
    return (f"līgums ar Vecāku ir spēkā {lvformat.months_accusative(int(term.value))} no tā parakstīšanas dienas, bet ne "
            f"ilgāk kā līdz {round_gen} beigām (līguma nodaļa „Līguma termiņš”), tāpēc tam var pievienot bērna nākamā "
            "atbalsta plāna pielikumus (01-pielikumi-esosajam-ligumam) tikai tad, ja tas ir spēkā līdz nākamā plāna "
            f"beigām: {'; '.join(items)}; pārējos gadījumos nākamajam plānam slēdz jaunu līgumu (01-ligums-ar-vecaku)")
