"""Stage 3: the final amounts F of a whole pilot, set by the ministry (D7, D8, L1079–L1081, L1385).

The pool is what the envelope leaves after every child's stage-2 amount min(N, P), plus the
previous period's underspend. Children whose N exceeds P share it by the key (``needed``: ∝ N,
``gap``: ∝ N − P), each capped at N; what a capped child cannot take is re-shared among the others
until stable ("water-filling"), and what nobody can take is reported as unallocated. Shares are
computed exactly, floored to cents, and the residual cents go to the largest remainders (ties by
child id), so the distributed cents add up exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from generator.money import to_decimal
from generator.reference.errors import ReferenceInputError
from generator.reference.params import Params

ZERO = Decimal(0)
CENT = Decimal("0.01")
KEYS = ("needed", "gap")


@dataclass(frozen=True)
class ChildAmounts:
    """One child's stage-3 inputs: P, N and the previous period's planned and actual spending
    (6.10; both 0 in the first period)."""

    id: str
    provisional: Decimal
    needed: Decimal
    previous_planned: Decimal = ZERO
    previous_actual: Decimal = ZERO

    def __post_init__(self) -> None:
        for attr in ("provisional", "needed", "previous_planned", "previous_actual"):
            value = to_decimal(getattr(self, attr))
            object.__setattr__(self, attr, value)
            if value < 0:
                raise ReferenceInputError(f"bērns „{self.id}”: {attr} ir negatīvs ({value}; gaidīts: ≥ 0)")
            if value != value.quantize(Decimal("0.01")):
                raise ReferenceInputError(f"bērns „{self.id}”: {attr} {value} (gaidīts: summa ar centiem)")


@dataclass(frozen=True)
class ChildFinal:
    """One child's result: ``eligible`` when N > P; ``top_up`` = F − min(N, P); ``capped`` when F = N
    was reached by the redistribution."""

    id: str
    provisional: Decimal
    needed: Decimal
    eligible: bool
    final: Decimal
    top_up: Decimal
    capped: bool


@dataclass(frozen=True)
class FinalAmounts:
    """The pool with its parts, every child's F and the unallocated rest.

    pool = max(0, envelope_rest + underspend), envelope_rest = envelope − Σ min(N, P),
    underspend = Σ previous planned − Σ previous actual; distributed + unallocated = pool.
    """

    key: str
    envelope: Decimal
    provisional_total: Decimal
    stage2_total: Decimal
    envelope_rest: Decimal
    previous_planned: Decimal
    previous_actual: Decimal
    underspend: Decimal
    pool: Decimal
    distributed: Decimal
    unallocated: Decimal
    children: tuple[ChildFinal, ...]

    def by_id(self) -> dict[str, ChildFinal]:
        return {c.id: c for c in self.children}


def _cents(value: Decimal) -> int:
    return int(value * 100)


def _water_fill(pool_c: int, gaps: dict[str, int], weights: dict[str, Fraction]) -> tuple[dict[str, Fraction], int]:
    """Exact proportional shares in cents, each capped at its gap; returns shares and the rest."""
    rest = Fraction(pool_c)
    active = sorted(gaps)
    shares: dict[str, Fraction] = {}
    while active and rest > 0:
        total_w = sum(weights[c] for c in active)
        capped = [c for c in active if rest * weights[c] / total_w >= gaps[c]]
        if capped:
            for c in capped:
                shares[c] = Fraction(gaps[c])
                rest -= gaps[c]
                active.remove(c)
            continue
        for c in active:
            shares[c] = rest * weights[c] / total_w
        rest = Fraction(0)
    for c in active:
        shares.setdefault(c, Fraction(0))
    return shares, int(rest)


def final_amounts(
    children: Sequence[ChildAmounts],
    envelope: object,
    params: Params,
    *,
    key: str | None = None,
) -> FinalAmounts:
    """F for every child of the pilot (D7, L1079–L1080): F = N when N ≤ P; otherwise
    F = P + share of the pool by the key (``params.redistribution_key`` unless ``key`` is given),
    capped at N with the excess re-shared; residual cents to the largest remainders, ties by id (D8).
    The result does not depend on the order of ``children``.
    """
    key = key or params.redistribution_key
    if key not in KEYS:
        raise ReferenceInputError(f"pārdales atslēga „{key}” (gaidīts: {' vai '.join(KEYS)})")
    ids = [c.id for c in children]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise ReferenceInputError(f"bērnu identifikatori atkārtojas: {', '.join(dup)}")
    env = to_decimal(envelope)
    ordered = sorted(children, key=lambda c: c.id)
    stage2 = sum((min(c.needed, c.provisional) for c in ordered), ZERO)
    planned = sum((c.previous_planned for c in ordered), ZERO)
    actual = sum((c.previous_actual for c in ordered), ZERO)
    env_rest = env - stage2
    underspend = planned - actual
    pool = max(ZERO, env_rest + underspend)

    eligible = [c for c in ordered if c.needed > c.provisional]
    gaps = {c.id: _cents(c.needed - c.provisional) for c in eligible}
    weights = {
        c.id: Fraction(_cents(c.needed if key == "needed" else c.needed - c.provisional)) for c in eligible
    }
    pool_c = _cents(pool)
    shares, unallocated_c = _water_fill(pool_c, gaps, weights)
    floors = {c: int(s) for c, s in shares.items()}  # shares are ≥ 0, so int() floors
    residual = pool_c - unallocated_c - sum(floors.values())
    for c in sorted(shares, key=lambda c: (-(shares[c] - floors[c]), c))[:residual]:
        floors[c] += 1

    result = []
    for c in ordered:
        base = min(c.needed, c.provisional)
        top_up = (Decimal(floors.get(c.id, 0)) / 100).quantize(CENT)
        final = (base + top_up).quantize(CENT)
        result.append(
            ChildFinal(
                id=c.id,
                provisional=c.provisional,
                needed=c.needed,
                eligible=c.id in gaps,
                final=final,
                top_up=top_up,
                capped=c.id in gaps and final == c.needed,
            )
        )
    unallocated = (Decimal(unallocated_c) / 100).quantize(CENT)
    return FinalAmounts(
        key=key,
        envelope=env,
        provisional_total=sum((c.provisional for c in ordered), ZERO),
        stage2_total=stage2,
        envelope_rest=env_rest,
        previous_planned=planned,
        previous_actual=actual,
        underspend=underspend,
        pool=pool,
        distributed=pool - unallocated,
        unallocated=unallocated,
        children=tuple(result),
    )
