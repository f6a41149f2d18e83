"""Writes the report workbooks of one municipality: the expense register with 29, 30 and 26
(register_workbook.py), the social worker's activity report 31 (activity.py) and the annexes' workbooks
(annex_workbooks.py), each named for the day of the municipality's papers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.paths import reports_dir
from generator.documents.reports.register_layout import REGISTER_FILE
from generator.documents.reports.register_workbook import write_register_workbook


def write_report_workbooks(catalogue: Catalogue, municipality: Municipality, out: Path,
                           build_date: dt.date | None = None, folder: Path | None = None) -> list[Path]:
    """The municipality's report workbooks in ``folder`` (default: its folder under out/lejupielades/atskaites/)."""
    from generator.documents.build_step import papers_day
    from generator.documents.party_names import as_reported
    from generator.documents.reports.activity import ACTIVITY_FILE, write_activity_report
    from generator.documents.reports.annex_workbooks import write_annex_workbooks

    folder = folder or reports_dir(out, municipality.id)
    # headers and notes name the municipality and its service only by names confirmed for the day of the
    # municipality's papers – with `--day` that day, as the documents beside them (D43, D192)
    day = papers_day(catalogue, municipality, build_date)
    municipality = as_reported(catalogue, municipality, day)
    return [
        write_register_workbook(catalogue, municipality, folder / REGISTER_FILE, build_date=build_date),
        write_activity_report(catalogue, municipality, folder / ACTIVITY_FILE, build_date=build_date),
        *write_annex_workbooks(catalogue, municipality, folder, build_date=build_date),
    ]
