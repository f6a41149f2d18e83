"""The matrix template's version: the catalogue version and the layout revision of the template code.

The template (``ibm matrix``) depends on two things: the catalogue (prices, parameters, offers) and the
generator code that lays the sheets out. ``catalogue.version`` changes with the first only, so a matrix
whose rows, names or locked cells change with an unchanged catalogue must still get a new version: issued
matrices are checked against the registry entry of their version (generator/ministry/template_registry.json)
and would no longer match it. The template version is therefore ``<catalogue version>.<LAYOUT_REVISION>``,
e.g. ``2023-04-01+7ca2ab6d.2``. Versions issued before the revision existed have no suffix
(``2023-04-01+d2043a76``) and stay valid.

A matrix issued for another prices day than the default (``ibm matrix --round/--day``, D63) carries different
prices, so it is another template: its version ends with that day, ``2023-04-01+7ca2ab6d.10@2018-10-01``.
The default matrix keeps the version without a day, so every version issued before stays what it was.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from generator import lvformat

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Catalogue

# Bump this whenever a change to the template code changes what `ibm fingerprint` records for the matrix
# (a sheet's rows or locked cells – text, formulas, row heights, print layout of a row –, or a defined
# name's place) and then run `ibm fingerprint` and commit the registry. tests/ministry/test_template_guard.py
# fails until both are done. No bump is needed when the catalogue changes as well: its hash changes the
# version anyway (the revision may then stay as it is).
# 11: the spacer rows of the plan sheets (D288, layout.SPACERS_FROM_REVISION); 12: interface version 2 in
# IBM_Saskarne (D290; the spacer lines of 11, layout.SPACERS_BY_REVISION); 13: the signed annexes' own page count,
# continuation marks in the page-filling spacer rows and 6.3's/6.6's legend on every page (D295; no cell a reader
# reads moved: interface 2, the spacer lines of 11); 14: the template changes after revision 13 was issued
# (06.12.2026; interface 2, the spacer lines of 11); 15: the template changes after revision 14 was issued (stop 59;
# interface 2, the spacer lines of 11); 16: the template changes after revision 15 was issued (stop 60; interface 2,
# the spacer lines of 11); 17: the template changes after revision 16 was issued (stop 61; interface 2, the spacer
# lines of 11); 18: the template changes after revision 17 was issued (stop 62; interface 2, the spacer
# lines of 11); 19: the template changes after revision 18 was issued (stop 65; interface 2, the spacer lines of 11); 20: the
# template changes after revision 19 was issued (stop 66; interface 2, the spacer lines of 11); 21: the template
# changes after revision 20 was issued (stop 67; interface 2, the spacer lines of 11); 22: the template changes after
# revision 21 was issued (stop 68; interface 2, the spacer lines of 11)
LAYOUT_REVISION = 22

VERSION_PATTERN = lvformat.VERSION_PATTERN  # the form a person reads is made from the same parts


def template_version(catalogue: Catalogue, day: dt.date | None = None) -> str:
    """The version written into a matrix made now (IBM_Versija, its custom property and page headers) with the
    prices of ``day`` (None or the default day: no day in the version)."""
    from generator.workbook.issue_days import template_date

    base = f"{catalogue.version}.{LAYOUT_REVISION}"
    return base if day is None or day == template_date(catalogue) else f"{base}@{day.isoformat()}"


def base_version(version: str) -> str:
    """The version without its prices day: the catalogue and layout it was made by."""
    return version.partition("@")[0]


def prices_day(version: str) -> dt.date | None:
    """The prices day a version names (None: the default day of its catalogue)."""
    _, sep, day = version.partition("@")
    return dt.date.fromisoformat(day) if sep else None


def _parts(version: str) -> tuple[str, str, int]:
    catalogue, _, revision = base_version(version).partition(".")
    return catalogue.split("+", 1)[0], catalogue, int(revision or 0)


def is_newer(version: str, current: str) -> bool:
    """Whether a matrix of ``version`` was made by a newer catalogue or a newer toolkit than ``current``: a later
    catalogue date, or the same catalogue with a higher layout revision (such a file cannot be migrated back)."""
    day, catalogue, revision = _parts(version)
    current_day, current_catalogue, current_revision = _parts(current)
    return day > current_day or (catalogue == current_catalogue and revision > current_revision)
