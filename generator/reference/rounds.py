"""Reporting periods of a programme round and the eligibility (check) date of a plan (D1, D21).

A round's services window is cut into reporting periods (pārskata periodi) of a fixed number of
months from the window's first day, the last one cut at the window's end (L1073–L1075: months
1–6 and 7–12). A plan lies inside one reporting period; the child's age and the special-care
opinion are taken on that period's first day, not on the plan's own first day (the first plan of
the pilot starts in month 2, L2148).

Plan months are calendar months (monthly.calendar_month): a plan of M months starting on day d
ends on the last day of the (M − 1)-th month after d's month, as EOMONTH(d; M − 1) does.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.lvformat import date as lv_date
from generator.reference.errors import ReferenceInputError


class OutsideReportingPeriod(ReferenceInputError):
    """The plan does not start inside any reporting period of the programme's rounds."""


class PastReportingPeriod(ReferenceInputError):
    """The plan's months run past the end of the reporting period that holds its first day."""


@dataclass(frozen=True)
class RoundMembers:
    """Who takes part in one children's round (rounds.yaml): its name and its municipalities, in its own order. A plan
    belongs to the round of its first day (D113); a municipality outside that round has no agreement with the
    ministry for the plan (D104), whatever other round it took part in."""

    name: str
    municipalities: tuple[str, ...]


@dataclass(frozen=True)
class ReportingPeriod:
    """One reporting period of a round: ``number`` 1, 2, … from the services window's start."""

    round_id: str
    number: int
    start: dt.date
    end: dt.date
    # The round's own last day (Round.end, after its services window): the child must not come of age by
    # then (D110). None: not known (a period built without its round).
    round_end: dt.date | None = None

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        return f"{lv_date(self.start)}–{lv_date(self.end)}"


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months (EDATE): the day of month is kept, or the month's last
    day when the target month is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def end_of_month(day: dt.date, months: int = 0) -> dt.date:
    """The last day of the month ``months`` after ``day``'s month (EOMONTH)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def plan_end(plan_start: dt.date, months: int) -> dt.date:
    """The plan's last day: the end of its last calendar month (EOMONTH(start; months − 1))."""
    return end_of_month(plan_start, months - 1)


def last_end_before(day: dt.date, plan_start: dt.date | None = None) -> dt.date | None:
    """The last day before ``day`` a plan's period can end on (D93: a period ends on a month's last day): the end of
    the month before ``day``'s month – the day before ``day`` only when ``day`` is a month's first day. None when a
    plan starting on ``plan_start`` cannot end then (its first month is ``day``'s own: its period always holds
    ``day``, D351)."""
    end = end_of_month(day, -1)
    return None if plan_start is not None and end < plan_start else end


def reporting_periods(
    round_id: str, window_start: dt.date, window_end: dt.date, period_months: int, round_end: dt.date | None = None
) -> tuple[ReportingPeriod, ...]:
    """The reporting periods of a services window: ``period_months`` months each from the window's
    start (EDATE), the last one cut at the window's end; each carries the round's last day ``round_end``."""
    if period_months < 1:
        raise ReferenceInputError(f"pārskata perioda ilgums {period_months} mēneši (gaidīts: vismaz 1)")
    if window_end < window_start:
        raise ReferenceInputError(
            f"pakalpojumu saņemšanas laiks beidzas ({lv_date(window_end)}) pirms sākuma ({lv_date(window_start)})"
        )
    periods: list[ReportingPeriod] = []
    start = window_start
    while start <= window_end:
        following = add_months(window_start, period_months * (len(periods) + 1))
        end = min(following - dt.timedelta(days=1), window_end)
        periods.append(ReportingPeriod(round_id, len(periods) + 1, start, end, round_end))
        start = following
    return tuple(periods)


def period_holding(periods: Sequence[ReportingPeriod], day: dt.date) -> ReportingPeriod | None:
    """The first reporting period that holds ``day``, None when no period does."""
    return next((p for p in periods if p.holds(day)), None)


def reporting_period(periods: Sequence[ReportingPeriod], plan_start: dt.date, months: int) -> ReportingPeriod:
    """The reporting period of a plan; raises a Latvian error naming the periods' dates when the plan
    starts outside every period (OutsideReportingPeriod) or its months run past the end of the period
    that holds its first day (PastReportingPeriod)."""
    period = period_holding(periods, plan_start)
    if period is None:
        known = ", ".join(p.label for p in periods) or "katalogā nav nevienas kārtas"
        raise OutsideReportingPeriod(
            f"plāna sākums {lv_date(plan_start)} nav nevienā programmas kārtas pārskata periodā "
            f"(pārskata periodi: {known})"
        )
    last = plan_end(plan_start, months)
    if last > period.end:
        raise PastReportingPeriod(
            f"plāns no {lv_date(plan_start)} uz {months} mēn. beidzas {lv_date(last)}, bet tā pārskata "
            f"periods {period.label} beidzas {lv_date(period.end)}; plānam jāiekļaujas vienā pārskata periodā"
        )
    return period


def longest_plan(periods: Sequence[ReportingPeriod], plan_start: dt.date,
                 months_max: int) -> tuple[int, dt.date] | None:
    """The longest plan from ``plan_start`` that keeps inside the reporting period holding its first day and lasts
    at most ``months_max`` months: (its months, its last day); None when no period holds the day or not even one
    calendar month fits (audit38 F2: what a plan that is too long may be shortened to)."""
    period = period_holding(periods, plan_start)
    if period is None:
        return None
    longest = None
    for months in range(1, months_max + 1):
        last = plan_end(plan_start, months)
        if last > period.end:
            break
        longest = (months, last)
    return longest


def eligibility_date(periods: Sequence[ReportingPeriod], plan_start: dt.date, months: int) -> dt.date:
    """The day on which age and the special-care opinion are taken (Parbaudes_Datums): the first day
    of the reporting period that holds the plan's first day (D1, D21, L1074–L1075)."""
    return reporting_period(periods, plan_start, months).start
