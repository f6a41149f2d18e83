"""D147, D148 (audit26 F5): the matrix recalculated by LibreOffice counts a line's units above what the plan period
holds (days, working days, hours) as an error and a session, course or euro line alone above P as a warning, names
the line in 6.4's "Pārbaude" and agrees with the reference on every output; one plan per unit kind. D147 per month:
a month's nights or hours above its days in the plan period (30 nights in a February) are an error of that 6.6 cell,
numbered in 6.6's "Pārbaude" (MONTHLY).

In the same LibreOffice batch: a filled matrix with no errors, one of its sheets unprotected and a row inserted or
deleted (RESTRUCTURED). Its error count becomes an error value, and every status and "NAV PARAKSTĀMS" line must then
say that the matrix is not signable (fail closed), not print money as signable."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.recalc import UNO_PYTHON, make_profile, soffice
from generator.reference.lines import line_from_offer
from generator.reference.monthly import period_working_days
from generator.reference.params import Params
from generator.reference.rules import month_unit_limits
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.inputs import fill
from generator.workbook.layout import Layout
from generator.workbook.names import NamedValues, read
from generator.workbook.recalculated import recalculated_values
from generator.workbook.render import pilot_ids
from generator.workbook.sheets import check_codes
from generator.workbook.sheets.technical import INVALID_STATUS
from generator.workbook.texts import (
    CHECKS_63,
    CHECKS_66,
    MSG,
    MSG_SHORT,
    NOT_SIGNABLE_BROKEN,
    NOT_SIGNABLE_BROKEN_SHORT,
    STRUCTURE_CHANGED,
)
from generator.workbook.writer import write_workbook
from tests.workbook.compare import differences
from tests.workbook.conftest import InputCells, recipient_labels, require_uno
from tests.workbook.kept_book import kept_book

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

NEW = ("units_above_period", "units_above_month", "line_above_provisional")
# (item, unit, units, price) and the new findings of the reference; the plan: 01.10.2018–31.03.2019 (182 days,
# 124 working days by the catalogue's holidays)
# (a period's units above its days or hours are above some month's too: the monthly plan adds up to them)
CASES = (
    ("1.4.1", "diennakts", "182", "40", ()),
    ("1.4.1", "diennakts", "183", "40", ("units_above_period", "units_above_month")),
    ("3.6", "darba-diena", "124", "10", ()),
    ("3.6", "darba-diena", "125", "10", ("units_above_period",)),  # whole: a working day (D256)
    ("1.3", "stunda", "4368", "1", ()),
    # counts below input_amount_max (above it a count is D377's invalid input: tests/workbook/test_invalid_amount_blanks.py)
    ("1.3", "stunda", "9999", "30", ("units_above_period", "units_above_month")),
    ("1.1.1i", "reize", "9999", "20", ("line_above_provisional",)),
    ("3.11", "kurss", "5000", "3", ("line_above_provisional",)),
    ("1.6", "euro", "99999.5", "1", ("line_above_provisional",)),  # not whole: no day's serial (D286)
    ("1.6", "euro", "10", "1", ()),
)
HALF = dt.date(2018, 10, 15)  # review7's mx.py: a half-month start, 15.10.2018–14.04.2019: 168 days, 114 working days
UNLISTED = dt.date(2021, 10, 1)  # into 2022, a year the holiday list lacks: working days are not checked (D62)
# (item, unit, units, price, new findings, period start); "P": the child's own P at a unit price of 1,00 EUR
MORE = (
    ("1.4.1", "diennakts", "168", "40", (), HALF),
    ("3.6", "darba-diena", "115", "10", ("units_above_period",), HALF),
    ("3.6", "darba-diena", "500", "1", (), UNLISTED),
    ("1.4.1", "diennakts", "183", "1", ("units_above_period", "units_above_month"), UNLISTED),
    ("1.1.1i", "reize", "P", "1", (), None),
)
# D147 per month (audit F1 of session 36): the period's units within its limit, one month's over that month's days in
# the plan period – (item, unit, the months' units, price, new findings, period start). The plan from 01.10.2018 has
# February 2019 as its 5th month (28 days, 672 hours); from 15.10.2018 (HALF) its October holds 17 days.
MONTHLY = (
    ("1.4.1", "diennakts", ("0", "0", "0", "0", "28", "0"), "40", (), None),
    ("1.4.1", "diennakts", ("0", "0", "0", "0", "30", "0"), "40", ("units_above_month",), None),
    ("1.3", "stunda", ("0", "0", "0", "0", "672", "0"), "1", (), None),
    ("1.3", "stunda", ("0", "0", "0", "0", "700", "0"), "1", ("units_above_month",), None),
    ("1.4.1", "diennakts", ("17", "30", "31", "31", "28", "31"), "40", (), HALF),
    ("1.4.1", "diennakts", ("18", "0", "0", "0", "0", "0"), "40", ("units_above_month",), HALF),
)


Case = tuple[str, str, str | tuple[str, ...], str, tuple, dt.date | None]


def _all_cases(catalogue: Catalogue, params: Params) -> list[Case]:
    """CASES on the first reporting period, MORE and MONTHLY on theirs; "P" is replaced by the child's P (D148 at
    exactly P: no warning)."""
    cases: list[Case] = [(*case, None) for case in CASES]
    for item, unit, units, price, new, start in MORE:
        if units == "P":
            probe = _inputs(catalogue, params, item, "1", price, start)
            units = str(evaluate_workbook(probe, params).provisional)
        cases.append((item, unit, units, price, new, start))
    return cases + list(MONTHLY)


def _inputs(catalogue: Catalogue, params: Params, item: str, units: str | tuple[str, ...], price: str,
            start: dt.date | None = None) -> WorkbookInputs:
    start, months = start or params.reporting_periods[0].start, 6
    offer = next(o for o in catalogue.offers(params.day) if o.id == item)
    if isinstance(units, tuple):  # the months' units as given (MONTHLY), the period's their sum
        planned = [Decimal(u) for u in units]
        units = str(sum(planned, Decimal(0)))
    else:
        # the monthly plan (6.6) adds up to the period's units: as many as each month holds (its working days, or
        # for nights and hours its days in the period: D147 per month), the rest in the last month
        unit = str(offer.service.unit)
        rest, planned = Decimal(units), []
        for m in range(1, months):
            room = month_unit_limits(start, months, m).get(unit, period_working_days(start, months, m, params.holidays))
            planned.append(min(Decimal(room), rest))
            rest -= planned[-1]
        planned.append(rest)
    line = line_from_offer(offer, units, unit_price=Decimal(price), expert_rank=1, parent_rank=1,
                           planned_units=tuple(planned))
    return WorkbookInputs(birth_date=dt.date(start.year - 7, 2, 3), period_start=start, months=months,
                          special_care=False, impairment=None, lines=(line,))


LAY = Layout(offers=1, months=6)  # the plan rows' place (the number of 6.8 rows does not move them)
# (sheet, "insert" | "delete", 1-based row): inside the plan table of the signed 6.6 and 6.3 (audit F4 of session 36)
RESTRUCTURED = (("6.6", "insert", LAY.plan_first + 1), ("6.3", "delete", LAY.plan_first + 2))
LO_ROWS = Path(__file__).with_name("lo_rows.py")


def _restructure(source: Path, folder: Path, profile: Path) -> list[Path]:
    """RESTRUCTURED of ``source``, each saved by LibreOffice (tests/workbook/lo_rows.py, one soffice)."""
    outs = [folder / f"struktura-{i}.xlsx" for i in range(len(RESTRUCTURED))]
    asked = [json.dumps({"path": str(source), "out": str(out), "sheet": sheet, "op": op, "row": row})
             for out, (sheet, op, row) in zip(outs, RESTRUCTURED, strict=True)]
    done = subprocess.run([UNO_PYTHON, str(LO_ROWS), soffice() or "soffice", str(profile)], input="\n".join(asked),
                          capture_output=True, text=True, timeout=300, check=False)
    answers = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert [a.get("error") for a in answers] == [None] * len(outs) and all(o.exists() for o in outs), (answers,
                                                                                                      done.stderr)
    return outs


@pytest.fixture(scope="module")
def batch(catalogue: Catalogue, params: Params,
          tmp_path_factory: pytest.TempPathFactory) -> tuple[list[tuple[WorkbookInputs, NamedValues]], list]:
    """The unit-limit plans and the restructured matrices, recalculated by one LibreOffice."""
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
    profile = make_profile(folder / "profile")
    changed = _restructure(files[0][1], folder, make_profile(folder / "profile-rows"))  # CASES[0]: no error
    values = recalculated_values([*(p for _, p in files), *changed], profile=profile)
    return [(inputs, v) for (inputs, _), v in zip(files, values[:len(files)], strict=True)], values[len(files):]


@pytest.fixture(scope="module")
def recalculated(batch) -> list[tuple[WorkbookInputs, NamedValues]]:  # noqa: ANN001
    return batch[0]


def _check_cell(values: NamedValues, sheet: str = "6.4", column: int = 12) -> str:
    """The "Pārbaude" of the plan's first line (row 9): 6.4's messages (column L), 6.3's check numbers (K), 6.6's
    check numbers (the column after the months' total)."""
    return next((str(v) for name, (r, c), v in values.all_values() if name == sheet and (r, c) == (9, column)), "")


def _check_column_66(values: NamedValues) -> int:
    """6.6's "Pārbaude" column (after the months and their total; the months are the catalogue's longest plan)."""
    return next(c for name, (r, c), v in values.all_values() if name == "6.6" and r == LAY.table_header
                and v == "Pārbaude")


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
            if code == "units_above_month":  # the signed 6.6 numbers it in the line's row (D35), its cell is marked
                numbers = _check_cell(values, "6.6", _check_column_66(values)).split(", ")
                if (code in new) != (str(check_codes.number(CHECKS_66, code)) in numbers):
                    failures.append(f"{item} × {units}: 6.6 Pārbaude „{numbers}”, gaidīts {code}: {code in new}")
                continue
            keywords = shown.split(" (sk.")[0].split("; ")  # the short form, when the full messages do not fit (D60)
            if (code in new) != (MSG[code] in shown or MSG_SHORT[code] in keywords):
                failures.append(f"{item} × {units}: 6.4 Pārbaude „{shown}”, gaidīts {code}: {code in new}")
            numbers = _check_cell(values, "6.3", 11).split(", ")  # the signed 6.3 numbers its checks (D35)
            if (code in new) != (str(check_codes.number(CHECKS_63, code)) in numbers):
                failures.append(f"{item} × {units}: 6.3 Pārbaude „{numbers}”, gaidīts {code}: {code in new}")
    assert not failures, "\n".join(failures)


def _texts(values: NamedValues, sheet: str) -> list[str]:
    return [v for name, _, v in values.all_values() if name == sheet and isinstance(v, str)]


@pytest.mark.parametrize(("index", "change"), list(enumerate(RESTRUCTURED)), ids=lambda v: str(v))
def test_a_row_inserted_or_deleted_fails_closed(batch, index: int, change: tuple) -> None:  # noqa: ANN001
    """The matrix had no error; with a row inserted into 6.6 or deleted from 6.3 its error count is an error value:
    6.1 and 6.4 say why instead of "tiesīgs" or the amounts' status, 6.11 says the structure changed instead of "no
    invalid cells", and each signed annex says NAV PARAKSTĀMS beside its title and above its signatures."""
    plans, changed = batch
    assert plans[0][1]["Kludas"] == 0, "the matrix before the change has no error"
    values = changed[index]
    errors = values["Kludas"]
    assert isinstance(errors, str) and errors.startswith("#"), f"{change}: Kludas {errors!r}"
    assert values["Statuss_Tiesibas"] == STRUCTURE_CHANGED, change
    assert values["Statuss_Aprekins"] == STRUCTURE_CHANGED, change
    status = next(v for name, (r, c), v in values.all_values() if name == "6.11" and (r, c) == (INVALID_STATUS, 1))
    assert status == STRUCTURE_CHANGED, (change, status)
    for sheet in ("6.3", "6.5", "6.6", "6.9"):
        texts = _texts(values, sheet)
        assert NOT_SIGNABLE_BROKEN_SHORT in texts and NOT_SIGNABLE_BROKEN in texts, (change, sheet)
