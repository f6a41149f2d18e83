"""Changes to the programme's calendar between two catalogues: rounds (rounds.yaml) and public holidays
(holidays.yaml). A round's dates move reporting periods and terms, its envelope the final amounts; a
holiday changes a month's working days and so the day-care and workshop limit (D11). Each change is
a row with the old and new value and the legal source, for the ministry's record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import (
    PROCEDURE_FIELDS,
    ApplicationDeadline,
    Envelope,
    Holidays,
    Round,
    RoundProcedures,
    RoundProject,
    SelectionRules,
)
from generator.lvformat import agree, date, eur
from generator.reference.monthly import working_days

# Round fields in the order a reader expects them, with their Latvian labels.
ROUND_FIELDS = {
    "name_lv": "nosaukums",
    "programme": "programma",
    "start": "kārtas sākums",
    "end": "kārtas beigas",
    "services_start": "pakalpojumu sniegšanas sākums",
    "services_end": "pakalpojumu sniegšanas beigas",
    "reporting_period_months": "pārskata perioda garums (mēneši)",
    "municipalities": "pašvaldības",
    "envelope": "finansējums SBS pakalpojumiem",
    "selection": "atlases noteikumi",
    "application_deadline": "iesniegumu iesniegšanas termiņš",
    "project": "projekts",
    "procedures": "izmēģinājumprojekta procedūras",
    "participants": "dalībnieku skaits",
    "source": "avots",
    "note": "piezīme",
}
PERIODS = "pārskata periodi (aprēķināti)"


@dataclass(frozen=True)
class RoundChange:
    round_id: str
    name_lv: str
    what: str  # Latvian label of the field, or "kārta"
    old: str | None  # None: the round is new
    new: str | None  # None: the round was removed
    source: str


@dataclass(frozen=True)
class HolidayChange:
    day: dt.date
    old: str | None  # the holiday's name before, None when the day was not a holiday
    new: str | None  # the holiday's name now, None when it is no longer one
    source: str
    effect: str  # the month's working days before → after
    year_added: bool = False  # the day's year was not in the older list at all (audit39 F9)
    year_removed: bool = False  # the day's year is not in the newer list at all


SOURCE_LABELS = {"envelope": "finansējuma avots"}  # a field whose source has its own name


def _envelope(value: Envelope) -> str:
    amount = eur(value.amount) if value.amount is not None else "nav zināms"
    return f"{amount} ({value.status.value})"


# the pilot's procedures a round may confirm (D135), in words
PROCEDURE_LABELS = {
    "ministry_team": "LM projekta komandas atlase",
    "registration_to_minute": "reģistrācija līdz minūtei",
    "forward_working_days": "iesniegumu nosūtīšana noteiktās darba dienās",
    "esf_questionnaire": "ESF dalībnieka anketa",
    "ftp_server": "projekta serveris",
    "transport_share": "transporta daļas ierobežojums",
    "methodology_rules": "metodika kā kārtas noteikumi",
    "reserve_list": "neatlasīto bērnu rezerve",
    "advance_payment": "avanss kārtas pirmajā mēnesī",
    "child_reallocation": "bērnu pārdale starp pašvaldībām",
}


def _procedures(value: RoundProcedures) -> str:
    """A round's procedures (D135): its status and the procedures that hold."""
    held = [PROCEDURE_LABELS[name] for name in PROCEDURE_FIELDS if getattr(value, name)]
    return f"{value.status.value}: {', '.join(held) if held else 'neviena'}"


def _rule(value: SelectionRules | ApplicationDeadline) -> str:
    """A round's selection rules or application deadline (D124): its status, and its date or texts."""
    if isinstance(value, ApplicationDeadline):
        return f"{date(value.date) if value.date else 'nav zināms'} ({value.status.value})"
    texts = [t for t in (value.criterion_met, value.criterion_unmet, value.tie_break, value.ministry_selection,
                         value.group_price_basis) if t]
    return "; ".join([value.status.value, *texts])


