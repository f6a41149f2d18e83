"""README's facts typed by hand that come from elsewhere: the adults' round id (rounds.yaml) and the matrix places its
examples of the tools' messages name (6.1's cells with their labels, 6.11's row of invalid inputs – the matrix's layout
in code, which tests/documents/test_from_matrix_places.py proves against a real template)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.workbook.sheets import personal, technical

README = Path(__file__).resolve().parents[1] / "README.md"


def _readme() -> str:
    return " ".join(README.read_text("utf-8").split())


def test_readmes_adults_round_is_the_catalogues(catalogue: Catalogue) -> None:
    named = re.findall(r"kārta `([^`]+)`", _readme())
    adults = {r.id for r in catalogue.rounds_of(Pilot.adults)}
    assert named and set(named) <= adults, (named, adults)


def test_readmes_matrix_places_are_the_layouts() -> None:
    text = _readme()
    rows = [int(n) for n in re.findall(r"6\.11\. tabulas (\d+)\. rinda", text)]
    assert rows and set(rows) == {technical.rule_row_of("invalid_input")}, rows
    cells = re.findall(r"6\.1\. tabula, (B\d+) „([^”]+)”", text)
    known = {(f"B{row}", label) for row, label, kind, *_ in personal.FIELDS if kind != "section"}
    assert cells and set(cells) <= known, (cells, sorted(known))
