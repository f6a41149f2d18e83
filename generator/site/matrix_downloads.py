"""The matrices among the downloads, grouped by children's round and prices day (D85): which to use for a plan.

`ibm build` writes the default matrices (``ibm-matrica[-<id>].xlsx``) and those of every other issue day of a round
not ended on the build day (``ibm-matrica[-<id>]-GGGG-MM-DD.xlsx``, generator/workbook/render.py). A matrix accepts
plans whose first day is from its prices day until the day before the catalogue's next change, within its round's
services (D61, D63); the downloads and matrix pages say so for each prices day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from pathlib import PurePosixPath

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot, Round
from generator.documents.paths import folder_day
from generator.site.downloads import GENERIC, Download
from generator.workbook import render
from generator.workbook.issue_days import issue_days, plans_until, template_date
from generator.workbook.version import template_version

MATRICES = "IBM matricas"  # the downloads group of the matrices (generator/site/downloads.py)
DOCUMENTS = "Dokumenti"  # the downloads group of the documents


@dataclass(frozen=True)
class PricesDay:
    """The matrices of one prices day: for plans whose first day is plans_from … plans_until."""

    day: dt.date
    until: dt.date | None  # the last day its prices and parameters hold (None: no later change known)
    plans_from: dt.date
    plans_until: dt.date | None
    default: bool
    version: str
    files: tuple[Download, ...]  # the generic one first


@dataclass(frozen=True)
class RoundMatrices:
    round: Round | None  # None: the catalogue has no children's round
    days: tuple[PricesDay, ...]


def _round_of(catalogue: Catalogue, day: dt.date) -> Round | None:
    ids = {d.day: d.round_id for d in issue_days(catalogue)}
    if ids.get(day):
        return catalogue.round_by_id[ids[day]]  # type: ignore[index]
    return catalogue.round_at(Pilot.children, day)


def _prices_day(catalogue: Catalogue, day: dt.date, round_: Round | None, files: list[Download]) -> PricesDay:
    until = catalogue.prices_until(day)
    first_days_until = plans_until(catalogue, day, round_)
    files.sort(key=lambda d: (d.municipality != GENERIC, d.municipality, d.path))
    return PricesDay(day, until, day, first_days_until, day == template_date(catalogue), template_version(catalogue, day),
                     tuple(files))


def by_round(catalogue: Catalogue, downloads: list[Download]) -> list[RoundMatrices]:
    """The matrix downloads grouped by round (in date order) and, within it, by prices day."""
    default = template_date(catalogue)
    days: dict[dt.date, list[Download]] = {}
    for d in downloads:
        if d.group == MATRICES:
            days.setdefault(render.named_day(PurePosixPath(d.path).name) or default, []).append(d)
    entries = [(day, _round_of(catalogue, day), files) for day, files in sorted(days.items())]
    groups = []
    for round_, same in groupby(entries, key=lambda e: e[1]):
        groups.append(RoundMatrices(round_, tuple(_prices_day(catalogue, day, round_, files)
                                                  for day, _, files in same)))
    return groups


@dataclass(frozen=True)
class IssueRow:
    """One prices day a matrix of the catalogue can be issued for, and whether the site has its files."""

    round: Round | None
    prices: PricesDay
    downloadable: bool


def every_prices_day(catalogue: Catalogue, downloads: list[Download]) -> list[IssueRow]:
    """Every issue day of the catalogue (D63), in date order, each marked whether the downloads hold it."""
    built = {p.day for g in by_round(catalogue, downloads) for p in g.days}
    rows = []
    for issue in issue_days(catalogue):
        round_ = catalogue.round_by_id.get(issue.round_id) if issue.round_id else None
        rows.append(IssueRow(round_, _prices_day(catalogue, issue.day, round_, []), issue.day in built))
    return rows


def rounds_running(catalogue: Catalogue) -> list[Round]:
    """The children's rounds not ended on the build day: plans of theirs can still get signable papers."""
    return render.open_rounds(catalogue, render.build_day())


def documents_day(download: Download) -> dt.date | None:
    """The later prices day of a document in a day folder (dokumenti/<id>/cenas-no-GGGG-MM-DD/, D187), else None."""
    if download.group != DOCUMENTS:
        return None
    parts = PurePosixPath(download.path).parts
    return folder_day(parts[-2]) if len(parts) >= 2 else None


def documents_by_day(downloads: list[Download]) -> dict[dt.date, list[Download]]:
    """The later prices days' documents (D187), by day in date order; in each, by municipality and number."""
    days: dict[dt.date, list[Download]] = {}
    for d in downloads:
        day = documents_day(d)
        if day is not None:
            days.setdefault(day, []).append(d)
    return dict(sorted(days.items()))
