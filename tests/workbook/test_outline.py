"""The plan rows' outline groups (generator/workbook/sheets/plan_rows.py) and opening them from a
program (generator/workbook/outline.py), read back with openpyxl: no LibreOffice needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.workbook.layout import PLAN_ROWS, SPACER_LINES, Layout, plan_row
from generator.workbook.names import write
from generator.workbook.outline import show_plan_rows
from generator.workbook.sheets import technical
from generator.workbook.sheets.plan_rows import MAX_LEVEL, STEP, VISIBLE
from generator.workbook.writer import write_workbook
from tests.workbook.kept_book import kept_book

# sheet -> its first plan row
PLAN_SHEETS = {"6.3": 9, "6.4": Layout.calc_first, "6.5": 9, "6.6": 9, "6.7": 9, "6.9": 9, "6.10": 9}


@pytest.fixture(scope="module")
def template(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workbook(catalogue, tmp_path_factory.mktemp("outline") / "ibm-matrica.xlsx")


def _row(ws, first: int, i: int) -> int:  # noqa: ANN001
    """Plan line ``i``'s row: the spacer rows above it on every plan sheet but 6.4 (D288)."""
    return first + i if ws.title == "6.4" else plan_row(i, first)


def _above(ws, first: int, line: int) -> int:  # noqa: ANN001
    """The row above the group that opens at ``line``: it holds the group's "+" (the row before its spacer, if any)."""
    spaced = ws.title != "6.4" and line in SPACER_LINES
    return _row(ws, first, line) - (2 if spaced else 1)


def _state(ws, first: int) -> list[tuple[int, bool]]:  # noqa: ANN001
    """Each line's (level, hidden); a spacer row (D288) is in the group of the line it opens: the same state."""
    lines = [(ws.row_dimensions[_row(ws, first, i)].outlineLevel, bool(ws.row_dimensions[_row(ws, first, i)].hidden))
             for i in range(PLAN_ROWS)]
    if ws.title != "6.4":
        for s in SPACER_LINES:
            spacer = ws.row_dimensions[_row(ws, first, s) - 1]
            assert (spacer.outlineLevel, bool(spacer.hidden)) == lines[s], (ws.title, s)
    return lines


def _expected(shown: int) -> list[tuple[int, bool]]:
    levels = [0 if i < VISIBLE else (i - VISIBLE) // STEP + 1 for i in range(PLAN_ROWS)]
    return [(lvl, lvl > shown) for lvl in levels]


def test_template_shows_first_rows_and_groups_the_rest(template: Path) -> None:
    wb = kept_book(template)
    # the plan sheets only: 6.11's list of invalid inputs is no longer grouped (D191)
    assert {ws.title for ws in wb.worksheets if any(d.outlineLevel for d in ws.row_dimensions.values())} == {
        *PLAN_SHEETS}
    for sheet, first in PLAN_SHEETS.items():
        ws = wb[sheet]
        assert _state(ws, first) == _expected(0), sheet
        assert ws.sheet_properties.outlinePr.summaryBelow is False, sheet
        rows = range(first, _row(ws, first, PLAN_ROWS - 1) + 1)  # the lines and their spacers
        collapsed = [r for r in rows if ws.row_dimensions[r].collapsed]
        # the row above each group holds its "+" (the previous group's last line)
        above = [_above(ws, first, VISIBLE + k * STEP) for k in range(MAX_LEVEL)]
        assert collapsed == above, sheet
        assert not ws.row_dimensions[_row(ws, first, PLAN_ROWS - 1) + 1].hidden, f"{sheet}: rinda pēc plāna ir paslēpta"


def test_groups_of_five_use_every_outline_level() -> None:
    """Issue 11: at most four unused rows print, and the 40 rows need exactly the seven levels Excel and LibreOffice
    keep."""
    assert (VISIBLE, STEP, MAX_LEVEL) == (5, 5, 7)
    assert max(0 if i < VISIBLE else (i - VISIBLE) // STEP + 1 for i in range(PLAN_ROWS)) == MAX_LEVEL


@pytest.mark.parametrize(("lines", "shown"), [(0, 0), (1, 0), (5, 0), (6, 1), (10, 1), (11, 2), (23, 4), (35, 6),
                                              (36, 7), (40, 7)])
def test_show_plan_rows_opens_just_enough(template: Path, lines: int, shown: int) -> None:
    wb = kept_book(template)
    show_plan_rows(wb, 40)
    show_plan_rows(wb, lines)  # from fully open back to what the lines need
    for sheet, first in PLAN_SHEETS.items():
        ws = wb[sheet]
        assert _state(ws, first) == _expected(shown), (sheet, lines)
        assert all(not ws.row_dimensions[_row(ws, first, i)].hidden for i in range(lines)), (sheet, lines)
        for k in range(MAX_LEVEL):
            summary = ws.row_dimensions[_above(ws, first, VISIBLE + k * STEP)]
            assert summary.collapsed == (k + 1 > shown), (sheet, lines, k)


def _list_state(ws) -> list[tuple[int, bool]]:  # noqa: ANN001
    return [(ws.row_dimensions[technical.INVALID_FIRST + i].outlineLevel, bool(ws.row_dimensions[
        technical.INVALID_FIRST + i].hidden)) for i in range(technical.INVALID_SHOWN)]


def test_invalid_input_list_is_not_grouped(template: Path) -> None:
    """6.11's list of invalid inputs: every row shown and printed (D191, audit42 F6; before, all but the first five
    sat in collapsed groups and a printed 6.11 left them out), and filling a plan leaves it so."""
    wb = kept_book(template)
    ws = wb[technical.SHEET]
    shown = [(0, False)] * technical.INVALID_SHOWN
    assert _list_state(ws) == shown
    status = ws.row_dimensions[technical.INVALID_STATUS]
    assert not status.hidden and not status.outlineLevel
    assert str(ws.print_area).endswith(f"!$A$1:$F${technical.INVALID_LAST}")
    show_plan_rows(wb, 40)
    assert _list_state(ws) == shown


@pytest.mark.parametrize(("line", "opened"), [(11, 15), (0, 5), (39, 40)])
def test_names_write_opens_the_groups_down_to_the_rows_it_fills(template: Path, line: int, opened: int) -> None:
    """A tool writing a published name (names.write) into a plan row of a collapsed group gets the groups opened
    down to that row on every plan sheet, as "+" opens them (D191, audit42 F3): on the old code the row stayed
    hidden and did not print. A row already shown opens nothing."""
    wb = kept_book(template)
    write(wb, "Plans_Daudzums", [None] * line + [3])
    for sheet, first in PLAN_SHEETS.items():
        hidden = [i for i in range(PLAN_ROWS) if wb[sheet].row_dimensions[_row(wb[sheet], first, i)].hidden]
        assert hidden == list(range(opened, PLAN_ROWS)), (sheet, hidden)
    write(wb, "Plans_Daudzums", [])  # emptying the rows closes nothing
    assert not wb["6.3"].row_dimensions[plan_row(opened - 1)].hidden
