"""D366: the reference counts the void plan lines (void_lines, D332: units or a 6.8 price an invalid input it sees) as
the matrix's 6.4 h_NederigasRindas, by which 6.4 notes that N leaves them out and the signed 6.5 prints N, A and K as
blanks. A line with both its units and its price invalid is one line; two lines of one 6.8 row with an invalid price
are two."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook, void_lines
from generator.workbook.sheets.calculation import void_lines_text

D = Decimal
START = dt.date(2018, 10, 1)
# (offer, units, price): four lines of "reize" services, counted in whole units (D256)
LINES = (("3.1.3i", 20, "25.00"), ("3.1.2i", 10, "30.00"), ("3.4.1g", 6, "18.00"), ("1.1.1i", 4, "40.00"))


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, START)


def _inputs(catalogue: Catalogue, changes: dict[int, dict[str, object]]) -> WorkbookInputs:
    offers = {o.id: o for o in catalogue.offers(START)}
    lines = []
    for i, (oid, units, price) in enumerate(LINES):
        typed = {"units": D(units), "unit_price": D(price)} | changes.get(i, {})
        lines.append(line_from_offer(offers[oid], typed["units"], unit_price=typed["unit_price"], expert_rank=i + 1,
                                     planned_units=[typed["units"]]))
    return WorkbookInputs(birth_date=dt.date(2012, 5, 1), period_start=START, months=1, special_care=False,
                          impairment="multipli", lines=tuple(lines), base=D(3000))


def test_a_plan_without_void_lines_counts_none(catalogue: Catalogue, params: Params) -> None:
    result = evaluate_workbook(_inputs(catalogue, {}), params)
    assert result.void_count == 0 and result.named_values()["h_NederigasRindas"] == 0
    assert result.needed == sum(D(u) * D(p) for _, u, p in LINES)


@pytest.mark.parametrize("changes", [
    {0: {"unit_price": D("25.005")}},  # a sub-cent price (D87)
    {1: {"units": D("10.5")}},  # a fraction of a unit counted whole (D256)
    {0: {"unit_price": D("25.005")}, 1: {"units": D("10.5")}, 2: {"unit_price": D("12000.00")}},  # and above D340's
    {0: {"unit_price": D("25.005"), "units": D("20.5")}},  # both of one line: one line
], ids=["cena-centi", "vienibas-dala", "tris-rindas", "abi-viena-rinda"])
def test_the_count_is_the_void_lines_left_out_of_n(catalogue: Catalogue, params: Params,
                                                   changes: dict[int, dict[str, object]]) -> None:
    inputs = _inputs(catalogue, changes)
    result = evaluate_workbook(inputs, params)
    void = void_lines(inputs.lines, params)
    assert void == set(changes)
    assert result.void_count == len(void) == result.named_values()["h_NederigasRindas"]
    kept = [i for i in range(len(LINES)) if i not in void]
    assert result.needed == sum(D(LINES[i][1]) * D(LINES[i][2]) for i in kept)  # N leaves them out


def test_two_lines_of_one_invalid_price_are_two(catalogue: Catalogue, params: Params) -> None:
    inputs = _inputs(catalogue, {})
    twice = dataclasses.replace(inputs, lines=(*inputs.lines, inputs.lines[0]))
    bad = dataclasses.replace(twice, lines=tuple(dataclasses.replace(ln, unit_price=D("25.005"))
                                                 if ln.offer_id == "3.1.3i" else ln for ln in twice.lines))
    assert evaluate_workbook(bad, params).named_values()["h_NederigasRindas"] == 2


@pytest.mark.parametrize(("n", "said"), [(1, "1 rindu"), (2, "2 rindas"), (11, "11 rindas"), (21, "21 rindu"),
                                         (40, "40 rindas")])
def test_the_note_agrees_with_the_count(n: int, said: str) -> None:
    assert void_lines_text(n) == f"N neietver {said} ar nederīgu daudzumu vai cenu (sk. 6.11.)"
