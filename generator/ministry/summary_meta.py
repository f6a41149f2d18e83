"""The facts a later `ibm collect` reads back from the summary workbook it replaces (D362, D368), written as custom
document properties – not parsed out of a title a person reads: the reporting period, the day the summary was
prepared, each municipality's catalogue code beside the short name its sheets show, and the day of the result the
sheet „Izmaiņas pret iepriekšējo” lists its changes against. ``write_meta`` (collect) and ``read_meta`` (changes.py)
share the names below; a summary written before them has none, and changes.py then reads its title as before."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

PERIOD = "IBM_Kopsavilkums_Periods"  # „01.04.2019–30.09.2019”
PREPARED = "IBM_Kopsavilkums_Sagatavots"  # ISO day, the day „Sagatavots” names
MUNICIPALITY = "IBM_Pasvaldiba_"  # + the catalogue code: the municipality's short name as the sheets show it
CHANGES_AGAINST = "IBM_Izmainas_Pret"  # ISO day of the result the sheet of changes lists rows against („-”: none)
NONE = "-"


@dataclass(frozen=True)
class SummaryMeta:
    period: str | None = None
    prepared: dt.date | None = None
    municipalities: dict[str, str] = field(default_factory=dict)  # short name as shown → catalogue code
    changes_against: dt.date | None = None  # the listed changes' basis; None: no rows of changes listed
    found: bool = False  # the summary carries the properties at all


def write_meta(wb, period: str, prepared: dt.date, municipalities: dict[str, str],  # noqa: ANN001 - a Workbook
               changes_against: dt.date | None) -> None:
    """``municipalities``: catalogue code → the short name the sheets show."""
    wb.set_custom_property(PERIOD, period or NONE)
    wb.set_custom_property(PREPARED, prepared.isoformat())
    wb.set_custom_property(CHANGES_AGAINST, changes_against.isoformat() if changes_against else NONE)
    for code in sorted(municipalities):
        wb.set_custom_property(MUNICIPALITY + code, municipalities[code])


_PROPERTY = re.compile(r'<property[^>]*\bname="([^"]*)"[^>]*>\s*<vt:\w+>([^<]*)</vt:\w+>\s*</property>')


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text and text != NONE else None
    except ValueError:
        return None


def read_meta(path: Path) -> SummaryMeta:
    """The properties of the summary ``path`` (empty ``SummaryMeta`` for one written before them). Raises OSError or
    zipfile.BadZipFile for a file that cannot be read."""
    with zipfile.ZipFile(path) as zf:
        if "docProps/custom.xml" not in zf.namelist():
            return SummaryMeta()
        xml = zf.read("docProps/custom.xml").decode("utf-8", "replace")
    props = {unescape(name): unescape(value) for name, value in _PROPERTY.findall(xml)}
    if PERIOD not in props:
        return SummaryMeta()
    period = props[PERIOD]
    return SummaryMeta(period=None if period == NONE else period, prepared=_day(props.get(PREPARED)),
                       municipalities={v: k[len(MUNICIPALITY):] for k, v in props.items() if k.startswith(MUNICIPALITY)},
                       changes_against=_day(props.get(CHANGES_AGAINST)), found=True)
