"""The children's programme round a collection belongs to: the round whose services window holds the collected
reporting period (D21, D113). Its own municipalities head the summary's „Pašvaldības” sheet (D138) and its name is
how the --previous refusals tell one round's periods from another's (D299); the summary (console and „Kopsavilkums”)
names it and, when rounds.yaml confirms its envelope, says that amount beside the default funding."""

from __future__ import annotations

import datetime as dt

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot, PriceStatus, Round
from generator.lvformat import eur


def collected_round(catalogue: Catalogue, day: dt.date | None) -> Round | None:
    """The children's round whose services window holds ``day`` (the collected period's first day)."""
    return catalogue.round_at(Pilot.children, day) if day is not None else None


def round_municipalities(catalogue: Catalogue, day: dt.date | None) -> list[str]:
    """The ids of the municipalities of the children's round holding ``day``, in municipalities.yaml order (as the
    sheet has always listed them): another round's municipality has no agreement for this round's plans (D104), so a
    row of zeros for it would read as a matrix not sent (D138). Every children's municipality when no round holds the
    day (the reading refuses such a plan, so a collection never gets here with one)."""
    found = collected_round(catalogue, day)
    members = set(found.municipalities) if found is not None else None
    return [m.id for m in catalogue.pilot_municipalities(Pilot.children) if members is None or m.id in members]


def round_named(round_: Round) -> str:
    """A round as a message names it, in the genitive after „kārtas”: „Izmēģinājumprojekts …” (berni-2018)."""
    return f"„{round_.name_lv}” ({round_.id})"


def round_names(catalogue: Catalogue) -> dict[str, str]:
    """Each children's round as messages name it (``round_named``), by its id."""
    return {r.id: round_named(r) for r in catalogue.rounds_of(Pilot.children)}


def round_envelope_note(round_: Round | None) -> str | None:
    """One sentence for the summary when rounds.yaml confirms the collected round's envelope: the catalogue's amount,
    and that the period's default funding stays B × children unless --envelope is given (the amount rule is not
    changed by it). None for a round without a confirmed envelope (or no round)."""
    envelope = round_.envelope if round_ is not None else None
    if envelope is None or envelope.status is not PriceStatus.confirmed or envelope.amount is None:
        return None
    return (f"kārtas finansējums katalogā (rounds.yaml) ir apstiprināts – {eur(envelope.amount)}; perioda finansējuma "
            "noklusējums tomēr ir bāzes apmērs B × bērnu skaits, ja komandā nav norādīts --envelope")
