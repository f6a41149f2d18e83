"""Where every table of the workbook lives, and the ranges of its defined names.

Rows are 1-based spreadsheet rows and columns are letters, as a person reading a formula sees
them. The public interface is the set of names in INTERFACE_NAMES (workbook-interface.md);
every other name here is internal and may change between template versions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

from generator.reference.lines import PLAN_LINES

# The interface versions the readers accept (IBM_Saskarne; workbook-interface.md: a change of a name's shape needs a
# new one), each with the first layout revision (version.LAYOUT_REVISION) whose templates carry it. 1: one row per
# plan line – the matrices issued up to layout revision 11, whose revision 11 (D288's first templates) already had the
# spacer rows; 2 (D290): the plan names of the spaced sheets span block_rows() rows, a spacer row before each line of
# the revision's spacer lines. Either way a reader finds a file's plan rows by its layout revision
# (spacers_of_revision); a new template writes the last version.
INTERFACE_FROM_REVISION: dict[str, int] = {"1": 0, "2": 12}
SUPPORTED_INTERFACES = tuple(INTERFACE_FROM_REVISION)
INTERFACE_VERSION = SUPPORTED_INTERFACES[-1]
PLAN_ROWS = PLAN_LINES  # the rules' limit of a plan's lines (D293): one row for each
# D288: a blank spacer row opens each of these plan lines' outline groups (0-based line before which it sits) on every
# sheet whose plan rows are the lines in order (SPACED_SHEETS; 6.4's calculation rows stay contiguous). On a signed
# annex whose page would otherwise end inside that group, the spacer fills the rest of the page while the group is
# open (the group then starts the next page with its rows) and hides with it while it is closed (the block after
# the rows stays under the previous group); elsewhere it is a hairline (spacers.py). One position set for every spaced
# sheet, so that plan line i has one sheet row on all of them (Layout.plan_row) and one map serves the readers. The
# positions are the union of what the page model (page_model.py) needs on 6.3, 6.5, 6.6 and 6.9;
# tests/workbook/test_signed_page_arithmetic.py checks that it needs exactly these.
# The spacer lines of each layout revision (version.LAYOUT_REVISION) that changed them, oldest first; a revision
# uses the latest entry not after it, and revisions before the first have none. Matrices of every listed revision
# are in use: never edit an entry – a template with other spacer lines is a new revision with its own entry (the
# readers find a file's plan lines by it; tests/workbook/test_spacer_revisions.py pins them).
SPACERS_BY_REVISION: tuple[tuple[int, tuple[int, ...]], ...] = (
    (11, (5, 10, 15, 20, 30, 35)),
)
SPACER_LINES = SPACERS_BY_REVISION[-1][1]
# The layout revision from which templates have spacer rows (D288); older ones have none.
SPACERS_FROM_REVISION = SPACERS_BY_REVISION[0][0]
SPACED_SHEETS = ("6.3", "6.5", "6.6", "6.7", "6.9", "6.10")

SHEETS = ("6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9", "6.10", "6.11")

# The names of workbook-interface.md, in its order. Tests check that a workbook has exactly these.
INTERFACE_NAMES = (
    "IBM_Saskarne", "IBM_Versija", "Pasvaldiba", "Berns_VardsUzvards", "Berns_PersonasKods",
    "Berns_DzimsanasDatums", "Berns_Traucejums", "Ipasas_Kopsanas_Atzinums", "Perioda_Sakums",
    "Perioda_Menesi", "Parbaudes_Datums", "Vecums", "Bazes_Apmers", "Provizoriska_Likme", "IB_Provizoriskais", "IB_Galigais",
    "Pak_Id", "Pak_Cena", "Pak_Sniedzejs", "Pak_Joma", "Pak_Transports", "Pak_MaxCena",
    "Plans_Pakalpojums", "Plans_Daudzums", "Plans_EkspertuRangs", "Plans_VecakuRangs", "Plans_Cena",
    "Plans_Summa", "Plans_Prioritate", "Plans_NoIB", "IB_Nepieciesamais", "IB_Pieejamais", "Fin_Pabalsti",
    "Fin_Pakalpojumi", "Fin_Citi", "IB_Kopejais", "Transporta_Dala", "Men_Daudzums", "Men_Summa",
    "Fakt_Daudzums", "Fakt_Summa", "Fakt_Kopa", "Kludas", "Bridinajumi",
)

# The interface names with one entry per plan line (workbook-interface.md "rows"): on the spaced sheets they span the
# spacer rows too (interface version 2), on 6.4 they do not.
PLAN_LINE_NAMES = (
    "Plans_Pakalpojums", "Plans_Daudzums", "Plans_EkspertuRangs", "Plans_VecakuRangs", "Plans_Cena", "Plans_Summa",
    "Plans_Prioritate", "Plans_NoIB", "Men_Daudzums", "Men_Summa", "Fakt_Daudzums", "Fakt_Summa",
)

# Kind of each interface name: "in" cells are filled by people, "out" cells are computed.
INTERFACE_KIND = {
    name: "in"
    for name in (
        "Pasvaldiba", "Berns_VardsUzvards", "Berns_PersonasKods", "Berns_DzimsanasDatums", "Berns_Traucejums",
        "Ipasas_Kopsanas_Atzinums", "Perioda_Sakums", "Perioda_Menesi", "Bazes_Apmers", "IB_Galigais",
        "Pak_Cena", "Pak_Sniedzejs", "Plans_Pakalpojums", "Plans_Daudzums", "Plans_EkspertuRangs",
        "Plans_VecakuRangs", "Fin_Pabalsti", "Fin_Pakalpojumi", "Fin_Citi", "Men_Daudzums", "Fakt_Daudzums",
        "Fakt_Summa",
    )
} | {
    name: "out"
    for name in (
        "IBM_Saskarne", "IBM_Versija", "Parbaudes_Datums", "Vecums", "Provizoriska_Likme", "IB_Provizoriskais", "Pak_Id", "Pak_Joma",
        "Pak_Transports", "Pak_MaxCena", "Plans_Cena", "Plans_Summa", "Plans_Prioritate", "Plans_NoIB",
        "IB_Nepieciesamais", "IB_Pieejamais", "IB_Kopejais", "Transporta_Dala", "Men_Summa", "Fakt_Kopa", "Kludas",
        "Bridinajumi",
    )
}


def line_offset(i: int, spacers: tuple[int, ...] = SPACER_LINES) -> int:
    """The offset of plan line ``i``'s row (0-based) from the first plan row: the line's index plus the spacer rows
    above it (the one place this is counted)."""
    return i + sum(1 for s in spacers if s <= i)


@lru_cache(maxsize=64)
def line_offsets(spacers: tuple[int, ...] = SPACER_LINES, lines: int = PLAN_ROWS) -> tuple[int, ...]:
    """The offset of each plan line's row from the first plan row on a spaced sheet (no spacers: 0, 1, …, 39).
    Kept per argument pair: a pure function of two immutable values whose answer is an immutable tuple, asked for
    each plan line a migration carries over (~2 000 times for each matrix `ibm migrate` moves)."""
    return tuple(line_offset(i, spacers) for i in range(lines))


def block_rows(spacers: tuple[int, ...] = SPACER_LINES, lines: int = PLAN_ROWS) -> int:
    """How many sheet rows the plan lines and their spacers take."""
    return lines + len(spacers)


def spacers_of_revision(revision: int) -> tuple[int, ...]:
    """The spacer lines of the templates of a layout revision (the readers' row map per template version)."""
    found: tuple[int, ...] = ()
    for since, lines in SPACERS_BY_REVISION:
        if revision >= since:
            found = lines
    return found


def row_formula(n: str, first: int, spacers: tuple[int, ...]) -> str:
    """Formula: the sheet row of the plan line numbered by formula ``n`` (1-based) whose sheet has ``spacers`` and its
    first plan row at ``first`` – the spacer rows above the line counted by MATCH on a constant array."""
    if not spacers:
        return f"({first - 1}+{n})"
    starts = ",".join(str(s) for s in (0, *spacers))
    return f"({first - 2}+{n}+MATCH({n}-1,{{{starts}}},1))"


def col(letter: str, offset: int = 0) -> str:
    """The column ``offset`` places right of ``letter`` (col("E", 2) == "G")."""
    _, index = xl_cell_to_rowcol(f"{letter}1")
    return xl_col_to_name(index + offset)


def rc(letter: str, row: int) -> tuple[int, int]:
    """0-based (row, col) for xlsxwriter from a column letter and a 1-based row."""
    return xl_cell_to_rowcol(f"{letter}{row}")


@dataclass(frozen=True)
class Area:
    """A rectangular range on one sheet: 1-based rows, column letters."""

    sheet: str
    first_col: str
    first_row: int
    last_col: str | None = None
    last_row: int | None = None

    @property
    def ref(self) -> str:
        last_col = self.last_col or self.first_col
        last_row = self.last_row or self.first_row
        start = f"${self.first_col}${self.first_row}"
        if (last_col, last_row) == (self.first_col, self.first_row):
            return f"'{self.sheet}'!{start}"
        return f"'{self.sheet}'!{start}:${last_col}${last_row}"


@dataclass(frozen=True)
class Layout:
    """The geometry of one template: plan rows, period months and the number of 6.8 rows."""

    offers: int
    months: int
    plan_rows: int = PLAN_ROWS
    names: dict[str, Area] = field(default_factory=dict, compare=False)

    # --- shared header block of the plan sheets (rows 1–6), tables from row 9 ---------------------
    head_rows: int = 6
    table_header: int = 7  # two header rows: 7 and 8
    plan_first: int = 9

    spacers: tuple[int, ...] = SPACER_LINES

    def plan_row(self, i: int, first: int | None = None) -> int:
        """The sheet row of plan line ``i`` (0-based) on a spaced sheet whose plan rows start at ``first`` (default
        plan_first): spacer rows sit before the lines in ``spacers``."""
        return (self.plan_first if first is None else first) + line_offset(i, self.spacers)

    def spacer_rows(self, first: int | None = None) -> list[int]:
        """The sheet rows of the spacers (each right above the line it opens)."""
        return [self.plan_row(s, first) - 1 for s in self.spacers]

    def segments(self, first: int | None = None) -> list[tuple[int, int, int]]:
        """The runs of plan lines without a spacer between them: (first line, first sheet row, last sheet row)."""
        starts = [0, *self.spacers]
        ends = [*self.spacers, self.plan_rows]
        return [(a, self.plan_row(a, first), self.plan_row(b - 1, first)) for a, b in zip(starts, ends, strict=True)]

    def row_formula(self, n: str, first: int) -> str:
        """Formula: the sheet row of the plan line numbered by formula ``n`` (1-based) on a spaced sheet whose plan
        rows start at ``first``."""
        return row_formula(n, first, self.spacers)

    @property
    def plan_block(self) -> int:
        """Sheet rows of the plan lines and their spacers."""
        return self.plan_rows + len(self.spacers)

    @property
    def plan_last(self) -> int:
        """The last plan row (the last line's) of a spaced sheet."""
        return self.plan_row(self.plan_rows - 1)

    @property
    def plan_total_row(self) -> int:
        return self.plan_last + 1

    # --- 6.4: the table under the shared header rows (7–8), its summary below it ----------------
    calc_first: int = 9

    @property
    def calc_last(self) -> int:
        return self.calc_first + self.plan_rows - 1

    # --- 6.8 --------------------------------------------------------------------------------------
    cat_first: int = 6

    @property
    def cat_last(self) -> int:
        return self.cat_first + self.offers - 1

    # --- month columns ----------------------------------------------------------------------------
    def month_cols(self, first: str) -> list[str]:
        return [col(first, k) for k in range(self.months)]


def unit_code_cols(lay: Layout) -> list[str]:
    """6.6's hidden columns of the months' input check codes (0 valid), one per month column, right of the notes: the
    months' columns from E, then the row total, the checks' numbers and the notes, then a gap column."""
    cols = lay.month_cols("E")
    free_c = col(cols[-1], 3)
    return [col(free_c, 2 + k) for k in range(len(cols))]


def planned_codes(lay: Layout, row: int, sheet: str = "'6.6'!") -> str:
    """The range of 6.6 ``row``'s month input check codes (unit_code_cols), for a formula on another sheet: a sum
    above 0 means that one of the line's planned months is an invalid input (D140, D298)."""
    codes = unit_code_cols(lay)
    return f"{sheet}${codes[0]}${row}:${codes[-1]}${row}"


def execution_code_cols(lay: Layout) -> tuple[list[str], list[str]]:
    """6.10's hidden columns of the months' input check codes (0 valid): the delivered units' months, then the
    payments' months, right of the notes (sheets/execution.py: the planned, delivered and paid months from F, then
    the totals, the check, the notes and a gap column)."""
    free = col("F", 3 * lay.months + 6)
    codes = [col(free, 2 + k) for k in range(2 * lay.months)]
    return codes[:lay.months], codes[lay.months:]


def execution_codes(lay: Layout, row: int, kind: int, sheet: str = "'6.10'!") -> str:
    """The range of 6.10 ``row``'s delivered (``kind`` 0) or paid (1) months' input check codes, for a formula on
    another sheet: a sum above 0 means that one of them is an invalid input (D140, D304)."""
    codes = execution_code_cols(lay)[kind]
    return f"{sheet}${codes[0]}${row}:${codes[-1]}${row}"


# Columns of the plan sheets (one constant per meaning, so formulas read like the sheets).
class C63:
    nr, area, item, recipient, unit, expert, units, frequency, parent, priority, check, notes = "ABCDEFGHIJKL"


class C64:
    """Columns of 6.4: the visible table (A–L), then helper columns (N…), each helper with a name."""

    nr, item, provider, unit, units, price, cost, priority, ib, rest, status, notes = "ABCDEFGHIJKL"
    h_row, h_units, h_active, h_price, h_cost, h_area, h_expert_rank, h_key = "NOPQRSTU"
    h_expert_pos, h_parent, h_score, h_prio, s_line = "VWXYZ"
    s_rest, s_funded, h_transport, h_day, h_service, h_incompat_list = "AA", "AB", "AC", "AD", "AE", "AF"
    f_incompat, f_price, f_months, f_outside, f_delivered, f_paid = "AG", "AH", "AI", "AJ", "AK", "AL"
    f_impairment, f_recipient, f_ignored, f_unknown, f_missing_price = "AM", "AN", "AO", "AP", "AQ"
    h_recipient, h_item_recipient, h_planned, h_delivered, h_paid = "AR", "AS", "AT", "AU", "AV"
    h_limits, h_active_nr, h_incompat_all = "AW", "AX", "AY"
    h_includes, f_sessions, h_sessions_all, h_sessions_other, f_unconfirmed = "AZ", "BA", "BB", "BC", "BD"
    # D22: the line keeps a "jāprecizē" catalogue price (or has none); its IB share rests on an unconfirmed value
    h_price_provisional, h_ib_provisional = "BE", "BF"
    # the row's check messages in full and as short keywords: "Pārbaude" (L) shows the one that fits (D60)
    h_msg_full, h_msg_short = "BG", "BH"
    # D70: a line whose unit is the euro at actual cost and whose price is not 1,00 EUR
    f_actual_cost = "BI"
    # D147: more units than the plan period holds (days, working days, hours); D148: a session, course or euro line
    # whose amount alone is above P
    f_unit_limit, f_above_p = "BJ", "BK"
    # audit32 F6: the length check of the row's note (M)
    f_note = "BL"
    # D370: a line priced above its unit's plausible highest (6.8's h_Pak_CenaTicama) with no ceiling figure
    f_implausible = "BM"
    # D366, D372: the line is void – its service listed, its units (6.3) or 6.8 price an invalid input (D332): the one
    # flag that both the void lines' count (h_NederigasRindas) and 6.10's paid sums (calculation.void_paid) read
    h_void = "BN"
    last = h_void  # the last helper column (hidden, inside the print area)


class C68:
    id, area, recipient, unit, regime, ceiling, status, provider, price, transport, check = "ABCDEFGHIJK"
    h_service, h_day, h_impairments, h_incompat, h_recipient_code, h_unit, h_price_code = "LMNOPQR"


class C66:
    nr, item, unit, units = "ABCD"
    first_month = "E"


class C67:
    nr, item, price = "ABC"
    first_month = "D"


class C610:
    nr, item, price, plan_units, plan_cost = "ABCDE"
    first_plan_month = "F"


def plan_row(i: int, first: int = Layout.plan_first) -> int:
    """The sheet row of plan line ``i`` (0-based) on a spaced sheet of the current layout (Layout.plan_row)."""
    return Layout(offers=0, months=0).plan_row(i, first)
