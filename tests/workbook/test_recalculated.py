"""The proof: workbooks recalculated by LibreOffice, read through the defined names, equal the
reference implementation to the cent, and no cell anywhere evaluates to an error value."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.reference.open_prices import known_figures
from generator.reference.open_prices import open_price as unconfirmed_line
from generator.reference.plan import final_applies, financing
from generator.reference.workbook import as_counted, evaluate_workbook
from generator.workbook.layout import INTERFACE_NAMES
from generator.workbook.names import NamedValues
from generator.workbook.sheets.plan_rows import WARNING
from generator.workbook.texts import (
    ANNEX_BASE_BLANK,
    ANNEX_BASE_BLANK_FINAL,
    ANNEX_BOTH_BLANK,
    ANNEX_NO_PRICE,
    ANNEX_NO_PRICE_MORE,
    ANNEX_PRICE_BLANK,
    BASE_PROVISIONAL_FINAL,
    BASE_PROVISIONAL_SHORT,
    BLANK,
)
from generator.workbook.version import template_version
from tests.reference.caserunner import compare
from tests.workbook.cases import WORKBOOK_FIELDS
from tests.workbook.compare import differences
from tests.workbook.conftest import HIDDEN_NOTES, RANDOM_PLANS
from tests.workbook.plan_sample import FULL, no_prices, plan_cases, plan_sample, prices_open
from tests.workbook.plan_sample import _offers as plan_offers
from tests.workbook.test_names import same_reading

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

ERRORS = ("#NAME?", "#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "Err:", "#ERR")


def error_cells(values: NamedValues) -> list[str]:
    """'sheet!A1 = #VALUE!' for every cell of every sheet (``values`` read with all_sheets) that holds an
    error value."""
    return [f"{sheet}!{get_column_letter(c)}{r} = {v}" for sheet, (r, c), v in values.all_values()
            if isinstance(v, str) and v.startswith(ERRORS)]


def all_values(values: NamedValues) -> dict[tuple[str, str], Any]:
    """Every non-empty cell of every sheet (``values`` read with all_sheets), by sheet and A1 address."""
    return {(sheet, f"{get_column_letter(c)}{r}"): v for sheet, (r, c), v in values.all_values() if v != ""}


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return abs(a - b) < 1e-9
    return a == b


# --- templates ----------------------------------------------------------------------------------


def test_templates_have_no_error_values(lo_batch) -> None:
    problems = {str(key): error_cells(lo_batch.read(path)) for key, path in lo_batch.templates.items()}
    assert not {k: v for k, v in problems.items() if v}, problems


def test_cached_values_equal_recalculated_values(lo_batch, templates, named_once) -> None:
    """Viewers that do not recalculate show what LibreOffice computes: every cell of the generic and of each
    recalculated municipality's workbook."""
    for key in lo_batch.templates:  # the sampled ones (all with IBM_FULL=1): the others differ in the id alone (D226)
        cached, recalculated = all_values(named_once(templates[key])), all_values(lo_batch.read(lo_batch.templates[key]))
        differing = [
            (k, cached.get(k), recalculated.get(k))
            for k in sorted(set(cached) | set(recalculated))
            if not _close(cached.get(k), recalculated.get(k))
        ]
        assert not differing, f"{key}: {differing[:20]}"


def test_prefilled_workbook_shows_municipality_and_blank_names(lo_batch, catalogue: Catalogue) -> None:
    """A fresh municipality's matrix has its id; with no plan day yet, no name is confirmed for it: the names
    are blanks to fill (D51; tests/workbook/test_party_names.py shows them by the plan's day)."""
    pilots = [m for m in catalogue.pilot_municipalities() if m.id in lo_batch.templates]
    assert pilots  # the sampled pilot municipalities' (every one with IBM_FULL=1), test_pilot_templates.py
    for municipality in pilots:
        values = lo_batch.read(lo_batch.templates[municipality.id])
        assert values["Pasvaldiba"] == municipality.id
        assert values["Pasvaldibas_Nosaukums"] == BLANK
        assert values["Socialais_Dienests"] == BLANK
        assert values["Galva_Dienests"] == f"Sociālais dienests: {BLANK}"
    generic = lo_batch.read(lo_batch.templates[None])
    assert generic["Pasvaldiba"] is None and generic["Pasvaldibas_Nosaukums"] in (None, "")


