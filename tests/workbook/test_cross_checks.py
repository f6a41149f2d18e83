"""A value typed over a formula of a key amount is an error in the matrix itself (D153, audit29 F1): the sheets are
protected without a password, and P, N, A, K, a line's price, sum, priority or IB share, a month's amount or the paid
total overwritten would otherwise print in a signed annex while Kludas said 0. Each overwritten cell, recalculated by
LibreOffice, raises Kludas and is named on 6.11 with its sheet and cell; the clean plan stays without error.

In the same LibreOffice load: another funding source above the plan's cost N is a warning (D154, audit29 F2), a start
date with a time of day (audit29 F6) and a rank above the lines it orders (D154, audit29 F7) are named in their own words."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.recalc import convert, make_profile
from generator.reference.findings import Severity
from generator.reference.params import Params
from generator.reference.workbook import evaluate_workbook
from generator.workbook.input_checks import DATE_TIME_TEXT, RANK_KINDS
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read
from generator.workbook.render import pilot_ids
from generator.workbook.sheets.cross_checks import REPLACED_TEXT
from generator.workbook.sheets.technical import rule_row, rules
from tests.workbook.conftest import clean_plans, recipient_labels
from tests.workbook.invalid import _cell
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


@pytest.fixture(scope="module")
def recalculated(catalogue: Catalogue, params: Params, templates, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    folder = tmp_path_factory.mktemp("parrakstits")
    # a plan where N > P (A, the IB shares and K all matter), with two lines or more and payments
    plans = clean_plans(catalogue.offers(params.day), params, 40, SEED + 29_000)
    plan = next(p for p in plans
                if (r := evaluate_workbook(p.inputs, params)).needed > r.provisional > 0 and r.paid_total > 0
                and sum(1 for c in r.line_cost if c) >= 2)
    wb = load_workbook(templates[None])
    fill(wb, plan.inputs, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
         template_prices=read(wb, "Pak_Cena"))
    wb.save(folder / "derigs.xlsx")
    files, cells = [folder / "derigs.xlsx"], {}
    counted = [i for i, cost in enumerate(evaluate_workbook(plan.inputs, params).line_cost) if cost]
    for k, ((name, line, _), value) in enumerate(OVERWRITTEN.items()):
        wb = load_workbook(folder / "derigs.xlsx")
        lines = name.startswith(("Plans_", "Men_"))
        sheet, cell, c = _cell(wb, name, counted[line] if lines else 0, 0)
        c.value = value
        cells[name] = f"{sheet} {cell}"
        wb.save(folder / f"aizstats{k}.xlsx")
        files.append(folder / f"aizstats{k}.xlsx")
    wb = load_workbook(folder / "derigs.xlsx")
    sheet, cell, c = _cell(wb, "Fin_Pabalsti")
    c.value = 99999999999999
    cells["Fin_Pabalsti"] = f"{sheet} {cell}"
    sheet, cell, c = _cell(wb, "Perioda_Sakums")
    c.value = dt.datetime.combine(plan.inputs.period_start, dt.time(12, 0))
    cells["Perioda_Sakums"] = f"{sheet} {cell}"
    wb.save(folder / "ievades.xlsx")
    files.append(folder / "ievades.xlsx")
    wb = load_workbook(folder / "derigs.xlsx")  # both ranks of the first counted line far above its lines (D154)
    for name in ("Plans_EkspertuRangs", "Plans_VecakuRangs"):
        sheet, cell, c = _cell(wb, name, counted[0])
        c.value = 99
        cells[name] = f"{sheet} {cell}"
    wb.save(folder / "rangi.xlsx")
    files.append(folder / "rangi.xlsx")
    out = convert(files, folder / "lo", profile=make_profile(tmp_path_factory.mktemp("lo-profile-aizstats")))
    values = [NamedValues(o, all_sheets=True) for o in out]
    return plan, values[0], dict(zip(OVERWRITTEN, values[1:-2], strict=True)), values[-2:], cells


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
    row = rule_row([code for code, *_ in rules("multipli")].index("source_above_needed"))
    huge = dataclasses.replace(plan.inputs, benefits=Decimal("99999999999999"))
    expected = sum(1 for f in evaluate_workbook(huge, params).findings if f.code == "source_above_needed")
    before = sum(1 for f in evaluate_workbook(plan.inputs, params).findings if f.code == "source_above_needed")
    assert values._cells["6.11"].get((row, 5)) == expected and clean._cells["6.11"].get((row, 5)) == before
    assert expected >= 1 and values["Bridinajumi"] == clean["Bridinajumi"] + expected - before
    start = f"{plan.inputs.period_start:%d.%m.%Y}"
    said = f"{cells['Perioda_Sakums']}: perioda pirmajai dienai {DATE_TIME_TEXT}, ievadīts {start} 12:00"
    assert [t for t in listed if said in t], listed


def test_the_checks_live_on_the_sheet_that_counts_errors(templates) -> None:  # noqa: ANN001
    """Every cross-check and every flag it reads lies on 6.11, away from the cells it checks."""
    wb = load_workbook(templates[None])
    assert wb["6.11"].protection.sheet
    ws = wb["6.11"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert sum(1 for t in texts if REPLACED_TEXT in t) == 13  # 8 amounts and 5 columns of the plan lines


def test_a_rank_above_the_lines_it_orders_is_an_error(recalculated, params: Params) -> None:
    """As the reference counts it (rank_above_lines): the expert rank against the lines of its area, the parent's
    against the plan's lines; the message names the bound."""
    plan, _, _, (_, values), cells = recalculated
    listed = _listed(values)
    assert values["Kludas"] == 2 and values["h_NederigasIevades"] == 2, listed
    served = [line for line in plan.inputs.lines if line.offer_id]
    counted = [i for i, cost in enumerate(evaluate_workbook(plan.inputs, params).line_cost) if cost]
    first = plan.inputs.lines[counted[0]]
    in_area = sum(1 for line in served if line.area == first.area)
    expert = f"{cells['Plans_EkspertuRangs']}: ekspertu rangam {RANK_KINDS['rank_area']} ({in_area}), ievadīts 99"
    parent = f"{cells['Plans_VecakuRangs']}: vecāku rangam {RANK_KINDS['rank_plan']} ({len(served)}), ievadīts 99"
    assert [t for t in listed if expert in t] and [t for t in listed if parent in t], listed
    lines = tuple(dataclasses.replace(line, expert_rank=99, parent_rank=99) if line is first else line
                  for line in plan.inputs.lines)
    result = evaluate_workbook(dataclasses.replace(plan.inputs, lines=lines), params)
    assert [f.code for f in result.findings if f.severity is Severity.error] == ["rank_above_lines"] * 2
