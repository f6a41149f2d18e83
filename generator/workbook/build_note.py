"""The note of a matrix made after its round ended (D277): `ibm matrix` and `ibm build` say on 6.1 – and on the
console – that the children's round whose prices the matrix carries had already ended on the day it was made.

The note is a fact of the day the matrix was made, so it is written then, as text, never computed with TODAY():
a matrix filled while its round ran and reopened after its end for a report must not start warning, and a volatile
formula would make every saved value differ from the recalculated one (`ibm collect`'s „Atšķirības”). The template
the ministry regenerates to check a matrix (generator/ministry/templates.py) is made without it, so the note's cell
(6.1 B3, beside the child's line that every page of 6.1 repeats, merged to C3) is left out of the template comparison
while it holds the note (generator/ministry/integrity.py): a matrix made before the round ended and one made after it
are both the same template.
"""

from __future__ import annotations

import datetime as dt

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot, Round

SHEET = "6.1"
CELL = "B3"
MERGED = "B3:C3"
COORD = (3, 2)  # (row, column), 1-based, as generator/ministry/xlsxread.Coord
# every note starts so; the template comparison leaves the cell out only while it does
PREFIX = "Kārta „"


def ended_round(catalogue: Catalogue, day: dt.date, made_on: dt.date | None) -> Round | None:
    """The children's round of a matrix with the prices of ``day`` when it had ended (its last day, rounds.yaml
    `end`, as `ibm documents` counts it, D125) before ``made_on``; None otherwise (no day of making: the template)."""
    if made_on is None:
        return None
    found = catalogue.round_at(Pilot.children, day)
    return found if found is not None and found.end < made_on else None


def note(round_: Round) -> str:
    """The words on 6.1: the round, its end and what the matrix is still for."""
    return (f"{PREFIX}{round_.name_lv}” ({round_.id}) beidzās {lvformat.date(round_.end)}, pirms šī matrica tika "
            "izveidota; matrica der tikai šīs kārtas plānu atskaitēm un labojumiem.")  # three lines of 8 pt in row 3


def console_line(round_: Round, prices_day: dt.date | None = None) -> str:
    """The console's warning after writing one matrix (`ibm matrix`, the line before names the file) or, with
    ``prices_day``, the build's matrices of that prices day."""
    ended = f"kārta „{round_.name_lv}” ({round_.id}) beidzās {lvformat.date(round_.end)}"
    if prices_day is None:
        return (f"Brīdinājums: {ended}, pirms šīs matricas izveides. Matrica der tikai šīs kārtas plānu atskaitēm un "
                "labojumiem; tas norādīts arī 6.1. tabulas 3. rindā.")
    return (f"Brīdinājums: {ended} – pirms matricu ar cenām uz {lvformat.date(prices_day)} izveides. Šīs matricas "
            "der tikai šīs kārtas plānu atskaitēm un labojumiem; tas norādīts arī to 6.1. tabulā.")


def is_note(sheet: str, coord: tuple[int, int], text: str) -> bool:
    """Is a compared cell (integrity.content: 'v:s:' + text) the note of an ended round?"""
    return sheet == SHEET and coord == COORD and text.startswith("v:s:" + PREFIX)
