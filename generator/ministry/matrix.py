"""A filled IBM matrix as the ministry's tools see it: its defined names (workbook-interface.md) and
the inputs behind them, turned into the reference implementation's ``WorkbookInputs``.

Every problem is a Latvian sentence naming the cell (``6.3!C12``), the defined name and what was
expected. Personal data (name, personal code) is read but never put into a message.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue, Offer
from generator.lvformat import agree
from generator.lvformat import date as lv_date
from generator.ministry.xlsxpatch import excel_serial
from generator.ministry.xlsxread import (
    CellError,
    CellValue,
    Coord,
    NameRef,
    XlsxBook,
    a1,
    parse_cell,
    read_xlsx,
    serial_day,
)
from generator.money import to_decimal
from generator.no_such_day import LV, no_such_day
from generator.reference.date_serials import SHEET_DAYS_END, DateSerials, serial_refusal
from generator.reference.errors import ReferenceInputError
from generator.reference.inputs import (
    CASE_OR_SPACES,
    REQUIRED_PARTIES,
    Parties,
    above_max_text,
    above_max_units_text,
    units_shown,
    whole_units_message,
    written_personal_code,
)
from generator.reference.lines import PlanLine, line_from_offer
from generator.reference.params import Params, children_date_serials
from generator.reference.plan_changes import catalogue_withdrawals, checked_against_ceiling
from generator.reference.rules import MONTH_ATTRS
from generator.reference.workbook import MIGRATE_COMMAND, WorkbookInputs
from generator.workbook import withdrawn_base, withdrawn_ceilings
from generator.workbook.input_checks import (
    CODE_TEXT,
    DATE_IN_NUMBER_TEXT,
    DATE_REQUIRED,
    DATE_TIME_TEXT,
    FIRST_DATE,
    FIRST_DAY_SHOWN,
    FORMULA_MESSAGE,
    KINDS,
    LAST_DATE,
    LOGICAL_FALSE,
    LOGICAL_TRUE,
    MONEY_KINDS,
    MONTH_FIELDS,
    NUMBER_IN_TEXT,
    PLAN_FIELDS,
    PRICE_FIELD,
    SINGLE_FIELDS,
    TEXT_FIELDS,
    UNIT_KINDS,
    Field,
    error_message,
    logical_message,
    text_length,
    too_long_message,
    unchecked_length_message,
)
from generator.workbook.layout import (
    INTERFACE_KIND,
    INTERFACE_NAMES,
    PLAN_LINE_NAMES,
    SPACED_SHEETS,
    SUPPORTED_INTERFACES,
    block_rows,
    line_offsets,
    spacers_of_revision,
)
from generator.workbook.sheets.items import short_unit
from generator.workbook.sheets.plan_rows import HIDDEN_HOW, HIDDEN_MANY, HIDDEN_ONE
from generator.workbook.texts import NO, YES
from generator.workbook.version import VERSION_PATTERN, base_version, template_version

# Internal names read when present (they are not part of the interface and may be absent).
RECIPIENT_NAME = "Plans_Sanemejs"
TRANSPORT_REASON_NAME = "Transporta_Pamatojums"
PARAMS_DAY_NAME = "Parametru_Datums"
# The cells people fill: a formula in one of them is an invalid input (D140).
INPUT_NAMES = frozenset(n for n, kind in INTERFACE_KIND.items() if kind == "in") | {RECIPIENT_NAME,
                                                                                    TRANSPORT_REASON_NAME}
FORMULA_IN_INPUT = f"ievadei {FORMULA_MESSAGE}"  # an input the matrix does not check (free text)
# The matrix's own check of each input (generator/workbook/input_checks.py): its label and messages (D140).
CHECKED_FIELDS: dict[str, Field] = {f.name: f for f in (*SINGLE_FIELDS, *PLAN_FIELDS, *MONTH_FIELDS, PRICE_FIELD)}
# The texts the matrix checks (for length and, as every checked input, for a formula, D140): a formula in one is an
# invalid input whether or not the name is an interface input (audit31d F6)
TEXT_CHECKED: dict[str, Field] = {f.name: f for f in TEXT_FIELDS}
# The kinds of a free text: a logical value in one is no text (D331), as in D9's transport justification ("reason")
FREE_TEXT_KINDS = frozenset({"text", "name", "required", "reason", "code"})
# The three oldest issued templates (no layout revision after the catalogue hash) and their loose yes/no words.
UNREVISED_VERSION = re.compile(r"\+[0-9a-f]{8}$")
LOOSE_YES, LOOSE_NO = {"jā", "ja"}, {"nē", "ne"}
SHOWN_TEXT_CHARS = 40  # a pasted text quoted in a message is cut to this many characters
# A text in a number input is quoted only when it looks like a mistyped number ("12,5", "12,5o", "12.5 EUR"): a
# word of three or more letters (other than EUR) or six digits in a row may be a person's name or personal code
# pasted into the wrong column, and the message goes to the console and the ministry's summary (D221).
PERSONAL_LOOKING = re.compile(r"\d{6}|(?!eur)[^\W\d_]{3,}", re.IGNORECASE)
# The matrix's own length check of a text input (input_checks.Kind "text": IF(LEN(x&"")>limit,1,0), in the hidden code
# cell beside it): the cell it reads (optionally sheet-qualified) and the limit. A template issued before a text's check
# existed (D90, D166, D167) has no such formula for that cell (D168).
LENGTH_CHECK_RE = re.compile(r"""IF\(\s*LEN\(\s*(?:'((?:[^']|'')+)'!|([^'!(),&"\s]+)!)?\$?([A-Z]{1,3})\$?([0-9]+)"""
                             r"""\s*&\s*""\s*\)\s*>\s*([0-9]+)\s*,\s*1\s*,\s*0\s*\)""", re.IGNORECASE)
# ignoring case as the comparison with the template does (integrity.normalise_formula): a check written in lower case
# by another program is the same check (review11 R11-1)
# TRUE() as LibreOffice saves a pasted bool cell (input_checks.is_logical: FORMULATEXT ends with "()")
NO_ARGUMENTS = re.compile(r"^\s*=?\s*[A-Za-z_][A-Za-z0-9_.]*\(\s*\)\s*$")
DATE_TEXT_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$")

ROW_GROUPS = (
    ("Pak_Id", "Pak_Cena", "Pak_Sniedzejs", "Pak_Joma", "Pak_Transports", "Pak_MaxCena"),
    PLAN_LINE_NAMES,
)
MONTH_GRIDS = ("Men_Daudzums", "Men_Summa", "Fakt_Daudzums", "Fakt_Summa")
# the month inputs whose numbers make a plan have data (input_checks PLAN_HAS_DATA, besides a chosen service)
PLAN_DATA_NAMES = ("Men_Daudzums", "Fakt_Daudzums", "Fakt_Summa")


Where = Callable[[str, int, int], str]  # a problem's cell by defined name, row and column: the text before its colon
# a problem the matrix counts in a rule's own 6.11 row (its code first), not as an invalid input: its cell and that row
RuleWhere = Callable[[str, str, int, int], str]
MISSING_PRICE = "missing_price"  # 6.11: a chosen 6.8 item has no provider's price (a rule of the workbook alone)
# 6.8's flags of the services counted in whole units (D256): a template without them did not check whole units
WHOLE_UNITS_NAME = "h_Pak_Vesels"


class MatrixError(Exception):
    """The file cannot be used at all (not an xlsx, not an IBM matrix, a newer version)."""


def _save_as(suffix: str) -> str:
    """What to do with a workbook of another kind (audit37 F5)."""
    save = " – atveriet to Excel vai LibreOffice un saglabājiet kā „Excel darbgrāmata (.xlsx)”"
    if suffix.lower() in (".xlsm", ".xlsb"):
        return f"{save} bez makrosiem (makrosi matricā nav vajadzīgi)"
    return save if suffix.lower() in (".xls", ".ods") else ""


