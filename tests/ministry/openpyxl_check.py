"""The fast reader compared with openpyxl on the same file: every value, cached value and formula."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from generator.ministry.xlsxread import read_xlsx


def differences(path: Path) -> list[str]:
    """Cells where generator.ministry.xlsxread and openpyxl disagree (empty when they read the same)."""
    mine = read_xlsx(path)
    formulas = load_workbook(path)
    values = load_workbook(path, data_only=True)
    problems = []
    if mine.sheet_names != formulas.sheetnames:
        problems.append(f"lapas: {mine.sheet_names} != {formulas.sheetnames}")
    theirs_names = {n: d.attr_text for n, d in formulas.defined_names.items()}
    if mine.defined_names != theirs_names:
        problems.append(f"nosaukumi: {set(mine.defined_names) ^ set(theirs_names)}")
    for ws in formulas.worksheets:
        cells = mine.cells[ws.title]
        seen = set()
        for row in ws.iter_rows():
            for cell in row:
                text = cell.value
                if text is None:
                    continue
                coord = (cell.row, cell.column)
                seen.add(coord)
                got = cells.get(coord)
                cached = values[ws.title].cell(cell.row, cell.column).value
                if isinstance(text, str) and text.startswith("=") and cell.data_type == "f":
                    if got is None or got.formula != text[1:] or got.value != cached:
                        problems.append(f"{ws.title}!{cell.coordinate}: {text!r}/{cached!r} != {got}")
                elif text != "" and (got is None or got.value != text):
                    problems.append(f"{ws.title}!{cell.coordinate}: {text!r} != {got}")
        extra = [c for c, v in cells.items() if c not in seen and (v.value not in (None, "") or v.formula)]
        if extra:
            problems.append(f"{ws.title}: lieki {extra[:5]}")
    return problems
