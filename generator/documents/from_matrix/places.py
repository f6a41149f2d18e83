"""Where a refusal of `ibm documents --from-matrix` is fixed: the sheet, the cell and its Latvian label as the
matrix shows them, and the 6.11 row that counts the problem.

Every place is read from the file itself: a cell by the defined name the interface gives it (workbook-interface.md;
the template registry keeps where each name belongs), its label from the text the sheet shows beside it (left of it
in its row) or above it (a plan table's column heading), and the 6.11 row by the rule code in 6.11's hidden code
column. No cell address is typed here, so an older template's layout is named as that file has it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from generator.ministry.integrity import Content
from generator.ministry.matrix import RECIPIENT_NAME, TRANSPORT_REASON_NAME, Matrix
from generator.ministry.xlsxread import Coord, NameRef, a1, col_index
from generator.reference.findings import Finding, Severity
from generator.reference.inputs import DELIVERED_LABEL, PLANNED_LABEL, REQUIRED_PARTIES
from generator.reference.workbook import BASE_CELL, FINAL_CELL, SOURCE_CELLS
from generator.workbook.layout import SPACED_SHEETS, block_rows, line_offsets
from generator.workbook.sheets.first_cell import FIRST

CHECKS_SHEET, CHECKS_CODE, CHECKS_KIND, CHECKS_WHERE = "6.11", "S", "D", "F"  # 6.11: hidden code, "Veids", "Kur redzams"
CHECKS_MESSAGE = "U"  # 6.11's hidden table of every checked input cell: its message formula names the cell
INVALID_INPUT = "invalid_input"  # 6.11 „Ievades šūnā ir nederīga vērtība” (the list of such cells under it)
LABEL_ABOVE = 4  # a plan table's column heading is this many rows above its first row at most
CODE_RE = re.compile(r"^[a-z0-9_]+$")  # a rule code (6.11's hidden code column), no label
CHECKED_CELL_RE = re.compile(r'^IF\(N\([^)]*\)>0,"(\S+) ([A-Z]{1,3}[0-9]+): ')

# The cells a rule's finding is fixed in, by the defined names of the interface: per plan line (the finding's
# ``lines``), per 6.8 item of such a line, per month of such a line (the finding's ``month``; the whole row when it
# has none), and cells of their own. A rule whose code is not here names its 6.11 row and tables only (NO_CELLS).
LINE_CELLS: dict[str, tuple[str, ...]] = {
    "incompatible": ("Plans_Pakalpojums",),
    "day_care_sessions": ("Plans_Pakalpojums",),
    "monthly_units": ("Plans_Daudzums",),
    "impairment": ("Plans_Pakalpojums",),
    "recipient": (RECIPIENT_NAME,),
    "ignored_line_data": ("Plans_Pakalpojums", "Plans_Daudzums"),
    "units_above_period": ("Plans_Daudzums",),
    "line_above_provisional": ("Plans_Daudzums",),
    "units_above_max": ("Plans_Daudzums",),  # D377: 6.3's period units above the plausible highest
    "transport_share": (),
}
ITEM_CELLS: dict[str, tuple[str, ...]] = {
    "price_above_ceiling": ("Pak_Cena",),
    "actual_cost_price": ("Pak_Cena",),
    "no_provider_price": ("Pak_Cena",),  # D364: a 6.8 price of 0,00
    "price_implausible": ("Pak_Cena",),  # D370: a 6.8 price above its unit's plausible highest
    "ceiling_unconfirmed": ("Pak_Cena",),
    "line_above_provisional": ("Pak_Cena",),
    "money_above_max": ("Pak_Cena",),  # D340: a 6.8 price above the plausible highest
}
MONTH_CELLS: dict[str, tuple[str, ...]] = {
    "day_services": ("Men_Daudzums",),
    "monthly_units": ("Men_Daudzums",),
    "outside_period": ("Men_Daudzums", "Fakt_Daudzums", "Fakt_Summa"),
    "delivered_above_plan": ("Fakt_Daudzums",),
    "delivered_above_max": ("Fakt_Daudzums",),  # D365: 6.10's month cell above the plausible highest
    "planned_above_max": ("Men_Daudzums",),  # D377: and 6.6's
    "paid_above_max": ("Fakt_Summa",),
    "paid_above_delivered": ("Fakt_Summa",),
    "ignored_line_data": ("Men_Daudzums", "Fakt_Daudzums", "Fakt_Summa"),
    "units_above_month": ("Men_Daudzums",),
}
OWN_CELLS: dict[str, tuple[str, ...]] = {
    "not_eligible": ("Berns_DzimsanasDatums", "Perioda_Sakums"),
    "outside_reporting_period": ("Perioda_Sakums",),
    "past_reporting_period": ("Perioda_Sakums", "Perioda_Menesi"),
    "prices_not_in_force": ("Perioda_Sakums", "Perioda_Menesi"),
    "impairment": ("Berns_Traucejums",),
    "transport_share": (TRANSPORT_REASON_NAME,),
    "final_above_needed": ("IB_Galigais",),
    "municipality_not_listed": ("Pasvaldiba",),
    "municipality_not_in_round": ("Pasvaldiba", "Perioda_Sakums"),
    "base_differs": ("Bazes_Apmers",),
}
# a rule whose message says which input it is about, and the typed place it starts with: the message is said
# without it and the file's own place follows (reference/workbook.py, reference/inputs.py)
SOURCE_NAMES = dict(zip(("benefits", "services", "other"), ("Fin_Pabalsti", "Fin_Pakalpojumi", "Fin_Citi"),
                        strict=True))
TYPED_PLACES: dict[str, tuple[tuple[str, str], ...]] = {
    "final_above_needed": ((f"{FINAL_CELL}: ", "IB_Galigais"),),
    "base_differs": ((f"{BASE_CELL}: ", "Bazes_Apmers"),),
    "source_above_needed": tuple((f"{cell}: ", SOURCE_NAMES[attr]) for attr, cell, _ in SOURCE_CELLS),
    "required_field": tuple((f"{p.where}: ", p.name) for p in REQUIRED_PARTIES),
    "municipality_not_listed": ((f"{REQUIRED_PARTIES[0].where}: ", "Pasvaldiba"),),
    "municipality_not_in_round": ((f"{REQUIRED_PARTIES[0].where}: ", "Pasvaldiba"),),
}
# the amounts of reference.workbook.check_input_values by the words of their message
CENTS_NAMES = (("bāzes apmēram B", "Bazes_Apmers"), ("IB galīgajam apmēram F", "IB_Galigais"),
               ("pabalstu summai", "Fin_Pabalsti"), ("valsts un pašvaldību pakalpojumu summai", "Fin_Pakalpojumi"),
               ("citu finanšu avotu summai", "Fin_Citi"))
# the reference's input checks the matrix counts as invalid inputs, in 6.11's list under INVALID_INPUT (F above N is
# the check of the F cell itself, input_checks kind "final")
INPUT_RULES = frozenset({"money_cents", "whole_units", "required_field", "municipality_not_listed",
                         "municipality_not_in_round",  # 6.1 B5's code 3: not in the round of the plan's first day
                         "final_above_needed", "date_serial",  # date_serial: a day's serial in a number input (D286)
                         "money_above_max",  # D340: a 6.8 price above the plausible highest
                         "paid_above_max", "delivered_above_max",  # D365: a 6.10 month cell above it
                         "units_above_max", "planned_above_max"})  # D377: 6.3's units, a 6.6 month cell above it
# a fraction of a whole unit (D256): the line's period units, or the month's cell of the grid its words name
WHOLE_UNITS_MONTHS = ((PLANNED_LABEL, "Men_Daudzums"), (DELIVERED_LABEL, "Fakt_Daudzums"))
# rules with no cell of their own in any message: the tables and the 6.11 row the matrix names are the place
NO_CELLS = frozenset({"transport_share_overridden", "missing_price", INVALID_INPUT})
# rules a matrix cannot give: it holds exactly its plan rows (a grown table is refused before it is read), so more
# lines than the matrix has (D293) is the calculator's and the reference's only
NOT_IN_MATRIX = frozenset({"too_many_lines"})


def _text(value: object) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    return ""


# The value a sheet shows in a cell: (sheet, (row, col)) -> value (None: empty). Labels are read through it, from
# the file itself (file_values) or from the template's own fixed cells (template_values), where the file may have
# changed them.
Values = Callable[[str, Coord], object]


def file_values(m: Matrix, *, fixed: bool = False) -> Values:
    """The file's values; ``fixed``: only of its locked cells (what a person types is never read as a label)."""
    def value(sheet: str, at: Coord) -> object:
        if fixed and at in m.book.unlocked.get(sheet, ()):
            return None
        cell = m.book.cell(sheet, at)
        return cell.value if cell is not None else None
    return value


