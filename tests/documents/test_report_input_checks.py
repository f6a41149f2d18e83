"""Pasted values in the report workbooks (generator.documents.reports.input_checks): data validation stops a
wrong value typed, not pasted. Each case writes one wrong value with openpyxl (as a paste would, bypassing
validation), LibreOffice recalculates all cases in one call, and the result must name the cell in a message
while no amount shows a number; the same workbook with right values gives the reference's amounts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import register as reg
from generator.documents.reports.input_checks import (
    DATE_VALIDATION,
    FIRST_DAY,
    FORMULA_EXPECTED,
    LOGICAL_EXPECTED,
    MONTH_EXPECTED,
    ErrorLog,
    Refuses,
    Rule,
    is_logical,
    refuses_formula,
    refuses_pasted,
    row_check,
    summary,
    typed_value,
)
from generator.documents.reports.parameters import DAY, PENDING, SHARE, guarded, parameter, write_parameter
from generator.documents.reports.register_layout import (
    OPENING_CELL,
    REG_FIRST,
    S_BIP,
    S_CASH,
    S_QUARTER,
    S_REG,
)
from generator.documents.reports.register_workbook import write_register_workbook
from generator.documents.reports.settlement_workbook import SHEET as S_SETTLE
from generator.documents.reports.settlement_workbook import write_settlement_workbook
from generator.documents.terms import Choice, for_round
from generator.reference.params import Params
from generator.reference.settlement import BIP_PAY, BIP_SBS, BIP_TRANSPORT, settle
from tests.documents.report_fill import fill_settlement
from tests.documents.test_report_workbooks import check_against_reference
from tests.documents.workbook_values import money, named

PENDING_KEYS = ("social_worker_children", "indirect_cost_rate", "quarterly_report_day")
# Where each sheet shows the line that counts wrong inputs (input_checks.summary).
SUMMARY = {S_REG: "B4", S_CASH: "F4", S_QUARTER: "E4", S_SETTLE: "G5"}
# The amounts (and due dates) of the register workbook and of the settlement, by defined name.
REGISTER_AMOUNTS = ("NP_Atlidziba", "NP_Transports", "NP_SBS", "NP_Netiesas", "NP_Kopa", "NP_AtlikumsSakuma",
                    "NP_AtlikumsBeigas", "NP_Termins", "CP_Atlidziba", "CP_Transports", "CP_SBS", "CP_Netiesas",
                    "CP_Kopa", "CP_Sanemts", "CP_Termins", "Kopa_Sanemts", "Kopa_Atlidziba", "Kopa_Transports",
                    "Kopa_SBS", "Kopa_Netiesas", "Kopa_Izdevumi", "Kopa_AtlikumsBeigas", "RR_SBS_Joma1",
                    "RR_SBS_Joma2", "RR_SBS_Joma3")
SETTLEMENT_AMOUNTS = ("NR_Dala", "NR_Atlidziba", "NR_Netiesas", "NR_Kopa", "NR_AtlikumsBeigas", "NRK_Transports",
                      "NRK_SBS", "NRK_Sanemts", "NRK_Atlidziba", "NRK_Netiesas", "NRK_Kopa", "NRK_AtlikumsBeigas",
                      "NRK_Norekins")
# Functions that Excel 2010 and LibreOffice 7.4 both compute (what the report workbooks may use). COUNTA and
# SUBTOTAL(103, …) (since Excel 2003) count the register's filled rows hidden in collapsed groups (row_groups); MATCH
# looks up 28's page count by the rows shown (page_count, D376).
EXCEL_2010 = {"ABS", "AND", "COUNT", "COUNTA", "COUNTIF", "COUNTIFS", "DATE", "EDATE", "FIND", "IF", "IFERROR", "INDEX",
              "INT", "ISLOGICAL", "ISNUMBER", "LEFT", "LEN", "MATCH", "MAX", "MIN", "MONTH", "N", "NOT", "OR", "RIGHT", "ROUND",
              "ROW", "SUBTOTAL", "SUM", "SUMIFS", "TRIM", "VALUE", "YEAR"}
# Excel 2013's FORMULATEXT and ISFORMULA only inside IFERROR (input_checks.is_logical, is_formula): Excel 2010's
# #NAME? there is FALSE.
IN_IFERROR = re.compile(r"IFERROR\(AND\(RIGHT\(_xlfn\.FORMULATEXT\(")
FORMULA_IN_IFERROR = re.compile(r"IFERROR\(_xlfn\.ISFORMULA\(")


def register_data(catalogue: Catalogue) -> reg.RegisterData:
    """A small register: pay with odd cents, transport, SBS and a correction in the first two months."""
    months = reg.pilot_months(catalogue)
    service = next(o.label for o in catalogue.offers(catalogue.latest_date) if o.label.startswith("3."))
    rows = (
        reg.RegisterRow(bip=BIP_PAY, month=months[0].replace(day=28), amount=Decimal("1501.01"), doc_type="algas saraksts", route=reg.PAYMENT_ROUTES[3],
                        doc_number="A-1", doc_date=months[0].replace(day=28)),
        reg.RegisterRow(bip=BIP_TRANSPORT, month=months[0].replace(day=5), amount=Decimal("40.00"), doc_type="čeks", route=reg.PAYMENT_ROUTES[2],
                        doc_number="Č-7", doc_date=months[0].replace(day=5)),
        reg.RegisterRow(bip=BIP_SBS, month=months[1].replace(day=9), amount=Decimal("120.50"), doc_type="rēķins", route=reg.PAYMENT_ROUTES[0],
                        service=service, units=Decimal(4), child_code="B01", doc_number="R-12",
                        doc_date=months[1].replace(day=9)),
        reg.RegisterRow(bip=BIP_SBS, month=months[1].replace(day=20), amount=Decimal("-20.50"),
                        doc_type=reg.CORRECTION, service=service, child_code="B01", route=reg.PAYMENT_ROUTES[0],
                        doc_number="K-1", doc_date=months[1].replace(day=20)),
        reg.RegisterRow(bip=BIP_PAY, month=months[1].replace(day=28), amount=Decimal("1501.01"), doc_type="algas saraksts", route=reg.PAYMENT_ROUTES[3],
                        doc_number="A-2", doc_date=months[1].replace(day=28)),
    )
    inputs = tuple(reg.MonthInput(m, 20 if i else 13, Decimal("5000") if i == 0 else Decimal(0), i != 2)
                   for i, m in enumerate(months))
    return reg.RegisterData(months=inputs, rows=rows, opening_balance=Decimal("100.00"))


def _cell(wb: openpyxl.Workbook, name: str) -> openpyxl.cell.Cell:
    (sheet, ref), = wb.defined_names[name].destinations
    return wb[sheet][ref.replace("$", "")]


@dataclasses.dataclass(frozen=True)
class WithFormat:
    """A pasted value that brings its cell's number format along (a whole cell copied, not its value only)."""

    value: object
    number_format: str = "General"


