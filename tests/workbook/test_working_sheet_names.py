"""annextrial F1: the working sheets 6.4, 6.7 and 6.10 print a plan row's service name whole, as the signed annexes
do (test_label_widths.py): 6.7 printed its one-line rows with the catalogue's longest names cut at the price column
("3.17i Saskarsmes un radošās pašizteiksmes iemaņas, indivi"), in LibreOffice and, narrower still, in Excel. Measured
as both lay the cell out (tests/workbook/cell_layout.py), at the first and the last plan row of each sheet (D224)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.workbook.layout import Layout
from generator.workbook.writer import template_date
from tests.workbook.cell_layout import APPS, room
from tests.workbook.kept_book import kept_book

# The name column of each working sheet's plan rows and that sheet's first plan row.
NAME_CELLS = {"6.4": ("B", Layout.calc_first), "6.7": ("B", Layout.plan_first), "6.10": ("B", Layout.plan_first)}


@pytest.mark.parametrize("app", APPS, ids=lambda a: a.name)
@pytest.mark.parametrize("sheet", sorted(NAME_CELLS))
def test_every_service_name_prints_whole(templates: dict[str | None, Path], catalogue: Catalogue, sheet: str,
                                         app) -> None:  # noqa: ANN001 - an App of cell_layout
    ws = kept_book(templates["liepaja"])[sheet]
    letter, first = NAME_CELLS[sheet]
    labels = sorted({o.label for o in catalogue.offers(template_date(catalogue))}, key=len)
    assert len(labels[-1]) >= 60, labels[-1]  # the longest names are there to be measured
    for row in (first, first + Layout.plan_rows - 1):
        cell = room(ws, f"{letter}{row}", app)
        cut = [cell.why_not(label) for label in labels if not cell.fits(label)]
        assert not cut, "\n".join(cut)
