"""D380: the data validation of the unit counts a worker types by hand – a plan line's period units (6.3), a month's
planned units (6.6) and its delivered units (6.10) – allows 0 … the catalogue's input_amount_max, the bound of their
formula check (D365, D377: units_above_max, planned_above_max, delivered_above_max), read from 6.11's hidden cell
(never a typed figure), and its message states that bound as the tools print a count („100 000”). 6.10's payments,
bounded by the same figure (D365, paid_above_max), say it in euro. A paste bypasses the validation: the formula check
stays (tests/workbook/test_invalid_inputs.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.datavalidation import DataValidation

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.workbook.input_checks import AMOUNT_MAX, MONTH_FIELDS, PLAN_FIELDS
from generator.workbook.names import NamedRange, resolve

UNIT_NAMES = ("Plans_Daudzums", "Men_Daudzums", "Fakt_Daudzums")


def _validation(wb, name: str) -> tuple[NamedRange, DataValidation]:  # noqa: ANN001
    """The one data validation of the whole input range ``name``."""
    rng = resolve(wb.defined_names, name)
    ws = wb[rng.sheet]
    cells = {(r, c) for row in rng.cells() for r, c in row}
    found = [dv for dv in ws.data_validations.dataValidation
             if cells <= {(r, c) for cr in dv.sqref.ranges for (r, c) in _cells(cr)}]
    assert len(found) == 1, (name, [str(dv.sqref) for dv in found])
    return rng, found[0]


def _cells(cell_range) -> set[tuple[int, int]]:  # noqa: ANN001
    return {(r, c) for r in range(cell_range.min_row, cell_range.max_row + 1)
            for c in range(cell_range.min_col, cell_range.max_col + 1)}


def _bound(wb, formula: str) -> Decimal:  # noqa: ANN001
    """The figure a validation formula's name stands for (its cell in the template)."""
    rng = resolve(wb.defined_names, formula.removeprefix("="))
    return Decimal(str(wb[rng.sheet].cell(rng.min_row, rng.min_col).value))


def test_the_bounded_inputs_are_the_units_kinds() -> None:
    """The inputs this file proves are every plan-line count the formula check bounds (input_checks UNIT_KINDS)."""
    fields = {f.name: f.kind for f in (*PLAN_FIELDS, *MONTH_FIELDS)}
    assert {n for n, kind in fields.items() if kind in ("units", "delivered")} == set(UNIT_NAMES)


@pytest.mark.parametrize("name", UNIT_NAMES)
def test_a_typed_count_is_bounded_by_the_catalogues_highest(templates: dict[str | None, Path], catalogue: Catalogue,
                                                            day: dt.date, name: str) -> None:
    highest = Decimal(catalogue.programme.input_amount_max.at(day).value)
    for municipality, path in templates.items():
        wb = load_workbook(path)
        _, dv = _validation(wb, name)
        assert dv.type == "decimal", (municipality, dv.type)  # a fraction of a unit: the formula check's (D256)
        assert dv.operator in (None, "between") and dv.formula1 == "0", (municipality, dv.operator, dv.formula1)
        assert dv.formula2 == AMOUNT_MAX, (municipality, dv.formula2)  # 6.11's cell, not a typed figure
        assert _bound(wb, dv.formula2) == highest, municipality
        assert dv.showErrorMessage and dv.errorStyle in (None, "stop"), municipality
        assert f"(skaitlis ≥ 0, ne lielāks par {lvformat.number(highest, 0)})." in dv.error, dv.error


def test_a_typed_payment_is_bounded_by_the_catalogues_highest(templates: dict[str | None, Path],
                                                               catalogue: Catalogue, day: dt.date) -> None:
    highest = Decimal(catalogue.programme.input_amount_max.at(day).value)
    wb = load_workbook(templates[None])
    rng, dv = _validation(wb, "Fakt_Summa")
    first = f"{wb[rng.sheet].cell(rng.min_row, rng.min_col).coordinate}"
    assert dv.type == "custom" and f"{first}<={AMOUNT_MAX})" in dv.formula1, dv.formula1
    assert _bound(wb, AMOUNT_MAX) == highest
    assert f"ne lielāks par {lvformat.eur(highest)})." in dv.error, dv.error
