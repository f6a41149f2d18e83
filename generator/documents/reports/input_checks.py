"""Input checks by formula in the report workbooks: what data validation cannot stop.

Data validation stops a value typed into a cell, not one pasted there. So every input that feeds an amount is
also checked by a formula that, while the value is wrong, shows a Latvian message naming the sheet, the cell
and what is expected ("Kļūda: '28 Reģistrs'!L7 – jābūt summai …"). A per-row check column holds the messages
of a table's inputs; an ``ErrorLog`` collects where all messages of a workbook are and gives the formulas for
their count and the first message. The amounts are guarded by the count (parameters.guarded): while it is
not 0 they show the blank marker, never a figure computed from a pasted value.

Conditions are written so that no wrong value can raise a spreadsheet error inside them: ``IF(ISNUMBER(c), …)``
tests a number before comparing it (AND does not stop at the first FALSE). Only functions that Excel 2010
and LibreOffice 7.4 both compute are used: IF, AND, OR, ISNUMBER, INT, COUNT, COUNTIF, COUNTIFS, SUMIFS, DATE, YEAR,
MONTH, EDATE, MIN, MAX, LEN, INDEX, ROW, TRIM, LEFT, FIND, ISLOGICAL, IFERROR, RIGHT, N – and FORMULATEXT and
ISFORMULA (Excel 2013) only inside IFERROR, where Excel 2010's #NAME? gives FALSE: its ISLOGICAL sees the value
(is_logical), and a pasted formula is refused where the program has ISFORMULA (typed_value, D140).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from generator.workbook.input_checks import FORMULA_MESSAGE, imported_logical, is_formula, logical_message

HEADER = "Pārbaude"
# The earliest date any report input takes, itself included: the date validation (DATE_VALIDATION, "≥") and the
# formula checks (a_date, ">=") alike; and the years a quarter row takes.
FIRST_DAY = dt.date(2000, 1, 1)
MIN_DATE = f"DATE({FIRST_DAY.year},{FIRST_DAY.month},{FIRST_DAY.day})"
DATE_VALIDATION = {"validate": "date", "criteria": ">=", "value": dt.datetime.combine(FIRST_DAY, dt.time()),
                   "error_message": f"Ierakstiet datumu (DD.MM.GGGG), ne agrāku par {FIRST_DAY:%d.%m.%Y}."}
# What a date input's check expects (the month cells of a template made without the round's dates).
MONTH_EXPECTED = f"jābūt datumam (mēnesim), ne agrākam par {FIRST_DAY:%d.%m.%Y}"
YEARS = (2000, 2100)
QUARTERS = (1, 4)


def quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def where(sheet: str, cell: str) -> str:
    """How a message names a cell: '28 Reģistrs'!L7."""
    return f"{quoted(sheet)}!{cell}"


def message(sheet: str, cell: str, expected: str) -> str:
    return f"Kļūda: {where(sheet, cell)} – {expected}."


def text_literal(value: str) -> str:
    """A string literal in a formula."""
    return '"' + value.replace('"', '""') + '"'


# audit32a F1: a logical value (TRUE/FALSE, PATIESS/APLAMS – a bool cell, typed or pasted from a checkbox column) in
# a number input is never valid. Excel's ISNUMBER is FALSE for it and its ISLOGICAL TRUE. LibreOffice 7.4 imports an
# xlsx bool cell as the formula =TRUE() with the value 1: ISNUMBER TRUE and, in a cell with a number format (every
# input has one), ISLOGICAL FALSE (measured: TYPE gives 8, a formula). So the formula's text is read: a function
# without arguments whose value is 0 or 1 (TRUE(), FALSE(), PATIESS()). FORMULATEXT is Excel 2013's: in Excel 2010
# its #NAME? becomes FALSE by IFERROR, and there ISLOGICAL sees the value. The formula text and the words are the
# matrix's (generator/workbook/input_checks: imported_logical, logical_message).
LOGICAL_EXPECTED = logical_message("amount")
DATE_LOGICAL = logical_message("date")  # the same in a date input: „jābūt datumam, nevis loģiskajai vērtībai”
# A formula or a link pasted into a number or date input (=100+20, ='[cits.xlsx]28'!L7): its value follows the cells
# it refers to, so it is refused as the matrix refuses it, in the matrix's words (D140, D267). ISFORMULA is Excel
# 2013's: Excel 2010's #NAME? becomes FALSE (is_formula), so there the check is silent, as the matrix's.
FORMULA_EXPECTED = FORMULA_MESSAGE


def is_logical(c: str) -> str:
    """TRUE when cell ``c`` holds a logical value: Excel's ISLOGICAL, or LibreOffice's imported =TRUE()."""
    return f"OR(ISLOGICAL({c}),{imported_logical(c)})"


class Refuses(Enum):
    """What a rule's check refuses besides its condition, each with its own words (row_check): nothing, a logical
    value (its ``logical`` words), or a logical value and a formula (FORMULA_EXPECTED too) – typed_value's."""

    NOTHING = "nothing"
    LOGICAL = "logical"
    PASTED = "pasted"  # a logical value and a formula or link


