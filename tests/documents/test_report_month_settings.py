"""A setting the ministry changes inside a round (D201): each report month uses the settings in force on its first
day – in the reference settlement and in the report workbooks (their cached values here; LibreOffice's
recalculation month by month in test_report_workbooks.py). A `jāprecizē` later value is a blank input for the
months it is in force in, and only those months wait for it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import register as reg
from generator.documents.reports.parameters import PENDING
from generator.documents.reports.settlement_workbook import write_settlement_workbook
from generator.documents.reports.workbooks import S_BIP, S_CASH, write_register_workbook
from generator.money import cents
from generator.reference.params import Params
from generator.reference.settlement import BIP_PAY, Settlement, month_params, settle
from tests.documents.month_settings_catalogue import RATE_FROM, with_changes
from tests.documents.test_report_workbooks import check_against_reference
from tests.documents.workbook_values import money, named

GROSS = Decimal("1000.01")  # odd cents: a half-cent pay share rounds


def register(catalogue: Catalogue, children: int = 9) -> reg.RegisterData:
    """Every pilot month alike: ``children`` children, an employment contract and the same full pay."""
    months = reg.pilot_months(catalogue)
    return reg.RegisterData(
        months=tuple(reg.MonthInput(m, children, Decimal("500.00") if i == 0 else Decimal(0)) for i, m in enumerate(months)),
        rows=tuple(reg.RegisterRow(bip=BIP_PAY, month=m.replace(day=20), amount=GROSS, route=reg.PAYMENT_ROUTES[3],
                                   doc_type="algas saraksts", doc_number=f"A-{i}", payee="Darbinieks")
                   for i, m in enumerate(months)))


def reference(catalogue: Catalogue, data: reg.RegisterData) -> Settlement:
    return reg.settlement(data, month_params(catalogue, Params.from_catalogue(catalogue, catalogue.latest_date)))


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return with_changes(tmp_path_factory.mktemp("mainas"))


def test_the_reference_settles_each_month_with_the_settings_of_its_first_day(changed: Catalogue) -> None:
    result = reference(changed, register(changed))
    by_month = {m.month: m for m in result.months}
    october, november = by_month[dt.date(2018, 10, 1)], by_month[RATE_FROM]
    # the same inputs: the rate dated 15.10.2018 applies from November, the month that begins after it
    pay = cents(GROSS * 9 / 20)
    assert october.amounts.pay == november.amounts.pay == pay
    assert october.amounts.indirect == cents(pay * Decimal("0.15")) != november.amounts.indirect
    assert november.amounts.indirect == cents(pay * Decimal("0.12"))
    # 18 children for full pay from 02.2019: 9 children are half of it, not 9/20
    assert by_month[dt.date(2019, 1, 1)].pay_share == Decimal(9) / 20
    assert by_month[dt.date(2019, 2, 1)].pay_share == Decimal(1) / 2
    assert by_month[dt.date(2019, 2, 1)].amounts.pay == cents(GROSS / 2)
    # the monthly report day 5 from 01.01.2019: December's report is due on 10.01, January's on 05.02
    assert by_month[dt.date(2018, 12, 1)].due == dt.date(2019, 1, 10)
    assert by_month[dt.date(2019, 1, 1)].due == dt.date(2019, 2, 5)
    # the quarterly day 20 from 20.05.2019: in force on 01.06, the first day of the 2nd quarter's last month
    quarters = {(q.year, q.quarter): q.due for q in result.quarters}
    assert quarters[(2019, 1)] == dt.date(2019, 4, 28)
    assert quarters[(2019, 2)] == dt.date(2019, 7, 20)
    # one Params for every month (the earlier call) still settles every month alike
    alike = settle(reg.settlement_inputs(register(changed)), Params.from_catalogue(changed, changed.latest_date))
    assert {m.amounts.indirect for m in alike.months} == {cents(cents(GROSS / 2) * Decimal("0.12"))}


def test_the_register_workbook_shows_each_months_settings(changed: Catalogue, tmp_path: Path) -> None:
    data = register(changed)
    expected = reference(changed, data)
    path = write_register_workbook(changed, changed.pilot_municipalities()[0], tmp_path / "r.xlsx", data)
    values = openpyxl.load_workbook(path, data_only=True)
    check_against_reference(values, expected, "iestrādātie rezultāti")
    # 26 lists both rates with their dates, 29 shows per month the one in force
    assert named(values, "Param_NetiesasLikme") == [0.15] and named(values, "Param_NetiesasLikme_2") == [0.12]
    labels = [c.value for row in values[S_BIP].iter_rows() for c in row if isinstance(c.value, str)]
    assert any("(no 15.10.2018)" in text for text in labels)
    cash = values[S_CASH]
    header = [c.value for c in cash[6]]
    rates = [row[header.index("Netiešo izmaksu likme")].value for row in cash.iter_rows(min_row=7, max_row=21)]
    assert rates == [0.15] * 3 + [0.12] * 12
    formulas = openpyxl.load_workbook(path)
    (sheet, ref), = formulas.defined_names["NP_Netiesas"].destinations
    column = [row[0].value for row in formulas[sheet][ref.replace("$", "")]]
    assert "$R9" in column[2] and "$R10" in column[3]  # each month's rate from its own row's cell
    rate_cells = [row[header.index("Netiešo izmaksu likme")].value for row in formulas[S_CASH].iter_rows(min_row=7, max_row=21)]
    assert rate_cells[2] == "=Param_NetiesasLikme" and rate_cells[3] == "=Param_NetiesasLikme_2"


def test_the_settlement_workbook_takes_each_months_settings(changed: Catalogue, tmp_path: Path) -> None:
    data = register(changed)
    expected = reference(changed, data)
    path = write_settlement_workbook(changed, changed.pilot_municipalities()[0], tmp_path / "n.xlsx",
                                     months=reg.settlement_inputs(data), opening_balance=0)
    values = openpyxl.load_workbook(path, data_only=True)
    assert [money(v) for v in named(values, "NR_Netiesas")] == [m.amounts.indirect for m in expected.months]
    assert [money(v) for v in named(values, "NR_Atlidziba")] == [m.amounts.pay for m in expected.months]
    assert named(values, "NR_NetiesasLikme_2") == [0.12] and named(values, "NR_BerniPilnai_2") == [18]
    assert money(named(values, "NRK_AtlikumsBeigas")[0]) == expected.closing_balance
    texts = [c.value for row in values.worksheets[0].iter_rows() for c in row if isinstance(c.value, str)]
    assert any("15\u00a0%, no 15.10.2018 – 12\u00a0%" in text for text in texts)  # the intro names both rates


def test_a_pending_later_value_is_a_blank_for_its_months_only(tmp_path: Path) -> None:
    pending = with_changes(tmp_path, pending=("indirect_cost_rate",))
    data = register(pending)
    expected = reference(pending, data)
    path = write_register_workbook(pending, pending.pilot_municipalities()[0], tmp_path / "r.xlsx", data)
    values = openpyxl.load_workbook(path, data_only=True)
    assert named(values, "Param_NetiesasLikme") == [0.15] and named(values, "Param_NetiesasLikme_2") == [None]
    formulas = openpyxl.load_workbook(path)
    (sheet, ref), = formulas.defined_names["Param_NetiesasLikme_2"].destinations
    assert formulas[sheet][ref.replace("$", "")].protection.locked is False
    indirect = named(values, "NP_Netiesas")
    before = [m.month < RATE_FROM for m in expected.months]
    assert [money(v) for v, early in zip(indirect, before, strict=True) if early] == \
        [m.amounts.indirect for m, early in zip(expected.months, before, strict=True) if early]
    assert {v for v, early in zip(indirect, before, strict=True) if not early} == {PENDING}
    assert named(values, "Kopa_Netiesas") == [PENDING] and named(values, "Kopa_AtlikumsBeigas") == [PENDING]
    # a balance and a quarter wait only for the values their months use
    closing = named(values, "NP_AtlikumsBeigas")
    assert [money(v) for v in closing[:3]] == [m.closing_balance for m in expected.months[:3]]
    assert set(closing[3:]) == {PENDING}
    assert money(named(values, "CP_Netiesas")[0]) == expected.quarters[0].amounts.indirect  # 08–09.2018
    assert named(values, "CP_Netiesas")[1] == PENDING  # 10–12.2018: November and December wait
    # the months before it do not wait for the blank: their formulas do not test it
    (sheet, ref), = formulas.defined_names["NP_Netiesas"].destinations
    column = [row[0].value for row in formulas[sheet][ref.replace("$", "")]]
    assert "Param_NetiesasLikme_2" not in column[0] and "Param_NetiesasLikme_2" in column[3]
