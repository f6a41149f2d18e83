"""Writing cells in A1 notation: text as text, formulas with their cached value, names defined once.

Free text is always written with write_string (never as a formula); a formula always carries the
value a non-recalculating viewer should show (from the reference implementation, see values.py).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_cell_to_rowcol
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from generator.workbook.layout import Area, Layout
from generator.workbook.ordinals import keep_ordinals, wraps
from generator.workbook.styles import Styles

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Catalogue, Offer
    from generator.catalogue.models import Municipality, Round
    from generator.workbook.input_checks import Field
    from generator.workbook.values import CachedValues

Cached = str | int | float | bool | None
# a cell or range reference of the sheet's own (no sheet before it, not part of a name or a function's name)
_OWN_REF = re.compile(r"(?<![\w!$'.:])\$?[A-Z]{1,3}\$?[0-9]+(?::\$?[A-Z]{1,3}\$?[0-9]+)?(?![\w(!])")


def qualify(formula: str, sheet: str) -> str:
    """``formula`` as written on ``sheet``, its own references preceded by the sheet (a range's once, as LibreOffice
    writes it back), text in quotes untouched."""
    parts = formula.split('"')
    for i in range(0, len(parts), 2):
        parts[i] = _OWN_REF.sub(lambda m: f"'{sheet}'!{m.group(0)}", parts[i])
    return '"'.join(parts)


def _cached(value: object) -> Cached:
    if isinstance(value, Decimal):
        return float(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cached value {value!r} is not a cell value")


@dataclass(frozen=True)
class Watched:
    """A printed formula cell that 6.11 compares with its formula recomputed there (cross_checks.watch)."""

    sheet: str
    cell: str
    expected: str  # the cell's formula, its own sheet's references qualified
    label: str  # what the cell shows (Latvian)
    source: str  # where it is copied from ("6.4. tabulai"), "" for a recomputed value
    places: int  # decimals compared (2 for money, 6 for units and counts)
    line: int | None  # the plan line (0-based) of a plan row's cell, None for a single cell
    index: tuple[str, str] | None  # a hidden index cell of the row and its formula (recomputed on 6.11)


@dataclass(frozen=True)
class PlanRows:
    """A sheet's plan rows in collapsed outline groups: ``used`` the column of a used row ("C" an input, "=C" a
    formula that is a number in a used row) and ``inputs`` its other input columns or blocks ("F", "H:I")."""

    sheet: str
    first_row: int
    count: int
    used: str
    inputs: tuple[str, ...]
    rows: tuple[int, ...] = ()  # each line's sheet row (spacer rows between them, D288)


@dataclass
class Book:
    """One workbook being written: the xlsxwriter objects plus what every sheet needs to know."""

    wb: Workbook
    st: Styles
    catalogue: Catalogue
    day: dt.date
    offers: list[Offer]
    layout: Layout
    municipality: Municipality | None
    cache: CachedValues
    # the children's round of the prices day when it had ended before the matrix was made (build_note.py, D277)
    ended_round: Round | None = None
    # the day from which the prices day's confirmed B is „jāprecizē” again by the day the matrix is made (D318)
    base_withdrawn: dt.date | None = None
    # the 6.8 items whose confirmed ceiling is „jāprecizē” again by then, each with its day (withdrawn_ceilings, D319)
    ceilings_withdrawn: dict[str, dt.date] = field(default_factory=dict)
    sheets: dict[str, Worksheet] = field(default_factory=dict)
    names: dict[str, Area] = field(default_factory=dict)
    # Checked input cells in writing order: (field, sheet, input cell, code cell), listed on 6.11.
    checks: list[tuple[Field, str, str, str]] = field(default_factory=list)
    # Printed formula cells compared with their sources on 6.11 (cross_checks.watch, D153), in writing order.
    watched: list[Watched] = field(default_factory=list)
    # Each sheet's outlined plan rows (plan_rows.plan_rows): a filled row left hidden is an error on 6.11 (D191).
    plan_rows: list[PlanRows] = field(default_factory=list)
    # D295: the cell of each signed annex's page count (header_block's count_from) and the legend cell of its plan
    # rows' checks that the continuation mark repeats (6.3, 6.6); page_count.py fills them once the rows are sized.
    page_count_cells: dict[str, str] = field(default_factory=dict)
    continued_legends: dict[str, str] = field(default_factory=dict)
    # Vertically centred copies of formats, by the id of the format copied (Sheet.centre_row).
    centred: dict[int, Format] = field(default_factory=dict)

    def define(self, name: str, area: Area) -> str:
        if name in self.names:
            raise ValueError(f"name {name} defined twice")
        self.names[name] = area
        self.wb.define_name(name, f"={area.ref}")
        return name

    def sheet(self, title: str) -> Sheet:
        return Sheet(self, title, self.sheets[title])


@dataclass
class Sheet:
    book: Book
    title: str
    ws: Worksheet

    @property
    def st(self) -> Styles:
        return self.book.st

    @staticmethod
    def _rc(a1: str) -> tuple[int, int]:
        return xl_cell_to_rowcol(a1)

    def text(self, a1: str, value: str, fmt: Format | None = None) -> None:
        row, col = self._rc(a1)
        if value == "":
            self.ws.write_blank(row, col, None, fmt)
        else:
            self.ws.write_string(row, col, keep_ordinals(value) if wraps(fmt) else value, fmt)

    def number(self, a1: str, value: int | float | Decimal, fmt: Format | None = None) -> None:
        row, col = self._rc(a1)
        self.ws.write_number(row, col, float(value) if isinstance(value, Decimal) else value, fmt)

    def date(self, a1: str, value: dt.date, fmt: Format | None = None) -> None:
        row, col = self._rc(a1)
        self.ws.write_datetime(row, col, dt.datetime.combine(value, dt.time()), fmt)

    def blank(self, a1: str, fmt: Format | None) -> None:
        row, col = self._rc(a1)
        self.ws.write_blank(row, col, None, fmt)

    def value(self, a1: str, value: object, fmt: Format | None = None) -> None:
        """An input's initial value of any kind (None: an empty, formatted cell)."""
        if value is None:
            self.blank(a1, fmt)
        elif isinstance(value, str):
            self.text(a1, value, fmt)
        elif isinstance(value, dt.date):
            self.date(a1, value, fmt)
        elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            self.number(a1, value, fmt)
        else:
            raise TypeError(f"{self.title}!{a1}: cannot write {value!r}")

    def formula(self, a1: str, formula: str, fmt: Format | None, value: object) -> None:
        row, col = self._rc(a1)
        text = formula if formula.startswith("=") else f"={formula}"
        self.ws.write_formula(row, col, text, fmt, _cached(value))

    def merge_text(self, a1_range: str, value: str, fmt: Format | None) -> None:
        first, last = a1_range.split(":")
        r1, c1 = self._rc(first)
        r2, c2 = self._rc(last)
        self.ws.merge_range(r1, c1, r2, c2, "", fmt)
        if value:
            self.ws.write_string(r1, c1, keep_ordinals(value) if wraps(fmt) else value, fmt)

    def widths(self, widths: dict[str, float]) -> None:
        for letter, width in widths.items():
            _, c = self._rc(f"{letter}1")
            self.ws.set_column(c, c, width)

    def row_height(self, row: int, height: float) -> None:
        self.ws.set_row(row - 1, height)

    def centre_row(self, row: int) -> None:
        """Every cell written in ``row`` so far takes a copy of its format centred vertically (all formats are
        top-aligned): with a taller row, its text stays off the rows above and below it."""
        cells = self.ws.table.get(row - 1, {})
        for col, cell in cells.items():
            fmt = getattr(cell, "format", None)
            if fmt is None:
                continue
            copy = self.book.centred.get(id(fmt))
            if copy is None:
                copy = self.book.wb.add_format()
                copy.__dict__.update(fmt.__dict__)
                copy.set_align("vcenter")
                self.book.centred[id(fmt)] = self.book.centred[id(copy)] = copy
            cells[col] = cell._replace(format=copy)

    def check(self, field: Field, cell: str, code_cell: str) -> str:
        """Write the formula check of input ``cell`` into the (hidden) ``code_cell`` and register it for
        the 6.11 list; returns ``code_cell``."""
        from generator.workbook.input_checks import code_formula

        self.formula(code_cell, code_formula(field, cell), self.st.helper, 0)
        self.book.checks.append((field, self.title, cell, code_cell))
        return code_cell

    def watch(self, a1: str, formula: str, label: str, source: str = "", places: int = 6,
              line: int | None = None, index: tuple[str, str] | None = None) -> None:
        """Register the printed formula cell ``a1`` (written with ``formula``) for a check on 6.11 (cross_checks.py,
        D153): ``label`` says what it shows, ``source`` the sheet it copies ("6.4. tabulai"; "" for a value computed
        on the sheet), ``places`` the decimals compared, ``line`` the plan line of a plan row's cell, ``index`` a
        hidden index cell of the row the formula reads ("$J9") and that cell's formula, which the check recomputes
        instead of reading it."""
        self.book.watched.append(Watched(self.title, a1, qualify(formula.lstrip("="), self.title), label, source,
                                         places, line, index))

    def source_of(self, name: str) -> str:
        """The source text of a copy of the defined name ``name``: its sheet ("6.4. tabulai")."""
        return f"{self.book.names[name].sheet}. tabulai"

    def define(self, name: str, first: str, last: str | None = None) -> str:
        """Define a workbook-scope name on this sheet for ``first`` (or ``first:last``), A1 cells."""
        r1, c1 = self._rc(first)
        from xlsxwriter.utility import xl_col_to_name

        area = Area(self.title, xl_col_to_name(c1), r1 + 1)
        if last:
            r2, c2 = self._rc(last)
            area = Area(self.title, xl_col_to_name(c1), r1 + 1, xl_col_to_name(c2), r2 + 1)
        return self.book.define(name, area)
