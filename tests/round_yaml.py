"""One made-up children's round as a rounds.yaml entry, for test catalogues that add rounds (D61, D63)."""

from __future__ import annotations

import datetime as dt


def children_round_entry(round_id: str, name: str, start: dt.date, end: dt.date) -> str:
    """The entry's YAML text (appended to rounds.yaml's list): Liepāja and Valmiera, six-month periods, no envelope."""
    return f"""  - id: {round_id}
    programme: bērni
    name_lv: {name}
    start: {start.isoformat()}
    end: {end.isoformat()}
    services_start: {start.isoformat()}
    services_end: {end.isoformat()}
    reporting_period_months: 6
    municipalities: [liepaja, valmiera]
    envelope:
      amount: null
      status: jāprecizē
      source: "Testa dati"
    participants: 10
    source: "Testa dati: izdomāta kārta"
"""
