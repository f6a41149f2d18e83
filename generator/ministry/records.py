"""What the ministry keeps of one collected workbook: the child under a pseudonym, the inputs read
through the interface names and everything the reference implementation recomputed from them.

No name or personal code is kept here: the pseudonym replaces them as soon as a file is read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from generator.reference.paid_totals import PaidRecorded
from generator.reference.workbook import WorkbookInputs, WorkbookResult


@dataclass(frozen=True)
class ChildRecord:
    """One used workbook: ``code`` is the child's pseudonym, ``source`` a label of the file that
    holds no personal data (the municipality's folder and a short content hash)."""

    code: str
    municipality: str
    source: str
    period_start: dt.date
    months: int
    age: int
    age_group: str | None
    impairment: str
    special_care: bool
    catalogue_base: Decimal  # the catalogue's per-child base B of the matrix (on its parameters' day)
    params_day: dt.date
    # the catalogue's B is confirmed on ``params_day`` (Params.base_confirmed): a B typed equal to an unconfirmed one is
    # no B the ministry set (reference.params.ministry_base, D257, D268)
    base_confirmed: bool
    inputs: WorkbookInputs = field(repr=False)
    result: WorkbookResult = field(repr=False)
    # every payment typed in 6.10 (D385): a void line's and one after the period's last month too – the summary's and
    # the pool's paid figures (the slim ``inputs`` keep no month values)
    paid: PaidRecorded = field(repr=False)
    # any 6.10 payment cell filled (ChildData.paid_entered): a previous period's matrix without one is left out of the
    # pool until its execution is reported (D7)
    paid_entered: bool = True
    # where the matrix shows the price of each line whose 6.8 ceiling, confirmed on ``params_day``, the catalogue
    # withdraws at the same amount on some later day (plan_changes.ceilings_ever_withdrawn): collect warns of it with
    # this place once it is withdrawn on the collection's day (D302)
    ceiling_places: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class Refusal:
    """A workbook that was not used, with every reason found (Latvian, naming the cell)."""

    path: str  # relative path, shown on the console only
    source: str  # the label without personal data, used in the summary
    municipality_folder: str
    reasons: tuple[str, ...]
    period: str = ""  # the file's own reporting period ("01.04.2019–30.09.2019"), when its plan's first day was read
    # the reasons as the summary says them, where they name other files: by the summary's hashed names (audit33a F7)
    summary_reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class StaleValue:
    """A value cached in the file that differs from the recomputed one (a stale or tampered file).

    The file is still used; the recomputed value counts."""

    code: str
    source: str
    name: str
    cell: str
    cached: object
    recomputed: object
    reason: str = ""  # why it differs, when known (a check the file's template lacked, audit31 F2)
