"""What a signed report sheet (27–31) prints on every page about its own pages (D376): „28. pielikums 2 lapās”, in a
cell of the rows that repeat on every page (print_setup), beside the footer's „28. pielikums, 1. lapa” (page_label),
so a page that went missing is noticed. The footer cannot say it: "&N" counts the pages of the whole print job.

The count comes from the same page model as the longer rounds' page breaks (printing.page_breaks, D247): A4
landscape at 100 % holds PAGE_ROWS of rows, the rows above the intro print on the first page only, the rows from the
intro to the table's header on every page, and a page takes the next row while it fits. Sheets 27, 29, 30 and 31
have a fixed layout (their rows are the round's months, quarters or activities), so their count is a number written
when the sheet is made. The register 28 shows as many rows as its open outline groups (row_groups): its count is a
formula over SUBTOTAL 103 of the Nr. column (a number in every register row, so it counts the rows shown), which
looks the pages down up in thresholds generated from the sheet's own row heights, times the pages across.
"""

from __future__ import annotations

from collections.abc import Sequence

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from generator.documents.reports.printing import INTRO_ROW, PAGE_ROWS, form_name, row_height


def pages_text(title: str, n: int) -> str:
    """„28. pielikums 2 lapās” („… 1 lapā”; also 21, 31, … as Latvian agrees the noun with the last digit)."""
    one = n % 10 == 1 and n % 100 != 11
    return f"{form_name(title)} {n} {'lapā' if one else 'lapās'}"


def pages_down(ws: Worksheet, header_row: int, shown: Sequence[int]) -> int:
    """Pages down of a sheet whose rows after ``header_row`` that print are ``shown`` (0-based; their heights as
    written): the first page also holds the rows above INTRO_ROW, every page the rows INTRO_ROW…``header_row``."""
    repeated = sum(row_height(ws, r) for r in range(INTRO_ROW, header_row + 1))
    used, pages, on_page = repeated + sum(row_height(ws, r) for r in range(INTRO_ROW)), 1, 0
    for r in shown:
        h = row_height(ws, r)
        if used + h > PAGE_ROWS and on_page:
            pages, used, on_page = pages + 1, repeated, 0
        used, on_page = used + h, on_page + 1
    return pages


def shown_height(ws: Worksheet, row: int) -> float:
    """The height (pt) ``row`` prints with once shown (a row of a collapsed group keeps its height)."""
    return ws.row_sizes.get(row, (ws.default_row_height, False))[0] * 0.75


def thresholds(ws: Worksheet, header_row: int, first_row: int, count: int) -> list[int]:
    """For the first ``n`` of the ``count`` register rows from ``first_row`` shown (n = 1 … count, each at its
    written height), the least n that prints on 1, 2, 3, … pages down."""
    heights = [shown_height(ws, r) for r in range(first_row, first_row + count)]
    repeated = sum(row_height(ws, r) for r in range(INTRO_ROW, header_row + 1))
    used, result = repeated + sum(row_height(ws, r) for r in range(INTRO_ROW)), [1]
    for n, h in enumerate(heights, start=1):
        if used + h > PAGE_ROWS and n > result[-1]:
            result.append(n)
            used = repeated
        used += h
    return result


def count_formula(steps: Sequence[int], numbers: str, across: int) -> str:
    """Formula: the pages of a register whose shown rows SUBTOTAL 103 counts in ``numbers`` (its Nr. column)."""
    shown = f"MAX(1,SUBTOTAL(103,{numbers}))"
    down = f"MATCH({shown},{{{','.join(str(s) for s in steps)}}},1)"
    return down if across == 1 else f"{across}*{down}"


def write_count(ws: Worksheet, row: int, first_col: int, last_col: int, text: str, fmt: Format,
                formula: str | None = None) -> None:
    """The count's cell (merged ``first_col``–``last_col`` of ``row``, a repeated row): ``text``, or ``formula``
    with ``text`` as its cached value."""
    if last_col > first_col:
        ws.merge_range(row, first_col, row, last_col, "", fmt)
    if formula:
        ws.write_formula(row, first_col, f"={formula}", fmt, text)
    else:
        ws.write_string(row, first_col, text, fmt)


def text_formula(title: str, count: str, plural_only: bool) -> str:
    """Formula: „28. pielikums 2 lapās” for the page count ``count`` (``plural_only``: never 1, 21, 31, …)."""
    before = f'"{form_name(title)} "&'
    if plural_only:
        return f'{before}{count}&" lapās"'
    return f'{before}{count}&IF(AND(MOD({count},10)=1,MOD({count},100)<>11)," lapā"," lapās")'


def write_fixed(ws: Worksheet, title: str, place: tuple[int, int, int], fmt: Format, header_row: int, last_row: int,
                breaks: Sequence[int], across: int = 1) -> int:
    """The count of a sheet whose layout fixes its pages (27, 29, 30, 31) in ``place`` (row, first and last column
    of a repeated row): ``across`` pages across times its pages down – one more than its manual ``breaks``
    (printing.page_breaks), or as the page model prints rows ``header_row`` + 1 … ``last_row`` without them.
    Returns the count."""
    down = len(breaks) + 1 if breaks else pages_down(ws, header_row, range(header_row + 1, last_row + 1))
    n = across * down
    write_count(ws, *place, pages_text(title, n), fmt)
    return n