def template_values(cells: Content) -> Values:
    """The template's fixed values (integrity.content: "v:s:text", "v:n:2"); a formula or an input is no label."""
    def value(sheet: str, at: Coord) -> object:
        text = cells.get(sheet, {}).get(at)
        if text is None or not text.startswith("v:"):
            return None
        kind, _, raw = text[2:].partition(":")
        if kind == "s":
            return raw
        if kind == "n":
            return float(raw)
        return None
    return value


def _values(m: Matrix | Values) -> Values:
    return file_values(m) if isinstance(m, Matrix) else m


def _left_label(m: Matrix | Values, sheet: str, row: int, col: int) -> str:
    """The nearest text left of a cell in its row (the label the sheet shows beside an input)."""
    values = _values(m)
    for c in range(col - 1, 0, -1):
        if text := _text(values(sheet, (row, c))):
            return text
    return ""


def _heading(m: Matrix | Values, sheet: str, row: int, col: int) -> str:
    """A plan table's column heading above its first ``row``: its text, or for a month column (a number) "2.
    mēnesis" after the heading of the group of months when the sheet has one ("Saņemts, vienības, 2. mēnesis")."""
    values = _values(m)
    when = ""  # the month's own row under its number: its first day (a date) or „ārpus perioda”
    for r in range(row - 1, max(row - 1 - LABEL_ABOVE, 0), -1):
        value = values(sheet, (r, col))
        if value in (None, ""):
            continue
        if isinstance(value, dt.date):  # 6.6's and 6.10's months: „4. mēnesis (01.2019)” (audit33a F8)
            when = f"{value:%m.%Y}"
            continue
        if isinstance(value, int | float) and not isinstance(value, bool):
            month = f"{int(value)}. mēnesis" + (f" ({when})" if when else "")
            group = _left_label(values, sheet, r - 1, col + 1) if r > 1 else ""
            return f"{group}, {month}" if group and not group.endswith(":") else month
        if not when and r > 1 and _is_number(values(sheet, (r - 1, col))):
            # a month after the plan's end: the number above it is the heading; an error value (a start date typed
            # as text leaves „#VALUE!”) names no month: „1. mēnesis” alone (audit36a F8)
            when = "" if _error_value(value) else _text(value)
            continue
        return _text(value)
    return ""


