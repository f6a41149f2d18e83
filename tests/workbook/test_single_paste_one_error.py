"""One value pasted into 6.3's units, 6.8's price or 6.1's birth date (B15) or first day of the period (B38) is one
error everywhere (D140, D332), as D298 and D304 made it for 6.6 and 6.10: text, TRUE, a negative number, a date (a
date format in a number cell), a formula, 1e12 in a date cell, a number typed in another format („1,234.50”). Before,
the matrix counted TRUE, a date or a formula in the units (LibreOffice reads them as 1, the day's serial, the formula's
value) and TRUE, a negative number, a formula or 1e12 in a date as the invalid input and, besides, a rule (the units
above the period's days, the child not eligible, the start outside the reporting periods), so Kludas was 2 while
6.11's list named one cell; 6.4 priced the line with the invalid units or price; the reader refused 1e12 in a date cell
as a damaged file and let an invalid price of a service no line uses pass. Now the matrix counts one error, named on
6.11 with its sheet and cell, as the reference's clean count plus that input and as the reader names one cell; the line
resting on it has no amount (6.4 shows the invalid units or price „nederīgs” and no sum, N leaves the line out), and an
invalid date leaves the age, P and the amounts blank."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, offer_code, read_child
from generator.recalc import make_profile
from generator.reference.findings import Severity
from generator.reference.lines import PlanLine
from generator.reference.paid_totals import paid_by_month
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.layout import PLAN_ROWS, plan_row
from generator.workbook.names import read
from generator.workbook.sheets.calculation import INVALID_UNITS
from generator.workbook.texts import MSG, VOID_LINES_65
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

UNITS, PRICE, BORN, START = "Plans_Daudzums", "Pak_Cena", "Berns_DzimsanasDatums", "Perioda_Sakums"
PASTED_DAY = dt.datetime(2027, 1, 15)
# each kind of invalid value the audit pasted, as it applies to the input's kind: a number input takes a date's
# format as invalid (D282); a date input takes a date, so there 1e12 (no day of the spreadsheets) instead
NUMBER_VALUES = {"teksts": "abc", "true": True, "negativs": -5, "datums": PASTED_DAY, "formula": "=1+1",
                 "svesais": "1,234.50"}
DATE_VALUES = {"teksts": "abc", "true": True, "negativs": -5, "e12": 1e12, "formula": "=1+1", "svesais": "2027-01-15"}
PASTES = {(name, kind): value for name, values in ((UNITS, NUMBER_VALUES), (PRICE, NUMBER_VALUES),
                                                   (BORN, DATE_VALUES), (START, DATE_VALUES))
          for kind, value in values.items()}
UNUSED_PRICE = "neizmantota-cena"  # TRUE in the price of a service no line uses: the matrix and the reader count it
# D367: the first line made void by a date pasted into its units or price (a serial the reference sees, D286), with a
# payment in its first month (PAID) or none at all: (the named range, the payment)
PAID = Decimal("12.34")
VOID_PAID = {"tuksa-samaksa-daudzums": (UNITS, PAID), "tuksa-samaksa-cena": (PRICE, PAID),
             "tuksa-bez-samaksas-cena": (PRICE, None)}
PASTED_SERIAL = Decimal(46402)  # PASTED_DAY as the spreadsheets count it
# D372: a line without a service or units after the plan's lines, paid PAID in the first month (the error
# ignored_line_data): its payment is counted in the period's paid total as in its month's
IGNORED_PAID = "rinda-bez-pakalpojuma-samaksa"


def _plan(catalogue: Catalogue, params: Params, day: dt.date) -> WorkbookInputs:
    """An error-free random plan whose first line is counted and priced, its service on no other line."""
    offers = catalogue.offers(day)
    seed = SEED + 71_000
    while True:
        plan = random_plan(seed, offers, params.full_rate_max_age, params.eligibility_age_limit,
                           params.period_months_max, params.reporting_periods).inputs
        seed += 1
        first = plan.lines[0] if plan.lines else None
        if (first is not None and first.counted and first.unit_price > 0
                and sum(ln.offer_id == first.offer_id for ln in plan.lines) == 1
                and evaluate_workbook(plan, params).errors == 0):
            return plan


def _paid_first(plan: WorkbookInputs, paid: Decimal | None) -> WorkbookInputs:
    """``plan`` with its first line paid ``paid`` in the first month and nothing later (None: nothing at all)."""
    first = plan.lines[0]
    if paid is None:
        lines = (dataclasses.replace(first, paid=()), *plan.lines[1:])
        return dataclasses.replace(plan, lines=lines)
    return with_first_month(dataclasses.replace(plan, lines=(dataclasses.replace(first, paid=(Decimal(0),)),
                                                             *plan.lines[1:])), 0, "paid", paid)


def _as_read(plan: WorkbookInputs, name: str) -> WorkbookInputs:
    """``plan`` as the reference sees its first line with PASTED_DAY's serial in its units or price."""
    attr = "units" if name == UNITS else "unit_price"
    return dataclasses.replace(plan, lines=(dataclasses.replace(plan.lines[0], **{attr: PASTED_SERIAL}),
                                            *plan.lines[1:]))