@dataclass(frozen=True)
class Typed:
    """A condition made by typed_value: its formula ``text`` and what it refuses (``refuses``), so a Rule made with it
    knows without reading the text. Not a str (review34 §8: a str subclass lost its flag to any string operation): a
    Rule given it takes both (Rule.__post_init__); ``+``, ``.replace`` or ``join`` raise instead of returning a text
    without the flag; a formula built around it (str() or an f-string, as guarded does) is a new condition, which
    refuses nothing of its own."""

    text: str
    refuses: Refuses

    def __str__(self) -> str:
        return self.text


def typed_value(c: str, condition: str, formula: bool = True) -> Typed:
    """``condition`` on number or date input ``c``, FALSE while ``c`` holds a logical value (LibreOffice imports a
    bool cell as the formula =TRUE(), so it is asked first) or, with ``formula``, a formula. A Rule whose ``ok`` is
    made with it gets its ``logical`` words or FORMULA_EXPECTED as its message for such a value (row_check): the
    helper every number and date rule uses (also the register's own, register_checks). ``formula`` False only for
    inputs that feed no amount and whose row's check would otherwise pass Excel's 8 192-character formula limit
    (31's monthly counts of a long round, D267)."""
    if not formula:
        return Typed(f"IF({is_logical(c)},FALSE,{condition})", Refuses.LOGICAL)
    return Typed(f"IF({is_logical(c)},FALSE,IF({is_formula(c)},FALSE,{condition}))", Refuses.PASTED)


def refuses_pasted(rule: Rule) -> bool:
    """Whether ``rule`` refuses a logical value (typed_value's; its message then says the logical value and, when it
    checks one, the formula)."""
    return rule.refuses is not Refuses.NOTHING


def refuses_formula(rule: Rule) -> bool:
    """Whether ``rule`` also refuses a formula (typed_value's with ``formula``)."""
    return rule.refuses is Refuses.PASTED


# Conditions on one cell ``c`` (a reference like "B7"); each is TRUE for a right value, never for a logical one.
def whole_at_least(c: str, low: int, blank_ok: bool = False, formula: bool = True) -> Typed:
    return typed_value(c, f'IF(ISNUMBER({c}),AND({c}>={low},{c}=INT({c})),{_blank(c, blank_ok)})', formula)


def whole_between(c: str, low: int, high: int, blank_ok: bool = False) -> Typed:
    return typed_value(c, f'IF(ISNUMBER({c}),AND({c}>={low},{c}<={high},{c}=INT({c})),{_blank(c, blank_ok)})')


def number_between(c: str, low: int, high: int, blank_ok: bool = False) -> Typed:
    return typed_value(c, f'IF(ISNUMBER({c}),AND({c}>={low},{c}<={high}),{_blank(c, blank_ok)})')


def whole_cents(c: str, at_least_zero: bool = True, blank_ok: bool = True) -> Typed:
    """An amount in euro: a number with at most two decimals (D87), 0 or more unless ``at_least_zero`` is False."""
    low = f",{c}>=0" if at_least_zero else ""
    return typed_value(c, f'IF(ISNUMBER({c}),AND(ROUND({c},2)={c}{low}),{_blank(c, blank_ok)})')


def cents_validation(first_cell: str) -> dict:
    """The data validation of a range of amounts 0 or more whose top-left cell is ``first_cell``: whole cents, as
    whole_cents checks a pasted value."""
    c = first_cell
    return {"validate": "custom", "value": f"=AND(ISNUMBER({c}),{c}>=0,ROUND({c},2)={c})", "error_title": "Summa",
            "error_message": "Summa ir skaitlis, 0 vai vairāk, ar ne vairāk kā diviem cipariem aiz komata."}


# What an amount input's check expects (whole_cents).
EUR_EXPECTED = "jābūt summai euro ar ne vairāk kā diviem cipariem aiz komata"
EUR_AT_LEAST_ZERO = f"{EUR_EXPECTED}, 0 vai vairāk"


def a_date(c: str, blank_ok: bool = True) -> Typed:
    return typed_value(c, f'IF(ISNUMBER({c}),{c}>={MIN_DATE},{_blank(c, blank_ok)})')


def date_rule(c: str, expected: str, blank_ok: bool = True) -> Rule:
    """The rule of date input ``c``: a date from FIRST_DAY on (a_date), its logical value said as a date's."""
    return Rule(c, a_date(c, blank_ok), expected, DATE_LOGICAL)