def test_template_outputs_of_an_empty_plan(lo_batch, catalogue: Catalogue) -> None:
    values = lo_batch.read(lo_batch.templates[None])
    assert values["IB_Nepieciesamais"] == 0 and values["Kludas"] == 0 and values["Bridinajumi"] == 0
    assert values["IBM_Saskarne"] == "2" and values["IBM_Versija"] == template_version(catalogue)
    assert values["Vecums"] in (None, "") and values["IB_Provizoriskais"] in (None, "")
    assert set(INTERFACE_NAMES) <= set(values.names())


# --- random plans ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan_values(lo_batch) -> list[NamedValues]:
    """Every sheet of every recalculated random plan, read once."""
    return [lo_batch.read(path) for _, path in lo_batch.plans]


def test_random_plans_equal_the_reference(lo_batch, plan_values, params) -> None:
    assert len(lo_batch.pool) >= RANDOM_PLANS >= 100
    assert len(lo_batch.plans) == (len(lo_batch.pool) if FULL else len(plan_sample(lo_batch.pool, params)))
    failures = []
    for (plan, _), values in zip(lo_batch.plans, plan_values, strict=True):
        expected = evaluate_workbook(plan.inputs, params).named_values()
        diffs = differences(expected, values)
        if diffs:
            failures.append(plan.describe() + "\n  " + "\n  ".join(diffs[:15]))
    assert not failures, f"{len(failures)} plāni atšķiras:\n" + "\n\n".join(failures[:5])


def test_random_plans_cover_the_rules_and_amount_cases(lo_batch, params) -> None:
    """The random plans exercise what the proof claims: every rule, N above and below P, F set and not."""
    codes: Counter[str] = Counter()
    shapes: Counter[str] = Counter()
    for plan, _ in lo_batch.plans:
        result = evaluate_workbook(plan.inputs, params)
        codes.update(f.code for f in result.findings)
        inp = plan.inputs
        shapes["N>P" if result.needed > result.provisional else "N<=P"] += 1
        shapes["F" if inp.final is not None else "no F"] += 1
        shapes[f"age {result.age}"] += 1
        shapes["opinion" if inp.special_care else "no opinion"] += 1
    for code in ("transport_share", "incompatible", "day_services", "price_above_ceiling", "monthly_units",
                 "outside_period", "delivered_above_plan", "paid_above_delivered", "impairment", "recipient",
                 "ignored_line_data", "not_eligible", "outside_reporting_period", "past_reporting_period", "day_care_sessions",
                 "ceiling_unconfirmed", "actual_cost_price", "final_above_needed", "units_above_period",
                 "line_above_provisional", "whole_units"):
        assert codes[code] > 0, f"neviens nejaušais plāns nepārbauda {code}: {codes}"
    for shape in ("N>P", "N<=P", "F", "no F", "age 8", "age 9", "age 17", "age 18", "opinion", "no opinion"):
        assert shapes[shape] > 0, f"nejaušajos plānos nav gadījuma {shape}: {shapes}"


def test_random_plan_sample_shows_every_case_of_the_pool(lo_batch, params) -> None:
    """The recalculated plans (without IBM_FULL=1, a sample) show every case that the whole pool of random plans
    shows (tests/workbook/plan_sample.py): no rule, shape, catalogue item or line kind is left unproved."""
    wanted = set().union(*(plan_cases(plan, params) for plan in lo_batch.pool))
    shown = set().union(*(plan_cases(plan, params) for plan, _ in lo_batch.plans))
    assert wanted - shown == set()
    assert len(wanted) > 150  # the cases are many and varied, not a few coarse ones


def test_random_plans_have_no_error_values(lo_batch, plan_values) -> None:
    problems = {
        values.path.name: [f"{sheet}!{rc}: {v}" for sheet, rc, v in values.all_values()
                           if isinstance(v, str) and v.startswith(ERRORS)]
        for values in plan_values
    }
    assert len(problems) == len(lo_batch.plans)
    assert not {k: v for k, v in problems.items() if v}


# --- the reference's case files -----------------------------------------------------------------------


