"""Where the pages of the working annexes end, as LibreOffice prints a long plan (audit42 F10, F11).

F10: 6.1 ended its first page with the heading „Vecāks vai likumiskais pārstāvis” alone, its fields on page 2. A manual
page break before the heading now starts page 2 with it (the rows of 6.1 are never hidden, so the break holds in
Excel and LibreOffice alike). On main before this it failed: page 1 held the heading, page 2 its first field."""

from __future__ import annotations

import pytest

from generator.recalc import make_profile
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.pdf_pages import Page, print_sheets_apart, read_pages
from tests.workbook.test_print import _showcase_file

catalogue, day, params, templates = (later_round.catalogue, later_round.day, later_round.params,
                                     later_round.templates)

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

LINES = 32  # audit42's long plan: 32 lines


@pytest.fixture(scope="module")
def printed(catalogue, templates, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:  # noqa: ANN001
    require_calibri_metrics()
    folder = tmp_path_factory.mktemp("page-ends")
    path = _showcase_file(catalogue, templates["liepaja"], folder / "gars.xlsx", lines=LINES, longest=True)
    pdfs = print_sheets_apart({path: ("6.1",)}, folder / "pdf", make_profile(folder / "profile"))
    return {sheet: read_pages(pdf) for (_, sheet), pdf in pdfs.items()}


def _page_of(pages: list[Page], text: str) -> int:
    found = [k for k, page in enumerate(pages, start=1) if text in page.text]
    assert found, f"„{text}” nav izdrukāts"
    return found[0]


@pytest.mark.parametrize(("heading", "first_field"), [
    ("Vecāks vai likumiskais pārstāvis", "Ģimenes veids"),
    ("Atbalsta plāna periods", "Mēnešu skaits periodā"),
    ("Bērns\n", "Dzimšanas datums"),
])
def test_61_section_heading_prints_with_its_fields(printed: dict[str, list[Page]], heading: str,
                                                   first_field: str) -> None:
    pages = printed["6.1"]
    assert len(pages) == 2, f"6.1: {len(pages)} lapas"
    assert _page_of(pages, heading) == _page_of(pages, first_field), (
        f"6.1: virsraksts „{heading.strip()}” lapā {_page_of(pages, heading)}, tā lauki lapā {_page_of(pages, first_field)}")
    assert "Pārbaude" in pages[-1].text
