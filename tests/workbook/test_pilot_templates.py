"""The pilot municipalities' matrices differ from each other only in the prefilled municipality (6.1's Pasvaldiba):
every other cell's formula and value is the same. So the LibreOffice batch (tests/workbook/conftest.py
batch_templates, D226) recalculates by default only the generic template and the sampled pilot municipalities' (the
documents proofs' sample, D223), all of them with IBM_FULL=1: a template left out is the same formulas on another id."""

from __future__ import annotations

from generator.ministry.xlsxread import read_xlsx
from tests.documents.municipality_sample import municipality_sample
from tests.workbook.conftest import batch_templates
from tests.workbook.plan_sample import FULL


def _cells(path) -> dict:  # noqa: ANN001
    book = read_xlsx(path)
    return {(sheet, rc): (cell.value, cell.formula) for sheet, cells in book.cells.items() for rc, cell in cells.items()}


def test_pilot_templates_differ_only_in_the_municipality(catalogue, templates) -> None:
    pilots = [key for key in templates if key is not None]
    first = _cells(templates[pilots[0]])
    for key in pilots[1:]:
        cells = _cells(templates[key])
        differing = {k for k in set(first) | set(cells) if first.get(k) != cells.get(k)}
        assert len(differing) == 1, (key, sorted(differing))
        ((sheet, rc),) = differing
        assert sheet == "6.1" and cells[(sheet, rc)] == (key, None), (key, differing)


def test_the_batch_recalculates_the_generic_and_the_sampled_templates(catalogue, templates) -> None:
    chosen = batch_templates(catalogue, templates)
    wanted = set(templates) if FULL else {None, *(m.id for m in municipality_sample(catalogue))}
    assert set(chosen) == wanted and None in chosen and len(chosen) > 1
