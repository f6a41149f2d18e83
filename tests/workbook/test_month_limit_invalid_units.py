"""A month's limit of nights or hours (D147 per month, „units_above_month”) is checked while the same line's period
units on 6.3 are an invalid input (D304): the limit rests on the month's cell and the service's unit, not on the period
units, so it is an error of its own, not one that follows from the paste. Before, the line counted as unused while its
units were a text, and 800 hours planned in one month went unflagged until the units were typed again."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import make_profile
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.layout import line_offset
from generator.workbook.names import NamedValues, read
from generator.workbook.recalculated import recalculated_values
from generator.workbook.render import pilot_ids
from tests.workbook.conftest import recipient_labels
from tests.workbook.invalid import _cell
from tests.workbook.test_month_paste_one_error import _hours_plan

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

HOURS = Decimal(800)  # above any month's hours (31 × 24 = 744)


def _over_month(inputs: WorkbookInputs, line: int) -> WorkbookInputs:
    lines = list(inputs.lines)
    planned = (HOURS, *lines[line].planned_units[1:])
    lines[line] = dataclasses.replace(lines[line], planned_units=planned, units=sum(planned, Decimal(0)))
    return dataclasses.replace(inputs, lines=tuple(lines))


@pytest.fixture(scope="module")
def files(catalogue: Catalogue, params: Params, day, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
          ) -> dict[str, NamedValues]:
    folder = tmp_path_factory.mktemp("menesa-robeza")
    plan, line = _hours_plan(catalogue, params, day)
    plan = _over_month(plan, line)
    assert [f.code for f in evaluate_workbook(plan, params).findings if f.severity.name == "error"] == [
        "units_above_month"]
    paths = []
    for name, units in (("derigs", None), ("teksts", "120"), ("negativs", -120)):
        wb = load_workbook(templates[None])
        fill(wb, plan, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
             template_prices=read(wb, "Pak_Cena"))
        if units is not None:
            _cell(wb, "Plans_Daudzums", line_offset(line))[2].value = units
        path = folder / f"{name}.xlsx"
        wb.save(path)
        paths.append(path)
    # read over UNO without saving (generator/workbook/recalculated.py): the values of the xlsx LibreOffice would save
    values = recalculated_values(paths, profile=make_profile(tmp_path_factory.mktemp("lo-profile-menesa-robeza")))
    return {p.stem: v for p, v in zip(paths, values, strict=True)}


def _flags(values: NamedValues) -> int:
    grid = values["f_MenVienibuRobeza"]
    return sum(int(v or 0) for row in grid for v in (row if isinstance(row, list | tuple) else [row]))


@pytest.mark.parametrize("name", ["teksts", "negativs"])
def test_the_month_limit_stays_while_the_units_are_invalid(files: dict[str, NamedValues], name: str) -> None:
    valid, pasted = files["derigs"], files[name]
    assert valid["Kludas"] == 1 and _flags(valid) == 1  # the month's limit alone
    assert pasted["h_NederigasIevades"] == 1, name
    assert _flags(pasted) == 1 and pasted["Kludas"] == 2, (name, pasted["Kludas"])  # the paste and the month's limit