@dataclass
class Matrix:
    """One opened workbook and the places of its defined names."""

    path: Path
    book: XlsxBook
    refs: dict[str, NameRef] = field(default_factory=dict)
    # the book holds only the cells of the defined names (the collection's fast scan): other formulas are not in it
    partial: bool = False
    _grids: dict[str, list[list[CellValue]]] = field(default_factory=dict, repr=False)
    _length_checks: dict[tuple[str, Coord], int] | None = field(default=None, repr=False)
    _spacers: tuple[int, ...] | None = field(default=None, repr=False)

    @classmethod
    def open(cls, path: Path) -> Matrix:
        from generator.ministry.xlsxread import XlsxReadError

        if path.suffix.lower() != ".xlsx":
            found = f"paplašinājums „{path.suffix}”" if path.suffix else "faila nosaukumam nav paplašinājuma"
            raise MatrixError(f"nav xlsx fails ({found}; gaidīts: .xlsx){_save_as(path.suffix)}")
        try:
            book = read_xlsx(path)
        except XlsxReadError as exc:
            raise MatrixError(str(exc)) from None
        return cls.from_book(book)

    @classmethod
    def from_book(cls, book: XlsxBook, *, partial: bool = False) -> Matrix:
        refs = {name: ref for name in book.defined_names if (ref := book.name_ref(name)) is not None}
        return cls(book.path, book, refs, partial)

    # --- the plan lines' rows (D288) -----------------------------------------------------------------
    def spacers(self) -> tuple[int, ...]:
        """The spacer lines of this file's template (layout.spacers_of_revision of its version's layout revision:
        none before revision SPACERS_FROM_REVISION; an unreadable version: none)."""
        if self._spacers is None:
            self._spacers = ()
            if self.has("IBM_Versija"):
                version = _plain(self.scalar("IBM_Versija"))
                if VERSION_PATTERN.match(version):
                    revision = base_version(version).partition(".")[2]
                    self._spacers = spacers_of_revision(int(revision or 0))
        return self._spacers

    def offsets(self, name: str) -> tuple[int, ...] | None:
        """The row offsets in ``name``'s range of the plan lines, where the range spans spacer rows (a plan name on a
        spaced sheet of a template with spacers); None where every row of the range is its own line."""
        ref = self.refs[name]
        spacers = self.spacers() if ref.sheet in SPACED_SHEETS and name != "IBM_Versija" else ()
        if spacers and ref.rows == block_rows(spacers):
            return line_offsets(spacers)
        return None

    def row_of(self, name: str, row: int) -> int:
        """The offset in ``name``'s range of its line (or row) ``row``."""
        offsets = self.offsets(name)
        return offsets[row] if offsets is not None and 0 <= row < len(offsets) else row

    def lines(self, name: str) -> int:
        """How many lines (rows without the spacers) ``name`` has."""
        offsets = self.offsets(name)
        return len(offsets) if offsets is not None else self.refs[name].rows

    # --- values by name ----------------------------------------------------------------------------
    def has(self, name: str) -> bool:
        return name in self.refs

    def where(self, name: str, row: int = 0, col: int = 0) -> str:
        ref = self.refs[name]
        return f"{ref.sheet}!{a1((ref.first[0] + self.row_of(name, row), ref.first[1] + col))} ({name})"

    def grid(self, name: str) -> list[list[CellValue]]:
        """The values of ``name``: one list per line (a spacer row of the plan names left out, D288)."""
        grid = self._grids.get(name)
        if grid is None:
            grid = self.book.values(self.refs[name])
            offsets = self.offsets(name)
            if offsets is not None:
                grid = [grid[k] for k in offsets]
            self._grids[name] = grid
        return grid

    def column(self, name: str) -> list[CellValue]:
        return [row[0] for row in self.grid(name)]

    def scalar(self, name: str) -> CellValue:
        return self.grid(name)[0][0]

    def formula_at(self, name: str, row: int = 0, col: int = 0) -> str | None:
        ref = self.refs[name]
        cell = self.book.cell(ref.sheet, (ref.first[0] + self.row_of(name, row), ref.first[1] + col))
        return cell.formula if cell else None

    def use_length_checks(self, checks: dict[tuple[str, Coord], int]) -> None:
        """The length checks of this file's template, proven the same (a fast-scanned file whose locked content a
        fully read file of the same template version had, templates.Expected.length_checks): not read again."""
        self._length_checks = checks

    def length_limit(self, name: str, row: int = 0, col: int = 0) -> int | None:
        """The character limit the matrix's own template checks the text in this cell of ``name`` against (its
        formula ``IF(LEN(cell&"")>limit,1,0)``), None when that template had no such check (D168). Read from the
        file's formulas once (a fast-scanned book is read again in full: needed only for an over-long text)."""
        if self._length_checks is None:
            book = read_xlsx(self.path) if self.partial else self.book
            self._length_checks = length_checks(book)
        ref = self.refs[name]
        return self._length_checks.get((ref.sheet, (ref.first[0] + self.row_of(name, row), ref.first[1] + col)))


def length_checks(book: XlsxBook) -> dict[tuple[str, Coord], int]:
    """Every text length check among the workbook's formulas: (sheet, cell checked) -> its limit (the smallest, if a
    cell had several)."""
    found: dict[tuple[str, Coord], int] = {}
    for sheet, cells in book.cells.items():
        for cell in cells.values():
            formula = cell.formula
            if not formula or "LEN" not in formula:
                continue
            for quoted, plain, col, row, limit in LENGTH_CHECK_RE.findall(formula):
                where = quoted.replace("''", "'") if quoted else plain or sheet
                try:
                    key = (where, parse_cell(f"{col.upper()}{row}"))
                except ValueError:
                    continue
                found[key] = min(int(limit), found.get(key, int(limit)))
    return found


def interface_version(m: Matrix, where: Where | None = None) -> str:
    """Check that the file is an IBM matrix of a supported interface version (layout.SUPPORTED_INTERFACES: 1, the
    matrices up to layout revision 11, and 2, D290); return the template version. Its plan rows are read by the
    layout revision of that version (Matrix.spacers), whichever of the supported interfaces it says.

    Raises MatrixError for a foreign workbook (no IBM_Saskarne), a newer, an older or an unreadable interface.
    ``where``: how the version cells are named, as every other message names a cell ("6.11. tabula, B5 „…”"; the
    default, Matrix.where, says "6.11!B5 (IBM_Saskarne)" – for callers that show no message).
    """
    where = where or m.where
    if not m.has("IBM_Saskarne") or not m.has("IBM_Versija"):
        raise MatrixError("nav IBM matrica (darbgrāmatā nav definēto nosaukumu IBM_Saskarne un IBM_Versija)")
    raw = m.scalar("IBM_Saskarne")
    text = _plain(raw)
    if text not in SUPPORTED_INTERFACES:
        expected = " vai ".join(SUPPORTED_INTERFACES)
        try:
            newer = int(text) > max(int(v) for v in SUPPORTED_INTERFACES)
        except ValueError:
            raise MatrixError(f"{where('IBM_Saskarne', 0, 0)}: saskarnes versija „{text}” nav saprotama "
                              f"(gaidīts: {expected})") from None
        if newer:
            raise MatrixError(f"{where('IBM_Saskarne', 0, 0)}: matrica ir jaunākas saskarnes versijas {text}, nekā šī "
                              f"rīkkopa pazīst ({expected}); atjauniniet rīkkopu")
        raise MatrixError(f"{where('IBM_Saskarne', 0, 0)}: saskarnes versija {text} vairs netiek atbalstīta "
                          f"(gaidīts: {expected})")
    version = _plain(m.scalar("IBM_Versija"))
    if not VERSION_PATTERN.match(version):
        raise MatrixError(f"{where('IBM_Versija', 0, 0)}: veidnes versija „{version}” nav saprotama "
                          "(gaidīts: GGGG-MM-DD+jaucējkods vai GGGG-MM-DD+jaucējkods.redakcija, aiz tās var būt @GGGG-MM-DD)")
    return version


def _plain(value: CellValue) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def absent_names(m: Matrix, template_names: Collection[str] | None) -> frozenset[str]:
    """Interface names the file lacks because its (older, registered) template did not have them yet.
    ``template_names``: the names that template had (None: not known, nothing is excused)."""
    if template_names is None:
        return frozenset()
    return frozenset(n for n in INTERFACE_NAMES if n not in m.refs and n not in template_names)


# what changed the places of the matrix's tables and what to do about it, said once (with the first moved area): every
# moved area kept the template's size (a table shifted whole), which ibm migrate carries
STRUCTURE_CHANGED = (" (pievienotas vai dzēstas rindas vai kolonnas); atsauciet rindu vai kolonnu ievietošanu vai "
                     "dzēšanu vai pārnesiet ievadīto jaunā matricā ar komandu " + MIGRATE_COMMAND)


def resized_advice(rows: bool, cols: bool) -> str:
    """What changed when an area has another size than the template's (rows or columns inserted or deleted inside a
    table) and the one thing to do about it: undo that – ibm migrate carries a shifted table, not a resized one."""
    what, whose = (("rindas", "rindu") if not cols else ("kolonnas", "kolonnu") if not rows
                   else ("rindas vai kolonnas", "rindu vai kolonnu"))
    return f" (tabulā ievietotas vai dzēstas {what}); atsauciet {whose} ievietošanu vai dzēšanu"


def table_place(ref: NameRef) -> str:
    """A defined name's area as a person reads it, without its label: "6.3. tabula, G9:G48" (not "6.3!G9:G48")."""
    sheet, _, cells = ref.text().partition("!")
    return f"{sheet}. tabula, {cells}"