def _paste(source: Path, target: Path, values: dict[str, object]) -> Path:
    """Write ``values`` (a defined name, or "sheet!A1") with openpyxl: no validation stops them."""
    wb = openpyxl.load_workbook(source)
    for key, value in values.items():
        if "!" in key:
            sheet, ref = key.split("!")
            cell = wb[sheet][ref]
        else:
            cell = _cell(wb, key)
        if isinstance(value, WithFormat):
            cell.value, cell.number_format = value.value, value.number_format
        else:
            cell.value = value
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return target


R = REG_FIRST + 1  # 1-based row of the register's first entry
GOOD_REGISTER = {"Param_BerniPilnai": 20, "Param_NetiesasLikme": 0.15, "Param_CeturksnaDiena": 28}
# case → (pasted values, the cell its message names, words of what is expected)
REGISTER_CASES = {
    "likme-500": ({"Param_NetiesasLikme": 5}, (S_BIP, "Param_NetiesasLikme"), "procentiem no 0 līdz 100"),
    "berni-dala": ({"Param_BerniPilnai": 2.5}, (S_BIP, "Param_BerniPilnai"), "veselam skaitlim"),
    "diena-31": ({"Param_CeturksnaDiena": 31}, (S_BIP, "Param_CeturksnaDiena"), "mēneša dienai"),
    "negativs-rekins": ({f"{S_REG}!L{R + 4}": -50}, (S_REG, f"L{R + 4}"), f"negatīva summa atļauta tikai, ja B{R + 4}"),
    "summa-teksts": ({f"{S_REG}!L{R + 1}": "40,00"}, (S_REG, f"L{R + 1}"), "jābūt skaitlim – summai euro"),
    "menesis-teksts": ({f"{S_REG}!J{R}": "28.09.2018"}, (S_REG, f"J{R}"), "pārskata mēneša laikā"),
    "menesis-arpus": ({f"{S_REG}!J{R}": dt.datetime(2030, 1, 5)}, (S_REG, f"J{R}"), "pārskata mēneša laikā"),
    "bip-nezinams": ({f"{S_REG}!G{R + 1}": "BIP 9.9 Cits"}, (S_REG, f"G{R + 1}"), "pozīcijai no saraksta"),
    "korekcija-par-lielu": ({f"{S_REG}!L{R + 3}": -500}, (S_REG, f"L{R + 3}"), "korekcijas pārsniedz"),
    # a correction without its minus sign would add the refund instead of taking it off (audit30 F1, D245)
    "korekcija-pozitiva": ({f"{S_REG}!L{R + 3}": 20.5}, (S_REG, f"L{R + 3}"), "jābūt negatīvai summai"),
    "korekcija-daudzums-pozitivs": ({f"{S_REG}!K{R + 3}": 1}, (S_REG, f"K{R + 3}"), "daudzumam jābūt 0 vai negatīvam"),
    "daudzums-negativs": ({f"{S_REG}!K{R + 2}": -4}, (S_REG, f"K{R + 2}"), "0 vai vairāk"),
    # a logical value (TRUE/PATIESS) is the number 1 to LibreOffice's ISNUMBER and SUM (audit32a F1); pasted
    # with its cell (its own format): a value-only paste into the money format is 1 to every LibreOffice function
    "summa-patiess": ({f"{S_REG}!L{R + 1}": WithFormat(True)}, (S_REG, f"L{R + 1}"), LOGICAL_EXPECTED),
    "daudzums-patiess": ({f"{S_REG}!K{R + 2}": WithFormat(True)}, (S_REG, f"K{R + 2}"), LOGICAL_EXPECTED),
    # the bool alone in the money-formatted cell (audit32a r08): LibreOffice's imported =TRUE() (is_logical)
    "summa-patiess-bez-formata": ({f"{S_REG}!L{R + 1}": True}, (S_REG, f"L{R + 1}"), LOGICAL_EXPECTED),
    # the document type decides the sign: a type not of the list is named on B, not on the amount (audit32a F6)
    "veids-atstarpe": ({f"{S_REG}!B{R + 3}": f"{reg.CORRECTION} "}, (S_REG, f"B{R + 3}"), "dokumenta veidam no saraksta"),
    "veids-tukss": ({f"{S_REG}!B{R + 1}": None}, (S_REG, f"B{R + 1}"), "dokumenta veidam no saraksta"),
    "veids-cits": ({f"{S_REG}!B{R + 2}": reg.PAYMENT_ROUTES[0]}, (S_REG, f"B{R + 2}"), "dokumenta veidam no saraksta"),
    # one wrong sign in a month with a correction: one error, on the invoice, not also on the correction (F6b, D172)
    "negativs-rekins-ar-korekciju": ({f"{S_REG}!L{R + 2}": -120.5}, (S_REG, f"L{R + 2}"),
                                     f"negatīva summa atļauta tikai, ja B{R + 2} ir"),
    # a payment is entered from its document: its number and date (audit32a F7, D262)
    "dokuments-bez-numura": ({f"{S_REG}!C{R + 2}": None}, (S_REG, f"C{R + 2}"), "jābūt dokumenta numuram"),
    "dokuments-bez-datuma": ({f"{S_REG}!D{R + 1}": None}, (S_REG, f"D{R + 1}"), "jābūt dokumenta datumam"),
    "samaksas-veids-tukss": ({f"{S_REG}!M{R + 1}": None}, (S_REG, f"M{R + 1}"), "samaksas veidam no saraksta"),
    "atzimes-cits": ({f"{S_REG}!N{R + 2}": "varbūt"}, (S_REG, f"N{R + 2}"), "projekta atzīmes"),
    # 30's three counts of the result indicators (row 18: the pilot's 2019 Q1; audit30 F8, D245)
    "rr-skaits-teksts": ({f"{S_QUARTER}!I18": "5 gab."}, (S_QUARTER, "I18"), "veselam skaitlim, 0 vai vairāk"),
    "rr-skaits-negativs": ({f"{S_QUARTER}!J18": -3}, (S_QUARTER, "J18"), "veselam skaitlim, 0 vai vairāk"),
    "rr-skaits-dala": ({f"{S_QUARTER}!K18": 2.5}, (S_QUARTER, "K18"), "veselam skaitlim, 0 vai vairāk"),
    "berni-negativs": ({f"{S_CASH}!B8": -1}, (S_CASH, "B8"), "veselam skaitlim, 0 vai vairāk"),
    "ligums": ({f"{S_CASH}!C7": "Varbūt"}, (S_CASH, "C7"), "„Jā” vai „Nē”"),
    "sanemts-negativs": ({f"{S_CASH}!D7": -100}, (S_CASH, "D7"), "0 vai vairāk"),
    "atlikums-teksts": ({f"{S_CASH}!{OPENING_CELL}": "100 EUR"}, (S_CASH, OPENING_CELL), "jābūt summai euro"),
    # amounts nobody can pay (audit29 F4): whole cents as in the register (D87)
    "sanemts-centa-dala": ({f"{S_CASH}!D7": 5000.005}, (S_CASH, "D7"), "diviem cipariem aiz komata"),
    "atlikums-centa-dala": ({f"{S_CASH}!{OPENING_CELL}": 10.001}, (S_CASH, OPENING_CELL), "diviem cipariem aiz komata"),
    # TRUE (PATIESS; a bool cell, LibreOffice's =TRUE() with the value 1) in a number input counted as 1 (audit32a F1)
    "patiess-parametrs": ({"Param_BerniPilnai": True}, (S_BIP, "Param_BerniPilnai"), LOGICAL_EXPECTED),
    "patiess-likme": ({"Param_NetiesasLikme": True}, (S_BIP, "Param_NetiesasLikme"), LOGICAL_EXPECTED),
    "patiess-berni": ({f"{S_CASH}!B8": True}, (S_CASH, "B8"), LOGICAL_EXPECTED),
    "patiess-sanemts": ({f"{S_CASH}!D7": True}, (S_CASH, "D7"), LOGICAL_EXPECTED),
    "aplams-atlikums": ({f"{S_CASH}!{OPENING_CELL}": False}, (S_CASH, OPENING_CELL), LOGICAL_EXPECTED),
    "patiess-rr-skaits": ({f"{S_QUARTER}!K18": True}, (S_QUARTER, "K18"), LOGICAL_EXPECTED),
}
# Templates built after the round has ended: months, years and quarters are inputs.
UNDATED_CASES = {
    "menesis-ievade": ({f"{S_CASH}!A7": "janvāris"}, (S_CASH, "A7"), "datumam"),
    # the day before the earliest date (FIRST_DAY; the earliest month itself is accepted: earliest_month)
    "menesis-1999": ({f"{S_CASH}!A7": dt.datetime(1999, 12, 31)}, (S_CASH, "A7"), MONTH_EXPECTED),
    "ceturksnis-5": ({f"{S_QUARTER}!A6": 2031, f"{S_QUARTER}!B6": 5}, (S_QUARTER, "B6"), "no 1 līdz 4"),
}
# The earliest month itself is accepted by the formula check (one bound, inclusive): FIRST_DAY, or (D201) the first
# month on whose first day the catalogue has every report setting, when that is later.
REPORT_SETTINGS = ("social_worker_children", "indirect_cost_rate", "monthly_report_day", "quarterly_report_day")
BOUND_CELL = (S_CASH, "A7")


