"""Which folder in `--out` a child's plan gets, so that one plan's papers never take the place of another plan
period's (D315). The child's folder is ``<kods>`` (its pseudonym, or the matrix file's name or hash); the plan period
is written in its parskats.txt (PERIOD). A plan whose ``<kods>`` already holds another plan period's papers – made
earlier in this run, or by an earlier run – goes to ``<kods>-<GGGG-MM-DD>`` (the plan period's first day, as the
archive copies' folders are dated), and the folder that was there stays untouched: a contract still in force is never
replaced by the next period's. Periods that overlap are one plan (a corrected matrix, D144), so its folder is replaced
as before (D119). A folder whose period is not written (made before the period was recorded, or its parskats.txt
deleted) may be another plan's and is kept as well. What happened is said on the console and in parskats.txt."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator import lvformat
from generator.documents.from_matrix.older_folder import is_older
from generator.documents.from_matrix.writing import MARKER
from generator.ministry.console_names import shown_inside

PERIOD = "Atbalsta plāna periods: "  # parskats.txt's line that says which plan the folder holds
REPORT = "parskats.txt"

Period = tuple[dt.date, dt.date]


def period_text(period: Period) -> str:
    return f"{lvformat.date(period[0])}–{lvformat.date(period[1])}"


def period_line(period: Period | None) -> list[str]:
    """parskats.txt's line with the plan period ([] when the plan cannot be dated)."""
    return [f"{PERIOD}{period_text(period)}"] if period is not None else []


def recorded(folder: Path) -> Period | None:
    """The plan period the command's ``folder`` says it holds (None: not written or not readable)."""
    try:
        lines = (folder / REPORT).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(PERIOD):
            first, _, last = line.removeprefix(PERIOD).partition("–")
            try:
                return _day(first), _day(last)
            except ValueError:
                return None
    return None


def _day(text: str) -> dt.date:
    return dt.datetime.strptime(text.strip(), "%d.%m.%Y").date()


def _overlap(one: Period, other: Period) -> bool:
    return one[0] <= other[1] and other[0] <= one[1]


@dataclass(frozen=True)
class Placed:
    """The folder name a plan's papers go to and, when ``<kods>`` was passed over, the line that says why."""

    name: str
    note: str = ""


def _names(code: str, period: Period | None) -> Iterator[str]:
    yield code
    base = f"{code}-{period[0]:%Y-%m-%d}" if period is not None else code
    if period is not None:
        yield base
    for n in itertools.count(2):
        yield f"{base}-{n}"


def _other_plan(folder: Path, period: Period | None) -> str | None:
    """Why ``folder`` (the command's own) holds another plan's papers, or None: it is free, not the command's (the
    usual refusal names it), an older version's (set aside, D119), or holds this plan (periods overlap)."""
    if folder.is_symlink() or not folder.is_dir() or not (folder / MARKER).is_file() or is_older(folder / MARKER):
        return None
    if period is None:
        return None
    held = recorded(folder)
    if held is None:
        return (f"mapē {shown_inside(folder)} ir dokumenti bez ierakstīta atbalsta plāna perioda (tos izveidoja agrāka rīkkopas "
                f"versija vai no mapes izdzēsts {REPORT}), tāpēc tā palika neskarta – ja tie ir šī paša plāna "
                "dokumenti, pārbaudiet, kuri ir spēkā, un nevajadzīgo mapi izdzēsiet pats")
    if _overlap(held, period):
        return None
    return f"mapē {shown_inside(folder)} ir cita atbalsta plāna perioda ({period_text(held)}) dokumenti – tā palika neskarta"


def place(out: Path, code: str, period: Period | None, used: Mapping[str, Period | None]) -> Placed:
    """The folder for a plan of ``code`` with ``period`` (None: it cannot be dated), not one of ``used`` (the folders
    earlier plans of this run took, with their periods)."""
    why = ""
    for name in _names(code, period):
        if name in used:
            if name == code and period is not None and (held := used[name]) is not None:
                why = (f"mapē {shown_inside(out / code)} šajā palaišanā izveidoti cita atbalsta plāna perioda ({period_text(held)}) "
                       "dokumenti")
            continue
        other = _other_plan(out / name, period)
        if other is not None:
            why = why or other
            continue
        if not why:
            return Placed(name)
        assert period is not None
        return Placed(name, f"{why}; šī plāna ({period_text(period)}) dokumenti ir mapē {shown_inside(out / name)}")
    raise AssertionError("unreachable")  # pragma: no cover - _names never ends