def structure_problems(m: Matrix, expected: dict[str, NameRef] | None,
                       absent: frozenset[str] = frozenset(), *,
                       place: Callable[[NameRef, bool], str] | None = None,
                       sizes: Mapping[str, NameRef] | None = None) -> list[str]:
    """Missing interface names, names moved from where the template has them, inconsistent row groups.

    ``expected``: the template's name places (None when the template of this version is unknown:
    then only the shapes are checked). ``absent``: names this file's (older) template did not have yet.
    ``place``: how a name's place is said, given whether it is the template's (True) or the file's (default
    "6.3. tabula, G9:G48"; papers from a matrix and collect say it with its label, places.area).
    ``sizes``: the template's name places where ``expected`` is not checked (migrate carries a moved area): a row
    group of different sizes names the areas whose size is not the template's.
    """
    def said(ref: NameRef, in_template: bool) -> str:
        return place(ref, in_template) if place is not None else table_place(ref)

    moved = [name for name in INTERFACE_NAMES if name in m.refs and expected is not None and name in expected
             and m.refs[name] != expected[name]]
    # an area of another size than the template's: rows or columns inserted inside a table, which ibm migrate
    # cannot carry (its row groups differ), so only undoing it helps (review37 F5)
    rows = any(m.refs[n].rows != expected[n].rows for n in moved if expected)
    cols = any(m.refs[n].cols != expected[n].cols for n in moved if expected)
    advice = resized_advice(rows, cols) if rows or cols else STRUCTURE_CHANGED
    problems: list[str] = []
    for name in INTERFACE_NAMES:
        if name in absent and name not in m.refs:
            continue
        if name not in m.refs:
            where = f" (veidnē: {said(expected[name], True)})" if expected and name in expected else ""
            problems.append(f"trūkst definētā nosaukuma {name}{where}: matricas struktūra ir bojāta")
        elif name in moved and expected is not None:
            # the table and column by their label, as every other message names a place (not the defined name), and
            # once what to do (audit36a F8e)
            problems.append(f"{said(m.refs[name], False)} – veidnē {said(expected[name], True)}: matricas struktūra "
                            f"mainīta{advice if name == moved[0] else ''}")
    if problems:
        return problems
    template = expected if expected is not None else sizes
    for group in ROW_GROUPS:
        lines = {name: m.lines(name) for name in group if name in m.refs}
        if len(set(lines.values())) < 2:
            continue
        # the areas of the template's size, where it is known, else those of the most common size
        right = [n for n in lines if template and n in template and m.refs[n].rows == template[n].rows]
        if not right or len(right) == len(lines):
            common = Counter(lines.values()).most_common(1)[0][0]
            right = [n for n in lines if lines[n] == common]
        odd = [n for n in lines if n not in right]
        areas = ", ".join(said(m.refs[n], False) for n in odd)
        problems.append(f"{areas} – cits rindu skaits nekā {said(m.refs[right[0]], False)}: matricas struktūra "
                        f"mainīta{resized_advice(True, False)}")
    for name in MONTH_GRIDS:
        if name in m.refs and m.refs[name].cols < 1:
            problems.append(f"{name}: nav mēnešu kolonnu")
    return problems


# --- reading the inputs ---------------------------------------------------------------------------------
@dataclass
class ChildData:
    """The inputs of one matrix. ``personal_code`` and ``full_name`` never leave the collection step."""

    municipality: str
    full_name: str
    personal_code: str
    impairment: str
    params_day: dt.date
    inputs: WorkbookInputs
    # what is not a refusal but the user should know (Latvian, naming the cell): a text longer than today's limit in
    # a matrix whose older template did not check its length (D168)
    warnings: tuple[str, ...] = ()
    # whether the matrix's template counted a fraction of a unit counted whole as an error (h_Pak_Vesels, D256)
    whole_units_checked: bool = True
    # whether any payment cell of 6.10 (Fakt_Summa) is filled, 0 too: a previous period's matrix with none has no
    # execution reported, and its plan is not the period's underspend (D7)
    paid_entered: bool = True
    # whether the matrix shows its prices day's confirmed B withdrawn by the day it was made (6.11's mark, D318, D319)
    base_withdrawn: bool = False

    def params(self, catalogue: Catalogue) -> Params:
        """The reference's parameters for this matrix: those in force on its prices day. A template that did not
        check whole units showed no error for half a session (D256): the reader warns of it (naming the cell), so
        the reference does not count it either. A B the matrix shows withdrawn by the day it was made is not
        confirmed, as in the matrix (D319: a typed B equal to the catalogue's is its unconfirmed B, D257)."""
        params = Params.from_catalogue(catalogue, self.params_day)
        if self.base_withdrawn:
            params = params.replace(base_confirmed=False)
        return params if self.whole_units_checked else params.replace(whole_units={})


_ZERO = Decimal(0)
_OFFERS: dict[tuple[str, dt.date], dict[str, Offer]] = {}


def offers_on(catalogue: Catalogue, day: dt.date) -> dict[str, Offer]:
    """The 6.8 items in force on a day, by id (looked up once per catalogue version and day): the reading's and
    the collection's ceiling advice's (ceiling_advice) one lookup."""
    key = (catalogue.version, day)
    found = _OFFERS.get(key)
    if found is None:
        if len(_OFFERS) > 64:
            _OFFERS.clear()
        found = _OFFERS[key] = {o.id: o for o in catalogue.offers(day)}
    return found


def optional_date(m: Matrix, name: str) -> dt.date | None:
    """The date in a name of the file (None: no such name, empty or not a date)."""
    return _Reader(m).date(name, required=False) if m.has(name) else None


