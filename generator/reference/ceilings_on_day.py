"""A matrix's 6.8 ceiling warnings (D22) on a later day – the day papers are made from it or it is collected (D296,
D302, D319): the one rule of both.

A warning of the matrix's own day stays while some line of it is „jāprecizē” on the matrix's prices day and is not
confirmed since at the same amount (plan_changes.items_confirmed_since). A line whose ceiling is „apstiprināts” on the
prices day has a warning only while the catalogue has it „jāprecizē” again on the later day (withdrawn_ceilings), and
then the one naming the day it is from (rules.check_withdrawn_ceilings) – also when the matrix, made after that day,
marks the row and warns of it itself (withdrawn_ceilings.py's mark): its status on the later day is the catalogue's
of that day, as the papers print it; after a confirmation again the line has no warning.

A matrix whose prices day lies inside a withdrawal's gap (D342: a row „apstiprināts”, put back to „jāprecizē” at the
same amount on or before that day) warns of the row as „vēl jāprecizē”, as of a ceiling never confirmed: both the
papers and the collection name it as the withdrawal it is (named_withdrawn_by_day).

A group session's warning that stays names the group parameters still „jāprecizē” on the later day (D368): when one
of the two, open on the matrix's prices day, stands confirmed at the same amount by then, the reason names only the
other (named_open_on_day), as a matrix made on that day would (D358).

A line's price_above_ceiling error above a ceiling not confirmed gives the same reason in brackets as its warning
(D383) – on the later day too: each rule here says it anew in the error, and a ceiling confirmed by then is the
confirmed one in it (rules.above_ceiling)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.confirmation import said
from generator.catalogue.models import PriceStatus
from generator.reference.findings import Finding
from generator.reference.lines import PlanLine
from generator.reference.plan_changes import confirmed_since, items_confirmed_since, withdrawn_ceilings
from generator.reference.rules import (
    ABOVE,
    ABOVE_UNCONFIRMED_END,
    CEILING_CODES,
    UNCONFIRMED_WHYS,
    above_ceiling,
    check_withdrawn_ceilings,
    unconfirmed_why,
    withdrawn_by_why,
    withdrawn_why,
)

CEILING_WARNING = "ceiling_unconfirmed"  # rules.check_unconfirmed_ceilings, rules.check_withdrawn_ceilings
PRICE_ERROR = "price_above_ceiling"  # rules.check_prices: above a ceiling not confirmed, it gives the warning's reason


class CeilingWarnings(NamedTuple):
    """The warnings on the later day: ``kept`` (the matrix's own, other than ceiling ones no longer held),
    ``added`` (a withdrawn ceiling's, with its day, D302), and the days from which a dropped „jāprecizē” one stands
    confirmed (``confirmed_days``)."""

    kept: list[Finding]
    added: list[Finding]
    confirmed_days: set[dt.date]


class CeilingsOnDay(NamedTuple):
    """The 6.8 statuses of a prices day's items on a later day."""

    confirmed: dict[str, dt.date]  # „jāprecizē” on the prices day, confirmed since (items_confirmed_since)
    withdrawn: dict[str, dt.date]  # confirmed on the prices day, „jāprecizē” again (withdrawn_ceilings)
    own: frozenset[str]  # confirmed on the prices day

    @classmethod
    def of(cls, catalogue: Catalogue, params_day: dt.date, on: dt.date) -> CeilingsOnDay:
        return cls(items_confirmed_since(catalogue, params_day, on), withdrawn_ceilings(catalogue, params_day, on),
                   frozenset(o.id for o in catalogue.offers(params_day)
                             if o.ceiling_status is PriceStatus.confirmed))

    def warnings(self, findings: Sequence[Finding], lines: Sequence[PlanLine]) -> CeilingWarnings:
        """``findings`` (the matrix's, recomputed on its prices day) as of the later day, for the plan's ``lines``."""
        kept: list[Finding] = []
        days: set[dt.date] = set()
        for f in findings:
            ids = [lines[i].offer_id if i < len(lines) else None for i in f.lines]
            if f.code == PRICE_ERROR and ids and ids[0] is not None:
                # the error above the ceiling says of it what the warnings of the day do (D383)
                if ids[0] in self.withdrawn:
                    f = above_saying(f, lines[f.lines[0]], withdrawn_why(self.withdrawn[ids[0]])) or f
                elif ids[0] in self.confirmed or ids[0] in self.own:
                    f = above_saying(f, lines[f.lines[0]], None) or f
            if f.code == CEILING_WARNING and ids and all(i in self.confirmed or i in self.own for i in ids):
                days.update(self.confirmed[i] for i in ids if i in self.confirmed)
                continue
            kept.append(f)
        return CeilingWarnings(kept, check_withdrawn_ceilings(lines, self.withdrawn), days)


def above_saying(f: Finding, line: PlanLine, why: str | None) -> Finding | None:
    """The price_above_ceiling error ``f`` of ``line`` with what its price is above said anew (rules.above_ceiling):
    the confirmed ceiling (``why`` None), or the unconfirmed one with the reason ``why`` – the warning's of the same
    day; None when it says so already or is not in the reference's words."""
    head, sep, after = f.message.rpartition(ABOVE)
    if not sep or line.ceiling is None:
        return None
    end = after.find(ABOVE_UNCONFIRMED_END)
    if end >= 0:
        cut = end + len(ABOVE_UNCONFIRMED_END)
    elif after.startswith(confirmed := above_ceiling(line.ceiling)):
        cut = len(confirmed)
    else:
        return None
    new = above_ceiling(line.ceiling, line.ceiling_open, why, confirmed=why is None)
    if new == after[:cut]:
        return None
    return dataclasses.replace(f, message=head + sep + new + after[cut:])


Rewrite = Callable[[Finding, str | None], Finding | None]  # (a ceiling finding, its line's item) → anew or None


def rewrite_ceiling_findings(findings: Sequence[Finding], lines: Sequence[PlanLine], rewrite: Rewrite,
                             codes: frozenset[str] = frozenset({CEILING_WARNING})) -> list[Finding] | None:
    """``findings`` with each ceiling finding of ``codes`` (default the warning, D22; rules.CEILING_CODES: the error
    above the ceiling too) that ``rewrite(finding, its line's 6.8 item)`` gives anew replaced by it (None: kept), in
    their order; None when none is."""
    changed = False
    out = []
    for f in findings:
        if f.code in codes:
            item = lines[f.lines[0]].offer_id if f.lines and f.lines[0] < len(lines) else None
            new = rewrite(f, item)
            if new is not None:
                f, changed = new, True
        out.append(f)
    return out if changed else None


def named_withdrawn_by_day(findings: Sequence[Finding], lines: Sequence[PlanLine], withdrawn: Mapping[str, dt.date]
                           ) -> list[Finding]:
    """``findings`` with each plain ceiling warning (D22) whose line's item is in ``withdrawn`` (item → the first day
    of its withdrawal on or before the matrix's prices day, plan_changes.items_withdrawn_by) saying so instead of
    „vēl jāprecizē”, with that day as its ``withdrawn_from`` (D342) – the papers' and the collection's one wording;
    the line's price_above_ceiling error gives the same reason (D383)."""
    if not withdrawn:
        return list(findings)

    def rewrite(f: Finding, item: str | None) -> Finding | None:
        why = next((w for w in UNCONFIRMED_WHYS if w in f.message), None)  # the line's own reason (D358)
        if f.withdrawn_from is not None or item not in withdrawn or why is None:
            return None
        since = withdrawn[item]
        message = f.message.replace(why, withdrawn_by_why(since), 1)
        if f.code == PRICE_ERROR:
            return dataclasses.replace(f, message=message)
        return dataclasses.replace(f, message=message, withdrawn_from=since)

    renamed = rewrite_ceiling_findings(findings, lines, rewrite, CEILING_CODES)
    return list(findings) if renamed is None else renamed


def group_open_on(catalogue: Catalogue, day: dt.date, on: dt.date) -> frozenset[str]:
    """The group ceiling's parameters „jāprecizē” on the matrix's prices ``day`` (Catalogue.group_ceiling_open) that do
    not stand confirmed at the same amount on ``on`` (plan_changes.confirmed_since; a later entry of another amount is
    a new value for later plans and leaves the matrix's open, D296)."""
    later_days = sorted(d for d in catalogue.effective_dates() if day < d <= on)
    still = set()
    for pid in catalogue.group_ceiling_open(day):
        price = catalogue.price_by_id[pid]
        later = [(d, said(price.at(d))) for d in later_days]
        if confirmed_since(said(price.at(day)), later, on) is None:
            still.add(pid)
    return frozenset(still)


def named_open_on_day(findings: Sequence[Finding], lines: Sequence[PlanLine], still_open: frozenset[str]
                      ) -> list[Finding]:
    """``findings`` with each plain ceiling warning of a group session whose line's open group parameters
    (PlanLine.ceiling_open, of the matrix's prices day) are not all open on the later day any more (``still_open``:
    group_open_on) giving the reason of the ones still open (rules.unconfirmed_why, D358, D368) – the line's
    price_above_ceiling error too (D383)."""

    def rewrite(f: Finding, item: str | None) -> Finding | None:
        line = lines[f.lines[0]] if f.lines and f.lines[0] < len(lines) else None
        if line is None or not line.ceiling_open:
            return None
        now = tuple(p for p in line.ceiling_open if p in still_open)
        was = unconfirmed_why(line.ceiling_open)
        if not now or now == tuple(line.ceiling_open) or was not in f.message:
            return None
        return dataclasses.replace(f, message=f.message.replace(was, unconfirmed_why(now), 1))

    renamed = rewrite_ceiling_findings(findings, lines, rewrite, CEILING_CODES)
    return list(findings) if renamed is None else renamed
