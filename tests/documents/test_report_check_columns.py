"""Every report sheet's check helper column (left of „Pārbaude”, input_checks.ErrorLog.add_column) stays hidden: a
later column width set over it showed 30's row numbers beside the messages (review30 F2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports.input_checks import HEADER
from generator.documents.reports.register_workbook import write_register_workbook


def _hidden(ws, index: int) -> bool:  # noqa: ANN001 - openpyxl Worksheet
    """Whether column ``index`` (1-based) is hidden: openpyxl keeps runs of equal columns under their first letter."""
    return any(d.min <= index <= d.max and d.hidden for d in ws.column_dimensions.values())


@pytest.mark.parametrize("day", (dt.date(2019, 3, 1), dt.date(2030, 1, 1)))  # in the pilot and after every round
def test_check_helper_columns_are_hidden(catalogue: Catalogue, tmp_path: Path, day: dt.date) -> None:
    municipality = catalogue.pilot_municipalities()[0]
    book = openpyxl.load_workbook(write_register_workbook(catalogue, municipality, tmp_path / "r.xlsx",
                                                          build_date=day))
    seen = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == HEADER:
                    seen.append(ws.title)
                    helper = cell.column - 1
                    assert _hidden(ws, helper), f"{ws.title}: {get_column_letter(helper)} nav paslēpta"
    assert any(title.startswith("30") for title in seen), seen  # 30 has its checks on both days
