"""The 40 plan rows of a sheet as collapsed outline groups, so that empty rows do not print.

A sheet shows the first VISIBLE plan rows; the rest sit in nested, collapsed outline groups of STEP
rows (rows 6–40 level 1, 11–40 level 2, …, 36–40 level 7), summary rows above. A person who needs more
rows opens one group with the "+" left of the row numbers and gets five more rows (Excel and LibreOffice
both keep hidden rows out of the print): at most four unused rows print (struck "—" on the signed annexes,
blank elsewhere). Seven levels are the most both programs keep: Excel's outline has seven levels (buttons
1–8; XlsxWriter caps a row's level at 7, and the OOXML schema itself types outlineLevel as any unsignedByte),
and LibreOffice 7.4 keeps seven nested row groups as well (buttons 1–8; a file with ten nested levels came back
from LibreOffice with seven of them, measured with the installed 7.4.7). So 5 shown rows and groups of 5 are
the finest equal steps that reach row 40. Every row keeps its address: the defined names, the formulas and the
collection reader see all 40 rows, hidden or not.

When a filled row is hidden, a warning printed on the sheet says so: COUNTA or COUNT of a column that
is filled exactly in the used rows, less SUBTOTAL 103 or 102 of it (SUBTOTAL 1xx ignores rows hidden by
the outline in Excel and LibreOffice; no OFFSET, which the workbook avoids), and the same for every input
column of the plan rows: a note typed alone into a hidden row counts as filled too (D23). The warning is
about the printout; 6.11 counts each sheet with a filled hidden row as an invalid input as well (D191, audit42 F3:
amounts use every row, the signed annexes print the shown ones only), naming the sheet and the rows
(row_hidden_filled, hidden_message). The reference knows nothing of row visibility: the ministry's reader refuses
such a matrix from the file's row attributes (generator/ministry/matrix.py hidden_rows).
"""

from __future__ import annotations

from generator.workbook.layout import SPACED_SHEETS, line_offset
from generator.workbook.sheetio import PlanRows, Sheet
from generator.workbook.texts import EMPTY_MARK, OPEN_UNUSED_ROWS, STRUCK_ROWS

VISIBLE = 5  # plan rows shown in a new workbook
STEP = 5  # rows each group opens
MAX_LEVEL = 7  # the deepest outline level of Excel and LibreOffice (see above)
HINT = (f"Rādītas {VISIBLE} plāna rindas; vēl pa {STEP} rindām (līdz 40) atver ar „+” pa kreisi no rindu numuriem "
        f"vai ar struktūras pogām 1–{MAX_LEVEL + 1} augšējā kreisajā stūrī. Aizvērtās rindas nedrukā.")
# Printed in the repeated label columns (two lines of them at Excel's column widths), so that no page edge cuts
# it; how to open the rows is in HINT, on the screen.
WARNING = "UZMANĪBU: nav izdrukātas paslēptās rindas"
WARNING_ROW_HEIGHT = 22  # two lines of 9 pt bold (one line where the label columns are wide enough)


def level(index: int, visible: int = VISIBLE, step: int = STEP) -> int:
    """The outline level of plan row ``index`` (0-based): 0 for the first ``visible`` rows (shown), 1.. in the
    nested groups of ``step`` rows."""
    return 0 if index < visible else (index - visible) // step + 1


def shown_level(lines: int) -> int:
    """The deepest outline level that must be open for the first ``lines`` plan rows to show."""
    return level(lines - 1) if lines > 0 else 0


def line_spacers(sh: Sheet) -> tuple[int, ...]:
    """The spacer lines of ``sh`` (D288): Layout.spacers on a spaced sheet, none on 6.4."""
    return sh.book.layout.spacers if sh.title in SPACED_SHEETS else ()


def line_row(sh: Sheet, i: int, first_row: int) -> int:
    """The sheet row of plan line ``i`` on ``sh`` whose plan rows start at ``first_row``."""
    return first_row + line_offset(i, line_spacers(sh))


def outline(sh: Sheet, first_row: int, count: int, height: float | None, visible: int = VISIBLE,
            step: int = STEP, first_height: float | None = None) -> None:
    """Group the ``count`` plan lines from ``first_row`` (1-based; their rows Layout.plan_row, with the spacer rows of
    Layout.spacers between them, D288) in nested groups of ``step`` lines and collapse them; the first ``visible``
    lines stay shown (with none, the row above ``first_row`` holds the first group's "+": the caller marks it
    collapsed). A spacer row is in the group of the line it opens; spacers.apply sets its height once the sheet is
    written. ``first_height``: the height of the always shown rows, where it differs (6.5, D197)."""
    if level(count - 1, visible, step) > MAX_LEVEL:
        raise ValueError(f"{count} rows in groups of {step} need more than {MAX_LEVEL} outline levels")
    sh.ws.outline_settings(True, False, True, False)  # symbols shown, summary rows above the detail
    spacers = line_spacers(sh)
    rows: list[tuple[int, int, float | None]] = []  # (sheet row, level, height)
    for i in range(count):
        lvl = level(i, visible, step)
        row = line_row(sh, i, first_row)
        if i in spacers:
            rows.append((row - 1, lvl, None))
        rows.append((row, lvl, first_height if first_height is not None and lvl == 0 else height))
    for k, (row, lvl, shown) in enumerate(rows):
        summary = k + 1 < len(rows) and rows[k + 1][1] > lvl  # the row above a group holds its "+"
        options = {"level": lvl, "hidden": lvl > 0, "collapsed": summary}
        sh.ws.set_row(row - 1, shown, None, options)


