"""One value pasted into a 6.10 input (a month's delivered units or payment) is one error everywhere (D140, D298,
D304), as D298 made it for 6.6's months: a date (a date format), a text number, a negative number, half a unit counted
whole (D256), a sub-cent payment (D87) and a day's serial (D286). Before, the matrix counted each as the invalid input
and, besides, „saņemts vairāk, nekā plānots” or „samaksāts vairāk, nekā maksā saņemtās vienības” (the rules summed the
date's serial, or left the text out of the delivered units a payment is measured against), and printed the date's serial
as the line's delivered units, its paid sum and the period's paid total (Fakt_Kopa). Now the matrix counts one error, as
the reference does for the values it can be given (the fraction, the sub-cent payment, the serial) and as the reader
(`ibm documents --from-matrix`, `ibm collect`) names one cell; the sums resting on the cell (the line's delivered units
or paid sum, the month's paid total, the period's paid total) print „nederīgs”, what is computed from them is blank."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.money import cents
from generator.recalc import make_profile
from generator.reference.date_serials import day_serial
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.input_checks import FORMULA_HINT, FORMULA_TEXT
from generator.workbook.layout import line_offset
from generator.workbook.names import NamedValues
from generator.workbook.sheets.calculation import INVALID_UNITS
from generator.workbook.sheets.technical import rule_row_of
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

PASTED_DAY = dt.datetime(2027, 1, 15)  # a date far above any month's units or payment (its serial 46 402)
DELIVERED, PAID = "Fakt_Daudzums", "Fakt_Summa"


def _plan(catalogue: Catalogue, params: Params, day: dt.date) -> tuple[WorkbookInputs, int]:
    """An error-free random plan whose counted line of a whole unit (D256) received its first month's plan (at least
    2 units) and was paid for it; that line's index."""
    offers = catalogue.offers(day)
    seed = SEED + 64_000
    while True:
        plan = random_plan(seed, offers, params.full_rate_max_age, params.eligibility_age_limit,
                           params.period_months_max, params.reporting_periods).inputs
        seed += 1
        whole = [i for i, ln in enumerate(plan.lines) if ln.counted and ln.unit in params.whole_units
                 and ln.planned_units and ln.planned_units[0] >= 2 and ln.unit_price > 0]
        if not whole or plan.months < 2 or len(plan.lines) % 5 == 0:  # an unused row in the last open group
            continue
        i = whole[0]
        lines = list(plan.lines)
        ln = lines[i]
        got = ln.planned_units[0]
        rest = ln.planned_units[1:]
        lines[i] = dataclasses.replace(ln, delivered_units=(got, *(Decimal(0),) * len(rest)),
                                       paid=(cents(got * ln.unit_price), *(Decimal(0),) * len(rest)))
        plan = dataclasses.replace(plan, lines=tuple(lines))
        if evaluate_workbook(plan, params).errors == 0:
            return plan, i


def _transport_plan(catalogue: Catalogue, params: Params, day: dt.date) -> WorkbookInputs:
    """A random plan whose one error is its transport part above its share without a justification (D9; an error
    since D371): the justification typed, it has none."""
    offers = catalogue.offers(day)
    for seed in range(SEED + 65_000, SEED + 67_000):
        plan = random_plan(seed, offers, params.full_rate_max_age, params.eligibility_age_limit,
                           params.period_months_max, params.reporting_periods).inputs
        result = evaluate_workbook(plan, params)
        if result.errors == 1 and any(f.code == "transport_share" and f.counts for f in result.findings):
            return plan
    raise AssertionError("no plan above its transport share")


_with = with_first_month
REASON, START = "Transporta_Pamatojums", "Perioda_Sakums"