def test_case_files_entered_into_a_workbook(lo_batch, params) -> None:
    """Every rule and whole-workbook case that the catalogue's items can express gives the case's
    expected values and error/warning counts, and every output name equals the reference."""
    assert len(lo_batch.cases) >= 50, lo_batch.skipped_cases
    failures = []
    for wc, path in lo_batch.cases:
        values = lo_batch.read(path)
        result = evaluate_workbook(wc.inputs, params)
        problems = differences(result.named_values(), values)
        actual = _as_case_output(values, len(wc.inputs.lines), wc.inputs.months)
        expected = {k: v for k, v in wc.case.output.items() if k in actual}
        # every case types B, its own or the catalogue's, into a matrix of the catalogue's B: D257's warning when it
        # differs, and when it is the catalogue's own while that one is unconfirmed (audit33b F2) – in both counts
        for key in ("Bridinajumi", "warnings"):
            if key in expected:
                expected[key] += sum(1 for f in result.findings if f.code == "base_differs")
        problems += compare(expected, actual)
        if problems:
            failures.append(f"{wc.id} ({wc.mapping}):\n  " + "\n  ".join(problems))
    assert not failures, "\n".join(failures)


def _cell(value: Any) -> Any:
    if value == "":
        return None
    return Decimal(repr(value)) if isinstance(value, float) else value


def _as_case_output(values: NamedValues, lines: int, months: int) -> dict[str, Any]:
    """The workbook's outputs shaped as the case files write them: one entry per case line, a month
    row per counted line (None for an ignored one), the error and warning counts."""
    out: dict[str, Any] = {}
    for name in WORKBOOK_FIELDS:
        value = values[name]
        if name == "Men_Summa":
            rows = [[_cell(v) for v in row[:months]] for row in value[:lines]]
            out[name] = [None if all(v is None for v in row) else row for row in rows]
        elif isinstance(value, list):
            out[name] = [_cell(v) for v in value[:lines]]
        else:
            out[name] = _cell(value)
    out["errors"], out["warnings"] = out["Kludas"], out["Bridinajumi"]
    return out


def test_twelve_examples_of_annex_10(lo_batch) -> None:
    """The workbook computes variant 2 (D6): for the 2.x examples (and the derived variant-2 cases) it
    gives the stated amounts; for the variant 1 and 3 examples, what variant 2 makes of the same inputs."""
    names = {example.case.name for example, _ in lo_batch.examples}
    assert {f"{v}.{k}" for v in (1, 2, 3) for k in (1, 2, 3, 4)} <= names
    for example, path in lo_batch.examples:
        values = lo_batch.read(path)
        inp = example.case.input
        v2 = financing(inp["needed"], inp["available"], inp.get("benefits", 0), inp.get("services", 0),
                       inp.get("other", 0), variant=2)
        got = {
            "ib": values["Fin_NoIB"],
            "benefits": values["Fin_Pabalsti_Izmantots"],
            "services": values["Fin_Pakalpojumi_Izmantots"],
            "other": values["Fin_Citi_Izmantots"],
            "total": values["IB_Kopejais"],
        }
        want = {"ib": v2.ib, "benefits": v2.benefits, "services": v2.services, "other": v2.other, "total": v2.total}
        assert {k: Decimal(repr(float(v))) for k, v in got.items()} == want, example.case.name
        assert values["IB_Nepieciesamais"] == float(inp["needed"]) and values["Kludas"] == 0
        if inp["variant"] == 2:
            stated = example.case.output
            assert {k: got[k] for k in stated} == {k: float(v) for k, v in stated.items()}, example.case.name


# --- the base amount B (D22) and filled rows hidden from print (D23) ---------------------------------


def _blank(value: Any) -> bool:
    return value in (None, "")


def test_templates_leave_an_unconfirmed_base_blank_and_warn(lo_batch, catalogue: Catalogue, day) -> None:
    """The catalogue's B is "jāprecizē": no matrix prefills it as the ministry's B; the calculation takes the
    catalogue's value, and 6.4 and 6.5 say that P, A and the IB amounts are provisional."""
    base = catalogue.programme.base_amount.at(day)
    assert base.status is PriceStatus.to_verify, "katalogā B vairs nav „jāprecizē”: tests jāpārskata"
    for key, path in lo_batch.templates.items():
        values = lo_batch.read(path)
        assert values["Bazes_Apmers"] is None, key
        assert values["B_Efektivais"] == float(base.value), key
        assert values["Bridinajums_Baze_64"] == BASE_PROVISIONAL_SHORT, key
        assert values["Bridinajums_Baze_65"] == ANNEX_BASE_BLANK, key  # no plan lines yet


