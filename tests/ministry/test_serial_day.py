"""A day serial before 01.03.1900 (1–60): Excel (and the file format) count a 29.02.1900 that never was, LibreOffice
does not, so the programs show such a serial one day apart. The readers take LibreOffice's count, the one our writer
uses (a serial read and written back keeps its number), and a message names such a value by its number, as the
matrix's check does in every program (review34 §7)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter

from generator.ministry.matrix import date_in_number, entered_date
from generator.ministry.xlsxpatch import excel_serial
from generator.ministry.xlsxread import read_xlsx, serial_day
from generator.workbook.input_checks import DATE_IN_NUMBER_TEXT, FIRST_DAY_SHOWN, KINDS


def test_a_serial_read_and_written_back_keeps_its_number() -> None:
    assert all(excel_serial(serial_day(n)) == n for n in range(1, 400))
    assert serial_day(4) == dt.datetime(1900, 1, 3)  # LibreOffice's day; Excel shows 04.01.1900
    assert (serial_day(59), serial_day(60), serial_day(61)) == (
        dt.datetime(1900, 2, 27), dt.datetime(1900, 2, 28), dt.datetime(1900, 3, 1))
    assert serial_day(43238) == dt.datetime(2018, 5, 18)  # from 01.03.1900 all programs agree
    assert serial_day(0.5) == dt.time(12)


def test_the_reader_gives_a_small_serial_libreoffices_day(tmp_path: Path) -> None:
    path = tmp_path / "mazs.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("S")
    date = wb.add_format({"num_format": "dd.mm.yyyy"})
    for row, serial in enumerate((4, 59, 60, 61, 43238)):
        ws.write_number(row, 0, serial, date)
    wb.close()
    cells = read_xlsx(path).cells["S"]
    assert [cells[(row, 1)].value for row in range(1, 6)] == [dt.datetime(*d) for d in (
        (1900, 1, 3), (1900, 2, 27), (1900, 2, 28), (1900, 3, 1), (2018, 5, 18))]


def test_a_small_serial_in_a_number_input_is_said_as_its_number() -> None:
    assert FIRST_DAY_SHOWN == 61
    assert entered_date(serial_day(4), "units") == "4"
    assert entered_date(serial_day(4.5), "money") == "4,50"
    assert entered_date(serial_day(60), "units") == "60"
    assert entered_date(serial_day(61), "units") == "datums 01.03.1900"
    assert entered_date(dt.datetime(2018, 5, 18, 12), "money") == "datums 18.05.2018 12:00"
    said = date_in_number("Men_Daudzums", serial_day(4), "skaitlis")
    assert said.startswith(f"plānotajām vienībām {DATE_IN_NUMBER_TEXT}, ievadīts 4 (gaidīts: skaitlis). ")
    # the matrix's formula says the number too: a date only from FIRST_DAY_SHOWN
    assert f"OR(A1<1,A1>={FIRST_DAY_SHOWN})" in KINDS["units"].shown("A1")