@pytest.fixture(scope="module")
def files(catalogue: Catalogue, params: Params, day, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
          ) -> Files:
    folder = tmp_path_factory.mktemp("izpildes-ielime")
    plan, line = _plan(catalogue, params, day)
    transport = _transport_plan(catalogue, params, day)
    serial = Decimal(day_serial(PASTED_DAY.date()))
    paid = plan.lines[line].paid[0]
    # name: (inputs, the named range, the value pasted into its first month of plan line ``row`` or None, row)
    variants: Variants = {
        "tira": (plan, DELIVERED, None, line),
        "sanemts-datums": (plan, DELIVERED, PASTED_DAY, line),
        "sanemts-teksts": (plan, DELIVERED, "2,5", line),
        "sanemts-negativs": (plan, DELIVERED, -5, line),
        "sanemts-dala": (_with(plan, line, "delivered_units", Decimal("1.5")), DELIVERED, None, line),
        "samaksats-datums": (plan, PAID, PASTED_DAY, line),
        "samaksats-negativs": (plan, PAID, -5, line),
        "samaksats-centi": (_with(plan, line, "paid", paid + Decimal("0.004")), PAID, None, line),
        "samaksats-kartas-nr": (_with(plan, line, "paid", serial), PAID, None, line),
        # an unused row's payment (shown: a hidden row's data is an error of its own): one invalid input, not also
        # "no service, but month data"
        "tuksa-rinda": (plan, PAID, PASTED_DAY, len(plan.lines)),
        # D331: a formula saved without a value (as openpyxl writes it) in a 6.10 and a 6.6 month, an unused row's too
        "samaksats-formula": (plan, PAID, "=1+1", line),
        "planots-formula": (plan, "Men_Daudzums", "=1+1", line),
        "tuksa-rinda-formula": (plan, PAID, "=1+1", len(plan.lines)),
        # D331: a year pasted into the period's first day; TRUE pasted into D9's justification of a plan above its
        # transport share, and a text typed there
        "sakums-gads": (plan, START, 2019, 0),
        "pamatojums-true": (transport, REASON, True, 0),
        "pamatojums-skaitlis": (transport, REASON, 60, 0),  # D339: a number is no reason either
        "pamatojums-teksts": (transport, REASON, "Tuvākais speciālists ir 60 km attālumā.", 0),
    }
    # the rows are plan lines: their sheet rows leave room for D288's spacers
    placed = {name: (inputs, rng, value, line_offset(row) if rng not in (REASON, START) else row)
              for name, (inputs, rng, value, row) in variants.items()}
    profile = make_profile(tmp_path_factory.mktemp("lo-profile-izpildes-ielime"))
    return pasted_files(catalogue, templates[None], folder, profile, placed)


SEEN = ("sanemts-dala", "samaksats-centi", "samaksats-kartas-nr")  # the values the reference is given


_listed = listed_checks


@pytest.mark.parametrize("name", ["sanemts-datums", "sanemts-teksts", "sanemts-negativs", "sanemts-dala",
                                  "samaksats-datums", "samaksats-negativs", "samaksats-centi", "samaksats-kartas-nr",
                                  "tuksa-rinda"])
def test_one_paste_is_one_error_in_the_matrix_the_reference_and_the_reader(files, params: Params,
                                                                          catalogue: Catalogue, name: str) -> None:
    reference, values, path, cell = one_error_each(files, name, params, given=name in SEEN)
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    if name == "samaksats-centi":  # the reader passes a sub-cent payment on: the reference counts it, once
        assert data is not None and not problems, problems
        found = evaluate_workbook(data.inputs, data.params(catalogue)).findings
        assert [f.code for f in found if f.severity.name == "error"] == ["money_cents"], found
    else:
        assert data is None and len(problems) == 1 and problems[0].startswith(f"{cell} "), problems
    if name in SEEN:  # every amount and count equals the reference's
        assert differences(reference.named_values(), values) == []


def _sheet(values: NamedValues) -> dict[tuple[int, int], object]:
    return values._cells["6.10"]


@pytest.mark.parametrize("name", ["sanemts-datums", "sanemts-teksts", "sanemts-negativs", "sanemts-dala",
                                  "samaksats-datums", "samaksats-negativs", "samaksats-centi", "samaksats-kartas-nr"])
