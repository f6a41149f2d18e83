"""Reading and filling a workbook through its defined names (generator/workbook/names.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.workbook.layout import block_rows
from generator.workbook.names import NamedValues, UnknownName, read, resolve, write
from tests.workbook.kept_book import kept_book


@pytest.fixture
def wb(templates):
    return kept_book(templates[None])


def test_shapes_cell_column_and_block(wb) -> None:
    assert read(wb, "IBM_Saskarne") == "2"  # D290: the plan names span the spacer rows
    labels = read(wb, "Pak_Id")
    assert isinstance(labels, list) and all(isinstance(v, str) for v in labels)
    block = read(wb, "Men_Daudzums")
    assert len(block) == 40 and all(len(row) == 6 for row in block)


def test_write_and_read_back(wb, tmp_path: Path) -> None:
    write(wb, "Plans_Daudzums", [Decimal("2.5"), 3])
    write(wb, "Men_Daudzums", [[1, 1], [None, 2]])
    write(wb, "Perioda_Sakums", dt.date(2019, 2, 1))
    write(wb, "Berns_PersonasKods", "000000-00000")
    assert read(wb, "Plans_Daudzums")[:3] == [2.5, 3, None]
    assert read(wb, "Men_Daudzums")[1][:3] == [None, 2, None]
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    values = NamedValues(path, formulas=True)
    assert values["Perioda_Sakums"] == dt.date(2019, 2, 1)
    assert values["Berns_PersonasKods"] == "000000-00000"
    assert values["Plans_Daudzums"][:2] == [2.5, 3]
    assert str(values["IB_Nepieciesamais"]).startswith("=")


def test_outputs_cannot_be_filled(wb) -> None:
    with pytest.raises(PermissionError, match="aprēķina šūna"):
        write(wb, "IB_Kopejais", 100)
    with pytest.raises(PermissionError):
        write(wb, "Plans_Summa", [1])


def test_text_is_never_a_formula(wb) -> None:
    with pytest.raises(ValueError, match="nedrīkst sākties"):
        write(wb, "Berns_VardsUzvards", "=HYPERLINK(\"x\")")


def test_too_many_values(wb) -> None:
    with pytest.raises(ValueError, match="41 vērtības"):
        write(wb, "Plans_Daudzums", [1] * 41)
    with pytest.raises(ValueError, match="lielāks"):
        write(wb, "Men_Daudzums", [[1] * 7])


def test_unknown_name_is_a_latvian_message(wb, templates) -> None:
    with pytest.raises(UnknownName, match="nav definētā nosaukuma „Nav_Tada”"):
        read(wb, "Nav_Tada")
    with pytest.raises(UnknownName, match="Nav_Tada"):
        NamedValues(templates[None])["Nav_Tada"]
    rng = resolve(wb.defined_names, "Fakt_Summa")
    # the range spans the spacer rows (D288); its lines are 40 (read, write and NamedValues skip the spacers)
    assert (rng.sheet, rng.rows, rng.cols) == ("6.10", block_rows(), 6)
    assert len(read(wb, "Fakt_Summa")) == len(NamedValues(templates[None])["Fakt_Summa"]) == 40




def _as_scanned(value: object) -> object:
    """openpyxl's value as the fast scan reads it: a date-formatted serial 1–59 (a number pasted into a date input, as
    the batch's invalid values do) one day earlier, the calendar's day (ministry.xlsxread.serial_day, by design); 60,
    which openpyxl also reads as 28.02.1900, as it is (59, read as 27.02.1900 there, is not told apart from it)."""
    moment = dt.datetime.combine(value, dt.time()) if type(value) is dt.date else value
    if isinstance(moment, dt.datetime) and dt.datetime(1900, 1, 1) <= moment < dt.datetime(1900, 2, 28):
        return value - dt.timedelta(days=1)
    return value  # a serial below 1 (a negative number pasted) both read alike


def same_reading(path: Path, all_sheets: bool = True) -> None:
    """The fast scan and openpyxl read the same names, ranges, sheets and values (types included; a day before
    01.03.1900 as the fast scan reads it on purpose, _as_scanned)."""
    fast, slow = NamedValues(path, all_sheets=all_sheets), NamedValues(path, all_sheets=all_sheets, fast=False)
    assert fast.ranges == slow.ranges
    assert list(fast._cells) == list(slow._cells)
    for sheet, cells in slow._cells.items():
        typed = {rc: (type(v), _as_scanned(v)) for rc, v in cells.items()}
        assert {rc: (type(v), v) for rc, v in fast._cells[sheet].items()} == typed, (path.name, sheet)
    for name in slow.names():
        expected = slow[name]
        expected = [_as_scanned(v) for v in expected] if isinstance(expected, list) else _as_scanned(expected)
        assert fast[name] == expected, name


def test_fast_reading_equals_openpyxl(templates, wb, tmp_path: Path) -> None:
    """xlsxwriter's template (shared strings, cached values) and an openpyxl-filled copy (inline strings,
    formulas without cached values, a date, text that looks like a number); the LibreOffice-recalculated
    workbooks: tests/workbook/test_recalculated.py."""
    write(wb, "Perioda_Sakums", dt.date(2019, 2, 1))
    write(wb, "Berns_PersonasKods", "000000-00000")
    write(wb, "Plans_Daudzums", [Decimal("2.5"), 3])
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    from generator.ministry.fastread import read_all

    for file in (templates[None], path):
        assert read_all(file) is not None  # the fast path reads it
        same_reading(file)
        same_reading(file, all_sheets=False)
    assert NamedValues(path)["Perioda_Sakums"] == dt.date(2019, 2, 1)


def test_a_file_the_scan_cannot_vouch_for_is_read_by_openpyxl(templates, tmp_path: Path) -> None:
    """A closing cell tag with a space before ">" (legal XML the scan does not count) sends the file to
    openpyxl, which reads the same values."""
    import zipfile

    from generator.ministry.fastread import read_all

    path = tmp_path / "loose.xlsx"
    with zipfile.ZipFile(templates[None]) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert b"</c>" in data
                data = data.replace(b"</c>", b"</c >", 1)
            out.writestr(info, data)
    assert read_all(path) is None and read_all(templates[None]) is not None
    same_reading(path)
    assert NamedValues(path)["IBM_Saskarne"] == "2"
