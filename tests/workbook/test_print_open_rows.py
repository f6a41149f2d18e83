"""Rows opened with "+" and left unused print struck on the signed annexes (D23); more of them than a program leaves
open (plan_rows.STEP − 1) print a red warning under the rows, as a hidden filled row does (audit32 F7): a plan of one
line with all 40 rows open warns on 6.3, 6.5, 6.6 and 6.9, the same plan as the program opens it does not. It is not
an error: the annex stays signable. All sheets go to PDF in ONE LibreOffice call."""

from __future__ import annotations

import dataclasses

import pytest
from openpyxl import load_workbook

from generator.workbook.inputs import fill
from generator.workbook.outline import show_plan_rows
from generator.workbook.page_count import pages_text
from generator.workbook.texts import NOT_SIGNABLE_SHORT, OPEN_UNUSED_ROWS, STRUCK_ROWS
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.conftest import recipient_labels
from tests.workbook.pdf_pages import print_sheets_apart, read_pages
from tests.workbook.test_print import PEOPLE, showcase

catalogue, templates = later_round.catalogue, later_round.templates

pytestmark = [pytest.mark.libreoffice]

SIGNED = ("6.3", "6.5", "6.6", "6.9")


@pytest.fixture(scope="module")
def pdfs(catalogue, templates, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    require_calibri_metrics()
    folder = tmp_path_factory.mktemp("atvertas-rindas")
    plan = showcase(catalogue)
    one_line = dataclasses.replace(plan, lines=plan.lines[:1])
    files = {}
    for name, rows in (("programmas", None), ("visas-40", 40)):
        wb = load_workbook(templates["liepaja"])
        fill(wb, one_line, recipient_labels(catalogue), PEOPLE)
        if rows:
            show_plan_rows(wb, rows)
        path = folder / f"{name}.xlsx"
        wb.save(path)
        files[path] = SIGNED
    return print_sheets_apart(files, folder / "pdf", folder / "profile")


@pytest.fixture(scope="module")
def printed(pdfs):  # noqa: ANN001, ANN201
    return {(stem, sheet): " ".join("\n".join(p.text for p in read_pages(pdf)).split())
            for (stem, sheet), pdf in pdfs.items()}


@pytest.mark.parametrize("sheet", SIGNED)
def test_many_open_unused_rows_warn_on_paper(printed, sheet: str) -> None:  # noqa: ANN001
    text = printed[("visas-40", sheet)]
    assert OPEN_UNUSED_ROWS in text, f"{sheet}: 40 atvērtām rindām ar vienu izmantotu nav brīdinājuma"
    assert NOT_SIGNABLE_SHORT[0] not in text, f"{sheet}: atvērtas rindas nav kļūda"


@pytest.mark.parametrize("sheet", SIGNED)
def test_rows_as_the_program_opens_them_do_not_warn(printed, sheet: str) -> None:  # noqa: ANN001
    text = printed[("programmas", sheet)]
    assert OPEN_UNUSED_ROWS not in text, f"{sheet}: brīdinājums, lai gan atvērtas tikai programmas atvērtās rindas"
    assert STRUCK_ROWS in text, f"{sheet}: nav piezīmes par svītrotajām rindām"


@pytest.mark.parametrize("sheet", SIGNED)
def test_the_page_count_follows_the_open_rows(pdfs, sheet: str) -> None:  # noqa: ANN001
    """D295: the annex's page count counts the rows that print – the same one-line plan states the pages of its five
    shown rows as the program opens them, and the more pages of all 40 rows opened with "+" on every page of them."""
    counts = {}
    for stem in ("programmas", "visas-40"):
        pages = [" ".join(p.text.split()) for p in read_pages(pdfs[(stem, sheet)])]
        expected = pages_text(len(pages))
        assert all(expected in text for text in pages), f"{sheet}, {stem}: {len(pages)} lapas, bet ne visās „{expected}”"
        counts[stem] = len(pages)
    assert counts["visas-40"] > counts["programmas"], (sheet, counts)
