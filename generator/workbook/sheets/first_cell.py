"""The first offending cell of a 6.11 rule row (D371): „pirmā: 6.8. tabula, I35”, by formula.

Every input that feeds an amount is checked by formula and its error names its sheet and cell; a rule's row counts
its instances, and while it counts one its „Kur redzams” (F) names the first of them instead of the tables, as the
list of invalid inputs under it names each cell ("6.1. tabula, B38"); the description keeps its lines, so 6.11's
checks keep their pages. A plan line's cell also says its line ("6.3. tabula, G13, 3. rinda"),
as the row of an ignored line does ("6.3. tabulas 3. rindā"). Only functions Excel 2010 and LibreOffice 7.4 both
compute: MATCH over a rule's 0/1 flags for the first line, ADDRESS(…, 4) for the cell, and SUMPRODUCT(MIN(…)) over a
month table for the first of its cells (no array entry, no dynamic arrays).
"""

from __future__ import annotations

from generator.workbook.layout import PLAN_ROWS, SPACER_LINES, line_offsets

FIRST = "pirmā: "  # before the place, in the brackets after the description
NBSP = "\u00a0"
LINE = f",{NBSP}"  # before the plan line's number


def _line(flags: str) -> str:
    """The first plan line (1-based) whose flag in ``flags`` (a per-line 0/1 range, no spacer rows) is 1."""
    return f"MATCH(1,{flags},0)"


def _spaced(k: str) -> str:
    """The position in a spaced sheet's plan name (D288) of plan line ``k``: the spacer rows above it added (an
    array constant of the positions, which Excel 2010 and LibreOffice both index)."""
    positions = ",".join(str(offset + 1) for offset in line_offsets(SPACER_LINES, PLAN_ROWS))
    return f"INDEX({{{positions}}},{k})"


def cell_address(name: str, position: str, column: str = "0") -> str:
    """The address ("G13") of the cell at ``position`` (1-based row of the name) and ``column`` (0-based offset from
    the name's first column)."""
    return f"ADDRESS(ROW(INDEX({name},{position},1)),COLUMN(INDEX({name},1,1))+{column},4)"


def _table(sheet: str) -> str:
    return f"{sheet}.{NBSP}tabula, "


def plan_line_cell(flags: str, sheet: str, name: str) -> str:
    """The first flagged line's cell of a spaced plan table's one-column ``name``, with the line: "6.3. tabula, G13,
    3. rinda"."""
    k = _line(flags)
    return f'"{_table(sheet)}"&{cell_address(name, _spaced(k))}&"{LINE}"&{k}&".{NBSP}rinda"'


def price_cell(flags: str) -> str:
    """The 6.8 price cell of the first flagged line's item (h_Rinda: the line's 6.8 row): "6.8. tabula, I35"."""
    return f'"{_table("6.8")}"&{cell_address("Pak_Cena", f"INDEX(h_Rinda,{_line(flags)})")}'


def months_row(flags: str, sheet: str, name: str) -> str:
    """The period's months of the first flagged line in a month table ``name``: "6.10. tabula, E13:J13" (the row
    says the line; one line of „Kur redzams” holds no more)."""
    position = _spaced(_line(flags))
    return f'"{_table(sheet)}"&{cell_address(name, position)}&":"&{cell_address(name, position, "MAX(h_Menesi,1)-1")}'


def _first_of(condition: str, name: str) -> str:
    """ROW*1000+COLUMN of the first cell (row by row) of month table ``name`` where ``condition`` (an array of its
    shape) holds; 10^9 when none does."""
    return (f"SUMPRODUCT(MIN(({condition})*(ROW({name})*1000+COLUMN({name}))"
            f"+(1-({condition}))*1000000000))")


def _address(code: str) -> str:
    return f"ADDRESS(INT({code}/1000),MOD({code},1000),4)"


def flagged_month_cell(cell_flags: str, sheet: str, name: str) -> str:
    """The first cell of month table ``name`` whose flag in ``cell_flags`` (its shape) is set: "6.6. tabula, F13"."""
    return f'"{_table(sheet)}"&{_address(_first_of(f"({cell_flags}>0)", name))}'


