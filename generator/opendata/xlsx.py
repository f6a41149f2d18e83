"""An .xlsx copy of each open-data CSV table for spreadsheet users (audit40 F1).

A CSV is read by each spreadsheet with its own locale's guesses: with Latvian defaults „4.50” is text and „1.1.1”
a date. In the workbook every cell has its type: codes are text cells, amounts numbers shown with two decimals,
dates dates shown DD.MM.YYYY. The second sheet describes the columns (the same text as LASIMANI.txt).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter

from generator.catalogue.catalogue import Catalogue
from generator.opendata.tables import DATE, INTEGER, MONEY, Table

DATA_SHEET = "Dati"
COLUMNS_SHEET = "Kolonnas"


def xlsx_name(table: Table) -> str:
    return table.file.removesuffix(".csv") + ".xlsx"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"  # the same codes as the CSV (LASIMANI.txt)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_table_xlsx(cat: Catalogue, folder: Path, table: Table, rows: Sequence[Sequence[Any]]) -> Path:
    """``rows``: the table's rows as its CSV has them (Table.rows, computed once for both files)."""
    path = folder / xlsx_name(table)
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                         "strings_to_urls": False})
    # a fixed creation time (the catalogue's latest date): the same catalogue gives the same bytes
    wb.set_properties({"title": table.title, "subject": "IBM rīkkopa – atvērtie dati",
                       "comments": f"Kataloga versija {cat.version}",
                       "created": dt.datetime.combine(cat.latest_date, dt.time())})
    bold = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    text = wb.add_format({"num_format": "@"})
    money = wb.add_format({"num_format": "0.00"})
    date = wb.add_format({"num_format": "dd.mm.yyyy"})
    sheet = wb.add_worksheet(DATA_SHEET)
    widths = [len(c.name) for c in table.columns]
    last_row = 0
    for col, column in enumerate(table.columns):
        sheet.write_string(0, col, column.name, bold)
    for row_no, row in enumerate(rows, start=1):
        last_row = row_no
        for col, (column, value) in enumerate(zip(table.columns, row, strict=True)):
            if value is None or value == "":
                continue
            if column.kind == MONEY:
                sheet.write_number(row_no, col, float(Decimal(value)), money)
                shown = 12
            elif column.kind == DATE:
                sheet.write_datetime(row_no, col, dt.datetime.combine(value, dt.time()), date)
                shown = 10
            elif column.kind == INTEGER:
                sheet.write_number(row_no, col, int(value))
                shown = len(str(value))
            else:
                shown = len(_text(value))
                sheet.write_string(row_no, col, _text(value), text)
            widths[col] = max(widths[col], shown)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, min(max(width, 6), 60) + 2)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, last_row, len(table.columns) - 1)
    about = wb.add_worksheet(COLUMNS_SHEET)
    about.write_row(0, 0, ["kolonna", "nozīme", "kodi"], bold)
    for row_no, column in enumerate(table.columns, start=1):
        about.write_string(row_no, 0, column.name)
        about.write_string(row_no, 1, column.meaning)
        if column.codes:
            about.write_string(row_no, 2, "; ".join(f"{code} = {meaning}" for code, meaning in column.codes.items()))
    about.set_column(0, 0, 24)
    about.set_column(1, 2, 70)
    wb.close()
    return path
