"""D286 in the calculator: a browser field never turns „18.5” into a day's serial, so the reference the calculator is
proven against (calculator_expected.expected) does not apply D286. A whole number from the first day's serial up in a
price, the units or F is then checked as what it is – a price, a quantity, an F above N – as the calculator's script
checks it, and no „looks like a date” error is expected of it (a price that high is refused as above the plausible
highest price, D340)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from generator.reference.lines import PlanLine
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from tests.site.calculator_expected import calculator_params, expected


def _inputs(params: Params, **changes: object) -> WorkbookInputs:
    period = params.reporting_periods[0]
    line = PlanLine(offer_id="3.1.2i", service_id="3.1.2", units=Decimal(10), unit_price=Decimal(20))
    return dataclasses.replace(WorkbookInputs(birth_date=dt.date(period.start.year - 8, 1, 1),
                                              period_start=period.start, months=1, special_care=False,
                                              impairment=None, lines=(line,)), **changes)


def test_the_calculators_reference_does_not_apply_d286(params: Params) -> None:
    assert params.date_serials is not None  # the matrix's reference does
    assert calculator_params(params).date_serials is None
    serial = Decimal(params.date_serials.first)
    # 200 sessions at 20,00 EUR: N above P, so F is checked against N
    plain = _inputs(params, lines=(dataclasses.replace(_inputs(params).lines[0], units=Decimal(200)),))
    line = plain.lines[0]
    for inputs in (dataclasses.replace(plain, final=serial),
                   dataclasses.replace(plain, lines=(dataclasses.replace(line, units=serial),)),
                   dataclasses.replace(plain, lines=(dataclasses.replace(line, unit_price=serial),))):
        matrix = {f.code for f in evaluate_workbook(inputs, params).findings}
        assert "date_serial" in matrix, matrix
        want = expected(inputs, params)
        if inputs.lines[0].unit_price == serial:
            # D340: a price of the first day's serial is above the plausible highest price – refused as a price
            assert want["Refused"] == {("cena", line.offer_id)}, want
            assert serial > params.price_max
            continue
        assert want["Derigs"] and "date_serial" not in {code for code, *_ in want["messages"]}, want["messages"]
    # F is checked as typed, as the calculator's script checks it: above N
    codes = {code for code, *_ in expected(dataclasses.replace(plain, final=serial), params)["messages"]}
    assert "final_above_needed" in codes, codes
