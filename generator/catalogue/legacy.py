"""Reading catalogue versions written before programme rounds existed (rounds.yaml, holidays.yaml).

Such versions kept the pilots in municipalities.yaml (a top-level ``pilots`` list and a ``pilots``
field per municipality). ``ibm changes --from <old revision>`` must still load them, so the loader
turns that data into the rounds it would be today: one round per pilot, the municipalities that
named it, six-month reporting periods (the rule of the time, L1073) and an unknown envelope.
Current catalogues never take this path: it is used only when rounds.yaml is absent and
municipalities.yaml still has ``pilots``.
"""

from __future__ import annotations

import copy
from typing import Any

from generator.catalogue.yamlfile import YamlFile

LEGACY_PERIOD_MONTHS = 6  # L1073: the reporting period of the pilots' time (not a live parameter)
LEGACY_ROUND_IDS = {"bērni": "berni-2018", "pieaugušie": "pieaugusie-2019"}


def is_legacy(municipalities: YamlFile, has_rounds_file: bool) -> bool:
    return not has_rounds_file and isinstance(municipalities.data, dict) and "pilots" in municipalities.data


def split_legacy(municipalities: YamlFile) -> tuple[YamlFile, YamlFile]:
    """The municipalities file without its pilot data, and a rounds file made from that data (located
    at municipalities.yaml, so any problem points at the lines that hold it)."""
    data: dict[str, Any] = copy.deepcopy(municipalities.data)
    pilots = data.pop("pilots") or []
    members: dict[str, list[str]] = {}
    for entry in data.get("municipalities") or []:
        if isinstance(entry, dict):
            for pilot in entry.pop("pilots", None) or []:
                members.setdefault(str(pilot), []).append(str(entry.get("id")))
    rounds = []
    for pilot in pilots:
        if not isinstance(pilot, dict):
            continue
        programme = str(pilot.get("id"))
        rounds.append({
            "id": LEGACY_ROUND_IDS.get(programme, f"{programme}-kārta"),
            "programme": programme,
            "name_lv": pilot.get("name_lv"),
            "start": pilot.get("start"),
            "end": pilot.get("end"),
            "services_start": pilot.get("services_start") or pilot.get("start"),
            "services_end": pilot.get("services_end") or pilot.get("end"),
            "reporting_period_months": LEGACY_PERIOD_MONTHS,
            "municipalities": members.get(programme, []),
            "envelope": {"amount": None, "status": "jāprecizē", "source": "iepriekšējā kataloga versija"},
            "participants": pilot.get("participants"),
            "source": "iepriekšējā kataloga versija (municipalities.yaml, pilots)",
            "note": pilot.get("note"),
        })
    lines = municipalities.lines
    round_lines = {("rounds",): lines.get(("pilots",), 1)}
    for i in range(len(rounds)):
        for key, value in lines.items():
            if key[:2] == ("pilots", i):
                round_lines[("rounds", i, *key[2:])] = value
    return (
        YamlFile(municipalities.path, data, lines),
        YamlFile(municipalities.path, {"rounds": rounds}, round_lines),
    )
