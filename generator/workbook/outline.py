"""Opening the collapsed plan-row groups of a workbook filled by a program (openpyxl), the way a
person opens them with "+": enough rows on every plan sheet for the filled plan lines to print.

The groups themselves are written by generator/workbook/sheets/plan_rows.py. 6.11 groups its list of invalid
inputs the same way, but a program never opens it (how many inputs are invalid shows only once the workbook
is recalculated): a person opens those rows, and 6.11 prints a warning while a listed cell is hidden.
"""

from __future__ import annotations

from openpyxl.workbook import Workbook

from generator.workbook.sheets import technical
from generator.workbook.sheets.plan_rows import shown_level

# Sheets whose row groups only a person opens.
BY_HAND = (technical.SHEET,)


def opened_by_program(sheet: str) -> bool:
    """Does a program that fills a workbook (fill, ibm migrate) open this sheet's row groups?"""
    return sheet not in BY_HAND


def show_plan_rows(wb: Workbook, lines: int) -> None:
    """Open just enough plan-row groups on every plan sheet to show the first ``lines`` rows (0: close all)."""
    shown = shown_level(lines)
    for ws in wb.worksheets:
        if not opened_by_program(ws.title):
            continue
        grouped = sorted(r for r, d in ws.row_dimensions.items() if d.outlineLevel)
        if not grouped:
            continue
        rows = [grouped[0] - 1, *grouped]  # the last always-shown row holds the first group's "+"
        for r in grouped:
            ws.row_dimensions[r].hidden = ws.row_dimensions[r].outlineLevel > shown
        for above, below in zip(rows, rows[1:], strict=False):
            level_above = ws.row_dimensions[above].outlineLevel or 0
            level_below = ws.row_dimensions[below].outlineLevel
            if level_below > level_above:
                ws.row_dimensions[above].collapsed = level_below > shown
