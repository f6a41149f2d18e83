"""The calculator's message templates are rendered by the reference's rule checks on a plan padded with ~10 000 empty
lines (generator/site/calculator.py ``_padded``). The padding repeats one frozen empty line (a site build ~2 s
faster, docs/benchmarks.md "sitespeed"): the templates are the same as with a fresh empty line in every row."""

from __future__ import annotations

import pytest

from generator.reference.lines import PlanLine
from generator.reference.params import Params
from generator.site import calculator


def _padded_fresh(*lines: tuple[int, PlanLine]) -> list[PlanLine]:
    """The padding as it was: a new empty line built for every row."""
    result = [PlanLine(offer_id=None) for _ in range(max(i for i, _ in lines) + 1)]
    for index, line in lines:
        result[index] = line
    return result


def test_padding_with_one_shared_empty_line_gives_the_same_templates(params: Params,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    shared = calculator.message_templates(params)
    padded = calculator._padded((3, calculator._line("x")))
    assert len(padded) == 4 and padded[3].label == "x"
    assert [line.offer_id for line in padded[:3]] == [None] * 3 and padded[0] == PlanLine(offer_id=None)
    monkeypatch.setattr(calculator, "_padded", _padded_fresh)
    fresh = calculator.message_templates(params)
    assert shared == fresh
    assert len(shared) > 20 and "{rinda}" in shared["price_above_ceiling"]