def _error_value(value: object) -> bool:
    """A formula's error as a file keeps it: „#VALUE!”, „#REF!”, „#N/A” (Excel) or „Err:502” (LibreOffice)."""
    return isinstance(value, str) and (value.startswith("#") or value.startswith("Err:"))


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _months(head: str, cols: int) -> str:
    """A month table's label for all its ``cols`` months: "Saņemts, vienības, 1.–6. mēnesis"."""
    group = head.rsplit(", ", 1)[0] if ", " in head else ""
    months = f"1.–{cols}. mēnesis"
    return f"{group}, {months}" if group else months


def area(values: Values, ref: NameRef) -> str:
    """Where a defined name's cells are, with the label the sheet shows: "6.1. tabula, B38 „Perioda pirmā diena”",
    "6.3. tabula, G9:G48 „Daudzums periodā”", "6.6. tabula, E9:P48 „1.–12. mēnesis”" (a name the file lacks or
    has moved: its place in the template, labelled by ``values``)."""
    first_row, first_col = ref.first
    if ref.rows > 1 or ref.cols > 1:
        head = _heading(values, ref.sheet, first_row, first_col)
        label = _months(head, ref.cols) if ref.cols > 1 and head else head
        address = f"{a1(ref.first)}:{a1(ref.last)}"
    else:
        label = _left_label(values, ref.sheet, first_row, first_col)
        address = a1(ref.first)
    return f"{ref.sheet}. tabula, {address} „{label}”" if label else f"{ref.sheet}. tabula, {address}"


