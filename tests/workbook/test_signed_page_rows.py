"""The signed annexes (6.3, 6.5, 6.6, 6.9) of program-filled plans print their signatures with used plan rows or with
what follows the rows, never alone or with unused "—" rows only, and never split between two pages (issue 11, audit9
F12). The line counts are the worst ones bench/signed_pages.py found for 1–40 lines before the layout was fixed:
1 (6.3 split its two signatures), 13 and 33 (6.6 printed its signatures alone), 21 and 23 (6.3 split them; 6.9 printed
unused rows and the signature on a page of their own – F12 had 23). All workbooks go to PDF in ONE LibreOffice call,
each with only its four signed sheets visible (tests/workbook/signed_pages.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.recalc import convert, make_profile
from tests.print_fonts import require_calibri_metrics
from tests.workbook import later_round
from tests.workbook.signed_pages import SIGNED, SignedPrint, pages_by_sheet, signed_copy, signed_print
from tests.workbook.test_print import _showcase_file

catalogue, day, params, templates = (later_round.catalogue, later_round.day, later_round.params,
                                     later_round.templates)

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

LINES = (1, 13, 21, 23, 33)
# Counts whose last page may hold the block after the rows without a used row (the rows' page is full): measured.
# Every other (sheet, lines) signs with used rows on its page.
AFTER_ONLY = {("6.3", 1), ("6.3", 13), ("6.3", 21), ("6.3", 23), ("6.3", 33), ("6.5", 13), ("6.5", 33),
              ("6.6", 13), ("6.6", 33), ("6.9", 21), ("6.9", 23)}


@pytest.fixture(scope="module")
def found(catalogue, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
          ) -> dict[tuple[str, int], SignedPrint]:
    require_calibri_metrics()
    folder = tmp_path_factory.mktemp("signed-pages")
    copies = {n: signed_copy(_showcase_file(catalogue, templates["liepaja"], folder / f"rindas-{n}.xlsx", lines=n),
                             folder) for n in LINES}
    pdfs = convert(list(copies.values()), folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))
    result = {}
    for n, pdf in zip(copies, pdfs, strict=True):
        sheets = pages_by_sheet(Path(pdf))
        for sheet in SIGNED:
            result[(sheet, n)] = signed_print(sheet, n, sheets[sheet])
    return result


@pytest.mark.parametrize("lines", LINES)
@pytest.mark.parametrize("sheet", SIGNED)
def test_signatures_print_together_with_the_plan(found: dict[tuple[str, int], SignedPrint], sheet: str,
                                                 lines: int) -> None:
    got = found[(sheet, lines)]
    where = f"{sheet}, {lines} rindas ({got.pages} lapas, rindas lapās no {got.first_rows})"
    assert not got.split, f"{where}: paraksti sadalīti pa divām lapām"
    assert not got.bare, f"{where}: parakstu lapā nav ne izmantotu rindu, ne tā, kas seko rindām"
    if (sheet, lines) not in AFTER_ONLY:
        assert got.with_rows, f"{where}: parakstu lapā nav izmantotu plāna rindu"
