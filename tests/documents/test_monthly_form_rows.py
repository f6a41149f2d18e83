"""The monthly forms of a daily service (30 "Klientu reģistrācijas lapa", 31 "Pakalpojumu saņemšanas mēneša
grafiks") have a numbered row for every working day of the longest month, computed from the calendar and
the catalogue's public holidays, not typed in the template."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

import yaml

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.documents.build_step import render_municipality
from generator.documents.context import longest_month_working_days
from generator.documents.registry import by_id

FORMS = ("30-klientu-registracijas-lapa", "31-pakalpojumu-grafiks")
BLANK_ROW = re.compile(r'<tr class="blank"><td>(\d+)\.</td>')


def _weekdays(year: int, month: int, holidays: set[dt.date]) -> int:
    days = (dt.date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1))
    return sum(1 for d in days if d.weekday() < 5 and d not in holidays)


def _rows(catalogue: Catalogue) -> dict[str, list[int]]:
    municipality = catalogue.pilot_municipalities()[0]
    documents = render_municipality(catalogue, municipality, [by_id(d) for d in FORMS])
    return {doc.spec.id: [int(n) for n in BLANK_ROW.findall(doc.html)] for doc in documents}


def test_a_row_for_every_working_day_of_the_longest_month(catalogue: Catalogue) -> None:
    holidays = set(catalogue.holiday_dates)
    longest = max(_weekdays(y, m, holidays) for y in catalogue.holiday_years for m in range(1, 13))
    assert longest >= 23  # e.g. October 2018: 31 days from a Monday, no public holiday
    assert longest_month_working_days(catalogue) == longest
    for doc_id, numbers in _rows(catalogue).items():
        assert numbers == list(range(1, longest + 1)), f"{doc_id}: rindas {numbers}"


def test_rows_follow_the_holidays_of_the_catalogue(catalogue_copy: Path) -> None:
    """A public holiday on a weekday of every longest month takes one row away: the count is computed."""
    catalogue = load_or_raise(catalogue_copy)
    holidays = set(catalogue.holiday_dates)
    longest = longest_month_working_days(catalogue)
    months = [(y, m) for y in sorted(catalogue.holiday_years) for m in range(1, 13)
              if _weekdays(y, m, holidays) == longest]
    path = catalogue_copy / "holidays.yaml"
    text = path.read_text(encoding="utf-8")
    added = []
    for year, month in months:
        day = next(dt.date(year, month, d) for d in range(1, 29)
                   if dt.date(year, month, d).weekday() < 5 and dt.date(year, month, d) not in holidays)
        added.append(day)
    text = _add_holidays(text, added)
    path.write_text(text, encoding="utf-8")
    changed = load_or_raise(catalogue_copy)
    assert set(added) <= set(changed.holiday_dates)
    assert longest_month_working_days(changed) == longest - 1
    for doc_id, numbers in _rows(changed).items():
        assert len(numbers) == longest - 1, doc_id


def _add_holidays(text: str, days: list[dt.date]) -> str:
    """holidays.yaml with ``days`` (fictional holidays) added to their years' lists, in date order."""
    data = yaml.safe_load(text)
    for day in days:
        year = next(y for y in data["years"] if y["year"] == day.year)
        year["days"] = sorted([*year["days"], {"date": day, "name_lv": "Izdomāta brīvdiena"}], key=lambda d: d["date"])
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_the_schedule_sends_the_worker_to_the_tables_with_the_months(catalogue: Catalogue) -> None:
    """The monthly schedule (31) is drawn up from the plan's services (6.3) and their units per month (6.6);
    6.4 is the unsigned calculation of amounts, without months (audit9 F6)."""
    html = next(d.html for d in _rows_documents(catalogue) if d.spec.id == "31-pakalpojumu-grafiks")
    cited = set(re.findall(r"\b6\.\d+\.(?= |<| tabul)", re.sub(r"<[^>]+>", " ", html)))
    assert {"6.3.", "6.6."} <= cited and "6.4." not in cited, cited


def _rows_documents(catalogue: Catalogue) -> list:
    municipality = catalogue.pilot_municipalities()[0]
    return render_municipality(catalogue, municipality, [by_id(d) for d in FORMS])
