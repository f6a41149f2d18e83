"""A rank is a place in a priority order (D154, audit29 F7): the expert rank among the lines with a service in the
line's support area, the parent's among the plan's lines with a service; above their number it is an error."""

from __future__ import annotations

from decimal import Decimal

from generator.reference.inputs import check_ranks
from generator.reference.lines import PlanLine


def _line(area: int, expert: int | None, parent: int | None, offer: str | None = "x") -> PlanLine:
    return PlanLine(offer_id=offer, area=area, units=Decimal(1), unit_price=Decimal(10), expert_rank=expert,
                    parent_rank=parent)


def test_ranks_up_to_the_lines_they_order_are_no_error() -> None:
    lines = [_line(1, 1, 3), _line(1, 2, 1), _line(3, 1, 2), _line(3, None, None), PlanLine(offer_id=None)]
    assert check_ranks(lines) == []


def test_each_rank_above_its_lines_is_one_error_naming_the_bound() -> None:
    lines = [_line(1, 1, 1), _line(3, 2, 4), PlanLine(offer_id=None, expert_rank=9, parent_rank=9), _line(1, 3, 2)]
    found = check_ranks(lines)
    assert [(f.code, f.lines) for f in found] == [("rank_above_lines", (1,)), ("rank_above_lines", (1,)),
                                                  ("rank_above_lines", (3,))]
    assert found[0].message.startswith("2. rinda: ekspertu rangam (6.3. tabulā) jābūt ne lielākam par plāna rindu "
                                       "skaitu ar pakalpojumu šīs rindas atbalsta jomā (1), ievadīts 2")
    assert "vecāku rangam (6.3. tabulā) jābūt ne lielākam par plāna rindu skaitu ar pakalpojumu (3), ievadīts 4" in (
        found[1].message)
    assert "(2), ievadīts 3" in found[2].message