def test_fresh_matrix_with_unconfirmed_base_equals_the_reference(lo_batch, params) -> None:
    """A plan filled into a new matrix, B left as generated: the amounts are the reference's with the
    catalogue's B (base None), and the warnings stay. Its notes typed alone into hidden plan rows (HIDDEN_NOTES) are
    one error more per sheet that hides them (D191), which the reference, knowing nothing of row visibility, does
    not count."""
    plan, path = lo_batch.fresh
    values = lo_batch.read(path)
    assert plan.inputs.base is None and values["Bazes_Apmers"] is None
    expected = evaluate_workbook(plan.inputs, params)
    assert expected.provisional > 0 and values["IB_Provizoriskais"] == float(expected.provisional)
    hidden = values["h_PaslRindas"]
    assert hidden == len(HIDDEN_NOTES) and values["Kludas"] == expected.errors + hidden
    named = expected.named_values()
    named["Kludas"] = expected.errors + hidden
    assert not differences(named, values)
    assert values["Bridinajums_Baze_64"] == BASE_PROVISIONAL_SHORT
    some_zero, _ = no_prices(plan.inputs)  # D364: with B open too, the words of both
    assert values["Bridinajums_Baze_65"] == (ANNEX_NO_PRICE_MORE if some_zero else ANNEX_BOTH_BLANK
                                             if prices_open(plan.inputs) else ANNEX_BASE_BLANK)


def test_typed_base_removes_the_warning(lo_batch, plan_values, params) -> None:
    """6.4 warns of an unconfirmed B only; the signed 6.5 also of a "jāprecizē" price in the plan (its figures print
    "______"), decided as the child's documents decide it. With B unconfirmed and the ministry's F applied (N > P, as
    the reference decides it) A = F is a figure: both say that only P rests on B (D206, D53); otherwise that P, A and
    the IB-funded amounts do."""
    typed = [plan.inputs.base is not None for plan, _ in lo_batch.plans]
    assert any(typed) and not all(typed)
    opened = [prices_open(plan.inputs) for plan, _ in lo_batch.plans]
    assert any(opened) and not all(opened)
    applied = []
    for plan, _ in lo_batch.plans:
        expected = evaluate_workbook(plan.inputs, params)
        applied.append(final_applies(expected.needed, expected.provisional, plan.inputs.final))
    untyped_closed = {f for f, t, o in zip(applied, typed, opened, strict=True) if not t and not o}
    assert untyped_closed == {True, False}, "izlasē vajag neapstiprinātu B ar piemērotu F un bez tā"
    zeros = [no_prices(plan.inputs) for plan, _ in lo_batch.plans]  # D364: no provider's price, typed in 6.8
    for is_typed, is_open, is_applied, (some_zero, all_zero), values in zip(typed, opened, applied, zeros, plan_values,
                                                                            strict=True):
        want_64 = None if is_typed else BASE_PROVISIONAL_FINAL if is_applied else BASE_PROVISIONAL_SHORT
        got_64 = values["Bridinajums_Baze_64"]
        assert (_blank(got_64) if want_64 is None else got_64 == want_64), (values.path.name, got_64)
        base_blank = ANNEX_BASE_BLANK_FINAL if is_applied else ANNEX_BASE_BLANK
        wanted = {(True, False): None, (True, True): ANNEX_PRICE_BLANK, (False, False): base_blank,
                  (False, True): ANNEX_BOTH_BLANK}[(is_typed, is_open)]
        if some_zero:  # not a price LM confirms
            wanted = ANNEX_NO_PRICE if is_typed and all_zero else ANNEX_NO_PRICE_MORE
        got = values["Bridinajums_Baze_65"]
        assert (_blank(got) if wanted is None else got == wanted), (values.path.name, got)


def test_confirmed_base_is_prefilled_without_warning(lo_batch) -> None:
    values = lo_batch.read(lo_batch.confirmed_base)
    assert values["Bazes_Apmers"] == values["Param_Bazes"] == values["B_Efektivais"] and values["Bazes_Apmers"] > 0
    assert _blank(values["Bridinajums_Baze_64"]) and _blank(values["Bridinajums_Baze_65"])
    assert values["Kludas"] == 0 and not error_cells(values)


def test_note_alone_in_a_hidden_row_warns(lo_batch) -> None:
    """Free text typed only into a collapsed plan row (6.3 frequency, the notes of 6.4, 6.6, 6.10) counts as
    a filled row: each of those sheets prints the warning; the sheets without it in their rows do not."""
    _, path = lo_batch.fresh
    warned = {sheet for sheet, _, v in lo_batch.read(path).all_values() if v == WARNING}
    assert warned == {"6.3", "6.4", "6.6", "6.10"}
    template = lo_batch.read(lo_batch.templates[None])
    assert not [sheet for sheet, _, v in template.all_values() if v == WARNING]