def hidden_filled(column: str, first_row: int, count: int, inputs: tuple[str, ...] = ()) -> str:
    """Formula: how many filled cells the hidden plan rows hold (> 0: a filled row is hidden). ``column``
    is "C" for an input column (empty or a value) or "=C" for a formula column that is a number in a
    used row and "" otherwise; ``inputs`` are the other input columns or blocks of them ("F", "H:I"),
    each empty or typed into."""
    last = first_row + count - 1

    def cells(letters: str) -> str:
        a, _, b = letters.partition(":")
        return f"${a}${first_row}:${b or a}${last}"

    numbers = column.startswith("=")
    rng = cells(column.lstrip("="))
    terms = [f"COUNT({rng})-SUBTOTAL(102,{rng})" if numbers else f"COUNTA({rng})-SUBTOTAL(103,{rng})"]
    terms += [f"COUNTA({cells(c)})-SUBTOTAL(103,{cells(c)})" for c in inputs]
    return "+".join(f"({t})" for t in terms) if inputs else terms[0]


def row_hidden_filled(rows: PlanRows, row: int) -> str:
    """Formula (on another sheet): ``row`` of ``rows.sheet`` when that row is filled (as hidden_filled counts it) and
    hidden, else 0. SUBTOTAL 102/103 of the row's own cells leave it out while the row is hidden (Excel 2010,
    LibreOffice 7.4; Excel updates the count on its next recalculation, not the moment a row is hidden)."""
    sheet = f"'{rows.sheet}'!"

    def cells(letters: str) -> str:
        a, _, b = letters.partition(":")
        return f"{sheet}${a}${row}:${b or a}${row}"

    used = rows.used.lstrip("=")
    counts = ["COUNT", "102"] if rows.used.startswith("=") else ["COUNTA", "103"]
    terms = [f"{counts[0]}({cells(used)})-SUBTOTAL({counts[1]},{cells(used)})"]
    terms += [f"COUNTA({cells(c)})-SUBTOTAL(103,{cells(c)})" for c in rows.inputs]
    return f"IF({'+'.join(f'({t})' for t in terms)}>0,{row},0)"


HIDDEN_ONE = "aizpildīta rinda {row} ir paslēpta un netiks izdrukāta"
HIDDEN_MANY = "aizpildītas rindas {first}–{last} ir paslēptas un netiks izdrukātas"
HIDDEN_HOW = (f"atveriet grupas ar „+” pa kreisi no rindu numuriem (vai struktūras pogu {MAX_LEVEL + 1}) vai parādiet "
              "paslēptās rindas")


def hidden_message(sheet: str, flags: str) -> str:
    """Formula: 6.11's message of a sheet whose ``flags`` (row_hidden_filled of each plan row) name hidden filled
    rows: the sheet, the first and the last such row, how to open them."""
    count = f'COUNTIF({flags},">0")'
    first = f"SMALL({flags},COUNTIF({flags},0)+1)"
    one = '"' + HIDDEN_ONE.replace("{row}", f'"&{first}&"') + '"'
    many = '"' + HIDDEN_MANY.replace("{first}", f'"&{first}&"').replace("{last}", f'"&MAX({flags})&"') + '"'
    return f'"{sheet}. tabula: "&IF({count}=1,{one},{many})&" – {HIDDEN_HOW}."'


def struck_count(number_col: str, first_row: int, count: int) -> str:
    """Formula: how many unused plan rows print (their Nr. cell in ``number_col`` is EMPTY_MARK, a used row's a
    number): text cells less number cells among the rows shown (SUBTOTAL 103/102 skip the collapsed ones)."""
    rng = f"${number_col}${first_row}:${number_col}${first_row + count - 1}"
    return f"(SUBTOTAL(103,{rng})-SUBTOTAL(102,{rng}))"


def mark_unused(used: str, value: str) -> str:
    """Formula of a plan row's Nr. (or name) cell of a signed annex: EMPTY_MARK while the row is unused (``used``
    is the condition of a used row), so that nothing can be written into it after signing (F2)."""
    return f'IF({used},{value},"{EMPTY_MARK}")'


