"""Hypothesis strategies for random plans and pilots."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from generator.reference.final_amounts import ChildAmounts
from generator.reference.lines import PlanLine

money = st.integers(min_value=0, max_value=500_000).map(lambda c: Decimal(c) / 100)
prices = st.integers(min_value=0, max_value=2_000_000).map(lambda c: Decimal(c) / 10_000)
units = st.integers(min_value=0, max_value=200).map(lambda h: Decimal(h) / 2)


@st.composite
def plan_lines(draw: st.DrawFn, index: int = 0) -> PlanLine:
    if draw(st.integers(0, 9)) == 0:
        return PlanLine(offer_id=None)
    area = draw(st.integers(1, 3))
    return PlanLine(
        offer_id=f"{area}.{index + 1}",
        service_id=f"{area}.{index + 1}",
        area=area,
        units=draw(units),
        unit_price=draw(prices),
        expert_rank=draw(st.none() | st.integers(1, 8)),
        parent_rank=draw(st.none() | st.integers(1, 15)),
        transport=draw(st.booleans()),
    )


plans = st.lists(plan_lines(), min_size=0, max_size=14)


@st.composite
def distinct_rank_plans(draw: st.DrawFn) -> list[PlanLine]:
    """Plans whose (expert rank, area) pairs are all given and distinct: no tie depends on row order."""
    pairs = draw(
        st.lists(st.tuples(st.integers(1, 8), st.integers(1, 3)), min_size=1, max_size=12, unique=True)
    )
    lines = []
    for i, (rank, area) in enumerate(pairs):
        lines.append(
            PlanLine(
                offer_id=f"{area}.{i + 1}",
                service_id=f"{area}.{i + 1}",
                area=area,
                units=draw(units.filter(lambda u: u > 0)),
                unit_price=draw(prices),
                expert_rank=rank,
                parent_rank=draw(st.none() | st.integers(1, 15)),
            )
        )
    return lines


@st.composite
def pilots(draw: st.DrawFn) -> list[ChildAmounts]:
    n = draw(st.integers(1, 25))
    children = []
    for i in range(n):
        children.append(
            ChildAmounts(
                id=f"c{i:02d}",
                provisional=draw(money),
                needed=draw(money),
                previous_planned=draw(money),
                previous_actual=draw(money),
            )
        )
    return children
