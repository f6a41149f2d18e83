"""What the report forms put on paper, read from the workbooks as written (no LibreOffice): a signature is a
white line, not a yellow input (29, 30, 31, 27); the quality questionnaires (35–38) print their first rows only,
the others wait in collapsed groups like the registers' rows; the provider list (17) prints no screen
instructions on its area headings; sheet 26 and every other report workbook hold the names' inputs, prefilled only
with confirmed names, that each form's intro line shows (D57, D64); 31 asks for the month a signed copy reports
(D55)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.party_names import REPORT_BLANKS, as_reported, municipal_documents_day
from generator.documents.reports import institution_names as institutions
from generator.documents.reports import row_groups
from generator.documents.reports.activity import REPORT_MONTH
from generator.documents.reports.activity import SHEET as ACTIVITY_SHEET
from generator.documents.reports.printing import SIGNATURE_LABELS
from generator.documents.reports.register_layout import REGISTER_FILE, S_BIP
from tests.documents.workbook_values import report_workbooks

YELLOW = "FFF9D6"


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict[str, openpyxl.Workbook]:
    return report_workbooks(catalogue, "valmiera", tmp_path_factory.mktemp("atskaites-papirs"))


def _fill(cell) -> str:  # noqa: ANN001
    return (cell.fill.fgColor.rgb or "")[-6:] if cell.fill and cell.fill.fill_type else ""


def test_a_signature_is_a_white_line(workbooks) -> None:
    found = 0
    for wb in workbooks.values():
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value != SIGNATURE_LABELS[1]:  # "Paraksts"
                        continue
                    field = next(c for c in ws[cell.row] if c.column > cell.column and c.border.bottom.style)
                    assert _fill(field) != YELLOW and field.protection.locked, f"{ws.title}!{field.coordinate}"
                    found += 1
    assert found == 5  # 28, 29, 30, 31, 27


def test_questionnaires_print_only_their_first_rows(workbooks) -> None:
    sheets = [ws for ws in workbooks["kvalitates-anketas.xlsx"].worksheets if ws.title[:2] in ("35", "36", "37", "38")]
    assert len(sheets) == 4
    for ws in sheets:
        numbered = [r for r in range(1, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, int)]
        hidden = [r for r in numbered if ws.row_dimensions[r].hidden]
        assert len(numbered) - len(hidden) == row_groups.SHOWN, ws.title
        # how to open more rows on screen: a comment above the rows, not printed (D215)
        notes = [c.comment.text for row in ws.iter_rows(max_row=4) for c in row if c.comment]
        assert any("Rādītas pirmās" in t for t in notes), ws.title


def test_provider_headings_carry_no_screen_instructions(workbooks) -> None:
    ws = workbooks["sniedzeju-saraksts.xlsx"].worksheets[0]
    headings = [c.value for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and "ar norādītu sniedzēju: " in c.value]
    assert headings and not any("atver" in h for h in headings), headings[:2]


def test_sheet_26_holds_the_names_inputs(workbooks, catalogue: Catalogue) -> None:
    wb = workbooks[REGISTER_FILE]
    reported = as_reported(catalogue, catalogue.municipality("valmiera"),
                           municipal_documents_day(catalogue, dt.date.today()))
    for name, field, kind, _ in institutions.INPUTS:
        (sheet, ref), = wb.defined_names[name].destinations
        cell = wb[sheet][ref.replace("$", "")]
        assert sheet == S_BIP and not cell.protection.locked and _fill(cell) == YELLOW, name
        shown = getattr(reported, field)
        assert (cell.value or "") == ("" if shown == REPORT_BLANKS[kind] else shown), name
    intros = [c.value for ws in wb.worksheets for c in ws[2] if isinstance(c.value, str) and "Iestade_" in c.value]
    # 26, 28 (and its copy above the columns of the pages across, D173), 29, 30
    assert len(intros) == 5 and all(institutions.MUNICIPALITY in f and institutions.SERVICE in f for f in intros)
    settlement = workbooks["norekini-ar-pasvaldibu.xlsx"]
    for name, *_ in institutions.INPUTS:
        (sheet, ref), = settlement.defined_names[name].destinations
        cell = settlement[sheet][ref.replace("$", "")]
        assert not cell.protection.locked and _fill(cell) == YELLOW, name


def test_the_monthly_report_asks_which_month_it_reports(workbooks) -> None:
    ws = workbooks["sd-menesa-atskaite.xlsx"][ACTIVITY_SHEET]
    (label,) = [c for row in ws.iter_rows(max_row=5) for c in row if c.value == REPORT_MONTH]
    # the single month field says it is the month of this signed copy, not one of the 15 month columns (audit13 F11)
    assert label.value == "Atskaite par mēnesi"
    field = next(c for c in ws[label.row] if c.column > label.column + 4 and _fill(c) == YELLOW)
    assert not field.protection.locked and "yyyy" in field.number_format
    assert any("pārskata mēnesī" in str(c.value) for row in ws.iter_rows() for c in row)


def test_every_report_workbook_has_the_names_inputs_and_every_form_shows_them(workbooks, catalogue: Catalogue) -> None:
    """Not only the register workbook and 27: 31, 17, 24 and 35–38 have the two yellow name inputs too (D64),
    prefilled only with names confirmed for the build day, typed as text; each printed sheet's intro line is a
    locked formula over both, so a typed name shows on every form (found: 31, 17, 24 and 35–38 printed
    "Pašvaldība ______" or the unconfirmed name and had no input)."""
    reported = as_reported(catalogue, catalogue.municipality("valmiera"),
                           municipal_documents_day(catalogue, dt.date.today()))
    assert len(workbooks) == 6
    for file, wb in workbooks.items():
        for name, field, kind, _ in institutions.INPUTS:
            (sheet, ref), = wb.defined_names[name].destinations
            cell = wb[sheet][ref.replace("$", "")]
            assert not cell.protection.locked and _fill(cell) == YELLOW, f"{file}: {name}"
            shown = getattr(reported, field)
            assert (cell.value or "") == ("" if shown == REPORT_BLANKS[kind] else shown), f"{file}: {name}"
            assert cell.data_type in ("s", "n") and not str(cell.value or "").startswith("="), f"{file}: {name}"
            # its label is the nearest text left of it
            label = [c.value for c in wb[sheet][cell.row] if c.column < cell.column and isinstance(c.value, str)][-1]
            assert label.startswith(("Pašvaldība", "Sociāl")), f"{file}: {name} – {label}"
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            intros = [c for row in ws.iter_rows(max_row=3) for c in row
                      if isinstance(c.value, str) and c.value.startswith("=") and institutions.MUNICIPALITY in c.value
                      and institutions.SERVICE in c.value]
            # one intro line, and on a sheet wider than a page (28, 17, 24) a copy of its names above the columns
            # of the pages across, in the same repeated row (D173)
            across = ws.title in ("28 Reģistrs", "17 Sniedzēji", "24 Aptauju reģistrs")
            assert len(intros) == 1 + across and all(c.protection.locked for c in intros), f"{file}: {ws.title}"
            assert len({c.row for c in intros}) == 1, f"{file}: {ws.title}"
