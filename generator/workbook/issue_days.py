"""The days a matrix can be issued for (D61, D63): whose prices and parameters it carries.

A matrix accepts plans from its prices day until the day before the catalogue's next change of a price or
parameter. The newest children's round's first service day is the default (``ibm build``, the site's downloads,
``ibm matrix``); a worker whose plan belongs to an earlier round, or to the part of a round after a price
change, asks for the matrix of that round (``--round``) or of the plan's first day (``--day``). Both lead to one
of a finite set of issue days, so that every matrix the current catalogue can make has a template the ministry
can regenerate and fingerprint: each children's round's first service day and each day inside its services
window on which the catalogue changes a price or parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot, Round
from generator.catalogue.problems import shown_path
from generator.programme_scope import adults_day_note, adults_round_refusal


class IssueDayError(ValueError):
    """The asked round or day has no matrix (Latvian message for the command line)."""


@dataclass(frozen=True)
class IssueDay:
    day: dt.date
    round_id: str | None  # None: the catalogue has no children's round (the latest catalogue date)


def template_date(catalogue: Catalogue) -> dt.date:
    """The default prices day (6.11 „Cenas un parametri spēkā uz”, D61): the first service day of the latest
    children's programme round; the catalogue's latest effective date when it has no round."""
    rounds = catalogue.rounds_of(Pilot.children)
    return rounds[-1].services_start if rounds else catalogue.latest_date


def plans_until(catalogue: Catalogue, day: dt.date, round_: Round | None) -> dt.date | None:
    """The last first day of a plan that a matrix of prices ``day`` takes: the last day its prices and parameters
    hold (6.11 „… spēkā līdz”, D61) or, when earlier, the last service day of its round ``round_`` (a plan starts
    in a reporting period of a round, D21); None when neither is known."""
    until = catalogue.prices_until(day)
    if round_ is None:
        return until
    return min(until, round_.services_end) if until else round_.services_end


def issue_days(catalogue: Catalogue) -> list[IssueDay]:
    """Every day a matrix of this catalogue can carry the prices of, in date order."""
    rounds = catalogue.rounds_of(Pilot.children)
    if not rounds:
        return [IssueDay(catalogue.latest_date, None)]
    changes = sorted(set(catalogue.effective_dates()))
    days = []
    for r in rounds:
        days.append(IssueDay(r.services_start, r.id))
        days += [IssueDay(d, r.id) for d in changes if r.services_start < d <= r.services_end]
    return days


def children_round_ids(catalogue: Catalogue) -> list[str]:
    return [r.id for r in catalogue.rounds_of(Pilot.children)]


def outside_children_rounds(catalogue: Catalogue, day: dt.date) -> tuple[str, str]:
    """For a ``day`` in no children's round's services window (the `--day` refusals of `ibm matrix` and
    `ibm documents`): „ – tā ir pieaugušo programmas kārtas … pakalpojumu laikā, bet …” when an adults' round covers
    it, else „” (audit31e F2, D254), and the children's rounds' windows the message expects."""
    adults = adults_day_note(catalogue, day)
    windows = "; ".join(f"{r.id}: {lvformat.date(r.services_start)}–{lvformat.date(r.services_end)}"
                        for r in catalogue.rounds_of(Pilot.children))
    return (f" – {adults}" if adults else ""), (windows or "katalogā nav bērnu kārtu")


def day_of_round(catalogue: Catalogue, round_id: str) -> dt.date:
    """The prices day of the matrix issued for a children's round: its first service day."""
    known = children_round_ids(catalogue)
    found = catalogue.round_by_id.get(round_id)
    if found is None or found.programme is not Pilot.children:
        what = (adults_round_refusal(found) if found is not None
                else f"nav kārta katalogā ({shown_path(catalogue.root / 'rounds.yaml')})")
        raise IssueDayError(f"--round: „{round_id}” {what} (gaidīts viens no: {', '.join(known) or 'nav kārtu'}).")
    return found.services_start


def day_covering(catalogue: Catalogue, day: dt.date) -> dt.date:
    """The prices day of the matrix for a plan starting on ``day``: the latest issue day of the children's round
    whose services window holds ``day`` that is not after it."""
    found = catalogue.round_at(Pilot.children, day)
    if found is None:
        adults, windows = outside_children_rounds(catalogue, day)
        raise IssueDayError(f"--day: „{lvformat.date(day)}” nav nevienas bērnu programmas kārtas pakalpojumu laikā"
                            f"{adults}, tāpēc matricu tai dienai izdot nevar (gaidīts: diena kādā no kārtām – "
                            f"{windows}).")
    return max(d.day for d in issue_days(catalogue) if d.round_id == found.id and d.day <= day)

