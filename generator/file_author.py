"""Whom a generated file names as its author and company in its properties (D43, D52).

A file the toolkit makes for a municipality (its IBM matrix, its report workbooks, its documents) is used and
signed by the municipality's social service: the properties name that service when its name is confirmed for the
file's date (catalogue/municipality-names.yaml), otherwise the toolkit that made the file. A file for no
municipality (the generic matrix) names the toolkit. The ministry is never named as author or company: the report
forms are annexes of its methodology, which their subject says (FORM_OWNER; generator/documents/reports/properties.py).
"""

from __future__ import annotations

import datetime as dt

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality

TOOLKIT = "IBM rīkkopa"
# The forms' owner, as the subject of the matrix and the report workbooks names it (the methodology's annexes).
FORM_OWNER = "Labklājības ministrijas IBM metodikas"


def file_author(catalogue: Catalogue, municipality: Municipality | None, day: dt.date) -> str:
    """The author (also last modified by and company) of a file dated ``day`` made for ``municipality``."""
    names = catalogue.municipality_names
    if municipality is None or names is None:
        return TOOLKIT
    name = names.confirmed_on(municipality.id, "social_service", day)
    return TOOLKIT if name is None else name.name