def struck_note(struck: str, otherwise: str = "") -> str:
    """Formula: STRUCK_ROWS while an unused row prints (``struck``: the Nr. column of the plan rows as
    "A9:A48"), else ``otherwise``."""
    col, _, rest = struck.partition(":")
    letter = col.rstrip("0123456789")
    first = int(col[len(letter):])
    last = int(rest.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    count = struck_count(letter, first, last - first + 1)
    shown = f"SUBTOTAL(103,${letter}${first}:${letter}${last})"  # every Nr. cell holds a number or EMPTY_MARK
    # more unused rows than a program leaves open (STEP − 1), in a group that "−" closes (audit32 F7; not an error)
    too_many = f"AND({count}>{STEP - 1},{shown}>{VISIBLE})"
    return f'IF({too_many},"{OPEN_UNUSED_ROWS}",IF({count}>0,"{STRUCK_ROWS}","{otherwise}"))'


def alert_when_warned(sh: Sheet, cell: str) -> None:
    """Conditional format: ``cell`` turns red (alert_mark) while it shows one of the printed warnings."""
    ref = f'${cell.rstrip("0123456789")}${cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}'
    sh.ws.conditional_format(cell, {"type": "formula", "criteria": f'=OR({ref}="{WARNING}",{ref}="{OPEN_UNUSED_ROWS}")',
                                    "format": sh.st.alert_mark})


def warning(sh: Sheet, cell: str, column: str, first_row: int, count: int, to_col: str,
            height: float = WARNING_ROW_HEIGHT, inputs: tuple[str, ...] = (), otherwise: str = "",
            struck: str | None = None) -> None:
    """The printed warning in ``cell`` when a filled plan row (``column`` or one of ``inputs`` non-empty) is
    hidden, wrapped in ``cell``..``to_col`` (the sheet's repeated label columns). ``otherwise``: a heading the cell
    shows (bold, black) while no filled row is hidden, in place of a row of its own (6.5). ``struck`` (the Nr.
    column of the signed annexes 6.3, 6.6, 6.9, whose unused rows print EMPTY_MARK): otherwise the cell says that
    those rows are struck (STRUCK_ROWS), while one prints."""
    row = int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    fmt = sh.st.label_bold if otherwise or struck else sh.st.alert
    if to_col != cell.rstrip("0123456789"):
        sh.ws.merge_range(f"{cell}:{to_col}{row}", "", fmt)
    rest = struck_note(struck, otherwise) if struck else f'"{otherwise}"'
    cached = STRUCK_ROWS if struck else otherwise  # a new workbook: every shown row is unused
    sh.formula(cell, f'IF({hidden_filled(column, first_row, count, inputs)}>0,"{WARNING}",{rest})', fmt, cached)
    if otherwise or struck:
        alert_when_warned(sh, cell)
    sh.row_height(row, height)


def hint(sh: Sheet, cell: str) -> None:
    """How to open more rows, in a cell outside the print area (seen on screen, never printed)."""
    sh.text(cell, HINT, sh.st.beside)


def blank_when_empty(sh: Sheet, cells: str, column: str, first_row: int) -> None:
    """Conditional format: ``cells`` (e.g. the row numbers) print blank while the row's ``column`` is empty."""
    sh.ws.conditional_format(cells, {"type": "formula", "criteria": f'=${column.lstrip("=")}{first_row}=""',
                                     "format": sh.st.blank_mark})


def plan_rows(sh: Sheet, first_row: int, count: int, height: float | None, *, used: str,
              warning_cell: str, hint_cell: str | None, number_col: str | None = "A", warning_to: str = "B",
              warning_height: float = WARNING_ROW_HEIGHT, inputs: tuple[str, ...] = (), otherwise: str = "",
              struck: str | None = None, first_height: float | None = None, number_used: str | None = None) -> None:
    """Everything above for one sheet's plan rows; ``used`` is the column that tells a used row and ``inputs``
    the sheet's other input columns of the plan rows (see hidden_filled); the warning is merged up to
    ``warning_to``, the last repeated label column. ``struck``: see warning; ``first_height``: see outline;
    ``number_used``: the column, blank only in an unused row, whose blank hides the row's number (default ``used``)."""
    outline(sh, first_row, count, height, first_height=first_height)
    lines = tuple(line_row(sh, i, first_row) for i in range(count))
    sh.book.plan_rows.append(PlanRows(sh.title, first_row, count, used, inputs, lines))
    count = lines[-1] - first_row + 1  # the block's sheet rows, spacers included (blank: no count sees them)
    warning(sh, warning_cell, used, first_row, count, warning_to, warning_height, inputs, otherwise, struck)
    if hint_cell:
        hint(sh, hint_cell)
    if number_col:
        last = first_row + count - 1
        blank_when_empty(sh, f"{number_col}{first_row}:{number_col}{last}", number_used or used, first_row)
