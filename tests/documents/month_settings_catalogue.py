"""A catalogue copy in which the ministry changes the report settings inside the pilot's months (D201)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.documents.reports import register as reg
from generator.documents.reports.register_layout import (
    CASH_FIRST,
    OPENING_CELL,
    QUARTER_FIRST,
    REG_FIRST,
    S_CASH,
    S_QUARTER,
    S_REG,
)
from generator.documents.reports.settlement_workbook import FIRST, SHEET
from generator.reference.settlement import SettlementMonth

# key → (effective_from, value): each inside the pilot (08.2018–10.2019). The rate's change is dated on the 15th of
# the round's 3rd month, so it applies from the 4th (11.2018): a month uses what is in force on its first day.
CHANGES: dict[str, tuple[dt.date, str]] = {
    "indirect_cost_rate": (dt.date(2018, 10, 15), "0.12"),
    "social_worker_children": (dt.date(2019, 2, 1), "18"),
    "monthly_report_day": (dt.date(2019, 1, 1), "5"),
    "quarterly_report_day": (dt.date(2019, 5, 20), "20"),
}
RATE_FROM = dt.date(2018, 11, 1)  # the first report month with the new rate


def with_changes(folder: Path, pending: tuple[str, ...] = ()) -> Catalogue:
    """A copy of catalogue/ in ``folder`` whose programme.yaml adds the CHANGES (those in ``pending`` with the
    status `jāprecizē`); loaded."""
    target = folder / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    path = target / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    for key, (day, value) in CHANGES.items():
        block = re.search(rf"^{key}:\n(?:[ \t].*\n)+", text, flags=re.MULTILINE)
        assert block, f"parametrs {key} nav programme.yaml"
        status = ", status: jāprecizē" if key in pending else ""
        added = f'    - {{effective_from: {day:%Y-%m-%d}, value: {value}, source: "Izdomāts LM lēmums"{status}}}\n'
        text = text.replace(block.group(0), block.group(0) + added)
    path.write_text(text, encoding="utf-8")
    return load_or_raise(target)


def fill_register_template(source: Path, target: Path, catalogue: Catalogue, data: reg.RegisterData) -> Path:
    """Type ``data`` into a register template made after its round (months, quarters and counts blank), as a user
    would: the register's rows, 29's months with their children, contracts and receipts, 30's quarters."""
    wb = openpyxl.load_workbook(source)
    ws = wb[S_REG]
    for i, row in enumerate(data.rows):
        r = REG_FIRST + 1 + i
        for col, value in {2: row.doc_type, 3: row.doc_number, 4: row.doc_date and _day(row.doc_date), 6: row.payee, 7: reg.bip_label(catalogue, row.bip),
                           8: row.child_code or None, 9: row.service or None, 10: _day(row.month),
                           11: None if row.units is None else float(row.units), 12: float(row.amount),
                           13: row.route, 14: "Jā" if row.marked else "Nē"}.items():
            ws.cell(r, col, value)
    cash = wb[S_CASH]
    cash[OPENING_CELL] = float(data.opening_balance)
    for i, m in enumerate(data.months):
        for col, value in ((1, _day(m.month)), (2, m.children), (3, "Jā" if m.employment_contract else "Nē"),
                           (4, float(m.receipts))):
            cash.cell(CASH_FIRST + 1 + i, col, value)
    quarters = sorted({(m.month.year, (m.month.month - 1) // 3 + 1) for m in data.months})
    for i, (year, quarter) in enumerate(quarters):
        wb[S_QUARTER].cell(QUARTER_FIRST + 1 + i, 1, year)
        wb[S_QUARTER].cell(QUARTER_FIRST + 1 + i, 2, quarter)
    wb.save(target)
    return target


def fill_settlement_template(source: Path, target: Path, months: list[SettlementMonth], opening: Decimal) -> Path:
    """Type ``months`` into a settlement template (27) made after its round."""
    wb = openpyxl.load_workbook(source)
    ws = wb[SHEET]
    ws["J6"] = float(opening)
    for i, m in enumerate(months):
        for col, value in ((1, _day(m.month)), (2, m.children), (3, float(m.sw_gross_pay)),
                           (4, "Jā" if m.employment_contract else "Nē"), (5, float(m.sw_transport)),
                           (6, float(m.sbs_payments)), (7, float(m.receipts))):
            ws.cell(FIRST + 1 + i, col, value)
    wb.save(target)
    return target


def _day(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)
