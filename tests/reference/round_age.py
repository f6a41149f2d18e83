"""Children on the age criterion's edge (D110): the check date (D1) and the last day of the round the plan starts
in, for the reference's and the matrix's tests."""

from __future__ import annotations

import datetime as dt

from generator.reference.params import Params
from generator.reference.rounds import ReportingPeriod


def last_period(params: Params) -> ReportingPeriod:
    """The last reporting period of the first children's round: its check date is closest to the round's end."""
    first = params.reporting_periods[0].round_id
    return [p for p in params.reporting_periods if p.round_id == first][-1]


def edge_births(params: Params) -> dict[str, dt.date]:
    """Dates of birth of a child who, with a plan in ``last_period``, turns ``eligibility_age_limit`` on the
    round's last day ("on_end"), on the day after it ("after_end") or is already that old on the check date
    ("already")."""
    period, limit = last_period(params), params.eligibility_age_limit
    assert period.round_end is not None and period.round_end > period.start
    on_end = period.round_end.replace(year=period.round_end.year - limit)
    return {"on_end": on_end, "after_end": on_end + dt.timedelta(days=1),
            "already": period.start.replace(year=period.start.year - limit)}
