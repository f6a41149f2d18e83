"""6.11's list of invalid inputs on paper, printed by LibreOffice (6.11 alone, as a person prints it): its first
INVALID_VISIBLE rows always print (a paper copy names the first invalid cells), the rest sit in collapsed outline
groups, so that a matrix without invalid inputs prints a few empty rows instead of the whole grid; while a listed
cell sits in a hidden row, the status line prints a red warning; rows a person opens with "+" print. One soffice
call for every case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import convert, make_profile
from generator.workbook.names import write
from generator.workbook.sheets.technical import (
    HIDDEN_INVALID,
    INVALID_FIRST,
    INVALID_SHOWN,
    INVALID_STATUS,
    INVALID_VISIBLE,
    NO_INVALID,
    SHEET,
)
from generator.workbook.writer import write_workbook
from tests.workbook.conftest import require_soffice
from tests.workbook.pdf_pages import Page, one_sheet_copies, read_pages

pytestmark = pytest.mark.libreoffice

LISTED = re.compile(r"^(\d+)\. 6\.3 [A-Z]+\d+: daudzumam periodā", re.M)


def _paste(template: Path, path: Path, invalid: int, open_levels: int = 0) -> Path:
    """The template with ``invalid`` texts pasted into 6.3's quantities, and 6.11's first ``open_levels`` groups of
    the list opened as a person opens them with "+" (rows shown, the "+" rows no longer collapsed)."""
    wb = load_workbook(template)
    write(wb, "Plans_Daudzums", [f"{k} reizes" for k in range(1, invalid + 1)])
    ws = wb[SHEET]
    for row in range(INVALID_STATUS, INVALID_FIRST + INVALID_SHOWN):
        dims = ws.row_dimensions[row]
        level = dims.outlineLevel or 0
        if 0 < level <= open_levels:
            dims.hidden = False
        below = ws.row_dimensions[row + 1].outlineLevel or 0
        if below > level and below <= open_levels:
            dims.collapsed = False
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def printed(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:
    require_soffice()
    folder = tmp_path_factory.mktemp("nederigas-druka")
    template = write_workbook(catalogue, folder / "veidne.xlsx", "liepaja")
    cases = {"nav": (0, 0), "tris": (3, 0), "astoni": (8, 0), "astoni-atverts": (8, 1), "divdesmit-atverts": (20, 1),
             "nav-viss-atverts": (0, 3)}
    copies = {name: one_sheet_copies(_paste(template, folder / f"{name}.xlsx", invalid, levels), folder)[SHEET]
              for name, (invalid, levels) in cases.items()}
    pdfs = convert(list(copies.values()), folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))
    return {name: read_pages(pdf) for name, pdf in zip(copies, pdfs, strict=True)}


def _flat(pages: list[Page]) -> str:
    return " ".join(" ".join(p.text.split()) for p in pages)


def _warning(hidden: int, count: int) -> str:
    return " ".join(HIDDEN_INVALID.format(hidden=hidden, count=count).split())


def _listed(pages: list[Page]) -> list[int]:
    return sorted({int(m.group(1)) for p in pages for m in LISTED.finditer(p.text)})


def test_no_invalid_inputs_print_the_status_not_the_grid(printed: dict[str, list[Page]]) -> None:
    text = _flat(printed["nav"])
    assert NO_INVALID in text and "UZMANĪBU" not in text
    # the closed groups' 25 rows do not print: fewer pages than with every group opened
    assert len(printed["nav"]) < len(printed["nav-viss-atverts"]), (len(printed["nav"]),
                                                                     len(printed["nav-viss-atverts"]))


def test_the_first_invalid_cells_always_print(printed: dict[str, list[Page]]) -> None:
    pages = printed["tris"]
    assert _listed(pages) == [1, 2, 3]
    assert "Nederīgas ievades šūnas: 3 (katra iezīmēta arī savā lapā)." in _flat(pages) and "UZMANĪBU" not in _flat(
        pages)
    assert len(pages) == len(printed["nav"]), "saraksta pirmās rindas pievieno lapas"


def test_listed_cells_in_hidden_rows_print_a_warning(printed: dict[str, list[Page]]) -> None:
    pages = printed["astoni"]
    assert _warning(8 - INVALID_VISIBLE, 8) in _flat(pages)
    assert _listed(pages) == list(range(1, INVALID_VISIBLE + 1)), "paslēptās saraksta rindas izdrukātas"
    assert len(pages) == len(printed["nav"]), "aizvērts saraksts pievieno lapas"


def test_opened_rows_print_their_cells(printed: dict[str, list[Page]]) -> None:
    pages = printed["astoni-atverts"]
    text = _flat(pages)
    assert _listed(pages) == list(range(1, 9))
    assert "Nederīgas ievades šūnas: 8 (katra iezīmēta arī savā lapā)." in text and "UZMANĪBU" not in text
    pages = printed["divdesmit-atverts"]
    assert _listed(pages) == list(range(1, INVALID_VISIBLE + 11))  # the shown rows and the first group: ten rows
    assert _warning(20 - INVALID_VISIBLE - 10, 20) in _flat(pages)
