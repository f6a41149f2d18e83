"""The questionnaire register (24) and the provider list (17) on paper, printed by LibreOffice one sheet at a time
(generator/documents/reports/row_groups.py): an empty register or list prints one page down, not its 300 rows or
every service's requirements; rows a person has filled print once their group is open, and a filled row left in a
collapsed group makes a red warning print. One soffice call for every case."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports import row_groups
from generator.documents.reports.annex_registers import (
    FIRST,
    write_provider_list,
    write_questionnaire_register,
)
from generator.recalc import convert, make_profile
from tests.workbook.pdf_clip import cut_runs
from tests.workbook.pdf_pages import Page, one_sheet_copies, read_pages

pytestmark = pytest.mark.libreoffice

S24 = "24 Aptauju reģistrs"
S17 = "17 Sniedzēji"
FILLED = 25  # questionnaire rows typed: five more than the rows a new register shows
PROVIDER = "SIA Paraugs {}"


def _flat(pages: list[Page]) -> str:
    return " ".join(" ".join(p.text.replace("\u00a0", " ").split()) for p in pages)


def _blocks(pages: list[Page], first_strip: str) -> int:
    """Pages down: the sheets print at 100 % and continue to the right with their label columns; only the first
    strip of columns holds the header ``first_strip``, on every page down."""
    return sum(first_strip in " ".join(p.text.split()) for p in pages)


def _open(ws, level: int) -> None:  # noqa: ANN001 - an openpyxl worksheet
    """Open the outline groups up to ``level`` as a person does with "+"."""
    for r, dims in list(ws.row_dimensions.items()):
        if dims.outlineLevel and dims.outlineLevel <= level:
            dims.hidden = False
        below = ws.row_dimensions[r + 1].outlineLevel or 0
        if below > (dims.outlineLevel or 0) and below <= level:
            dims.collapsed = False


def _questionnaires(source: Path, target: Path, opened: bool) -> Path:
    wb = openpyxl.load_workbook(source)
    ws = wb[S24]
    for i in range(FILLED):
        ws.cell(row=FIRST + 1 + i, column=2, value=f"KODS-{i + 1:03d}")
    if opened:
        _open(ws, 1)
    wb.save(target)
    return target


def _providers(source: Path, target: Path, catalogue: Catalogue, area: int, opened: bool) -> Path:
    """A provider typed for every service of support ``area``; its group opened or left closed."""
    wb = openpyxl.load_workbook(source)
    ws = wb[S17]
    ids = {s.id for s in catalogue.sorted_services() if s.area == area}
    for r in range(FIRST + 1, ws.max_row + 1):
        if ws.cell(row=r, column=1).value in ids:
            ws.cell(row=r, column=5, value=PROVIDER.format(ws.cell(row=r, column=1).value))
            if opened:
                ws.row_dimensions[r].hidden = False
                ws.row_dimensions[r - 1].collapsed = False  # the heading row above the first opened row
    wb.save(target)
    return target


@pytest.fixture(scope="module")
def printed_pdfs(calibri_metrics: None, catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory
                 ) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("registri-druka")
    municipality = catalogue.municipality("jelgava")
    register = write_questionnaire_register(catalogue, municipality, folder / "r24.xlsx")
    providers = write_provider_list(catalogue, municipality, folder / "r17.xlsx")
    books = {
        "24-tukss": (register, S24),
        "24-aizverts": (_questionnaires(register, folder / "r24-aizverts.xlsx", False), S24),
        "24-atverts": (_questionnaires(register, folder / "r24-atverts.xlsx", True), S24),
        "17-tukss": (providers, S17),
        "17-aizverts": (_providers(providers, folder / "r17-aizverts.xlsx", catalogue, 2, False), S17),
        "17-atverts": (_providers(providers, folder / "r17-atverts.xlsx", catalogue, 1, True), S17),
    }
    copies = {}
    for name, (path, sheet) in books.items():
        copy = one_sheet_copies(path, folder)[sheet]
        copies[name] = copy.rename(copy.with_name(f"{name}.xlsx"))
    pdfs = convert(list(copies.values()), folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))
    return dict(zip(copies, pdfs, strict=True))


@pytest.fixture(scope="module")
def printed(printed_pdfs: dict[str, Path]) -> dict[str, list[Page]]:
    return {name: read_pages(pdf) for name, pdf in printed_pdfs.items()}


def test_wrapped_notes_keep_their_last_line(printed_pdfs: dict[str, Path]) -> None:
    """The red warning above the rows, shown when a filled row is left in a closed group, prints every line
    inside its row (its height: note_height)."""
    hidden = [f"{name}: {cut}" for name, pdf in printed_pdfs.items() for cut in cut_runs(pdf, below=True) if cut.below]
    assert not hidden, "piezīmes rinda nav redzama:\n" + "\n".join(hidden)


def test_an_empty_questionnaire_register_prints_one_page_down(printed: dict[str, list[Page]]) -> None:
    pages = printed["24-tukss"]
    assert _blocks(pages, "Aizpildīšanas datums") == 1, f"{len(pages)} lapas"
    text = _flat(pages)
    # the hint on the "+" buttons is for the screen (a comment, D215): the paper neither shows it nor warns
    assert "pa kreisi no rindu numuriem" not in text and "UZMANĪBU" not in text
    lines = {line.split()[0] for p in pages for line in p.text.splitlines() if line.strip()}
    assert str(row_groups.SHOWN) in lines and str(row_groups.SHOWN + 1) not in lines


def test_filled_questionnaire_rows_print_or_warn(printed: dict[str, list[Page]]) -> None:
    closed = _flat(printed["24-aizverts"])
    shown = row_groups.SHOWN
    assert f"KODS-{shown:03d}" in closed and f"KODS-{shown + 1:03d}" not in closed
    assert " ".join(row_groups.WARNING.split()) in closed
    opened = _flat(printed["24-atverts"])
    assert all(f"KODS-{i:03d}" in opened for i in range(1, FILLED + 1))
    assert row_groups.WARNING not in opened


def test_an_empty_provider_list_prints_its_areas_on_one_page(printed: dict[str, list[Page]],
                                                             catalogue: Catalogue) -> None:
    pages = printed["17-tukss"]
    assert _blocks(pages, "Atbalsta joma") == 1, f"{len(pages)} lapas"
    text = _flat(pages)
    for area in catalogue.enums.support_areas:
        assert f"{area.number}. {area.name_lv}" in text
    assert "pa kreisi no rindu numuriem" not in text and "UZMANĪBU" not in text  # screen only (D215)
    requirements = catalogue.sorted_services()[0].description.prasibas_sniedzejiem.teksts
    assert " ".join(requirements.split())[:40] not in text, "aizvērtas jomas pakalpojumi izdrukāti"


def test_providers_print_in_an_opened_area_and_warn_in_a_closed_one(printed: dict[str, list[Page]],
                                                                  catalogue: Catalogue) -> None:
    closed = _flat(printed["17-aizverts"])
    assert " ".join(row_groups.WARNING.split()) in closed
    assert "SIA Paraugs" not in closed
    assert "ar norādītu sniedzēju: 5" in closed  # the closed area's heading counts its providers
    opened = _flat(printed["17-atverts"])
    assert row_groups.WARNING not in opened
    area_1 = [s.id for s in catalogue.sorted_services() if s.area == 1]
    assert all(PROVIDER.format(sid) in opened for sid in area_1), area_1
    area_3 = next(s for s in catalogue.sorted_services() if s.area == 3)
    assert " ".join(area_3.description.prasibas_sniedzejiem.teksts.split())[:40] not in opened
