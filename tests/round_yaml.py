"""One made-up children's round as a rounds.yaml entry, for test catalogues that add rounds (D61, D63)."""

from __future__ import annotations

import datetime as dt


def children_round_entry(round_id: str, name: str, start: dt.date, end: dt.date,
                         services: tuple[dt.date, dt.date] | None = None,
                         municipalities: tuple[str, ...] = ("liepaja", "valmiera"),
                         deadline: dt.date | None = None, rules: bool = False) -> str:
    """The entry's YAML text (appended to rounds.yaml's list): six-month periods, no envelope; services for the whole
    round unless ``services`` (first, last day) is given; Liepāja and Valmiera unless ``municipalities``. Its
    selection rules and application deadline are `jāprecizē` (D124) unless ``rules`` (made-up confirmed rules,
    see SELECTION) or ``deadline`` (a confirmed application deadline) is given."""
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
{_selection(rules)}{_deadline(deadline)}    participants: 10
    source: "Testa dati: izdomāta kārta"
"""


# Made-up confirmed selection rules of a later round (D124): each text printed by the papers of that round.
SELECTION = {
    "criterion_met": "Bērnam ir izdomātas kārtas testa izvērtējums",
    "criterion_unmet": "bērnam nav izdomātas kārtas testa izvērtējuma",
    "tie_break": "pie vienādiem kritērijiem izšķir izdomātas kārtas testa izloze",
    "ministry_selection": "ievērojot izdomātas kārtas testa kvotas",
    "group_price_basis": "Izdomātas kārtas testa cenu noteikumi",
}


def _selection(rules: bool) -> str:
    if not rules:
        return ""
    fields = "".join(f"      {name}: {text}\n" for name, text in SELECTION.items())
    return f"    selection:\n      status: apstiprināts\n      source: \"Testa dati\"\n{fields}"


def _deadline(deadline: dt.date | None) -> str:
    if deadline is None:
        return ""
    return (f"    application_deadline:\n      date: {deadline.isoformat()}\n      status: apstiprināts\n"
            f"      source: \"Testa dati\"\n")
