"""D286: a whole number in a number input from the serial of 1 January of the year before the first children's round
starts upwards is an invalid input: the span from the catalogue, its edges (no upper end but the spreadsheet's last
day), a fraction, and how the reference counts it (one error per cell, F and B then not checked further, as the
matrix's one code per cell)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.reference.date_serials import (
    DATE_IN_NUMBER_TEXT,
    SERIAL_HINT,
    SHEET_LAST_DAY,
    DateSerials,
    check_date_serials,
    day_serial,
    serial_day,
    serial_message,
    serial_refusal,
    typing_span,
)
from generator.reference.inputs import (
    AFTER_PERIOD_CLEAR,
    AFTER_PERIOD_HINT,
    PLANNED_LABEL,
    check_cents,
    check_whole_units,
)
from generator.reference.lines import PlanLine
from generator.reference.params import Params, children_date_serials
from generator.reference.rules import check_monthly_units
from generator.reference.workbook import WorkbookInputs, evaluate_workbook


def test_serials_are_the_spreadsheets() -> None:
    # Excel's and LibreOffice's day 1 of March 1900 is 61 and day 1 of January 1900 (their leap day counted) is 1
    assert day_serial(dt.date(1900, 3, 1)) == 61
    assert serial_day(61) == dt.date(1900, 3, 1)
    day = dt.date(2026, 5, 18)
    assert serial_day(day_serial(day)) == day


def test_the_span_starts_the_year_before_the_first_childrens_round(catalogue: Catalogue) -> None:
    rounds = catalogue.rounds_of(Pilot.children)
    span = children_date_serials(catalogue)
    assert span == DateSerials(min(r.start for r in rounds).year - 1)
    assert serial_day(span.first) == dt.date(span.first_year, 1, 1)
    assert serial_day(span.last) == SHEET_LAST_DAY == dt.date(9999, 12, 31)  # the spreadsheet's, not the programme's
    assert Params.from_catalogue(catalogue, rounds[0].services_start).date_serials == span
    # the earliest children's round, whichever is listed first; no round, no span (nothing checked)
    assert typing_span([dt.date(2027, 1, 1), dt.date(2018, 8, 1)]) == DateSerials(2017)
    assert typing_span([]) is None


def test_the_edges() -> None:
    span = DateSerials(2017)
    first, last = span.first, span.last
    assert span.day(Decimal(first)) == dt.date(2017, 1, 1)
    assert span.day(first - 1) is None
    # no upper end: „18.5” typed years later (a 2018 matrix corrected with a 2026 clock) and the spreadsheet's last day
    assert span.day(Decimal(46160)) == dt.date(2026, 5, 18)
    assert span.day(Decimal(last)) == SHEET_LAST_DAY
    assert span.day(last + 1) is None  # no day in Excel or LibreOffice: no typed date
    assert span.day(float(first)) == dt.date(2017, 1, 1)  # as openpyxl reads a number cell
    assert span.day(Decimal(first) + Decimal("0.5")) is None  # a fraction is no day typed as „d.m”
    assert span.day(first + 0.25) is None
    assert span.day(None) is None and span.day(True) is None
    assert span.day(Decimal("43603.00")) == dt.date(2019, 5, 18)


def test_the_words() -> None:
    day = dt.date(2026, 5, 18)
    said = serial_message("sniedzēja cenai", day_serial(day), day)
    assert said == ("sniedzēja cenai jābūt skaitlim, nevis datumam, šūnā ir 46160 – tas izskatās pēc datuma "
                    "18.05.2026; ierakstiet skaitli ar komatu, piem. 18,5")
    refusal = serial_refusal("sniedzēja cenai", Decimal(46160), day, "cena EUR par vienību")
    assert refusal.startswith(f"sniedzēja cenai {DATE_IN_NUMBER_TEXT}, šūnā ir 46160 – tas izskatās pēc "
                              "datuma 18.05.2026 (gaidīts: cena EUR par vienību). ")
    assert "daļu atdalot ar komatu (18,5)." in refusal


def _inputs(params: Params, **changes: object) -> WorkbookInputs:
    period = params.reporting_periods[0]
    line = PlanLine(offer_id="3.1.2i", service_id="3.1.2", units=Decimal(10), unit_price=Decimal(20),
                    planned_units=(Decimal(10),), delivered_units=(Decimal(10),), paid=(Decimal(200),))
    base = WorkbookInputs(birth_date=dt.date(period.start.year - 8, 1, 1), period_start=period.start, months=1,
                          special_care=False, impairment=None, lines=(line,))
    return dataclasses.replace(base, **changes)


def _serials(params: Params, inputs: WorkbookInputs) -> list[str]:
    return [f.message for f in evaluate_workbook(inputs, params).findings if f.code == "date_serial"]


def test_the_reference_counts_each_cell_once(catalogue: Catalogue) -> None:
    params = Params.from_catalogue(catalogue, catalogue.rounds_of(Pilot.children)[0].services_start)
    span = params.date_serials
    assert span is not None
    clean = _inputs(params)
    assert _serials(params, clean) == []
    serial = Decimal(span.first)
    line = clean.lines[0]
    for changes in ({"units": serial}, {"unit_price": serial}, {"expert_rank": span.last}, {"parent_rank": span.first},
                    {"planned_units": (serial,)}, {"delivered_units": (serial,)}, {"paid": (serial,)}):
        found = _serials(params, dataclasses.replace(clean, lines=(dataclasses.replace(line, **changes),)))
        assert len(found) == 1, (changes, found)
        assert "izskatās pēc datuma" in found[0]
    for attr in ("base", "final", "benefits", "services", "other"):
        result = evaluate_workbook(dataclasses.replace(clean, **{attr: serial}), params)
        assert [f.code for f in result.findings if f.code == "date_serial"] == ["date_serial"], attr
        # one invalid input, as the matrix's one code of the cell: no „F above N” error, no „B differs” warning
        assert not [f for f in result.findings if f.code in ("final_above_needed", "base_differs")], attr
    # outside the span, a fraction inside and a test's own Params without the span: no error
    for value in (Decimal(span.first - 1), serial + Decimal("0.5")):
        assert _serials(params, dataclasses.replace(clean, other=value)) == [], value
    assert _serials(params.replace(date_serials=None), dataclasses.replace(clean, other=serial)) == []


def test_after_the_period_every_word_says_to_clear_the_cell() -> None:
    """D304, D313: a month after the plan's period must stay empty: the reference's words of an invalid value there – a
    serial, a fraction of a whole unit, a payment with a cent's fraction – end as the matrix's list line does, and a
    line's valid numbers there (outside_period) say to clear them too; a month of the plan keeps its own ending."""
    serials = DateSerials(2017)
    serial = Decimal(day_serial(dt.date(2027, 1, 15)))
    line = PlanLine(offer_id="x", label="Paraugs", unit="reize", units=Decimal(10), unit_price=Decimal(20),
                    planned_units=(serial, Decimal("2.5"), serial), delivered_units=(Decimal(0), Decimal("1.5")),
                    paid=(Decimal("1.005"), Decimal("2.125")))
    findings = (*check_date_serials([line], {}, serials, 1), *check_whole_units([line], {"reize": "reize"}, months=1),
                *check_cents([line], {}, 1))
    assert sorted((f.code, f.month) for f in findings) == [("date_serial", 1), ("date_serial", 3), ("money_cents", 1),
                                                           ("money_cents", 2), ("whole_units", 2), ("whole_units", 2)]
    for f in findings:
        assert f.message.endswith(f"{AFTER_PERIOD_HINT}.") == (f.month > 1), f
    found = {(f.code, f.month): f.message for f in findings}
    assert found[("date_serial", 1)].endswith(f"{SERIAL_HINT}.")
    assert found[("date_serial", 3)] == (f"1. rindas 3. mēneša {PLANNED_LABEL} (6.6. tabulā) "
                                         f"{serial_message('', serial, dt.date(2027, 1, 15), after=True).strip()}.")
    [outside] = check_monthly_units([dataclasses.replace(line, planned_units=(Decimal(10), Decimal(3)),
                                                         delivered_units=(), paid=())], 1)
    assert outside.code == "outside_period" and outside.message.endswith(f"{AFTER_PERIOD_CLEAR}."), outside
