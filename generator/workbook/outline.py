"""Opening the collapsed plan-row groups of a workbook filled by a program (openpyxl), the way a
person opens them with "+": enough rows on every plan sheet for the filled plan lines to print.

The groups themselves are written by generator/workbook/sheets/plan_rows.py. 6.11's list of invalid inputs is not
grouped (D191): every row of it prints.
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from generator.workbook.sheets.plan_rows import shown_level

# Sheets whose row groups only a person opens (none since D191; kept for the callers' filter).
BY_HAND: tuple[str, ...] = ()


def opened_by_program(sheet: str) -> bool:
    """Does a program that fills a workbook (fill, ibm migrate) open this sheet's row groups?"""
    return sheet not in BY_HAND


def _show_level(ws: Worksheet, shown: int) -> None:
    """Rows of ``ws``'s outline groups deeper than ``shown`` hidden, the others shown; the row above a closed
    group marked collapsed."""
    grouped = sorted(r for r, d in ws.row_dimensions.items() if d.outlineLevel)
    if not grouped:
        return
    rows = [grouped[0] - 1, *grouped]  # the last always-shown row holds the first group's "+"
    for r in grouped:
        ws.row_dimensions[r].hidden = ws.row_dimensions[r].outlineLevel > shown
    for above, below in zip(rows, rows[1:], strict=False):
        level_above = ws.row_dimensions[above].outlineLevel or 0
        level_below = ws.row_dimensions[below].outlineLevel
        if level_below > level_above:
            ws.row_dimensions[above].collapsed = level_below > shown


def show_plan_rows(wb: Workbook, lines: int) -> None:
    """Open just enough plan-row groups on every plan sheet to show the first ``lines`` rows (0: close all)."""
    shown = shown_level(lines)
    for ws in wb.worksheets:
        if opened_by_program(ws.title):
            _show_level(ws, shown)


def _open_level(ws: Worksheet) -> int:
    dims = ws.row_dimensions
    return max((d.outlineLevel or 0 for d in dims.values() if d.outlineLevel and not d.hidden), default=0)


def open_rows(wb: Workbook, ws: Worksheet, rows: Iterable[int]) -> None:
    """Open the groups that hide any of ``rows`` (1-based rows of ``ws`` a program filled), the way "+" opens
    them, on every plan sheet (6.5 and 6.9 print the same lines from formulas); groups already open stay open, none
    is closed (D191: a filled row left hidden does not print)."""
    if not opened_by_program(ws.title):
        return
    dims = ws.row_dimensions
    needed = max((dims[r].outlineLevel or 0 for r in rows if r in dims and dims[r].hidden), default=0)
    if not needed:
        return
    for sheet in wb.worksheets:
        if opened_by_program(sheet.title):
            _show_level(sheet, max(needed, _open_level(sheet)))
