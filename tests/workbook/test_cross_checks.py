"""A value typed over a formula of a key amount is an error in the matrix itself (D153, audit29 F1): the sheets are
protected without a password, and P, N, A, K, a line's price, sum, priority or IB share, a month's amount or the paid
total overwritten would otherwise print in a signed annex while Kludas said 0. Each overwritten cell, recalculated by
LibreOffice, raises Kludas and is named on 6.11 with its sheet and cell; the clean plan stays without error.

In the same LibreOffice load: another funding source above the plan's cost N is a warning (D154, audit29 F2), a start
date with a time of day (audit29 F6) is named in its own words, and ranks with a gap or above the number of lines
they order are no error (D154, review8 R8-1)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.recalc import make_profile
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.input_checks import DATE_TIME_TEXT
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read
from generator.workbook.recalculated import recalculated_values
from generator.workbook.render import pilot_ids
from generator.workbook.sheets.cross_checks import REPLACED_TEXT
from generator.workbook.sheets.technical import rule_row, rules
from tests.workbook.compare import differences
from tests.workbook.conftest import InputCells, clean_plans, recipient_labels
from tests.workbook.invalid import _cell
from tests.workbook.kept_book import kept_book
from tests.workbook.plans import SEED

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

# (name, which plan line: 0 the first counted one, 1 the second) -> the value typed over its formula (audit29's
# list and the cells between them)
OVERWRITTEN = {
    ("B_Efektivais", 0, 0): 99999,
    ("Provizoriska_Likme", 0, 0): 0.123456,
    ("IB_Provizoriskais", 0, 0): 99999,
    ("IB_Nepieciesamais", 0, 0): 99999,
    ("IB_Pieejamais", 0, 0): 99999,
    ("Fin_NoIB", 0, 0): 1,
    ("IB_Kopejais", 0, 0): 99999,
    ("Plans_Cena", 0, 0): 0.01,
    ("Plans_Summa", 1, 0): 1,
    ("Plans_Prioritate", 0, 0): 99,
    ("Plans_NoIB", 0, 0): 0.5,
    ("Men_Summa", 0, 0): 5,
    ("Fakt_Kopa", 0, 0): 1,
}


def _listed(values: NamedValues) -> list[str]:
    return [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str) and ". " in str(v)[:4]]


def _ranks_with_a_gap(plans: list, params: Params) -> WorkbookInputs:
    """A clean plan with exactly two lines with a service in one area, ranked by the experts 1 and 3 and by the parent
    1 and one more than the plan's lines with a service (the parent dropped a service: both ranks above the count)."""
    for plan in plans:
        served = [i for i, line in enumerate(plan.inputs.lines) if line.offer_id]
        by_area = {area: [i for i in served if plan.inputs.lines[i].area == area] for area in (1, 2, 3)}
        pair = next((ix for ix in by_area.values() if len(ix) == 2
                     and all(plan.inputs.lines[i].counted for i in ix)), None)
        if pair is None:
            continue
        ranks = {pair[0]: (1, 1), pair[1]: (3, len(served) + 1)}
        lines = tuple(dataclasses.replace(line, expert_rank=ranks[i][0], parent_rank=ranks[i][1]) if i in ranks
                      else line for i, line in enumerate(plan.inputs.lines))
        inputs = dataclasses.replace(plan.inputs, lines=lines)
        if evaluate_workbook(inputs, params).errors == 0:
            return inputs
    raise AssertionError("no clean plan with two lines in one area")


# far above N, and valid: not above the highest (D340) nor a whole number a day's serial could be (D286)
ABOVE_N = Decimal("99999.50")


