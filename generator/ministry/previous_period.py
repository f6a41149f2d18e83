"""The period of ``--previous``: its underspend belongs to the reporting period just before the one collected in the
same programme round (D7, D222, D299). A previous folder of the same period (the collected folder given twice, or a
copy of it), of a later one, of an earlier one than the last, of several periods or of another round (the pilot's
last period before a new round's first) would add another period's money to the pool, so the whole collection is
refused before anything is computed or written. A round's first period has no previous one.

A previous period that has not ended on the collection's day is used as its matrices have it, with a warning: its
6.10 payments may still grow, so its unspent amount and the pool may still fall (running_warning). It changes no
status and no exit status: the collection is run again once the period has ended and its execution is entered."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.lvformat import agree
from generator.lvformat import date as lv_date
from generator.ministry.console_names import shown_given
from generator.reference.rounds import ReportingPeriod, period_holding

SHOWN_FILES = 5  # files named per period in the refusal; the rest are counted


def previous_period_problem(files: Sequence[tuple[str, object]], periods: Sequence[ReportingPeriod],
                            current: ReportingPeriod, folder: Path, rounds: Mapping[str, str]) -> str | None:
    """Why the used previous matrices (``files``: (shown name, plan's first day) pairs) cannot give the underspend
    of ``current``'s previous period, or None when they all lie in the reporting period just before it in its own
    round (D299). ``periods``: every children's round's; ``rounds``: each round's name as messages give it, by id."""
    if not files:
        return None
    own = [p for p in periods if p.round_id == current.round_id]
    at = own.index(current) if current in own else -1
    expected = own[at - 1] if at > 0 else None
    by_period: dict[ReportingPeriod | None, list[str]] = defaultdict(list)
    for name, start in files:
        by_period[period_holding(periods, start)].append(name)
    if set(by_period) == {expected}:
        return None
    this_round = f"kārtas {rounds.get(current.round_id, current.round_id)}"
    parts = []
    for period in sorted(by_period, key=lambda p: p.start if p else current.start):
        names = by_period[period]
        shown = ", ".join(names[:SHOWN_FILES]) + (f" un vēl {len(names) - SHOWN_FILES}" if len(names) > SHOWN_FILES
                                                  else "")
        label = period.label if period else "ārpus pārskata periodiem"
        same = " – tas pats, ko savāc" if period == current else ""
        other = (f" – citas kārtas {rounds.get(period.round_id, period.round_id)} periods"
                 if period is not None and period.round_id != current.round_id else "")
        parts.append(f"{label}{same}{other}: {len(names)} {agree(len(names), 'matrica', 'matricas')} ({shown})")
    found = "; ".join(parts)
    foreign = any(p is not None and p.round_id != current.round_id for p in by_period)
    why = ("Cita perioda – arī citas programmas kārtas perioda – neapgūtais šī perioda pārdales fondā nepieder"
           if foreign else "Cita perioda neapgūtais šī perioda pārdales fondā nepieder")
    if expected is None:
        # the round's own first period: no previous period to name, and never another round's (D299)
        return (f"savāktais pārskata periods {current.label} ir {this_round} pirmais: šajā kārtā tam iepriekšējā "
                f"pārskata perioda nav, tātad nav arī tā neapgūtā – --previous nenorādiet (mapē {shown_given(folder)} ir: "
                f"{found}). {why}")
    return (f"--previous mapē {shown_given(folder)} jābūt tikai {this_round} iepriekšējā pārskata perioda {expected.label} "
            f"matricām, bet tajā ir: {found}. {why}")


# how the warning on a previous period still running on the collection's day begins (console and „Piezīmes par failiem”)
RUNNING = "iepriekšējais pārskata periods"


def still_running(starts: Sequence[dt.date], periods: Sequence[ReportingPeriod], day: dt.date) -> ReportingPeriod | None:
    """The reporting period of the used previous matrices (``starts``: their plans' first days) when it has not ended
    on the collection's ``day`` (its last day included), else None. Several periods are refused by
    previous_period_problem; the first matrix's is taken here."""
    held = period_holding(periods, starts[0]) if starts else None
    return held if held is not None and day <= held.end else None


def running_warning(period: ReportingPeriod, day: dt.date, folder: str) -> str:
    """The previous period ``period`` has not ended on the collection's ``day``: what its figures may still do.
    ``folder``: the --previous folder as the summary names it (collect.folder_name: no personal data)."""
    return (f"{RUNNING} {period.label} (--previous mapē „{folder}”) savākšanas dienā {lv_date(day)} vēl nav beidzies: līdz tā beigām "
            f"{lv_date(period.end)} tā matricu 6.10. tabulās samaksātais var pieaugt, tāpēc iepriekšējā perioda "
            "neapgūtais un pārdales fonds var vēl samazināties; galīgie apmēri rēķināti ar līdz šim ievadīto izpildi – "
            "pēc perioda beigām, kad izpilde ievadīta, savāciet vēlreiz")
