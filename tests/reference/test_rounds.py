"""Reporting periods and the eligibility date (generator/reference/rounds.py, D1, D21)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.reference.errors import ReferenceInputError
from generator.reference.rounds import (
    OutsideReportingPeriod,
    PastReportingPeriod,
    add_months,
    eligibility_date,
    plan_end,
    reporting_period,
    reporting_periods,
)

D = dt.date
days = st.dates(min_value=D(2015, 1, 1), max_value=D(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(days, st.integers(0, 40), st.integers(0, 27), st.integers(1, 12))
def test_periods_cover_the_window_without_gaps(start, months, extra_days, length) -> None:
    end = add_months(start, months) + dt.timedelta(days=extra_days)
    periods = reporting_periods("k", start, end, length)
    assert periods[0].start == start and periods[-1].end == end
    for before, after in zip(periods, periods[1:], strict=False):
        assert after.start == before.end + dt.timedelta(days=1)
    for p in periods:
        # EDATE from the window's start, so a window starting on the 31st keeps its day where it can
        assert p.start == add_months(start, length * (p.number - 1))
        assert p.start <= p.end <= add_months(start, length * p.number) - dt.timedelta(days=1)


@settings(max_examples=300, deadline=None)
@given(days, st.integers(1, 6))
def test_eligibility_date_is_the_first_day_of_the_plan_period_or_an_error(plan_start, months) -> None:
    periods = reporting_periods("k", D(2018, 10, 1), D(2019, 9, 30), 6)
    try:
        check = eligibility_date(periods, plan_start, months)
    except OutsideReportingPeriod:
        assert not any(p.start <= plan_start <= p.end for p in periods)
    except PastReportingPeriod:
        (holding,) = [p for p in periods if p.start <= plan_start <= p.end]
        assert plan_end(plan_start, months) > holding.end
    else:
        assert check in {p.start for p in periods} and check <= plan_start
        (holding,) = [p for p in periods if p.start == check]
        assert plan_end(plan_start, months) <= holding.end


def test_errors_name_the_period_dates() -> None:
    periods = reporting_periods("berni-2018", D(2018, 10, 1), D(2019, 9, 30), 6)
    assert [(p.start, p.end) for p in periods] == [(D(2018, 10, 1), D(2019, 3, 31)), (D(2019, 4, 1), D(2019, 9, 30))]
    assert eligibility_date(periods, D(2018, 11, 1), 5) == D(2018, 10, 1)  # L2148: months 2–6
    with pytest.raises(PastReportingPeriod, match=r"01\.10\.2018–31\.03\.2019 beidzas 31\.03\.2019"):
        eligibility_date(periods, D(2018, 11, 1), 6)
    with pytest.raises(OutsideReportingPeriod, match=r"01\.10\.2019.*01\.10\.2018–31\.03\.2019, 01\.04\.2019–30\.09\.2019"):
        reporting_period(periods, D(2019, 10, 1), 1)
    with pytest.raises(ReferenceInputError, match="beidzas"):
        reporting_periods("k", D(2019, 1, 1), D(2018, 1, 1), 6)


def test_month_arithmetic_matches_edate_and_eomonth() -> None:
    assert add_months(D(2019, 8, 31), 6) == D(2020, 2, 29)
    assert add_months(D(2019, 4, 1), -5) == D(2018, 11, 1)
    assert plan_end(D(2018, 11, 15), 5) == D(2019, 3, 31)
