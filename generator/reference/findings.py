"""Structured results of the rule checks (rules.py): one Finding per rule violation instance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    error = "kļūda"
    warning = "brīdinājums"


@dataclass(frozen=True)
class Finding:
    """One violation of one rule.

    ``code`` is a stable English identifier (e.g. ``transport_share``), ``lines`` the 0-based indices
    of the plan lines concerned (positions in the input list, empty lines included), ``month`` the
    1-based period month when the rule is per month, ``message`` Latvian text for the social worker.
    An ``overridden`` warning (D9, a stated reason) is kept for the record but not counted. ``withdrawn_from``: of a
    ceiling warning whose value was confirmed on the matrix's prices day, the day it is „jāprecizē” again from
    (rules.check_withdrawn_ceilings, D302) – carried as data, so no reader parses it back out of the message (D325).
    """

    code: str
    severity: Severity
    message: str
    lines: tuple[int, ...] = ()
    month: int | None = None
    overridden: bool = False
    withdrawn_from: dt.date | None = None

    @property
    def counts(self) -> bool:
        return not self.overridden


def count(findings: list[Finding], severity: Severity) -> int:
    """Number of counted findings of one severity (the workbook's Kludas / Bridinajumi)."""
    return sum(1 for f in findings if f.severity is severity and f.counts)
