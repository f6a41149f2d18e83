"""What the report templates' labels say (audit30): a total says what it sums and why 28's differs from 29/30's
(F2, F9), every money heading of 29 carries its unit (F3), the questionnaire register (24) and 31 name the
project's server and the ESF questionnaire only for a round whose rules confirm them (F10, D135), and 27's
settlement says it is not final until the round's last month has figures (F11)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PROCEDURE_FIELDS
from generator.documents.reports import register as reg
from generator.documents.reports.register_layout import CASH_FIRST, REG_TOTAL_ROW, S_CASH, S_REG
from generator.documents.reports.register_workbook import write_register_workbook
from generator.documents.reports.settlement_workbook import (
    NOT_FINAL,
    SHEET,
    TOTAL_LABEL,
    write_settlement_workbook,
)
from generator.documents.reports.workbooks import write_report_workbooks
from generator.reference.settlement import BIP_INDIRECT, BIP_PAY, SettlementMonth
from tests.documents.test_report_later_round import BUILD_DAY, LATER
from tests.round_yaml import catalogue_with_round, children_round_entry


def _texts(path: Path) -> list[str]:
    return [c.value for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str)]


def test_registers_total_says_why_it_is_not_the_reports(tmp_path: Path, catalogue: Catalogue) -> None:
    path = write_register_workbook(catalogue, catalogue.pilot_municipalities()[0], tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    label = wb[S_REG].cell(REG_TOTAL_ROW + 1, 9).value
    assert label.startswith("Kopā visās reģistra rindās, EUR")
    assert f"BIP {BIP_PAY} – pilnā atlīdzība" in label and f"ieskaita tikai tās daļu un pieskaita BIP {BIP_INDIRECT}" in label, label
    # 29: every money column's heading names the unit, and the opening balance names the period as the closing one
    ws = wb[S_CASH]
    heads = {c.column: c.value for c in ws[CASH_FIRST]}
    money = [col for col, c in enumerate(ws[CASH_FIRST + 1], start=1) if "0.00" in (c.number_format or "")
             and "%" not in c.number_format]
    assert len(money) >= 9
    assert all(heads[col].endswith(", EUR") for col in money), [heads[c] for c in money]
    assert "Atlikums pārskata perioda sākumā, EUR" in _texts(path)


def _month(day: dt.date, pay: str) -> SettlementMonth:
    return SettlementMonth(month=day, children=12, sw_gross_pay=Decimal(pay), sw_transport=Decimal(0),
                           sbs_payments=Decimal(0), receipts=Decimal("3000.00") if day.month == 9 else Decimal(0),
                           employment_contract=True)


@pytest.mark.parametrize("last_filled", [False, True], ids=["karta-turpinas", "pedejais-menesis"])
def test_settlement_is_final_only_with_the_last_month(tmp_path: Path, catalogue: Catalogue, last_filled: bool) -> None:
    months = [_month(dt.date(2018, m, 1), "950.00") for m in range(9, 13)]
    months[-1] = _month(months[-1].month, "950.00" if last_filled else "0")
    path = write_settlement_workbook(catalogue, catalogue.pilot_municipalities()[0], tmp_path / "27.xlsx", months,
                                     Decimal(0))
    ws = openpyxl.load_workbook(path)[SHEET]
    values = openpyxl.load_workbook(path, data_only=True)[SHEET]
    (total,) = [c for row in ws.iter_rows() for c in row if c.value == TOTAL_LABEL]
    assert ws.cell(total.row, total.column + 4).value.startswith("=")  # the first total, right of the merged label
    (unit,) = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and NOT_FINAL in c.value]
    last = total.row - 1  # the round's last month
    assert all(f"{col}{last}" in unit.value for col in "CEFG"), unit.value
    assert values[unit.coordinate].value == ("EUR" if last_filled else f"EUR – {NOT_FINAL}")


def _procedures(**flags: bool) -> str:
    lines = "".join(f"      {name}: {str(flags.get(name, False)).lower()}\n" for name in PROCEDURE_FIELDS)
    return f"    procedures:\n      status: apstiprināts\n      source: \"Testa dati\"\n{lines}"


@pytest.mark.parametrize("server", [False, True], ids=["bez-procedurām", "serveris-apstiprināts"])
def test_server_and_esf_only_where_the_round_confirms_them(tmp_path: Path, server: bool) -> None:
    entry = children_round_entry("berni-2026", LATER, dt.date(2026, 9, 1), dt.date(2027, 12, 31),
                                 services=(dt.date(2026, 10, 1), dt.date(2027, 11, 30)))
    later = catalogue_with_round(tmp_path / "catalogue",
                                 entry + (_procedures(ftp_server=True, esf_questionnaire=True) if server else ""))
    paths = {p.name: p for p in write_report_workbooks(later, later.municipality("liepaja"), tmp_path / "out",
                                                       build_date=BUILD_DAY)}
    register = _texts(paths["aptauju-registrs.xlsx"])
    on_server = [t for t in register if "serverī" in t]
    esf = [t for t in register if t.startswith("25. pielikums")]
    activity = " ".join(_texts(paths["sd-menesa-atskaite.xlsx"]))
    if server:
        assert on_server and esf and "glabā Dienestā un projekta serverī." in activity
    else:
        assert not on_server and not esf, (on_server, esf)
        assert any("Dienesta noteiktajā elektroniskajā glabātavā" in t for t in register)
        assert "FTP" not in activity and "glabā Dienestā." in activity


def test_the_pilot_keeps_its_server_and_esf_questionnaire(tmp_path: Path, catalogue: Catalogue) -> None:
    paths = {p.name: p for p in write_report_workbooks(catalogue, catalogue.municipality("liepaja"), tmp_path,
                                                       build_date=dt.date(2018, 11, 15))}
    register = _texts(paths["aptauju-registrs.xlsx"])
    assert "Oriģinālu glabā klienta lietā, skenējumu ievieto projekta serverī." in register
    assert any(t.startswith("25. pielikums – ") for t in register)
    assert reg.round_procedures(catalogue, "liepaja", dt.date(2018, 11, 15))["ftp_server"]