def test_what_rests_on_the_pasted_value_is_no_number(files, name: str) -> None:
    """The line's delivered units (a delivered month) or its paid sum, the month's and the period's paid totals and the
    summary's paid sum (a payment) print „nederīgs”; the remainders, the shares and the underspend are blank; no cell of
    6.10 is an error value; the other lines and months keep their figures."""
    _, values, _, cell = files[name]
    clean = _sheet(files["tira"][1])
    row = int(cell.split("!")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    paid = values.ranges[PAID]
    got_sum, left_units, paid_sum, left_money, absorption = (paid.max_col + k for k in range(1, 6))
    sheet = _sheet(values)
    assert not [v for v in sheet.values() if isinstance(v, str) and v.startswith(("#", "Err:"))], sheet
    total = paid.max_row + 1
    if name.startswith("sanemts"):
        assert sheet.get((row, got_sum)) == INVALID_UNITS, sheet.get((row, got_sum))
        assert sheet.get((row, left_units)) in (None, ""), sheet.get((row, left_units))
        assert sheet.get((row, paid_sum)) == clean.get((row, paid_sum))  # the payment itself is valid
        return
    assert sheet.get((row, got_sum)) == clean.get((row, got_sum))
    assert sheet.get((row, paid_sum)) == INVALID_UNITS, sheet.get((row, paid_sum))
    assert sheet.get((row, left_money)) in (None, "") and sheet.get((row, absorption)) in (None, "")
    assert sheet.get((total, paid.min_col)) == INVALID_UNITS  # the pasted month's total
    assert sheet.get((total, paid_sum)) == INVALID_UNITS and values["Fakt_Kopa"] == INVALID_UNITS
    # the other months' totals stay
    assert [sheet.get((total, c)) for c in range(paid.min_col + 1, paid.max_col + 1)] == \
        [clean.get((total, c)) for c in range(paid.min_col + 1, paid.max_col + 1)]
    summary = [v for (r, c), v in sorted(sheet.items()) if c == 3 and r > total]
    assert INVALID_UNITS in summary, summary  # „Samaksāts periodā”
    assert not any(isinstance(v, int | float) and not isinstance(v, bool) for v in summary[2:4]), summary


@pytest.mark.parametrize("name", ["samaksats-formula", "planots-formula", "tuksa-rinda-formula"])
def test_a_formula_saved_without_a_value_is_one_error_the_reader_names(files, params: Params, catalogue: Catalogue,
                                                                       name: str) -> None:
    """D331: a formula with no stored result in a 6.10 or 6.6 month cell (openpyxl and other programs save it so) is
    the matrix's one invalid input; the reader named nothing before (it read an empty cell, and `ibm collect` used a
    paid total the matrix shows „nederīgs”), now it names the cell in the words it uses for 6.3, 6.8 and 6.1."""
    one_error_each(files, name, params, given=False)
    _, values, path, cell = files[name]
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is None and len(problems) == 1 and problems[0].startswith(f"{cell} "), problems
    said = problems[0].split("): ", 1)[1]
    assert said.endswith(f"{FORMULA_TEXT} ({FORMULA_HINT})"), said
    sheet, a1 = cell.split("!")
    assert [t for t in listed_checks(values) if f"{sheet} {a1}: {said.removesuffix(f' ({FORMULA_HINT})')}" in t], \
        (said, listed_checks(values))


def test_a_year_in_the_date_cell_is_said_as_the_matrix_says_it(files, catalogue: Catalogue) -> None:
    """D331: 2019 pasted into 6.1's first day of the period is the day 11.07.1905 outside the matrix's date range; the
    reader says so in the matrix's words (before: it read the day and said only that no reporting period holds it)."""
    _, values, path, cell = files["sakums-gads"]
    assert values["h_NederigasIevades"] == 1, listed_checks(values)
    sheet, a1 = cell.split("!")
    listed = [t.split(": ", 1)[1] for t in listed_checks(values) if f" {sheet} {a1}: " in t]
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is None and problems == [f"{cell} ({START}): {listed[0]}"], (problems, listed)
    assert listed[0].endswith(", ievadīts 11.07.1905"), listed


def _rule_count(values: NamedValues, code: str) -> object:
    return values._cells["6.11"].get((rule_row_of(code), 5))


def test_a_logical_value_is_no_justification_in_the_matrix_and_the_reader(files, params: Params,
                                                                        catalogue: Catalogue) -> None:
    """D331: TRUE pasted into 6.4's justification of a plan above its transport share. Before, the matrix said „…
    nevis formulai vai saitei, ievadīta 1 zīme” (LibreOffice opens the bool cell as =TRUE()), counted the
    justification as given (6.11's „transport_share_overridden”) and the reader read „True” as the social worker's
    reason, which the papers quoted. Now the matrix says D140's words for a logical value and counts no justification
    (the share's error stays – an error since D371 – and the paste is one more), and the reader refuses the cell in
    the same words; a typed text is a justification."""
    _, values, path, cell = files["pamatojums-true"]
    listed = listed_checks(values)
    assert values["Kludas"] == 2 and values["h_NederigasIevades"] == 1, listed
    said = "transporta pamatojumam jābūt ierakstītam tekstam, nevis loģiskajai vērtībai, ievadīts TRUE (PATIESS)"
    sheet, a1 = cell.split("!")
    assert [t for t in listed if t.endswith(f" {sheet} {a1}: {said}")], listed
    assert (_rule_count(values, "transport_share"), _rule_count(values, "transport_share_overridden")) == (1, 0)
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is None and problems == [f"{cell} ({REASON}): {said}"], problems
    _, number, path, cell = files["pamatojums-skaitlis"]  # D339: counted once, and the share's error stays counted
    assert number["Kludas"] == 2 and number["h_NederigasIevades"] == 1, listed_checks(number)
    assert (_rule_count(number, "transport_share"), _rule_count(number, "transport_share_overridden")) == (1, 0)
    assert read_child(Matrix.open(path), catalogue, strict=False)[0] is None
    inputs, typed, path, _ = files["pamatojums-teksts"]
    assert typed["Kludas"] == 0, listed_checks(typed)
    assert (_rule_count(typed, "transport_share"), _rule_count(typed, "transport_share_overridden")) == (0, 1)
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is not None and data.inputs.transport_override == "Tuvākais speciālists ir 60 km attālumā.", problems