def one_of(c: str, *values: str) -> str:
    return "OR(" + ",".join(f"{c}={text_literal(v)}" for v in values) + ")"


def in_list(c: str, name: str, blank_ok: bool = False) -> str:
    """``c`` is one of the texts of the defined range ``name`` (blank allowed when ``blank_ok``)."""
    return f'IF({c}="",{"TRUE" if blank_ok else "FALSE"},COUNTIF({name},{c})>0)'


def _blank(c: str, blank_ok: bool) -> str:
    return f'{c}=""' if blank_ok else "FALSE"


@dataclass(frozen=True)
class Rule:
    """One check of a row: ``ok`` is TRUE for a right value of ``cell``; ``expected`` says what is expected, and
    ``logical`` what a logical value there is told (an ``ok`` made with typed_value). ``refuses``: what ``ok``
    refuses besides its condition, each said in its own words (row_check); unless given, the flag of an ``ok`` made
    by typed_value (a Typed; a condition built around it, or written by hand, refuses nothing of its own)."""

    cell: str
    ok: str  # given a Typed, its text (and its flag in ``refuses``)
    expected: str
    logical: str = LOGICAL_EXPECTED
    refuses: Refuses = Refuses.NOTHING

    def __init__(self, cell: str, ok: str | Typed, expected: str, logical: str = LOGICAL_EXPECTED,
                 refuses: Refuses | None = None) -> None:
        if refuses is None:
            refuses = ok.refuses if isinstance(ok, Typed) else Refuses.NOTHING
        for name, value in (("cell", cell), ("ok", str(ok)), ("expected", expected), ("logical", logical),
                            ("refuses", refuses)):
            object.__setattr__(self, name, value)


class TextCells:
    """The expected-value texts written once in a column of a (hidden) sheet, so that hundreds of row checks
    refer to a cell instead of repeating a long text each."""

    def __init__(self, ws: Worksheet, col: int, first_row: int = 1) -> None:
        self.ws, self.col, self.next_row = ws, col, first_row
        self.refs: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        if text not in self.refs:
            self.ws.write_string(self.next_row, self.col, text)
            cell = xl_rowcol_to_cell(self.next_row, self.col, row_abs=True, col_abs=True)
            self.refs[text] = f"{quoted(self.ws.get_name())}!{cell}"
            self.next_row += 1
        return self.refs[text]


def row_check(sheet: str, rules: list[Rule], active: str = "", texts: TextCells | None = None) -> str:
    """The check column's formula for one row: the messages of the rules that fail, or "" (also while the
    row is unused, when ``active`` is a condition that is FALSE). With ``texts``, what is expected is taken
    from its cell (the message reads the same)."""

    def said(rule: Rule, expected: str) -> str:
        if texts is None:
            return text_literal(message(sheet, rule.cell, expected) + " ")
        return f'{text_literal(f"Kļūda: {where(sheet, rule.cell)} – ")}&{texts(expected)}&". "'

    def text(rule: Rule) -> str:
        if refuses_formula(rule):
            return (f"IF({is_logical(rule.cell)},{said(rule, rule.logical)},"
                    f"IF({is_formula(rule.cell)},{said(rule, FORMULA_EXPECTED)},{said(rule, rule.expected)}))")
        if refuses_pasted(rule):
            return f"IF({is_logical(rule.cell)},{said(rule, rule.logical)},{said(rule, rule.expected)})"
        return said(rule, rule.expected)

    parts = "&".join(f'IF({r.ok},"",{text(r)})' for r in rules)
    body = f"TRIM({parts})"
    return f'=IF({active},{body},"")' if active else f"={body}"


