"""B withdrawn by the day a matrix is made (D318): the matrix prints B's confirmation status as the papers made the
same day do (D301, reference/plan_changes.base_withdrawn_since) – as of the later of the day it is made and its
prices day.

A matrix whose prices day has B „apstiprināts” but is made on or after the day the catalogue puts the same B back to
„jāprecizē” carries a mark (6.11, a hidden helper cell, ``NAME``) that makes h_BazeProviz 1: P, A and K are blanks
and the notes say B is not confirmed, as in a matrix of a prices day after the withdrawal; 6.11's parameter table
shows B's status „jāprecizē” (Param_BazesStatuss, D319), so a B typed in 6.11 equal to the catalogue's is the
catalogue's unconfirmed B (D257), and the reading of the matrix (generator/ministry/matrix.py) takes B as unconfirmed
as the matrix does. The money is the same.

The mark is a fact of the day the matrix was made (as build_note.py's note): the template the ministry regenerates to
check a matrix has the cell empty, so the template comparison (generator/ministry/integrity.py) leaves the cell out
while it holds the mark – only that way round: a mark only turns figures into blanks."""

from __future__ import annotations

import datetime as dt

from generator.catalogue.catalogue import Catalogue
from generator.reference.plan_changes import base_withdrawn_since, catalogue_withdrawals

SHEET = "6.11"
CELL = "T13"  # the hidden code column (technical.TABLE_CODE), the row of the second parameter (free)
COORD = (13, 20)  # (row, column), 1-based, as generator/ministry/xlsxread.Coord
NAME = "h_BazeAtsaukts"
MARK = 1


def withdrawn_on(catalogue: Catalogue, day: dt.date, made_on: dt.date | None) -> dt.date | None:
    """The day from which ``day``'s B, „apstiprināts” on ``day`` or later, is „jāprecizē” again at the same amount on
    the later of ``made_on`` and ``day`` (D296, D301); None when it is not, or without a day of making (the
    template)."""
    if made_on is None or made_on <= day:
        return None
    return base_withdrawn_since(catalogue, day, made_on)


def withdrawable(catalogue: Catalogue, day: dt.date) -> bool:
    """Whether the catalogue puts ``day``'s confirmed B back to „jāprecizē” on some later day: then 6.11's status of B
    (Param_BazesStatuss) reads the mark – „jāprecizē” while it holds it (D319) – in the template and in every matrix of
    ``day`` alike."""
    return any(c.items is None for c in catalogue_withdrawals(catalogue, day))


def is_mark(sheet: str, coord: tuple[int, int], text: str) -> bool:
    """Is a compared cell (integrity.content: 'v:' + its value) the mark?"""
    return sheet == SHEET and coord == COORD and text == f"v:n:{MARK}"