def changed_cell(values: Values, names: Mapping[str, NameRef], sheet: str, at: Coord) -> str:
    """A template cell the file changed, named with its label in the template ("6.4. tabula, E58 „IB nepieciešamais
    apmērs N”"): a text cell by its own template text, a cell of a defined name as the name's label (a table's
    column heading and line), any other cell by the text left of it in the template's row. ``values``: the
    template's fixed cells (template_values) where known, so a changed label is named by what it should say."""
    own = _text(values(sheet, at))
    label = f"„{own}”" if own else ""
    covering = [(ref.rows * ref.cols, name, ref) for name, ref in names.items()
                if not name.startswith("_") and ref.sheet == sheet
                and ref.first[0] <= at[0] <= ref.last[0] and ref.first[1] <= at[1] <= ref.last[1]]
    if not label and covering:
        _, name, ref = min(covering)
        row = at[0] - ref.first[0]
        if sheet in SPACED_SHEETS and ref.rows == block_rows():  # a plan name spanning spacer rows (D288): its line
            offsets = line_offsets()
            row = offsets.index(row) if row in offsets else row
        if ref.rows > 1 or ref.cols > 1:
            head = _heading(values, sheet, ref.first[0], at[1])
            label = f"„{head}”" if head else ""
            item = _text(values(sheet, (at[0], 1))) if name.startswith("Pak_") else ""
            if item:  # a 6.8 row: its item, as cell() names a price
                label = f"{label}, pakalpojums „{item}”" if label else f"pakalpojums „{item}”"
            elif ref.rows > 1:
                label = f"{label}, {row + 1}. rinda" if label else f"{row + 1}. rinda"
        else:
            text = _left_label(values, sheet, at[0], at[1])
            label = f"„{text}”" if text else ""
    if not label and (text := _left_label(values, sheet, at[0], at[1])) and not CODE_RE.match(text):
        label = f"„{text}”"  # not a rule code of 6.11's hidden columns: no label the reader sees
    return f"{sheet}. tabula, {a1(at)} {label}" if label else f"{sheet}. tabula, {a1(at)}"


def cell(m: Matrix, name: str, row: int = 0, col: int = 0) -> tuple[str, str] | None:
    """(sheet, "B38 „Perioda pirmā diena”") of one cell of a defined name; a plan table's cell with its line, a 6.8
    price with its item: "G11 „Daudzums periodā”, 3. rinda", "I12 „Sniedzēja cena, EUR par vienību”, pakalpojums
    „1.1.2 …”"; None when the file has no such name."""
    ref = m.refs.get(name)
    if ref is None:
        return None
    first_row, first_col = ref.first
    at = (first_row + m.row_of(name, row), first_col + col)  # a plan line's row: the spacer rows above it (D288)
    if ref.rows > 1 or ref.cols > 1:
        label = _heading(m, ref.sheet, first_row, at[1])
    else:
        label = _left_label(m, ref.sheet, *at)
    text = f"{a1(at)} „{label}”" if label else a1(at)
    if ref.rows > 1 and name.startswith("Pak_"):
        item = m.book.cell(ref.sheet, (at[0], 1))
        if item is not None and (item_text := _text(item.value)):
            return ref.sheet, f"{text}, pakalpojums „{item_text}”"
    if ref.rows > 1 and ref.cols > 1 and (service := _line_service(m, ref.sheet, first_row, at[0])):
        # a month of a plan line (6.6, 6.10): its service too, the line number alone is read off the sheet (audit33a F8)
        return ref.sheet, f"{text}, {row + 1}. rinda, pakalpojums „{service}”"
    if ref.rows > 1:
        return ref.sheet, f"{text}, {row + 1}. rinda"
    return ref.sheet, text


