"""Stage 2 and 4: line cost, needed amount N, combined priority, IB amount A, line funding and K.

Definitions are exact so that the workbook's formulas (sheet 6.4) give the same cents
(DECISIONS.md D3–D6, ib-calculation.md §1.2, §4, §7.2).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from generator.lvformat import entered
from generator.money import cents, to_decimal, xround
from generator.reference.errors import ReferenceInputError
from generator.reference.lines import PlanLine, line_from_offer
from generator.reference.params import Params

__all__ = [
    "Financing",
    "LinePlan",
    "PlanLine",
    "PlanResult",
    "available_amount",
    "evaluate_plan",
    "financing",
    "ib_funding",
    "line_cost",
    "line_funding",
    "line_from_offer",
    "needed_amount",
    "priorities",
    "transport_share",
]

ZERO = Decimal(0)
FUNDED, PARTIAL, NOT_FUNDED, IGNORED = "funded", "partial", "not_funded", "ignored"
VARIANTS = (1, 2, 3)


def line_cost(line: PlanLine) -> Decimal:
    """Line cost = ROUND(units × unit price, 2) for a counted line, 0 for an ignored one (D3)."""
    return cents(line.units * line.unit_price) if line.counted else ZERO


def needed_amount(lines: Sequence[PlanLine]) -> Decimal:
    """N = Σ line cost over the counted lines (D3, L1064, L1381)."""
    return sum((line_cost(line) for line in lines), ZERO)


@dataclass(frozen=True)
class Priority:
    """The combined priority of one counted line (D4)."""

    expert_position: int
    score: Decimal
    position: int


def priorities(lines: Sequence[PlanLine], params: Params) -> dict[int, Priority]:
    """Combined priority of the counted lines, keyed by line index (D4, L1052, S000:L69–75).

    Expert position: the counted lines ordered by (expert rank, area number, line index) get
    1..n; an empty expert rank counts as larger than every entered rank. Score =
    ROUND(expert_weight × expert position + parent_weight × parent rank, 6); an empty parent rank
    is replaced by the line's expert position. Priority position: 1..n ordered by (score, expert
    position); lower is funded first.
    """
    counted = [(i, line) for i, line in enumerate(lines) if line.counted]

    def expert_key(item: tuple[int, PlanLine]) -> tuple[float, int, int]:
        index, line = item
        rank = math.inf if line.expert_rank is None else float(line.expert_rank)
        return rank, line.area, index

    expert_pos = {index: pos for pos, (index, _) in enumerate(sorted(counted, key=expert_key), start=1)}
    scores: dict[int, Decimal] = {}
    for index, line in counted:
        parent = expert_pos[index] if line.parent_rank is None else line.parent_rank
        raw = params.expert_weight * expert_pos[index] + params.parent_weight * parent
        scores[index] = xround(raw, 6)
    order = sorted(scores, key=lambda i: (scores[i], expert_pos[i]))
    return {
        index: Priority(expert_position=expert_pos[index], score=scores[index], position=pos)
        for pos, index in enumerate(order, start=1)
    }


def available_amount(needed: object, provisional: object, final: object | None = None) -> Decimal:
    """A = N when N ≤ P; otherwise F when the ministry has set it, else P (D5, L1077, L1384–L1386)."""
    n, p = to_decimal(needed), to_decimal(provisional)
    if n <= p:
        return n
    return to_decimal(final) if final is not None else p


def final_applies(needed: object, provisional: object, final: object | None) -> bool:
    """The ministry's F decides A: it is set and N > P (L1077, L1385). With B unconfirmed this is the one case in
    which A is a figure and only P rests on B (D206, D53; the matrix's calculation.A_ON_BASE is its negation)."""
    return final is not None and to_decimal(needed) > to_decimal(provisional)


def ib_funding(lines: Sequence[PlanLine], available: object, params: Params) -> list[Decimal]:
    """EUR of each line funded from the IB, in input order (the workbook's Plans_NoIB, D4, L1406).

    Down the whole plan in priority order, with rest = A − Σ funded so far: a line whose cost fits
    in rest gets its whole cost; otherwise it gets ROUND(MIN(units, INT(rest ÷ price)) × price, 2)
    (0 when its price is 0 or nothing is left), and the next lines are still tried against what is
    left. Ignored lines get 0.
    """
    amount = to_decimal(available)
    result = [ZERO] * len(lines)
    prio = priorities(lines, params)
    rest = amount
    for index in sorted(prio, key=lambda i: prio[i].position):
        funded = line_funding(lines[index], rest)
        result[index] = funded
        rest -= funded
    return result


def line_funding(line: PlanLine, rest: Decimal) -> Decimal:
    """What one line gets from ``rest`` of A (D4): its whole cost when that fits, else
    ROUND(MIN(units, INT(rest ÷ price)) × price, 2), 0 when its price is 0 or nothing is left. Never more than
    ``rest``, and never less for a larger ``rest`` (open_prices.py relies on both)."""
    cost = line_cost(line)
    if cost <= rest:
        return cost
    if line.unit_price > 0 and rest > 0:
        units = (rest / line.unit_price).to_integral_value(rounding=ROUND_FLOOR)
        return cents(min(units, line.units) * line.unit_price)
    return ZERO


def transport_share(lines: Sequence[PlanLine], available: object, params: Params) -> Decimal:
    """Transport share = Σ IB-funded cost of the transport lines ÷ A, 0 when A = 0 (D9, L1714:
    "10 % no IB apmēra"); not rounded."""
    amount = to_decimal(available)
    if amount == 0:
        return ZERO
    funded = ib_funding(lines, amount, params)
    transport = sum((funded[i] for i, line in enumerate(lines) if line.transport and line.counted), ZERO)
    return transport / amount


@dataclass(frozen=True)
class Financing:
    """The plan's financing by source under one variant of 2.tabula (D6, L1103–L1272)."""

    variant: int
    needed: Decimal
    ib: Decimal
    benefits: Decimal
    services: Decimal
    other: Decimal

    @property
    def total(self) -> Decimal:
        """K: the sum of every source used, never above N."""
        return self.ib + self.benefits + self.services + self.other


def financing(
    needed: object,
    available: object,
    benefits: object = 0,
    services: object = 0,
    other: object = 0,
    *,
    variant: int = 2,
    ib_funded: object | None = None,
) -> Financing:
    """Total amount K by variant (D6, ib-calculation.md §4.4); every source is used up to what is
    still unfunded of N.

    Variant 2 (the pilot's, L1269): IB first (``ib_funded``, by default min(N, A)), then benefits,
    state/municipal services, other sources, each min(rest, source). Variant 1 (L1162): IB, then
    benefits and other sources; state/municipal services are replaced by the IB and not used.
    Variant 3 (L1235): services, then benefits, then the IB (min(rest, A)), then other sources.
    ``ib_funded`` (the whole units the plan's lines get from A, D4) caps the IB in every variant.
    """
    n = to_decimal(needed)
    a = to_decimal(available)
    b, s, o = (to_decimal(v) for v in (benefits, services, other))
    for name, value in (("N", n), ("A", a), ("pabalsti", b), ("pakalpojumi", s), ("citi avoti", o)):
        if value < 0:
            raise ReferenceInputError(f"{name} ir negatīvs ({value}; gaidīts: ≥ 0)")
    if variant not in VARIANTS:
        raise ReferenceInputError(f"finansēšanas variants {entered(variant)} (gaidīts: 1, 2 vai 3)")

    def take(rest: Decimal, source: Decimal) -> Decimal:
        return max(ZERO, min(rest, source))

    if variant == 3:
        used_s = take(n, s)
        used_b = take(n - used_s, b)
        ib = take(n - used_s - used_b, a if ib_funded is None else min(a, to_decimal(ib_funded)))
        used_o = take(n - used_s - used_b - ib, o)
        return Financing(3, n, ib, used_b, used_s, used_o)
    ib = take(n, a) if ib_funded is None else min(n, to_decimal(ib_funded))
    used_b = take(n - ib, b)
    used_s = ZERO if variant == 1 else take(n - ib - used_b, s)
    used_o = take(n - ib - used_b - used_s, o)
    return Financing(variant, n, ib, used_b, used_s, used_o)


@dataclass(frozen=True)
class LinePlan:
    """The 6.4 values of one plan line; ``priority`` is None for an ignored line."""

    index: int
    cost: Decimal
    priority: Priority | None
    ib: Decimal
    status: str


@dataclass(frozen=True)
class PlanResult:
    """Everything sheet 6.4 computes: per-line values, N, A, the IB-funded sum and K (variant 2)."""

    lines: tuple[LinePlan, ...]
    needed: Decimal
    available: Decimal
    ib_funded: Decimal
    financing: Financing
    transport_share: Decimal

    @property
    def total(self) -> Decimal:
        return self.financing.total


def evaluate_plan(
    lines: Sequence[PlanLine],
    provisional: object,
    params: Params,
    *,
    final: object | None = None,
    benefits: object = 0,
    services: object = 0,
    other: object = 0,
) -> PlanResult:
    """Sheet 6.4 for one plan: line costs, N, priorities, A, line funding, K by variant 2 (D3–D6)."""
    needed = needed_amount(lines)
    available = available_amount(needed, provisional, final)
    funded = ib_funding(lines, available, params)
    prio = priorities(lines, params)
    result: list[LinePlan] = []
    for index, line in enumerate(lines):
        cost = line_cost(line)
        if not line.counted:
            status = IGNORED
        elif funded[index] == cost:
            status = FUNDED
        elif funded[index] > 0:
            status = PARTIAL
        else:
            status = NOT_FUNDED
        result.append(LinePlan(index, cost, prio.get(index), funded[index], status))
    ib_total = sum(funded, ZERO)
    fin = financing(needed, available, benefits, services, other, variant=2, ib_funded=ib_total)
    return PlanResult(
        lines=tuple(result),
        needed=needed,
        available=available,
        ib_funded=ib_total,
        financing=fin,
        transport_share=transport_share(lines, available, params),
    )