@dataclass
class ErrorLog:
    """Where a workbook's check messages are: single cells (a parameter's) and per-row check columns with a
    hidden helper column holding the row number of each row with a message."""

    cells: list[str] = field(default_factory=list)  # absolute references with their sheet
    columns: list[tuple[str, str]] = field(default_factory=list)  # (helper range, whole message column)

    def add_cell(self, sheet: str, row: int, col: int) -> None:
        self.cells.append(f"{quoted(sheet)}!{xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)}")

    def add_column(self, ws: Worksheet, first: int, formulas: list[str], col: int, head: Format, fmt: Format) -> None:
        """Write the check formulas of rows ``first``… in ``col + 1`` under the header „Pārbaude”, and their
        helper in ``col`` (hidden; on the left, so a long message runs on into the empty cells on its right)."""
        sheet = ws.get_name()
        ws.write(first - 1, col + 1, HEADER, head)
        ws.set_column(col, col, None, None, {"hidden": True})
        ws.set_column(col + 1, col + 1, 60)
        for i, formula in enumerate(formulas):
            row = first + i
            ws.write_formula(row, col + 1, formula, fmt, "")
            ws.write_formula(row, col, f'=IF({xl_rowcol_to_cell(row, col + 1)}="","",ROW())', None, "")
        last = first + len(formulas) - 1
        helper, letter = xl_col_to_name(col, True), xl_col_to_name(col + 1, True)
        self.columns.append((f"{quoted(sheet)}!{helper}${first + 1}:{helper}${last + 1}",
                             f"{quoted(sheet)}!{letter}:{letter}"))

    def count(self) -> str:
        """How many check cells show a message."""
        terms = [f"COUNT({helper})" for helper, _ in self.columns] + [f"(LEN({c})>0)" for c in self.cells]
        return "=" + ("+".join(terms) if terms else "0")

    def first(self) -> str:
        """The first message (parameters first, then the tables in the order they were added), or "": of a row
        with several, its first only (audit35 F12; the others stay in the row's check cell)."""
        expression = '""'
        for helper, column in reversed(self.columns):
            cell = f"INDEX({column},MIN({helper}))"
            expression = f"IF(COUNT({helper})>0,{first_message(cell)},{expression})"
        for c in reversed(self.cells):
            expression = f"IF(LEN({c})>0,{c},{expression})"
        return "=" + expression

    def write_totals(self, wb: Workbook, ws: Worksheet, row: int, col: int, count_name: str, first_name: str) -> None:
        """The count of wrong inputs in (``row``, ``col``) and the first message under it, named ``count_name`` and
        ``first_name`` for the sheets' errors lines and guarded amounts."""
        ws.write_formula(row, col, self.count(), None, 0)
        ws.write_formula(row + 1, col, self.first(), None, "")
        for offset, name in enumerate((count_name, first_name)):
            cell = xl_rowcol_to_cell(row + offset, col, row_abs=True, col_abs=True)
            wb.define_name(name, f"={quoted(ws.get_name())}!{cell}")


def first_message(text: str) -> str:
    """The first of the messages joined in check cell expression ``text`` (row_check: "Kļūda: … . Kļūda: …")."""
    separator = text_literal(". Kļūda: ")
    return f"LEFT({text},FIND({separator},{text}&{separator}))"


# Where a summary line says the messages it does not print are: the check columns stay off the page (a form is
# printed as LM asks for it), so the line names the column by its header.
OTHERS = f"Pārējās – ailē „{HEADER}” pa labi no tabulas (ekrānā)."


def summary(count: str, first: str, others: str = OTHERS, hidden: str = "summas", otherwise: str = '""') -> str:
    """The line a sheet shows above its amounts while any input is wrong: how many rows (and single cells) have a
    message – a row may have several –, what is not shown until they are right (``hidden``), the first message, and
    where the others are (``others``); while none is wrong, ``otherwise`` (an expression: a sheet's warnings)."""
    rest = text_literal(f" {others}")
    return (f'=IF({count}=0,{otherwise},"Ievades kļūdas "&{count}&IF({count}=1," rindā vai šūnā"," rindās vai šūnās")'
            f'&" ({hidden} nerāda, līdz tās izlabo). Pirmā: "&{first}&IF({count}>1,{rest},""))')


@dataclass(frozen=True)
class Warnings:
    """A counted warning of a sheet's rows (D266): a right input whose amount the user may not mean – the amounts
    are shown, as they follow from what is typed, but the sheet's errors line says how many rows and names the first
    one's cell. ``helper`` is the hidden column holding the row number of each warned row."""

    sheet: str
    column: str  # the warned cell's column ("B")
    helper: str  # the helper's range with its sheet
    words: str  # what is said after the cell

    def count(self) -> str:
        return f"COUNT({self.helper})"

    def line(self) -> str:
        """'Brīdinājums: '27 Norēķini'!B9 – …' (or 'Brīdinājumi 2 rindās; pirmais: …'), or ""."""
        n, cell = self.count(), f'{text_literal(where(self.sheet, self.column))}&MIN({self.helper})'
        lead = f'IF({n}=1,"Brīdinājums: ","Brīdinājumi "&{n}&" rindās; pirmais: ")'
        return f'IF({n}=0,"",{lead}&{cell}&{text_literal(" – " + self.words)})'


def add_warnings(ws: Worksheet, first: int, conditions: list[str], col: int, column: str, words: str) -> Warnings:
    """Write in hidden column ``col`` the row number of each row from ``first`` (0-based) whose condition holds, and
    return the warnings of cell ``column`` of those rows."""
    ws.set_column(col, col, None, None, {"hidden": True})
    for i, condition in enumerate(conditions):
        ws.write_formula(first + i, col, f'=IF({condition},ROW(),"")', None, "")
    letter = xl_col_to_name(col, True)
    sheet = ws.get_name()
    return Warnings(sheet, column, f"{quoted(sheet)}!{letter}${first + 1}:{letter}${first + len(conditions)}", words)