SERVICE_COLUMN = 2  # a month table's column B: the line's service, under a heading „SBS pakalpojums …”


def _line_service(m: Matrix, sheet: str, first_row: int, row: int) -> str:
    """The service of a month table's plan line ("3.1.6i Psihologs, individuāli"), "" when the line has none."""
    if not _heading(m, sheet, first_row, SERVICE_COLUMN).startswith("SBS pakalpojums"):
        return ""
    found = m.book.cell(sheet, (row, SERVICE_COLUMN))
    return _text(found.value) if found is not None else ""


def row_cells(m: Matrix, name: str, row: int) -> tuple[str, str] | None:
    """(sheet, "E11:J11 „1.–6. mēnesis”, 3. rinda") of one plan line's months in a month table."""
    ref = m.refs.get(name)
    if ref is None:
        return None
    if ref.cols <= 1:
        return cell(m, name, row)
    first_row, first_col = ref.first
    start, end = (first_row + row, first_col), (first_row + row, first_col + ref.cols - 1)
    label = _months(_heading(m, ref.sheet, first_row, first_col), ref.cols)
    return ref.sheet, f"{a1(start)}:{a1(end)} „{label}”, {row + 1}. rinda"


OUTSIDE_PERIOD = "outside_period"


def after_period_cells(m: Matrix, name: str, line: int) -> list[tuple[str, str]] | None:
    """The cells of plan ``line``'s months in ``name`` after the plan's last month (Perioda_Menesi) that hold a number
    other than 0, each on its own, as every other message names its cell (D304); None when the file's month count is
    not a number (then the line's months are named)."""
    months = m.scalar("Perioda_Menesi") if m.has("Perioda_Menesi") else None
    ref = m.refs.get(name)
    if not _is_number(months) or ref is None or line >= m.lines(name):
        return None
    values = m.grid(name)[line]
    return [found for k, value in enumerate(values) if k >= int(months) and _is_number(value) and value != 0
            and (found := cell(m, name, line, k)) is not None]


def check_row(m: Matrix, code: str, severity: Severity | None = None) -> tuple[int, str] | None:
    """The 6.11 row where the matrix counts rule ``code`` (of ``severity`` when it has rows of both kinds) and the
    tables it names as where it shows ("6.4., 6.8. tabula"), read from the file itself (its hidden code column), so
    an older template's layout is named right."""
    cells = m.book.cells.get(CHECKS_SHEET, {})
    code_col, kind_col, where_col = col_index(CHECKS_CODE), col_index(CHECKS_KIND), col_index(CHECKS_WHERE)
    rows = sorted(row for (row, col), value in cells.items() if col == code_col and value.value == code)
    for row in rows:
        kind = cells.get((row, kind_col))
        if severity is None or (kind is not None and kind.value == severity.value):
            break
    else:
        if not rows:
            return None
        row = rows[0]
    where = cells.get((row, where_col))
    return row, where_tables(where.value, where.formula) if where is not None else ""


FIRST_PLACE = FIRST  # „Kur redzams” of a rule row while it counts one names its first cell (D371)
TABLES_FALLBACK_RE = re.compile(r'"((?:[^"]|"")*)"\)\s*$')  # the formula's last text: its tables (first_cell.where)
FIRST_TABLE_RE = re.compile(r"^(\d+(?:\.\d+)*\.\s+tabula)")