def test_fast_reading_equals_openpyxl_on_recalculated_workbooks(lo_batch) -> None:
    """NamedValues' fast scan reads LibreOffice's output as openpyxl does (numbers, dates, text, error values,
    formula text results): the batch's sample saved as xlsx (templates, random plans, pasted invalid values, the
    fresh and confirmed-B matrices, the case files, the odd values)."""
    from generator.ministry.fastread import read_all

    for path in lo_batch.saved.values():
        # the odd values hold a date cell with a serial past every calendar day (1e12): a value the scan does not
        # vouch for (read_all's None), so NamedValues reads that file with the full reader – compared all the same
        assert read_all(path) is not None or path.name == lo_batch.oddities.name, path.name
        same_reading(path)


# --- D61: prices in force for the plan period; D62: no working-day count without a holiday list -----------


def test_pilot_plans_on_2023_prices_are_refused(lo_batch, catalogue: Catalogue) -> None:
    """A matrix with the prices of 01.04.2023 (as issued before D61) counts one error for a pilot plan, names it
    on 6.1 with the days its prices hold, and otherwise equals the reference on those prices."""
    from generator.reference.params import Params
    from tests.workbook.conftest import OLD_PRICE_PLANS, OLD_PRICES_DAY

    params = Params.from_catalogue(catalogue, OLD_PRICES_DAY)
    assert len(lo_batch.old_prices) == OLD_PRICE_PLANS
    for plan, path in lo_batch.old_prices:
        values = lo_batch.read(path)
        expected = evaluate_workbook(plan.inputs, params)
        assert [f.code for f in expected.findings if f.severity.value == "kļūda"] == ["prices_not_in_force"]
        assert not differences(expected.named_values(), values), plan.describe()
        assert values["Kludas"] == 1
        status = values["Statuss_Tiesibas"]
        assert "spēkā no 01.04.2023, bet plāna periods sākas agrāk" in status, status
        # the matrix that fits: the one for the plan's first day (D63)
        start = plan.inputs.period_start.strftime("%d.%m.%Y")
        assert f"izmantojiet matricu, kas izdota tam periodam (ibm matrix --day {start})." in status, status
        day = values["Parametru_Datums"]
        assert (day.date() if hasattr(day, "date") else day) == OLD_PRICES_DAY
        # its version names its prices day, and 6.8's page header names it as lvformat does, without the catalogue
        # day (D80, D91, audit13 F12); no cell of 6.8 repeats it under the title (matrixpolish F7)
        version = values["IBM_Versija"]
        assert version.endswith("@2023-04-01"), version
        header = load_workbook(path)["6.8"].oddHeader.right.text
        assert f"Veidne {lvformat.version(version).split(' (')[0]}, cenas uz 01.04.2023" in header, header
        assert not [v for sheet, _, v in values.all_values() if sheet == "6.8" and "cenas uz" in str(v)]


def test_a_change_refuses_only_the_plans_that_use_it(lo_batch) -> None:
    """D61: on a round's matrix whose catalogue later changes 2.1's price, the group ceiling, the transport limit and
    B, the matrix counts the error only for a plan that uses what changes, names it and its day on 6.1 as the
    reference does, and never advises the matrix the plan already has (`ibm matrix --day` of its prices day); a plan
    across every other change is accepted. Otherwise the matrix equals the reference."""
    from generator.reference.plan_changes import item_what
    from generator.reference.workbook import plan_change, plan_uses
    from tests.plan_changes_catalogue import MATRIX_DAY

    params = lo_batch.plan_changes_params
    assert params is not None and {name for name, _, _ in lo_batch.plan_changes} == {
        "bez", "2.1", "grupa", "transports", "B", "pec-B"}
    refused = set()
    for name, inputs, path in lo_batch.plan_changes:
        values = lo_batch.read(path)
        expected = evaluate_workbook(inputs, params)
        assert not differences(expected.named_values(), values), name
        assert values["Kludas"] == expected.errors, name
        status = values["Statuss_Tiesibas"]
        if not [f for f in expected.findings if f.code == "prices_not_in_force"]:
            assert " mainās " not in status and "ibm matrix" not in status, (name, status)
            continue
        refused.add(name)
        change = plan_change(params, *plan_uses(inputs.lines))
        assert change is not None
        lidz, no = change.until.strftime("%d.%m.%Y"), change.day.strftime("%d.%m.%Y")
        assert f"Katalogā no {no} mainās {change.what}" in status or f"periodā katalogā no {no} mainās {change.what}" \
            in status, (name, status)
        assert f"(šīs matricas vērtība ir spēkā līdz {lidz})" in status, (name, status)
        start = inputs.period_start.strftime("%d.%m.%Y")
        fits = start if inputs.period_start >= change.day else no
        assert f"(ibm matrix --day {fits})" in status, (name, status)
        assert f"--day {MATRIX_DAY.strftime('%d.%m.%Y')}" not in status, (name, status)  # not this matrix again
        if name == "2.1":  # the item by its 6.8 label
            assert change.what == item_what(values["Pak_Id"][change_row(values, "2.1")]), change.what
    assert refused == {"2.1", "grupa", "transports", "B", "pec-B"}, refused


