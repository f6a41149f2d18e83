"""The matrix template's version: the catalogue version and the layout revision of the template code.

The template (``ibm matrix``) depends on two things: the catalogue (prices, parameters, offers) and the
generator code that lays the sheets out. ``catalogue.version`` changes with the first only, so a matrix
whose rows, names or locked cells change with an unchanged catalogue must still get a new version: issued
matrices are checked against the registry entry of their version (generator/ministry/template_registry.json)
and would no longer match it. The template version is therefore ``<catalogue version>.<LAYOUT_REVISION>``,
e.g. ``2023-04-01+7ca2ab6d.2``. Versions issued before the revision existed have no suffix
(``2023-04-01+d2043a76``) and stay valid.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from generator import lvformat

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Catalogue

# Bump this whenever a change to the template code changes what `ibm fingerprint` records for the matrix
# (a sheet's rows or locked cells – text, formulas, row heights, print layout of a row –, or a defined
# name's place) and then run `ibm fingerprint` and commit the registry. tests/ministry/test_template_guard.py
# fails until both are done. No bump is needed when the catalogue changes as well: its hash changes the
# version anyway (the revision may then stay as it is).
LAYOUT_REVISION = 10

VERSION_PATTERN = lvformat.VERSION_PATTERN  # the form a person reads is made from the same parts


def template_version(catalogue: Catalogue) -> str:
    """The version written into a matrix made now (IBM_Versija, its custom property and page headers)."""
    return f"{catalogue.version}.{LAYOUT_REVISION}"


def _parts(version: str) -> tuple[str, str, int]:
    catalogue, _, revision = version.partition(".")
    return catalogue.split("+", 1)[0], catalogue, int(revision or 0)


def is_newer(version: str, current: str) -> bool:
    """Whether a matrix of ``version`` was made by a newer catalogue or a newer toolkit than ``current``: a later
    catalogue date, or the same catalogue with a higher layout revision (such a file cannot be migrated back)."""
    day, catalogue, revision = _parts(version)
    current_day, current_catalogue, current_revision = _parts(current)
    return day > current_day or (catalogue == current_catalogue and revision > current_revision)
