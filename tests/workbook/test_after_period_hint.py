"""A day's serial (D286) typed into a month cell after the plan's period (D304): the cell must stay empty, so 6.11's list
ends its line by saying to clear it, not with SERIAL_HINT's „ierakstiet skaitli ar komatu …”, which a month of the
plan keeps. The readers say the same (tests/ministry/test_after_period_cells.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import convert, make_profile
from generator.reference.date_serials import SERIAL_HINT, day_serial
from generator.reference.params import Params
from generator.reference.workbook import evaluate_workbook
from generator.workbook.input_checks import AFTER_PERIOD_HINT
from generator.workbook.inputs import fill
from generator.workbook.layout import line_offset
from generator.workbook.names import NamedValues, read
from generator.workbook.render import pilot_ids
from tests.workbook.conftest import recipient_labels
from tests.workbook.invalid import _cell
from tests.workbook.plans import SEED, random_plan

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

SERIAL = day_serial(dt.date(2027, 1, 15))


def test_a_serial_after_the_period_is_told_to_be_cleared(catalogue: Catalogue, params: Params, day, templates,  # noqa: ANN001
                                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    seed = SEED + 65_000
    while True:
        plan = random_plan(seed, catalogue.offers(day), params.full_rate_max_age, params.eligibility_age_limit,
                           params.period_months_max, params.reporting_periods).inputs
        seed += 1
        lines = [i for i, ln in enumerate(plan.lines) if ln.counted]
        if lines and plan.months < params.period_months_max and evaluate_workbook(plan, params).errors == 0:
            break
    folder = tmp_path_factory.mktemp("pec-perioda")
    wb = load_workbook(templates[None])
    fill(wb, plan, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
         template_prices=read(wb, "Pak_Cena"))
    cells = {}
    for name, month in (("Men_Daudzums", plan.months), ("Fakt_Daudzums", plan.months), ("Fakt_Summa", plan.months),
                        ("Fakt_Summa", 0)):
        sheet, cell, c = _cell(wb, name, line_offset(lines[0]), month)
        c.value = SERIAL
        cells[(name, month)] = f"{sheet} {cell}:"
    path = folder / "matrica.xlsx"
    wb.save(path)
    values = NamedValues(convert([path], folder / "lo", profile=make_profile(folder / "profile"))[0], all_sheets=True)
    listed = [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str) and ". 6." in v[:6]]
    said = {key: [line for line in listed if where in line] for key, where in cells.items()}
    assert all(len(found) == 1 for found in said.values()), (said, listed)
    for (_, month), (line,) in said.items():
        if month:  # after the period
            assert line.endswith(AFTER_PERIOD_HINT) and "ierakstiet skaitli" not in line, line
        else:
            assert line.endswith(SERIAL_HINT), line
