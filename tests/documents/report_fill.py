"""Report workbooks filled as a municipality fills them after the round has ended (their month cells are
inputs): the municipality's and social service's names in every workbook (sheet 26, above 27's, 31's, 17's and
24's tables, on 35–38's summary), two months of expenses in 28 with a correction that cancels one session
(−1 unit, −32,00 EUR), the months, children and money received in 29 and 27, the quarter in 30, two months of
activities in 31, three questionnaires in 24 and two parents' answers in 36. The same register rows as
``RegisterData`` give the reference's figures to compare with the printed ones."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl

from generator.documents.reports import register as reg
from generator.documents.reports.activity import FIRST_MONTH_COL, FIRST_ROW
from generator.documents.reports.activity import SHEET as ACTIVITY_SHEET
from generator.documents.reports.annex_registers import FIRST as REGISTER_FIRST
from generator.documents.reports.questionnaire_workbooks import FIRST as QUALITY_FIRST
from generator.documents.reports.questionnaire_workbooks import STAGE_COL
from generator.documents.reports.register_layout import (
    CASH_FIRST,
    QUARTER_FIRST,
    REG_FIRST,
    S_CASH,
    S_QUARTER,
    S_REG,
)
from generator.documents.reports.settlement_workbook import FIRST as SETTLEMENT_FIRST
from generator.documents.reports.settlement_workbook import SHEET as SETTLEMENT_SHEET
from generator.reference.settlement import BIP_PAY, BIP_SBS

MONTHS = (dt.date(2019, 1, 1), dt.date(2019, 2, 1))
QUESTIONNAIRE_SHEET = "24 Aptauju reģistrs"
CHILDREN = 12
RECEIVED = (Decimal("3000.00"), Decimal("0.00"))
SERVICE = "3.1.2i Ergoterapeits, individuāli"
ROUTE = reg.PAYMENT_ROUTES[0]  # "līgums ar sniedzēju": a list value of the register's "Samaksas veids"
# fictional names typed into sheet 26's inputs
TYPED_NAMES = {"Iestade_Pasvaldiba": "Piemēru novada pašvaldība", "Iestade_Dienests": "Piemēru sociālais dienests"}
# type, number, payee, BIP, service, units, amount
ROWS = (
    ("rēķins", "R-101", "SIA Piemēra fizioterapija", BIP_SBS, SERVICE, 4, Decimal("128.00")),
    ("rēķins", "R-102", "SIA Piemēra fizioterapija", BIP_SBS, SERVICE, 3, Decimal("85.50")),
    ("algas saraksts", "A-1", "Sociālā darbiniece", BIP_PAY, "", None, Decimal("950.00")),
    (reg.CORRECTION, "K-1", "SIA Piemēra fizioterapija", BIP_SBS, SERVICE, -1, Decimal("-32.00")),
)


def register_data() -> reg.RegisterData:
    """The filled register as the reference reads it."""
    months = tuple(reg.MonthInput(m, CHILDREN, employment_contract=True, receipts=r)
                   for m, r in zip(MONTHS, RECEIVED, strict=True))
    rows = tuple(reg.RegisterRow(bip=bip, month=MONTHS[0], amount=amount, service=service, doc_type=kind,
                                 doc_number=number, payee=payee, route=ROUTE) for kind, number, payee, bip, service, _, amount in ROWS)
    return reg.RegisterData(months=months, rows=rows)


def _day(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def fill_register(source: Path, target: Path, bip_labels: dict[str, str]) -> Path:
    """``bip_labels``: the register's list texts by BIP code (register.bip_label)."""
    wb = openpyxl.load_workbook(source)
    ws = wb[S_REG]
    for i, (kind, number, payee, bip, service, units, amount) in enumerate(ROWS):
        r = REG_FIRST + 1 + i
        values = {2: kind, 3: number, 4: _day(dt.date(2019, 1, 28)), 5: _day(dt.date(2019, 2, 5)), 6: payee,
                  7: bip_labels[bip], 9: service or None, 10: _day(MONTHS[0]), 11: units, 12: float(amount),
                  13: ROUTE, 14: "Jā"}
        for col, value in values.items():
            ws.cell(r, col, value)
    cash = wb[S_CASH]
    for i, (month, received) in enumerate(zip(MONTHS, RECEIVED, strict=True)):
        r = CASH_FIRST + 1 + i
        cash.cell(r, 1, _day(month))
        cash.cell(r, 2, CHILDREN)
        cash.cell(r, 3, "Jā")
        cash.cell(r, 4, float(received))
    type_names(wb)
    quarter = wb[S_QUARTER]
    quarter.cell(QUARTER_FIRST + 1, 1, 2019)
    quarter.cell(QUARTER_FIRST + 1, 2, 1)
    wb.save(target)
    return target


