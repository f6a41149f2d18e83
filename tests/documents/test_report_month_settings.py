"""A setting the ministry changes inside a round (D201): each report month uses the settings in force on its first
day – in the reference settlement and in the report workbooks (their cached values here; LibreOffice's
recalculation month by month in test_report_workbooks.py). A `jāprecizē` later value is a blank input for the
months it is in force in, and only those months wait for it."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_catalogue
from generator.cli_errors import describe
from generator.documents.reports import register as reg
from generator.documents.reports.parameters import PENDING
from generator.documents.reports.register_layout import CASH_FIRST, S_BIP, S_CASH, S_QUARTER
from generator.documents.reports.register_workbook import write_register_workbook
from generator.documents.reports.settlement_workbook import FIRST as SETTLEMENT_FIRST
from generator.documents.reports.settlement_workbook import SHEET as SETTLEMENT_SHEET
from generator.documents.reports.settlement_workbook import write_settlement_workbook
from generator.money import cents
from generator.recalc import make_profile, soffice
from generator.reference.errors import CatalogueGap
from generator.reference.params import Params
from generator.reference.settlement import BIP_PAY, Settlement, month_params, settle
from tests.documents.month_settings_catalogue import (
    RATE_FROM,
    fill_register_template,
    fill_settlement_template,
    with_changes,
)
from tests.documents.test_report_workbooks import check_against_reference
from tests.documents.workbook_values import money, named, recalculated_books

GROSS = Decimal("1000.01")  # odd cents: a half-cent pay share rounds


def register(catalogue: Catalogue, children: int = 9) -> reg.RegisterData:
    """Every pilot month alike: ``children`` children, an employment contract and the same full pay."""
    months = reg.pilot_months(catalogue)
    return reg.RegisterData(
        months=tuple(reg.MonthInput(m, children, Decimal("500.00") if i == 0 else Decimal(0)) for i, m in enumerate(months)),
        rows=tuple(reg.RegisterRow(bip=BIP_PAY, month=m.replace(day=20), amount=GROSS, route=reg.PAYMENT_ROUTES[3],
                                   doc_type="algas saraksts", doc_number=f"A-{i}", payee="Darbinieks",
                                   doc_date=m.replace(day=20))
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


def _column(ws, header_row: int, header: str) -> int:  # noqa: ANN001
    """The 1-based column of ``header`` in ``ws``'s row ``header_row`` (1-based)."""
    return next(c.column for c in ws[header_row] if c.value == header)


def test_a_months_blank_setting_is_right_aligned_and_outside_the_page(tmp_path: Path) -> None:
    """A month's setting still to confirm shows "______" right-aligned as its column's figures (29's and 27's
    columns right of the table); the columns are on screen only (D201): wholly right of the print area, whose
    last column is the table's – none is printed cut."""
    pending = with_changes(tmp_path, pending=("social_worker_children",))
    data = register(pending)
    municipality = pending.pilot_municipalities()[0]
    books = {
        "29": (openpyxl.load_workbook(write_register_workbook(pending, municipality, tmp_path / "r.xlsx", data),
                                      data_only=True)[S_CASH],
               CASH_FIRST, "Iesniegt līdz"),
        "27": (openpyxl.load_workbook(write_settlement_workbook(pending, municipality, tmp_path / "n.xlsx",
                                                                months=reg.settlement_inputs(data),
                                                                opening_balance=0), data_only=True)[SETTLEMENT_SHEET],
               SETTLEMENT_FIRST, "Atlikums mēneša beigās, EUR"),
    }
    for sheet, (ws, header_row, last_header) in books.items():
        col = _column(ws, header_row, "Bērni pilnai atlīdzībai")
        cells = [ws.cell(r, col) for r in range(header_row + 1, header_row + 1 + len(data.months))]
        blanks = [c for c in cells if c.value == PENDING]
        figures = [c for c in cells if isinstance(c.value, int | float)]
        assert blanks and figures, (sheet, [c.value for c in cells])  # 18 from 02.2019 is `jāprecizē`
        assert {c.alignment.horizontal for c in blanks} == {c.alignment.horizontal for c in figures} == {"right"}, sheet
        area = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
        last = column_index_from_string(re.findall(r"\$?([A-Z]+)\$?\d+", area)[-1])
        assert last == _column(ws, header_row, last_header) < col, (sheet, area)


