"""Reading and filling an IBM matrix workbook through its defined names (D16).

The names of workbook-interface.md are the workbook's public interface: the ministry's tools, the
migration to a new template and the tests resolve a name to its cells here and never use cell
addresses. A single cell reads as a value, a one-column or one-row range as a list, a block as a
list of rows.
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook.workbook import Workbook

from generator.ministry.xlsxread import CellError
from generator.workbook.layout import SPACED_SHEETS, block_rows, line_offsets, spacers_of_revision
from generator.workbook.outline import open_rows


class UnknownName(KeyError):
    """A defined name the workbook does not have, or one that does not point at cells."""

    def __str__(self) -> str:  # KeyError quotes its argument; the message is Latvian text
        return str(self.args[0])


@dataclass(frozen=True)
class NamedRange:
    """Where a defined name points: a sheet and 1-based row/column bounds (inclusive)."""

    name: str
    sheet: str
    min_row: int
    min_col: int
    max_row: int
    max_col: int

    @property
    def rows(self) -> int:
        return self.max_row - self.min_row + 1

    @property
    def cols(self) -> int:
        return self.max_col - self.min_col + 1

    @property
    def is_cell(self) -> bool:
        return self.rows == 1 and self.cols == 1

    def cells(self) -> list[list[tuple[int, int]]]:
        """(row, col) of every cell, row by row."""
        return [
            [(r, c) for c in range(self.min_col, self.max_col + 1)]
            for r in range(self.min_row, self.max_row + 1)
        ]


def resolve(defined: Any, name: str, source: str = "") -> NamedRange:
    """The range of a workbook-scope defined name (``defined`` = openpyxl's ``wb.defined_names``)."""
    where = f"{source}: " if source else ""
    if name not in defined:
        raise UnknownName(f"{where}darbgrāmatā nav definētā nosaukuma „{name}” (gaidīts: IBM matricas saskarnes nosaukums)")
    destinations = list(defined[name].destinations)
    if len(destinations) != 1:
        raise UnknownName(f"{where}nosaukums „{name}” neatsaucas uz vienu šūnu apgabalu")
    sheet, ref = destinations[0]
    min_col, min_row, max_col, max_row = range_boundaries(ref.replace("$", ""))
    return NamedRange(name, sheet, min_row, min_col, max_row, max_col)


def line_rows(rng: NamedRange, version: Any) -> list[int] | None:
    """The sheet rows of a plan name's lines where its range spans spacer rows (a spaced sheet of a template whose
    version ``version`` has them, D288); None where every row of the range is a line."""
    from generator.workbook.version import VERSION_PATTERN, base_version

    if rng.sheet not in SPACED_SHEETS or not isinstance(version, str) or not VERSION_PATTERN.match(version):
        return None
    spacers = spacers_of_revision(int(base_version(version).partition(".")[2] or 0))
    if not spacers or rng.rows != block_rows(spacers):
        return None
    return [rng.min_row + k for k in line_offsets(spacers)]


def _line_cells(rng: NamedRange, rows: list[int] | None) -> list[list[tuple[int, int]]]:
    """(row, col) of every cell of ``rng``'s lines (its spacer rows left out), line by line."""
    if rows is None:
        return rng.cells()
    return [[(r, c) for c in range(rng.min_col, rng.max_col + 1)] for r in rows]


def line_cells(wb: Workbook, name: str) -> list[list[tuple[int, int]]]:
    """(row, col) of every cell of ``name``'s lines in an open openpyxl workbook, line by line: a plan name's spacer
    rows (D288) left out."""
    rng = resolve(wb.defined_names, name)
    return _line_cells(rng, line_rows(rng, _version(wb)))


def _shape(rng: NamedRange, values: list[list[Any]]) -> Any:
    if len(values) != rng.rows:  # a plan name without its spacer rows
        return [row[0] for row in values] if rng.cols == 1 else values
    if rng.is_cell:
        return values[0][0]
    if rng.cols == 1:
        return [row[0] for row in values]
    if rng.rows == 1:
        return values[0]
    return values


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    return value


class NamedValues:
    """The values of a saved workbook (e.g. recalculated by LibreOffice), read once and looked up by name.

    Opens the file read-only and reads only the sheets the names point to (or every sheet with
    ``all_sheets``), so reading hundreds of workbooks stays fast. Values are read with the collection's scan
    when it can vouch for the file, otherwise (and with ``formulas``, or ``fast=False``) with openpyxl.
    """

    def __init__(self, path: Path, *, formulas: bool = False, all_sheets: bool = False, fast: bool = True) -> None:
        self.path = Path(path)
        if fast and not formulas and self._read_fast(all_sheets):
            return
        wb = load_workbook(self.path, read_only=True, data_only=not formulas)
        try:
            self.ranges = {name: resolve(wb.defined_names, name, str(self.path)) for name in wb.defined_names}
            self._cells: dict[str, dict[tuple[int, int], Any]] = {}
            sheets = wb.sheetnames if all_sheets else sorted({r.sheet for r in self.ranges.values()})
            for sheet in sheets:
                cells: dict[tuple[int, int], Any] = {}
                for r, row in enumerate(wb[sheet].iter_rows(), start=1):
                    for c, cell in enumerate(row, start=1):
                        value = cell.value
                        if value is not None:  # an error value as the collection's scan reads it (D346)
                            cells[(r, c)] = CellError(value) if cell.data_type == "e" else value
                self._cells[sheet] = cells
        finally:
            wb.close()

    def _read_fast(self, all_sheets: bool) -> bool:
        """The values with the collection's regular-expression scan (generator/ministry/fastread.py, about
        ten times faster than openpyxl, the same values: tests/workbook/test_names.py); False when the scan
        cannot vouch for the file or a name is not one range (then openpyxl reads it and names the problem)."""
        from generator.ministry.fastread import read_all
        from generator.ministry.xlsxread import XlsxReadError, parse_area

        try:
            book = read_all(self.path)
        except (XlsxReadError, OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, zlib.error):
            return False
        if book is None:
            return False
        ranges = {}
        for name, text in book.defined_names.items():
            ref = parse_area(text)
            if ref is None or ref.sheet not in book.cells:
                return False
            ranges[name] = NamedRange(name, ref.sheet, ref.first[0], ref.first[1], ref.last[0], ref.last[1])
        self.ranges = ranges
        sheets = book.sheet_names if all_sheets else sorted({r.sheet for r in ranges.values()})
        self._cells = {sheet: {rc: cell.value for rc, cell in book.cells[sheet].items() if cell.value is not None}
                       for sheet in sheets}
        return True

    @classmethod
    def of(cls, path: Path, ranges: dict[str, NamedRange], cells: dict[str, dict[tuple[int, int], Any]]) -> NamedValues:
        """Values read elsewhere (generator/workbook/recalculated.py: from LibreOffice over UNO), looked up alike."""
        values = cls.__new__(cls)
        values.path, values.ranges, values._cells = Path(path), ranges, cells
        return values

    def names(self) -> list[str]:
        return sorted(self.ranges)

    def __getitem__(self, name: str) -> Any:
        if name not in self.ranges:
            raise UnknownName(f"{self.path}: darbgrāmatā nav definētā nosaukuma „{name}”")
        rng = self.ranges[name]
        cells = self._cells[rng.sheet]
        version = None
        if "IBM_Versija" in self.ranges and rng.sheet in SPACED_SHEETS:
            at = self.ranges["IBM_Versija"]
            version = self._cells.get(at.sheet, {}).get((at.min_row, at.min_col))
        values = [[_plain(cells.get(rc)) for rc in row] for row in _line_cells(rng, line_rows(rng, version))]
        return _shape(rng, values)

    def all_values(self) -> Iterable[tuple[str, tuple[int, int], Any]]:
        """Every non-empty cell of the sheets that were read: (sheet, (row, col), value)."""
        for sheet, cells in self._cells.items():
            for rc, value in cells.items():
                yield sheet, rc, value


def _version(wb: Workbook) -> Any:
    if "IBM_Versija" not in wb.defined_names:
        return None
    at = resolve(wb.defined_names, "IBM_Versija")
    return wb[at.sheet].cell(at.min_row, at.min_col).value


def read(wb: Workbook, name: str) -> Any:
    """The value(s) of a name in an open openpyxl workbook (a plan name's lines without its spacer rows, D288)."""
    rng = resolve(wb.defined_names, name)
    ws = wb[rng.sheet]
    values = [[_plain(ws.cell(r, c).value) for r, c in row] for row in _line_cells(rng, line_rows(rng, _version(wb)))]
    return _shape(rng, values)


def _cell_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    return value


def write(wb: Workbook, name: str, value: Any) -> None:
    """Write a value, a list (one per row or column of the range) or a list of rows into a name.

    Text is stored as text (never as a formula: a leading '=' is refused); missing trailing items
    of a list leave their cells empty. Only unlocked (input) cells may be written. A value written into a plan row
    of a collapsed outline group opens the groups down to it on every plan sheet (outline.open_rows, D191).
    """
    rng = resolve(wb.defined_names, name)
    ws = wb[rng.sheet]
    grid = _line_cells(rng, line_rows(rng, _version(wb)))  # a plan name: its lines, not its spacer rows (D288)
    if len(grid) != rng.rows:
        rng = NamedRange(name, rng.sheet, 1, rng.min_col, len(grid), rng.max_col)  # the lines' shape
    if rng.is_cell:
        rows: list[Sequence[Any]] = [[value]]
    elif rng.cols == 1 or rng.rows == 1:
        flat = list(value)
        if len(flat) > rng.rows * rng.cols:
            raise ValueError(f"„{name}”: {len(flat)} vērtības, bet nosaukumā ir tikai {rng.rows * rng.cols} šūnas")
        flat += [None] * (rng.rows * rng.cols - len(flat))
        rows = [[v] for v in flat] if rng.cols == 1 else [flat]
    else:
        given = [list(r) for r in value]
        if len(given) > rng.rows or any(len(r) > rng.cols for r in given):
            raise ValueError(f"„{name}”: vērtību bloks ir lielāks par {rng.rows}×{rng.cols}")
        rows = [r + [None] * (rng.cols - len(r)) for r in given] + [[None] * rng.cols] * (rng.rows - len(given))
    filled: list[int] = []
    for cells_row, values_row in zip(grid, rows, strict=True):
        for (r, c), v in zip(cells_row, values_row, strict=True):
            cell = ws.cell(r, c)
            if cell.protection.locked and ws.protection.sheet:
                raise PermissionError(f"„{name}” ({rng.sheet}!{cell.coordinate}) ir aprēķina šūna; to nevar aizpildīt")
            if isinstance(v, str) and v.startswith("="):
                raise ValueError(f"„{name}”: teksts nedrīkst sākties ar „=” („{v}”)")
            cell.value = _cell_value(v)
            if isinstance(v, str):
                cell.data_type = "s"
            if v is not None and v != "":
                filled.append(r)
    # a value written into a row of a collapsed plan-row group opens it: a filled hidden row does not print (D191)
    open_rows(wb, ws, filled)
