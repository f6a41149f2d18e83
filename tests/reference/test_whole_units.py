"""D256: a fraction of a unit counted whole (catalogue/enums.yaml ``whole``: a session, a day and night, a working
day) in a plan line's period units (6.3), a month's planned (6.6) or delivered (6.10) units is one ``whole_units``
error per cell, in the matrix's words (whole_units_message), as the matrix counts its invalid input cells; a unit
that can be split (an hour) is not; the reference knows which units are whole from the catalogue (Params)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue, Offer
from generator.reference.findings import Severity
from generator.reference.inputs import WHOLE_TEXT, check_whole_units, whole_units_message
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook

D = Decimal
START = dt.date(2018, 10, 1)


def _offer(catalogue: Catalogue, unit: str) -> Offer:
    """A market item priced in ``unit``, without a ceiling and no day service (no other rule applies)."""
    return next(o for o in catalogue.offers(START) if str(o.service.unit) == unit and o.ceiling is None
                and not o.transport and not o.service.day_service and not o.service.incompatible_with)


def _inputs(offer: Offer, units: object, planned: tuple = (5, 5), delivered: tuple = ()) -> WorkbookInputs:
    line = line_from_offer(offer, units, unit_price=D(10), expert_rank=1, planned_units=planned,
                           delivered_units=delivered, paid=tuple(D(n) * 10 for n in delivered))
    return WorkbookInputs(birth_date=dt.date(2010, 5, 5), period_start=START, months=2, special_care=False,
                          impairment=None, lines=(line,), base=D(1000))


def test_params_take_the_whole_units_from_the_catalogue(catalogue: Catalogue) -> None:
    params = Params.from_catalogue(catalogue, START)
    assert set(params.whole_units) == catalogue.enums.whole_units == {"reize", "diennakts", "darba-diena"}
    assert params.whole_units["reize"] == "reize"  # the name 6.8 shows, without its explanation in brackets


def test_a_fraction_in_each_place_is_one_error_in_the_matrix_s_words(catalogue: Catalogue) -> None:
    params = Params.from_catalogue(catalogue, START)
    session = _offer(catalogue, "reize")
    cases = {
        "6.3": (_inputs(session, D("10.5"), planned=(D("5.5"), 5)), None, "daudzumam periodā 6.3. tabulā", "10,5"),
        "6.6": (_inputs(session, 10, planned=(D("4.5"), D("5.5"))), 1, "1. mēneša plānotajām vienībām 6.6. tabulā",
                "4,5"),
        "6.10": (_inputs(session, 10, delivered=(5, D("0.50"))), 2, "2. mēneša saņemtajām vienībām 6.10. tabulā",
                 "0,5"),
    }
    for where, (inputs, month, label, shown) in cases.items():
        result = evaluate_workbook(inputs, params)
        found = [f for f in result.findings if f.code == "whole_units"]
        assert found, where
        first = found[0]
        assert first.severity is Severity.error and first.lines == (0,) and first.month == month, (where, first)
        said = whole_units_message(label, "reize", shown)
        assert first.message == f"1. rinda ({session.label}): {said}.", (where, first.message)
        assert WHOLE_TEXT in first.message
    # 6.6: both months hold a half: two cells, two errors, as the matrix counts two invalid cells
    two = evaluate_workbook(cases["6.6"][0], params)
    assert [(f.code, f.month) for f in two.findings if f.severity is Severity.error] == [
        ("whole_units", 1), ("whole_units", 2)]
    assert two.errors == 2
    # 6.3: 10,5 sessions of a whole unit – the matrix shows no sum for the line and leaves it out of N (D332)
    assert evaluate_workbook(cases["6.3"][0], params).line_cost == (None,)  # D332: no amount from the invalid units


def test_whole_units_and_a_unit_that_can_be_split_pass(catalogue: Catalogue) -> None:
    params = Params.from_catalogue(catalogue, START)
    whole = evaluate_workbook(_inputs(_offer(catalogue, "reize"), D("10.00"), delivered=(D("5.0"),)), params)
    assert whole.errors == 0, [f.message for f in whole.findings]
    hours = evaluate_workbook(_inputs(_offer(catalogue, "stunda"), D("10.5"), planned=(D("5.5"), 5),
                                      delivered=(D("0.5"),)), params)
    assert not [f for f in hours.findings if f.code == "whole_units"], [f.message for f in hours.findings]


def test_an_empty_line_and_no_whole_units_are_not_checked(catalogue: Catalogue) -> None:
    session = _offer(catalogue, "reize")
    inputs = _inputs(session, D("10.5"), planned=(D("5.5"), 5))
    assert check_whole_units(inputs.lines, {}) == []  # Params without the catalogue's units: nothing is whole
    empty = dataclasses.replace(inputs.lines[0], offer_id=None)
    assert check_whole_units([empty], {"reize": "reize"}) == []
    (found,) = check_whole_units(inputs.lines[:1] * 1, {"reize": "reize"}, "laukā „Vienības periodā”")[:1]
    # the calculator's field says what it holds: the quantity is not named twice
    assert found.message.startswith(f"1. rinda ({inputs.lines[0].label}): laukā „Vienības periodā” jābūt veselam "
                                    "skaitlim (mērvienība „reize”), ievadīts 10,5"), found.message
