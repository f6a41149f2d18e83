"""matrixprint F2: a whole number of units prints without a decimal separator in Excel too.

The units format "#,##0.##" (styles.UNITS: 28 sessions, 58,5 euro) prints a whole number in Excel with the separator
after it – "28," in every plan row's quantity on the signed annexes 6.3, 6.5, 6.6 and 6.9 – while LibreOffice drops it
(so the printed PDFs here never showed it). Every cell in that format must carry a conditional rule that, while the
cell holds a whole number, gives it a format without decimals; Excel 2010 and LibreOffice 7.4 both apply a conditional
number format (annex.blank_line_figures relies on it too).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from generator.workbook.layout import Layout
from generator.workbook.sheets.common import UNIT_HEADING
from generator.workbook.styles import MONEY, UNITS, UNITS_WHOLE
from generator.workbook.writer import EURO_UNIT_COLUMNS, EURO_UNIT_LOOKUPS, SIGNED


def _whole_rules(ws) -> list[tuple[object, str, str]]:  # noqa: ANN001 - an openpyxl worksheet
    """(range, formula, number format) of each conditional rule with a number format."""
    found = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            if rule.dxf is not None and rule.dxf.numFmt is not None and rule.formula:
                found.append((cf.sqref, rule.formula[0], rule.dxf.numFmt.formatCode))
    return found


def test_every_units_cell_prints_a_whole_number_without_separator(templates: dict[str | None, Path]) -> None:
    wb = load_workbook(templates["liepaja"])
    missing: list[str] = []
    checked = 0
    for ws in wb.worksheets:
        rules = [(sqref, formula) for sqref, formula, code in _whole_rules(ws)
                 if code == UNITS_WHOLE and "ROUND(" in formula]
        for row in ws.iter_rows():
            for cell in row:
                if cell.number_format != UNITS:
                    continue
                checked += 1
                if not any(cell.coordinate in sqref for sqref, _ in rules):
                    missing.append(f"{ws.title}!{cell.coordinate}")
    assert checked >= 200, checked
    assert not missing, f"šūnas formātā {UNITS} bez nosacījuma veselam skaitlim: {missing[:10]} … ({len(missing)})"
    assert "." not in UNITS_WHOLE.split("]")[-1]


def test_the_rule_is_relative_to_its_first_cell(templates: dict[str | None, Path]) -> None:
    """The rule's formula names the first cell of its range (relative), so each cell tests its own value."""
    ws = load_workbook(templates["liepaja"])["6.6"]
    seen = 0
    for sqref, formula, code in _whole_rules(ws):
        if code == UNITS_WHOLE:
            first = str(sqref).split()[0].split(":")[0]
            assert formula == f"AND(ISNUMBER({first}),ROUND({first},2)=ROUND({first},0))", (sqref, formula)
            seen += 1
    assert seen >= 7, seen  # the quantity, the months, the total and the day-care row


def test_signed_annexes_and_64_print_a_euro_quantity_as_money(templates: dict[str | None, Path]) -> None:
    """matrixprint F3: a plan line in euro at actual cost (D70) has a sum of money as its quantity; on the signed
    annexes it prints as money ("58,50", not "58,5"): a rule on each plan-row quantity that tests the line's unit
    ("Mērvienība", EURO_UNIT_COLUMNS, each letter from the sheet's own module) and comes before the whole-number
    rule. The working calculation 6.4 too: it printed such a quantity "60" beside its price "1,00" and sum "60,00"
    (annextrial F2, D225). The execution sheet 6.10 has no unit column: its rule finds the line's unit on 6.4 through
    the line's number (EURO_UNIT_LOOKUPS; it printed "60" for 60 euro: annextrial F3, D232)."""
    wb = load_workbook(templates["liepaja"])
    assert set(EURO_UNIT_COLUMNS) == {*SIGNED, "6.4"}, EURO_UNIT_COLUMNS
    assert set(EURO_UNIT_LOOKUPS) == {"6.10"}, EURO_UNIT_LOOKUPS
    first, last = Layout.calc_first, Layout.calc_first + Layout.plan_rows - 1
    assert wb.defined_names["h_Mervieniba"].attr_text == f"'6.4'!$D${first}:$D${last}"
    assert UNIT_HEADING in [wb["6.4"][f"D{row}"].value for row in range(1, first)]
    finds = {sheet: f"${unit}" for sheet, unit in EURO_UNIT_COLUMNS.items()} | {"6.10": "INDEX(h_Mervieniba,$A"}
    for sheet, find in finds.items():
        ws = wb[sheet]
        if sheet in EURO_UNIT_COLUMNS:
            unit = EURO_UNIT_COLUMNS[sheet]
            heads = [ws[f"{unit}{row}"].value for row in range(1, Layout.plan_first)]
            assert UNIT_HEADING in heads, (sheet, heads)
        money = {}
        whole = {}
        for cf in ws.conditional_formatting:
            for rule in cf.rules:
                if rule.dxf is None or rule.dxf.numFmt is None or not rule.formula:
                    continue
                for cells in cf.sqref.ranges:
                    if rule.dxf.numFmt.formatCode == MONEY and find in rule.formula[0] and '"euro"' in rule.formula[0]:
                        money[cells.coord.split(":")[0]] = rule.priority
                    elif rule.dxf.numFmt.formatCode == UNITS_WHOLE:
                        whole[cells.coord.split(":")[0]] = rule.priority
        assert money, f"{sheet}: nav nosacījuma euro rindām"
        first = f"{Layout.plan_first}"
        assert any(c.endswith(first) for c in money), (sheet, money)
        for cell, priority in money.items():
            assert priority < whole[cell], (sheet, cell, priority, whole.get(cell))
