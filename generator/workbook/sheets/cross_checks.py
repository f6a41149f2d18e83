"""Cross-checks of the key amounts (D153, audit29 F1): the sheets are protected without a password, and a value typed
over a formula (P, N, A, K, a line's price or sum, a month's amount, the paid total) would print in a signed annex
while the matrix counted no error. Each check recomputes the cell from the cells it is computed from – never from
the cell itself – and compares the two at cent level (a rate at six decimals). The checks lie on 6.11, the sheet
that counts the errors: overwriting a checked cell does not touch its check. A cell whose own inputs are formulas
is checked against them, and those are checked too, so that any one overwritten cell of the chain is found.

Each check is one row of 6.11's hidden table of invalid cells: counted in Kludas (the rule ``invalid_input``) and
named in the list of invalid cells with its sheet, cell and what it holds. A plan line's column is one check: it
names the first line whose value differs and how many more do. Where a recomputation meets an invalid input (text
in a number cell) it gives no verdict: that input is an error of its own.

The printed copies (D153, copycheck): every formula cell of the signed annexes 6.3, 6.5, 6.6 and 6.9 that shows a
figure, a unit, a date, a count or the child's, the parent's or the worker's data (the header rows, the names under the
signatures, 6.5's totals, 6.6's month headings and days, 6.9's addressee and count, and each plan row's cells) is
registered where it is written (``Sheet.watch``) with its own formula. 6.11 computes that formula once more, its sheet's
references qualified and a row's hidden index recomputed (never read from the annex), and compares it with the cell:
money at cents, units and counts at six decimals, text exactly. A single cell is one check; a sheet's plan rows are
one check naming the first differing row and column. Watched the same way (D169): the annexes' notes and remarks on
unconfirmed values (6.5's warning and F's label, 6.6's notes of the days, 6.9's price note, the working sheets' price
note) and every printed formula of the working sheets 6.7 and 6.10 that 6.4's checks leave out (the lines' totals,
differences, remainders and shares, the totals' rows, 6.10's summary). Not watched: the "NAV PARAKSTĀMS" lines (they
show Kludas, which these checks count: a circle), the check marks and their legends (each problem counted on its
own), the warnings about hidden or open unused rows (the printout only) and 6.11 itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

from generator.workbook.layout import C64, SPACED_SHEETS, Area, Layout, execution_codes, row_formula
from generator.workbook.sheetio import Watched
from generator.workbook.sheets.calculation import (
    INVALID_UNITS,
    PROVISIONAL_FORMULA,
    RATE_FORMULA,
    available_formula,
    base_effective,
    inactive_paid,
    month_blocks,
    plan_price,
    sources_valid,
)
from generator.workbook.sheets.months import invalid_or, unit_code_cols

REPLACED_TEXT = "neatbilst aprēķinam – formula aizstāta ar vērtību?"
COPIED_TEXT = "neatbilst {source} – formula aizstāta ar vērtību?"  # a printed copy of another sheet's cell
# hidden columns of 6.11 holding one flag per plan line and check (after the table of invalid cells, S:W)
LINE_COLUMNS = ("X", "Y", "Z", "AA", "AB", "AC")
FLAG = "W"  # the hidden table's column of each check's count of differing cells


def differs(value: str, expected: str, places: int = 2, *, text: bool = False) -> str:
    """1 when ``value`` is not ``expected`` at ``places`` decimals (a number against a blank or a text, too), else 0;
    0 when the recomputation fails (an invalid input, an error of its own). With ``text``, a text is compared with
    the expected text exactly (a printed copy of a name or a label); without it, any text passes."""
    same = f"ROUND({value},{places})=ROUND({expected},{places})"
    other = f"IF(EXACT({value},{expected}),0,1)" if text else "0"
    return (f"IFERROR(IF(ISNUMBER({expected}),IF(ISNUMBER({value}),IF({same},0,1),1),"
            f"IF(ISNUMBER({value}),1,{other})),0)")


@dataclass(frozen=True)
class Single:
    """One checked cell: its defined name, what it holds (Latvian), its recomputation."""

    name: str
    label: str
    expected: str
    places: int = 2

    def flag(self) -> str:
        return differs(self.name, self.expected, self.places)

    def message(self, where: Area) -> str:
        return f'"{where.sheet} {where.first_col}{where.first_row}: {self.label} {REPLACED_TEXT}"'


@dataclass(frozen=True)
class Column:
    """A plan line's cell in every line: one flag per line in a hidden column of 6.11 (``line_flag`` of the line's
    index), the first differing line named."""

    sheet: str
    column: str  # the checked column ("F"), or the first and last month column ("D:O") of a line's months
    first_row: int  # the sheet's row of the first plan line
    label: str
    helper: str  # 6.11's hidden column of the flags
    spacers: tuple[int, ...] = ()  # the sheet's spacer rows (Layout.spacers on a spaced sheet, D288)

    def message(self, lines: str) -> str:
        where = self.column.split(":")
        row = row_formula(f"MATCH(1,{lines},0)", self.first_row, self.spacers)
        # the sheet and the column in one text ("6.4 F"): a reader sees an address, not a bare sheet number (D59)
        cells = f'"{self.sheet} {where[0]}"&{row}' + (f'&":{where[1]}"&{row}' if len(where) > 1 else "")
        return f'{cells}&": {self.label} {REPLACED_TEXT}"&{more_rows(f"SUM({lines})")}'


def more_rows(count: str) -> str:
    """' (un vēl 2 rindās)' after the first of ``count`` differing rows, '' for one: the noun agrees with the number
    n = count − 1 as Latvian has it – "rindā" when n ends in 1 but not in 11 (1, 21, 101), else "rindās" (11, 12)."""
    n = f"({count}-1)"
    singular = f"AND(MOD({n},10)=1,MOD({n},100)<>11)"
    return f'IF({count}>1," (un vēl "&{n}&IF({singular}," rindā)"," rindās)"),"")'


def singles(lay: Layout, first: int, base_code: str) -> list[Single]:
    """The summary's amounts on 6.4, the base on 6.11 and the paid total on 6.10; ``first`` is 6.11's row of the
    first plan line's flags (the paid totals of the lines), ``base_code`` 6.11's check code of B."""
    sources = "+".join(f"MAX(0,N({name}))" for name in ("Fin_Pabalsti", "Fin_Pakalpojumi", "Fin_Citi"))
    paid = f"${LINE_COLUMNS[5]}${first}:${LINE_COLUMNS[5]}${first + lay.plan_rows - 1}"
    return [
        Single("B_Efektivais", "aprēķinā izmantotais bāzes apmērs", base_effective(base_code)),
        Single("Provizoriska_Likme", "IB provizoriskā apmēra likme", RATE_FORMULA, 6),
        Single("IB_Provizoriskais", "IB provizoriskais apmērs P", PROVISIONAL_FORMULA),
        # from the lines' units and prices, not from their sums (h_Izmaksas, Plans_Summa)
        Single("IB_Nepieciesamais", "IB nepieciešamais apmērs N",
               "ROUND(SUMPRODUCT((h_Aktiva=1)*ROUND(h_Daudzums*h_Cena,2)),2)"),
        Single("IB_Pieejamais", "IB pieejamais apmērs A", available_formula(lay)),
        Single("Fin_NoIB", "no IB finansētā summa",
               'IF(ISNUMBER(IB_Pieejamais),MIN(IB_Nepieciesamais,ROUND(SUM(Plans_NoIB),2)),"")'),
        # the sources used one after another up to N make min(N − funded from IB, their sum): not from their cells
        Single("IB_Kopejais", "IB kopējais apmērs K",
               f'IF(AND(ISNUMBER(IB_Pieejamais),{sources_valid(lay, 3)}),'
               f'ROUND(Fin_NoIB+MIN(MAX(0,ROUND(IB_Nepieciesamais-Fin_NoIB,2)),{sources}),2),"")'),
        Single("Fakt_Kopa", "periodā samaksātā summa kopā", invalid_or(paid)),
    ]


def line_flags(lay: Layout, i: int) -> list[str]:
    """The flags of plan line ``i`` (0-based), in LINE_COLUMNS' order: 6.4 price, sum, priority and IB share, 6.7
    months, and (not a flag) the line's paid total for 6.10's check."""
    r, p = lay.calc_first + i, lay.plan_row(i)
    c = C64

    def at(column: str) -> str:
        return f"'6.4'!${column}${r}"

    item = f"IFERROR(MATCH('6.3'!$C${p},Pak_Id,0),0)"
    price = plan_price(item)
    active = f"{at(c.h_active)}=1"
    cost = f'IF({active},ROUND({at(c.h_units)}*{at(c.h_price)},2),"")'
    priority = (f'IF({active},SUMPRODUCT((h_Aktiva=1)*((h_Vertejums<{at(c.h_score)})+(h_Vertejums={at(c.h_score)})'
                f'*(h_EkspPoz<{at(c.h_expert_pos)})))+1,"")')
    ib = f'IF({active},IF(ISNUMBER(IB_Pieejamais),INDEX(h_Finansets,{at(c.priority)}),""),"")'
    units = lay.month_cols("E")
    months = lay.month_cols("D")
    shown = f"ROUND(SUM('6.7'!{months[0]}{p}:{months[-1]}{p}),2)"
    # the sheet once before the range, as LibreOffice writes it back (a saved matrix keeps its formula text)
    expected = (f"IF({active},ROUND(SUMPRODUCT((h_MenNr66<=h_Menesi)*ROUND('6.6'!{units[0]}{p}:{units[-1]}{p}"
                f"*{at(c.h_price)},2)),2),0)")
    # a month's units on 6.6 that are no number (a text "2,5") are an invalid input of their own, which 6.7 reads
    # as 0: no verdict on the line's months then, not a formula "overwritten" on the untouched 6.7 (audit42 F7a)
    codes = unit_code_cols(lay)
    invalid = f"SUM('6.6'!${codes[0]}${p}:${codes[-1]}${p})>0"
    paid_cols = month_blocks(lay)["paid"]
    # a line with an invalid payment: INVALID_UNITS, as its paid sum on 6.10 and then Fakt_Kopa print it (D304)
    # D367: so does a void line's (D332) with payments: they are a fact, never left out of the total
    paid_bad = f"SUM({execution_codes(lay, p, 1)})>0"
    paid_sum = f"ROUND(SUMIFS('6.10'!{paid_cols[0]}{p}:{paid_cols[-1]}{p},h_MenNrS,\"<=\"&h_Menesi),2)"
    # D372: a line without a service or units (ignored_line_data) with payments: its paid sum, as 6.10 prints it
    paid = f"IF({active},IF({paid_bad},\"{INVALID_UNITS}\",{paid_sum}),{inactive_paid(r, paid_bad, paid_sum, blank=False)})"
    return [
        differs(at(c.price), price),
        differs(at(c.cost), cost),
        differs(at(c.priority), priority, 0),
        differs(at(c.ib), ib),
        f"IF({invalid},0,{differs(shown, expected)})",
        paid,
    ]


def columns(lay: Layout) -> list[Column]:
    months = lay.month_cols("D")
    return [
        Column("6.4", C64.price, lay.calc_first, "cena", LINE_COLUMNS[0]),
        Column("6.4", C64.cost, lay.calc_first, "summa", LINE_COLUMNS[1]),
        Column("6.4", C64.priority, lay.calc_first, "prioritāte", LINE_COLUMNS[2]),
        Column("6.4", C64.ib, lay.calc_first, "finansējums no IB", LINE_COLUMNS[3]),
        Column("6.7", f"{months[0]}:{months[-1]}", lay.plan_first, "finansējums pa mēnešiem", LINE_COLUMNS[4],
               lay.spacers),
    ]


# 6.11's hidden columns after LINE_COLUMNS: a watched sheet's recomputed row index, then its rows' first differing
# position and flag
WATCH_FIRST_COLUMN = 29  # AD


def watched_text(w: Watched) -> str:
    """What the list of invalid cells says of a differing watched cell, after its address."""
    tail = COPIED_TEXT.format(source=w.source) if w.source else REPLACED_TEXT
    # a label ending in a subordinate clause ("IB galīgais apmērs (F), ja noteikts") closes it with a comma
    return f"{w.label}{',' if ', ja ' in w.label else ''} {tail}"


def _shown(w: Watched) -> str:
    row, col = xl_cell_to_rowcol(w.cell)
    return f"'{w.sheet}'!${xl_col_to_name(col)}${row + 1}"


def watched_singles(watched: list[Watched]) -> list[tuple[str, str]]:
    """(flag, message) of each watched single cell, in writing order."""
    return [(differs(_shown(w), w.expected, w.places, text=True), f'"{w.sheet} {w.cell}: {watched_text(w)}"')
            for w in watched if w.line is None]


@dataclass(frozen=True)
class WatchedRows:
    """A sheet's watched plan-row cells: per line, a hidden column of 6.11 with the position (in ``cells``) of the
    row's first differing cell and one with its flag; ``index_column`` the row's recomputed index, if any."""

    sheet: str
    first_row: int  # the sheet's row of the first plan line
    cells: tuple[Watched, ...]  # the first line's watched cells, in order
    spacers: tuple[int, ...]  # the sheet's spacer rows (D288)
    index_column: str | None
    position_column: str
    flag_column: str


def watched_rows(watched: list[Watched], spacers: tuple[int, ...] = ()) -> list[WatchedRows]:
    """The sheets' plan-row groups, with their hidden columns of 6.11 assigned from WATCH_FIRST_COLUMN on."""
    groups: list[WatchedRows] = []
    column = WATCH_FIRST_COLUMN
    for sheet in dict.fromkeys(w.sheet for w in watched if w.line is not None):
        cells = tuple(w for w in watched if w.sheet == sheet and w.line == 0)
        index = None
        if any(w.index for w in cells):
            index, column = xl_col_to_name(column), column + 1
        first_row = xl_cell_to_rowcol(cells[0].cell)[0] + 1
        groups.append(WatchedRows(sheet, first_row, cells, spacers if sheet in SPACED_SHEETS else (), index,
                                  xl_col_to_name(column),
                                  xl_col_to_name(column + 1)))
        column += 2
    return groups


