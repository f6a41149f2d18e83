"""Test helper: a later value of a programme rule parameter added to a catalogue copy's programme.yaml."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path


def add_programme_value(folder: Path, param: str, day: dt.date, value: str) -> None:
    """Append ``value`` from ``day`` to parameter ``param``'s dated values in ``folder``/programme.yaml (made-up
    source: the test's own input)."""
    path = folder / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    block = re.search(rf"^{param}:\n(?:  .*\n)+", text, re.M)
    assert block is not None, param
    entry = f"    - {{effective_from: {day.isoformat()}, value: {value}, source: \"Testa noteikumu maiņa (izdomāta)\"}}\n"
    path.write_text(text[:block.end()] + entry + text[block.end():], encoding="utf-8")
