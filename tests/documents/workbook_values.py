"""Reading recalculated report workbooks in tests: values behind a defined name, money to cents."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.utils.cell import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports.workbooks import write_report_workbooks
from generator.recalc import read_recalculated
from generator.workbook.recalculated import _value


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


def _area(sheet: str, first_row: int, first_col: int, last_row: int, last_col: int) -> str:
    first = f"${get_column_letter(first_col)}${first_row}"
    last = f"${get_column_letter(last_col)}${last_row}"
    return f"{quote_sheetname(sheet)}!{first}" + ("" if first == last else f":{last}")


def recalculated_books(files: Sequence[Path], profile: Path) -> list[openpyxl.Workbook]:
    """Each file as LibreOffice recalculates it (input order), read in one running soffice without saving it
    (generator/recalc.py read_recalculated), as an openpyxl workbook of values and defined names: what
    ``openpyxl.load_workbook(..., data_only=True)`` reads from the xlsx ``convert`` saves (numbers to the 15
    digits LibreOffice writes, dates as openpyxl reads them, errors as their text: generator/workbook/recalculated.py;
    the equality of the two routes: tests/workbook/test_recalculated_reading.py)."""
    books = []
    for record in read_recalculated(files, profile=profile):
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for sheet in record["sheets"]:
            ws = wb.create_sheet(sheet)
            for row, col, raw in record["cells"][sheet]:
                ws.cell(row, col).value = _value(raw)
        for name, where in record["names"].items():
            wb.defined_names[name] = DefinedName(name, attr_text=_area(*where))
        books.append(wb)
    return books