def _name(name: str, kind: str) -> str:
    return f"{name}-{kind}"


@pytest.fixture(scope="module")
def files(catalogue: Catalogue, params: Params, day, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
          ) -> Files:
    folder = tmp_path_factory.mktemp("viena-ielime")
    plan = _plan(catalogue, params, day)
    labels = [offer_code(str(v)) if v else "" for v in read(load_workbook(templates[None]), "Pak_Id")]
    price_row = labels.index(plan.lines[0].offer_id)
    unused = next(j for j, code in enumerate(labels) if code and all(ln.offer_id != code for ln in plan.lines))
    variants: Variants = {"tira": (plan, UNITS, None, 0), UNUSED_PRICE: (plan, PRICE, True, unused)}
    for (name, kind), value in PASTES.items():
        variants[_name(name, kind)] = (plan, name, value, price_row if name == PRICE else 0)
    for variant, (name, paid) in VOID_PAID.items():
        variants[variant] = (_paid_first(plan, paid), name, PASTED_DAY, price_row if name == PRICE else 0)
    variants[IGNORED_PAID] = (dataclasses.replace(plan, lines=(*plan.lines, PlanLine(None, paid=(PAID,)))),
                              UNITS, None, 0)
    profile = make_profile(tmp_path_factory.mktemp("lo-profile-viena-ielime"))
    return pasted_files(catalogue, templates[None], folder, profile, variants)


@pytest.mark.parametrize("name", [*(_name(n, k) for n, k in PASTES), UNUSED_PRICE])
def test_one_paste_is_one_error_named_in_the_matrix_and_by_the_reader(files, params: Params, catalogue: Catalogue,
                                                                     name: str) -> None:
    _, values, path, cell = one_error_each(files, name, params, given=False)
    sheet, a1 = cell.split("!")
    listed = listed_checks(values)
    assert len(listed) == 1 and f" {sheet} {a1}: " in listed[0], listed  # 6.11's list and its total agree
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is None and len(problems) == 1 and problems[0].startswith(f"{cell} "), problems


def _line_64(values, column: int) -> object:  # noqa: ANN001
    summa = values.ranges["Plans_Summa"]
    return values._cells["6.4"].get((summa.min_row, column))


@pytest.mark.parametrize("name", [_name(n, k) for n, k in PASTES if n in (UNITS, PRICE)])
def test_no_amount_rests_on_pasted_units_or_price(files, name: str) -> None:
    """6.4 shows the line's invalid units or price „nederīgs”, no sum, priority or IB share for it; N leaves it out."""
    clean = files["tira"][1]
    _, values, _, _ = files[name]
    summa = values.ranges["Plans_Summa"].min_col
    shown = summa - 2 if name.startswith(UNITS) else summa - 1  # E „Daudzums periodā”, F „Cena”
    assert _line_64(values, shown) == INVALID_UNITS, _line_64(values, shown)
    line = [_line_64(values, c) for c in (summa, summa + 1, summa + 2)]  # G sum, H priority, I IB share
    assert all(v in (None, "") for v in line), line
    line_sum = _line_64(clean, summa)
    assert isinstance(line_sum, int | float) and line_sum > 0
    assert round(values["IB_Nepieciesamais"], 2) == round(clean["IB_Nepieciesamais"] - line_sum, 2)


@pytest.mark.parametrize("name", [_name(n, k) for n, k in PASTES if n in (BORN, START)])
def test_no_age_or_amount_rests_on_a_pasted_date(files, name: str) -> None:
    """The age, the rate and P are blank (not the age of a child born 01.01.1900, not 0), so no eligibility rule."""
    _, values, _, _ = files[name]
    assert values["Vecums"] in (None, ""), values["Vecums"]
    assert values["IB_Provizoriskais"] in (None, ""), values["IB_Provizoriskais"]
    assert values["IB_Pieejamais"] in (None, ""), values["IB_Pieejamais"]


