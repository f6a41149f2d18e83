"""The register workbook's month and quarter rules (audit35 F1–F4, F12; D172), filled as a municipality fills
the template made after the round (its months and quarters are inputs) and recalculated by LibreOffice in one
call:

- a month cell of 29 may hold any day of its month: 29 sums the register from the month's first day (F1);
- a register row's reporting month must be one of the months listed on 29, not only a day between the first and
  the last (a gap month's rows would vanish from 29's and 30's totals; F2);
- a month typed twice or out of order on 29, and a quarter typed twice on 30, is an input error (F3);
- a BIP 1.3 row needs its service (else its spending drops out of 30's support areas; F4);
- one wrong amount is one error: a correction is not reported as too large while an amount of its month and
  position is wrong, and the line above the amounts shows the first message of a row only (F12).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import register as reg
from generator.documents.reports.parameters import PENDING
from generator.documents.reports.register_layout import (
    CASH_FIRST,
    QUARTER_FIRST,
    REG_FIRST,
    S_CASH,
    S_QUARTER,
    S_REG,
)
from generator.documents.reports.register_workbook import write_register_workbook
from generator.recalc import make_profile, soffice
from generator.reference.settlement import BIP_PAY, BIP_SBS
from tests.documents.workbook_values import money, named, recalculated_books

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("documents-lo")]

SERVICE = "3.1.2i Ergoterapeits, individuāli"
ROUTE = reg.PAYMENT_ROUTES[0]
R = REG_FIRST + 1  # 1-based row of the register's first entry
SUMMARY = {S_REG: "B4", S_CASH: "F4", S_QUARTER: "E4"}
JAN, FEB, MAR = dt.datetime(2019, 1, 1), dt.datetime(2019, 2, 1), dt.datetime(2019, 3, 1)
# type, BIP, service, units, amount, reporting month (any day of it)
ROWS = (
    ("rēķins", BIP_SBS, SERVICE, 4, 128.00, dt.datetime(2019, 1, 10)),
    ("algas saraksts", BIP_PAY, None, None, 950.00, dt.datetime(2019, 1, 31)),
    ("rēķins", BIP_SBS, SERVICE, 3, 85.50, dt.datetime(2019, 2, 3)),
    (reg.CORRECTION, BIP_SBS, SERVICE, -1, -32.00, dt.datetime(2019, 2, 5)),
)
SBS_BY_MONTH = [Decimal("128.00"), Decimal("53.50")]


def _fill(source: Path, target: Path, labels: dict[str, str], months: tuple[dt.datetime, ...],
          quarters: tuple[tuple[int, int], ...] = ((2019, 1),), changes: dict[tuple[str, str], object] | None = None
          ) -> Path:
    wb = openpyxl.load_workbook(source)
    ws = wb[S_REG]
    for i, (kind, bip, service, units, amount, month) in enumerate(ROWS):
        r = R + i
        for col, value in {2: kind, 3: f"D-{i + 1}", 4: dt.datetime(2019, 1, 28), 6: "SIA Piemērs", 7: labels[bip],
                           9: service, 10: month, 11: units, 12: amount, 13: ROUTE, 14: "Jā"}.items():
            ws.cell(r, col, value)
    cash = wb[S_CASH]
    for i, month in enumerate(months):
        for col, value in ((1, month), (2, 12), (3, "Jā"), (4, 3000.0 if i == 0 else 0.0)):
            cash.cell(CASH_FIRST + 1 + i, col, value)
    for i, (year, quarter) in enumerate(quarters):
        wb[S_QUARTER].cell(QUARTER_FIRST + 1 + i, 1, year)
        wb[S_QUARTER].cell(QUARTER_FIRST + 1 + i, 2, quarter)
    for (sheet, ref), value in (changes or {}).items():
        wb[sheet][ref] = value
    wb.save(target)
    return target


# case → (months on 29, quarters on 30, pasted changes)
CASES = {
    "pirmie-datumi": ((JAN, FEB), ((2019, 1),), {}),
    # F1: the 15th of each month; the register's 10.01 and 03.02 still belong to January and February
    "15-datumi": ((JAN.replace(day=15), FEB.replace(day=15)), ((2019, 1),), {}),
    # F2: January and March listed, February's rows are not in any listed month
    "iztrukst-februaris": ((JAN, MAR), ((2019, 1),), {}),
    # F3: January twice (another day of it), a month before the one above, a quarter twice
    "menesis-divreiz": ((JAN, JAN.replace(day=15), FEB), ((2019, 1),), {}),
    "menesi-dilstosi": ((FEB, JAN), ((2019, 1),), {}),
    "ceturksnis-divreiz": ((JAN, FEB), ((2019, 1), (2019, 1)), {}),
    # F4: a BIP 1.3 row without its service
    "sbs-bez-pakalpojuma": ((JAN, FEB), ((2019, 1),), {(S_REG, f"I{R}"): None}),
    # F12: a text amount in February's invoice: one error, not also "the correction exceeds" on the next row
    "summa-teksts": ((JAN, FEB), ((2019, 1),), {(S_REG, f"L{R + 2}"): "abc"}),
    # F12: two wrong cells in one row: the line above the amounts shows the first message only
    "divas-kludas-rinda": ((JAN, FEB), ((2019, 1),), {(S_REG, f"G{R + 1}"): "BIP 9.9 Cits",
                                                      (S_REG, f"L{R + 1}"): 950.005}),
    # audit32a F2: a row whose month is emptied (its receipt kept) or never typed kept its money in 29's totals and
    # not in 30's; it needs its month (D172)
    "menesis-notirits": ((JAN, FEB), ((2019, 1),), {(S_CASH, f"A{CASH_FIRST + 2}"): None,
                                                    (S_CASH, f"D{CASH_FIRST + 2}"): 500.0}),
    "rinda-bez-meneša": ((JAN, FEB), ((2019, 1),), {(S_CASH, f"B{CASH_FIRST + 3}"): 5, (S_CASH, f"C{CASH_FIRST + 3}"): "Jā",
                                                    (S_CASH, f"D{CASH_FIRST + 3}"): 200.0}),
    # audit32a F3 (D260): 30 sums 29's months by the quarters typed on it – another quarter or year, none, or a
    # half-filled row printed 0,00 as a confirmed report
    "cits-ceturksnis": ((JAN, FEB), ((2019, 2),), {}),
    "cits-gads": ((JAN, FEB), ((2030, 1),), {}),
    "bez-ceturkšņa": ((JAN, FEB), (), {}),
    "ceturksnis-bez-gada": ((JAN, FEB), ((2019, 1),), {(S_QUARTER, f"A{QUARTER_FIRST + 1}"): None}),
    "gads-bez-ceturkšņa": ((JAN, FEB), ((2019, 1),), {(S_QUARTER, f"A{QUARTER_FIRST + 2}"): 2019}),
}


def _messages(wb: openpyxl.Workbook) -> list[str]:
    return [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith("Kļūda:")]


@pytest.fixture(scope="module")
def outputs(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> dict[str, openpyxl.Workbook]:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts: pārrēķina tests izlaists")
    folder = tmp_path_factory.mktemp("menesu-noteikumi")
    municipality = catalogue.pilot_municipalities()[0]
    # made after the round: months, years and quarters are inputs
    source = write_register_workbook(catalogue, municipality, folder / "src.xlsx", build_date=dt.date(2031, 1, 1),
                                     cached=False)
    labels = {code: reg.bip_label(catalogue, code) for code in reg.ENTERED_BIPS}
    files = {case: _fill(source, folder / f"{case}.xlsx", labels, months, quarters, changes)
             for case, (months, quarters, changes) in CASES.items()}
    books = recalculated_books(list(files.values()), make_profile(folder / "profile"))
    return dict(zip(files, books, strict=True))


def _refused(wb: openpyxl.Workbook, count: int, where: str, words: str) -> None:
    assert named(wb, "Kludu_Skaits") == [count]
    messages = _messages(wb)
    assert any(m.startswith(f"Kļūda: {where} – ") and words in m for m in messages), messages
    assert set(named(wb, "Kopa_SBS")) == {PENDING}


def test_a_month_counts_from_its_first_day_whichever_day_is_typed(outputs: dict[str, openpyxl.Workbook]) -> None:
    for case in ("pirmie-datumi", "15-datumi"):
        wb = outputs[case]
        assert named(wb, "Kludu_Skaits") == [0], (case, _messages(wb))
        assert [money(v) for v in named(wb, "NP_SBS")[:2]] == SBS_BY_MONTH, case
        assert money(named(wb, "NP_Atlidziba")[0]) > 0 and money(named(wb, "NP_Atlidziba")[1]) == 0, case
        assert money(named(wb, "Kopa_SBS")[0]) == sum(SBS_BY_MONTH), case
        assert money(named(wb, "CP_SBS")[0]) == sum(SBS_BY_MONTH), case
        assert money(named(wb, "RR_SBS_Joma3")[0]) == sum(SBS_BY_MONTH), case


def test_a_register_month_must_be_listed_on_29(outputs: dict[str, openpyxl.Workbook]) -> None:
    wb = outputs["iztrukst-februaris"]
    for r in (R + 2, R + 3):
        _refused(wb, 2, f"'{S_REG}'!J{r}", "ierakstīts 29. lapas ailē „Mēnesis”")


def test_each_month_and_quarter_once_and_months_in_order(outputs: dict[str, openpyxl.Workbook]) -> None:
    _refused(outputs["menesis-divreiz"], 1, f"'{S_CASH}'!A{CASH_FIRST + 2}", "jau ierakstīts augstākā rindā")
    _refused(outputs["menesi-dilstosi"], 1, f"'{S_CASH}'!A{CASH_FIRST + 2}", "augošā secībā")
    _refused(outputs["ceturksnis-divreiz"], 1, f"'{S_QUARTER}'!B{QUARTER_FIRST + 2}", "jau ierakstīts augstākā rindā")


def test_a_row_with_data_needs_its_month(outputs: dict[str, openpyxl.Workbook]) -> None:
    # the emptied month's register rows are not in a listed month either: each named (D172)
    _refused(outputs["menesis-notirits"], 3, f"'{S_CASH}'!A{CASH_FIRST + 2}", "jābūt mēnesim, jo šīs rindas ailes")
    _refused(outputs["rinda-bez-meneša"], 1, f"'{S_CASH}'!A{CASH_FIRST + 3}", "jābūt mēnesim, jo šīs rindas ailes")
    assert set(named(outputs["rinda-bez-meneša"], "Kopa_Sanemts")) == {PENDING}


def test_each_month_on_29_is_in_a_quarter_typed_on_30(outputs: dict[str, openpyxl.Workbook]) -> None:
    missing = "šī mēneša ceturksnis nav ierakstīts 30. lapā"
    for case in ("cits-ceturksnis", "cits-gads"):
        for row in (CASH_FIRST + 1, CASH_FIRST + 2):
            _refused(outputs[case], 2, f"'{S_CASH}'!A{row}", missing)
        assert set(named(outputs[case], "CP_Kopa")) <= {PENDING, "", None}, case
    # 30 not begun (no year, no quarter): 29 is used alone, month by month, with its figures (30's note says its
    # quarters are not typed yet)
    wb = outputs["bez-ceturkšņa"]
    assert named(wb, "Kludu_Skaits") == [0], _messages(wb)
    assert [money(v) for v in named(wb, "NP_SBS")[:2]] == SBS_BY_MONTH
    _refused(outputs["ceturksnis-bez-gada"], 3, f"'{S_QUARTER}'!A{QUARTER_FIRST + 1}", "jābūt gadam, jo")
    _refused(outputs["gads-bez-ceturkšņa"], 1, f"'{S_QUARTER}'!B{QUARTER_FIRST + 2}", "jābūt ceturksnim, jo")


def test_an_sbs_row_needs_its_service(outputs: dict[str, openpyxl.Workbook]) -> None:
    _refused(outputs["sbs-bez-pakalpojuma"], 1, f"'{S_REG}'!I{R}", f"pozīcijai BIP {BIP_SBS} – obligāti")


def test_one_wrong_amount_is_one_error_and_the_first_message_is_one(outputs: dict[str, openpyxl.Workbook]) -> None:
    wb = outputs["summa-teksts"]
    _refused(wb, 1, f"'{S_REG}'!L{R + 2}", "jābūt skaitlim")
    assert not [m for m in _messages(wb) if "korekcijas pārsniedz" in m]
    assert wb[S_REG][SUMMARY[S_REG]].value.startswith("Ievades kļūdas 1 rindā vai šūnā ")
    two = outputs["divas-kludas-rinda"]
    assert named(two, "Kludu_Skaits") == [1]
    row = [m for m in _messages(two) if f"'{S_REG}'!G{R + 1}" in m]
    assert row and row[0].count("Kļūda:") == 2, row  # the row's check cell keeps both
    for sheet, cell in SUMMARY.items():
        line = two[sheet][cell].value
        first = line.split("Pirmā: ", 1)[1]
        assert first.startswith(f"Kļūda: '{S_REG}'!G{R + 1} – ") and first.count("Kļūda:") == 1, line
        assert first.endswith("(26. lapa)."), line
