"""One value pasted into a 6.6 month cell is one error everywhere (D140, D298): a date (a date format), a text number
(„20,5”), a negative number and a day's serial (D286) pasted into the planned hours of an hours line. Before, the
matrix counted the date as three errors (the invalid input, the months' sum against 6.3 and the month's hours limit,
D147), the text as two, and printed the date's serial as the row's hours on 6.6 („Kopā” 46 482) and as six-figure EUR
on 6.7. Now the matrix counts one error (Kludas = the invalid inputs = 1), as the reference does for the serial (the
only one of them it can be given) and as the reader (`ibm documents --from-matrix`, `ibm collect`) names one; the
amounts that rest on the cell (6.6's row total, 6.7's month, the line's total and the month's total) print „nederīgs”,
not a number. A date in an unused row's month is one error too (not also „no service, but month data”)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.recalc import make_profile
from generator.reference.date_serials import day_serial
from generator.reference.params import Params
from generator.reference.rules import HOUR
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.names import NamedValues
from generator.workbook.sheets.calculation import INVALID_UNITS
from tests.workbook.compare import differences
from tests.workbook.pasted_files import (
    Files,
    Variants,
    listed_checks,
    one_error_each,
    pasted_files,
    with_first_month,
)
from tests.workbook.plans import SEED, random_plan

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

MONTHS = "Men_Daudzums"
PASTED_DAY = dt.datetime(2027, 1, 15)  # the audit's paste: a date far above any month's hours (its serial 46 402)


def _hours_plan(catalogue: Catalogue, params: Params, day: dt.date) -> tuple[WorkbookInputs, int]:
    """An error-free random plan with a counted hours line planned in its first month, and that line's index."""
    offers = catalogue.offers(day)
    seed = SEED + 63_000
    while True:
        plan = random_plan(seed, offers, params.full_rate_max_age, params.eligibility_age_limit,
                           params.period_months_max, params.reporting_periods).inputs
        seed += 1
        hours = [i for i, ln in enumerate(plan.lines)
                 if ln.counted and ln.unit == HOUR and ln.planned_units and ln.planned_units[0] > 0]
        if hours and plan.months > 1 and evaluate_workbook(plan, params).errors == 0:
            return plan, hours[0]


@pytest.fixture(scope="module")
def files(catalogue: Catalogue, params: Params, day, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
          ) -> Files:
    folder = tmp_path_factory.mktemp("menesa-ielime")
    plan, line = _hours_plan(catalogue, params, day)
    serial = day_serial(PASTED_DAY.date())
    variants: Variants = {
        "tira": (plan, MONTHS, None, line),
        "datums": (plan, MONTHS, PASTED_DAY, line),
        "teksts": (plan, MONTHS, "20,5", line),
        "negativs": (plan, MONTHS, -5, line),
        "kartas-nr": (with_first_month(plan, line, "planned_units", Decimal(serial)), MONTHS, None, line),
        # an unused row's month: one invalid input, not also "no service, but month data"
        "tuksa-rinda": (plan, MONTHS, PASTED_DAY, len(plan.lines) + 2),
    }
    profile = make_profile(tmp_path_factory.mktemp("lo-profile-menesa-ielime"))
    return pasted_files(catalogue, templates[None], folder, profile, variants)


_listed = listed_checks


def _row(values: NamedValues, sheet: str, row: int) -> list[object]:
    return [v for (r, _), v in sorted(values._cells[sheet].items()) if r == row]


@pytest.mark.parametrize("name", ["datums", "teksts", "negativs", "kartas-nr", "tuksa-rinda"])
def test_one_paste_is_one_error_in_the_matrix_the_reference_and_the_reader(files, params: Params,
                                                                          catalogue: Catalogue, name: str) -> None:
    # the reference: the same count (the serial it is given; the others never reach it, so its clean plan's 0 + 1)
    reference, values, path, cell = one_error_each(files, name, params, given=name == "kartas-nr")
    # the reader (`ibm documents --from-matrix`, `ibm collect`): the same one cell
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is None and len(problems) == 1 and problems[0].startswith(f"{cell} "), problems
    if name == "kartas-nr":  # every amount and count equals the reference's (its 6.7 month: no amount)
        assert differences(reference.named_values(), values) == []


@pytest.mark.parametrize("name", ["datums", "teksts", "negativs", "kartas-nr"])
def test_what_rests_on_the_pasted_month_is_no_number(files, name: str) -> None:
    """6.6's row total, 6.7's month, the line's total and the month's total, 6.10's copy of the month and its planned
    sum print „nederīgs”; the line's difference is blank; the other months and lines keep their figures."""
    _, values, _, cell = files[name]
    row = int(cell.split("!")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    units = values.ranges["Men_Daudzums"]
    total_66 = values._cells["6.6"].get((row, units.max_col + 1))
    assert total_66 == INVALID_UNITS, total_66
    amounts = values.ranges["Men_Summa"]
    first, last = amounts.min_col, amounts.max_col
    line = [values._cells["6.7"].get((row, c)) for c in range(first, last + 3 + 1)]
    assert line[0] == INVALID_UNITS and line[last - first + 1] == INVALID_UNITS, line  # the month, the line's total
    assert isinstance(line[last - first + 2], int | float), line  # the sum in 6.4 stays
    assert line[last - first + 3] in (None, ""), line  # the difference rests on the total
    totals = [values._cells["6.7"].get((amounts.max_row + 1, c)) for c in range(first, last + 2 + 1)]
    assert totals[0] == INVALID_UNITS and totals[last - first + 1] == INVALID_UNITS, totals
    assert isinstance(totals[last - first + 2], int | float), totals
    # 6.10 copies the month's planned units (column F of the first month): „nederīgs” too, and its summary's planned
    # sum by months, which rests on 6.7
    assert values._cells["6.10"].get((row, 6)) == INVALID_UNITS
    assert INVALID_UNITS in [v for (_, c), v in values._cells["6.10"].items() if c == 3], "6.10 „Plānots pa mēnešiem”"
    clean = files["tira"][1]
    clean_totals = [clean._cells["6.7"].get((amounts.max_row + 1, c)) for c in range(first, last + 1)]
    assert totals[1:last - first + 1] == clean_totals[1:], (totals, clean_totals)
