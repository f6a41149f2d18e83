"""Workbooks recalculated by LibreOffice and read without saving them (generator/recalc.py read_recalculated):
the same NamedValues that reading LibreOffice's saved xlsx gives, in about half the LibreOffice time
(docs/benchmarks.md; the equality: tests/workbook/test_recalculated_reading.py)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils.datetime import from_excel

from generator.ministry.xlsxread import CellError
from generator.recalc import read_recalculated
from generator.workbook.names import NamedRange, NamedValues


def _written(number: float) -> int | float:
    """The number as LibreOffice 7.4 writes it into xlsx and a reader reads it back: 15 significant digits; a whole
    number below 10^17 in plain digits (read as int), anything else with a point or an exponent (a float).
    LibreOffice rounds the number's shortest decimal form, half away from zero, not its exact binary value:
    341.3299999999995 (exactly 341.32999999999947…) is written as 341.33, where "%.15g" gives 341.329999999999."""
    shortest = Decimal(repr(number))
    if shortest.is_finite() and shortest:
        shortest = shortest.quantize(Decimal(1).scaleb(shortest.adjusted() - 14), rounding=ROUND_HALF_UP)
    rounded = float(shortest)
    return int(rounded) if rounded.is_integer() and abs(rounded) < 1e17 else rounded


def _value(raw: Any) -> Any:
    """A value as the collection's scan (or openpyxl) reads it from the xlsx LibreOffice saves: a number as
    ``_written``, a date cell as openpyxl turns that number into a date or time (a number that is no day, as openpyxl
    reads it, an error #VALUE!), an error as its text (the scan's CellError, D346)."""
    if isinstance(raw, dict) and "date" in raw:
        try:
            return from_excel(_written(raw["date"]))
        except (OverflowError, ValueError):  # no day (1e12 in a date cell): openpyxl reads the saved cell as #VALUE!
            return CellError("#VALUE!")
    if isinstance(raw, dict):
        return CellError(raw["error"])
    if isinstance(raw, float):
        return _written(raw)
    return raw


def named_values(record: dict) -> NamedValues:
    ranges = {name: NamedRange(name, *where) for name, where in record["names"].items()}
    cells = {sheet: {(r, c): _value(v) for r, c, v in record["cells"][sheet]} for sheet in record["sheets"]}
    return NamedValues.of(Path(record["path"]), ranges, cells)


def recalculated_values(files: Sequence[Path], *, profile: Path | None = None,
                        timeout: float | None = None) -> list[NamedValues]:
    """Every sheet of each file as LibreOffice recalculates it (input order), as ``NamedValues(all_sheets=True)``
    of the file ``convert`` saves would read."""
    return [named_values(record) for record in read_recalculated(files, profile=profile, timeout=timeout)]
