"""Comparing a recalculated workbook, read through its names, with the reference implementation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from generator.workbook.names import NamedValues
from generator.workbook.sheets.calculation import INVALID_UNITS

CENT = Decimal("0.005")
SHARE = Decimal("1e-9")
EXACT = {"Vecums", "Plans_Prioritate", "Kludas", "Bridinajumi"}
SHARES = {"Provizoriska_Likme", "Transporta_Dala"}


def _empty(value: Any) -> bool:
    return value is None or value == ""


def _same(name: str, expected: Any, actual: Any) -> bool:
    if _empty(expected) or _empty(actual):
        return _empty(expected) and _empty(actual)
    if isinstance(expected, dt.date):  # Parbaudes_Datums: a real date cell
        return isinstance(actual, dt.date) and actual == expected
    if isinstance(actual, str) or isinstance(actual, bool):
        return False
    diff = abs(Decimal(str(expected)) - Decimal(repr(actual) if isinstance(actual, float) else str(actual)))
    if name in EXACT:
        return diff == 0
    return diff <= (SHARE if name in SHARES else CENT)


def differences(expected: dict[str, Any], values: NamedValues) -> list[str]:
    """'name[row][month]: reference X, workbook Y' for every output that differs."""
    problems: list[str] = []
    for name, ref in expected.items():
        got = values[name]
        if isinstance(ref, tuple) and name == "Men_Summa":
            for i, row in enumerate(got):
                ref_row = ref[i] if i < len(ref) else None
                for m, cell in enumerate(row):
                    want = ref_row[m] if ref_row is not None and m < len(ref_row) else None
                    # a counted line's month whose planned units are an invalid input: the reference has no amount,
                    # the matrix prints „nederīgs” (D298)
                    invalid = ref_row is not None and m < len(ref_row) and want is None and cell == INVALID_UNITS
                    if not invalid and not _same(name, want, cell):
                        problems.append(f"{name}[{i + 1}][{m + 1}]: atsauce {want}, darbgrāmata {cell!r}")
        elif isinstance(ref, tuple):
            for i, cell in enumerate(got):
                want = ref[i] if i < len(ref) else None
                if want is None and cell == INVALID_UNITS:
                    continue  # a price that is an invalid input: the reference has none, the matrix „nederīgs” (D332)
                if not _same(name, want, cell):
                    problems.append(f"{name}[{i + 1}]: atsauce {want}, darbgrāmata {cell!r}")
        elif name == "Fakt_Kopa" and ref is None and got == INVALID_UNITS:
            continue  # a counted line's payment is an invalid input: the matrix prints „nederīgs” (D304)
        elif not _same(name, ref, got):
            problems.append(f"{name}: atsauce {ref}, darbgrāmata {got!r}")
    return problems
