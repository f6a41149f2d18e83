"""A provider's name prints whole where it lands (audit32 F1–F3, D166): typed on 6.8 (Pak_Sniedzejs), it prints in
two lines of 8 pt on 6.4, 6.8 and on the signed 6.5 and 6.9, up to input_checks.PROVIDER_CHARS characters of capitals and
diacritics; a longer name is an invalid input (6.11 names the cell). Each service's row of 6.8 is as high as its
catalogue label needs (items.row_height), so that no label prints over the row under it (3.17i over 3.17g). The
workbook goes to PDF in ONE LibreOffice call (each sheet printed alone), and the test looks where each line of text
lands (pdf_clip.text_runs): inside its cell's clipping rectangle, over no other text."""

from __future__ import annotations

import dataclasses

import pytest
from openpyxl import load_workbook

from generator.workbook.input_checks import PROVIDER_CHARS, PROVIDER_FIELD
from generator.workbook.inputs import fill
from generator.workbook.names import read, write
from generator.workbook.sheets import items
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.conftest import recipient_labels
from tests.workbook.pdf_clip import text_runs
from tests.workbook.pdf_pages import print_sheets_apart
from tests.workbook.test_print import PEOPLE, showcase
from tests.workbook.test_print_goals import text_of

catalogue, templates = later_round.catalogue, later_round.templates

pytestmark = [pytest.mark.libreoffice]

SHEETS = ("6.4", "6.5", "6.8", "6.9")
# Capitals with diacritics first (the widest letters of a name), ordinary words after, the last word marking the end:
# PROVIDER_CHARS characters in all (fictional).
WORDS = "SIA „ŠĶĒRŠĻU MĀKSLAS UN MŪZIKAS TERAPIJAS CENTRS” – Ūdrupes Mēmeles Ķēčiņu "
LAST = "Gals"
NAME = text_of(PROVIDER_CHARS, LAST, WORDS)


@pytest.fixture(scope="module")
def printed(catalogue, templates, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    require_calibri_metrics()
    folder = tmp_path_factory.mktemp("sniedzeji")
    wb = load_workbook(templates["liepaja"])
    fill(wb, showcase(catalogue), recipient_labels(catalogue), dataclasses.replace(PEOPLE, providers={}))
    # every service of 6.8 with the name: a name taller than its row would print over the next row's
    write(wb, PROVIDER_FIELD.name, [NAME] * len(read(wb, PROVIDER_FIELD.name)))
    path = folder / "garakie.xlsx"
    wb.save(path)
    pdfs = print_sheets_apart({path: SHEETS}, folder / "pdf", folder / "profile")
    return {sheet: pdfs[(path.stem, sheet)] for sheet in SHEETS}


def test_the_name_is_as_long_as_the_limit() -> None:
    assert len(NAME) == PROVIDER_CHARS and NAME.endswith(" " + LAST)


@pytest.mark.parametrize("sheet", SHEETS)
def test_names_of_the_limits_length_print_whole_in_their_rows(printed, sheet: str) -> None:  # noqa: ANN001
    runs = text_runs(printed[sheet])
    ends = [r for r in runs if r.text.split()[-1:] == [LAST]]
    assert ends, f"{sheet}: nav izdrukāts sniedzēja nosaukuma pēdējais vārds „{LAST}”"
    cut = [f"{r.page}. lapa: „{r.text}”" for r in runs if not r.whole]
    assert not cut, f"{sheet}: teksts nogriezts pie šūnas malas: {cut[:5]}"
    over = [f"{a.page}. lapa: „{a.text}” pār „{b.text}”" for i, a in enumerate(runs) for b in runs[i + 1:]
            if a.overlaps(b)]
    assert not over, f"{sheet}: teksts izdrukāts pāri citam tekstam: {over[:5]}"


def test_rows_of_68_grow_with_the_catalogue_label() -> None:
    """The height comes from the label, not a number typed for today's catalogue: a longer label gets more lines."""
    label = "9.99i " + "Ļoti garš izdomāts pakalpojuma nosaukums ar daudziem vārdiem " * 3
    assert items.row_height(label) >= 4 * items.LINE_HEIGHT
    assert items.row_height("1.1 Īss") == items.MIN_LINES * items.LINE_HEIGHT
