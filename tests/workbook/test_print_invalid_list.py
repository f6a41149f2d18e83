"""6.11's list of invalid inputs on paper, printed by LibreOffice (6.11 alone, as a person prints it): every listed
invalid cell prints (D191, audit42 F6: the list used to keep all but its first five rows in collapsed groups, and a
printed 6.11 then named fewer cells than Kludas counted); the status line names the count and its parts (D198); 6.11
prints on three pages, the whole list with the checks' last page, however many errors it names. One soffice call for
every case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import convert, make_profile
from generator.workbook.layout import plan_row
from generator.workbook.names import write
from generator.workbook.sheets.technical import INVALID_SHOWN, NO_INVALID, SHEET, status_text
from generator.workbook.writer import write_workbook
from tests.workbook.conftest import require_soffice
from tests.workbook.pdf_pages import Page, one_sheet_copies, read_pages

pytestmark = pytest.mark.libreoffice

LISTED = re.compile(r"^(\d+)\. 6\.3 [A-Z]+\d+: daudzumam periodā", re.M)
PAGES = 3  # 6.11 on paper: the parameters, then the checks on two pages, the second with the whole list (D198)
MIN_FONT = 8.0  # pt: the smallest text on paper (the check descriptions and the list print at 8 pt)


def _paste(template: Path, path: Path, invalid: int) -> Path:
    """The template with ``invalid`` texts pasted into 6.3's quantities (names.write opens 6.3's rows they fill)."""
    wb = load_workbook(template)
    write(wb, "Plans_Daudzums", [f"{k} reizes" for k in range(1, invalid + 1)])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def printed(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:
    require_soffice()
    folder = tmp_path_factory.mktemp("nederigas-druka")
    template = write_workbook(catalogue, folder / "veidne.xlsx", "liepaja")
    cases = {"nav": 0, "tris": 3, "astoni": 8, "divdesmit": 20, "trisdesmit": INVALID_SHOWN,
             "trisdesmit-divi": INVALID_SHOWN + 2}
    copies = {name: one_sheet_copies(_paste(template, folder / f"{name}.xlsx", invalid), folder)[SHEET]
              for name, invalid in cases.items()}
    pdfs = convert(list(copies.values()), folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))
    return {name: read_pages(pdf) for name, pdf in zip(copies, pdfs, strict=True)}


def _flat(pages: list[Page]) -> str:
    return " ".join(" ".join(p.text.split()) for p in pages)


def _listed(pages: list[Page]) -> list[int]:
    return sorted({int(m.group(1)) for p in pages for m in LISTED.finditer(p.text)})


def test_no_invalid_inputs_print_the_status(printed: dict[str, list[Page]]) -> None:
    text = _flat(printed["nav"])
    assert NO_INVALID in text and "UZMANĪBU" not in text and _listed(printed["nav"]) == []


@pytest.mark.parametrize(("case", "count"), [("tris", 3), ("astoni", 8), ("divdesmit", 20)])
def test_every_invalid_cell_prints(printed: dict[str, list[Page]], case: str, count: int) -> None:
    """Fails on the old code: of 8 or 20 invalid cells only the first five printed (the rest in closed groups)."""
    pages = printed[case]
    assert _listed(pages) == list(range(1, count + 1))
    assert status_text({"h_NederigasIevades": count}) in _flat(pages)
    assert f"Kļūdas sarakstā: {count} (nederīgas ievades šūnas: {count}); visas zemāk." in _flat(pages)
    assert "UZMANĪBU" not in _flat(pages)


def test_more_than_the_list_holds_prints_the_first_and_the_count(printed: dict[str, list[Page]]) -> None:
    pages = printed["trisdesmit-divi"]
    assert _listed(pages) == list(range(1, INVALID_SHOWN + 1))
    count = INVALID_SHOWN + 2
    assert f"Kļūdas sarakstā: {count} (nederīgas ievades šūnas: {count}); zemāk pirmās {INVALID_SHOWN}." in _flat(pages)


def test_611_prints_on_three_pages(printed: dict[str, list[Page]]) -> None:
    """Fails on the old code: 6.11 printed four pages whatever the count, the fourth holding the list's last rows (its
    formulas print also when they show nothing, D198), which a clean matrix left empty."""
    assert {name: len(pages) for name, pages in printed.items()} == dict.fromkeys(printed, PAGES)
    # the checks table's two pages: the last one holds the totals and the whole list, its first and its last row
    last = printed["trisdesmit"][-1].text
    assert "Kļūdas kopā" in last and "1. 6.3 " in last and f"{INVALID_SHOWN}. 6.3 " in last


def test_thirty_errors_print_every_text_at_8_pt_at_least(printed: dict[str, list[Page]]) -> None:
    """The list's whole capacity (INVALID_SHOWN) filled: each error's text prints, naming its cell and what was typed
    there, on the three pages; no text on any page of any case below 8 pt (the descriptions and the list: 8 pt)."""
    pages = printed["trisdesmit"]
    assert len(pages) == PAGES, len(pages)  # the old code printed the list's last 25 rows on a fourth page
    text = _flat(pages)
    assert _listed(pages) == list(range(1, INVALID_SHOWN + 1))
    for k in range(1, INVALID_SHOWN + 1):
        cell = f"G{plan_row(k - 1)}"
        assert f"{k}. 6.3 {cell}: daudzumam periodā jābūt skaitlim, ievadīts „{k} reizes”" in text, k
    assert f"Kļūdas sarakstā: {INVALID_SHOWN} (nederīgas ievades šūnas: {INVALID_SHOWN}); visas zemāk." in text
    for name, case in printed.items():
        for page in case:
            assert page.min_font >= MIN_FONT - 0.05, f"{name}, {page.number}. lapa: {page.min_font:.2f} pt"
