"""What is a real change of a dated value and what only confirms it (D291, D300, D302) – one definition for the
catalogue's „spēkā līdz” day (``Catalogue.prices_until``), the plans a matrix takes (reference/plan_changes) and
`ibm changes`.

A later value that CONFIRMS an earlier one says the same – the same number(s) – and only moves a status from
„jāprecizē” to „apstiprināts” (B confirmed by the ministry, a ceiling confirmed at the same amount): the plan's money
stays, so it is no change. One that WITHDRAWS it says the same number(s) and moves the status back („apstiprināts” →
„jāprecizē”): the money stays too, so it is no change either (D302) – only what the papers print of it does
(reference/plan_changes.confirmation_spans). Another number is a real change.
"""

from __future__ import annotations

from typing import Any

from generator.catalogue.models import PriceStatus

# what a dated value's comparison leaves out: its day, its status (compared on its own), its texts and whether its
# own first day is confirmed (PriceValue.effective_from_status) – none of them changes a plan's money
NOT_COMPARED = frozenset({"effective_from", "status", "source", "note", "effective_from_status"})


def confirms(before: tuple[Any, ...], after: tuple[Any, ...]) -> bool:
    """Whether ``after`` only confirms ``before`` (D291): every value the same but a status, which moves from
    „jāprecizē” to „apstiprināts" – and at least one does."""
    moved = False
    for was, now in zip(before, after, strict=True):
        if isinstance(was, PriceStatus) or isinstance(now, PriceStatus):
            if was != now:
                if (was, now) != (PriceStatus.to_verify, PriceStatus.confirmed):
                    return False
                moved = True
        elif was != now:
            return False
    return moved


def same_figures(before: tuple[Any, ...], after: tuple[Any, ...]) -> bool:
    """Whether ``after`` has the same figures as ``before`` – every value but a status the same (D296: an entry of the
    plan's value, which may confirm it or put it back to „jāprecizē”)."""
    return all(isinstance(was, PriceStatus) or isinstance(now, PriceStatus) or was == now
               for was, now in zip(before, after, strict=True))


def withdraws(before: tuple[Any, ...], after: tuple[Any, ...]) -> bool:
    """Whether ``after`` withdraws ``before``'s confirmation (D296, D302): the same figures, and a status moves from
    „apstiprināts” back to „jāprecizē”."""
    return same_figures(before, after) and confirms(after, before)


def real_change(before: tuple[Any, ...], after: tuple[Any, ...]) -> bool:
    """Whether ``after`` says something else than ``before`` that a plan's money can feel: another figure. A status
    alone – a confirmation (D291) or its withdrawal (D302) at the same figures – is none."""
    return not same_figures(before, after)


def said(value: Any) -> tuple[Any, ...]:
    """What a dated catalogue value (a price's or a parameter's) says, for ``confirms``: its figures and its status."""
    return value.model_dump(exclude=set(NOT_COMPARED)), value.status


def value_confirms(before: Any, after: Any) -> bool:
    """``confirms`` of two dated catalogue values (None: no value – no confirmation)."""
    return before is not None and after is not None and confirms(said(before), said(after))


def value_withdraws(before: Any, after: Any) -> bool:
    """``withdraws`` of two dated catalogue values (None: no value – no withdrawal)."""
    return before is not None and after is not None and withdraws(said(before), said(after))


def value_changes(before: Any, after: Any) -> bool:
    """``real_change`` of two dated catalogue values; a value where there was none (None) is one too."""
    return before is None or real_change(said(before), said(after))
