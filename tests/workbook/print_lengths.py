"""Where the page model (generator/workbook/page_model.py, D197) ends the pages of a signed annex for each plan length,
read from a template's row heights, and the plan lengths a per-length print proof prints by default (D292).

A plan of 1..40 lines opens its groups of five rows as a program opens them (with their spacer rows, D288); the
model then says which rows each printed page holds. Between two lengths whose pages break alike the print differs
only in which open rows are used, not in where a page ends. So `make test` prints every length at which the model
changes a page break (a page starts at another row, or the last used row moves to another page) with the lengths
either side of it, and the shortest and longest; IBM_FULL=1 prints every length 1..40.
tests/workbook/test_signed_page_arithmetic.py checks the same model on every length without printing.
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.worksheet.worksheet import Worksheet

from generator.workbook import spacers
from generator.workbook.layout import Layout
from generator.workbook.page_model import BODY_PX, px
from generator.workbook.page_model import pages as model_pages
from tests.workbook.plan_sample import FULL

DEFAULT_PT = 15  # a row without a height of its own (xlsxwriter's default)
LAY = Layout(offers=0, months=6)
EVERY_LENGTH = tuple(range(1, LAY.plan_rows + 1))


def row_px(ws: Worksheet, row: int) -> int:
    """A row's height in whole pixels, as LibreOffice draws it."""
    dim = ws.row_dimensions.get(row)
    return px(dim.height if dim is not None and dim.height is not None else DEFAULT_PT)


def _last_printed_row(ws: Worksheet) -> int:
    area = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
    return int(area.split(":")[-1].lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def tail(ws: Worksheet) -> range:
    """The rows after the plan rows up to the print area's end."""
    return range(LAY.plan_last + 1, _last_printed_row(ws) + 1)


def pages(ws: Worksheet, lines: int) -> list[list[int]]:
    """The rows of each printed page for a plan of ``lines`` lines (its groups open as a program opens them, the
    spacer rows of the open groups with them, D288), as LibreOffice breaks them."""
    rows = spacers.shown_rows(LAY, LAY.plan_first, lines, tail(ws))
    return model_pages(lambda r: row_px(ws, r), rows, BODY_PX[ws.title != "6.9"])


def first_used_rows(ws: Worksheet, lines: int) -> tuple[int, ...]:
    """The number of the first used plan row on each page of the model (0: none), as signed_pages.SignedPrint's
    ``first_rows`` reads it from a PDF."""
    numbers = {LAY.plan_row(i): i + 1 for i in range(lines)}
    return tuple(next((numbers[r] for r in page if r in numbers), 0) for page in pages(ws, lines))


def _breaks(ws: Worksheet, lines: int) -> tuple:
    printed = pages(ws, lines)
    last_used = LAY.plan_row(lines - 1)
    return tuple(page[0] for page in printed[1:]), next(k for k, page in enumerate(printed) if last_used in page)


def break_lengths(sheets: Iterable[Worksheet]) -> set[int]:
    """The lengths n (2..40) at which the model breaks some sheet's pages otherwise than for n - 1 lines."""
    found = set()
    for ws in sheets:
        before = _breaks(ws, EVERY_LENGTH[0])
        for n in EVERY_LENGTH[1:]:
            now = _breaks(ws, n)
            if now != before:
                found.add(n)
            before = now
    return found


def lengths_to_print(sheets: Iterable[Worksheet]) -> tuple[int, ...]:
    """Every length with IBM_FULL=1, else the break lengths with their neighbours, the shortest and the longest."""
    if FULL:
        return EVERY_LENGTH
    breaks = break_lengths(sheets)
    assert breaks, "no length breaks a page: the proof would show no page end"
    near = {n + d for n in breaks for d in (-1, 0, 1)}
    return tuple(sorted((near | {EVERY_LENGTH[0], EVERY_LENGTH[-1]}) & set(EVERY_LENGTH)))