def earliest_month(catalogue: Catalogue) -> dt.date:
    day = max(getattr(catalogue.programme, key).values[0].effective_from for key in REPORT_SETTINGS)
    first = day if day.day == 1 else (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return max(first, FIRST_DAY)
GOOD_SETTLEMENT = {"NR_BerniPilnai": 20, "NR_NetiesasLikme": 0.15}
SETTLEMENT_CASES = {
    "n-likme-500": ({"NR_NetiesasLikme": 5}, (S_SETTLE, "NR_NetiesasLikme"), "procentiem no 0 līdz 100"),
    "n-berni-dala": ({f"{S_SETTLE}!B9": 2.5}, (S_SETTLE, "B9"), "veselam skaitlim"),
    "n-alga-negativa": ({f"{S_SETTLE}!C10": -1000}, (S_SETTLE, "C10"), "0 vai vairāk"),
    "n-ligums": ({f"{S_SETTLE}!D9": "Varbūt"}, (S_SETTLE, "D9"), "„Jā” vai „Nē”"),
    "n-transports-teksts": ({f"{S_SETTLE}!E9": "40,00"}, (S_SETTLE, "E9"), "jābūt summai euro"),
    "n-atlikums-teksts": ({f"{S_SETTLE}!J6": "abc"}, (S_SETTLE, "J6"), "jābūt summai euro"),
    "n-alga-centa-dala": ({f"{S_SETTLE}!C9": 1250.005}, (S_SETTLE, "C9"), "diviem cipariem aiz komata"),
    "n-sbs-centa-dala": ({f"{S_SETTLE}!F9": 256.354}, (S_SETTLE, "F9"), "diviem cipariem aiz komata"),
    "n-atlikums-centa-dala": ({f"{S_SETTLE}!J6": 0.001}, (S_SETTLE, "J6"), "diviem cipariem aiz komata"),
    "n-patiess-berni": ({f"{S_SETTLE}!B9": True}, (S_SETTLE, "B9"), LOGICAL_EXPECTED),
    "n-patiess-transports": ({f"{S_SETTLE}!E9": True}, (S_SETTLE, "E9"), LOGICAL_EXPECTED),
    "n-patiess-likme": ({"NR_NetiesasLikme": True}, (S_SETTLE, "NR_NetiesasLikme"), LOGICAL_EXPECTED),
}
# An ended round's templates (`--round`, D125): dated months, blank children and contract inputs (D37). A month
# whose children are typed needs its contract; a month still blank is no error (D212), so the template as made
# shows its amounts, not "______" on every row until every month of the round has a contract.
ROUND_CASES = {
    "karta-berni-bez-liguma": ({f"{S_CASH}!B9": 14}, (S_CASH, "C9"), "„Jā” vai „Nē”"),
    # the social worker's pay in the register for 10.2018 (29's row 9) while its children are blank: a 0 % share
    # would leave the pay and its indirect costs out without a word
    "karta-alga-bez-berniem": ({f"{S_REG}!B{R}": "algas saraksts", f"{S_REG}!C{R}": "A-10",
                                f"{S_REG}!D{R}": dt.datetime(2018, 10, 31), f"{S_REG}!G{R}": "BIP 1.1 Sociālā darbinieka atlīdzība",
                                f"{S_REG}!J{R}": dt.datetime(2018, 10, 31), f"{S_REG}!L{R}": 1150,
                                f"{S_REG}!M{R}": reg.PAYMENT_ROUTES[3], f"{S_REG}!N{R}": "Jā"},
                               (S_CASH, "B9"), "jābūt bērnu skaitam"),
}
# 27 made after the round (months, children, contract are inputs), filled as tests/documents/report_fill.py fills it
# (01.2019 and 02.2019 in rows 9–10): a row with data needs its month, each month once and in order, as 29 (audit32a
# F2, F5; D172) – s17 printed „pašvaldība atmaksā LM 2 663,00” for 1 326,00
UNDATED_SETTLEMENT_CASES = {
    "n-menesis-notirits": ({f"{S_SETTLE}!A10": None, f"{S_SETTLE}!G10": 500.0}, (S_SETTLE, "A10"),
                           "jābūt mēnesim, jo šīs rindas ailes ir aizpildītas"),
    "n-rinda-bez-meneša": ({f"{S_SETTLE}!C11": 950.0, f"{S_SETTLE}!F11": 100.0}, (S_SETTLE, "A11"),
                           "jābūt mēnesim, jo šīs rindas ailes ir aizpildītas"),
    "n-menesis-divreiz": ({f"{S_SETTLE}!A10": dt.datetime(2019, 1, 1)}, (S_SETTLE, "A10"), "jau ierakstīts augstākā rindā"),
    "n-menesi-dilstosi": ({f"{S_SETTLE}!A10": dt.datetime(2018, 12, 1)}, (S_SETTLE, "A10"), "augošā secībā"),
}
ROUND_SETTLEMENT_CASES = {
    "karta-n-berni-bez-liguma": ({f"{S_SETTLE}!B10": 14}, (S_SETTLE, "D10"), "„Jā” vai „Nē”"),
    "karta-n-alga-bez-berniem": ({f"{S_SETTLE}!C10": 1150}, (S_SETTLE, "B10"), "jābūt bērnu skaitam"),
}


def _where(wb: openpyxl.Workbook, sheet: str, ref: str) -> str:
    if ref[0].isupper() and "_" in ref:  # a defined name
        ref = _cell(wb, ref).coordinate
    return f"Kļūda: '{sheet}'!{ref} – "


def _guarded_cells(source: Path, errors: str) -> list[tuple[str, str]]:
    """(sheet, cell) of every formula the wrong-input count guards."""
    wb = openpyxl.load_workbook(source)
    return [(ws.title, c.coordinate) for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and f"{errors}=0" in c.value and f',"{PENDING}")' in c.value]


def _check_refused(wb: openpyxl.Workbook, source: Path, cell: tuple[str, str], expected: str, amounts: tuple[str, ...],
                   errors: str, sheets: tuple[str, ...], case: str) -> None:
    where = _where(wb, *cell)
    for sheet in sheets:
        line = wb[sheet][SUMMARY[sheet]].value
        # what it counts (rows and single cells with a message), and no pointer to other messages when there are none
        assert isinstance(line, str) and line.startswith("Ievades kļūdas 1 rindā vai šūnā "), f"{case}: {sheet} {line!r}"
        assert "Pārējās" not in line, f"{case}: {sheet} {line!r}"
        assert where in line and expected in line.split(where, 1)[1], f"{case}: {sheet} {line!r}"
    messages = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith(where)]
    assert messages and all(expected in m for m in messages), f"{case}: {messages}"
    blanked = set()
    for name in amounts:
        shown = set(named(wb, name))
        # a row without its month (quarter) in a template made after the round prints empty: never a figure
        assert shown <= {PENDING, None}, f"{case}: {name} = {shown}"
        blanked |= {name} if PENDING in shown else set()
    assert {n for n in amounts if n.startswith(("Kopa", "NRK"))} <= blanked, f"{case}: {blanked}"
    guarded_cells = _guarded_cells(source, errors)
    assert len(guarded_cells) > len(amounts)
    numbers = [(s, c, wb[s][c].value) for s, c in guarded_cells if wb[s][c].value not in (PENDING, None)]
    assert not numbers, f"{case}: {numbers[:5]}"


