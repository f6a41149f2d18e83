"""Dates a document may print as a term: those of the programme round it is made for, never an ended one.

A contract runs one year from signing (L1026) but not past the end of its round. Until the catalogue keeps
programme rounds of its own, the round is the children's pilot (municipalities.yaml, pilots); when rounds
arrive only ``current_round`` changes, not the rule in ``term_end``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot

BLANK_DATE = "__.__.______"


@dataclass(frozen=True)
class Round:
    name: str
    start: dt.date
    end: dt.date


def current_round(catalogue: Catalogue) -> Round | None:
    """The programme round documents are made for, or None when the catalogue names none."""
    for info in catalogue.municipalities.pilots:
        if info.id is Pilot.children:
            return Round(info.name_lv, info.start, info.end)
    return None


def term_end(programme_round: Round | None, build_date: dt.date) -> dt.date | None:
    """The last day a term may run to, or None (print a blank) when there is no round or it has ended."""
    if programme_round is None or programme_round.end < build_date:
        return None
    return programme_round.end


def round_context(programme_round: Round | None, build_date: dt.date) -> dict[str, object]:
    """The round's dates for templates: formatted, or blanks when the round has ended by the build date."""
    end = term_end(programme_round, build_date)
    if programme_round is None or end is None:
        return {"start": BLANK_DATE, "end": BLANK_DATE, "known": False}
    return {"start": lvformat.date(programme_round.start), "end": lvformat.date(end), "known": True}
