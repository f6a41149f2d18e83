"""Report 31's activity rows are as tall as their texts: each takes the same lines in Excel's column and in the
wider column LibreOffice prints (generator/documents/reports/text_fit.py), and its row holds exactly those lines
(13 pt each). At 46 units "Organizētas izvērtēšanas (sākotnējās, atkārtotās, noslēguma)" took two lines in Excel
and one in LibreOffice, whose paper showed a blank second line under it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import text_fit
from generator.documents.reports.activity import ACTIVITIES, FIRST_ROW, SHEET, write_activity_report


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> openpyxl.worksheet.worksheet.Worksheet:
    path = write_activity_report(catalogue, catalogue.municipality("jelgava"),
                                 tmp_path_factory.mktemp("sd-atskaite") / "31.xlsx")
    return openpyxl.load_workbook(Path(path))[SHEET]


def _width(ws: openpyxl.worksheet.worksheet.Worksheet) -> float:
    """Column B's width in the units xlsxwriter was given (the file stores them with Excel's 5 pixels added)."""
    return (round(ws.column_dimensions["B"].width * 7) - 5) / 7


def _rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[int, str, float]]:
    return [(r, ws.cell(r, 2).value, ws.row_dimensions[r].height)
            for r in range(FIRST_ROW + 1, FIRST_ROW + 1 + len(ACTIVITIES))]


def test_every_activity_takes_the_same_lines_in_excel_and_libreoffice(sheet) -> None:  # noqa: ANN001
    width = _width(sheet)
    excel, calc = text_fit.excel_points(width), text_fit.calc_points(width)
    differ = [f"{r}: {text!r} ({text_fit.lines_in(text, excel)} / {text_fit.lines_in(text, calc)})"
              for r, text, _ in _rows(sheet) if text_fit.lines_in(text, excel) != text_fit.lines_in(text, calc)]
    assert not differ, "rindiņu skaits Excel / LibreOffice atšķiras:\n" + "\n".join(differ)


def test_every_activity_row_holds_its_lines_and_no_more(sheet) -> None:  # noqa: ANN001
    width = _width(sheet)
    rows = _rows(sheet)
    assert [text for _, text, _ in rows][1:] == list(ACTIVITIES[1:])
    wrong = [f"{r}: {text!r} {height} pt, teksts {text_fit.lines(text, width)} rindiņās"
             for r, text, height in rows
             if abs(height - text_fit.LINE_PT * text_fit.lines(text, width)) > 0.5]  # whole pixels
    assert not wrong, "\n".join(wrong)
    # the measure: one line where the text is short, more where it is long
    assert {text_fit.lines(text, width) for _, text, _ in rows} == {1, 2}
