"""The catalogue values a filled matrix holds that the catalogue no longer has for its plan's days (D336).

A matrix carries the catalogue's figures of its prices day: each 6.8 item's ceiling (for a regulated or contract item
also its prefilled price – the same figure) and 6.11's programme parameters. The catalogue may later correct one of
them with a day ON OR BEFORE that prices day – a new entry dated back, or the amount of an entry fixed in place. No
„spēkā līdz” day in the matrix can know of it, and ``catalogue_changes`` (which lists the changes AFTER the prices day,
D61) does not see it either: the matrix's figure is simply not the catalogue's. A plan priced with it is refused as a
plan crossing a later change is (``prices_not_in_force``, the advice: ``ibm migrate``), so no final amount is ever
given from a figure the catalogue no longer has for the plan's days. ``ibm documents --from-matrix`` adds them the
same way (``with_corrections``) and refuses the child's papers when one is found (D342): a paper – a draft too –
would print the matrix's figure as the plan's.

Only the figures count (a status alone at the same figure is no change, D291, D302), and only what the plan uses:
the ceilings of its items, the parameters of every plan, the transport limit when it has transport and the limit
binds its round (D287) – as for a later change (plan_changes.first_change).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from generator.changes.diff import describe_param
from generator.lvformat import eur
from generator.ministry.matrix import ChildData, Matrix, offers_on
from generator.reference.plan_changes import (
    PLAN_PARAMETERS,
    TRANSPORT_PARAMETER,
    PlanChange,
    item_what,
    parameter_what,
)
from generator.reference.workbook import plan_uses
from generator.workbook.sheets.technical import PARAMETERS

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Catalogue
    from generator.reference.params import Params


def corrected_changes(m: Matrix, data: ChildData, catalogue: Catalogue,
                      transport_binds: bool = True) -> tuple[PlanChange, ...]:
    """The figures the plan uses whose value in the matrix is not the catalogue's on the matrix's prices day nor on
    the plan's first day: one PlanChange for the plan parameters (naming each), one for the transport limit, one per
    item, each ``corrected`` (the matrix's figure and the catalogue's) and dated from the day the catalogue's figure
    holds. None for a plan starting before the prices day (refused for that already)."""
    day, start = data.params_day, data.inputs.period_start
    if start < day:
        return ()
    try:
        offers_then, offers_now = offers_on(catalogue, day), offers_on(catalogue, start)
    except LookupError:
        return ()
    items, transport = plan_uses(data.inputs.lines)
    result: list[PlanChange] = []
    prog = catalogue.programme
    for names, is_transport in ((PLAN_PARAMETERS, False), ((TRANSPORT_PARAMETER,), True)):
        if is_transport and not (transport and transport_binds):
            continue
        found = [(attr, held, now) for attr, cell, _ in PARAMETERS
                 if attr in names and m.has(cell) and (held := _number(m.scalar(cell))) is not None
                 and (now := _param(prog, attr, start)) is not None and held != now
                 and _param(prog, attr, day) != held]
        if found:
            since = max(_param_since(prog, attr, start) for attr, _, _ in found)
            units = {attr: getattr(prog, attr).unit for attr, _, _ in found}
            result.append(PlanChange(
                since, parameter_what([getattr(prog, attr).name_lv for attr, _, _ in found]), transport=is_transport,
                corrected=("; ".join(describe_param(held, units[a]) for a, held, _ in found),
                           "; ".join(describe_param(now, units[a]) for a, _, now in found))))
    for line in data.inputs.lines:
        item = str(line.offer_id)
        if not line.counted or item not in items or any(item in (c.items or ()) for c in result):
            continue
        held = line.ceiling
        then, now = offers_then.get(item), offers_now.get(item)
        if now is None or now.ceiling == held or (then is not None and then.ceiling == held):
            continue
        result.append(PlanChange(_item_since(catalogue, item, now.ceiling, start), item_what(now.label),
                                 items=frozenset({item}), corrected=(_money(held), _money(now.ceiling))))
    return tuple(result)


def with_corrections(m: Matrix, data: ChildData, catalogue: Catalogue,
                     params: Params) -> tuple[Params, tuple[PlanChange, ...]]:
    """``params`` with the corrections dated back the plan uses (corrected_changes) among its plan changes – the
    recomputation then gives the plan the ``prices_not_in_force`` error naming each with both figures and the advice
    (D336) – and those corrections (none: ``params`` itself). The one check of `ibm collect` and the papers (D342)."""
    corrected = corrected_changes(m, data, catalogue, params.transport_limit_applies)
    if not corrected:
        return params, ()
    return params.replace(plan_changes=(*(params.plan_changes or ()), *corrected)), corrected


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    try:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return None


def _param(prog: Any, attr: str, on: dt.date) -> Decimal | None:
    try:
        value = getattr(prog, attr).at(on).value
    except LookupError:
        return None
    return _number(value)


def _param_since(prog: Any, attr: str, on: dt.date) -> dt.date:
    return getattr(prog, attr).at(on).effective_from


def _item_since(catalogue: Catalogue, item: str, ceiling: Decimal | None, on: dt.date) -> dt.date:
    """The first day of the run of days up to ``on`` on which the catalogue gives ``item`` the ceiling ``ceiling``."""
    since = on
    for d in sorted({d for d in catalogue.effective_dates() if d <= on}, reverse=True):
        offer = offers_on(catalogue, d).get(item)
        if offer is None or offer.ceiling != ceiling:
            break
        since = d
    return since


def _money(value: Decimal | None) -> str:
    return eur(value) if value is not None else "nav"
