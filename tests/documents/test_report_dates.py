"""Report templates (27, 29, 30, 31) never print a period or due date that has passed on their build date:
while the children's round runs they carry its months and due dates, once it has ended the month (and
year/quarter) cells are blank unlocked inputs with date validation and a note saying where dates come from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents import terms
from generator.documents.reports import register as reg
from generator.documents.reports.activity import FIRST_ROW as ACTIVITY_FIRST
from generator.documents.reports.activity import SHEET as ACTIVITY_SHEET
from generator.documents.reports.register_layout import S_CASH, S_QUARTER
from generator.documents.reports.settlement_workbook import SHEET as SETTLEMENT_SHEET
from generator.documents.reports.workbooks import write_report_workbooks
from generator.reference.params import Params
from tests.documents.workbook_values import named

DATED_FILES = ("izdevumu-registrs-un-parskati.xlsx", "sd-menesa-atskaite.xlsx", "norekini-ar-pasvaldibu.xlsx")


def _round(catalogue: Catalogue) -> terms.Round:
    programme_round = terms.current_round(catalogue, dt.date(2019, 1, 1))
    assert programme_round is not None
    return programme_round


def _workbooks(catalogue: Catalogue, folder: Path, build_date: dt.date | None) -> dict[str, tuple]:
    municipality = catalogue.pilot_municipalities()[0]
    paths = write_report_workbooks(catalogue, municipality, folder, build_date=build_date)
    return {p.name: (openpyxl.load_workbook(p), openpyxl.load_workbook(p, data_only=True))
            for p in paths if p.name in DATED_FILES}


def _dates(wb: openpyxl.Workbook) -> list[tuple[str, dt.date]]:
    return [(f"{ws.title}!{cell.coordinate}", cell.value.date())
            for ws in wb.worksheets for row in ws.iter_rows() for cell in row
            if isinstance(cell.value, dt.datetime)]


def test_no_report_template_shows_a_passed_date_after_the_round(catalogue: Catalogue, tmp_path: Path) -> None:
    today = dt.date.today()
    assert terms.term_end(terms.current_round(catalogue, today), today) is None, "katalogā ir kārta, kas vēl notiek"
    books = _workbooks(catalogue, tmp_path, None)
    assert set(books) == set(DATED_FILES)
    for name, (formulas, values) in books.items():
        assert _dates(values) == [], name  # neither a typed date nor a cached due date
        assert _dates(formulas) == [], name
    register, register_values = books["izdevumu-registrs-un-parskati.xlsx"]
    end = terms.current_round(catalogue, today).end.strftime("%d.%m.%Y")
    for sheet, first, cols in ((S_CASH, 7, "A"), (S_QUARTER, 6, "AB")):
        ws = register[sheet]
        months = [ws[f"{c}{first + i}"] for i in range(3) for c in cols]
        assert all(c.value is None and not c.protection.locked for c in months), sheet
        assert any(f"{c}{first}" in str(v.sqref) and v.type in ("date", "whole")
                   for v in ws.data_validations.dataValidation for c in cols), sheet
        notes = [c.value for row in ws.iter_rows(max_row=first + 30) for c in row if isinstance(c.value, str)]
        assert any("nav iepriekš aizpildītas" in n and end in n for n in notes), sheet
        # the round named is the children's programme's round of this municipality (audit13 F8; D113, D118)
        assert any("pašvaldības pēdējā bērnu programmas kārta (" in n for n in notes), sheet
    assert any(str(c.value).startswith("Gada un ceturkšņa ailes nav iepriekš aizpildītas")
               and "Gadu un ceturksni" in c.value
               for row in register_values[S_QUARTER].iter_rows() for c in row), "30: piezīme par gadu un ceturksni"
    assert all(v in ("", None) for v in named(register_values, "NP_Termins") + named(register_values, "CP_Termins"))
    settlement = books["norekini-ar-pasvaldibu.xlsx"][0][SETTLEMENT_SHEET]
    assert settlement["A9"].value is None and not settlement["A9"].protection.locked
    activity = books["sd-menesa-atskaite.xlsx"][0][ACTIVITY_SHEET]
    month = f"C{ACTIVITY_FIRST}"  # the first month's heading, above the first activity
    assert activity[month].value is None and not activity[month].protection.locked
    assert "nav iepriekš aizpildītas" in activity[f"B{ACTIVITY_FIRST - 1}"].value
    texts = [c.value for pair in books.values() for wb in pair for ws in wb.worksheets for row in ws.iter_rows()
             for c in row if isinstance(c.value, str)]
    assert not [t for t in texts if "iepildīt" in t]  # „pour in”: not filled in beforehand (audit28 F10)


def test_report_templates_carry_the_running_rounds_dates(catalogue: Catalogue, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    programme_round = _round(catalogue)
    inside = programme_round.start + dt.timedelta(days=40)

    class _Inside(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return inside

    monkeypatch.setattr(reg.dt, "date", _Inside)  # the build date defaults to today
    periods = reg.report_periods(catalogue)
    monkeypatch.undo()
    assert periods.dated and periods.months[0] == programme_round.start.replace(day=1)
    assert periods.months[-1] == programme_round.end.replace(day=1)
    books = _workbooks(catalogue, tmp_path, inside)
    register = books["izdevumu-registrs-un-parskati.xlsx"][1]
    expected = reg.settlement(reg.empty_register(catalogue, periods),
                              Params.from_catalogue(catalogue, catalogue.latest_date))
    assert [v.date() for v in named(register, "NP_Menesis")] == list(periods.months)
    assert [v.date() for v in named(register, "NP_Termins")] == [m.due for m in expected.months]
    assert named(register, "CP_Gads") == [q.year for q in expected.quarters]
    assert [v.date() for v in named(register, "CP_Termins")] == [q.due for q in expected.quarters]
    settlement = books["norekini-ar-pasvaldibu.xlsx"][1]
    assert [v.date() for v in named(settlement, "NR_Menesis")] == list(periods.months)
    activity = books["sd-menesa-atskaite.xlsx"][1][ACTIVITY_SHEET]
    assert activity[f"C{ACTIVITY_FIRST}"].value.date() == periods.months[0]
    # The day after the round's end the same templates are blank again.
    after = _workbooks(catalogue, tmp_path / "pec", programme_round.end + dt.timedelta(days=1))
    assert all(_dates(values) == [] for _, values in after.values())


def test_after_the_round_the_month_rows_hold_no_example_values(catalogue: Catalogue, tmp_path: Path) -> None:
    """Once the round has ended, 29's and 27's month rows belong to whichever round a report is made for: the
    children and the employment contract are blank unlocked inputs like the months (not the ended round's
    planned 10 children, "Jā" and the 50 % share that followed from them; D37), the share and every other amount
    of a row print empty until its month is typed, and the blank rows are no wrong inputs (no "Ievades kļūdas")."""
    books = _workbooks(catalogue, tmp_path, None)
    register, register_values = books["izdevumu-registrs-un-parskati.xlsx"]
    settlement, settlement_values = books["norekini-ar-pasvaldibu.xlsx"]
    rows = len(named(register_values, "NP_Menesis"))
    assert rows > 10
    for wb, values, sheet, first, (children_col, contract_col), share, errors in (
            (register, register_values, S_CASH, 7, "BC", "NP_Berni", "Kludu_Skaits"),
            (settlement, settlement_values, SETTLEMENT_SHEET, 9, "BD", "NR_Dala", "NR_Kludas")):
        ws = wb[sheet]
        for col in (children_col, contract_col):
            cells = [ws[f"{col}{first + i}"] for i in range(rows)]
            assert {c.value for c in cells} <= {None, ""}, f"{sheet} {col}: {[c.value for c in cells][:3]}"
            assert not any(c.protection.locked for c in cells), f"{sheet} {col}"
        if share == "NR_Dala":  # 29's share column has no name of its own: F
            shares = named(values, share)
        else:
            shares = [values[sheet][f"F{first + i}"].value for i in range(rows)]
        assert set(shares) == {None}, f"{sheet}: {shares[:3]}"  # the cached "" of an unused row
        assert named(values, errors) == [0], sheet
        contracts = [v for v in ws.data_validations.dataValidation if f"{contract_col}{first}" in str(v.sqref)]
        assert contracts and contracts[0].type == "list", sheet
