"""Report workbooks on paper: every sheet has a print area, the municipality's name in the page header and
the form's name and page ("28. pielikums, 2. lapa") in the footer; 28 (audit29 F9), 29, 30 and 31 end with "Sagatavoja /
Paraksts / Datums" inside the print area;
the register (28) takes corrections as negative amounts and its total says what it sums."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.docx_format import footer_version
from generator.documents.party_names import as_reported, municipal_documents_day
from generator.documents.reports import institution_names as institutions
from generator.documents.reports import register as reg
from generator.documents.reports.activity import ACTIVITY_FILE
from generator.documents.reports.printing import SIGNATURE_LABELS
from generator.documents.reports.register_layout import REGISTER_FILE
from tests.documents.workbook_values import report_workbooks


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict[str, openpyxl.Workbook]:
    return report_workbooks(catalogue, "jelgava", tmp_path_factory.mktemp("atskaites"))


def _sheets(workbooks: dict[str, openpyxl.Workbook]):  # noqa: ANN202
    for wb in workbooks.values():
        for ws in wb.worksheets:
            if ws.sheet_state == "visible":
                yield ws


def _print_rows(ws) -> tuple[int, int]:  # noqa: ANN001
    area = ws.print_area
    assert area, f"{ws.title}: nav drukas apgabala"
    ref = (area[0] if isinstance(area, list) else area).split("!")[-1].replace("$", "")
    first, last = ref.split(":")
    return int("".join(c for c in first if c.isdigit())), int("".join(c for c in last if c.isdigit()))


def test_every_report_sheet_prints_with_header_footer_and_area(workbooks, catalogue: Catalogue) -> None:
    # the name confirmed for the build day, or "Pašvaldība ______" (D43)
    day = municipal_documents_day(catalogue, dt.date.today())
    reported = as_reported(catalogue, catalogue.municipality("jelgava"), day)
    sheets = list(_sheets(workbooks))
    assert {ws.title[:2] for ws in sheets} >= {"28", "29", "30", "26", "31", "27", "24", "17", "35", "Ko"}
    # every form has the names' inputs (institution_names, D64): a typed name shows in the intro, the header
    # only a confirmed one, never a blank "Pašvaldība ______" to write by hand
    for ws in sheets:
        assert (ws.oddHeader.left.text or "") == institutions.header_name(reported), ws.title
        assert "______" not in (ws.oddHeader.left.text or ""), ws.title
        # the form and the sheet's own page, no total: "&N" counts the whole print job (page_label)
        assert re.fullmatch(r"\d+\.(–\d+\.)? pielikums, &P\. lapa", ws.oddFooter.right.text.strip()), ws.title
        assert ws.oddFooter.left.text == footer_version(catalogue.version), ws.title  # D58
        # Numbered per sheet: 29 prints as "1. lapa", not as page 7 of the workbook.
        assert ws.page_setup.useFirstPageNumber and int(ws.page_setup.firstPageNumber or 1) == 1, ws.title
        assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape", ws.title
        first, last = _print_rows(ws)
        assert first == 1 and last >= ws.max_row - 1, f"{ws.title}: drukas apgabals {first}–{last}, rindas {ws.max_row}"
        assert ws.print_title_rows, ws.title


@pytest.mark.parametrize("prefix", ["28", "29", "30", "31"])
def test_signed_reports_end_with_the_signature_block_inside_the_print_area(workbooks, prefix: str) -> None:
    ws = next(ws for ws in _sheets(workbooks) if ws.title.startswith(prefix))
    _, last = _print_rows(ws)
    labels = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value in SIGNATURE_LABELS:
                labels[cell.value] = cell.row
    assert set(labels) == set(SIGNATURE_LABELS), ws.title
    if prefix == "28":  # one row among the repeated ones, above the total: on every page across (D242)
        [row] = set(labels.values())
        first_title, last_title = (int(n) for n in re.findall(r"\d+", ws.print_title_rows))
        assert first_title <= row <= last_title, (ws.print_title_rows, row)
        assert ws.cell(row + 1, 9).value.startswith("Kopā visās reģistra rindās"), ws.title
        return
    assert sorted(labels.values()) == list(range(min(labels.values()), min(labels.values()) + 3)), ws.title
    assert max(labels.values()) == last, f"{ws.title}: paraksts ārpus drukas apgabala"


def test_register_takes_labelled_corrections_and_names_what_the_total_sums(workbooks) -> None:
    ws = workbooks[REGISTER_FILE]["28 Reģistrs"]
    texts = [str(c.value) for row in ws.iter_rows(max_row=6) for c in row if c.value]
    assert any(t.startswith("Kopā visās reģistra rindās, EUR") for t in texts)
    assert any("korekcija – ar mīnusa zīmi" in t for t in texts)
    validations = [v for v in ws.data_validations.dataValidation if "L" in str(v.sqref).split(":")[0]]
    assert len(validations) == 1 and validations[0].type == "custom"
    assert "B6=Korekcija" in validations[0].formula1 and ">=0" in validations[0].formula1
    lists = workbooks[REGISTER_FILE]["Saraksti"]
    assert reg.CORRECTION in [c.value for c in lists["C"]]
    for prefix, label in (("29", "Kopā par visiem pārskata mēnešiem"), ("30", "Kopā par visiem ceturkšņiem")):
        sheet = next(s for s in workbooks[REGISTER_FILE].worksheets if s.title.startswith(prefix))
        assert label in [c.value for c in sheet["A"]], prefix
    activity = workbooks[ACTIVITY_FILE].worksheets[0]
    assert "Kopā par visiem mēnešiem" in [c.value for row in activity.iter_rows(max_row=8) for c in row]


def test_report_headers_escape_an_ampersand(tmp_path: Path, catalogue: Catalogue) -> None:
    from generator.documents.reports.printing import _escaped

    assert _escaped("A & B") == "A && B"


def test_activity_report_takes_the_agreement_date_as_a_date(workbooks) -> None:
    ws = workbooks[ACTIVITY_FILE].worksheets[0]
    label = next(c for row in ws.iter_rows() for c in row if c.value == "Saskaņots ar LM projekta komandu (datums)")
    field = ws.cell(row=label.row, column=label.column + 1)
    assert field.protection.locked is False and field.number_format == "dd.mm.yyyy"
    rules = [v for v in ws.data_validations.dataValidation if field.coordinate in v.sqref]
    assert len(rules) == 1 and rules[0].type == "date"