def wrong_value_cases(src: Path, catalogue: Catalogue, pending: Catalogue) -> dict[str, tuple[Path, dict]]:
    """The cases of test_pasted_wrong_values_…: each its source workbook (written in ``src``) and the values pasted
    into it; ``pending``: the catalogue with PENDING_KEYS `jāprecizē`. The session fixture ``pasted_reports``
    recalculates them with test_report_pasted_formulas' in one LibreOffice run."""
    municipality = pending.pilot_municipalities()[0]
    data = register_data(catalogue)
    register = write_register_workbook(pending, municipality, src / "r.xlsx", data, cached=False)
    undated = write_register_workbook(pending, municipality, src / "r-bez-datumiem.xlsx",
                                      build_date=dt.date(2031, 1, 1), cached=False)
    months = reg.settlement_inputs(data)
    settlement = write_settlement_workbook(pending, municipality, src / "n.xlsx", months,
                                           data.opening_balance, cached=False)
    cases = {"labs": (register, GOOD_REGISTER), "n-labs": (settlement, GOOD_SETTLEMENT)}
    cases |= {k: (register, {**GOOD_REGISTER, **v[0]}) for k, v in REGISTER_CASES.items()}
    cases |= {k: (undated, {**GOOD_REGISTER, **v[0]}) for k, v in UNDATED_CASES.items()}
    cases |= {k: (settlement, {**GOOD_SETTLEMENT, **v[0]}) for k, v in SETTLEMENT_CASES.items()}
    n_undated = fill_settlement(write_settlement_workbook(pending, municipality, src / "n-bez-datumiem.xlsx",
                                                          build_date=dt.date(2031, 1, 1), cached=False),
                                src / "n-bez-datumiem-aizpildits.xlsx")
    cases |= {"n-bez-datumiem-labs": (n_undated, GOOD_SETTLEMENT)}
    cases |= {k: (n_undated, {**GOOD_SETTLEMENT, **v[0]}) for k, v in UNDATED_SETTLEMENT_CASES.items()}
    bound = first_month_bound(pending)
    cases["menesis-pirmais"] = (undated, {**GOOD_REGISTER, "!".join(BOUND_CELL): bound, f"{S_QUARTER}!A6": bound.year,
                                          f"{S_QUARTER}!B6": (bound.month + 2) // 3})  # its quarter on 30 (D260)
    # two rows wrong, one of them twice: the line counts rows and says where the messages it does not print are
    cases["divas-rindas"] = (register, {**GOOD_REGISTER, f"{S_CASH}!B8": -1, f"{S_CASH}!D8": -4000,
                                        f"{S_CASH}!D7": 10.001})
    # the correction entered with a service of another support area, which has no costs that month: 30 would
    # report that area's SBS negative (audit32a F4, D261)
    other_area = next(o.label for o in pending.offers(pending.latest_date)
                      if reg.area_of_service(o.label) not in (None, reg.area_of_service(data.rows[3].service)))
    cases["korekcija-cita-joma"] = (register, {**GOOD_REGISTER, f"{S_REG}!I{R + 3}": other_area})
    # a register filled with the correction's earlier, longer label (D155): still a correction
    cases["agraka-korekcija"] = (register, {**GOOD_REGISTER, f"{S_REG}!B{R + 3}": reg.CORRECTION_EARLIER})
    with for_round(Choice("berni-2018")):
        ended = write_register_workbook(catalogue, municipality, src / "r-karta.xlsx", cached=False)
        n_ended = write_settlement_workbook(catalogue, municipality, src / "n-karta.xlsx", cached=False)
    cases |= {"karta-tuksa": (ended, {}), "karta-n-tuksa": (n_ended, {})}
    cases |= {k: (ended, v[0]) for k, v in ROUND_CASES.items()}
    cases |= {k: (n_ended, v[0]) for k, v in ROUND_SETTLEMENT_CASES.items()}
    return cases


def first_month_bound(pending: Catalogue) -> dt.datetime:
    """The earliest month a typed month takes (D201), as case „menesis-pirmais” pastes it."""
    return dt.datetime.combine(earliest_month(pending), dt.time())


@pytest.mark.libreoffice
@pytest.mark.xdist_group("documents-lo")
def test_pasted_wrong_values_stop_every_amount_and_name_their_cell(catalogue: Catalogue, pasted_reports) -> None:
    sources, outputs = pasted_reports.cases("input_checks")
    params = Params.from_catalogue(catalogue, catalogue.latest_date)
    data = register_data(catalogue)
    months = reg.settlement_inputs(data)
    bound = first_month_bound(pasted_reports.pending)

    # Right values: the reference's amounts, no message.
    good = outputs["labs"]
    check_against_reference(good, reg.settlement(data, params), "pareizas vērtības")
    assert named(good, "Kludu_Skaits") == [0] and good[S_REG][SUMMARY[S_REG]].value in (None, "")
    expected = settle(months, params, data.opening_balance)
    n_good = outputs["n-labs"]
    assert [money(v) for v in named(n_good, "NR_Kopa")] == [m.amounts.total for m in expected.months]
    assert [money(v) for v in named(n_good, "NR_AtlikumsBeigas")] == [m.closing_balance for m in expected.months]
    assert money(named(n_good, "NRK_Norekins")[0]) == abs(expected.closing_balance)
    assert named(n_good, "NR_Kludas") == [0]

    for case, (_, cell, words) in (REGISTER_CASES | UNDATED_CASES).items():
        _check_refused(outputs[case], sources[case], cell, words, REGISTER_AMOUNTS, "Kludu_Skaits",
                       (S_REG, S_CASH, S_QUARTER), case)
    for case, (_, cell, words) in SETTLEMENT_CASES.items():
        _check_refused(outputs[case], sources[case], cell, words, SETTLEMENT_AMOUNTS, "NR_Kludas", (S_SETTLE,),
                       case)
    for case, (_, cell, words) in UNDATED_SETTLEMENT_CASES.items():
        _check_refused(outputs[case], sources[case], cell, words, SETTLEMENT_AMOUNTS, "NR_Kludas", (S_SETTLE,),
                       case)
    # the same fill right: no message, and the figures of the audit's base (2 × 837,00 costs, 3 000,00 received)
    n_typed = outputs["n-bez-datumiem-labs"]
    assert named(n_typed, "NR_Kludas") == [0], n_typed[S_SETTLE][SUMMARY[S_SETTLE]].value
    assert [money(named(n_typed, n)[0]) for n in ("NRK_Kopa", "NRK_Sanemts", "NRK_Norekins")] == \
        [Decimal("1674.00"), Decimal("3000.00"), Decimal("1326.00")]
    for case, (_, cell, words) in ROUND_CASES.items():
        _check_refused(outputs[case], sources[case], cell, words, REGISTER_AMOUNTS, "Kludu_Skaits",
                       (S_REG, S_CASH, S_QUARTER), case)
    for case, (_, cell, words) in ROUND_SETTLEMENT_CASES.items():
        _check_refused(outputs[case], sources[case], cell, words, SETTLEMENT_AMOUNTS, "NR_Kludas", (S_SETTLE,),
                       case)
    # the ended round's templates as made: no wrong input, every month's amount a figure (0,00 until filled)
    fresh, n_fresh = outputs["karta-tuksa"], outputs["karta-n-tuksa"]
    assert named(fresh, "Kludu_Skaits") == [0] and fresh[S_CASH][SUMMARY[S_CASH]].value in (None, "")
    assert named(n_fresh, "NR_Kludas") == [0] and n_fresh[S_SETTLE][SUMMARY[S_SETTLE]].value in (None, "")
    for wb, names in ((fresh, ("NP_Kopa", "NP_AtlikumsBeigas", "Kopa_Izdevumi")), (n_fresh, ("NR_Kopa", "NRK_Kopa"))):
        for name in names:
            shown = named(wb, name)
            assert len(shown) >= 1 and all(isinstance(v, int | float) for v in shown), (name, shown)
    _check_refused(outputs["korekcija-cita-joma"], sources["korekcija-cita-joma"], (S_REG, f"L{R + 3}"),
                   "šajā atbalsta jomā", REGISTER_AMOUNTS, "Kludu_Skaits", (S_REG, S_CASH, S_QUARTER),
                   "korekcija-cita-joma")
    two = outputs["divas-rindas"]
    assert named(two, "Kludu_Skaits") == [2]
    for sheet in (S_REG, S_CASH, S_QUARTER):
        line = two[sheet][SUMMARY[sheet]].value
        assert line.startswith("Ievades kļūdas 2 rindās vai šūnās "), line
        assert "Pirmā: Kļūda: '29 Naudas plūsma'!D7 – " in line, line
        assert line.endswith("Pārējās – katras lapas ailē „Pārbaude” pa labi no tabulas un 26. lapā pie parametriem "
                             "(ekrānā)."), line
    assert openpyxl.load_workbook(sources["divas-rindas"])[S_CASH]["R6"].value == "Pārbaude"  # the column it names
    earlier = outputs["agraka-korekcija"]
    assert named(earlier, "Kludu_Skaits") == [0] and earlier[S_REG][SUMMARY[S_REG]].value in (None, "")
    check_against_reference(earlier, reg.settlement(data, params), "agrākais korekcijas nosaukums")
    # and left out of 30's SBS document counts as the correction is (D56)
    assert [[c.value for c in row] for row in earlier[S_QUARTER].iter_rows()] == \
        [[c.value for c in row] for row in good[S_QUARTER].iter_rows()]
    wb = outputs["menesis-pirmais"]
    where = _where(wb, *BOUND_CELL)
    assert wb[BOUND_CELL[0]][BOUND_CELL[1]].value == bound
    named_there = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
                   if isinstance(c.value, str) and where in c.value]
    assert not named_there, f"{bound:%d.%m.%Y} atteikts: {named_there}"


def test_the_date_validation_takes_the_same_earliest_day(tmp_path: Path, catalogue: Catalogue) -> None:
    """Every date validation of the report workbooks accepts FIRST_DAY itself and nothing earlier, as the formula
    check does (proven in LibreOffice above): "≥" the day's serial number, in every register and report."""
    from generator.documents.reports.annex_registers import write_questionnaire_register

    municipality = catalogue.pilot_municipalities()[0]
    serial = (FIRST_DAY - dt.date(1899, 12, 30)).days
    # a typed month (29's months in a template made after the round): the first month with every report setting
    # (D201), as its formula check – typing stops where the check would name the cell
    month = earliest_month(catalogue)
    month_serial = (month - dt.date(1899, 12, 30)).days
    assert month > FIRST_DAY
    assert DATE_VALIDATION["criteria"] == ">=" and DATE_VALIDATION["value"].date() == FIRST_DAY
    paths = [write_register_workbook(catalogue, municipality, tmp_path / "r.xlsx", build_date=dt.date(2031, 1, 1)),
             write_questionnaire_register(catalogue, municipality, tmp_path / "a.xlsx")]
    seen, months = 0, 0
    for path in paths:
        for ws in openpyxl.load_workbook(path).worksheets:
            for dv in ws.data_validations.dataValidation:
                if dv.type != "date":
                    continue
                if ws.title == S_CASH and str(dv.sqref).startswith("A"):
                    assert (dv.operator, dv.formula1) == ("greaterThanOrEqual", str(month_serial)), ws.title
                    assert f"{month:%d.%m.%Y}" in dv.error and "atskaites parametru" in dv.error, dv.error
                    months += 1
                    continue
                assert (dv.operator, dv.formula1) == ("greaterThanOrEqual", str(serial)), (path.name, ws.title)
                assert f"{FIRST_DAY:%d.%m.%Y}" in dv.error
                seen += 1
    assert seen >= 3 and months == 1


def test_a_parameter_is_checked_for_its_kind_not_only_for_being_filled(tmp_path: Path, catalogue: Catalogue) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(tmp_path / "p.xlsx"))
    ws = wb.add_worksheet("30")
    fmt = wb.add_format()
    log = ErrorLog()
    rate = parameter(catalogue, "indirect_cost_rate", catalogue.latest_date, SHARE)
    pending_rate = dataclasses.replace(rate, confirmed=False)
    day = parameter(catalogue, "quarterly_report_day", catalogue.latest_date, DAY)
    pending_day = dataclasses.replace(day, confirmed=False)
    r = write_parameter(wb, ws, 4, 2, "P_R", pending_rate, shown=fmt, blank=fmt, error=fmt, log=log)
    d = write_parameter(wb, ws, 5, 2, "P_D", pending_day, shown=fmt, blank=fmt, error=fmt, log=log)
    wb.close()
    rate_ok = typed_value("P_R", "IF(ISNUMBER(P_R),AND(P_R>=0,P_R<=1),FALSE)")
    assert guarded("A1*P_R", r) == f'=IF({rate_ok},A1*P_R,"______")'
    assert guarded("A1", r, d, errors="E") == (
        f'=IF(AND({rate_ok},{typed_value("P_D", "IF(ISNUMBER(P_D),AND(P_D>=1,P_D<=28,P_D=INT(P_D)),FALSE)")},E=0),'
        'A1,"______")')
    sheet = openpyxl.load_workbook(tmp_path / "p.xlsx")["30"]
    # a logical value, then a formula (D267), each in its own words
    assert sheet["D5"].value == (f'=IF(OR(C5="",{typed_value("C5", "IF(ISNUMBER(C5),AND(C5>=0,C5<=1),FALSE)")}),"",'
                                 f'IF({is_logical("C5")},"Kļūda: \'30\'!C5 – jābūt skaitlim, nevis loģiskajai vērtībai.",'
                                 'IF(IFERROR(_xlfn.ISFORMULA(C5),FALSE),"Kļūda: \'30\'!C5 – jābūt vērtībai, nevis formulai '
                                 'vai saitei (ielīmējiet tikai vērtību).","Kļūda: \'30\'!C5 – jābūt procentiem no 0 līdz 100.")))')
    assert log.count() == "=(LEN('30'!$D$5)>0)+(LEN('30'!$D$6)>0)"
    assert log.first() == "=IF(LEN('30'!$D$5)>0,'30'!$D$5,IF(LEN('30'!$D$6)>0,'30'!$D$6,\"\"))"


