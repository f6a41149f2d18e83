"""6.8 ceilings withdrawn by the day a matrix is made (D319): the matrix prints a ceiling's confirmation status as the
papers made the same day do (D301, D318, reference/plan_changes.items_withdrawn_since) – as of the later of the day
it is made and its prices day.

A row whose ceiling is „apstiprināts” on the prices day, and which the catalogue puts back to „jāprecizē” at the same
amount by the day the matrix is made, carries a mark in a hidden 6.8 column (``NAME``): the day it is „jāprecizē”
from. The row's status cell (G) then says „jāprecizē no DD.MM.YYYY”, and its hidden cells treat the ceiling as
unconfirmed, as in a matrix of a prices day after the withdrawal: h_Pak_GriestiNeapst 1 (a plan line gets the D22
warning instead of a confirmed ceiling) and h_Pak_CenaProviz the prefilled price (a line keeping it prints a blank
price in 6.5, as the papers do). The money is the same.

Only the rows the catalogue ever withdraws after the prices day (catalogue_withdrawals) have those formulas; every
other row is as before. The mark is a fact of the day the matrix was made (as build_note.py's note and 6.11's mark of
B, withdrawn_base.py): the template the ministry regenerates to check a matrix has the column empty, so the template
comparison (generator/ministry/integrity.py) leaves a cell of the column out while it holds a day on a row whose
formulas read it (``read_rows``: the rows of ``withdrawable``, the same in the file as in the template when the rest
of the row is) – only that way round: a mark only turns figures into blanks. A day on any other row is a changed
cell. The reading of a matrix (generator/ministry/matrix.py) takes a marked row's line as a line of an unconfirmed
ceiling only for an item withdrawable on the matrix's prices day, so the reference counts the warning the matrix
counts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterable

from generator.catalogue.catalogue import Catalogue
from generator.reference.plan_changes import catalogue_withdrawals, items_withdrawn_since

SHEET = "6.8"
COLUMN = "Z"  # hidden, after items.UNTIL_USED
COLUMN_NUMBER = 26  # 1-based, as generator/ministry/xlsxread.Coord
FIRST_ROW = 6  # the first row a catalogue item may be on (6.8's header is row 5)
NAME = "h_Pak_Atsaukts"
_DAY = re.compile(r"v:n:[1-9][0-9]{0,5}")  # a day's serial number, written as a date


def withdrawn_on(catalogue: Catalogue, day: dt.date, made_on: dt.date | None) -> dict[str, dt.date]:
    """The 6.8 items of ``day`` whose „apstiprināts” ceiling is „jāprecizē” again at the same amount on ``made_on``,
    each with the day from which it is (items_withdrawn_since, D302); none without a day of making (the template) or
    when it is not after ``day``."""
    if made_on is None or made_on <= day:
        return {}
    return items_withdrawn_since(catalogue, day, made_on)


def withdrawable(catalogue: Catalogue, day: dt.date) -> frozenset[str]:
    """The 6.8 items of ``day`` whose confirmed ceiling the catalogue puts back to „jāprecizē” on some later day: the
    rows whose status and hidden cells read the mark (the same in the template and in every matrix of ``day``). Kept
    with the catalogue for each ``day`` (the reading of every matrix asks it)."""
    kept: dict[dt.date, frozenset[str]] = catalogue.__dict__.setdefault("_withdrawable_ceilings", {})
    if day not in kept:
        kept[day] = frozenset(item for c in catalogue_withdrawals(catalogue, day) if c.items for item in c.items)
    return kept[day]


def read_rows(sheet: str, formulas: Iterable[tuple[tuple[int, int], str]]) -> frozenset[int]:
    """The 6.8 rows whose own formulas read the row's mark (``formulas``: (row, column) and formula text): the rows of
    the withdrawable items, where a mark may stand."""
    if sheet != SHEET:
        return frozenset()
    return frozenset(coord[0] for coord, formula in formulas
                     if coord[0] >= FIRST_ROW and f"{COLUMN}{coord[0]}" in (upper := formula.upper().replace("$", ""))
                     and re.search(_reference(coord[0]), upper))


def _reference(row: int) -> str:
    return rf"(?<![A-Z0-9_.])\$?{COLUMN}\$?{row}(?![0-9])"


def is_mark(sheet: str, coord: tuple[int, int], text: str, rows: Container[int] = frozenset()) -> bool:
    """Is a compared cell (integrity.content: 'v:' + its value) a mark – a day in the hidden column on one of the
    ``rows`` whose formulas read it (read_rows)?"""
    return (sheet == SHEET and coord[1] == COLUMN_NUMBER and coord[0] >= FIRST_ROW and coord[0] in rows
            and _DAY.fullmatch(text) is not None)
