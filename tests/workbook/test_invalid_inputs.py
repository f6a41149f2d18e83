"""The proof that no pasted value changes an amount silently: bad values written straight into the
input cells of error-free random plans (bypassing validation, as a paste does), recalculated by
LibreOffice in the session's batch, raise Kludas, are listed on 6.11 with sheet, cell and field,
and are marked in the same row of their own sheet. Perioda_Menesi empty or invalid is one error."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from openpyxl.utils.cell import get_column_letter

from generator.ministry.matrix import above_max_message, maximums
from generator.reference.workbook import evaluate_workbook
from generator.workbook.layout import INTERFACE_KIND
from generator.workbook.names import NamedValues
from generator.workbook.sheets import check_codes
from generator.workbook.sheets.technical import rule_row_of
from generator.workbook.texts import CHECKS_63, CHECKS_66
from tests.workbook.conftest import INVALID_WORKBOOKS, INVALID_WORKBOOKS_FULL, NOTES
from tests.workbook.invalid import ABOVE_MAX, FIELDS, combinations
from tests.workbook.plan_sample import FULL

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

ERRORS_FIRST = "Matricā ir kļūdas ("


@pytest.fixture(scope="module")
def invalid_values(lo_batch) -> list[NamedValues]:
    return [lo_batch.read(path) for _, _, path in lo_batch.invalid]


def test_every_input_and_every_class_is_pasted(lo_batch) -> None:
    assert len(lo_batch.invalid) == INVALID_WORKBOOKS >= (INVALID_WORKBOOKS_FULL if FULL else 11)
    # every interface input is checked, the provider's free-text name too (its length, D166)
    inputs = {name for name, kind in INTERFACE_KIND.items() if kind == "in"}
    assert inputs <= set(FIELDS), inputs - set(FIELDS)
    # a combination counts only as pasted: an "empty" value left empty (the opinion was pasted as "Ja" beside a bad
    # date, where its emptiness is no error, so the proof never saw it empty)
    used = {(cell.name, cell.kind_class) for _, cells, _ in lo_batch.invalid for cell in cells
            if cell.kind_class != "tukšs" or cell.value is None or not str(cell.value).strip()}
    wanted = {(name, kind_class) for name, kind_class, _ in combinations()}
    assert wanted <= used, sorted(wanted - used)


# The signed annexes whose plan rows print the numbers of their failing checks (texts under the table, D35).
ROW_NUMBERED = {"6.3": CHECKS_63, "6.6": CHECKS_66}


def _row_cells(values: NamedValues, sheet: str, row: int) -> list[str]:
    return [str(v) for s, (r, _), v in values.all_values() if s == sheet and r == row and isinstance(v, str)]


def test_pasted_values_raise_kludas_and_are_named(lo_batch, invalid_values, params) -> None:
    failures = []
    for (plan, cells, _), values in zip(lo_batch.invalid, invalid_values, strict=True):
        assert evaluate_workbook(plan.inputs, params).errors == 0  # the plan itself is clean
        problems = []
        if values["h_NederigasIevades"] != len(cells):
            problems.append(f"nederīgas šūnas: {values['h_NederigasIevades']}, gaidīts {len(cells)}")
        if not values["Kludas"] >= len(cells) > 0:
            problems.append(f"Kludas = {values['Kludas']}")
        listed = [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str)]
        for cell in cells:
            prefix = f"{cell.sheet} {cell.cell}: {cell.label} "
            if not any(prefix in text and not text.startswith("=") for text in listed if ". " in text[:4]):
                problems.append(f"{cell.describe()}: 6.11 sarakstā nav '{prefix}…'")
            row = int(re.sub(r"[A-Z]+", "", cell.cell))
            if cell.sheet in ROW_NUMBERED:  # D35: the row prints the check's number; 6.11 (above) names the cell
                code = str(check_codes.number(ROW_NUMBERED[cell.sheet], "invalid_input"))
                # a plan row's "Pārbaude" cell ("1, 6"), a goal's label ("Ilgtermiņa mērķi (6)")
                beside = [t for t in _row_cells(values, cell.sheet, row) if code in re.split(r",\s*|[()]", t)]
            else:
                beside = [t for t in _row_cells(values, cell.sheet, row) if re.search(rf"\b{cell.cell}\b", t)]
            if not beside:
                problems.append(f"{cell.describe()}: lapas {cell.sheet} {row}. rindā nav atzīmes")
        for name in ("Statuss_Tiesibas", "Statuss_Aprekins"):
            if not str(values[name]).startswith(ERRORS_FIRST):
                problems.append(f"{name}: {values[name]!r}")
        if problems:
            failures.append(plan.describe() + "\n  " + "\n  ".join(problems))
    assert not failures, f"{len(failures)} darbgrāmatas:\n" + "\n\n".join(failures[:5])


def test_messages_quote_the_pasted_text(lo_batch, invalid_values) -> None:
    """E.g. "6.10 R9: maksājumam jābūt skaitlim, ievadīts „180 eur”"."""
    seen = 0
    for (_, cells, _), values in zip(lo_batch.invalid, invalid_values, strict=True):
        listed = " ".join(str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str))
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.strip():
                assert f"{cell.sheet} {cell.cell}: {cell.label} " in listed
                n = len(cell.value)
                counted = f"ievadīta {n} zīme" if n % 10 == 1 and n % 100 != 11 else f"ievadītas {n} zīmes"
                quoted = (counted if FIELDS[cell.name].kind in ("text", "reason", "name")
                          else f"ievadīts „{cell.value}”")  # a long text is counted, not quoted
                assert quoted in listed, cell.describe()
                seen += 1
    assert seen > 0


def test_money_above_the_plausible_highest_is_said_as_the_tools_say_it(lo_batch, invalid_values, params) -> None:
    """D340: a pasted 1e12 in B, another source or a 6.8 price, and 31000000 in F, is one invalid input whose 6.11 line
    is the readers' message (ministry.matrix.above_max_message) with the catalogue's highest, beside its cell; D365,
    D377: so are 6.10's payments and delivered units and a plan line's units on 6.3 and 6.6 (a pasted 99999999999)."""
    seen = set()
    highest = maximums(params)
    for (_, cells, _), values in zip(lo_batch.invalid, invalid_values, strict=True):
        listed = [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str)]
        for cell in cells:
            if cell.kind_class != ABOVE_MAX:
                continue
            said = above_max_message(cell.name, Decimal(str(cell.value)), highest[cell.name])
            assert any(text.endswith(f"{cell.sheet} {cell.cell}: {said}") for text in listed), (cell.describe(), said)
            seen.add(cell.name)
    # every input the catalogue's highest bounds: the money inputs, F, and the units of 6.3, 6.6 and 6.10
    assert seen == set(highest) >= {"Plans_Daudzums", "Men_Daudzums", "Fakt_Daudzums"}, set(highest) ^ seen


SOURCES = ("Fin_Pabalsti", "Fin_Pakalpojumi", "Fin_Citi")


def test_a_source_above_the_highest_is_no_warning_too(lo_batch, invalid_values) -> None:
    """D386: a pasted 1e12 in another source is one invalid input (D340); the warning that a source is above N waits
    while it is (6.11's rule row counts only the valid sources above N). Before, one paste was an error and a counted
    warning, the warning resting on the invalid value."""
    seen = 0
    for (_, cells, _), values in zip(lo_batch.invalid, invalid_values, strict=True):
        pasted = {cell.name for cell in cells if cell.name in SOURCES and cell.kind_class == ABOVE_MAX}
        if not pasted:
            continue
        bad = {cell.name for cell in cells}
        needed = values["IB_Nepieciesamais"]
        valid_above = sum(1 for name in SOURCES if name not in bad and isinstance(values[name], int | float)
                          and isinstance(needed, int | float) and values[name] > needed)
        count = values._cells["6.11"].get((rule_row_of("source_above_needed"), 5))
        assert count == valid_above, ([c.describe() for c in cells], count)
        seen += 1
    assert seen >= 3  # each source


@pytest.mark.parametrize("index", range(3))
def test_invalid_period_months_is_one_error_not_a_cascade(lo_batch, params, index) -> None:
    plan, value, path = lo_batch.months_cascade[index]
    values = lo_batch.read(path)
    result = evaluate_workbook(plan.inputs, params)
    assert result.errors == 0 and result.paid_total > 0
    assert values["Kludas"] == 1, f"Perioda_Menesi={value!r}: Kludas={values['Kludas']}"
    assert Decimal(repr(values["Fakt_Kopa"])) == result.paid_total, "maksājumi pazuda"
    assert str(values["Statuss_Tiesibas"]).startswith(ERRORS_FIRST + "1")
    months = values.ranges["Perioda_Menesi"]
    where = f"{months.sheet} {get_column_letter(months.min_col)}{months.min_row}: mēnešu skaitam periodā"
    texts = [(s, str(v)) for s, _, v in values.all_values()]
    for sheet in ("6.11", months.sheet):  # the list on 6.11 and beside the cell
        assert any(s == sheet and where in text for s, text in texts), f"{sheet}: nav '{where}'"


def test_free_text_notes_stay_text(lo_batch) -> None:
    """Piezīmes (6.3, 6.4, 6.6, 6.10) are free text: read back exactly as typed, and change nothing
    (the random plans carry them and still equal the reference, test_recalculated)."""
    _, path = lo_batch.plans[0]
    values = lo_batch.read(path)
    for k, name in enumerate(("Plans_Piezimes", "Aprekins_Piezimes", "Men_Piezimes", "Fakt_Piezimes")):
        got = values[name][:3]
        assert got == [NOTES[(k + i) % len(NOTES)].lstrip("=") for i in range(3)], name
        assert all(isinstance(v, str) for v in got), name