def test_a_row_check_lists_each_failed_rule_with_its_cell() -> None:
    formula = row_check("28 Reģistrs", [Rule("L7", "L7>=0", "jābūt \"pozitīvai\" summai"), Rule("J7", "J7>0", "x")],
                        active='L7<>""')
    assert formula == ('=IF(L7<>"",TRIM(IF(L7>=0,"","Kļūda: \'28 Reģistrs\'!L7 – jābūt ""pozitīvai"" summai. ")'
                       '&IF(J7>0,"","Kļūda: \'28 Reģistrs\'!J7 – x. ")),"")')
    assert summary("N", "F", "Citur.") == (
        '=IF(N=0,"","Ievades kļūdas "&N&IF(N=1," rindā vai šūnā"," rindās vai šūnās")'
        '&" (summas nerāda, līdz tās izlabo). Pirmā: "&F&IF(N>1," Citur.",""))')


def test_a_rules_flag_not_its_formula_text_says_what_it_refuses() -> None:
    """row_check says a logical value's and a formula's words for a rule flagged so (typed_value flags its
    condition), whatever its formula reads; a hand-written formula that only reads like typed_value's gets its one
    message."""
    said = {kind: row_check("28", [Rule("L7", "L7>=0", "x", refuses=kind)]) for kind in Refuses}
    assert FORMULA_EXPECTED in said[Refuses.PASTED] and LOGICAL_EXPECTED in said[Refuses.PASTED], said
    assert FORMULA_EXPECTED not in said[Refuses.LOGICAL] and LOGICAL_EXPECTED in said[Refuses.LOGICAL], said
    assert LOGICAL_EXPECTED not in said[Refuses.NOTHING], said
    made, no_formula = typed_value("L7", "TRUE"), typed_value("L7", "TRUE", formula=False)
    assert refuses_formula(Rule("L7", made, "x")) and refuses_pasted(Rule("L7", no_formula, "x"))
    assert not refuses_formula(Rule("L7", no_formula, "x"))
    for look_alike in (str(made), f"{made}"):  # the same text, not made by typed_value: no flag
        rule = Rule("L7", look_alike, "x")
        assert rule.refuses is Refuses.NOTHING and not refuses_pasted(rule), rule
        assert LOGICAL_EXPECTED not in row_check("28", [rule])
    assert refuses_formula(Rule("L7", "L7>=0", "x", refuses=Refuses.PASTED))  # given: the flag wins


