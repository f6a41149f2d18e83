"""The template context of the methodology pages (catalogue/metodika/*.md) and of the site's own pages.

The syntax is agreed with the methodology authors (see the module docstring of ``methodology``):
``p.<parameter>`` is every programme parameter in force on the catalogue date (``p_statuss.<parameter>`` its
status in words, „jāprecizē” or „apstiprināts”, to say beside the figure), ``dienas_numuri`` D286's span of day
serials (``.first`` the serial of 1 January ``.first_year``), ``cena(id)`` a price
value in force, ``grupu_griesti`` the group-session ceiling (``grupu_griesti_teksts`` the same in words, „ne vairāk
kā …” while the deducted transport part is unknown; ``grupu_griesti_par_nodarbibu`` with „par nodarbību” next to the
amount, before that bracket), ``grupu_griesti_izmainas`` its changes dated later, " (no …
– …)" or "" (``grupu_griesti_izmainas_turpinot`` "; no … – …" inside a bracket) – D185; ``nezinama(value)`` tells such an unknown figure – D106), ``katalogs`` the Catalogue,
``pasvaldibas`` the children's pilot municipalities and ``izmeginajumi`` the two pilots, ``svetku_gadi`` the
years holidays.yaml lists and ``kartu_gadi`` the years the rounds' services windows touch (both sorted),
``darba_dienas(pirmā, pēdējā)`` the working days between two ISO dates by the catalogue's holidays (D11's worked
example) and ``svetku_darbdienas(pirmā, pēdējā)`` the holidays between them that fall on a weekday; filters
``eur``, ``procenti``, ``skaitlis``, ``datums`` and ``vesels`` format numbers the Latvian way, ``versija``
shows a catalogue or template version as a person reads it ("d382f2bc (katalogs 01.04.2023)") and
``versijas_kods`` only its id ("d382f2bc", where the date is said beside it); ``matricas_vietas`` places of the matrix
as the tools' messages name them, from its layout in code (``perioda_sakums`` „6.1. tabula, B38 „Perioda pirmā
diena””, ``ievades_rinda`` the 6.11 row counting invalid inputs), so that no page types a row by hand.
Every number a page shows therefore comes from the catalogue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import jinja2

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot, PriceValue
from generator.programme_scope import adults_pilot_sentence
from generator.reference.lines import PLAN_LINES
from generator.reference.monthly import working_days_between
from generator.reference.params import children_date_serials
from generator.site import labels, text
from generator.workbook import render  # render.build_day: the build day (tests replace it)
from generator.workbook.sheets import personal, technical


class Parameters:
    """``p``: the value of every programme parameter in force on one day, by its catalogue name."""

    def __init__(self, catalogue: Catalogue, day: dt.date) -> None:
        self._names = sorted(type(catalogue.programme).model_fields)
        for name in self._names:
            setattr(self, name, getattr(catalogue.programme, name).at(day).value)

    def __repr__(self) -> str:
        return f"p ({', '.join(self._names)})"


class ParameterStatuses:
    """``p_statuss``: the status of every programme parameter's value in force on one day, in words („jāprecizē” or
    „apstiprināts”), so that a page printing ``p.<name>`` says beside it whether the figure is confirmed."""

    def __init__(self, catalogue: Catalogue, day: dt.date) -> None:
        self._names = sorted(type(catalogue.programme).model_fields)
        for name in self._names:
            setattr(self, name, labels.status_text(getattr(catalogue.programme, name).at(day).status))

    def __repr__(self) -> str:
        return f"p_statuss ({', '.join(self._names)})"


class UnknownPrice(LookupError):
    pass


def site_date(catalogue: Catalogue) -> dt.date:
    """The date whose prices and rules the site shows (D185): the catalogue's latest effective date on or before
    the build day. A value dated later is announced beside it („no DD.MM.GGGG”), never shown as in force; the site
    changes only when the build day reaches a new effective date, so builds between two changes are identical."""
    today = render.build_day()
    dates = catalogue.effective_dates()
    reached = [d for d in dates if d <= today]
    return max(reached) if reached else min(dates)


@dataclass(frozen=True)
class Announced:
    """A catalogue value that takes effect after the site's date (D185)."""

    code: str  # the service code, „–” for a price parameter (the site names those by name only)
    name: str
    value: PriceValue
    link: str | None  # the service's catalogue page, relative to the site root