@pytest.mark.parametrize("name", list(VOID_PAID))
def test_money_paid_on_a_void_line_leaves_the_paid_total_unknown(files, params: Params, catalogue: Catalogue,
                                                                 name: str) -> None:
    """D367: a payment on a line the pasted units or price make void (D332) is money paid: 6.10 prints „nederīgs” for
    the line's paid sum and the period's total Fakt_Kopa (so no absorption and no underspend), as the reference's
    None; without a payment the total is the other lines' sum, as before. Still one error (6.11's own check of the
    total agrees), and the reader refuses the matrix naming the pasted cell."""
    range_name, paid = VOID_PAID[name]
    inputs, values, path, cell = files[name]
    one_error_each(files, name, params, given=False)
    assert params.date_serials and params.date_serials.day(PASTED_SERIAL) == PASTED_DAY.date()
    reference = evaluate_workbook(_as_read(inputs, range_name), params)
    summa = values.ranges["Fakt_Summa"]
    line_paid = values._cells["6.10"].get((summa.min_row, summa.max_col + 3))  # „Samaksāts, EUR” of the line
    check = values._cells["6.10"].get((summa.min_row, summa.max_col + 6))  # „Pārbaude” of the line
    if paid is None:
        assert reference.paid_total is not None and line_paid in (None, ""), line_paid
        assert round(values["Fakt_Kopa"], 2) == reference.paid_total
        assert isinstance(values["Fakt_Neizlietots"], int | float)
        assert check in (None, ""), check
    else:
        assert reference.paid_total is None and reference.named_values()["Fakt_Kopa"] is None
        assert values["Fakt_Kopa"] == line_paid == INVALID_UNITS, (values["Fakt_Kopa"], line_paid)
        assert values["Fakt_Neizlietots"] in (None, ""), values["Fakt_Neizlietots"]
        assert check == MSG["void_paid"], check  # D372: beside the „nederīgs”, what is wrong there
    # D372: the void lines' count and the paid sums read one flag of 6.4 (h_Nederiga): the first line's only
    flags = [int(v or 0) for v in values["h_Nederiga"]]
    assert flags[0] == 1 and sum(flags) == 1 == values["h_NederigasRindas"] == reference.void_count, flags
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is None and len(problems) == 1 and problems[0].startswith(f"{cell} "), problems


@pytest.mark.parametrize("name", [_name(PRICE, k) for k in NUMBER_VALUES])
def test_the_pasted_price_is_named_in_the_lines_check(files, name: str) -> None:
    """D386: 6.4's „Pārbaude” (L) of the line a pasted 6.8 price makes void names that 6.8 cell, as a pasted 6.3 input
    is said there; before, it was empty beside the price „nederīgs”."""
    _, values, _, cell = files[name]
    sheet, a1 = cell.split("!")
    assert sheet == "6.8"
    before, after = MSG["invalid_price_68"].split("{cell}")
    check = _line_64(values, 12)  # L „Pārbaude”
    assert check == f"{before}{a1}{after}", check
    assert _line_64(files["tira"][1], 12) in (None, "")


def _number_column(template: Path, sheet: str) -> str:
    """The column whose blank hides a plan row's number on ``sheet`` (the blank_mark rule over A's plan rows)."""
    ws = load_workbook(template)[sheet]
    first = plan_row(0)
    for cf in ws.conditional_formatting:
        if str(cf.sqref).startswith(f"A{first}:A"):
            for rule in cf.rules:
                found = re.fullmatch(rf'\$([A-Z]+){first}=""', rule.formula[0])
                if found and rule.dxf.font is not None:
                    return found.group(1)
    raise AssertionError(f"{sheet}: no rule that hides the plan rows' numbers")


@pytest.mark.parametrize("name", ["tuksa-bez-samaksas-cena", "tuksa-samaksa-daudzums"])
def test_a_void_line_keeps_its_number_on_the_working_sheets(files, templates, name: str) -> None:  # noqa: ANN001
    """D386: 6.7 and 6.10 hide a row's „Nr.” while the column their rule reads is blank – the line's service, which a
    void line has (its price is blank there when the price is the invalid input: before, the rule read the price, and
    the line's number vanished on every printed page of 6.10); an unused row's is blank."""
    _, values, _, _ = files[name]
    for sheet in ("6.7", "6.10"):
        column = column_index_from_string(_number_column(templates[None], sheet))
        cells = values._cells[sheet]
        assert cells.get((plan_row(0), column)) not in (None, ""), (sheet, column)
        unused = plan_row(len(files[name][0].lines))
        assert cells.get((unused, column)) in (None, ""), (sheet, column)


