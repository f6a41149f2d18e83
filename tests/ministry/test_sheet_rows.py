"""BulkRows writes the same cells as xlsxwriter's own API (values, types, formats, formulas)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
import xlsxwriter

from generator.ministry.sheet_rows import BulkRows

ROWS = [
    ["K-0001", "riga", dt.date(2026, 3, 1), 12, Decimal("1234.56"), None, True, "A & <B>", 0.25],
    ["K-0002", "riga", dt.date(2025, 12, 31), 3, Decimal("-0.01"), "", False, "Jā", 1],
    ["K-0003", "bauska", dt.date(2026, 1, 1), 0, Decimal("99999999.99"), None, True, "teksts ar ā ē ī", 0.1],
]


def _write(path, bulk: bool) -> None:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    ws = wb.add_worksheet("Dati")
    text = wb.add_format({"border": 1})
    money = wb.add_format({"border": 1, "num_format": "#,##0.00"})
    date = wb.add_format({"border": 1, "num_format": "dd.mm.yyyy"})
    fmts = [text, text, date, text, money, text, text, text, money]
    ws.write_string(0, 0, "Virsraksts", text)
    ws.write_string(2, 0, "Galvene", text)
    rows = BulkRows(ws) if bulk else None
    for i, values in enumerate(ROWS):
        row = 4 + i
        formula = (Decimal(values[4]) * 2, money, f"E{row}*2")
        if rows is not None:
            rows.row_with_formulas(row, [(v, f, None) for v, f in zip(values, fmts, strict=True)] + [formula])
            continue
        for col, (v, f) in enumerate(zip(values, fmts, strict=True)):
            if v is None:
                ws.write_blank(row - 1, col, None, f)
            elif isinstance(v, bool):
                ws.write_string(row - 1, col, "Jā" if v else "Nē", f)
            elif isinstance(v, dt.date):
                ws.write_datetime(row - 1, col, dt.datetime.combine(v, dt.time()), f)
            elif isinstance(v, Decimal | int | float):
                ws.write_number(row - 1, col, float(v), f)
            else:
                ws.write_string(row - 1, col, v, f)
        ws.write_formula(row - 1, len(values), "=" + formula[2], money, float(formula[0]))
    ws.autofilter(2, 0, 3 + len(ROWS) - 1, len(ROWS[0]))
    wb.close()


def _cells(path, formulas: bool) -> list[list[tuple]]:
    ws = openpyxl.load_workbook(path, data_only=not formulas)["Dati"]
    return [[(c.coordinate, c.value, c.number_format, c.border.left.style) for c in row] for row in ws.iter_rows()]


@pytest.mark.parametrize("formulas", [True, False])
def test_bulk_rows_read_back_like_xlsxwriter(tmp_path, formulas: bool) -> None:
    _write(tmp_path / "api.xlsx", bulk=False)
    _write(tmp_path / "bulk.xlsx", bulk=True)
    api, bulk = _cells(tmp_path / "api.xlsx", formulas), _cells(tmp_path / "bulk.xlsx", formulas)
    assert bulk == api
    assert any(v == "A & <B>" for row in bulk for _, v, _, _ in row)
    ws = openpyxl.load_workbook(tmp_path / "bulk.xlsx")["Dati"]
    assert ws.dimensions == "A1:J6" and ws.auto_filter.ref == "A3:J6"


def test_rows_out_of_order_or_over_own_rows_are_refused(tmp_path) -> None:
    wb = xlsxwriter.Workbook(str(tmp_path / "x.xlsx"))
    ws = wb.add_worksheet()
    fmt = wb.add_format()
    rows = BulkRows(ws)
    rows.row(5, [("a", fmt)])
    with pytest.raises(ValueError):
        rows.row(5, [("b", fmt)])
    ws.write_string(6, 0, "pēc ātrajām rindām")
    with pytest.raises(ValueError):
        wb.close()


def _sheet_xml(path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.startswith("xl/") and "docProps" not in n}


def test_a_typed_writer_writes_exactly_what_row_with_formulas_writes(tmp_path) -> None:
    """The same bytes (cells, shared strings and their order, dimensions) as the general path, also for
    rows whose values do not fit the declared kinds (they fall back to it, strings not counted twice)."""
    rows = [(*values[:5], values[6], values[7]) for values in ROWS]  # text, text, date, number, money, yes/no, text
    rows.insert(1, ("K-0009", None, dt.date(2026, 3, 1), True, Decimal("1"), "nav bool", 5))  # falls back
    rows.append(("K-0004", "riga", dt.datetime(2026, 3, 1, 12), 2.5, 7, False, "ā"))  # datetime: falls back

    def write(path, typed: bool) -> None:
        wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
        ws = wb.add_worksheet("Dati")
        text, money = wb.add_format({"border": 1}), wb.add_format({"num_format": "#,##0.00"})
        date = wb.add_format({"num_format": "dd.mm.yyyy"})
        ws.write_string(0, 0, "Virsraksts", text)
        bulk = BulkRows(ws)
        kinds = [("s", text), ("s", text), ("d", date), ("n", money), ("n", money), ("b", text), ("s", text),
                 ("f", money, "D{0}*2")]
        writer = bulk.writer(kinds)
        for i, values in enumerate(rows):
            row = 3 + i
            cached = values[3] * 2 if isinstance(values[3], int | float | Decimal) else 0
            if typed:
                writer(row, (*values, cached))
            else:
                bulk.row_with_formulas(row, [(v, k[1], None) for v, k in zip(values, kinds, strict=False)]
                                       + [(cached, money, f"D{row}*2")])
        wb.close()

    write(tmp_path / "general.xlsx", typed=False)
    write(tmp_path / "typed.xlsx", typed=True)
    general, typed = _sheet_xml(tmp_path / "general.xlsx"), _sheet_xml(tmp_path / "typed.xlsx")
    assert typed == general
    assert b"K-0009" in general["xl/sharedStrings.xml"] and b'<f>D7*2</f>' in general["xl/worksheets/sheet1.xml"]
