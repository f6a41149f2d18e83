"""D147, D148 (audit26 F5): the matrix recalculated by LibreOffice counts a line's units above what the plan period
holds (days, working days, hours) as an error and a session, course or euro line alone above P as a warning, names
the line in 6.4's "Pārbaude" and agrees with the reference on every output; one plan per unit kind."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.recalc import make_profile
from generator.reference.lines import line_from_offer
from generator.reference.monthly import period_working_days
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read
from generator.workbook.recalculated import recalculated_values
from generator.workbook.render import pilot_ids
from generator.workbook.sheets import check_codes
from generator.workbook.texts import CHECKS_63, MSG, MSG_SHORT
from generator.workbook.writer import write_workbook
from tests.workbook.compare import differences
from tests.workbook.conftest import InputCells, recipient_labels, require_uno
from tests.workbook.kept_book import kept_book

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

NEW = ("units_above_period", "line_above_provisional")
# (item, unit, units, price) and the new findings of the reference; the plan: 01.10.2018–31.03.2019 (182 days,
# 124 working days by the catalogue's holidays)
CASES = (
    ("1.4.1", "diennakts", "182", "40", ()),
    ("1.4.1", "diennakts", "183", "40", ("units_above_period",)),
    ("3.6", "darba-diena", "124", "10", ()),
    ("3.6", "darba-diena", "125", "10", ("units_above_period",)),  # whole: a working day (D256)
    ("1.3", "stunda", "4368", "1", ()),
    ("1.3", "stunda", "99999999", "30", ("units_above_period",)),
    ("1.1.1i", "reize", "99999999", "20", ("line_above_provisional",)),
    ("3.11", "kurss", "5000", "3", ("line_above_provisional",)),
    ("1.6", "euro", "100000.5", "1", ("line_above_provisional",)),  # not whole: no day's serial (D286)
    ("1.6", "euro", "10", "1", ()),
)
HALF = dt.date(2018, 10, 15)  # review7's mx.py: a half-month start, 15.10.2018–14.04.2019: 168 days, 114 working days
UNLISTED = dt.date(2021, 10, 1)  # into 2022, a year the holiday list lacks: working days are not checked (D62)
# (item, unit, units, price, new findings, period start); "P": the child's own P at a unit price of 1,00 EUR
MORE = (
    ("1.4.1", "diennakts", "168", "40", (), HALF),
    ("3.6", "darba-diena", "115", "10", ("units_above_period",), HALF),
    ("3.6", "darba-diena", "500", "1", (), UNLISTED),
    ("1.4.1", "diennakts", "183", "1", ("units_above_period",), UNLISTED),
    ("1.1.1i", "reize", "P", "1", (), None),
)


def _all_cases(catalogue: Catalogue, params: Params) -> list[tuple[str, str, str, str, tuple, dt.date | None]]:
    """CASES on the first reporting period and MORE on theirs; "P" is replaced by the child's P (D148 at exactly P:
    no warning)."""
    cases = [(*case, None) for case in CASES]
    for item, unit, units, price, new, start in MORE:
        if units == "P":
            probe = _inputs(catalogue, params, item, "1", price, start)
            units = str(evaluate_workbook(probe, params).provisional)
        cases.append((item, unit, units, price, new, start))
    return cases


def _inputs(catalogue: Catalogue, params: Params, item: str, units: str, price: str,
            start: dt.date | None = None) -> WorkbookInputs:
    start, months = start or params.reporting_periods[0].start, 6
    offer = next(o for o in catalogue.offers(params.day) if o.id == item)
    # the monthly plan (6.6) adds up to the period's units: as many as each month's working days hold, the rest last
    rest, planned = Decimal(units), []
    for m in range(1, months):
        planned.append(min(Decimal(period_working_days(start, months, m, params.holidays)), rest))
        rest -= planned[-1]
    planned.append(rest)
    line = line_from_offer(offer, units, unit_price=Decimal(price), expert_rank=1, parent_rank=1,
                           planned_units=tuple(planned))
    return WorkbookInputs(birth_date=dt.date(start.year - 7, 2, 3), period_start=start, months=months,
                          special_care=False, impairment=None, lines=(line,))


@pytest.fixture(scope="module")
def recalculated(catalogue: Catalogue, params: Params,
                 tmp_path_factory: pytest.TempPathFactory) -> list[tuple[WorkbookInputs, NamedValues]]:
    require_uno()
    folder = tmp_path_factory.mktemp("unit-limits")
    template = write_workbook(catalogue, folder / "matrica.xlsx")
    wb = kept_book(template)
    prices, labels, cells = read(wb, "Pak_Cena"), recipient_labels(catalogue), InputCells(template, wb)
    files: list[tuple[WorkbookInputs, Path]] = []
    for i, (item, _, units, price, _, start) in enumerate(_all_cases(catalogue, params)):
        inputs = _inputs(catalogue, params, item, units, price, start)
        fill(wb, inputs, labels, municipality=pilot_ids(catalogue)[0], template_prices=prices)
        path = folder / f"vienibas-{i:02d}.xlsx"
        cells.save(wb, path, len(inputs.lines), [])
        files.append((inputs, path))
    values = recalculated_values([p for _, p in files], profile=make_profile(folder / "profile"))
    return [(inputs, v) for (inputs, _), v in zip(files, values, strict=True)]


def _check_cell(values: NamedValues, sheet: str = "6.4", column: int = 12) -> str:
    """The "Pārbaude" of the plan's first line (row 9): 6.4's messages (column L), 6.3's check numbers (K)."""
    return next((str(v) for name, (r, c), v in values.all_values() if name == sheet and (r, c) == (9, column)), "")


def test_each_unit_kind_equals_the_reference(recalculated, catalogue: Catalogue, params: Params) -> None:
    failures = []
    for (item, unit, units, _, new, _), (inputs, values) in zip(_all_cases(catalogue, params), recalculated,
                                                                strict=True):
        assert str(inputs.lines[0].unit) == unit
        result = evaluate_workbook(inputs, params)
        assert tuple(f.code for f in result.findings if f.code in NEW) == new, (item, units)
        diffs = differences(result.named_values(), values)
        if diffs:
            failures.append(f"{item} × {units}: " + "; ".join(diffs))
        shown = _check_cell(values)
        for code in NEW:
            keywords = shown.split(" (sk.")[0].split("; ")  # the short form, when the full messages do not fit (D60)
            if (code in new) != (MSG[code] in shown or MSG_SHORT[code] in keywords):
                failures.append(f"{item} × {units}: 6.4 Pārbaude „{shown}”, gaidīts {code}: {code in new}")
            numbers = _check_cell(values, "6.3", 11).split(", ")  # the signed 6.3 numbers its checks (D35)
            if (code in new) != (str(check_codes.number(CHECKS_63, code)) in numbers):
                failures.append(f"{item} × {units}: 6.3 Pārbaude „{numbers}”, gaidīts {code}: {code in new}")
    assert not failures, "\n".join(failures)