def test_no_string_operation_loses_typed_values_flag() -> None:
    """review34 §8: typed_value's condition is no str, so a string operation cannot quietly hand a Rule a text without
    its flag: ``+``, ``.replace`` and ``join`` raise; a Rule takes its text and its flag, and keeps them when copied."""
    made = typed_value("L7", "TRUE")
    for operation in (lambda: made + "", lambda: "" + made, lambda: made.replace("L7", "L8"),  # type: ignore[operator, attr-defined]
                      lambda: ",".join([made])):  # type: ignore[list-item]
        with pytest.raises((TypeError, AttributeError)):
            operation()
    rule = Rule("L7", made, "x")
    assert rule.ok == made.text and type(rule.ok) is str and rule.refuses is Refuses.PASTED
    assert dataclasses.replace(rule, cell="L8").refuses is Refuses.PASTED


def test_every_amount_waits_for_right_inputs(tmp_path: Path, catalogue: Catalogue) -> None:
    """Every amount formula of both workbooks is guarded by the count of wrong inputs, and every function any
    report formula uses is one Excel 2010 computes."""
    municipality = catalogue.pilot_municipalities()[0]
    data = register_data(catalogue)
    register = openpyxl.load_workbook(write_register_workbook(catalogue, municipality, tmp_path / "r.xlsx", data))
    for name in REGISTER_AMOUNTS:
        (sheet, ref), = register.defined_names[name].destinations
        cells = register[sheet][ref.replace("$", "")]
        cells = [row[0] for row in cells] if isinstance(cells, tuple) else [cells]
        assert all("Kludu_Skaits=0" in c.value for c in cells), name
    assert "Kludu_Skaits=0" in register[S_REG]["L4"].value
    settlement = openpyxl.load_workbook(write_settlement_workbook(
        catalogue, municipality, tmp_path / "n.xlsx", reg.settlement_inputs(data), data.opening_balance))
    for name in SETTLEMENT_AMOUNTS:
        (sheet, ref), = settlement.defined_names[name].destinations
        cells = settlement[sheet][ref.replace("$", "")]
        cells = [row[0] for row in cells] if isinstance(cells, tuple) else [cells]
        assert all("NR_Kludas=0" in c.value for c in cells), name
    used = {f for wb in (register, settlement) for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith("=")
            for f in re.findall(r"([A-Z][A-Z0-9.]*)\(", FORMULA_IN_IFERROR.sub("IFERROR((", IN_IFERROR.sub(
                "IFERROR(AND(RIGHT(", re.sub(r'"[^"]*"', "", c.value))))}
    assert used <= EXCEL_2010, used - EXCEL_2010


