"""review7 R7-5: the calculator limits a line's units by the unit ids its data gives (D147) – the reference's own
list – and measures the others against P (D148); the JavaScript types no unit id of its own."""

from __future__ import annotations

import re
from pathlib import Path

from generator.reference.params import Params
from generator.reference.rules import PERIOD_LIMITED_UNITS, UNBOUNDED_UNITS
from generator.site.calculator import unit_limit_data

JS = Path(__file__).resolve().parents[2] / "site" / "assets" / "javascripts" / "ibm-kalkulators.js"


def test_the_calculator_takes_the_limited_units_from_its_data(params: Params) -> None:
    data = unit_limit_data(params)
    assert (data["diennakts"], data["darbaDiena"], data["stunda"]) == PERIOD_LIMITED_UNITS
    assert data["bezRobezas"] == list(UNBOUNDED_UNITS)
    script = JS.read_text("utf-8")
    for unit in PERIOD_LIMITED_UNITS:  # neither a key typed in an object literal nor a quoted id
        assert not re.search(rf"[{{,]\s*{re.escape(unit)}\s*:|[\"']{re.escape(unit)}[\"']", script), unit
