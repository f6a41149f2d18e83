"""Which figures of a plan an unconfirmed price cannot change (D294, extending D22 and D53).

A plan line whose price is not confirmed (the catalogue's prefilled "jāprecizē" price kept, or no price) leaves its
cost, N and whatever rests on them unknown – but a price is never below 0, so some figures are the same for every
price the ministry may confirm, and those are printed:

- A: with the confirmed lines alone the needed amount is already N_c; every other line adds a cost ≥ 0. When
  N_c > P, N > P whatever the prices are, and A is F (when set) or P. With no F, N_c = P also gives A = P. The
  ministry's F with N > P (on the prices in the matrix) decides A as before (D53), and an unconfirmed B is not
  covered: its blanks stay (D72).
- Each line's IB share, down the priority list: the lines before the first line with an open price are funded in
  full whatever A is (their costs are part of N_c, and A is N >= N_c or P > N_c) – unless A is unknown and the
  ministry's F is typed (A may be F, below their costs): then they are blanks too. From the first open line on,
  what is left of A is at most R, what was left before it (an open price of 0 takes nothing; a line never takes
  more than is left, and never less from a larger rest). With A known, a line there is known to get 0 when R buys
  it nothing: an open-price line when R is 0, a confirmed line when its funding from R alone (plan.line_funding)
  is 0. Any other share there is unknown. This is a bound: it never shows a figure an open price could change, but
  a line that a confirmed line before it would always leave with 0 may still be a blank.
- The IB-funded sum is known when every line's share is; another source of 6.5 with an amount, and so K, also
  needs N (its use is what N leaves after the IB), so only when no price is open.
- N exceeds an amount (P, or a known A) whatever the open prices are only when the confirmed lines alone exceed it
  (``needed_exceeds``): a signed paper states that N exceeds P, or that A does not cover the plan, as a fact only
  then; otherwise it says so as a condition, or says nothing when N is known and within A (D297).

A line's price is open (``open_price``) when it has none (empty or 0,00 on a counted line) or keeps the
catalogue's own prefilled „jāprecizē" price – not a provider's price checked against an unconfirmed ceiling.

The child's documents (documents/from_matrix/context.py) take these flags; the matrix's 6.4 h_IBNeapst and 6.5
computes the same with formulas (workbook/sheets/calculation.py, annex.py), proven against this module.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from generator.catalogue.models import PriceStatus
from generator.money import to_decimal
from generator.reference.lines import PlanLine
from generator.reference.plan import PlanResult, final_applies, line_cost, line_funding

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Offer

ZERO = Decimal(0)


@dataclass(frozen=True)
class Known:
    """What an open price leaves known: A, each input line's IB share (an ignored line's 0 is always known), the
    IB-funded sum, and the used other sources and K."""

    available: bool
    lines: tuple[bool, ...]
    needed: bool

    @property
    def ib_funded(self) -> bool:
        return self.available and all(self.lines)

    def source_used(self, amount: object) -> bool:
        """A source the matrix gives nothing is used for 0 whatever the prices; one with an amount also needs N."""
        return not to_decimal(amount) or (self.ib_funded and self.needed)

    def total(self, *amounts: object) -> bool:
        """K: the IB-funded sum and every source used."""
        return self.ib_funded and all(self.source_used(a) for a in amounts)


def confirmed_needed(lines: Sequence[PlanLine], open_lines: Collection[int]) -> Decimal:
    """N_c: the costs of the counted lines whose price is confirmed, the least N any confirmed price can give."""
    return sum((line_cost(line) for i, line in enumerate(lines) if i not in open_lines), ZERO)


def open_price(line: PlanLine, offer: Offer | None) -> bool:
    """The line's price is open: none at all (empty or 0,00), or the catalogue's prefilled price of ``offer`` (the
    line's 6.8 item) kept while its status is „jāprecizē" – the catalogue's own price, not a provider's (D294)."""
    if line.unit_price is None or line.unit_price == 0:
        return True
    return (offer is not None and offer.ceiling_status is PriceStatus.to_verify
            and offer.prefill_price is not None and line.unit_price == offer.prefill_price)


def needed_exceeds(lines: Sequence[PlanLine], open_lines: Collection[int], amount: object) -> bool:
    """N > ``amount`` for every price ≥ 0 of the ``open_lines``: the confirmed lines alone exceed it (D297)."""
    return confirmed_needed(lines, open_lines) > to_decimal(amount)


def available_known(lines: Sequence[PlanLine], open_lines: Collection[int], needed: object, provisional: object,
                    final: object | None) -> bool:
    """Whether A is the same for every price ≥ 0 of the ``open_lines`` (B confirmed: ``provisional`` is P)."""
    if not open_lines or final_applies(needed, provisional, final):
        return True
    if needed_exceeds(lines, open_lines, provisional):
        return True
    return final is None and confirmed_needed(lines, open_lines) == to_decimal(provisional)


def known_figures(lines: Sequence[PlanLine], plan: PlanResult, open_lines: Collection[int], provisional: object,
                  final: object | None) -> Known:
    """The figures of ``plan`` (the reference's evaluation of ``lines``) that no price of the counted ``open_lines``
    (input indexes) can change, P being confirmed (D294)."""
    opened = {i for i in open_lines if lines[i].counted}
    a_known = available_known(lines, opened, plan.needed, provisional, final)
    position = {i: lp.priority.position for i, lp in enumerate(plan.lines) if lp.priority is not None}
    first = min((position[i] for i in opened if i in position), default=None)
    if first is None:
        return Known(a_known, tuple(True for _ in lines), True)
    rest = plan.available - sum((plan.lines[i].ib for i, p in position.items() if p < first), ZERO)
    known: list[bool] = []
    for i, line in enumerate(lines):
        if i not in position:
            known.append(True)
        elif position[i] < first:
            # funded in full whatever A is (N >= N_c, P > N_c), unless A may be the ministry's F
            known.append(a_known or final is None)
        elif not a_known:
            known.append(False)
        elif i in opened:
            known.append(rest == 0)
        else:
            known.append(line_funding(line, rest) == 0)
    return Known(a_known, tuple(known), False)