def _listed_65(values) -> list[tuple[object, object]]:  # noqa: ANN001
    """6.5's plan rows that print a line (a number in A, a struck row's is EMPTY_MARK): (number, service)."""
    rows = [values._cells["6.5"].get((plan_row(i), c)) for i in range(PLAN_ROWS) for c in (1, 2)]
    pairs = list(zip(rows[::2], rows[1::2], strict=True))
    return [(a, b) for a, b in pairs if isinstance(a, int | float) and not isinstance(a, bool)]


@pytest.mark.parametrize("name", list(VOID_PAID))
def test_the_signed_annex_lists_a_void_line(files, name: str) -> None:
    """D386: 6.5 lists every plan line, as the draft's annex 2 does: the void first line after the funded ones, with
    its service (its priority, price, sum and IB share print „______” or blank), so the count of the lines the
    signatures approve is the plan's; before, 6.5 left it out and counted one line fewer. Its note says why."""
    clean = files["tira"][1]
    _, values, _, _ = files[name]
    listed, before = _listed_65(values), _listed_65(clean)
    assert len(listed) == len(before) and [n for n, _ in listed] == list(range(1, len(listed) + 1)), listed
    service = values._cells["6.4"].get((values.ranges["Plans_Summa"].min_row, 2))
    assert listed[-1][1] == service and service, (listed, service)
    said = [str(v) for s, _, v in values.all_values() if s == "6.5" and isinstance(v, str)]
    span = "1. rinda" if len(listed) == 1 else f"1.–{len(listed)}. rinda"
    assert any(f"rindu skaits – {len(listed)} ({span})" in t for t in said), [t for t in said if "skaits" in t]
    assert any(t.startswith(VOID_LINES_65) for t in said), said
    assert not any(VOID_LINES_65 in str(v) for s, _, v in clean.all_values() if s == "6.5")


def test_money_paid_on_a_line_without_service_is_counted_as_paid(files, params: Params) -> None:
    """D372: a payment in a line without a service or units is money paid: the line's „Samaksāts, EUR” shows it and
    the period's paid total Fakt_Kopa counts it, as the months' „Kopā” row does (their sum is the total), the
    reference's paid total the same; the line's one error is ignored_line_data, said in its „Pārbaude”. Before, the
    month's total counted it and Fakt_Kopa did not."""
    inputs, values, _, _ = files[IGNORED_PAID]
    clean = files["tira"][1]
    reference = evaluate_workbook(inputs, params)
    assert [f.code for f in reference.findings if f.counts and f.severity is Severity.error] == ["ignored_line_data"]
    assert values["Kludas"] == reference.errors == 1, listed_checks(values)
    assert reference.paid_total == evaluate_workbook(files["tira"][0], params).paid_total + PAID
    assert _cents(values["Fakt_Kopa"]) == reference.paid_total == _cents(clean["Fakt_Kopa"]) + PAID
    summa = values.ranges["Fakt_Summa"]
    row = plan_row(len(inputs.lines) - 1)
    assert values._cells["6.10"].get((row, summa.max_col + 3)) == float(PAID)  # „Samaksāts, EUR” of the line
    assert values._cells["6.10"].get((row, summa.max_col + 6)) == MSG["ignored_line_data"]
    months = [values._cells["6.10"].get((summa.max_row + 1, c), 0) for c in range(summa.min_col, summa.max_col + 1)]
    assert sum(map(_cents, months)) == _cents(values["Fakt_Kopa"]), months  # the months' „Kopā” add up to it
    assert tuple(map(_cents, months[:inputs.months])) == paid_by_month(reference.execution)
    assert isinstance(values["Fakt_Neizlietots"], int | float)
    # its „Atlikums, EUR” is the payment below 0 (nothing planned), so the remainders' total is the planned total
    # less Fakt_Kopa (review48)
    assert values._cells["6.10"].get((row, summa.max_col + 4)) == -float(PAID)
    total = summa.max_row + 1
    planned, remainders = (_cents(values._cells["6.10"].get((total, c))) for c in (5, summa.max_col + 4))
    assert remainders == planned - _cents(values["Fakt_Kopa"]), (planned, remainders)


def _cents(value: object) -> Decimal:
    """A recalculated money cell as the reference's Decimal in cents."""
    assert isinstance(value, int | float) and not isinstance(value, bool), value
    return round(Decimal(str(value)), 2)