@pytest.fixture(scope="module")
def recalculated(catalogue: Catalogue, params: Params, templates, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    folder = tmp_path_factory.mktemp("parrakstits")
    # a plan where N > P (A, the IB shares and K all matter), with two lines or more and payments
    plans = clean_plans(catalogue.offers(params.day), params, 40, SEED + 29_000)
    plan = next(p for p in plans
                if (r := evaluate_workbook(p.inputs, params)).needed > r.provisional > 0 and r.paid_total > 0
                and sum(1 for c in r.line_cost if c) >= 2)
    # the template with the inputs (and the values typed over its formulas) patched in, as a person fills the
    # downloaded matrix (tests/workbook/conftest.py InputCells); LibreOffice's values read over UNO, unsaved (the
    # same values as a saved copy: test_recalculated_reading.py)
    into = InputCells(templates[None], kept_book(templates[None]))
    wb = kept_book(templates[None])
    fill(wb, plan.inputs, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
         template_prices=read(wb, "Pak_Cena"))
    lines = len(plan.inputs.lines)
    into.save(wb, folder / "derigs.xlsx", lines, [])
    files, cells = [folder / "derigs.xlsx"], {}
    counted = [i for i, cost in enumerate(evaluate_workbook(plan.inputs, params).line_cost) if cost]
    for k, ((name, line, _), value) in enumerate(OVERWRITTEN.items()):
        on_lines = name.startswith(("Plans_", "Men_"))
        sheet, cell, _ = _cell(wb, name, counted[line] if on_lines else 0, 0)
        cells[name] = f"{sheet} {cell}"
        into.save(wb, folder / f"aizstats{k}.xlsx", lines, [], over_formulas={sheet: {cell: value}})
        files.append(folder / f"aizstats{k}.xlsx")
    sheet, cell, c = _cell(wb, "Fin_Pabalsti")
    c.value = float(ABOVE_N)
    cells["Fin_Pabalsti"] = f"{sheet} {cell}"
    sheet, cell, c = _cell(wb, "Perioda_Sakums")
    c.value = dt.datetime.combine(plan.inputs.period_start, dt.time(12, 0))
    cells["Perioda_Sakums"] = f"{sheet} {cell}"
    into.save(wb, folder / "ievades.xlsx", lines, [tuple(cells["Fin_Pabalsti"].split()),
                                                   tuple(cells["Perioda_Sakums"].split())])
    files.append(folder / "ievades.xlsx")
    ranked = _ranks_with_a_gap(plans, params)  # ranks 1 and 3 in a two-line area: no error (D154, review8 R8-1)
    wb = kept_book(templates[None])
    fill(wb, ranked, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
         template_prices=read(wb, "Pak_Cena"))
    into.save(wb, folder / "rangi.xlsx", len(ranked.lines), [])
    files.append(folder / "rangi.xlsx")
    values = recalculated_values(files, profile=make_profile(tmp_path_factory.mktemp("lo-profile-aizstats")))
    return plan, values[0], dict(zip(OVERWRITTEN, values[1:-2], strict=True)), (values[-2], (ranked, values[-1])), cells


def test_the_clean_plan_has_no_error(recalculated, params: Params) -> None:
    plan, clean, _, _, _ = recalculated
    result = evaluate_workbook(plan.inputs, params)
    assert clean["Kludas"] == 0 and clean["h_Aizstatas"] == 0, _listed(clean)
    assert Decimal(str(clean["IB_Kopejais"])) == result.total and Decimal(str(clean["Fakt_Kopa"])) == result.paid_total


def test_every_overwritten_amount_is_an_error_naming_its_cell(recalculated) -> None:
    _, _, overwritten, _, cells = recalculated
    missed = []
    for key, values in overwritten.items():
        name = key[0]
        listed = _listed(values)
        named = [t for t in listed if f"{cells[name]}" in t and REPLACED_TEXT in t]
        if not (values["Kludas"] >= 1 and values["h_Aizstatas"] >= 1 and named):
            missed.append((name, cells[name], values["Kludas"], values["h_Aizstatas"], listed))
    assert not missed, missed


def test_a_source_above_n_warns_and_a_date_with_time_says_why(recalculated, params: Params) -> None:
    """The source is counted by the rule source_above_needed (a warning, as the reference's); the date with a time
    of day is one invalid input in its own words."""
    plan, clean, _, (values, _), cells = recalculated
    listed = _listed(values)
    assert values["h_NederigasIevades"] == 1 and values["Kludas"] == 1 and values["h_Aizstatas"] == 0, listed
    assert ABOVE_N <= params.amount_max  # a valid source (D340)
    row = rule_row([code for code, *_ in rules("multipli")].index("source_above_needed"))
    huge = dataclasses.replace(plan.inputs, benefits=ABOVE_N)
    expected = sum(1 for f in evaluate_workbook(huge, params).findings if f.code == "source_above_needed")
    before = sum(1 for f in evaluate_workbook(plan.inputs, params).findings if f.code == "source_above_needed")
    assert values._cells["6.11"].get((row, 5)) == expected and clean._cells["6.11"].get((row, 5)) == before
    # D332: the first day with a time of day is no day – no check date, no P, A or transport share –, so the warnings
    # measured against them are not counted here; the source's own rule row is checked above
    assert expected >= 1 and expected <= values["Bridinajumi"] <= clean["Bridinajumi"] + expected - before
    start = f"{plan.inputs.period_start:%d.%m.%Y}"
    said = f"{cells['Perioda_Sakums']}: perioda pirmajai dienai {DATE_TIME_TEXT}, ievadīts {start} 12:00"
    assert [t for t in listed if said in t], listed


def test_the_checks_live_on_the_sheet_that_counts_errors(templates) -> None:  # noqa: ANN001
    """Every cross-check and every flag it reads lies on 6.11, away from the cells it checks."""
    wb = kept_book(templates[None])
    assert wb["6.11"].protection.sheet
    ws = wb["6.11"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    checks = [t for t in texts if REPLACED_TEXT.split(" – ")[1] in t]
    # 8 amounts and 5 columns of the plan lines (D153), and the printed copies (test_copy_checks.py): the header's
    # 6 cells on 8 sheets, 7 signers' names, 6.5's 10 totals, 30 month headings (6.6, 6.7, 6.10), 6.6's 12 days,
    # 6.9's addressee and count, and the plan rows of 6.3, 6.5, 6.6 and 6.9; D169: the notes printed on the signed
    # annexes (6.5 C2 and its F row, 6.6 two notes, 6.9 one) and 6.4's price note (6), 6.7's line row, 6 month totals, two
    # totals and price note (10), 6.10's line row, 6 monthly paid totals, five totals and summary cells and price note
    # (14); D272: the lines naming what the signatures approve on 6.3, 6.5 and 6.9 (3; 6.6's reads the error count);
    # D295: the page count „Pielikums N lapās” of 6.3, 6.5, 6.6 and 6.9 (4)
    assert len(checks) == 13 + 6 * 8 + 7 + 10 + 30 + 12 + 2 + 4 + 6 + 10 + 14 + 3 + 4
    assert sum("pielikuma lappušu skaits" in t for t in checks) == 4


def test_ranks_with_a_gap_and_above_the_count_are_no_error(recalculated, params: Params) -> None:
    """Ranks 1 and 3 in a two-line area and a parent rank above the plan's lines (review8 R8-1): Kludas 0 as the
    reference's errors, and the priorities, IB shares and amounts equal to the reference's."""
    _, _, _, (_, (ranked, values)), _ = recalculated
    expected = evaluate_workbook(ranked, params)
    assert expected.errors == 0 and values["Kludas"] == 0 and values["h_NederigasIevades"] == 0, _listed(values)
    assert not differences(expected.named_values(), values)
