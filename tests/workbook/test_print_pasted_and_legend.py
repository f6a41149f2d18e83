"""What 6.6, 6.7 and 6.10 print, read from the PDF LibreOffice prints one sheet at a time (D304).

A date pasted into a month input (6.6's planned units, 6.10's delivered units) printed „###” (the date's format in a
narrow month column): it prints „nederīgs” in the error's fill, the word the sheets print for an amount resting on an
invalid input. 6.7's legend of the marked amounts („* – cena vēl jāprecizē …”) printed on a page of its own after the
table when the rows and the totals filled a page (11–15 plan lines): it prints in the repeated header rows, on every
page of the table, for 1, 15, 20 and 40 plan lines."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import make_profile
from generator.workbook.inputs import fill
from generator.workbook.layout import line_offset
from generator.workbook.names import write
from generator.workbook.sheets.calculation import INVALID_UNITS
from generator.workbook.texts import AMOUNT_MARK_NOTE
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.conftest import recipient_labels
from tests.workbook.invalid import _cell
from tests.workbook.pdf_pages import Page, print_sheets_apart, read_pages
from tests.workbook.test_print import PEOPLE, PROVISIONAL_LINE, showcase

catalogue, day, params, templates = (later_round.catalogue, later_round.day, later_round.params,
                                     later_round.templates)

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

PASTED_DAY = dt.datetime(2027, 1, 15)
# the brief's plan lengths (one page, a page and a bit, the longest) and 15, whose rows and totals fill the first page:
# the legend under them printed on a page of its own (as for 11–14)
LENGTHS = (1, 15, 20, 40)


@pytest.fixture(scope="module")
def printed(catalogue: Catalogue, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
            ) -> dict[tuple[str, str], list[Page]]:
    require_calibri_metrics()
    folder = tmp_path_factory.mktemp("pasted-legend")
    labels = recipient_labels(catalogue)
    files: dict[Path, tuple[str, ...]] = {}
    for lines in LENGTHS:
        base = showcase(catalogue, -(-lines // 5))  # the "jāprecizē" line 2.1 first: the legend prints from 1 line
        first = [ln for ln in base.lines if ln.offer_id == PROVISIONAL_LINE][:1]
        inputs = dataclasses.replace(base, lines=(*first, *(ln for ln in base.lines if ln.offer_id != PROVISIONAL_LINE))[
            :lines])
        wb = load_workbook(templates["liepaja"])
        fill(wb, inputs, labels, PEOPLE)
        if lines == 1:  # the date pasted into the first line's second month, planned and delivered
            for name in ("Men_Daudzums", "Fakt_Daudzums"):
                _, _, cell = _cell(wb, name, line_offset(0), 1)
                cell.value = PASTED_DAY
                cell.number_format = "dd.mm.yyyy"
        write(wb, "Merki_Ilgtermina", "Anna pati ģērbjas un ēd.")
        path = folder / f"rindas-{lines}.xlsx"
        wb.save(path)
        files[path] = ("6.6", "6.7", "6.10") if lines == 1 else ("6.7",)
    pdfs = print_sheets_apart(files, folder / "pdf", make_profile(folder / "profile"))
    return {key: read_pages(pdf) for key, pdf in pdfs.items()}


def _flat(page: Page) -> str:
    return " ".join(page.text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.mark.parametrize("sheet", ["6.6", "6.10"])
def test_a_pasted_date_prints_invalid_not_hashes(printed, sheet: str) -> None:  # noqa: ANN001
    text = " ".join(_flat(p) for p in printed[("rindas-1", sheet)])
    assert "###" not in text, text
    assert INVALID_UNITS in text, text
    assert "15.01.2027" not in text and "46402" not in text.replace(" ", ""), text


@pytest.mark.parametrize("lines", LENGTHS)
def test_the_legend_prints_with_the_table(printed, lines: int) -> None:  # noqa: ANN001
    pages = printed[(f"rindas-{lines}", "6.7")]
    legend = " ".join(AMOUNT_MARK_NOTE.split())
    # every page prints the whole legend and plan rows (a line's number and service: „1 2.1 Pavadonis”), none the
    # legend alone
    assert all(legend in _flat(p) for p in pages), [_flat(p) for p in pages]
    assert all(re.search(r" \d+ \d\.\d[\d.]*[ig]? [A-ZĀČĒĢĪĶĻŅŠŪŽ]", _flat(p)) for p in pages), [_flat(p) for p in pages]
    assert len(pages) == (1 if lines <= 15 else 2 if lines <= 30 else 3), len(pages)
