"""A matrix whose prices day lies inside a withdrawal's gap (D342): a 6.8 ceiling the catalogue had „apstiprināts” and
put back to „jāprecizē” at the same amount on or before that day (plan_changes.items_withdrawn_by). The matrix, on its
own day, has the row „jāprecizē”, so its warning (D22) says „vēl jāprecizē” – as of a ceiling never confirmed. Collect
names it as the withdrawal it is: confirmed once, „jāprecizē” again from its day, the matrix's own day too; the day
travels on the Finding (``withdrawn_from``), so the summary's sentence of a kept catalogue price says it alike. The
wording is the papers' (ceilings_on_day.named_withdrawn_by_day)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from generator.ministry.records import ChildRecord
from generator.reference.ceilings_on_day import named_withdrawn_by_day


def name_withdrawn_by_day(record: ChildRecord, withdrawn: dict[str, dt.date]) -> ChildRecord:
    """``record`` with each plain ceiling warning (D22) whose line's item is in ``withdrawn`` (item → the first day of
    its withdrawal, on or before the matrix's prices day) saying so, with that day as its ``withdrawn_from``."""
    findings = named_withdrawn_by_day(record.result.findings, record.inputs.lines, withdrawn)
    if findings == list(record.result.findings):
        return record
    return dataclasses.replace(record, result=dataclasses.replace(record.result, findings=tuple(findings)))
