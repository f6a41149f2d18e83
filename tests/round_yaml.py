"""One made-up children's round as a rounds.yaml entry, for test catalogues that add rounds (D61, D63)."""

from __future__ import annotations

import datetime as dt


def children_round_entry(round_id: str, name: str, start: dt.date, end: dt.date,
                         services: tuple[dt.date, dt.date] | None = None,
                         municipalities: tuple[str, ...] = ("liepaja", "valmiera")) -> str:
    """The entry's YAML text (appended to rounds.yaml's list): six-month periods, no envelope; services for the whole
    round unless ``services`` (first, last day) is given; Liepāja and Valmiera unless ``municipalities``."""
    services_start, services_end = services or (start, end)
    return f"""  - id: {round_id}
    programme: bērni
    name_lv: {name}
    start: {start.isoformat()}
    end: {end.isoformat()}
    services_start: {services_start.isoformat()}
    services_end: {services_end.isoformat()}
    reporting_period_months: 6
    municipalities: [{", ".join(municipalities)}]
    envelope:
      amount: null
      status: jāprecizē
      source: "Testa dati"
    participants: 10
    source: "Testa dati: izdomāta kārta"
"""