class _Reader:
    def __init__(self, m: Matrix, where: Where | None = None, rule_where: RuleWhere | None = None) -> None:
        self.m = m
        self.where = where or m.where
        self.rule_where = rule_where
        self.problems: list[str] = []
        self.warnings: list[str] = []
        self._formulas: set[tuple[str, int, int]] = set()  # the input cells already said to hold a formula
        # the day serials a number input must not hold (D286; read_child sets the catalogue's): None, not checked
        self.serials: DateSerials | None = None
        # the plan's months (Perioda_Menesi, once read): a month cell after them must stay empty (D304)
        self.period_months: int | None = None
        # D340: the plausible highest of a money input by name (read_child sets the catalogue's); none: not checked
        self.maximums: dict[str, Decimal] = {}
        # a template issued before layout revisions (the three oldest, test_template_guard ISSUED) compared the
        # opinion and the lists by "=" (any letter case) without the exact check: read them as before (review31 F2)
        version = m.scalar("IBM_Versija") if m.has("IBM_Versija") else None
        self.exact_lists = not (isinstance(version, str) and UNREVISED_VERSION.search(base_version(version.strip())))

    def fail(self, name: str, text: str, row: int = 0, col: int = 0, *, rule: str | None = None) -> None:
        """A problem of a cell; ``rule``: the code of the 6.11 row that counts it when not an invalid input."""
        if rule is not None and self.rule_where is not None:
            self.problems.append(f"{self.rule_where(rule, name, row, col)}: {text}")
            return
        if self.after_period(name, col):
            text = after_period_message(text)
        self.problems.append(f"{self.where(name, row, col)}: {text}")

    def formula(self, name: str, row: int = 0, col: int = 0) -> bool:
        """True (and the problem noted) when an input cell holds a formula: the matrix and these checks would
        read its last computed value, which changes with the cells it refers to (D140); or, first, as the matrix
        checks it first, a logical value where a number, a date or a list value belongs (audit31d F4)."""
        if self.error_value(name, row, col) or self.logical(name, row, col):
            return True
        if (name in INPUT_NAMES or name in TEXT_CHECKED) and self.m.formula_at(name, row, col) is not None:
            if (name, row, col) not in self._formulas:  # one formula, one problem (a text field is also read)
                self._formulas.add((name, row, col))
                checked = CHECKED_FIELDS.get(name) or TEXT_CHECKED.get(name)
                self.fail(name, f"{checked.label} {FORMULA_MESSAGE}" if checked else FORMULA_IN_INPUT,
                          row, col)
            return True
        return False

    def logical(self, name: str, row: int = 0, col: int = 0, *, text: bool = False) -> bool:
        """True (and the problem noted, in the matrix's words) when an input of a number, a date or a list value holds
        a logical value: TRUE/FALSE pasted from a checkbox column (LibreOffice keeps it as the formula =TRUE(), its
        cached value a bool; audit31d F4); so does the free text a rule reads, D9's transport justification (D331).
        Every other free text (a name, a goal, a provider, a note; ``text``: any input read as text) is refused in the
        justification's words too when it holds a bool, though the matrix does not count it: the papers would print
        „True” (D331); its =TRUE() is a formula there, as the matrix says."""
        checked = CHECKED_FIELDS.get(name) or TEXT_CHECKED.get(name)
        own = checked is not None and KINDS[checked.kind].logical  # the matrix's own check says it
        if own:
            label, said = checked.label, logical_message(checked.kind)
        elif (checked is not None and checked.kind in FREE_TEXT_KINDS) or (checked is None and text):
            label, said = checked.label if checked else "ievadei", logical_message("reason")
        else:
            return False
        raw = self.m.grid(name)[row][col]
        if not isinstance(raw, bool):  # as the matrix's is_logical: or a function without arguments giving 0 or 1
            if not own:  # =TRUE() in a text the matrix does not check so: a formula, as the matrix says it
                return False
            formula = self.m.formula_at(name, row, col)
            if formula is None or not NO_ARGUMENTS.match(formula) or raw not in (0, 1):
                return False
        if (name, row, col) not in self._formulas:  # one cell, one problem
            self._formulas.add((name, row, col))
            self.fail(name, f"{label} {said}, ievadīts {LOGICAL_TRUE if raw else LOGICAL_FALSE}", row, col)
        return True

    def error_value(self, name: str, row: int = 0, col: int = 0, *, text: bool = False) -> bool:
        """True (and the problem noted, in the matrix's words) when an input holds an error value pasted as a value
        (#N/A, #VALUE!: Excel keeps it a value, LibreOffice saves it as the formula =#N/A), said with its code – an
        error code is no personal data (D346); a formula that gives an error is a formula, as the matrix says it.
        ``text``: any input read as text (an unchecked one is said as a free text)."""
        raw = self.m.grid(name)[row][col]
        if not isinstance(raw, CellError):
            return False
        formula = self.m.formula_at(name, row, col)
        if formula is not None and not formula.strip().lstrip("=").lstrip().startswith("#"):
            return False
        checked = CHECKED_FIELDS.get(name) or TEXT_CHECKED.get(name)
        if checked is None and not text:
            return False
        label, kind = (checked.label, checked.kind) if checked else ("ievadei", "reason")
        if (name, row, col) not in self._formulas:  # one cell, one problem
            self._formulas.add((name, row, col))
            self.fail(name, f"{label} {error_message(kind)}, ievadīts {raw}", row, col)
        return True

    def not_typed(self, name: str, row: int = 0, col: int = 0) -> bool:
        """True (and the problem noted, in the matrix's words) when a free text the matrix checks holds a number or a
        date (D339): the papers would print it raw ("1000000000000", "2019-01-15 00:00:00"). Another text read as
        text (the worker's contacts) takes a number – a phone pasted as one prints as its digits – but not a date."""
        raw = self.m.grid(name)[row][col]
        if isinstance(raw, bool) or not isinstance(raw, int | float | dt.date | dt.time):
            return False
        checked = TEXT_CHECKED.get(name)
        if checked is None and (name in CHECKED_FIELDS or isinstance(raw, int | float)):
            return False
        if (name, row, col) not in self._formulas:  # one cell, one problem
            self._formulas.add((name, row, col))
            self.fail(name, number_in_text(checked.label if checked else "ievadei", raw), row, col)
        return True

    def text(self, name: str, *, required: bool, row: int = 0, col: int = 0) -> str | None:
        if (self.error_value(name, row, col, text=True) or self.logical(name, row, col, text=True)
                or self.formula(name, row, col)
                or self.not_typed(name, row, col)):
            return None
        raw = self.m.grid(name)[row][col]
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.fail(name, "nav aizpildīts (gaidīts: teksts)", row, col)
            return None
        if isinstance(raw, float) and raw.is_integer():
            return str(int(raw))
        return str(raw).strip()

    def date(self, name: str, *, required: bool) -> dt.date | None:
        if self.formula(name):
            return None
        raw = self.m.scalar(name)
        if raw is None or raw == "":
            if required:
                # the matrix's own check (code 5) counts it once the plan has data (PLAN_HAS_DATA, D255): then in its
                # words; with an empty plan the matrix counts nothing, and the tools only say it is empty (review31 F7)
                checked = CHECKED_FIELDS.get(name)
                if checked and checked.kind == "date" and plan_has_data(self.m):
                    self.fail(name, f"{checked.label} {DATE_REQUIRED.removesuffix(')')}; gaidīts: datums DD.MM.GGGG)")
                else:
                    self.fail(name, "nav aizpildīts (gaidīts: datums DD.MM.GGGG)")
            return None
        outside = date_range_message(name, raw)
        if outside is not None:  # the matrix's range check (code 2) comes before its time-of-day check (D331)
            self.fail(name, outside)
            return None
        if isinstance(raw, dt.datetime):
            if raw.time() != dt.time():  # pasted from another system with a time of day: as the matrix says (audit29 F6)
                checked = CHECKED_FIELDS.get(name)
                said = f"{checked.label} {DATE_TIME_TEXT}" if checked else DATE_TIME_TEXT
                self.fail(name, f"{said}, ievadīts {raw:%d.%m.%Y %H:%M} (gaidīts: datums DD.MM.GGGG)")
                return None
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        if isinstance(raw, str):
            match = DATE_TEXT_RE.match(raw.strip())
            if match:
                day, month, year = (int(part) for part in match.groups())
                try:
                    dt.date(year, month, day)
                except ValueError:  # the form is right, the day does not exist (audit27 F8)
                    self.fail(name, no_such_day(f"{day:02d}.{month:02d}.{year:04d}", (LV,))
                              or "nav datums (gaidīts: datums DD.MM.GGGG)")
                    return None
            # a text is not a date, whatever it looks like: the matrix counts it and leaves the amounts blank (every
            # template's formulas read a date by ISNUMBER), so the tools do not read it as a date either (D140, D255)
            self.fail(name, date_text_message(name, raw))
            return None
        if isinstance(raw, int | float) and not isinstance(raw, bool) and 1 <= raw < SHEET_DAYS_END:
            return serial_day(raw).date()
        self.fail(name, "nav datums (gaidīts: datums DD.MM.GGGG)")
        return None

    def number(self, name: str, row: int = 0, col: int = 0, *, required: bool = False,
               what: str = "skaitlis ≥ 0", negative: bool = False) -> Decimal | None:
        """A number input; a negative number is refused in the matrix's words (range_message) unless ``negative``
        (whole: its own range check says it)."""
        if self.formula(name, row, col):
            return None
        raw = self.m.grid(name)[row][col]
        if raw is None or raw == "":
            if required:
                self.fail(name, f"nav aizpildīts (gaidīts: {what})", row, col)
            return None
        if isinstance(raw, str):  # as the matrix: a text is not a number, whatever it looks like (D140)
            self.fail(name, not_a_number(name, raw, what), row, col)
            return None
        if isinstance(raw, dt.date | dt.time):  # a date-formatted cell, as the matrix counts it (D282)
            self.fail(name, date_in_number(name, raw, what), row, col)
            return None
        value = to_decimal(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) else None
        if value is None or not value.is_finite():
            self.fail(name, f"nav skaitlis (gaidīts: {what})", row, col)
            return None
        checked = CHECKED_FIELDS.get(name)
        day = self.serials.day(value) if self.serials and checked and KINDS[checked.kind].dated else None
        if day is not None:  # a day's serial in a number cell, as the matrix counts it (D286)
            self.fail(name, serial_refusal(checked.label, value, day, what), row, col)
            return None
        if value < 0 and not negative:
            # the matrix's words (a payment's say how a correction goes, D258); an input it does not check: ours
            self.fail(name, range_message(name, value) or f"ir negatīvs skaitlis (gaidīts: {what})", row, col)
            return None
        highest = self.maximums.get(name)
        if highest is not None and value > highest:  # D340: before the cents, as the matrix checks it
            self.fail(name, above_max_message(name, value, highest), row, col)
            return None
        return value

    def after_period(self, name: str, col: int) -> bool:
        """Whether column ``col`` of the month grid ``name`` is a month after the plan's last (D304): its cell must
        stay empty, so whatever invalid value it holds is told to be cleared, not typed again (after_period_message,
        D313)."""
        return name in MONTH_GRIDS and self.period_months is not None and col >= self.period_months

    def months(self, name: str, row: int, count: int, *, what: str = "skaitlis ≥ 0") -> tuple[Decimal, ...]:
        """The first ``count`` month cells of a plan row as numbers (an empty cell is 0; a formula saved without a
        value, as openpyxl and other programs write one, is a formula as in every other input area, D331)."""
        values = self.m.grid(name)[row]
        return tuple(_ZERO if values[k] is None and self.m.formula_at(name, row, k) is None
                     else (self.number(name, row, k, what=what) or _ZERO) for k in range(count))

    def whole(self, name: str, row: int = 0, col: int = 0, *, required: bool = False, minimum: int = 1,
              maximum: int | None = None) -> int | None:
        what = f"vesels skaitlis {minimum}–{maximum}" if maximum else f"vesels skaitlis ≥ {minimum}"
        value = self.number(name, row, col, required=required, what=what, negative=True)
        if value is None:
            return None
        if value != value.to_integral_value() or value < minimum or (maximum is not None and value > maximum):
            self.fail(name, range_message(name, value, maximum) or f"nav derīgs (gaidīts: {what})", row, col)
            return None
        return int(value)

    def yes_no(self, name: str, *, required: bool) -> bool | None:
        """Exactly „Jā” or „Nē”, as the matrix's own check compares them (EXACT, input_checks "yesno"): another
        letter case, a space or „ja” is the same problem in the same words (D140, audit31d F1)."""
        if not self.exact_lists:
            return self._loose_yes_no(name, required=required)
        if self.formula(name):
            return None
        raw = self.m.grid(name)[0][0]
        if raw is None or raw == "":
            self.text(name, required=required)  # nothing entered: said as for any required input
            return None
        if raw == YES:
            return True
        if raw == NO:
            return False
        self.fail(name, list_message(name, raw))
        return None

    def _loose_yes_no(self, name: str, *, required: bool) -> bool | None:
        """An unrevised template's opinion, read as the tools read it when that template was issued."""
        raw = self.text(name, required=required)
        if raw is None:
            return None
        if raw.lower() in LOOSE_YES:
            return True
        if raw.lower() in LOOSE_NO:
            return False
        self.fail(name, "nav derīga vērtība (gaidīts: Jā vai Nē)")
        return None

    def listed(self, name: str, allowed: Collection[str], *, required: bool, row: int = 0) -> str | None:
        """A list input's value exactly as one of the list's values (the matrix's EXACT, input_checks "list"): a
        value that differs by a space or a letter's case is the same problem in the matrix's words (audit31d F1)."""
        if self.formula(name, row):
            return None
        raw = self.m.grid(name)[row][0]
        if raw is None or raw == "":
            self.text(name, required=required, row=row)
            return None
        entered = str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw)
        if entered in allowed:
            return entered
        if not self.exact_lists:
            loose = {value.casefold(): value for value in allowed}.get(entered.strip().casefold())
            if loose is not None:
                return loose
        self.fail(name, f"{list_message(name, raw, allowed)} (gaidīts: {', '.join(sorted(allowed))})", row)
        return None


def cents_text(value: Decimal) -> str:
    """A sum as the matrix's message quotes it (input_checks._cents_text): two decimals with the comma, "-90,10"; more
    decimals as entered."""
    shown = f"{value:.2f}" if value == value.quantize(Decimal("0.01")) else str(value)
    return shown.replace(".", ",")


