"""Where LibreOffice ends the pages of a signed annex (6.3, 6.5, 6.6, 6.9), from its row heights alone (D197, D288).

The model, measured with LibreOffice 7.4 (D197): rows are drawn in whole pixels (0,75 pt; a height in points rounds
to the nearest pixel, as Excel does), the page's body holds BODY_PX pixels (A4 with the signed annexes' margins,
header and footer: 730 px in landscape; in portrait the page is 3,42 in (328 px) taller), rows 1–2 print on the first
page only and rows 3–8 on every page, and a page takes the next row while it fits.

Used by spacers.py (the spacer rows' heights, written into the template) and by
tests/workbook/test_signed_page_arithmetic.py (the same rule checked on a template read back).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

BODY_PX = {True: 730, False: 1058}  # landscape, portrait
FIRST_PAGE_ROWS = (1, 2)  # the title rows: the first page only
REPEATED_ROWS = tuple(range(3, 9))  # the header block and the table header: every page


def px(points: float) -> int:
    """A height in points as LibreOffice and Excel draw it: whole pixels."""
    return round(points * 4 / 3)


def pages(height: Callable[[int], int], rows: Sequence[int], body: int) -> list[list[int]]:
    """The shown ``rows`` (after the repeated rows 3–8) of each printed page; ``height``: a row's pixels."""
    repeated = sum(height(r) for r in REPEATED_ROWS)
    result: list[list[int]] = [[]]
    used = sum(height(r) for r in FIRST_PAGE_ROWS) + repeated
    for row in rows:
        h = height(row)
        if used + h > body and result[-1]:
            result.append([])
            used = repeated
        result[-1].append(row)
        used += h
    return result


def room_below(height: Callable[[int], int], rows: Sequence[int], body: int) -> int:
    """The pixels left on the page under the last of ``rows``."""
    repeated = sum(height(r) for r in REPEATED_ROWS)
    printed = pages(height, rows, body)
    used = sum(height(r) for r in printed[-1]) + repeated
    if len(printed) == 1:
        used += sum(height(r) for r in FIRST_PAGE_ROWS)
    return body - used