def after_period(flags: str, tables: tuple[tuple[str, str], ...]) -> str:
    """The first number above 0 after the period's last month (h_Menesi) in the first flagged line's row of the month
    tables ``tables`` ((sheet, name) in order): "6.6. tabula, K13"."""
    position = _spaced(_line(flags))

    def column(name: str) -> str:  # the first such column of the line's row, 10^9 and more when none
        row, columns = f"INDEX({name},{position},0)", f"COLUMN(INDEX({name},1,0))"
        condition = f"ISNUMBER({row})*({row}>0)*({columns}>=COLUMN(INDEX({name},1,1))+h_Menesi)"
        return f"SUMPRODUCT(MIN({columns}+(1-{condition})*1000000000))"

    found = '""'
    for sheet, name in reversed(tables):
        at = f"ADDRESS(ROW(INDEX({name},{position},1)),{column(name)},4)"
        found = f'IF({column(name)}<1000000000,"{_table(sheet)}"&{at},{found})'
    return found


def day_month_cell(month_flags: str, month_lines: str) -> str:
    """The first month over its working days (``month_flags``) in its first line whose days it counts (``month_lines``:
    per month, that line's number, 6.11's h_DienasRinda) on 6.6: "6.6. tabula, E11, 1. rinda" – the reference's
    finding of that month names the same line first (D375), not always the plan's first day-service line."""
    month = f"MATCH(1,{month_flags},0)"
    k = f"INDEX({month_lines},{month})"
    return (f'"{_table("6.6")}"&{cell_address("Men_Daudzums", _spaced(k), f"{month}-1")}'
            f'&"{LINE}"&{k}&".{NBSP}rinda"')


def where(count: str, place: str, tables: str) -> str:
    """6.11's „Kur redzams” of a rule: while its ``count`` is above 0 its first cell ("pirmā: 6.8. tabula, I35"),
    else (or where the place cannot be computed, an error value) the ``tables`` it shows in."""
    return f'IF(N({count})>0,IFERROR("{FIRST}"&{place},"{tables}"),"{tables}")'


# rule code -> its first cell's formula (the rules whose instances are cells of the plan, 6.8 and the month tables)
PLACES = {
    "day_services": day_month_cell("h_DienasParkapums", "h_DienasRinda"),
    "price_above_ceiling": price_cell("f_Cena"),
    "actual_cost_price": price_cell("f_EiroCena"),
    "monthly_units": plan_line_cell("f_Menesi", "6.3", "Plans_Daudzums"),
    "outside_period": after_period("f_Arpus", (("6.6", "Men_Daudzums"), ("6.10", "Fakt_Daudzums"),
                                               ("6.10", "Fakt_Summa"))),
    "delivered_above_plan": months_row("f_Sanemts", "6.10", "Fakt_Daudzums"),
    "paid_above_delivered": months_row("f_Samaksats", "6.10", "Fakt_Summa"),
    "units_above_period": plan_line_cell("f_VienibuRobeza", "6.3", "Plans_Daudzums"),
    "units_above_month": flagged_month_cell("f_MenVienibuRobeza", "6.6", "Men_Daudzums"),
}
# the longest text each can show in „Kur redzams” (tests/workbook/test_label_widths.py measures it in its row)
LONGEST = {
    "day_services": f"{FIRST}6.6.{NBSP}tabula, AA100{LINE}40.{NBSP}rinda",
    "price_above_ceiling": f"{FIRST}6.8.{NBSP}tabula, AA100",
    "actual_cost_price": f"{FIRST}6.8.{NBSP}tabula, AA100",
    "monthly_units": f"{FIRST}6.3.{NBSP}tabula, AA100{LINE}40.{NBSP}rinda",
    "outside_period": f"{FIRST}6.10.{NBSP}tabula, AA100",
    "delivered_above_plan": f"{FIRST}6.10.{NBSP}tabula, AA100:AA100",
    "paid_above_delivered": f"{FIRST}6.10.{NBSP}tabula, AA100:AA100",
    "units_above_period": f"{FIRST}6.3.{NBSP}tabula, AA100{LINE}40.{NBSP}rinda",
    "units_above_month": f"{FIRST}6.6.{NBSP}tabula, AA100",
}
