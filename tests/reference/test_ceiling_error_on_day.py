"""D383 on a later day: the error of a price above a ceiling that is not confirmed gives its line's reason in brackets,
and on the day papers are made or a matrix is collected (ceilings_on_day.py) it gives the same reason as the ceiling
warning of the same line – a ceiling withdrawn on or before the matrix's own day (D342), a group parameter confirmed
since (D368), a ceiling withdrawn since (D302) – and, when the ceiling stands confirmed by then, the confirmed
ceiling's words. Before, the later day re-worded only the warning: the error still said „vēl jāprecizē”."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.lvformat import eur
from generator.reference.ceilings_on_day import CeilingsOnDay, named_open_on_day, named_withdrawn_by_day
from generator.reference.findings import Finding
from generator.reference.lines import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID, PlanLine
from generator.reference.rules import (
    check_prices,
    check_unconfirmed_ceilings,
    unconfirmed_why,
    withdrawn_by_why,
    withdrawn_why,
)

SINCE = dt.date(2027, 1, 1)
CONFIRMED = dt.date(2027, 7, 1)
PRICE, CEILING = eur(Decimal("30.00")), eur(Decimal("25.00"))
ERROR, WARNING = "price_above_ceiling", "ceiling_unconfirmed"


def _line(offer_id: str, ceiling_open: tuple[str, ...] = (), unconfirmed: bool = True) -> PlanLine:
    return PlanLine(offer_id=offer_id, label=f"{offer_id} Fiktīvs pakalpojums", units=Decimal(2),
                    unit_price=Decimal("30.00"), ceiling=Decimal("25.00"), ceiling_unconfirmed=unconfirmed,
                    ceiling_open=ceiling_open)


def _findings(lines: list[PlanLine]) -> list[Finding]:
    return check_prices(lines) + check_unconfirmed_ceilings(lines)


def _of(findings: list[Finding], code: str, line: int) -> Finding:
    (found,) = [f for f in findings if f.code == code and f.lines == (line,)]
    return found


def test_a_ceiling_withdrawn_by_the_matrix_day_is_said_alike_in_the_error() -> None:
    lines = [_line("2.1")]
    before = _findings(lines)
    assert unconfirmed_why() in _of(before, ERROR, 0).message
    after = named_withdrawn_by_day(before, lines, {"2.1": SINCE})
    error, warning = _of(after, ERROR, 0), _of(after, WARNING, 0)
    for f in (error, warning):
        assert withdrawn_by_why(SINCE) in f.message and "01.01.2027" in f.message, f.message
        assert "vēl jāprecizē" not in f.message, f.message
    assert error.message == (f"1. rinda (2.1 Fiktīvs pakalpojums): sniedzēja cena {PRICE} pārsniedz {CEILING} par "
                             f"vienību; cenas griesti nav apstiprināti {withdrawn_by_why(SINCE)}, bet tie nebūs "
                             "augstāki par šo summu."), error.message
    assert warning.withdrawn_from == SINCE and error.withdrawn_from is None  # the warning carries the day, once
    assert named_withdrawn_by_day(after, lines, {"2.1": SINCE}) == after  # said once


def test_a_group_parameter_confirmed_since_is_left_out_of_the_error_too() -> None:
    both = (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID)
    lines = [_line("3.1.1g", both)]
    after = named_open_on_day(_findings(lines), lines, frozenset({GROUP_TRANSPORT_REDUCTION_ID}))
    part = unconfirmed_why((GROUP_TRANSPORT_REDUCTION_ID,))
    for f in (_of(after, ERROR, 0), _of(after, WARNING, 0)):
        assert part in f.message and unconfirmed_why(both) not in f.message, f.message


def test_a_ceiling_confirmed_by_the_later_day_is_the_confirmed_one_in_the_error() -> None:
    lines = [_line("2.1"), _line("2.2")]
    findings = _findings(lines)
    found = CeilingsOnDay({"2.1": CONFIRMED}, {}, frozenset()).warnings(findings, lines)
    assert [f.lines for f in found.kept if f.code == WARNING] == [(1,)]  # 2.1's warning is dropped
    assert _of(found.kept, ERROR, 0).message == (f"1. rinda (2.1 Fiktīvs pakalpojums): sniedzēja cena {PRICE} "
                                                  f"pārsniedz pieļaujamo {CEILING} par vienību.")
    assert _of(found.kept, ERROR, 1) == _of(findings, ERROR, 1)  # 2.2 still „jāprecizē”: as it was
    assert found.confirmed_days == {CONFIRMED}


def test_a_ceiling_withdrawn_since_is_said_alike_in_the_error() -> None:
    lines = [_line("2.1", unconfirmed=False)]
    findings = _findings(lines)
    assert f"pieļaujamo {CEILING}" in _of(findings, ERROR, 0).message
    found = CeilingsOnDay({}, {"2.1": SINCE}, frozenset({"2.1"})).warnings(findings, lines)
    error, (warning,) = _of(found.kept, ERROR, 0), found.added
    for f in (error, warning):
        assert withdrawn_why(SINCE) in f.message, f.message
    assert "pieļaujamo" not in error.message and "nebūs augstāki par šo summu" in error.message
