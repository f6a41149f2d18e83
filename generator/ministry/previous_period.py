"""The period of ``--previous``: its underspend belongs to the reporting period just before the one collected (D7,
D222). A previous folder of the same period (the collected folder given twice, or a copy of it), of a later one, of
an earlier one than the last, or of several periods would add another period's money to the pool, so the whole
collection is refused before anything is computed or written."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from generator.lvformat import agree
from generator.reference.rounds import ReportingPeriod, period_holding

SHOWN_FILES = 5  # files named per period in the refusal; the rest are counted


def previous_period_problem(files: Sequence[tuple[str, object]], periods: Sequence[ReportingPeriod],
                            current: ReportingPeriod, folder: Path) -> str | None:
    """Why the used previous matrices (``files``: (shown name, plan's first day) pairs) cannot give the underspend
    of ``current``'s previous period, or None when they all lie in the reporting period just before it."""
    if not files:
        return None
    at = list(periods).index(current) if current in periods else -1
    expected = periods[at - 1] if at > 0 else None
    by_period: dict[ReportingPeriod | None, list[str]] = defaultdict(list)
    for name, start in files:
        by_period[period_holding(periods, start)].append(name)
    if set(by_period) == {expected}:
        return None
    parts = []
    for period in sorted(by_period, key=lambda p: p.start if p else current.start):
        names = by_period[period]
        shown = ", ".join(names[:SHOWN_FILES]) + (f" un vēl {len(names) - SHOWN_FILES}" if len(names) > SHOWN_FILES
                                                  else "")
        label = period.label if period else "ārpus pārskata periodiem"
        same = " – tas pats, ko savāc" if period == current else ""
        parts.append(f"{label}{same}: {len(names)} {agree(len(names), 'matrica', 'matricas')} ({shown})")
    found = "; ".join(parts)
    if expected is None:
        return (f"savāktais pārskata periods {current.label} ir pirmais – iepriekšējā perioda neapgūtā tam nav, "
                f"--previous nenorādiet (mapē {folder} ir: {found})")
    return (f"--previous mapē {folder} jābūt tikai iepriekšējā pārskata perioda {expected.label} matricām, bet tajā "
            f"ir: {found}. Cita perioda neapgūtais šī perioda pārdales fondā nepieder")
