"""D347: the amounts the matrix leaves blank while B, F or another source is an invalid input the reference can be
given (money in fractions of a cent, D87; a day's serial, D286) are None in the reference's named values, and the
rules that read P or A see 0 there, as the matrix's N() of a blank: P while B is invalid; A, the lines' IB shares,
the transport share and K while A is (B invalid, or F invalid where it applies, N > P); K while a source is."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook

D = Decimal
START = dt.date(2018, 10, 1)
ON_A = ("IB_Pieejamais", "Plans_NoIB", "Transporta_Dala", "IB_Kopejais")


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, START)


def _inputs(catalogue: Catalogue, units: int, **changes: object) -> WorkbookInputs:
    """One market line of ``units`` × 30 EUR for a child of 12 (P = 700,00 EUR with B = 1 000,00 EUR)."""
    offer = next(o for o in catalogue.offers(START)
                 if o.service.regime.value == "market" and o.ceiling is None and not o.transport)
    line = line_from_offer(offer, units, unit_price=30, expert_rank=1, planned_units=[units])
    inputs = WorkbookInputs(birth_date=dt.date(2006, 5, 5), period_start=START, months=1, special_care=False,
                            impairment=None, lines=(line,), base=D(1000))
    return dataclasses.replace(inputs, **changes)


def _blank(named: dict[str, object]) -> set[str]:
    return {name for name, value in named.items() if value is None
            or (isinstance(value, tuple) and value and all(v is None for v in value))}


def test_valid_amounts_are_figures(catalogue: Catalogue, params: Params) -> None:
    named = evaluate_workbook(_inputs(catalogue, 100, final=D(2000)), params).named_values()
    assert not _blank(named) & {"IB_Provizoriskais", *ON_A}


@pytest.mark.parametrize("base", [D("1000.005"), "serial"])
def test_an_invalid_b_blanks_p_and_what_rests_on_a(catalogue: Catalogue, params: Params, base: object) -> None:
    assert params.date_serials is not None
    typed = D(params.date_serials.first) if base == "serial" else base
    result = evaluate_workbook(_inputs(catalogue, 100, base=typed), params)
    assert {"IB_Provizoriskais", *ON_A} <= _blank(result.named_values())
    assert result.named_values()["IB_Nepieciesamais"] == D(3000)  # N rests on the plan lines only
    # the line of 3 000,00 EUR is above no P: D148's warning is not counted (the matrix's P is a blank)
    assert "line_above_provisional" not in {f.code for f in result.findings}


def test_an_invalid_f_blanks_a_only_where_it_applies(catalogue: Catalogue, params: Params) -> None:
    applies = evaluate_workbook(_inputs(catalogue, 100, final=D("2000.005")), params)  # N 3 000 > P 700
    assert set(ON_A) <= _blank(applies.named_values()) and "IB_Provizoriskais" not in _blank(applies.named_values())
    not_applied = evaluate_workbook(_inputs(catalogue, 10, final=D("200.005")), params)  # N 300 <= P: A = N
    assert not _blank(not_applied.named_values()) & {"IB_Provizoriskais", *ON_A}
    assert not_applied.named_values()["IB_Pieejamais"] == D(300)


def test_an_invalid_source_blanks_k_only(catalogue: Catalogue, params: Params) -> None:
    result = evaluate_workbook(_inputs(catalogue, 10, benefits=D("10.005")), params)
    assert _blank(result.named_values()) & {"IB_Provizoriskais", *ON_A} == {"IB_Kopejais"}
