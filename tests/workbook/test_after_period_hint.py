"""A value in a month cell after the plan's period (D304, D313): the cell must stay empty, so 6.11's list ends its line by
saying to clear it, whatever the value – a day's serial (D286), a text, a date, a negative number – not with
SERIAL_HINT's „ierakstiet skaitli ar komatu …”, which a month of the plan keeps; a text or a date inside the period
gets no such ending. The readers say the same (tests/ministry/test_after_period_cells.py), and so does the reference
for a serial (serial_message ``after``)."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import convert, make_profile
from generator.reference.date_serials import SERIAL_HINT, day_serial, serial_day, serial_message
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


def test_a_value_after_the_period_is_told_to_be_cleared(catalogue: Catalogue, params: Params, day, templates,  # noqa: ANN001
                                                        tmp_path_factory: pytest.TempPathFactory) -> None:
    seed = SEED + 65_000
    while True:
        plan = random_plan(seed, catalogue.offers(day), params.full_rate_max_age, params.eligibility_age_limit,
                           params.period_months_max, params.reporting_periods).inputs
        seed += 1
        lines = [i for i, ln in enumerate(plan.lines) if ln.counted]
        if lines and plan.months < params.period_months_max - 1 and evaluate_workbook(plan, params).errors == 0:
            break
    folder = tmp_path_factory.mktemp("pec-perioda")
    wb = load_workbook(templates[None])
    fill(wb, plan, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
         template_prices=read(wb, "Pak_Cena"))
    after, later = plan.months, plan.months + 1  # the first two months after the period (0-based columns)
    pasted = {  # (name, month column): (value, date format) – each kind of invalid value, after and within the period
        ("Men_Daudzums", after): (SERIAL, None), ("Fakt_Daudzums", after): (SERIAL, None),
        ("Fakt_Summa", after): (SERIAL, None), ("Fakt_Summa", 0): (SERIAL, None),
        ("Men_Daudzums", later): ("20,5", None), ("Fakt_Daudzums", later): (dt.datetime(2027, 1, 15), "dd.mm.yyyy"),
        ("Fakt_Summa", later): (-5, None), ("Fakt_Daudzums", 0): ("3 reizes", None),
        ("Men_Daudzums", 0): (dt.datetime(2027, 1, 15), "dd.mm.yyyy"),
    }
    cells = {}
    for (name, month), (value, number_format) in pasted.items():
        sheet, cell, c = _cell(wb, name, line_offset(lines[0]), month)
        c.value = value
        if number_format:
            c.number_format = number_format
        cells[(name, month)] = f"{sheet} {cell}:"
    path = folder / "matrica.xlsx"
    wb.save(path)
    values = NamedValues(convert([path], folder / "lo", profile=make_profile(folder / "profile"))[0], all_sheets=True)
    listed = [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str) and ". 6." in v[:6]]
    said = {key: [line for line in listed if where in line] for key, where in cells.items()}
    assert all(len(found) == 1 for found in said.values()), (said, listed)
    assert values["h_NederigasIevades"] == len(pasted), listed  # one invalid input each, after the period too
    for (name, month), (line,) in said.items():
        value = pasted[(name, month)][0]
        if month >= plan.months:  # after the period: one ending, whatever the value
            assert line.endswith(AFTER_PERIOD_HINT) and "ierakstiet skaitli" not in line, line
            if value == SERIAL:  # the reference's words of it (check_date_serials after the period)
                label = line.split(": ", 1)[1].split(" jābūt", 1)[0]
                assert line.endswith(serial_message(label, SERIAL, serial_day(SERIAL), after=True)), line
        else:
            assert AFTER_PERIOD_HINT not in line, line
            if value == SERIAL:
                assert line.endswith(SERIAL_HINT), line
