"""A register's many input rows as nested, collapsed outline groups, so that empty rows do not print (Excel and
LibreOffice leave rows of a collapsed group out of the print; decision D23, as the matrix's plan rows in
generator/workbook/sheets/plan_rows.py): the expense register (28) and the questionnaire register (24); the
provider list (17) groups its catalogue rows by support area and shares the hint and the warning; so do the
quality questionnaires' sheets (35–38). The hint (how to open more rows) is meant for the screen: a comment of the
cell above the rows, which neither Excel nor LibreOffice prints. The red warning that a filled row is hidden shows
in that cell on screen and prints too, so a paper that leaves filled rows out says so (D215).

A new register shows the first SHOWN rows, as many as print on its first page below the title, the notes and
the header (A4 at 100 %, sheet 28 continues to the right); each "+" (or outline button 2–7) opens the next
block up to the following bound in BOUNDS. Excel allows seven outline levels, so the blocks grow (30, 50, 50,
50, 100, 100 rows) instead of being many equal ones. Every row keeps its address: the defined names and the sums cover all
rows, shown or hidden. A register filled by a program opens as many blocks as its rows need.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from generator.documents.reports.printing import NOTE_BOX

# Row counts shown with outline level 0, 1, 2, …: the first SHOWN rows, then a block per level.
BOUNDS = (20, 50, 100, 150, 200, 300, 400)
SHOWN = BOUNDS[0]
WARNING = ("UZMANĪBU: aizpildītas rindas ir paslēptas un netiks izdrukātas – atveriet tās ar „+” pa kreisi no "
           "rindu numuriem.")


def level(index: int) -> int:
    """Outline level of row ``index`` (0-based): 0 shown, then 1 … len(BOUNDS) - 1; rows past the last bound
    (a program-filled register longer than the template) belong to the last level."""
    return next((i for i, bound in enumerate(BOUNDS) if index < bound), len(BOUNDS) - 1)


def shown_level(used: int) -> int:
    """The deepest level that must be open for the first ``used`` rows to show (0 for none)."""
    return level(used - 1) if used > 0 else 0


def hint(rows: int, totals: str = "summās") -> str:
    """How to open more of a register's ``rows`` rows (its outline buttons: one more than its deepest level);
    ``totals``: where the hidden rows still count (locative)."""
    return (f"Rādītas pirmās {SHOWN} rindas. Vēl rindas (līdz {rows}) atver ar „+” pa kreisi no rindu numuriem "
            f"vai ar struktūras pogām 1–{shown_level(rows) + 1} augšējā kreisajā stūrī; aizvērtās rindas nedrukā, "
            f"bet {totals} tās ir ieskaitītas.")


HINT = hint(BOUNDS[-1])  # the expense register's 400 rows


def group_rows(ws: Worksheet, first_row: int, count: int, used: int, height: float | None = None,
               heights: Sequence[float | None] = ()) -> None:
    """Group rows ``first_row`` … ``first_row + count - 1`` (0-based) by level; groups deeper than needed for
    the ``used`` rows are collapsed (hidden), the others open. ``height``: the rows' height (pt; default the
    sheet's); ``heights``: the first rows' own heights (None: ``height``)."""
    ws.outline_settings(True, False, True, False)  # symbols shown, the "+" on the row above a group
    opened = shown_level(used)
    for i in range(count):
        lvl = level(i)
        deeper = i + 1 < count and level(i + 1) > lvl  # the row above a group holds its "+"
        own = heights[i] if i < len(heights) else None
        ws.set_row(first_row + i, own if own is not None else height, None, {"level": lvl, "hidden": lvl > opened,
                                               "collapsed": deeper and level(i + 1) > opened})


def growing_rows(ws: Worksheet, first_row: int, count: int) -> Worksheet:
    """Write rows ``first_row`` … ``first_row + count - 1`` (0-based) with their height but not as a set height
    (no customHeight, as Excel saves a row it has fitted to its text): Excel and Calc grow such a row when a
    wrapped cell in it gets a longer text, where a set height stays and cuts the text (audit42 F8, D192).
    xlsxwriter marks every height other than 15 pt as set, so its row tags are written without the mark."""
    rows = range(first_row + 1, first_row + count + 1)  # the tags' 1-based "r"

    def unset(write: Callable[..., None]) -> Callable[..., None]:
        def written(tag: str, attributes: list[tuple[str, object]] | None = None) -> None:
            attributes = attributes or []
            if tag == "row" and any(key == "r" and value in rows for key, value in attributes):
                attributes = [(key, value) for key, value in attributes if key != "customHeight"]
            write(tag, attributes)
        return written

    ws._xml_start_tag_unencoded = unset(ws._xml_start_tag_unencoded)  # type: ignore[method-assign]
    ws._xml_empty_tag_unencoded = unset(ws._xml_empty_tag_unencoded)  # type: ignore[method-assign]
    return ws


def hidden_filled(first_row: int, last_row: int, first_col: str, last_col: str) -> str:
    """Formula: how many filled input cells sit in hidden rows (COUNTA less SUBTOTAL 103, which skips rows
    hidden by the outline in Excel and LibreOffice). 1-based rows; the input columns only, never a formula
    column whose "" COUNTA would count."""
    rng = f"${first_col}${first_row}:${last_col}${last_row}"
    return f"COUNTA({rng})-SUBTOTAL(103,{rng})"


def hint_or_warning(ws: Worksheet, row: int, col: int, first_row: int, last_row: int, first_col: str,
                    last_col: str, note: Format, alert: Format, hint_text: str = HINT) -> None:
    """The cell above a register's rows: empty while every filled row shows, a red warning (printed too) when a
    filled row is hidden; how to open more rows (``hint_text``) is the cell's comment, which Excel and LibreOffice
    show on screen and do not print (D215: the signed or filed paper says nothing about the screen's "+" buttons,
    but a paper that leaves out filled rows says so)."""
    hidden_warning(ws, row, col, first_row, last_row, first_col, last_col, note, alert)
    ws.write_comment(row, col, f"{hint_text} (Norāde ekrānam, nedrukājas.)", NOTE_BOX)


def hidden_warning(ws: Worksheet, row: int, col: int, first_row: int, last_row: int, first_col: str,
                   last_col: str, note: Format, alert: Format) -> None:
    """The red WARNING in cell (``row``, ``col``) while a filled row of ``first_row``–``last_row`` is hidden;
    empty otherwise (hint_or_warning; 28 has it also beside its total, D376)."""
    count = hidden_filled(first_row, last_row, first_col, last_col)
    ws.write_formula(row, col, f'=IF({count}>0,"{WARNING}","")', note, "")
    ws.conditional_format(row, col, row, col, {"type": "formula", "criteria": f"={count}>0", "format": alert})
