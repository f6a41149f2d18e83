"""D291, D300, D302: what only confirms a dated value (the same number, „jāprecizē” → „apstiprināts”), what withdraws
it (the same number, the status back to „jāprecizē”) and what is a real change (another number) – one definition (generator/catalogue/confirmation.py) for the
matrix's last day (Catalogue.prices_until), the plans a matrix takes (reference/plan_changes) and `ibm changes`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.catalogue.confirmation import (
    confirms,
    real_change,
    value_changes,
    value_confirms,
    value_withdraws,
    withdraws,
)
from generator.catalogue.models import Dated, PriceKind, PriceStatus, PriceValue
from generator.reference import plan_changes

TO_VERIFY, CONFIRMED = PriceStatus.to_verify, PriceStatus.confirmed
D = dt.date


def _price(day: dt.date, amount: str, status: PriceStatus, source: str = "Testa dati") -> PriceValue:
    return PriceValue(effective_from=day, kind=PriceKind.ceiling, amount=Decimal(amount), source=source, status=status)


def _param(day: dt.date, value: str, status: PriceStatus) -> Dated:
    return Dated[Decimal](effective_from=day, value=Decimal(value), source="Testa dati", status=status)


def test_a_confirmation_is_the_same_number_confirmed() -> None:
    assert confirms((Decimal(3000), TO_VERIFY), (Decimal(3000), CONFIRMED))
    assert not confirms((Decimal(3000), CONFIRMED), (Decimal(3000), TO_VERIFY))  # the other way
    assert not confirms((Decimal(3000), TO_VERIFY), (Decimal(3100), CONFIRMED))  # another number
    assert not confirms((Decimal(3000), TO_VERIFY), (Decimal(3000), TO_VERIFY))  # nothing moves
    assert not real_change((Decimal(3000), TO_VERIFY), (Decimal(3000), CONFIRMED))
    # D302: the status back to „jāprecizē” at the same number withdraws the confirmation – no change either
    assert not real_change((Decimal(3000), CONFIRMED), (Decimal(3000), TO_VERIFY))
    assert withdraws((Decimal(3000), CONFIRMED), (Decimal(3000), TO_VERIFY))
    assert not withdraws((Decimal(3000), TO_VERIFY), (Decimal(3000), CONFIRMED))
    assert not withdraws((Decimal(3000), CONFIRMED), (Decimal(3100), TO_VERIFY))  # another number: a change
    assert real_change((Decimal(3000), CONFIRMED), (Decimal(3100), TO_VERIFY))
    assert not real_change((Decimal(3000), TO_VERIFY), (Decimal(3000), TO_VERIFY))
    assert plan_changes.confirms is confirms  # the reference's name is the same function


def test_dated_values_compare_their_figures_and_status_not_their_day_or_texts() -> None:
    was = _price(D(2026, 10, 1), "5.00", TO_VERIFY)
    assert value_confirms(was, _price(D(2026, 12, 15), "5.00", CONFIRMED, "Cits avots"))
    assert not value_changes(was, _price(D(2026, 12, 15), "5.00", CONFIRMED, "Cits avots"))
    assert not value_changes(was, _price(D(2026, 12, 15), "5.00", TO_VERIFY, "Cits avots"))  # only the text
    assert value_changes(was, _price(D(2027, 1, 1), "5.50", CONFIRMED))
    # withdrawn at the same amount (D302): no change, a withdrawal
    assert not value_changes(_price(D(2026, 10, 1), "5.00", CONFIRMED), _price(D(2027, 1, 1), "5.00", TO_VERIFY))
    assert value_withdraws(_price(D(2026, 10, 1), "5.00", CONFIRMED), _price(D(2027, 1, 1), "5.00", TO_VERIFY))
    assert not value_withdraws(None, was)
    assert value_changes(None, was)  # a value where there was none
    assert not value_confirms(None, was)
    assert value_confirms(_param(D(2026, 10, 1), "3000", TO_VERIFY), _param(D(2026, 12, 15), "3000", CONFIRMED))
    assert value_changes(_param(D(2026, 10, 1), "3000", TO_VERIFY), _param(D(2026, 12, 15), "3100", TO_VERIFY))