def line_position(group: WatchedRows, watched: list[Watched], i: int, row: int) -> tuple[str | None, str]:
    """Plan line ``i``'s formulas on 6.11's ``row``: its recomputed index (or None) and the position of its first
    differing cell (0 for none)."""
    cells = [w for w in watched if w.sheet == group.sheet and w.line == i]
    columns = [re.sub(r"[0-9]+", "", w.cell) for w in cells]
    if columns != [re.sub(r"[0-9]+", "", w.cell) for w in group.cells]:
        raise ValueError(f"{group.sheet}: line {i} watches {columns}, not the first line's cells")
    index_formula = None
    position = "0"
    for k in range(len(cells), 0, -1):
        w = cells[k - 1]
        expected = w.expected
        if w.index:
            own, index_formula = w.index
            expected = expected.replace(f"'{w.sheet}'!{own}", f"${group.index_column}${row}")
        position = f"IF({differs(_shown(w), expected, w.places, text=True)}=1,{k},{position})"
    return index_formula, position


def rows_message(group: WatchedRows, positions: str, flags: str) -> str:
    """The message of a sheet's plan rows: the first differing row's cell and what it shows, how many more rows."""
    at = f"MATCH(1,{flags},0)"
    pos = f"INDEX({positions},{at})"
    letters = ",".join(f'"{re.sub(r"[0-9]+", "", w.cell)}"' for w in group.cells)
    texts = ",".join(f'"{watched_text(w)}"' for w in group.cells)
    row = row_formula(at, group.first_row, group.spacers)
    return (f'"{group.sheet} "&CHOOSE({pos},{letters})&{row}&": "&CHOOSE({pos},{texts})'
            f"&{more_rows(f'SUM({flags})')}")
