"""One municipality's DOCX documents and report workbooks (from the session's documents build) open in Word
and Excel without repair: every part valid against the ECMA-376 transitional schemas, the package rules and,
for the workbooks, Excel's own rules (tests/ooxml/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from tests.ooxml.assertions import assert_opens_without_repair

pytestmark = pytest.mark.xdist_group("documents-build")

DOCX_PARTS = ("[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/numbering.xml",
              "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "docProps/app.xml")
XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml")


def _files(built: Path, catalogue: Catalogue, suffix: str) -> list[Path]:
    municipality = catalogue.pilot_municipalities()[0].id
    files = sorted(p for p in (built / "lejupielades").rglob(f"*{suffix}") if municipality in p.parts)
    assert files, f"nav {suffix} failu pašvaldībai {municipality}"
    return files


def test_docx_documents_open_without_repair(built: Path, catalogue: Catalogue) -> None:
    for path in _files(built, catalogue, ".docx"):
        assert_opens_without_repair(path, DOCX_PARTS)


def test_report_workbooks_open_without_repair(built: Path, catalogue: Catalogue) -> None:
    for path in _files(built, catalogue, ".xlsx"):
        assert_opens_without_repair(path, XLSX_PARTS)
