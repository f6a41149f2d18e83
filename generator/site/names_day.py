"""Which day's name the downloads page gives a municipality's file (D189): the name in force on the day the file
is made for, never the pilot-time name of municipalities.yaml for a later round – if that name is confirmed; one
still „jāprecizē” gives way to the newest confirmed name before it (else the pilot-time name).

- a matrix (lejupielades/matrica/): its prices day – the day its file name ends with, else the default issue day
  (the first service day of the newest children's round, template_date);
- documents and report templates: the day of the municipality's set (terms.municipality_day: the build day, not
  before the start of the round the set is made for), the day their papers name the parties on (D43);
- a later prices day's documents (dokumenti/<id>/cenas-no-GGGG-MM-DD/, D187): that prices day, the day those papers
  are made for and the day the build's progress line names the municipality by.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.catalogue.catalogue import Catalogue

MATRICES = "lejupielades/matrica/"
DOCUMENTS = "lejupielades/dokumenti/"


def file_day(catalogue: Catalogue, municipality_id: str, rel: Path) -> dt.date:
    """The day the file ``rel`` (relative to the build folder) of the municipality is made for."""
    from generator.documents.paths import folder_day
    from generator.documents.terms import municipality_day
    from generator.workbook import render
    from generator.workbook.issue_days import template_date

    if rel.as_posix().startswith(MATRICES):
        return render.named_day(rel.name) or template_date(catalogue)
    if rel.as_posix().startswith(DOCUMENTS) and (day := folder_day(rel.parent.name)) is not None:
        return day
    return municipality_day(catalogue, render.build_day(), municipality_id)


def shown_name(catalogue: Catalogue, municipality_id: str, rel: Path) -> str:
    """The municipality's confirmed name for the day its file ``rel`` is made for (Catalogue.confirmed_name_on): a
    name in force that day but still „jāprecizē” is not stated as fact on the page, which then names the
    municipality as its matrix table and the home page do (audit27c F1)."""
    return catalogue.confirmed_name_on(municipality_id, file_day(catalogue, municipality_id, rel))