def type_names(wb: openpyxl.Workbook) -> None:
    """The names' inputs (institution_names: sheet 26, or above 27's table)."""
    for name, value in TYPED_NAMES.items():
        (sheet, ref), = wb.defined_names[name].destinations
        wb[sheet][ref.replace("$", "")] = value


def fill_settlement(source: Path, target: Path) -> Path:
    wb = openpyxl.load_workbook(source)
    type_names(wb)
    ws = wb[SETTLEMENT_SHEET]
    for i, (month, received) in enumerate(zip(MONTHS, RECEIVED, strict=True)):
        r = SETTLEMENT_FIRST + 1 + i
        for col, value in ((1, _day(month)), (2, CHILDREN), (3, 950.0), (4, "Jā"), (5, 0.0), (6, 181.5),
                           (7, float(received))):
            ws.cell(r, col, value)
    wb.save(target)
    return target


def fill_activity(source: Path, target: Path) -> Path:
    wb = openpyxl.load_workbook(source)
    type_names(wb)
    ws = wb[ACTIVITY_SHEET]
    for k, month in enumerate(MONTHS):
        ws.cell(FIRST_ROW, FIRST_MONTH_COL + 1 + k, _day(month))
        for i in range(3):
            ws.cell(FIRST_ROW + 1 + i, FIRST_MONTH_COL + 1 + k, i + k + 1)
    wb.save(target)
    return target


# Typed mistakes pasted into the filled register (audit29 F5): a sub-cent amount (the longest message, 28's), a
# month outside the reporting months and a text in a money cell in 28, a text count and a negative receipt on
# the same row of 29 – five wrong cells in four rows.
REGISTER_MISTAKES = {(S_REG, f"L{REG_FIRST + 1}"): 23.405, (S_REG, f"J{REG_FIRST + 2}"): dt.datetime(2017, 1, 15),
                     (S_REG, f"L{REG_FIRST + 3}"): "12,50", (S_CASH, f"B{CASH_FIRST + 2}"): "14",
                     (S_CASH, f"D{CASH_FIRST + 2}"): -4000.0}
# 31: a text count, a negative one and a fraction in three rows of the first month
ACTIVITY_MISTAKES = {(ACTIVITY_SHEET, "C8"): "3", (ACTIVITY_SHEET, "C9"): -2, (ACTIVITY_SHEET, "C10"): 2.5}


def paste(source: Path, target: Path, values: dict[tuple[str, str], object]) -> Path:
    """``values`` by (sheet, cell) written with openpyxl, as a paste bypasses validation."""
    wb = openpyxl.load_workbook(source)
    for (sheet, ref), value in values.items():
        wb[sheet][ref] = value
    wb.save(target)
    return target


# 24: child code, questionnaire (its list's first entries), round, filled by, scanned, original in the file
QUESTIONNAIRES = (("B-01", 0, "sākotnējā", "vecāks"), ("B-02", 0, "sākotnējā", "vecāks"),
                  ("B-01", 1, "noslēguma", "bērns pats"))
PARENT_SCORES = ((4, 5, 3), (5, 4, 4))  # 36: the first three stages of two parents' questionnaires


def fill_questionnaire_register(source: Path, target: Path, names: list[str]) -> Path:
    """``names``: the register's questionnaire list (annex_registers.questionnaire_names)."""
    wb = openpyxl.load_workbook(source)
    type_names(wb)
    ws = wb[QUESTIONNAIRE_SHEET]
    for i, (code, name, round_name, filled_by) in enumerate(QUESTIONNAIRES):
        r = REGISTER_FIRST + 1 + i
        for col, value in ((2, code), (3, names[name]), (4, round_name), (5, filled_by), (6, _day(MONTHS[0])),
                           (7, _day(MONTHS[0])), (8, "Jā"), (9, "Jā")):
            ws.cell(r, col, value)
    wb.save(target)
    return target


def fill_names(source: Path, target: Path) -> Path:
    """Only the names (17: its providers are typed in hidden rows, which print a warning instead)."""
    wb = openpyxl.load_workbook(source)
    type_names(wb)
    wb.save(target)
    return target


def fill_questionnaires(source: Path, target: Path) -> Path:
    wb = openpyxl.load_workbook(source)
    type_names(wb)
    ws = next(ws for ws in wb.worksheets if ws.title.startswith("36"))
    for i, scores in enumerate(PARENT_SCORES):
        r = QUALITY_FIRST + 1 + i
        ws.cell(r, 2, f"V-{i + 1:02d}")
        ws.cell(r, 3, _day(MONTHS[1]))
        for k, score in enumerate(scores):
            ws.cell(r, STAGE_COL + 1 + k, score)
    wb.save(target)
    return target
