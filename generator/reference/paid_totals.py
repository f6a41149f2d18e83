"""What sheet 6.10 of a matrix shows as paid: its "Kopā" row rounds each month's sum, and the period's total
(Fakt_Kopa), to cents – ROUND(SUM(…);2). A payment typed with more than two decimals (10,005) is a flagged rule
error (money_cents) but the matrix still counts it so; the summary uses the same rounded values, so that every
amount it shows is in whole cents and its printed figures add up (audit24 F16)."""

from __future__ import annotations

from decimal import Decimal

from generator.money import cents
from generator.reference.monthly import Execution


def paid_by_month(execution: Execution) -> tuple[Decimal, ...]:
    """Each month's paid EUR as 6.10's "Kopā" row: ROUND(Σ the lines' payments of the month, 2)."""
    return tuple(cents(p) for p in execution.paid_by_month)


def paid_total(execution: Execution) -> Decimal:
    """The period's paid EUR as 6.10's Fakt_Kopa: ROUND(Σ every payment, 2)."""
    return cents(execution.paid_total)
