"""The "Biežums" cell of 02 and 03: the IB-funded units a month, the unit's word agreeing with the number
(generator/documents/from_matrix/frequency.py; audit8 F11)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.documents.from_matrix.frequency import BY_SCHEDULE, frequency, unit_word

NBSP = "\u00a0"
BLANK = "______"


@pytest.mark.parametrize(("unit", "months", "expected"), [
    ("reize", ["2", "2", "2"], "2 reizes mēnesī"),
    ("reize", ["1", "1"], "1 reize mēnesī"),
    ("stunda", ["21", "21"], "21 stunda mēnesī"),
    ("stunda", ["11", "11"], "11 stundas mēnesī"),
    ("stunda", ["2,5", "2,5"], "2,5 stundas mēnesī"),
    ("kurss", ["1,5", "1,5"], "1,5 kursa mēnesī"),
    ("diennakts", ["4", "4"], "4 diennaktis mēnesī"),
    ("darba-diena", ["20", "20"], "20 darba dienas mēnesī"),
    ("menesis", ["1", "1"], "katru mēnesi"),
    ("reize", ["5", "2"], BY_SCHEDULE),  # the IB money runs out in the second month
    ("reize", ["0", "4"], BY_SCHEDULE),  # nothing in the first month
    ("reize", ["0", "0"], BY_SCHEDULE),
    ("nezināma", ["2", "2"], BY_SCHEDULE),  # a unit without known word forms is never guessed
    ("reize", [BLANK, BLANK], BLANK),  # the IB share is still a blank
])
def test_frequency(unit: str, months: list[str], expected: str) -> None:
    assert frequency(unit, months, BLANK).replace(NBSP, " ") == expected


def test_unit_word_agrees_with_the_number() -> None:
    assert [unit_word("reize", Decimal(n)) for n in (1, 2, 10, 11, 21, 101, 111)] == [
        "reize", "reizes", "reizes", "reizes", "reize", "reize", "reizes"]
    assert unit_word("kurss", Decimal("0.5")) == "kursa" and unit_word("nav", Decimal(1)) is None