def entered_number(value: Decimal, kind: str) -> str:
    """A number as the matrix's message quotes it (input_checks Kind.shown): a sum with two decimals ("-90,10"), any
    other number as the cell holds it, with the decimal comma ("-3", "2,5")."""
    if kind in MONEY_KINDS:
        return cents_text(value)
    shown = format(value, "f")
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    return shown.replace(".", ",")


def range_message(name: str, value: Decimal, maximum: int | None = None) -> str | None:
    """A number out of its input's range (negative, a rank below 1 or not whole, months outside 1..``maximum``) in
    the words of the matrix's own check of that cell (its kind's code 2, 6.11's list): „daudzumam periodā jābūt
    skaitlim, kas nav mazāks par 0, ievadīts -3”, „maksājumam jābūt skaitlim, kas nav mazāks par 0 (korekciju …),
    ievadīts -90,10”; None for an input the matrix does not check (or months without their maximum)."""
    checked = CHECKED_FIELDS.get(name)
    if checked is None or len(KINDS[checked.kind].messages) < 2:
        return None
    words = KINDS[checked.kind].messages[1]
    if checked.kind == "months":  # "… no 1 līdz "&Param_PeriodaMenesi: the matrix's parameter is the reader's maximum
        if maximum is None:
            return None
        words = words.replace('"&Param_PeriodaMenesi', f'{maximum}"')
    if not (words.startswith('"') and words.endswith('"') and words.count('"') == 2):
        return None
    return f"{checked.label} {words[1:-1]}, ievadīts {entered_number(value, checked.kind)}"


# D340: the money inputs the plausible highest of the catalogue binds (Params.amount_max, Params.price_max)
AMOUNT_NAMES = ("Bazes_Apmers", "IB_Galigais", "Fin_Pabalsti", "Fin_Pakalpojumi", "Fin_Citi")
# D365: and 6.10's month cells, delivered units and payments, by the same highest (Params.amount_max); D377: and a
# plan line's period units (6.3) and a month's planned units (6.6)
UNIT_AND_PAID_NAMES = ("Fakt_Daudzums", "Fakt_Summa", "Plans_Daudzums", "Men_Daudzums")


def maximums(params: Params | None) -> dict[str, Decimal]:
    """The plausible highest of each money input the matrix checks against one (D340), from ``params``."""
    if params is None:
        return {}
    found = ({name: params.amount_max for name in (*AMOUNT_NAMES, *UNIT_AND_PAID_NAMES)}
             | {PRICE_FIELD.name: params.price_max})
    return {name: value for name, value in found.items() if value is not None}


def above_max_message(name: str, value: Decimal, highest: Decimal) -> str:
    """Money above its plausible highest (D340) in the words of the matrix's own check (6.11's list): „bāzes apmēram B
    jābūt skaitlim līdz 100 000,00 EUR (lielāks nav ticams), ievadīts 1000000000000,00”."""
    checked = CHECKED_FIELDS[name]
    text = above_max_units_text(highest) if checked.kind in UNIT_KINDS else above_max_text(highest)  # D365
    return f"{checked.label} {text}, ievadīts {entered_number(value, checked.kind)}"


def plan_has_data(m: Matrix) -> bool:
    """The matrix's PLAN_HAS_DATA (input_checks): a service chosen in the plan (COUNTA: any value) or a number in the
    planned units, the units received or the payments (COUNT: numbers only, not a logical value)."""
    def numbers(name: str) -> bool:
        return m.has(name) and any(isinstance(v, int | float | dt.date) and not isinstance(v, bool)
                                   for row in m.grid(name) for v in row)

    chosen = m.has("Plans_Pakalpojums") and any(v is not None for v in m.column("Plans_Pakalpojums"))
    return chosen or any(numbers(name) for name in PLAN_DATA_NAMES)


def not_a_number(name: str, raw: str, what: str) -> str:
    """A text in a number input, in the words of the matrix's own check of that cell (6.11's list) and what the
    tools expect: "Fin_Citi" with '12,5' -> "citu finanšu avotu summai jābūt skaitlim, ievadīts teksts „12,5” …"."""
    said = matrix_words(name) or "nav skaitlis"
    return f"{said}, {_entered_text(raw)} (gaidīts: {what}, ierakstīts kā skaitlis, nevis teksts)"


# How a worker removes a date format from an input on the protected sheet (D282): typing again keeps the format; pasting
# an empty input cell of the same column over it brings back that column's number format (measured in LibreOffice 7.4)
DATE_FORMAT_ADVICE = ("Šūnai ir datuma formāts, kas, skaitli ierakstot vēlreiz, paliek. Nokopējiet tās pašas ailes "
                      "tukšu ievades šūnu, ielīmējiet to šajā šūnā un ierakstiet skaitli no jauna; daļu atdaliet ar "
                      "komatu (18,5), jo ar punktu ierakstītu „18.5” Excel un LibreOffice nolasa kā datumu.")


# D304, D313: any invalid value in a month cell after the plan's last month – a text, a date, a day's serial, a negative
# number, a fraction of a whole unit, a formula: that cell must stay empty, so what is expected is an empty cell and the
# advice is to clear it (not_a_number, DATE_FORMAT_ADVICE and SERIAL_ADVICE say to type the number again); the matrix's
# list line ends with reference.inputs.AFTER_PERIOD_HINT
MONTH_GRIDS = PLAN_DATA_NAMES  # the plan rows' month grids (6.6, 6.10)
AFTER_PERIOD_WHAT = "tukša šūna"  # what such a cell should hold: after „(gaidīts: “
AFTER_PERIOD_ADVICE = ("Šis mēnesis ir pēc plāna perioda pēdējā mēneša, tāpēc šai šūnai jābūt tukšai: izdzēsiet tās "
                       "saturu (taustiņš Delete), skaitli tajā neierakstiet.")
EXPECTED = " (gaidīts: "


def after_period_message(said: str) -> str:
    """A month cell's problem after the plan's period in one wording whatever the value (D313): the matrix's words and
    the entered value, then an empty cell expected and the advice to clear it, in place of what a month of the plan
    expects and how to type it again: „…, ievadīts teksts „20,5” (gaidīts: tukša šūna). Šis mēnesis ir pēc …”."""
    head = said.rpartition(EXPECTED)[0] if EXPECTED in said else said
    return f"{head}{EXPECTED}{AFTER_PERIOD_WHAT}). {AFTER_PERIOD_ADVICE}"


def date_in_number(name: str, raw: dt.date | dt.time, what: str) -> str:
    """A date-formatted value in a number input (D282), in the words of the matrix's own check and with the date as the
    cell shows it: "sniedzēja cenai jābūt skaitlim, nevis datumam, ievadīts datums 18.05.2018 (gaidīts: …)"."""
    checked = CHECKED_FIELDS.get(name)
    said = f"{checked.label} {DATE_IN_NUMBER_TEXT}" if checked and KINDS[checked.kind].dated else "nav skaitlis"
    return f"{said}, ievadīts {entered_date(raw, checked.kind if checked else '')} (gaidīts: {what}). {DATE_FORMAT_ADVICE}"


def entered_date(raw: dt.date | dt.time, kind: str = "") -> str:
    """A date-formatted value of a number input of ``kind`` as the matrix's check quotes it (input_checks Kind.shown):
    "datums 18.05.2018", "datums 18.05.2018 12:00", "datums 12:00"; a day before 01.03.1900, which Excel and LibreOffice
    show one day apart (xlsxread.serial_day), as its number: "4", "4,50"."""
    serial = excel_serial(raw) if isinstance(raw, dt.datetime) else None
    if serial is not None and 1 <= serial < FIRST_DAY_SHOWN:
        return entered_number(to_decimal(round(serial, 9)), kind)
    if isinstance(raw, dt.datetime):
        return "datums " + lv_date(raw) + (f" {raw:%H:%M}" if raw.time() != dt.time() else "")
    if isinstance(raw, dt.date):
        return "datums " + lv_date(raw)
    return f"datums {raw:%H:%M}"


def number_in_text(label: str, raw: float | dt.date | dt.time) -> str:
    """A number or a date in a free text (D339) in the words of the matrix's own check, the value as the cell shows
    it: „bērna vārdam un uzvārdam jābūt ierakstītam tekstam, nevis skaitlim vai datumam, ievadīts datums 15.01.2019”,
    „…, ievadīts -5”. A number of six digits in a row may be a personal code: not quoted (D221)."""
    shown = entered_date(raw) if isinstance(raw, dt.date | dt.time) else entered_number(to_decimal(raw), "")
    if re.search(r"\d{6}", shown) and not shown.startswith("datums"):
        shown = "skaitlis (tā saturu nerāda, jo tajā var būt personas dati – skatiet šūnu matricā)"
    return f"{label} {NUMBER_IN_TEXT}, ievadīts {shown}"


def matrix_words(name: str, kind: str | None = None) -> str | None:
    """How the matrix's own check (6.11's list) says that input ``name`` is wrong: its label and the first message
    of its kind (or of ``kind``), e.g. „pakalpojumam jābūt vienai no saraksta vērtībām (burts burtā)”; None for an
    input the matrix does not check."""
    checked = CHECKED_FIELDS.get(name)
    return f"{checked.label} {KINDS[kind or checked.kind].messages[0].strip(chr(34))}" if checked else None


