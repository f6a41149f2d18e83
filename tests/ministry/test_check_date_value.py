"""The collection compares the workbook's cached Parbaudes_Datums (a date) with the reference's."""

from __future__ import annotations

import datetime as dt

from generator.ministry.reading import _same

CHECK = dt.date(2018, 10, 1)  # serial 43374 in the 1900 date system


def test_check_date_cached_as_serial_or_date() -> None:
    assert _same("Parbaudes_Datums", 43374.0, CHECK)
    assert _same("Parbaudes_Datums", dt.datetime(2018, 10, 1), CHECK)
    assert not _same("Parbaudes_Datums", 43375.0, CHECK)
    assert not _same("Parbaudes_Datums", "", CHECK)
    assert not _same("Parbaudes_Datums", "01.10.2018", CHECK)
    assert _same("Parbaudes_Datums", "", None)  # no check date (plan outside every reporting period)
