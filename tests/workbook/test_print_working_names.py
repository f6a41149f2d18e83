"""annextrial F1 on paper: the working sheets 6.4, 6.7 and 6.10 printed by LibreOffice (each sheet alone, ONE call)
with the catalogue's longest service names in their plan rows. Each name prints whole in its cell: its first line
and, wrapped, the line under it, as pdf_clip.text_runs reads them from the PDF. 6.7 printed its one-line rows with
the longest names cut at the price column ("… iemaņas, indivi": LibreOffice shortens the drawn text itself there, so
cut_runs in test_print.py cannot see it); test_working_sheet_names.py measures the same cells without LibreOffice."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from generator.recalc import make_profile
from generator.reference.lines import line_from_offer
from generator.workbook.inputs import fill
from generator.workbook.writer import template_date
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.conftest import recipient_labels
from tests.workbook.pdf_clip import Run, text_runs
from tests.workbook.pdf_pages import print_sheets_apart
from tests.workbook.test_print import PEOPLE, showcase

catalogue, templates = later_round.catalogue, later_round.templates

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

SHEETS = ("6.4", "6.7", "6.10")
LONGEST = 8  # plan lines with the catalogue's longest service names (62 to 51 characters)


def longest_offers(catalogue):  # noqa: ANN001, ANN201 - the module's Catalogue
    offers = catalogue.offers(template_date(catalogue))
    return sorted(offers, key=lambda o: (-len(o.label), o.id))[:LONGEST]


@pytest.fixture(scope="module")
def printed(catalogue, templates, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    require_calibri_metrics()
    folder = tmp_path_factory.mktemp("darba-nosaukumi")
    months = [1, 1, 1, 1, 1, 1]
    lines = [line_from_offer(o, 6, unit_price=o.prefill_price or min(o.ceiling or Decimal(20), Decimal(20)),
                             expert_rank=1, parent_rank=k + 1, planned_units=months, delivered_units=months[:2])
             for k, o in enumerate(longest_offers(catalogue))]
    wb = load_workbook(templates["liepaja"])
    fill(wb, dataclasses.replace(showcase(catalogue), lines=tuple(lines)), recipient_labels(catalogue), PEOPLE)
    path = folder / "garakie-nosaukumi.xlsx"
    wb.save(path)
    pdfs = print_sheets_apart({path: SHEETS}, folder / "pdf", make_profile(folder / "profile"))
    return {sheet: text_runs(pdfs[(path.stem, sheet)]) for sheet in SHEETS}


def printed_name(runs: tuple[Run, ...], label: str) -> str | None:
    """The text of the cell whose first line starts with ``label``'s code: that line and the lines printed under it at
    the same left edge, each at most a line of its font lower (a wrapped name), joined by spaces."""
    code = label.split()[0] + " "
    first = next((r for r in runs if r.text.startswith(code)), None)
    if first is None:
        return None
    text, last = first.text, first
    while True:
        below = [r for r in runs if r.page == last.page and abs(r.x0 - first.x0) < 1
                 and 0 < last.y - r.y < 1.3 * max(last.size, 1)]
        if not below:
            return text
        last = max(below, key=lambda r: r.y)
        text = f"{text} {last.text}"


@pytest.mark.parametrize("sheet", SHEETS)
def test_longest_service_names_print_whole(printed, catalogue, sheet: str) -> None:  # noqa: ANN001
    runs = printed[sheet]
    found = {o.label: printed_name(runs, o.label) for o in longest_offers(catalogue)}
    wrong = [f"„{label}” izdrukāts kā „{text}”" for label, text in found.items() if text != label]
    assert not wrong, f"{sheet}: " + "; ".join(wrong)
    assert all(r.whole for r in runs if any(r.text.startswith(o.id + " ") for o in longest_offers(catalogue)))