def where_tables(value: object, formula: str | None = None) -> str:
    """The tables a 6.11 rule row's „Kur redzams” names, from its saved value: as it is ("6.4., 6.8. tabula"); while
    it names the rule's first cell instead („pirmā: 6.8. tabula, I35”, D371) or a file kept no value of it (saved by
    a script), the tables its ``formula`` says when it counts none (its last text), else the first cell's table ("6.8.
    tabula") – the saved first cell need not be the cell of the finding being named, which has its own cells when
    they are known (D375)."""
    text = _text(value)
    if text and not text.startswith(FIRST_PLACE):
        return text
    if formula and FIRST_PLACE in formula and (found := TABLES_FALLBACK_RE.search(formula)):
        return _text(found.group(1).replace('""', '"'))
    place = text.removeprefix(FIRST_PLACE)
    found = FIRST_TABLE_RE.match(place)
    return _text(found.group(1)) if found else place


def checked_cells(m: Matrix) -> frozenset[tuple[str, str]]:
    """(sheet, "B38") of every input cell the matrix's own checks count on 6.11 as an invalid input (its hidden
    table's message formulas name them, as the list under „Ievades šūnā ir nederīga vērtība” shows them)."""
    cells = m.book.cells.get(CHECKS_SHEET, {})
    message_col = col_index(CHECKS_MESSAGE)
    return frozenset((found[1], found[2]) for (_, col), value in cells.items()
                     if col == message_col and value.formula and (found := CHECKED_CELL_RE.match(value.formula)))


def joined(places: Iterable[tuple[str, str]], check: tuple[int, str] | None = None, *,
           tables: bool = False) -> str:
    """"6.1. tabula, B38 „…”, B39 „…”; 6.11. tabulas 31. rinda": the cells by sheet (each once), then the 6.11 row;
    ``tables``: the tables 6.11 names when no cell is known."""
    by_sheet: dict[str, list[str]] = {}
    for sheet, text in places:
        texts = by_sheet.setdefault(sheet, [])
        if text not in texts:
            texts.append(text)
    parts = [f"{sheet}. tabula, {', '.join(texts)}" for sheet, texts in by_sheet.items()]
    if check is not None:
        if not parts and tables and check[1]:
            parts.append(check[1])
        parts.append(f"{CHECKS_SHEET}. tabulas {check[0]}. rinda")
    return "; ".join(parts)


def input_place(m: Matrix, name: str, row: int = 0, col: int = 0, checked: frozenset | None = None) -> str:
    """Where an invalid input is fixed, before the colon of its problem: its cell with its label and, when the
    matrix itself counts it, 6.11's row of invalid inputs ("6.1. tabula, B38 „Perioda pirmā diena” (6.11. tabulas
    55. rinda)"); the defined name alone when the file has no such name."""
    found = cell(m, name, row, col)
    if found is None:
        return name
    ref = m.refs[name]
    address = a1((ref.first[0] + m.row_of(name, row), ref.first[1] + col))
    counted = (ref.sheet, address) in (checked if checked is not None else checked_cells(m))
    check = check_row(m, INVALID_INPUT) if counted else None
    return with_check_row(joined([found]), check)


def with_check_row(cells: str, check: tuple[int, str] | None) -> str:
    """Cells followed by the 6.11 row that counts their problem: "… (6.11. tabulas 55. rinda)"; the cells alone
    when the matrix counts it in no row."""
    return f"{cells} ({CHECKS_SHEET}. tabulas {check[0]}. rinda)" if check else cells


def item_rows(m: Matrix) -> dict[str, int]:
    if not m.has("Pak_Id"):
        return {}
    return {label.strip(): j for j, label in enumerate(m.column("Pak_Id")) if isinstance(label, str) and label.strip()}


