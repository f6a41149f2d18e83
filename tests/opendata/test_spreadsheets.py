"""The open data in a spreadsheet (audit40 F1, F12): LibreOffice's default CSV import keeps every row's columns, the
import recipe of LASIMANI.txt gives numbers and text codes, and the .xlsx copy cannot be misread."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.opendata.tables import DATE, INTEGER, MONEY, TEXT, tables
from generator.opendata.xlsx import DATA_SHEET, xlsx_name
from generator.recalc import soffice

# LibreOffice 7.4's CSV import defaults (main.xcd CSVImport): separators „,”, „;” and tab, text in ", UTF-8,
# Latvian locale (1062); "detect special numbers" off and on (both are defaults of some LO dialogue versions)
LO_DEFAULTS = ("44/59/9,34,76,1,,1062,false,false", "44/59/9,34,76,1,,1062,false,true")
# the recipe of LASIMANI.txt: separator comma only, language English (USA), quoted fields as text
RECIPE = "44,34,76,1,,1033,true,false"


def _header_and_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def test_every_text_cell_is_quoted_and_every_number_bare(folder: Path, catalogue: Catalogue) -> None:
    """A „;” inside a multi-value cell cannot split it in a reader that also separates at „;”. Python's reader with
    QUOTE_NONNUMERIC turns a bare cell into a number and keeps a quoted one text (a bare „1.1.1” would fail)."""
    for table in tables(catalogue):
        with (folder / table.file).open(encoding="utf-8-sig", newline="") as fh:
            header, *rows = list(csv.reader(fh, quoting=csv.QUOTE_NONNUMERIC))
        assert header == [c.name for c in table.columns]
        assert rows, table.file
        for row in rows:
            for column, cell in zip(table.columns, row, strict=True):
                if column.kind in (MONEY, INTEGER):
                    assert cell == "" or isinstance(cell, float), (table.file, column.name, cell)
                else:
                    assert isinstance(cell, str), (table.file, column.name, cell)
    text = (folder / "pakalpojumi.csv").read_text("utf-8-sig")
    several = [s for s in catalogue.services if len(s.impairments) > 1]
    assert several and all(f'"{";".join(i.value for i in s.impairments)}"' in text for s in several)


def _lo_to_xlsx(csv_path: Path, options: str, out: Path, profile: Path) -> openpyxl.Workbook:
    exe = soffice()
    assert exe, "LibreOffice nav instalēts"
    out.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                           f"--infilter=CSV:{options}", "--convert-to", "xlsx", "--outdir", str(out), str(csv_path)],
                          capture_output=True, text=True, timeout=180)
    result = out / (csv_path.stem + ".xlsx")
    assert result.exists(), done.stderr
    return openpyxl.load_workbook(result)


@pytest.mark.libreoffice
def test_libreoffice_default_csv_import_keeps_the_columns_and_the_recipe_gives_numbers_and_codes(
        folder: Path, catalogue: Catalogue, tmp_path: Path) -> None:
    profile = tmp_path / "lo-opendatafix"
    for number, options in enumerate(LO_DEFAULTS):
        for table in tables(catalogue):
            header, rows = _header_and_rows(folder / table.file)
            sheet = _lo_to_xlsx(folder / table.file, options, tmp_path / f"d{number}", profile).active
            widths = {len([c for c in row if c is not None]) and max(i + 1 for i, c in enumerate(row) if c is not None)
                      for row in sheet.iter_rows(values_only=True)}
            assert widths <= set(range(1, len(header) + 1)), (table.file, options, widths, len(header))
            assert sheet.max_row == len(rows) + 1 and sheet.max_column == len(header), (table.file, options)
    # the recipe: amounts are numbers, codes such as 3.10 and 1.1.1 stay text as written
    sheet = _lo_to_xlsx(folder / "cenas.csv", RECIPE, tmp_path / "recipe", profile).active
    header, rows = _header_and_rows(folder / "cenas.csv")
    got = list(sheet.iter_rows(min_row=2, values_only=True))
    for row, cells in zip(rows, got, strict=True):
        for column, text, value in zip(header, row, cells, strict=False):
            if column in ("summa", "min", "max") and text:
                assert isinstance(value, (int, float)) and Decimal(str(value)) == Decimal(text), (column, text, value)
            elif column in ("id", "pakalpojums"):
                assert value == (text or None), (column, text, value)


def test_the_xlsx_copy_has_numeric_amounts_text_codes_and_dates(folder: Path, catalogue: Catalogue) -> None:
    for table in tables(catalogue):
        header, rows = _header_and_rows(folder / table.file)
        sheet = openpyxl.load_workbook(folder / xlsx_name(table))[DATA_SHEET]
        got = list(sheet.iter_rows(values_only=True))
        assert list(got[0]) == header and len(got) == len(rows) + 1, table.file
        for row_no, (row, cells) in enumerate(zip(rows, got[1:], strict=True), start=2):
            for col, (column, text, value) in enumerate(zip(table.columns, row, cells, strict=True), start=1):
                cell = sheet.cell(row_no, col)
                if not text:
                    assert value is None
                elif column.kind == MONEY:
                    assert isinstance(value, float) and Decimal(text) == Decimal(str(value)).quantize(Decimal("0.01"))
                    assert cell.number_format == "0.00"
                elif column.kind == DATE:
                    assert value == dt.datetime.fromisoformat(text) and cell.number_format == "dd.mm.yyyy"
                elif column.kind == TEXT:
                    assert isinstance(value, str) and value == text.removeprefix("'"), (table.file, text, value)
    codes = {c.value for c in openpyxl.load_workbook(folder / "cenas.xlsx")[DATA_SHEET]["A"]}
    assert "3.10" in codes or any(isinstance(c, str) and c.count(".") == 2 for c in codes)
