"""A whole matrix exported to one PDF by LibreOffice in one job (File → Export as PDF, all sheets; the same as
printing the entire workbook): each page's footer names its table and its page on that sheet, "6.3. tabula, 1. lapa",
with no total. Excel and LibreOffice fill "&N" with the pages of the whole print job, so the earlier "Lapa X no Y"
made a one-page signed annex read "Lapa 1 no 26" (audit9 F1; D23, as D58 for the report forms). A signed annex
shows where it ends by its signatures, printed on its last page only. One soffice call."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.recalc import convert, make_profile
from generator.workbook.writer import write_workbook
from tests.workbook.pdf_pages import read_pages

pytestmark = [pytest.mark.libreoffice]

FOOTER = re.compile(r"(6\.\d+)\. tabula, (\d+)\. lapa")
REPO = Path(__file__).resolve().parents[2]
HELP = REPO / "catalogue/metodika/matricas-aizpildisana.md"
SIGNED = ("6.3", "6.5", "6.6", "6.9")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _sheet_markers(xlsx: Path) -> list[tuple[str, str]]:
    """(sheet, the page header text that names it) of every printed sheet, in order."""
    wb = openpyxl.load_workbook(xlsx)
    return [(ws.title, _flat(ws.oddHeader.left.text)) for ws in wb.worksheets if ws.sheet_state == "visible"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> tuple[Path, Path]:
    """(the matrix, the PDF of all its sheets exported at once)."""
    folder = tmp_path_factory.mktemp("visa-gramata")
    matrix = write_workbook(catalogue, folder / "matrica.xlsx", "liepaja")
    [pdf] = convert([matrix], folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))
    return matrix, pdf


def test_footers_name_the_table_and_its_own_page_without_the_jobs_total(exported) -> None:
    xlsx, pdf = exported
    markers = _sheet_markers(xlsx)
    pages = read_pages(pdf)
    texts: dict[str, list[str]] = {}
    at = 0  # sheets print in order: a page belongs to the current sheet or to one after it
    for page in pages:
        text = _flat(page.text)
        found = [i for i, (_, marker) in enumerate(markers) if marker in text and i >= at]
        assert found, f"{page.number}. lappuse: nav lapas galvenes ({text[:80]})"
        at = found[0]
        sheet = markers[at][0]
        texts.setdefault(sheet, []).append(text)
        footer = FOOTER.findall(text)
        assert footer == [(sheet, str(len(texts[sheet])))], f"{page.number}. lappuse ({sheet}): kājene {footer}"
        assert not re.search(r"Lapa \d+ no \d+|\d+\. lapa no", text), f"{page.number}. lappuse: kopējais skaits"
    assert list(texts) == [sheet for sheet, _ in markers], f"drukātās lapas {list(texts)}"
    assert len(pages) > len(texts)  # some sheets longer than a page: the numbers restart
    for sheet in SIGNED:
        signed = [k for k, text in enumerate(texts[sheet], start=1) if "(paraksts)" in text]
        assert signed == [len(texts[sheet])], f"{sheet}: paraksti lappusēs {signed} no {len(texts[sheet])}"


def test_the_help_says_the_workbook_may_be_printed_whole() -> None:
    text = _flat(HELP.read_text(encoding="utf-8"))
    assert "„6.3. tabula, 1. lapa”" in text, f"{HELP.name}: nav paskaidrota kājene"
    assert "Lapa X no Y" not in text and "Drukājiet katru lapu atsevišķi" not in text


DOWNLOADS = REPO / "generator/site/templates/lejupielades.md.j2"


def test_the_downloads_page_says_report_footers_count_each_sheet() -> None:
    """The report templates' footers name the form and its own page (D58): the downloads page no longer asks to
    print them sheet by sheet, and says what the footer shows."""
    text = _flat(DOWNLOADS.read_text(encoding="utf-8"))
    assert "gan pa vienai lapai, gan visu darbgrāmatu uzreiz" in text
    assert "„29. pielikums, 1. lapa”" in text and "Y ir visas darbgrāmatas" not in text
