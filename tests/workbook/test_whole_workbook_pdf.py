"""A whole workbook exported to one PDF by LibreOffice (File → Export as PDF, all sheets): the footer's
"Lapa X no Y" restarts X on every sheet (pageSetup useFirstPageNumber, xlsxwriter set_start_page(1)), while
LibreOffice 7.4 fills Y with the pages of the whole export, not of the sheet. No footer field counts a sheet's own
pages in such an export (LibreOffice's page count is the document's), and "Lapa X no Y" stays right when a sheet is
printed on its own, so the footers stay as they are: the matrix's help text (catalogue/metodika/matricas-aizpildisana.md)
and the downloads page for the report templates (generator/site/templates/lejupielades.md.j2) say so and tell
people to print sheet by sheet; this test measures both facts, so the texts have to change when either does. The
report templates' footers count no total ("29. pielikums, 1. lapa", D58; tests/documents/test_report_forms_filled.py).
One soffice call for the matrix and a report workbook."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports.workbooks import REGISTER_FILE, write_report_workbooks
from generator.recalc import convert, make_profile
from generator.workbook.writer import write_workbook
from tests.workbook.pdf_pages import read_pages

pytestmark = [pytest.mark.libreoffice]

FOOTER = re.compile(r"Lapa (\d+) no (\d+)")
REPO = Path(__file__).resolve().parents[2]
# Where a person reads how to print each workbook, and the words that tell them.
HELP = {"matrica": (REPO / "catalogue/metodika/matricas-aizpildisana.md", "Drukājiet katru lapu atsevišķi")}
DOWNLOADS = REPO / "generator/site/templates/lejupielades.md.j2"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _sheet_markers(xlsx: Path) -> list[tuple[str, str]]:
    """(sheet, the page header text that names it) of every printed sheet, in order."""
    wb = openpyxl.load_workbook(xlsx)
    markers = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        # the matrix names the annex on the left, a report its title on the right
        text = ws.oddHeader.left.text if ws.oddHeader.left.text.startswith("IBM matrica") else ws.oddHeader.right.text
        markers.append((ws.title, _flat(text)))
    return markers


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict[str, tuple[Path, Path]]:
    """workbook → (xlsx, the PDF of all its sheets exported at once)."""
    folder = tmp_path_factory.mktemp("visa-gramata")
    matrix = write_workbook(catalogue, folder / "matrica.xlsx", "liepaja")
    reports = write_report_workbooks(catalogue, catalogue.municipality("jelgava"), folder / "atskaites")
    register = next(p for p in reports if p.name == REGISTER_FILE)
    books = {"matrica": matrix, "atskaites": register}
    pdfs = convert(list(books.values()), folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))
    return {name: (xlsx, pdf) for (name, xlsx), pdf in zip(books.items(), pdfs, strict=True)}


@pytest.mark.parametrize("book", ["matrica"])  # the reports' footers count no total: tests/documents/test_report_forms_filled.py
def test_page_numbers_restart_on_every_sheet_but_the_total_is_the_whole_export(exported, book: str) -> None:
    xlsx, pdf = exported[book]
    markers = _sheet_markers(xlsx)
    pages = read_pages(pdf)
    numbers: dict[str, list[int]] = {}
    at = 0  # sheets print in order: a page belongs to the current sheet or to one after it
    for page in pages:
        text = _flat(page.text)
        found = [i for i, (_, marker) in enumerate(markers) if marker in text and i >= at]
        assert found, f"{book}, {page.number}. lappuse: nav lapas galvenes ({text[:80]})"
        at = found[0]
        footer = FOOTER.findall(text)
        assert len(footer) == 1, f"{book}, {page.number}. lappuse: kājene {footer}"
        number, total = map(int, footer[0])
        assert total == len(pages), f"{book}, {page.number}. lappuse: „no {total}”, PDF lappušu {len(pages)}"
        numbers.setdefault(markers[at][0], []).append(number)
    assert list(numbers) == [sheet for sheet, _ in markers], f"{book}: drukātās lapas {list(numbers)}"
    assert len(numbers) > 1 and len(pages) > len(numbers)  # several sheets, some longer than a page
    for sheet, seen in numbers.items():
        assert seen == list(range(1, len(seen) + 1)), f"{book} {sheet}: lappušu numuri {seen}"


@pytest.mark.parametrize("book", sorted(HELP))
def test_the_help_tells_to_print_sheet_by_sheet_and_why(book: str) -> None:
    path, advice = HELP[book]
    text = _flat(path.read_text(encoding="utf-8"))
    assert advice in text, f"{path.name}: nav norādes drukāt pa lapai"
    assert "Y ir visas darbgrāmatas lappušu skaits" in text, f"{path.name}: nav paskaidrots, kāpēc"


def test_the_downloads_page_says_report_footers_count_each_sheet() -> None:
    """The report templates' footers name the form and its own page (D58): the downloads page no longer asks to
    print them sheet by sheet, and says what the footer shows."""
    text = _flat(DOWNLOADS.read_text(encoding="utf-8"))
    assert "gan pa vienai lapai, gan visu darbgrāmatu uzreiz" in text
    assert "„29. pielikums, 1. lapa”" in text and "Y ir visas darbgrāmatas" not in text
