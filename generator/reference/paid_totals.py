"""What sheet 6.10 of a matrix shows as paid: its "Kopā" row rounds each month's sum, and the period's total
(Fakt_Kopa), to cents – ROUND(SUM(…);2). A payment typed with more than two decimals (10,005) is a flagged rule
error (money_cents) but the matrix still counts it so; the summary uses the same rounded values, so that every
amount it shows is in whole cents and its printed figures add up (audit24 F16)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from generator.money import cents
from generator.reference.monthly import Execution

if TYPE_CHECKING:  # the workbook module imports this one
    from generator.reference.workbook import WorkbookInputs


def paid_by_month(execution: Execution) -> tuple[Decimal, ...]:
    """Each month's paid EUR as 6.10's "Kopā" row: ROUND(Σ the lines' payments of the month, 2)."""
    return tuple(cents(p) for p in execution.paid_by_month)


def paid_total(execution: Execution) -> Decimal:
    """The period's paid EUR as 6.10's Fakt_Kopa: ROUND(Σ every payment, 2)."""
    return cents(execution.paid_total)


@dataclass(frozen=True)
class PaidRecorded:
    """Every payment typed in 6.10 (D385): ``by_month`` each month column's sum to cents, as 6.10's "Kopā" row rounds
    it – the period's months and every column after its last, where a payment is an error (outside_period) –, and
    ``total`` their ROUND(Σ, 2), as Fakt_Kopa rounds its sum. A void line's payments (D332, D367) count too: the
    matrix prints „nederīgs” for its total or leaves them out, but the money was paid. Of what 6.10's period total
    (paid_total of the execution) leaves out: ``void`` – a void line's payments in the period's months –, ``after`` –
    the payments after the period's last month; each 0 when there is none."""

    by_month: tuple[Decimal, ...]
    total: Decimal
    void: Decimal
    after: Decimal

    @property
    def uncounted(self) -> Decimal:
        """What 6.10's period total leaves out: 0 when the matrix's Fakt_Kopa holds every payment."""
        return self.void + self.after


def paid_recorded(inputs: WorkbookInputs, execution: Execution) -> PaidRecorded:
    """The payments typed in ``inputs``' 6.10 (PaidRecorded), against the reference's ``execution`` of them."""
    columns = max((len(line.paid) for line in inputs.lines), default=0)
    months = range(1, max(columns, inputs.months) + 1)
    by_month = tuple(sum((line.month_value("paid", m) for line in inputs.lines), Decimal(0)) for m in months)
    total = cents(sum(by_month, Decimal(0)))
    in_period = cents(sum(by_month[:inputs.months], Decimal(0)))
    return PaidRecorded(tuple(cents(p) for p in by_month), total, in_period - paid_total(execution),
                        total - in_period)