def line_item(m: Matrix, line: int, items: dict[str, int]) -> int | None:
    if not m.has("Plans_Pakalpojums"):
        return None
    column = m.column("Plans_Pakalpojums")
    label = column[line] if 0 <= line < len(column) else None
    return items.get(label.strip()) if isinstance(label, str) else None


def finding_places(m: Matrix, finding: Finding) -> list[tuple[str, str]]:
    """The cells a rule's finding is fixed in (LINE_CELLS, ITEM_CELLS, MONTH_CELLS, OWN_CELLS, TYPED_PLACES, the
    amounts of money_cents and the units of whole_units), in that order."""
    code, found = finding.code, []
    items = item_rows(m) if code in ITEM_CELLS or code == "money_cents" else {}
    for line in finding.lines:
        found += [cell(m, name, line) for name in LINE_CELLS.get(code, ())]
        found += [cell(m, name, j) for name in ITEM_CELLS.get(code, ()) if (j := line_item(m, line, items)) is not None]
        for name in MONTH_CELLS.get(code, ()):
            month = finding.month
            if code == OUTSIDE_PERIOD and month is None and (after := after_period_cells(m, name, line)) is not None:
                found += after
                continue
            found.append(row_cells(m, name, line) if month is None else cell(m, name, line, month - 1))
    found += [cell(m, name) for name in OWN_CELLS.get(code, ())]
    found += [cell(m, name) for prefix, name in TYPED_PLACES.get(code, ()) if finding.message.startswith(prefix)]
    if code == "money_cents":
        if finding.lines and finding.month is not None:
            found.append(cell(m, "Fakt_Summa", finding.lines[0], finding.month - 1))
        elif finding.lines and (j := line_item(m, finding.lines[0], items)) is not None:
            found.append(cell(m, "Pak_Cena", j))
        found += [cell(m, name) for words, name in CENTS_NAMES if finding.message.lower().startswith(words.lower())]
    if code == "whole_units" and finding.lines:
        if finding.month is None:
            found.append(cell(m, "Plans_Daudzums", finding.lines[0]))
        else:
            found += [cell(m, name, finding.lines[0], finding.month - 1) for words, name in WHOLE_UNITS_MONTHS
                      if f" {words} " in finding.message]
    return [f for f in found if f is not None]


def without_typed_place(finding: Finding) -> str:
    """The finding's message without the typed place it starts with (TYPED_PLACES): the file's place is added."""
    for prefix, _ in TYPED_PLACES.get(finding.code, ()):
        if finding.message.startswith(prefix):
            rest = finding.message.removeprefix(prefix)
            return rest[:1].upper() + rest[1:]
    return finding.message


def rule_place(m: Matrix, finding: Finding) -> str:
    """Where a rule's finding is fixed and seen, in brackets inside its message (audit38 F2): "6.1. tabula, B38
    „Perioda pirmā diena”, B39 „Mēnešu skaits periodā”; 6.11. tabulas 31. rinda"; the tables the matrix names for
    a rule without cells of its own; "" when the matrix has none of it."""
    return joined(finding_places(m, finding), rule_check(m, finding), tables=True)


def rule_check(m: Matrix, finding: Finding) -> tuple[int, str] | None:
    """6.11's row that counts the finding's rule (an input rule's in the row of invalid inputs), as check_row."""
    code = INVALID_INPUT if finding.code in INPUT_RULES else finding.code
    return check_row(m, code, finding.severity)


def named_cell(m: Matrix, name: str, row: int = 0, col: int = 0) -> str:
    """One cell of a defined name with its label (and a plan table's line or a 6.8 row's item): "6.8. tabula, H24
    „Sniedzējs”, pakalpojums „3.1.1i …”"; "" when the file has no such name."""
    found = cell(m, name, row, col)
    return joined([found]) if found is not None else ""


def named(m: Matrix, names: Sequence[str]) -> str:
    """The cells of ``names`` (scalars) with their labels, "6.1. tabula, B38 „…”, B39 „…”"."""
    return joined(found for name in names if (found := cell(m, name)) is not None)