def announced_prices(catalogue: Catalogue, day: dt.date) -> list[Announced]:
    """Every price or price parameter value dated after ``day``, by date and code."""
    found = []
    for price in catalogue.prices:
        service = catalogue.service_by_id.get(price.service) if price.service else None
        for value in price.values:
            if value.effective_from > day:
                found.append(Announced(price.service or "–", service.short_name_lv if service else price.name_lv,
                                       value, f"katalogs/{service.id}.md" if service else None))
    return sorted(found, key=lambda a: (a.value.effective_from, a.code, a.name))


def price_lookup(catalogue: Catalogue, day: dt.date):
    def cena(price_id: str) -> PriceValue:
        price = catalogue.price_by_id.get(str(price_id))
        if price is None:
            known = ", ".join(sorted(catalogue.price_by_id))
            raise UnknownPrice(f"cena „{price_id}” nav katalogā (catalogue/prices/; zināmās: {known})")
        value = price.at(day)
        if value is None:
            raise UnknownPrice(f"cenai „{price_id}” nav vērtības, kas būtu spēkā {day:%d.%m.%Y}")
        return value

    return cena


def template_context(catalogue: Catalogue) -> dict[str, Any]:
    """Every name a methodology page may use."""
    day = site_date(catalogue)
    group_ceiling: Decimal | None = catalogue.group_ceiling(day)[0]
    return {
        "p": Parameters(catalogue, day),
        "p_statuss": ParameterStatuses(catalogue, day),
        "dienas_numuri": children_date_serials(catalogue),  # D286's span of day serials (None without a round)
        "cena": price_lookup(catalogue, day),
        "grupu_griesti": group_ceiling,
        "grupu_griesti_teksts": labels.group_ceiling_text(catalogue, day),
        "grupu_griesti_par_nodarbibu": labels.group_ceiling_text(catalogue, day, per="par nodarbību"),
        "grupu_griesti_izmainas": labels.ceiling_changes(catalogue, day),
        "grupu_griesti_izmainas_turpinot": labels.ceiling_changes(catalogue, day, in_brackets=False),
        "nezinama": labels.unknown_amount,
        "katalogs": catalogue,
        "pasvaldibas": catalogue.pilot_round_municipalities(Pilot.children),  # the pilot's, not later rounds' (D189)
        "izmeginajumi": list(catalogue.municipalities.pilots),
        "pieauguso_piezime": adults_pilot_sentence(catalogue),  # nothing is made for the adults' pilot (D254)
        "kataloga_datums": day,
        "kataloga_versija": catalogue.version,
        "svetku_gadi": sorted(catalogue.holiday_years),
        "kartu_gadi": round_years(catalogue),
        "darba_dienas": lambda first, last: working_days_between(
            dt.date.fromisoformat(first), dt.date.fromisoformat(last), catalogue.holiday_dates),
        "svetku_darbdienas": lambda first, last: weekday_holidays(catalogue, first, last),
        "matricas_vietas": matrix_places(),
    }


def matrix_places() -> dict[str, object]:
    """Places of the matrix a page names as the tools' messages do (documents.from_matrix.places), from the layout."""
    cell, label = personal.input_cell("Perioda_Sakums")
    return {"perioda_sakums": f"{personal.SHEET}. tabula, {cell} „{label}”",
            "ievades_rinda": technical.rule_row_of("invalid_input"),
            "plana_rindas": PLAN_LINES}  # the plan lines a matrix holds, the rules' limit (D293)


def weekday_holidays(catalogue: Catalogue, first: str, last: str) -> list[dt.date]:
    """The catalogue's public holidays from ``first`` to ``last`` (ISO dates, both included) that fall on a weekday:
    the days a month's working-day count leaves out (D11)."""
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [d for d in catalogue.holiday_dates if start <= d <= end and d.weekday() < 5]


def round_years(catalogue: Catalogue) -> list[int]:
    """Every calendar year a round's services window touches, sorted."""
    return sorted({year for r in catalogue.rounds for year in range(r.services_start.year, r.services_end.year + 1)})


FILTERS = {
    "eur": text.eur,
    "procenti": text.percent,
    "skaitlis": text.number,
    "datums": text.date,
    "vesels": text.integer,
    "versija": lvformat.version,
    "versijas_kods": lvformat.version_id,
    "lokativa_siev": text.feminine_locative,
    "menesus": lvformat.months_accusative,  # "ilgst 5 mēnešus", "ilgst 1 mēnesi"
}


def environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """A Jinja2 environment for Markdown: strict (an unknown name fails), no HTML escaping."""
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env
