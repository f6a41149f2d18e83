"""Catalogue parameters in the report workbooks (generator.documents.reports.parameters): a `jāprecizē` parameter
is never shown as a figure near a signature; it is a blank input with validation and a note, and every formula
that uses it shows "______" (not an amount computed with 0) until the blank is filled. LibreOffice's
recalculation of the same workbooks is proven in test_report_workbooks.py and test_annex_workbooks.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports.input_checks import ErrorLog
from generator.documents.reports.parameters import INTEGER, PENDING, guarded, parameter, write_parameter
from generator.documents.reports.register_workbook import write_register_workbook
from generator.documents.reports.settlement_workbook import write_settlement_workbook
from tests.documents.pending_parameters import mark_pending
from tests.documents.workbook_values import named


@pytest.fixture
def pending_catalogue(catalogue_copy: Path) -> Catalogue:
    return mark_pending(catalogue_copy)


def _cell(wb: openpyxl.Workbook, name: str):  # noqa: ANN202
    (sheet, ref), = wb.defined_names[name].destinations
    return wb[sheet][ref.replace("$", "")]


def _validated(ws, coordinate: str) -> bool:  # noqa: ANN001
    return any(coordinate in v.sqref for v in ws.data_validations.dataValidation)


def _texts(wb: openpyxl.Workbook) -> list[str]:
    return [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def _blank_input(wb: openpyxl.Workbook, name: str, source: str) -> None:
    cell = _cell(wb, name)
    assert cell.value is None, f"{name}: nepārbaudīts skaitlis {cell.value!r}"
    assert cell.protection.locked is False, f"{name}: tukšajai šūnai jābūt aizpildāmai"
    assert _validated(cell.parent, cell.coordinate), f"{name}: nav datu validācijas"
    assert cell.comment and "jāprecizē" in cell.comment.text and source in cell.comment.text, name


def test_register_shows_no_figure_for_an_unconfirmed_parameter(tmp_path: Path, pending_catalogue: Catalogue) -> None:
    municipality = pending_catalogue.pilot_municipalities()[0]
    # A build date inside the round, so the months and due dates are printed (test_report_dates.py).
    path = write_register_workbook(pending_catalogue, municipality, tmp_path / "r.xlsx",
                                   build_date=dt.date(2019, 1, 1))
    wb = openpyxl.load_workbook(path)
    _blank_input(wb, "Param_BerniPilnai", "„III.1 IBM ieviešanas nosacījumi”")
    _blank_input(wb, "Param_CeturksnaDiena", "„III.2.2 Atskaišu sagatavošana”")
    rate = _cell(wb, "Param_NetiesasLikme")  # confirmed: the figure, locked
    assert rate.value == 0.15 and rate.protection.locked
    assert not any("min(bērnu skaits; 20)" in t for t in _texts(wb))
    assert any("min(bērnu skaits; ______)" in t for t in _texts(wb))
    assert any(t.startswith(f"„{PENDING}” – katalogā parametrs vēl nav apstiprināts") for t in _texts(wb))
    # Every formula that uses a pending parameter waits for it.
    formulas = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=")]
    for name in ("Param_BerniPilnai", "Param_CeturksnaDiena"):
        users = [f for f in formulas if name in f]
        assert users and all(f.startswith("=IF(") and f"IF(ISNUMBER({name})," in f and f.endswith(f',"{PENDING}")')
                             for f in users), name
    # What a viewer that does not recalculate shows: blanks, never the reference's numbers.
    cached = openpyxl.load_workbook(path, data_only=True)
    for name in ("NP_Atlidziba", "NP_Netiesas", "NP_Kopa", "NP_AtlikumsBeigas", "CP_Atlidziba", "CP_Kopa",
                 "CP_Termins", "Kopa_Atlidziba", "Kopa_Izdevumi", "Kopa_AtlikumsBeigas"):
        assert set(named(cached, name)) == {PENDING}, name
    assert all(isinstance(v, float) for v in named(cached, "NP_Transports"))
    assert all(v.year >= 2018 for v in named(cached, "NP_Termins"))  # its day is confirmed


def test_settlement_shows_no_figure_for_an_unconfirmed_parameter(tmp_path: Path,
                                                                 pending_catalogue: Catalogue) -> None:
    municipality = pending_catalogue.pilot_municipalities()[0]
    path = write_settlement_workbook(pending_catalogue, municipality, tmp_path / "n.xlsx")
    wb = openpyxl.load_workbook(path)
    _blank_input(wb, "NR_BerniPilnai", "„III.1 IBM ieviešanas nosacījumi”")
    assert not any("ar 20 bērniem" in t for t in _texts(wb))
    cached = openpyxl.load_workbook(path, data_only=True)
    for name in ("NR_Dala", "NR_Atlidziba", "NR_Kopa", "NR_AtlikumsBeigas"):  # month rows: empty while unused
        assert set(named(cached, name)) <= {PENDING, None}, name
    for name in ("NRK_Atlidziba", "NRK_Kopa", "NRK_AtlikumsBeigas", "NRK_Norekins"):
        assert set(named(cached, name)) == {PENDING}, name
    verdict = _cell(cached, "NRK_Norekins").offset(column=-4)
    assert verdict.value == PENDING  # not "pašvaldība atmaksā LM" on an unknown balance
    assert named(cached, "NRK_Transports") == [0]


def test_confirmed_parameters_keep_plain_formulas(tmp_path: Path, catalogue: Catalogue) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(tmp_path / "p.xlsx"))
    ws = wb.add_worksheet("P")
    fmt = wb.add_format()
    param = parameter(catalogue, "social_worker_children", catalogue.latest_date, INTEGER)
    cell = write_parameter(wb, ws, 0, 0, "P_N", param, shown=fmt, blank=fmt, error=fmt, log=ErrorLog())
    wb.close()
    assert param.confirmed and param.text == "20"
    assert guarded("A1*P_N", cell) == "=A1*P_N"


def test_templates_leave_the_children_blank_while_the_plan_is_unconfirmed(tmp_path: Path,
                                                                         catalogue_copy: Path) -> None:
    pending = mark_pending(catalogue_copy, ("selection_quotas",))
    assert pending.programme.selection_quotas.at(pending.latest_date).status.value == "jāprecizē"
    municipality = pending.pilot_municipalities()[0]
    register = openpyxl.load_workbook(write_register_workbook(pending, municipality, tmp_path / "r.xlsx"))
    assert set(named(register, "NP_Berni")) == {None}
    settlement = openpyxl.load_workbook(write_settlement_workbook(pending, municipality, tmp_path / "n.xlsx"))
    ws = settlement.worksheets[0]
    counts = [ws.cell(row=9 + i, column=2) for i in range(len(named(settlement, "NR_Menesis")))]
    assert {c.value for c in counts} == {None} and not any(c.protection.locked for c in counts)


def test_a_blank_settlement_says_nothing_about_the_advance(tmp_path: Path, catalogue: Catalogue) -> None:
    """A form with no money received or spent prints no verdict and no amount (it printed "norēķins pabeigts 0,00",
    which on paper reads as a settled advance; audit13 F10); once a month has figures the verdict is there."""
    from decimal import Decimal

    from generator.reference.settlement import SettlementMonth

    municipality = catalogue.pilot_municipalities()[0]
    blank = write_settlement_workbook(catalogue, municipality, tmp_path / "tukss.xlsx", build_date=dt.date(2026, 1, 1))
    amount = _cell(openpyxl.load_workbook(blank, data_only=True), "NRK_Norekins")
    assert amount.value in (None, "") and amount.offset(column=-4).value in (None, "")
    formula = _cell(openpyxl.load_workbook(blank), "NRK_Norekins").offset(column=-4).value
    assert formula.count('"norēķins pabeigts"') == 1 and 'AND(N(G' in formula and ',"",IF(' in formula
    month = SettlementMonth(dt.date(2019, 4, 1), 20, Decimal("1000.00"), receipts=Decimal("5000"))
    filled = write_settlement_workbook(catalogue, municipality, tmp_path / "n.xlsx", months=[month])
    amount = _cell(openpyxl.load_workbook(filled, data_only=True), "NRK_Norekins")
    assert amount.offset(column=-4).value == "pašvaldība atmaksā LM" and amount.value > 0
