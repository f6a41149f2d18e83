"""Every report workbook names the catalogue version (D58; the documents' footers name the form and the day made, D80): "kataloga versija 02e8ff79"
in the footer of every sheet, and nowhere "Veidnes versija … (katalogs 01.04.2023)", whose catalogue date read like
the date of a price list or of the report itself (the matrix header says "cenas uz DD.MM.GGGG" instead, D91)."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.documents.docx_format import footer_version
from generator.documents.outputs import REPORT_WORKBOOKS
from generator.documents.reports.workbooks import write_report_workbooks

DATE = re.compile(r"\d{2}\.\d{2}\.\d{4}")


@pytest.fixture(scope="module", params=["jelgava", "liepaja"])
def workbooks(request: pytest.FixtureRequest, catalogue: Catalogue,
              tmp_path_factory: pytest.TempPathFactory) -> dict[str, openpyxl.Workbook]:
    folder = tmp_path_factory.mktemp(f"kajenes-{request.param}")
    paths = write_report_workbooks(catalogue, catalogue.municipality(request.param), folder)
    return {Path(p).stem: openpyxl.load_workbook(p) for p in paths}


def test_every_report_workbook_is_read(workbooks) -> None:  # noqa: ANN001
    assert set(workbooks) == set(REPORT_WORKBOOKS)


def test_every_sheets_footer_names_the_catalogue_version_as_the_documents(workbooks, catalogue: Catalogue) -> None:  # noqa: ANN001
    wanted = footer_version(catalogue.version)
    assert wanted == f"kataloga versija {lvformat.version_id(catalogue.version)}"
    sheets = 0
    for name, wb in workbooks.items():
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            sheets += 1
            for part in (ws.oddFooter, ws.evenFooter, ws.firstFooter, ws.oddHeader):
                for section in (part.left, part.center, part.right):
                    text = section.text or ""
                    assert "katalogs" not in text.lower() and "veidnes versija" not in text.lower(), (name, ws.title, text)
                    assert not DATE.search(text), (name, ws.title, text)
            assert ws.oddFooter.left.text == wanted, (name, ws.title, ws.oddFooter.left.text)
    assert sheets >= len(REPORT_WORKBOOKS)


def test_no_printed_cell_gives_the_catalogue_date_as_the_version(workbooks, catalogue: Catalogue) -> None:  # noqa: ANN001
    """The note under 26's title (and any other cell) says the version as the footer, not "(katalogs 01.04.2023)"."""
    old = lvformat.version(catalogue.version)  # "02e8ff79 (katalogs 01.04.2023)"
    found = []
    for name, wb in workbooks.items():
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and (old in cell.value or "veidnes versija" in cell.value.lower()):
                        found.append(f"{name} {ws.title}!{cell.coordinate}: {cell.value[:80]}")
    assert not found, "\n".join(found)
