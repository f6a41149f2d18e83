"""The random plans `make test` recalculates in LibreOffice: the fewest plans of the full random pool that show
every distinct case the pool shows (docs/benchmarks.md, "Nejaušo gadījumu izlase").

Each plan of the pool is described by its cases, as the reference evaluates it: every finding (code, severity,
whether it names plan lines or a month), the amount shapes (N above or below P, F set or not, the age, the
rate, a special-care opinion), the period's length, start and reporting period, how many plan-row groups the
matrix opens, a typed or blank base B, a "jāprecizē" price kept, and per plan line every catalogue item, area,
recipient (as entered and as the catalogue says), payee, day service, transport, actual-cost unit, ceiling
(none, confirmed, unconfirmed), expert and parent rank given or not, empty lines between filled ones. A greedy
set cover keeps the plan that adds the most cases not yet kept (the first such in the pool's order), until every
case of the pool is in the sample (tests/workbook/test_recalculated.py proves it on each run): 26 of the 120
plans, 223 cases (random_plans with ``fractions``: now and then half a session, D256).

IBM_FULL=1 recalculates the whole pool (120 plans) instead.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import TypeVar

from generator.catalogue.catalogue import Offer
from generator.catalogue.loader import load_or_raise
from generator.reference.open_prices import open_price as unconfirmed_line
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.sheets.plan_rows import shown_level
from generator.workbook.writer import template_date
from tests.workbook.plans import RandomPlan

FULL = os.environ.get("IBM_FULL", "") not in ("", "0")

T = TypeVar("T")


@cache
def _offers() -> dict[str, Offer]:
    catalogue = load_or_raise()
    return {o.id: o for o in catalogue.offers(template_date(catalogue))}  # the templates' prices (conftest)


def prices_open(inputs: WorkbookInputs) -> bool:
    """A counted plan line keeps a "jāprecizē" catalogue price or has none: the child's documents' rule (D22)."""
    offers = _offers()
    return any(line.counted and unconfirmed_line(line, offers.get(line.offer_id or "")) for line in inputs.lines)


def no_prices(inputs: WorkbookInputs) -> tuple[bool, bool]:
    """D364: whether a counted line is priced 0,00 (no provider's price), and whether every open price is one."""
    offers = _offers()
    opened = [line for line in inputs.lines if line.counted and unconfirmed_line(line, offers.get(line.offer_id or ""))]
    zero = [line for line in opened if line.unit_price == 0]
    return bool(zero), bool(zero) and len(zero) == len(opened)


def plan_cases(plan: RandomPlan, params: Params) -> set[tuple]:
    """Every distinct case one random plan shows (see the module's text)."""
    return input_cases(plan.inputs, params)


def input_cases(inputs: WorkbookInputs, params: Params) -> set[tuple]:
    """Every distinct case a plan's inputs show, as the reference evaluates them with ``params``."""
    result = evaluate_workbook(inputs, params)
    cases: set[tuple] = set()
    for f in result.findings:
        cases.add(("finding", f.code, f.severity.value, bool(f.lines), f.month is not None, f.overridden))
    cases |= {
        ("N>P", result.needed > result.provisional), ("F", inputs.final is not None), ("age", result.age),
        ("rate", result.rate), ("opinion", inputs.special_care), ("impairment", inputs.impairment),
        ("months", inputs.months), ("start month", inputs.period_start.month),
        ("rows shown", shown_level(len(inputs.lines))), ("base typed", inputs.base is not None),
        ("price open", prices_open(inputs)), ("errors", min(result.errors, 3)), ("warnings", min(result.warnings, 3)),
        ("other sources", bool(inputs.benefits or inputs.services or inputs.other)),
        ("transport override", inputs.transport_override),
    }
    for period in params.reporting_periods:
        if period.start <= inputs.period_start <= period.end:
            cases.add(("reporting period", period.start))
    filled = [i for i, line in enumerate(inputs.lines) if line.offer_id]
    cases.add(("empty line between", bool(filled) and len(filled) != filled[-1] + 1))
    for line in inputs.lines:
        if not line.offer_id:
            continue
        cases |= {
            ("offer", line.offer_id), ("area", line.area), ("recipient", line.service_recipient, line.recipient),
            ("payee", line.payee), ("day service", line.day_service), ("transport", line.transport),
            ("actual cost", line.actual_cost),
            ("ceiling", None if line.ceiling is None else ("unconfirmed" if line.ceiling_unconfirmed else "set")),
            ("expert rank", line.expert_rank is not None), ("parent rank", line.parent_rank is not None),
        }
    return cases


def covering(items: Sequence[T], cases: Sequence[set[tuple]]) -> list[T]:
    """The fewest items a greedy set cover finds that together show every case of all ``items`` (``cases``: each
    item's cases): each step keeps the item adding the most cases not yet shown, the first in order on a tie, so
    the sample is the same on every run; the kept items stay in their order."""
    wanted = set().union(*cases) if cases else set()
    seen: set[tuple] = set()
    kept: list[int] = []
    while not wanted <= seen:
        best = max(range(len(items)), key=lambda i: len(cases[i] - seen))
        kept.append(best)
        seen |= cases[best]
    return [items[i] for i in sorted(kept)]


def plan_sample(plans: Sequence[RandomPlan], params: Params) -> list[RandomPlan]:
    """The whole pool with IBM_FULL=1, else the plans that cover every case of the pool."""
    if FULL:
        return list(plans)
    return covering(plans, [plan_cases(p, params) for p in plans])