def not_listed(entered: str, labels: Collection[str]) -> str:
    """A plan row's service that is not exactly one of 6.8's labels, in the words of the matrix's own check
    (input_checks "list", audit31d F2); a label that differs by spaces only is quoted, with where they are (any other
    text is quoted unless it may hold personal data: a name pasted into the wrong column, D221)."""
    said = matrix_words("Plans_Pakalpojums")
    expected = "gaidīts: vērtība no 6.8. tabulas saraksta"
    shown = entered if len(entered) <= 2 * SHOWN_TEXT_CHARS else "…" + entered[-SHOWN_TEXT_CHARS:]
    if entered != entered.strip() and entered.strip() in {label.strip() for label in labels}:
        return f"{said}, ievadīts „{shown}” (lieka atstarpe sākumā vai beigās; {expected})"
    # a label typed in other letters' case or with other spaces (a no-break space), or its code alone: the value is
    # a 6.8 label's, no personal data, so it is quoted whole with what differs (D331)
    if not entered.strip():
        return f"{said}, ievadīts „{shown}” (tikai atstarpes; {expected})"
    if _loose(entered) in {_loose(label) for label in labels}:
        return f"{said}, ievadīts „{shown}” ({CASE_OR_SPACES}; {expected})"
    if entered.strip() in {offer_code(label) for label in labels}:
        return f"{said}, ievadīts „{shown}” (tikai pakalpojuma kods; {expected})"
    return f"{said}, {_entered_text(entered)} ({expected})"


def _loose(text: str) -> str:
    """A text without letters' case and with every run of spaces (a no-break space too) as one space."""
    return " ".join(text.split()).casefold()


def _entered_text(raw: str) -> str:
    """", ievadīts teksts „12,5”", or without its content when it may hold personal data (D221)."""
    if PERSONAL_LOOKING.search(raw):
        return "ievadīts teksts (tā saturu nerāda, jo tajā var būt personas dati – skatiet šūnu matricā)"
    shown = raw if len(raw) <= SHOWN_TEXT_CHARS else raw[:SHOWN_TEXT_CHARS] + "…"
    return f"ievadīts teksts „{shown}”"


def list_message(name: str, raw: object, allowed: Collection[str] = (YES, NO)) -> str:
    """A list or yes/no input that is not exactly a list value, in the words of the matrix's own check (code 1 of
    its kind): "VDEĀVK atzinumam jābūt tieši „Jā” vai „Nē” (no saraksta), ievadīts teksts „Jā ”". A list value
    that differs only by spaces or letter case is quoted whole (it is no personal data) with what differs."""
    said = matrix_words(name)
    if not isinstance(raw, str):
        return f"{said}, ievadīts {raw}"
    if raw.strip().casefold() in {value.casefold() for value in allowed}:
        return f"{said}, ievadīts teksts „{raw}” ({CASE_OR_SPACES})"
    return f"{said}, {_entered_text(raw)}"


DAY_ZERO = dt.datetime(1899, 12, 30)  # the serial 0 of our files' calendar (xlsxread.serial_day)


def date_range_message(name: str, raw: CellValue) -> str | None:
    """A date input's number or date outside the matrix's range (input_checks FIRST_DATE..LAST_DATE, its date kind's
    code 2), in the matrix's words and with the value as its message shows it: „perioda pirmajai dienai jābūt datumam
    no 01.01.1990 līdz 31.12.2100, ievadīts 11.07.1905” (a year, 2019, pasted into the date cell; D331); a number
    below 1 as the number. None within the range, for another value and for an input the matrix does not check."""
    checked = CHECKED_FIELDS.get(name)
    if checked is None or checked.kind != "date" or isinstance(raw, bool):
        return None
    if isinstance(raw, dt.time):  # a number below 1 in a date-formatted cell, read as a time of day
        raw = round((raw.hour * 3600 + raw.minute * 60 + raw.second + raw.microsecond / 1e6) / 86400, 9)
    if isinstance(raw, dt.datetime) and raw < DAY_ZERO:  # a negative number in a date cell: said as the number,
        raw = (raw - DAY_ZERO) / dt.timedelta(days=1)  # as the matrix says it (D332)
    if isinstance(raw, int | float):
        if 1 <= raw < SHEET_DAYS_END:
            raw = serial_day(raw)
        else:  # below 1 or beyond the spreadsheets' last day (1e12, D332): the number
            return f"{checked.label} {KINDS['date'].messages[1].strip(chr(34))}, ievadīts " \
                   f"{entered_number(to_decimal(raw), 'date')}"
    if not isinstance(raw, dt.date):
        return None
    day = raw.date() if isinstance(raw, dt.datetime) else raw
    if FIRST_DATE <= day <= LAST_DATE:
        return None
    shown = lv_date(day) + (f" {raw:%H:%M}" if isinstance(raw, dt.datetime) and raw.time() != dt.time() else "")
    return f"{checked.label} {KINDS['date'].messages[1].strip(chr(34))}, ievadīts {shown}"


def date_text_message(name: str, raw: str) -> str:
    """A text in a date input, in the words of the matrix's own check of that cell (input_checks KINDS["date"], code
    1): "dzimšanas datumam jābūt datumam, nevis tekstam – ierakstiet datumu vēlreiz (DD.MM.GGGG), ievadīts teksts
    „01.04.2010”"."""
    return f"{matrix_words(name, 'date') or 'nav datums'}, {_entered_text(raw)}"


def read_child(m: Matrix, catalogue: Catalogue, *, strict: bool = True, where: Where | None = None,
               printed: bool = False, rule_where: RuleWhere | None = None) -> tuple[ChildData | None, list[str]]:
    """The child's inputs read through the interface names, or the list of problems.

    Required (``strict``, for the collection): Pasvaldiba (a catalogue municipality), the child's name,
    personal code and impairment type; always: the date of birth, the special-care opinion and the
    period's first day and months. Every counted plan line needs its item from 6.8 and a provider
    price. An empty Bazes_Apmers means the catalogue's base (as in the workbook). ``where`` names a problem's cell
    (default Matrix.where: "6.1!B38 (Perioda_Sakums)"). ``printed`` (documents signed from the matrix's annexes,
    `ibm documents --from-matrix`): a filled plan row the file keeps hidden is a problem too (hidden_rows, D191).
    ``rule_where`` names the cell of a problem the matrix counts in a rule's own 6.11 row (a chosen item without a
    provider's price, MISSING_PRICE), not as an invalid input; without it, ``where`` names it.
    """
    r = _Reader(m, where, rule_where)
    r.serials = children_date_serials(catalogue)
    municipality_text = r.text("Pasvaldiba", required=strict)
    municipality = None
    if municipality_text is not None:
        known = {x.id: x.id for x in catalogue.municipalities.municipalities}
        known.update({x.name_lv.lower(): x.id for x in catalogue.municipalities.municipalities})
        municipality = known.get(municipality_text) or known.get(municipality_text.lower())
        if municipality is None:
            r.fail("Pasvaldiba", f"pašvaldība „{municipality_text}” nav katalogā (gaidīts: kods no kataloga, "
                                 f"piem. {catalogue.municipalities.municipalities[0].id})")
    full_name = r.text("Berns_VardsUzvards", required=strict)
    code = r.text("Berns_PersonasKods", required=strict)
    if code is not None:  # the one written form, with the hyphen, whichever way it was typed
        written = written_personal_code(code)
        if written is None:
            r.fail("Berns_PersonasKods", f"{CHECKED_FIELDS['Berns_PersonasKods'].label} {CODE_TEXT}")
        code = written
    birth = r.date("Berns_DzimsanasDatums", required=True)
    impairments = {str(i.id) for i in catalogue.enums.impairments}
    impairment = r.listed("Berns_Traucejums", impairments, required=strict)
    special = r.yes_no("Ipasas_Kopsanas_Atzinums", required=True)
    start = r.date("Perioda_Sakums", required=True)
    params_day = start
    if m.has(PARAMS_DAY_NAME):
        params_day = r.date(PARAMS_DAY_NAME, required=False) or start
    params: Params | None = None
    if params_day is not None:
        try:
            params = Params.from_catalogue(catalogue, params_day)
        except LookupError:
            r.fail("Perioda_Sakums", "šajā dienā programmas parametri vēl nav spēkā (gaidīts: diena, kurā tie jau "
                                     "ir spēkā – programmas pirmajā kārtā vai vēlāk)")
    r.maximums = maximums(params)
    max_months = params.period_months_max if params else 6
    months = r.whole("Perioda_Menesi", required=True, minimum=1, maximum=max_months)
    r.period_months = months
    base = r.number("Bazes_Apmers", what="summa EUR ≥ 0")
    final = r.number("IB_Galigais", what="summa EUR ≥ 0")
    benefits = r.number("Fin_Pabalsti", what="summa EUR ≥ 0") or Decimal(0)
    services = r.number("Fin_Pakalpojumi", what="summa EUR ≥ 0") or Decimal(0)
    other = r.number("Fin_Citi", what="summa EUR ≥ 0") or Decimal(0)
    reason = r.text(TRANSPORT_REASON_NAME, required=False) if m.has(TRANSPORT_REASON_NAME) else None
    lines = _lines(r, m, catalogue, params_day) if params_day else []
    _text_lengths(r, m, current=base_version(_plain(m.scalar("IBM_Versija"))) == template_version(catalogue))
    if printed:
        hidden = hidden_rows(m, sum(1 for line in lines if line.counted))
        r.problems.extend([*ignored_cause(lines), *hidden] if hidden else [])
    needed = (birth, special, start, months) + ((municipality, full_name, code, impairment) if strict else ())
    if r.problems or None in needed:
        return None, r.problems
    assert birth and start and months and params_day
    inputs = WorkbookInputs(
        birth_date=birth, period_start=start, months=months, special_care=bool(special), impairment=impairment,
        lines=tuple(lines), base=base, final=final, benefits=benefits, services=services, other=other,
        transport_override=reason, parties=_parties(m),
    )
    return ChildData(municipality or "", full_name or "", code or "", impairment or "", params_day, inputs,
                     tuple(r.warnings), m.has(WHOLE_UNITS_NAME), paid_entered(m), base_marked(m)), []


