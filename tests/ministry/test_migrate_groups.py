"""`ibm migrate` opens the collapsed plan-row groups of a plan with more than ten lines, as fill() does:
the filled rows of the new matrix print, and no filled row stays hidden (which would put the "hidden rows"
warning on the sheet)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.migrate import Migrator
from generator.ministry.xlsx_outline import open_groups
from generator.workbook.layout import Layout, plan_row
from generator.workbook.sheets import technical
from generator.workbook.sheets.plan_rows import STEP, VISIBLE
from tests.ministry.factory import make_children, write_children

FIRST = 9  # the first plan row of the plan sheets (6.4: its calculation table)
PLAN_SHEETS = {"6.3": 9, "6.4": Layout.calc_first, "6.5": 9, "6.6": 9, "6.7": 9, "6.9": 9, "6.10": 9}


@pytest.mark.parametrize("lines", [13, 23])
def test_migrated_long_plan_shows_its_rows(catalogue: Catalogue, template: Path, tmp_path: Path, lines: int) -> None:
    child = make_children(catalogue, 1, seed=17)[0]
    filled = [line for line in child.inputs.lines if line.offer_id]  # a random plan may hold an empty row
    long = (filled * lines)[:lines]
    child = dataclasses.replace(child, inputs=dataclasses.replace(child.inputs, lines=long))
    old = write_children(catalogue, template, [child], tmp_path / "vecas")[0].path
    out = tmp_path / "jauna.xlsx"
    with Migrator(catalogue) as migrator:
        migrator.migrate(old, out)  # type: ignore[arg-type]
    wb = load_workbook(out)
    shown = VISIBLE + -(-(lines - VISIBLE) // STEP) * STEP  # 15 or 25 rows open: two unused
    for sheet, first in PLAN_SHEETS.items():
        ws = wb[sheet]
        hidden = [k + 1 for k in range(40)
                  if ws.row_dimensions[first + k if sheet == "6.4" else plan_row(k, first)].hidden]
        assert hidden == list(range(shown + 1, 41)), f"{sheet}: paslēptās plāna rindas {hidden}"
    listed = wb[technical.SHEET]  # 6.11's list of invalid inputs: every row shown (D191)
    rows = [listed.row_dimensions[technical.INVALID_FIRST + k].hidden for k in range(technical.INVALID_SHOWN)]
    assert rows == [False] * technical.INVALID_SHOWN
    ws = wb["6.3"]
    filled = [k + 1 for k in range(40) if ws[f"C{plan_row(k)}"].value not in (None, "")]
    assert filled == list(range(1, lines + 1))
    units = wb["6.6"]
    assert not [r for r in range(FIRST, plan_row(39) + 1) if units.row_dimensions[r].hidden
                and any(c.value not in (None, "") for c in units[f"E{r}:J{r}"][0])], "aizpildīta 6.6 rinda paslēpta"


def test_open_groups_marks_only_the_closed_groups() -> None:
    xml = ('<sheetData><row r="9"/><row r="10" spans="1:2"/><row r="11" outlineLevel="1" hidden="1"/>'
           '<row r="12" outlineLevel="2" hidden="1"/><row r="13"/></sheetData>')
    opened = open_groups(xml, 1)
    assert '<row r="10" spans="1:2"/>' in opened  # level 1 open: no "collapsed" above it
    assert '<row r="11" outlineLevel="1" collapsed="1"/>' in opened  # holds the closed level-2 group's "+"
    assert '<row r="12" outlineLevel="2" hidden="1"/>' in opened
    closed = open_groups(xml, 0)
    assert '<row r="10" spans="1:2" collapsed="1"/>' in closed and '<row r="11" outlineLevel="1" hidden="1"' in closed
    assert open_groups('<sheetData><row r="1"/></sheetData>', 0) == '<sheetData><row r="1"/></sheetData>'