def test_a_round_that_starts_before_a_settings_first_value_is_named_not_a_lookup_error(tmp_path: Path) -> None:
    """The reference and the workbooks settle a month with the settings in force on its first day (D201): for a
    round whose first month precedes a setting's first value there is no figure. `ibm check` warns with the line of
    programme.yaml; the reference and the report workbooks stop with a Latvian message naming the parameter and the
    month (CatalogueGap, shown as it is by the commands) – never a LookupError or the first value used silently."""
    target = tmp_path / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    path = target / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    block = re.search(r"^social_worker_children:\n(?:[ \t].*\n)+", text, flags=re.MULTILINE)
    assert block
    late = re.sub(r"effective_from: \d{4}-\d\d-\d\d", "effective_from: 2018-10-01", block.group(0), count=1)
    path.write_text(text.replace(block.group(0), late), encoding="utf-8")
    line = text[:block.start()].count("\n") + 1 + next(i for i, row in enumerate(late.splitlines())
                                                           if "2018-10-01" in row)
    catalogue, problems = load_catalogue(target)
    assert catalogue is not None
    named_it = [p.format() for p in problems if "social_worker_children" in p.format()]
    assert len(named_it) == 1 and f"programme.yaml:{line}:" in named_it[0], named_it
    assert "01.10.2018" in named_it[0] and "(08.2018)" in named_it[0] and "ne vēlāk kā no 01.08.2018" in named_it[0]
    data = register(catalogue)
    municipality = catalogue.pilot_municipalities()[0]
    expected = "social_worker_children („Bērnu skaits, par kuru sociālajam darbiniekam maksā pilnu atlīdzību”) nav " \
               "vērtības, kas spēkā 01.08.2018"
    for make in (lambda: reference(catalogue, data),
                 lambda: write_register_workbook(catalogue, municipality, tmp_path / "r.xlsx", data),
                 lambda: write_settlement_workbook(catalogue, municipality, tmp_path / "n.xlsx",
                                                   months=reg.settlement_inputs(data), opening_balance=0)):
        with pytest.raises(CatalogueGap) as gap:
            make()
        assert expected in str(gap.value) and "catalogue/programme.yaml" in str(gap.value), gap.value
        assert describe(gap.value) == str(gap.value)  # what the command prints after „Kļūda: ”
    assert not (tmp_path / "r.xlsx").exists() and not (tmp_path / "n.xlsx").exists()


@pytest.mark.libreoffice
@pytest.mark.xdist_group("documents-lo")
def test_a_typed_month_before_the_settings_is_a_wrong_input(tmp_path: Path, changed: Catalogue) -> None:
    """A template made after its round takes typed months; a month before the catalogue's first report settings
    (06.2018: the settings are from 01.08.2018) has none of its own, and the formulas would take the first value
    silently. It is a wrong input: „Pārbaude” says which month is expected and every amount shows "______"
    (D155); 30's quarter 2.2018 likewise."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts: pārrēķina tests izlaists")
    data = register(changed)
    early = dt.date(2018, 6, 1)
    first = data.months[0]
    # 06.2018 for 08.2018, without 10.2019: as many quarters as the template has rows (2.2018–3.2019)
    data = reg.RegisterData(months=(reg.MonthInput(early, first.children, first.receipts), *data.months[1:-1]),
                            rows=(replace(data.rows[0], month=early.replace(day=20)), *data.rows[1:-1]))
    municipality = changed.pilot_municipalities()[0]
    late = dt.date(2031, 1, 1)
    sources = [
        fill_register_template(write_register_workbook(changed, municipality, tmp_path / "r0.xlsx", cached=False,
                                                       build_date=late), tmp_path / "r.xlsx", changed, data),
        fill_settlement_template(write_settlement_workbook(changed, municipality, tmp_path / "n0.xlsx", cached=False,
                                                           build_date=late), tmp_path / "n.xlsx",
                                 list(reg.settlement_inputs(data)), Decimal(0)),
    ]
    register_book, settlement_book = recalculated_books(sources, make_profile(tmp_path / "profile"))
    cash = register_book[S_CASH]
    check = [c.value for c in cash[CASH_FIRST + 1]
             if isinstance(c.value, str) and c.value.startswith("Kļūda")]
    assert check and "ne agrākam par 08.2018" in check[0], check
    assert named(register_book, "Kopa_Netiesas") == [PENDING]
    quarters = [c.value for row in register_book[S_QUARTER].iter_rows() for c in row
                if isinstance(c.value, str) and "ceturksnim, kas beidzas ne agrāk par 08.2018" in c.value]
    assert len(quarters) == 1, quarters  # 2.2018, not 3.2018
    row = [c.value for c in settlement_book[SETTLEMENT_SHEET][SETTLEMENT_FIRST + 1]]
    assert any(isinstance(v, str) and "ne agrākam par 08.2018" in v for v in row), row
    assert named(settlement_book, "NR_Netiesas")[0] == PENDING