def withdrawn_rows(m: Matrix, catalogue: Catalogue, params_day: dt.date | None) -> frozenset[str]:
    """The 6.8 items (codes) whose row holds the mark of a ceiling withdrawn by the day the matrix was made
    (withdrawn_ceilings.py, D319): the matrix showed them „jāprecizē”. Only an item the catalogue withdraws after the
    matrix's prices day (withdrawn_ceilings.withdrawable): no other row's formulas read a mark."""
    if not m.has(withdrawn_ceilings.NAME) or not m.has("Pak_Id") or params_day is None:
        return frozenset()
    marked = frozenset(offer_code(label) for label, mark in zip(m.column("Pak_Id"), m.column(withdrawn_ceilings.NAME),
                                                                strict=False)
                       if isinstance(label, str) and label.strip() and _is_day(mark))
    return marked & _withdrawable(catalogue, params_day) if marked else marked


def _withdrawn_open(catalogue: Catalogue, day: dt.date, offer: Offer) -> tuple[str, ...]:
    """Of a 6.8 row withdrawn after the matrix's prices day ``day`` (D319): for a group session under the group
    ceiling, the group parameters „jāprecizē” on the withdrawal's first day (Catalogue.group_ceiling_open, D358);
    none for another row – its own price is what is open."""
    if not offer.group_ceiling:
        return ()
    first = min((c.day for c in catalogue_withdrawals(catalogue, day) if c.items and offer.id in c.items), default=None)
    return () if first is None else catalogue.group_ceiling_open(first)


def _withdrawable(catalogue: Catalogue, day: dt.date) -> frozenset[str]:
    """withdrawn_ceilings.withdrawable, none for a prices day the catalogue holds no B or prices for (its matrix is
    refused or reported elsewhere, not here)."""
    try:
        return withdrawn_ceilings.withdrawable(catalogue, day)
    except LookupError:
        return frozenset()


def base_marked(m: Matrix) -> bool:
    """Whether the matrix holds the mark of a B withdrawn by the day it was made (6.11, withdrawn_base.py, D318)."""
    return m.has(withdrawn_base.NAME) and _is_day(m.scalar(withdrawn_base.NAME))


def paid_entered(m: Matrix) -> bool:
    """Whether any payment cell of 6.10 (Fakt_Summa) holds a value – a typed 0 too: the worker reported the month."""
    return any(v is not None and v != "" for row in m.grid("Fakt_Summa") for v in row)


def _text_lengths(r: _Reader, m: Matrix, *, current: bool = False) -> None:
    """Every text the matrix checks for length (input_checks.TEXT_FIELDS, D90, D166, D167) over its limit is an
    invalid input, as in the matrix's Kludas: counted as the matrix counts it, named by cell and limit. The limit is
    the one of the matrix's own template: today's (the field's) on the current template, where a check missing is
    not an older template's and today's limit refuses the text (review11 R11-1); on any other template the number in
    the file's own check formula for that cell, smaller or larger than today's (R11-3: a template that raised a
    limit counts a text up to its own limit as valid, and so does the reader). A matrix made on an older template
    that did not yet check that text (no length check formula for the cell in the file) showed no error for it:
    there a text over today's limit is a warning naming the cell, its length and today's limit, not a refusal
    (D168)."""
    for checked in TEXT_FIELDS:
        if not m.has(checked.name):
            continue
        today = int(checked.extra)
        for i, row in enumerate(m.grid(checked.name)):
            for j, value in enumerate(row):
                # counted by the matrix's check of the text as any input's (D140), a number or a date too (D339)
                if r.formula(checked.name, i, j) or r.not_typed(checked.name, i, j):
                    continue
                if not isinstance(value, str) or not value:
                    continue
                length = text_length(value)
                # the file's own check (its template's formulas); on today's template, today's limit whatever it says
                own = None if current else m.length_limit(checked.name, i, j)
                if length <= (own if own is not None else today):
                    continue
                if current:
                    r.fail(checked.name, too_long_message(checked, length), i, j)
                elif own is None:
                    r.warnings.append(f"{r.where(checked.name, i, j)}: {unchecked_length_message(checked, length)}")
                else:
                    r.fail(checked.name, too_long_message(checked, length, own), i, j)


# The sheets whose plan rows print on paper in outline groups (generator/workbook/sheets/plan_rows.py): their rows
# are the lines' rows (PLAN_ROWS_NAME's), except 6.5 and 6.9, which list the counted lines from their first row on.
PLAN_ROW_SHEETS = ("6.3", "6.4", "6.5", "6.6", "6.7", "6.9", "6.10")
COMPACT_SHEETS = ("6.5", "6.9")
PLAN_ROWS_NAME = "Plans_Pakalpojums"
# a plan row's inputs: a value in one of them makes the row filled (with the notes, which print on the annexes)
ROW_INPUTS = ("Plans_Pakalpojums", "Plans_Daudzums", "Plans_EkspertuRangs", "Plans_VecakuRangs", "Plans_Sanemejs",
              "Plans_Biezums", "Plans_Piezimes", "Aprekins_Piezimes", "Men_Daudzums", "Men_Piezimes", "Fakt_Daudzums",
              "Fakt_Summa", "Fakt_Piezimes")


def hidden_rows(m: Matrix, counted: int) -> list[str]:
    """Filled plan rows the file keeps hidden (a closed outline group or a hidden row; D191, audit42 F3): the
    amounts use them, the signed annexes do not print them. One problem per sheet, naming its rows as the matrix's own
    6.11 does (plan_rows.hidden_message): on the sheets of the plan rows, a line with a service or a row holding a
    value in one of that sheet's OWN inputs (month data pasted into 6.6 names 6.6 only, not every sheet whose row is
    closed, audit36a F8c); on 6.5 and 6.9, their first ``counted`` rows. A file read without its rows' attributes (the
    collection's fast scan) has none."""
    ref = m.refs.get(PLAN_ROWS_NAME)
    if ref is None or not m.book.hidden_rows:
        return []
    first = ref.first[0]
    own: dict[str, set[int]] = {}
    for name in ROW_INPUTS:
        if not m.has(name) or m.refs[name].first[0] != first:
            continue
        for i, row in enumerate(m.grid(name)):
            if any(_filled(v) for v in row):
                own.setdefault(m.refs[name].sheet, set()).add(i)
    services = {i for i, row in enumerate(m.grid(PLAN_ROWS_NAME)) if any(_filled(v) for v in row)}
    problems = []
    for sheet in PLAN_ROW_SHEETS:
        hidden = m.book.hidden_rows.get(sheet, set())
        rows = range(counted) if sheet in COMPACT_SHEETS else sorted(services | own.get(sheet, set()))
        # each line's sheet row: the spacer rows between them (D288) on every plan sheet but 6.4
        spaced = m.spacers() if sheet in SPACED_SHEETS else ()
        found = sorted(first + line_offsets(spaced)[i] for i in rows if first + line_offsets(spaced)[i] in hidden)
        if not found:
            continue
        said = (HIDDEN_ONE.format(row=found[0]) if len(found) == 1 else
                HIDDEN_MANY.format(first=found[0], last=found[-1]))
        problems.append(f"{sheet}. tabula: {said} – {HIDDEN_HOW}")
    return problems


def _filled(value: CellValue) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def ignored_cause(lines: list[PlanLine]) -> list[str]:
    """Month data in plan rows with no service or units (the rule the matrix counts in its own 6.11 row,
    ignored_line_data): said before the hidden rows it fills, which are its consequence (audit36a F8c)."""
    rows = [i + 1 for i, line in enumerate(lines)
            if not line.counted and any(v != 0 for attr in MONTH_ATTRS for v in getattr(line, attr))]
    if not rows:
        return []
    more = f" un vēl {len(rows) - 1} {agree(len(rows) - 1, 'citā', 'citās')}" if len(rows) > 1 else ""
    return [f"plāna {rows[0]}. rindā{more} nav pakalpojuma vai daudzuma, bet 6.6. vai 6.10. tabulā ir mēnešu dati "
            "(tie nav plānā; izdzēsiet tos vai 6.3. tabulā ierakstiet pakalpojumu un daudzumu)"]


def _parties(m: Matrix) -> Parties:
    """6.1's fields a contract needs, as the matrix holds them (D88); a field an older template lacks counts as
    filled, as that template's own check does not see it."""
    def text(name: str) -> str | None:
        if not m.has(name):
            return name
        raw = m.scalar(name)
        return None if raw is None else str(raw)

    return Parties(**{p.attr: text(p.name) for p in REQUIRED_PARTIES})


def offer_code(label: str) -> str:
    """The stable item code at the start of a 6.8 label ('3.1.2i Ergoterapeits, individuāli' -> '3.1.2i')."""
    return label.strip().split(" ", 1)[0]


