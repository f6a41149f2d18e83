"""A ceiling that was already unconfirmed on the matrix's prices day for one of its parts (a group session: the
client transport part „jāprecizē”) while another part – the ceiling price itself – stood confirmed, and that part is
withdrawn at the same amount by the collection's day (D302): the matrix's own warning (D22) says only „vēl
jāprecizē”, so collect adds the withdrawn part and its day, as the sheet „Neapstiprināti griesti” promises."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.confirmation import said
from generator.catalogue.models import PriceStatus
from generator.ministry.records import ChildRecord
from generator.reference.ceilings_on_day import rewrite_ceiling_findings
from generator.reference.findings import Finding
from generator.reference.plan_changes import confirmation_spans
from generator.reference.rules import CEILING_CHECK, CHECK_PRICE
from generator.withdrawn_wording import STATUS, again_open


def withdrawn_parts(catalogue: Catalogue, day: dt.date, on: dt.date) -> dict[str, tuple[str, dt.date]]:
    """Item → (the price's name, the day) of each catalogue price that sets the item's ceiling, is „apstiprināts” on
    ``day`` and stands „jāprecizē” again at the same figures on ``on`` (confirmation_spans: the papers' one rule)."""
    found: dict[str, tuple[str, dt.date]] = {}
    if on <= day:
        return found
    for price in catalogue.price_by_id.values():
        then = price.at(day)
        if then is None or then.status is not PriceStatus.confirmed:
            continue
        later = [(v.effective_from, said(v)) for v in price.values if day < v.effective_from <= on]
        spans = confirmation_spans(said(then), later, day)
        if spans and spans[-1][1] is not None:
            for item in catalogue.price_items(price):
                found.setdefault(item, (price.name_lv, spans[-1][1]))
    return found


def rewrite_ceiling_warnings(record: ChildRecord, rewrite: Callable[[Finding, str | None], Finding | None]
                             ) -> ChildRecord:
    """``record`` with each ceiling warning (D22) that ``rewrite(finding, its line's item)`` gives anew replaced by
    it (None: kept; ceilings_on_day.rewrite_ceiling_findings, the papers' loop); ``record`` itself when none is."""
    findings = rewrite_ceiling_findings(record.result.findings, record.inputs.lines, rewrite)
    if findings is None:
        return record
    return dataclasses.replace(record, result=dataclasses.replace(record.result, findings=tuple(findings)))


def name_withdrawn_parts(record: ChildRecord, parts: dict[str, tuple[str, dt.date]]) -> ChildRecord:
    """``record`` with each of its ceiling warnings (D22) whose line's item has a withdrawn part (withdrawn_parts)
    naming that part and the day it is „jāprecizē” again from."""
    if not parts:
        return record

    def rewrite(f: Finding, item: str | None) -> Finding | None:
        if item not in parts or CEILING_CHECK not in f.message or f"; {CHECK_PRICE}" not in f.message:
            return None
        name, since = parts[item]
        return dataclasses.replace(f, message=f.message.replace(
            f"; {CHECK_PRICE}", f"; „{name}” statuss matricas cenu dienā bija „apstiprināts”, bet katalogā "
                                f"{again_open(since=since, noun=STATUS)}; {CHECK_PRICE}", 1))

    return rewrite_ceiling_warnings(record, rewrite)
