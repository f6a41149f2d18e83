"""The per-month pay formulas that sheet 29 (monthly cash flow) and 27 (settlement with the municipality)
share, as generator.reference.settlement.settle computes them: the pay share for the catalogue's number of
children, BIP 1.1 (the full monthly pay times that share, rounded to cents), BIP 1.4 (the indirect-cost rate
of BIP 1.1, only with an employment contract) and the month's costs. Each sheet passes its own cells; the
formulas show PENDING while a parameter they use is an unfilled (or wrongly filled) `jāprecizē` blank, and
while the sheet's count of wrong inputs (``errors``, input_checks) is not 0 (parameters.guarded)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.documents.reports.parameters import ParamCell, guarded


@dataclass(frozen=True)
class MonthFormulas:
    full_pay_children: ParamCell
    indirect_rate: ParamCell
    errors: str  # the cell (a defined name) that counts the workbook's wrong inputs

    @property
    def amount_params(self) -> tuple[ParamCell, ParamCell]:
        """The parameters every amount derived from BIP 1.1 depends on (costs, balances, totals)."""
        return self.full_pay_children, self.indirect_rate

    def _share(self, children: str) -> str:
        """N(): a blank children cell counts as 0, as in the reference (MIN alone skips a blank cell and gave
        the full share, 100 %, to a month whose children were not typed)."""
        n = self.full_pay_children.name
        return f"MIN(N({children}),{n})/{n}"

    def share(self, children: str) -> str:
        return guarded(self._share(children), self.full_pay_children, errors=self.errors)

    def pay(self, gross: str, children: str) -> str:
        return guarded(f"ROUND({gross}*{self._share(children)},2)", self.full_pay_children, errors=self.errors)

    def indirect(self, contract: str, pay: str) -> str:
        return guarded(f'IF({contract}="Jā",ROUND({pay}*{self.indirect_rate.name},2),0)', *self.amount_params, errors=self.errors)

    def costs(self, *parts: str) -> str:
        return guarded("+".join(parts), *self.amount_params, errors=self.errors)

    def amount(self, expression: str) -> str:
        """Any other amount that follows from BIP 1.1 (a balance, a total, the advance's settlement)."""
        return guarded(expression, *self.amount_params, errors=self.errors)

    def plain(self, expression: str, *cells: ParamCell) -> str:
        """An amount that uses only ``cells`` among the parameters (none: only the wrong-input guard)."""
        return guarded(expression, *cells, errors=self.errors)


def month_start(day: str, months_on: int = 0) -> str:
    """The first day of the month of date expression ``day`` (``months_on`` months later): what a report month
    counts from, whichever day of it a month cell holds (audit35 F1, D172)."""
    return f"DATE(YEAR({day}),MONTH({day}){f'+{months_on}' if months_on else ''},1)"
