"""The proof reads LibreOffice's recalculated values over UNO without saving the files
(generator/workbook/recalculated.py); here those values equal what LibreOffice saves into xlsx and the proof
read before: the same names, sheets, cells, values and types, for a sample of every kind of batch file and a
workbook of odd values (every error value, dates, times, booleans, a formula's empty text)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.ministry.xlsxread import CellError
from generator.workbook.names import NamedValues
from tests.workbook.test_names import _as_scanned

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]


def _typed(values: NamedValues, scanned: bool = False) -> dict[str, dict[tuple[int, int], tuple[type, object]]]:
    """``scanned``: a day before 01.03.1900 as the xlsx scan reads it on purpose (test_names._as_scanned: a pasted
    serial below 60, a day earlier than LibreOffice's own calendar gives it)."""
    shown = _as_scanned if scanned else (lambda v: v)
    return {sheet: {rc: (type(v), shown(v)) for rc, v in cells.items()} for sheet, cells in values._cells.items()}


def test_values_read_over_uno_equal_the_saved_xlsx(lo_batch) -> None:
    assert len(lo_batch.saved) >= 15 and lo_batch.oddities in lo_batch.saved
    for source, saved in lo_batch.saved.items():
        over_uno, from_xlsx = lo_batch.read(source), NamedValues(saved, all_sheets=True)
        assert over_uno.ranges == from_xlsx.ranges, source.name
        assert list(over_uno._cells) == list(from_xlsx._cells), source.name
        got, want = _typed(over_uno, scanned=True), _typed(from_xlsx)
        for sheet in want:
            differing = sorted((rc, got[sheet].get(rc), want[sheet].get(rc)) for rc in set(got[sheet]) | set(want[sheet])
                               if got[sheet].get(rc) != want[sheet].get(rc))
            assert not differing, (source.name, sheet, differing[:10])
        for name in from_xlsx.names():
            value = over_uno[name]
            value = [_as_scanned(v) for v in value] if isinstance(value, list) else _as_scanned(value)
            assert value == from_xlsx[name], (source.name, name)


def test_the_odd_values_are_each_read(lo_batch) -> None:
    """The comparison above covers each conversion the UNO reading makes (the xlsx side is the collection's scan):
    error values, a date, a date-time, a time, a date cell's number that is no day, booleans, a formula's empty text (no value), text, the 15 digits
    LibreOffice writes (0,1+0,2 is 0,3) and where whole numbers stop being written as plain digits."""
    values = lo_batch.read(lo_batch.oddities)
    assert list(values._cells) == ["Dīvaini", "Tukša"] and not values._cells["Tukša"]
    got = {r: v for _, (r, c), v in values.all_values() if c == 2}
    assert [got[r] for r in range(1, 8)] == ["#DIV/0!", "#N/A", "#VALUE!", "#VALUE!", "#REF!", "#NAME?", "#REF!"]
    assert [got[24], got[25]] == ["#NUM!", "#VALUE!"]
    assert got[8] == dt.datetime(2019, 2, 1) and got[18] == dt.datetime(2019, 2, 1, 12)
    assert got[9] is True and got[10] is False and 11 not in got and 17 not in got and got[12] == "0012"
    assert got[13] == 0.3 and got[14] == 19.18 and got[16] == -1e-06
    assert [(type(got[r]), got[r]) for r in (15, 19, 21, 23)] == [
        (int, 9007199254740990), (int, 10**16), (int, 333333333333333), (int, -9007199254740990)]
    assert [type(got[r]) for r in (20, 22)] == [float, float]
    typed = {(r, c): v for _, (r, c), v in values.all_values() if c == 3}
    assert typed == {(1, 3): dt.datetime(2019, 2, 1), (2, 3): dt.datetime(2019, 2, 1, 13, 30), (3, 3): dt.time(8, 15),
                     (4, 3): True, (5, 3): "1,5"}
    # a date cell's number that is no day (1e12): the error #VALUE!, as openpyxl reads LibreOffice's saved cell (fix49g)
    odd = {(r, c): v for _, (r, c), v in values.all_values() if c == 4}
    assert odd == {(1, 4): 3, (2, 4): "#VALUE!"} and isinstance(odd[(2, 4)], CellError), odd
