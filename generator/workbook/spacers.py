"""The spacer rows of the plan sheets (D288): a blank, borderless, locked row opening the outline groups of the lines
in Layout.spacers, in the group it opens (hidden while that group is closed).

On a signed annex a spacer whose group would otherwise start on a page that ends inside it is as high as the room
left under the row above it less half a plan row: while its group is open, it fills that page and the group's rows
start the next one, so that every page that ends inside the plan rows ends after a group's last row; while its group
is closed, it hides with it and the block after the rows prints under the previous group as before. Then the
signature page of every plan length holds a used plan row (issue 11; bench/spacer_rows.py measured the same with
LibreOffice for every length 1–40 before the template had them). Every other spacer is a hairline (SPACER_PX).
The heights come from the page model (page_model.py) on the sheet's own row heights, after the sheet is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.workbook.layout import Layout
from generator.workbook.page_model import BODY_PX, pages, room_below
from generator.workbook.sheetio import Sheet

SPACER_PX = 1  # a spacer no page needs: the thinnest row that both programs keep shown
DEFAULT_PX = 20  # a row without a height of its own (15 pt)
STEP = 5  # plan rows each outline group opens (plan_rows.STEP)


def open_lines(lines: int, layout: Layout) -> int:
    """How many plan lines show for a plan of ``lines`` lines (the groups opened as a program opens them)."""
    return min(layout.plan_rows, max(STEP, -(-lines // STEP) * STEP))


def shown_rows(layout: Layout, first_row: int, lines: int, tail: range) -> list[int]:
    """The sheet rows printed after the repeated rows for a plan of ``lines`` lines: the open lines with their spacers,
    then ``tail`` (the rows after the plan rows up to the print area's end)."""
    rows = []
    for i in range(open_lines(lines, layout)):
        if i in layout.spacers:
            rows.append(layout.plan_row(i, first_row) - 1)
        rows.append(layout.plan_row(i, first_row))
    return [*rows, *tail]


def signature_page_holds(height: Callable[[int], int], layout: Layout, first_row: int, lines: int, tail: range,
                         body: int) -> bool:
    """Whether a plan of ``lines`` lines prints its last page (the signatures) with a used plan row and the whole block
    after the rows."""
    printed = pages(height, shown_rows(layout, first_row, lines, tail), body)
    used = {layout.plan_row(i, first_row) for i in range(lines)}
    return bool(used & set(printed[-1])) and all(r in printed[-1] for r in tail)


def fit(height: Callable[[int], int], layout: Layout, first_row: int, tail: range, body: int) -> dict[int, int]:
    """The spacer heights (pixels, by the line each opens) that give every plan length 1..40 a signature page with a
    used plan row: going up the lengths, a length whose signature page has none gets the spacer opening its group,
    as high as the room under the group's previous row less half of the group's first row. ``height`` gives every
    other row's pixels (spacers start as hairlines)."""
    heights = dict.fromkeys(layout.spacers, SPACER_PX)
    spacer_of = {layout.plan_row(s, first_row) - 1: s for s in layout.spacers}

    def current(row: int) -> int:
        return heights[spacer_of[row]] if row in spacer_of else height(row)

    for lines in range(1, layout.plan_rows + 1):
        if signature_page_holds(current, layout, first_row, lines, tail, body):
            continue
        group = (lines - 1) // STEP * STEP
        if group not in heights or heights[group] != SPACER_PX:
            continue  # no spacer can help this length: the test names it
        before = [r for r in shown_rows(layout, first_row, group, range(0))]
        room = room_below(current, before, body)
        heights[group] = max(SPACER_PX, room - current(layout.plan_row(group, first_row)) // 2)
    return heights


def _last_printed_row(area: str) -> int:
    return int(re.sub(r"^.*\$(\d+)$", r"\1", area))


def last_printed_col(area: str) -> str:
    """The last column of a print area ("$A$1:$L$60" -> "L")."""
    return re.sub(r"^.*\$([A-Z]+)\$\d+$", r"\1", area)


def row_pixels(sh: Sheet) -> Callable[[int], int]:
    """A written sheet's row heights in pixels, by 1-based row (DEFAULT_PX for a row without a height of its own)."""
    ws = sh.ws

    def height(row: int) -> int:
        info = ws.row_info.get(row - 1)
        return int(info.height) if info is not None and info.height is not None else DEFAULT_PX

    return height


def tail_rows(sh: Sheet, first_row: int) -> range:
    """The rows of a written signed annex after its plan rows up to its print area's end."""
    layout = sh.book.layout
    return range(layout.plan_row(layout.plan_rows - 1, first_row) + 1, _last_printed_row(sh.ws.print_area_range) + 1)


def apply(sh: Sheet, first_row: int, *, signed: bool, landscape: bool = True) -> dict[int, int]:
    """Set the heights of ``sh``'s spacer rows (after the sheet is written: the model needs its rows' heights and
    print area); returns them by line."""
    ws, layout = sh.ws, sh.book.layout
    height = row_pixels(sh)
    if signed:
        heights = fit(height, layout, first_row, tail_rows(sh, first_row), BODY_PX[landscape])
    else:
        heights = dict.fromkeys(layout.spacers, SPACER_PX)
    for line, px in heights.items():
        row = layout.plan_row(line, first_row) - 1
        info = ws.row_info[row - 1]
        ws.set_row_pixels(row - 1, px, info.row_format,
                          {"level": info.level, "hidden": info.hidden, "collapsed": info.collapsed})
    return heights
