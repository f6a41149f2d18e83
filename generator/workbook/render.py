"""The `ibm build` step "matrica": the ready-made workbooks of build/lejupielades/matrica/ (D85).

For the default prices day (the newest children's round's first service day, D61): a generic workbook and one
per municipality of that round, ``ibm-matrica.xlsx`` and ``ibm-matrica-<id>.xlsx``. For every other issue day
(D63) of a children's round whose services have not ended on the build day – an earlier round still running, or
the part of a round after a price change – the same set for that round's municipalities, named as `ibm matrix`
names them: ``ibm-matrica-2027-04-01.xlsx`` and ``ibm-matrica-<id>-2027-04-01.xlsx``. A round that has ended gives no
more matrices, so the build day is part of the step's fingerprint (state_key).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot, Round
from generator.workbook.build_note import console_line, ended_round
from generator.workbook.issue_days import issue_days, template_date
from generator.workbook.writer import write_workbook

FOLDER = Path("lejupielades") / "matrica"
GENERIC = "ibm-matrica.xlsx"
_DAY_SUFFIX = re.compile(r"-(\d{4}-\d{2}-\d{2})$")


def file_name(municipality_id: str | None, day: dt.date | None = None) -> str:
    """ibm-matrica.xlsx for the generic workbook, ibm-matrica-<id>.xlsx for a municipality's; a matrix issued for
    another prices day than the default (D63) ends with that day: ibm-matrica-<id>-2018-10-01.xlsx."""
    name = f"ibm-matrica-{municipality_id}" if municipality_id else GENERIC.removesuffix(".xlsx")
    return f"{name}-{day.isoformat()}.xlsx" if day else f"{name}.xlsx"


def named_day(name: str) -> dt.date | None:
    """The prices day a matrix's file name ends with (None: the default day, no day in the name)."""
    match = _DAY_SUFFIX.search(Path(name).stem)
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def pilot_ids(catalogue: Catalogue) -> list[str]:
    return [m.id for m in catalogue.pilot_municipalities()]


def build_day() -> dt.date:
    """The day the build runs (tests replace it)."""
    return dt.date.today()


@dataclass(frozen=True)
class Issue:
    """One prices day the build writes matrices for: the generic one and one per municipality."""

    day: dt.date
    round: Round | None  # None: the catalogue has no children's round
    default: bool  # the default day: file names without the day
    municipality_ids: tuple[str, ...]

    def file_names(self) -> list[str]:
        day = None if self.default else self.day
        return [file_name(None, day)] + [file_name(m, day) for m in self.municipality_ids]


def open_rounds(catalogue: Catalogue, day: dt.date) -> list[Round]:
    """The children's rounds whose services have not ended on ``day`` (running or still to come)."""
    return [r for r in catalogue.rounds_of(Pilot.children) if r.services_end >= day]


def issues(catalogue: Catalogue, day: dt.date | None = None) -> list[Issue]:
    """The prices days the build on ``day`` (default: build_day) writes matrices for, in date order: the default
    day and every issue day of a children's round that has not ended on that day."""
    day = day or build_day()
    default = template_date(catalogue)
    pilots = pilot_ids(catalogue)
    open_ids = {r.id for r in open_rounds(catalogue, day)}
    found: list[Issue] = []
    for issue in issue_days(catalogue):
        round_ = catalogue.round_by_id.get(issue.round_id) if issue.round_id else None
        members = tuple(m for m in pilots if round_ is None or m in round_.municipalities)
        if issue.day == default or (round_ is not None and round_.id in open_ids):
            found.append(Issue(issue.day, round_, issue.day == default, members))
    return found


def state_key(catalogue: Catalogue, day: dt.date | None = None) -> str:
    """What the build's files depend on besides the catalogue and code: the prices days the build day selects and
    the children's rounds not ended on it (the site says whether any is) and those whose end was before it (6.1's note,
    D277). The incremental build adds it to the
    step's fingerprint (and so to the site's), so a round that ends drops its matrices."""
    day = day or build_day()
    days = ",".join(i.day.isoformat() for i in issues(catalogue, day))
    # D277: 6.1 notes a round that ended (its `end`) before the build day
    ended = ",".join(r.id for r in catalogue.rounds_of(Pilot.children) if r.end < day)
    return f"{days}|open:{','.join(r.id for r in open_rounds(catalogue, day))}|ended:{ended}"


def render_workbooks(catalogue: Catalogue, out: Path, progress: Callable[[str], None] = print,
                     day: dt.date | None = None) -> list[Path]:
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    day = day or build_day()
    selected = issues(catalogue, day)
    ended: list[tuple[Round, dt.date]] = []
    for issue in selected:
        names = issue.file_names()
        written.append(write_workbook(catalogue, folder / names[0], None, issue.day, made_on=day))
        for municipality_id, name in zip(issue.municipality_ids, names[1:], strict=True):
            written.append(write_workbook(catalogue, folder / name, municipality_id, issue.day, made_on=day))
        if (round_ := ended_round(catalogue, issue.day, day)) is not None:  # only the default day's (D85)
            ended.append((round_, issue.day))
    days = ", ".join(lvformat.date(i.day) for i in selected)
    progress(f"  {len(written)} IBM matricas mapē {FOLDER.as_posix()}/ (cenas uz {days})")
    for round_, prices_day in ended:
        progress(f"  {console_line(round_, prices_day)}")
    return written
