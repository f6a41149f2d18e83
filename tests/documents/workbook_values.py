"""Reading recalculated report workbooks in tests: values behind a defined name, money to cents."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports.workbooks import write_report_workbooks


def named(wb: openpyxl.Workbook, name: str) -> list:
    """The values of the cells a defined name covers (first column of a range), top to bottom."""
    (sheet, ref), = wb.defined_names[name].destinations
    cells = wb[sheet][ref.replace("$", "")]
    if not isinstance(cells, tuple):
        return [cells.value]
    return [row[0].value if isinstance(row, tuple) else row.value for row in cells]


def money(value: object) -> Decimal:
    """A recalculated cell as EUR with two decimals (empty counts as 0)."""
    return Decimal(str(round(float(value or 0), 2))).quantize(Decimal("0.01"))


def report_workbooks(catalogue: Catalogue, municipality_id: str, folder: Path) -> dict[str, openpyxl.Workbook]:
    """A municipality's report workbooks as written (formulas, not values), by file name."""
    paths = write_report_workbooks(catalogue, catalogue.municipality(municipality_id), folder)
    return {p.name: openpyxl.load_workbook(p) for p in paths}
