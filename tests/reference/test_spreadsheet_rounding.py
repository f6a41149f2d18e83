"""The reference rounds exactly as LibreOffice's ROUND does on .xx5 products (D8): one soffice call."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from generator.money import cents
from generator.recalc import convert, soffice
from generator.reference.lines import PlanLine
from generator.reference.plan import line_cost

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) nav instalēts"),
]


def _half_cent_pairs(n: int) -> list[tuple[Decimal, Decimal]]:
    rnd = random.Random(20181001)
    pairs = []
    while len(pairs) < n:
        units = Decimal(rnd.randint(1, 400)) / rnd.choice([1, 2, 4])
        price = Decimal(rnd.randint(0, 99_999) * 10 + 5) / 1000
        if (units * price * 1000) % 10 == 5:  # the product ends in .xx5 exactly
            pairs.append((units, price))
    return pairs


def test_line_cost_equals_libreoffice_round(tmp_path: Path) -> None:
    pairs = _half_cent_pairs(120)
    shares = [(Decimal(b) / 100, Decimal(r)) for b, r in [(100005, "0.7"), (123457, "0.7"), (100010, "0.35")]]
    src = tmp_path / "rounding.xlsx"
    book = xlsxwriter.Workbook(src)
    sheet = book.add_worksheet("R")
    for row, (units, price) in enumerate(pairs):
        sheet.write_number(row, 0, float(units))
        sheet.write_number(row, 1, float(price))
        sheet.write_formula(row, 2, f"=ROUND(A{row + 1}*B{row + 1},2)", None, 0)
    for row, (base, rate) in enumerate(shares, start=len(pairs)):
        sheet.write_number(row, 0, float(base))
        sheet.write_number(row, 1, float(rate))
        sheet.write_formula(row, 2, f"=ROUND(A{row + 1}*B{row + 1},2)", None, 0)
    book.close()
    (out,) = convert([src], tmp_path / "out")
    values = openpyxl.load_workbook(out, data_only=True)["R"]
    mismatches = []
    for row, (units, price) in enumerate(pairs, start=1):
        office = cents(values.cell(row, 3).value)
        ours = line_cost(PlanLine(offer_id="x", units=units, unit_price=price))
        if office != ours:
            mismatches.append(f"{units} × {price}: LibreOffice {office}, reference {ours}")
    for row, (base, rate) in enumerate(shares, start=len(pairs) + 1):
        office = cents(values.cell(row, 3).value)
        if office != cents(base * rate):
            mismatches.append(f"{base} × {rate}: LibreOffice {office}, reference {cents(base * rate)}")
    assert not mismatches, "\n".join(mismatches)
