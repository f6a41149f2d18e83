"""Where a social worker gets the matrix of another prices day (D186, D309): the reference's refusal of a plan whose
prices are not in force advises `ibm matrix --day …` or the ministry – right for the matrix and `ibm collect`, but
`ibm documents --from-matrix` is run by a social worker, and the site's downloads hold the matrix of every prices
day of a round not ended. Such a day's advice names the download, as the calculator's does – also for a day that is
no prices day of its own (a plan starting 05.01.2027) when the latest download before it, of the same round, still
has the prices and parameters in force on it; a day without one (its round has ended) keeps the command and the
ministry."""

from __future__ import annotations

import datetime as dt
import re

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.reference.workbook import prices_advice

_DAY = re.compile(r"ibm matrix --day (\d{2})\.(\d{2})\.(\d{4})")


def with_download(message: str, catalogue: Catalogue, built: dict[dt.date, str] | None = None) -> str:
    """``message`` with each `ibm matrix --day` advice whose day the site's downloads hold replaced by that download
    (``built``: the generic matrix file of each prices day the build writes; default: the build of today)."""
    days = {dt.date(int(y), int(m), int(d)) for d, m, y in _DAY.findall(message)}
    if not days:
        return message
    from generator.site.calculator import built_matrices, matrix_advice

    built = built_matrices(catalogue) if built is None else built
    for day in sorted(days):
        if (issued := issued_day(catalogue, day, built)) is not None:
            message = message.replace(prices_advice(day), matrix_advice(issued, built))
    return message


def issued_day(catalogue: Catalogue, day: dt.date, built: dict[dt.date, str]) -> dt.date | None:
    """The prices day among ``built`` whose matrix fits a plan starting on ``day``: ``day`` itself, or the latest one
    before it in the same children's round whose prices and parameters still hold on ``day``; None: no download."""
    if day in built:
        return day
    earlier = [d for d in built if d < day]
    if not earlier:
        return None
    latest = max(earlier)
    until = catalogue.prices_until(latest)
    if (until is not None and until < day) or \
            catalogue.round_at(Pilot.children, latest) != catalogue.round_at(Pilot.children, day):
        return None
    return latest
