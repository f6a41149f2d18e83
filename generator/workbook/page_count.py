"""What a signed annex (6.3, 6.5, 6.6, 6.9) prints on every page about its pages (D295), once its rows are sized.

The page count: "Pielikums 3 lapās" in the header rows that repeat on every page (row 5, beside the worker's line;
common.header_block's ``count_from``). Excel and LibreOffice fill the footer's &N with the pages of the whole print
job (D23), so the count comes from the page model (page_model.py, the one the spacer rows are fitted with, D197,
D288): for every number of shown plan lines 1..40 the pages that LibreOffice prints, a table generated here from the
sheet's own row heights, never typed. The formula looks the count up by the shown plan lines – SUBTOTAL 103 of the
Nr. column, whose every plan row holds its number or EMPTY_MARK and whose spacer rows are blank, counts the rows the
open groups show – or by the last used line, where that is further down (Excel updates SUBTOTAL on its next
recalculation, not the moment a group opens). A plan without a used line prints the count of its empty annex (five
struck rows).

The continuation mark: in each spacer row that fills the rest of a page (D288) – shown only while the group it
opens is open, so only on a page followed by another – "Turpinājums nākamajā lapā." at the top of the blank space,
and on 6.3 and 6.6 the legend of the plan rows' check numbers after it, so that every page that can show a
"Pārbaude" number explains it (the legend under the rows prints on the last page only). The mark's merged cell
starts in column B: the formulas over the plan rows that count texts (the hidden-rows warning, the struck rows'
count) read A and the input columns, never B.
"""

from __future__ import annotations

from generator.workbook import spacers
from generator.workbook.page_model import BODY_PX, pages
from generator.workbook.sheetio import Sheet
from generator.workbook.sheets.plan_rows import VISIBLE
from generator.workbook.texts import ANNEX_PAGES, CONTINUED

NUMBER_COLUMN = "A"  # every signed annex's Nr. (6.5: priority) column: a number or EMPTY_MARK in each plan row
MARK_FIRST_COLUMN = "B"


def page_counts(sh: Sheet, first_row: int, landscape: bool) -> tuple[int, ...]:
    """The pages the model prints of the written and sized ``sh`` for each plan of 1..plan_rows lines (its groups
    opened as a program opens them)."""
    layout, height, tail = sh.book.layout, spacers.row_pixels(sh), spacers.tail_rows(sh, first_row)
    return tuple(len(pages(height, spacers.shown_rows(layout, first_row, n, tail), BODY_PX[landscape]))
                 for n in range(1, layout.plan_rows + 1))


def count_formula(counts: tuple[int, ...], numbers: str) -> str:
    """Formula: the page count of ``counts`` for the shown or the last used plan line of the Nr. range ``numbers``."""
    shown, last_used = f"SUBTOTAL(103,{numbers})", f"MAX({numbers})"
    return f"INDEX({{{','.join(str(n) for n in counts)}}},MIN({len(counts)},MAX(1,{shown},{last_used})))"


def pages_text(n: int) -> str:
    """ANNEX_PAGES for ``n`` pages, as the formula prints it."""
    before, one, many = ANNEX_PAGES
    return f"{before}{n}{one if n == 1 else many}"


def text_formula(counts: tuple[int, ...], numbers: str) -> str:
    """Formula: "Pielikums 3 lapās" ("1 lapā") for the page count of count_formula."""
    if any(n % 10 == 1 and n != 1 and n % 100 != 11 for n in counts):  # "21 lapā": never so many pages
        raise ValueError(f"page counts {counts}: the singular after 21, 31, … is not written")
    before, one, many = ANNEX_PAGES
    count = count_formula(counts, numbers)
    return f'"{before}"&{count}&IF({count}=1,"{one}","{many}")'


def finish(sh: Sheet, first_row: int, spacer_heights: dict[int, int], landscape: bool) -> tuple[int, ...]:
    """The page count in its cell and the continuation marks in the page-filling spacer rows of the written signed
    annex ``sh`` whose spacers are sized (``spacer_heights``, spacers.apply); returns the page counts by plan length."""
    layout, st = sh.book.layout, sh.st
    counts = page_counts(sh, first_row, landscape)
    last = layout.plan_row(layout.plan_rows - 1, first_row)
    numbers = f"${NUMBER_COLUMN}${first_row}:${NUMBER_COLUMN}${last}"
    cell = sh.book.page_count_cells[sh.title]
    formula = text_formula(counts, numbers)
    sh.formula(cell, formula, st.page_count, pages_text(counts[VISIBLE - 1]))  # a new matrix: five rows shown
    sh.watch(cell, formula, "pielikuma lappušu skaits")
    last_col = spacers.last_printed_col(sh.ws.print_area_range)
    legend = sh.book.continued_legends.get(sh.title)
    mark = f'"{CONTINUED}"&IF({absolute(legend)}="","",CHAR(10)&{absolute(legend)})' if legend else None
    for line, px in spacer_heights.items():
        if px <= spacers.SPACER_PX:
            continue
        row = layout.plan_row(line, first_row) - 1
        sh.ws.merge_range(f"{MARK_FIRST_COLUMN}{row}:{last_col}{row}", "", st.continued)
        if mark:
            sh.formula(f"{MARK_FIRST_COLUMN}{row}", mark, st.continued, CONTINUED)
        else:
            sh.text(f"{MARK_FIRST_COLUMN}{row}", CONTINUED, st.continued)
    return counts


def absolute(a1: str) -> str:
    """"$D$49" of "D49"."""
    letters = a1.rstrip("0123456789")
    return f"${letters}${a1[len(letters):]}"