def change_row(values: NamedValues, item: str) -> int:
    """The index of ``item``'s row in 6.8 (Pak_Id holds „2.1 Pavadonis”)."""
    return next(i for i, label in enumerate(values["Pak_Id"]) if str(label).split(" ")[0] == item)


def test_working_days_blank_without_a_holiday_list(lo_batch, params) -> None:
    """6.6 counts the working days of April–September 2019 without the holidays (Good Friday, Easter Monday,
    1 and 6 May, 24 June); for 2026, whose holidays the catalogue does not list, it shows „______” and a note
    instead of a weekday count, and the reference does not check the day-services limit there either."""
    from generator.workbook.sheets.months import BLANK, NO_HOLIDAYS

    (listed, listed_path), (unlisted, unlisted_path) = lo_batch.holiday_years
    rows = {}
    for plan, path in lo_batch.holiday_years:
        values = lo_batch.read(path)
        assert not differences(evaluate_workbook(plan.inputs, params).named_values(), values), plan.describe()
        cells = {rc: v for sheet, rc, v in values.all_values() if sheet == "6.6"}
        label = next(rc for rc, v in cells.items() if v == "Darba dienas plāna periodā (bez brīvdienām un svētku dienām)")
        rows[plan.inputs.period_start.year] = [v for (r, c), v in sorted(cells.items()) if r == label[0] and c > 2 and v not in ("", None)]
    assert rows[2019] == [20, 21, 19, 23, 22, 21], rows[2019]
    assert rows[2026] == [BLANK] * 6 + [NO_HOLIDAYS], rows[2026]


def test_random_plans_blank_what_an_open_price_can_change_as_the_reference(lo_batch, plan_values, params) -> None:
    """D294: 6.5's A (the hidden h_ANeapst) and each line's IB share (6.4 h_IBNeapst) are blanks exactly where the
    reference's bound (reference/open_prices.py) says an unconfirmed price (or B, D72) can change them – the rule
    the child's documents print by."""
    offers = plan_offers()
    failures, a_by_bound = [], 0
    for (plan, _), values in zip(lo_batch.plans, plan_values, strict=True):
        inputs = plan.inputs
        outcome = evaluate_workbook(inputs, params)
        counted = as_counted(inputs, params)  # a line with an invalid units or price is none (D332)
        opened = [i for i, ln in enumerate(counted)
                  if ln.counted and unconfirmed_line(ln, offers.get(ln.offer_id or ""))]
        known = known_figures(counted, outcome.plan, opened, outcome.provisional, inputs.final)
        base_open = values["h_BazeProviz"] == 1
        f_applies = final_applies(outcome.needed, outcome.provisional, inputs.final)
        a_open = not ((known.available and not base_open) or f_applies)
        lines_open = [int(ln.counted and ((base_open and not f_applies) or not known.lines[i]))
                      for i, ln in enumerate(counted)]
        got = [int(v or 0) for v in values["h_IBNeapst"]][:len(inputs.lines)]
        if int(values["h_ANeapst"]) != int(a_open) or got != lines_open:
            failures.append(f"{values.path.name}: A {values['h_ANeapst']} ≠ {int(a_open)}; rindas {got} ≠ {lines_open}")
        a_by_bound += bool(opened) and not a_open
    assert not failures, "\n".join(failures[:5])
    print(f"plāni ar neapstiprinātu cenu un zināmu A: {a_by_bound}")