@pytest.mark.parametrize("build_date", [dt.date(2018, 10, 15), dt.date(2031, 1, 1)])
def test_every_eur_input_is_checked_for_whole_cents(tmp_path: Path, catalogue: Catalogue, build_date: dt.date) -> None:
    """Every unlocked money cell of every report workbook (audit29 F4: 29's receipts and opening balance, 27's
    amounts) has a formula check that its value is whole cents (D87), as the register's amounts have."""
    from generator.documents.reports.workbooks import write_report_workbooks

    paths = write_report_workbooks(catalogue, catalogue.municipality("jelgava"), tmp_path, build_date=build_date)
    inputs = 0
    for path in paths:
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            checked = {m.group(1) for row in ws.iter_rows() for c in row if isinstance(c.value, str)
                       and c.value.startswith("=") for m in re.finditer(r"ROUND\(([A-Z]+\d+),2\)=\1\b", c.value)}
            for row in ws.iter_rows():
                for c in row:
                    if "#,##0.00" in (c.number_format or "") and not c.protection.locked:
                        inputs += 1
                        assert c.coordinate in checked, f"{path.name} {ws.title}!{c.coordinate}: nav centu pārbaudes"
    assert inputs >= 400 + 15 + 1 + 15 * 4 + 1


def test_every_amount_validation_allows_fewer_than_two_decimals(tmp_path: Path, catalogue: Catalogue) -> None:
    """12 and 12,5 are whole cents (D156): no validation message of a report workbook asks for exactly two decimals
    (review8 R8-7: the register's L said „ar diviem cipariem aiz komata”)."""
    from generator.documents.reports.workbooks import write_report_workbooks

    paths = write_report_workbooks(catalogue, catalogue.municipality("jelgava"), tmp_path,
                                   build_date=dt.date(2018, 10, 15))
    messages = [dv.error for path in paths for ws in openpyxl.load_workbook(path).worksheets
                for dv in ws.data_validations.dataValidation if dv.error and "cipar" in dv.error]
    assert messages
    assert all("ne vairāk kā diviem cipariem aiz komata" in m and len(m) <= 224 for m in messages), messages
