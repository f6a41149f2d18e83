"""The pasted invalid values of the LibreOffice batch (tests/workbook/conftest.py invalid_plans, D226), without
LibreOffice: the default's few dense workbooks (eleven bad values each) paste every (input name, class of bad value)
combination as that class, one name once to a workbook, and no value beside one that would hide it (invalid.py
APART): the opinion left empty is pasted empty, into a plan whose child's age makes it an error (it was pasted as "Ja"
beside a bad date in every workbook count before, so the proof never saw it empty)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from generator.workbook.writer import write_workbook
from tests.workbook.conftest import (
    BAD_CELLS_PER_WORKBOOK,
    INVALID_WORKBOOKS,
    invalid_plans,
    opinion_needed,
    paste,
)
from tests.workbook.invalid import AGE_NEEDED, APART, combinations, fewest_workbooks, spread
from tests.workbook.plans import SEED


def test_every_combination_is_pasted_as_its_class(catalogue, params, day, tmp_path: Path) -> None:
    wb = load_workbook(write_workbook(catalogue, tmp_path / "matrica.xlsx"))
    pasted = set()
    for plan, bad in invalid_plans(catalogue.offers(day), params):
        cells = paste(wb, plan, bad, params)
        names = [cell.name for cell in cells]
        assert len(names) == len(set(names)) and len(cells) <= BAD_CELLS_PER_WORKBOOK, names
        for cell in cells:
            hidden_by = APART.get((cell.name, cell.kind_class), frozenset())
            assert not hidden_by & set(names), (cell.describe(), names)
            if cell.kind_class == "tukšs":
                assert cell.value is None or not str(cell.value).strip(), cell.describe()
            if (cell.name, cell.kind_class) == AGE_NEEDED:
                assert opinion_needed(plan, params), plan.describe()
            pasted.add((cell.name, cell.kind_class))
    assert pasted == {(name, kind_class) for name, kind_class, _ in combinations()}


def test_the_default_takes_the_fewest_workbooks_that_hold_every_combination() -> None:
    wanted = set(combinations())
    count = fewest_workbooks(BAD_CELLS_PER_WORKBOOK, SEED)
    assert INVALID_WORKBOOKS >= count
    assert {item for workbook in spread(count, BAD_CELLS_PER_WORKBOOK, SEED) for item in workbook} == wanted
    if (count - 1) * BAD_CELLS_PER_WORKBOOK >= len(wanted):  # one fewer leaves a combination out
        assert {item for workbook in spread(count - 1, BAD_CELLS_PER_WORKBOOK, SEED) for item in workbook} != wanted