def _lines(r: _Reader, m: Matrix, catalogue: Catalogue, day: dt.date) -> list[PlanLine]:
    offers = offers_on(catalogue, day)
    ids = m.column("Pak_Id")
    rows_68 = {}  # the 6.8 labels as they are: the matrix's list check is EXACT, letter by letter and space by space
    for j, label in enumerate(ids):
        if isinstance(label, str) and label.strip():
            rows_68[label] = j
    items = m.column("Plans_Pakalpojums")
    recipients = m.column(RECIPIENT_NAME) if m.has(RECIPIENT_NAME) and m.lines(RECIPIENT_NAME) == len(items) \
        else [None] * len(items)
    words = {str(label): str(code) for code, label in catalogue.enums.recipients.items()}
    months_cols = min(m.refs[g].cols for g in ("Men_Daudzums", "Fakt_Daudzums", "Fakt_Summa"))
    row_names = ("Plans_Pakalpojums", "Plans_Daudzums", "Plans_EkspertuRangs", "Plans_VecakuRangs", "Men_Daudzums",
                 "Fakt_Daudzums", "Fakt_Summa")
    row_grids = [m.grid(name) for name in row_names]
    # D319: the 6.8 rows whose confirmed ceiling the matrix shows withdrawn by the day it was made (its mark)
    marks = m.column(withdrawn_ceilings.NAME) if m.has(withdrawn_ceilings.NAME) else []
    withdrawable: frozenset[str] | None = None  # looked up at the first mark
    priced: set[int] = set()  # the 6.8 rows whose price a line read
    invalid_prices: set[int] = set()  # the 6.8 rows whose price cell is invalid: said once, however many lines use it
    empty_line: PlanLine | None = None  # most plan rows are empty: one line (what the reads below give them)
    lines: list[PlanLine] = []
    for i in range(len(items)):
        if all(v is None for grid in row_grids for v in (grid[i] if i < len(grid) else (0,))) \
                and not _row_formulas(m, row_names, i):
            if empty_line is None:
                zeros = (_ZERO,) * months_cols
                empty_line = PlanLine(offer_id=None, units=Decimal(0), planned_units=zeros, delivered_units=zeros,
                                      paid=zeros)
            lines.append(empty_line)
            continue
        if r.exact_lists and isinstance(items[i], str) and items[i] and not items[i].strip():
            r.fail("Plans_Pakalpojums", not_listed(items[i], rows_68), i)  # spaces only: the matrix's EXACT refuses
            continue  # them too (review31 F1)
        item = r.text("Plans_Pakalpojums", required=False, row=i)
        units = r.number("Plans_Daudzums", i, what="vienību skaits ≥ 0") or Decimal(0)
        expert = r.whole("Plans_EkspertuRangs", i)
        parent = r.whole("Plans_VecakuRangs", i)
        planned = r.months("Men_Daudzums", i, months_cols)
        delivered = r.months("Fakt_Daudzums", i, months_cols)
        paid = r.months("Fakt_Summa", i, months_cols, what="summa EUR ≥ 0")
        if item is None:
            lines.append(PlanLine(offer_id=None, units=units, expert_rank=expert, parent_rank=parent,
                                  planned_units=planned, delivered_units=delivered, paid=paid))
            continue
        entered = items[i] if isinstance(items[i], str) else item  # as the matrix compares it: not stripped
        j = rows_68.get(entered)
        offer = offers.get(offer_code(item))
        if j is None or offer is None:
            r.fail("Plans_Pakalpojums", not_listed(entered, rows_68), i)
            continue
        # the matrix checks the units of a listed service whatever its price: both are said (review32 F2)
        unit = str(offer.service.unit)
        if unit in catalogue.enums.whole_units:
            _whole_units(r, m, i, units, planned, delivered, _unit_name(catalogue, unit))
        before = len(r.problems)
        priced.add(j)
        if j in invalid_prices:  # another line already said it (D332: one pasted value, one error)
            continue
        price = r.number("Pak_Cena", j, what=PRICE_WHAT)
        if price is None and len(r.problems) > before:  # the price cell itself is invalid (said once)
            invalid_prices.add(j)
            continue
        if price is None and units > 0:
            r.fail("Pak_Cena", f"plānā izvēlētajam pakalpojumam {offer.id} nav sniedzēja cenas "
                               "(gaidīts: cena EUR par vienību)", j, rule=MISSING_PRICE)
            continue
        ceiling = r.number("Pak_MaxCena", j, what="cena EUR")
        recipient = None
        if recipients[i] is not None:
            before = len(r.problems)
            recipient_word = r.listed(RECIPIENT_NAME, words, required=False, row=i)
            if len(r.problems) > before:
                continue
            recipient = words.get(recipient_word) if recipient_word is not None else None
        try:
            line = line_from_offer(offer, units, unit_price=price or Decimal(0), expert_rank=expert,
                                   parent_rank=parent, recipient=recipient, planned_units=planned,
                                   delivered_units=delivered, paid=paid)
        except ReferenceInputError as exc:
            r.fail("Plans_Pakalpojums", str(exc), i)
            continue
        # a new line of our own: set in place what dataclasses.replace would validate again unchanged
        object.__setattr__(line, "ceiling", ceiling)
        if j < len(marks) and _is_day(marks[j]) and checked_against_ceiling(offer):
            if withdrawable is None:
                withdrawable = _withdrawable(catalogue, day)
            if offer.id in withdrawable:  # only such a row's formulas read the mark (withdrawn_ceilings.read_rows)
                object.__setattr__(line, "ceiling_unconfirmed", True)  # as the matrix's h_Pak_GriestiNeapst (D319)
                # D358: a group session's warning names the group parameters open from the withdrawal's day
                object.__setattr__(line, "ceiling_open", _withdrawn_open(catalogue, day, offer))
        object.__setattr__(line, "label", item)
        lines.append(line)
    # D332: the matrix checks every 6.8 price, also of a service no line uses: so do the tools (once a cell)
    for j, price in enumerate(m.column("Pak_Cena")):
        if j not in priced and (price is not None or _row_formulas(m, ("Pak_Cena",), j)):
            r.number("Pak_Cena", j, what=PRICE_WHAT)
    return lines


PRICE_WHAT = "cena EUR par vienību ≥ 0"


def _row_formulas(m: Matrix, names: tuple[str, ...], row: int) -> bool:
    """Whether plan row ``row`` of the inputs ``names`` holds a formula saved without a value (openpyxl and other
    programs write one so): its row is not empty, and the formula is said as in any other input (D140, D331)."""
    for name in names:
        if row >= m.lines(name):
            continue
        ref = m.refs[name]
        first = (ref.first[0] + m.row_of(name, row), ref.first[1])
        if any((cell := m.book.cell(ref.sheet, (first[0], first[1] + k))) is not None and cell.formula is not None
               for k in range(ref.cols)):
            return True
    return False


def _is_day(value: CellValue) -> bool:
    """A mark of withdrawn_ceilings (a day: its serial number, or a date as a reader gives it) or of withdrawn_base (1)."""
    return isinstance(value, dt.datetime) or (isinstance(value, int | float) and not isinstance(value, bool)
                                              and value > 0)


def _unit_name(catalogue: Catalogue, unit: str) -> str:
    """The unit as 6.8 and 6.4 show it ("reize")."""
    return next((short_unit(u.name_lv) for u in catalogue.enums.units if u.id == unit), unit)


# What a fraction of a whole unit does in an older template that did not check it (D256), by the cell's kind: the period
# units price the line (6.4), a month's planned units price that month (6.7: units × price); the units received price
# nothing (the month's payment is typed beside them), so there no sum is said to hold it
OLDER_WHOLE_UNITS = {
    "Plans_Daudzums": "rindas summa periodā (6.4. tabula) ietver vienības daļu",
    "Men_Daudzums": "mēneša plānotā summa (6.7. tabula) ietver vienības daļu",
    "Fakt_Daudzums": "vienības daļu nesniedz – pārbaudiet saņemto vienību skaitu un mēneša samaksāto summu",
}


def _whole_units(r: _Reader, m: Matrix, row: int, units: Decimal, planned: tuple[Decimal, ...],
                 delivered: tuple[Decimal, ...], unit: str) -> None:
    """A fraction of a unit counted whole (a session, a day and night, a working day; catalogue units ``whole``) in
    the line's period units (6.3), a month's planned (6.6) or delivered (6.10) units: an invalid input in the words
    of the matrix's own check (input_checks "units", D256), one per cell. A matrix whose older template did not check
    whole units (no h_Pak_Vesels) showed no error: there it is a warning naming the cell and what the fraction does
    there (OLDER_WHOLE_UNITS)."""
    cells = [("Plans_Daudzums", 0, units)]
    cells += [("Men_Daudzums", k, v) for k, v in enumerate(planned)]
    cells += [("Fakt_Daudzums", k, v) for k, v in enumerate(delivered)]
    for name, col, value in cells:
        if value == value.to_integral_value():
            continue
        said = whole_units_message(CHECKED_FIELDS[name].label, unit, units_shown(value))
        if m.has(WHOLE_UNITS_NAME):
            r.fail(name, said, row, col)
        else:
            r.warnings.append(f"{r.where(name, row, col)}: {said}; šīs matricas vecākā veidne to nepārbaudīja, "
                              f"tāpēc tā nav kļūda, bet {OLDER_WHOLE_UNITS[name]}")