def _project(value: RoundProject) -> str:
    """A round's project (audit18 F11): what is known of its number and name (review2 F9: an unconfirmed number
    shown with its status, so that a change of it is visible), or that neither is known, and its status."""
    parts = ([f"Nr. {value.number}"] if value.number else []) + ([f"„{value.name_lv}”"] if value.name_lv else [])
    return f"{' '.join(parts) or 'nav zināms'} ({value.status.value})"


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, RoundProject):
        return _project(value)
    if isinstance(value, RoundProcedures):
        return _procedures(value)
    if isinstance(value, SelectionRules | ApplicationDeadline):
        return _rule(value)
    if isinstance(value, dt.date):
        return date(value)
    if isinstance(value, Envelope):
        return _envelope(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(getattr(value, "value", value))


def _field_rows(before: Round, after: Round) -> list[tuple[str, str, str, str]]:
    """(label, old, new, source) for every field that differs visibly; a field with its own source whose only
    change is that source is reported as the source's change (review2 F9), never as a row whose old and new
    texts are the same."""
    rows = []
    for field, label in ROUND_FIELDS.items():
        x, y = getattr(before, field), getattr(after, field)
        if x == y:
            continue
        if _text(x) == _text(y):
            old_source, new_source = getattr(x, "source", None), getattr(y, "source", None)
            if old_source != new_source:
                rows.append((SOURCE_LABELS.get(field, f"{label}: avots"), old_source, new_source,
                             new_source or after.source))
        else:
            # a field with its own source (the envelope, selection rules, deadline, project, procedures) cites it
            own = getattr(y, "source", None)
            rows.append((label, _text(x), _text(y), own or after.source))
    return rows


def _periods(cat: Catalogue, round_: Round) -> str:
    return "; ".join(f"{p.number}. {date(p.start)}–{date(p.end)}" for p in cat.round_periods(round_))


def _new_round(cat: Catalogue, round_: Round) -> str:
    """A new round as a municipality reads it: its dates, municipalities, funding and participants (audit39 F2)."""
    names = {m.id: m.name_lv for m in cat.municipalities.municipalities}
    parts = [f"{date(round_.start)}–{date(round_.end)}",
             f"pakalpojumi {date(round_.services_start)}–{date(round_.services_end)}",
             "pašvaldības: " + ", ".join(f"{names.get(m, m)} (`{m}`)" for m in round_.municipalities),
             f"{ROUND_FIELDS['envelope']}: {_envelope(round_.envelope)}"]
    if round_.participants is not None:
        parts.append(f"{ROUND_FIELDS['participants']}: {round_.participants}")
    parts.append(f"pārskata periodi: {_periods(cat, round_)}")
    return "; ".join(parts)


def round_changes(old: Catalogue, new: Catalogue) -> list[RoundChange]:
    """Rounds added, removed or edited (one row per changed field, plus the derived reporting periods)."""
    before, after = old.round_by_id, new.round_by_id
    changes: list[RoundChange] = []
    for rid in sorted(set(before) | set(after)):
        a, b = before.get(rid), after.get(rid)
        if a is None and b is not None:
            changes.append(RoundChange(rid, b.name_lv, "kārta", None, _new_round(new, b), b.source))
        elif b is None and a is not None:
            changes.append(RoundChange(rid, a.name_lv, "kārta", f"{date(a.start)}–{date(a.end)}", None, a.source))
        elif a is not None and b is not None and a != b:
            for label, x, y, source in _field_rows(a, b):
                changes.append(RoundChange(rid, b.name_lv, label, x, y, source))
            old_periods, new_periods = _periods(old, a), _periods(new, b)
            if old_periods != new_periods:
                changes.append(RoundChange(rid, b.name_lv, PERIODS, old_periods, new_periods, b.source))
    return changes


def _days(holidays: Holidays | None) -> dict[dt.date, str]:
    if holidays is None:
        return {}
    return {d.date: d.name_lv for year in holidays.years for d in year.days}


WEEKEND_DAYS = {5: "sestdienā", 6: "svētdienā"}


def _days_text(n: int) -> str:
    return f"{n} {agree(n, 'darba diena', 'darba dienas')}"


def holiday_changes(old: Catalogue, new: Catalogue) -> tuple[list[HolidayChange], list[str]]:
    """Holidays added, removed or renamed, with the month's working days before and after; and notes
    on the list as a whole (its legal source, years added or removed)."""
    before, after = _days(old.holidays), _days(new.holidays)
    source = (new.holidays or old.holidays).source if (new.holidays or old.holidays) else ""
    notes: list[str] = []
    if old.holidays is None and new.holidays is not None:
        notes.append("Iepriekšējā versijā svētku dienu saraksta nebija: darba dienas tika skaitītas bez svētku "
                     "dienām (pirmdiena–piektdiena).")
    elif old.holidays is not None and new.holidays is None:
        notes.append("Jaunajā versijā svētku dienu saraksta nav.")
    if old.holidays is not None and new.holidays is not None and old.holidays.source != new.holidays.source:
        notes.append(f"Mainīts tiesiskais avots: {old.holidays.source} → {new.holidays.source}.")
    old_years = {y.year for y in old.holidays.years} if old.holidays else set()
    new_years = {y.year for y in new.holidays.years} if new.holidays else set()
    if old.holidays is not None and new.holidays is not None:
        for year in sorted(new_years - old_years):
            notes.append(f"Pievienots {year}. gads.")
        for year in sorted(old_years - new_years):
            notes.append(f"Izņemts {year}. gads.")
    changes: list[HolidayChange] = []
    old_set, new_set = set(before), set(after)
    for day in sorted(old_set | new_set):
        if before.get(day) == after.get(day):
            continue
        month_before = working_days(day.year, day.month, old_set)
        month_after = working_days(day.year, day.month, new_set)
        # a year added to (removed from) a list the other version has; without any list the days were counted
        # without holidays, and the table says how they change
        both = old.holidays is not None and new.holidays is not None
        added, removed = both and day.year in new_years - old_years, both and day.year in old_years - new_years
        if day.weekday() >= 5:  # a Saturday or Sunday is no working day either way (audit39 F9)
            effect = f"iekrīt {WEEKEND_DAYS[day.weekday()]} – darba dienu skaitu nemaina"
        elif added:
            effect = f"{day:%m.%Y}: {_days_text(month_after)} (iepriekš šī gada svētku dienu katalogā nebija)"
        elif removed:
            effect = f"{day:%m.%Y}: iepriekš {_days_text(month_before)}; gada svētku dienu sarakstā vairs nav"
        else:
            effect = f"{day:%m.%Y}: darba dienu skaits {month_before} → {month_after}"
        changes.append(HolidayChange(day, before.get(day), after.get(day), source, effect, added, removed))
    return changes, notes
