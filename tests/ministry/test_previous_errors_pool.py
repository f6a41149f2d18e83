"""`ibm collect --previous`: the warning on a previous-period matrix with rule errors says whether its unused amount
entered the pool – not „ieskaitīta” for a matrix without any 6.10 payment, whose amount the pool leaves out and whose
own warning says „nav ieskaitīts” (D309)."""

from __future__ import annotations

from types import SimpleNamespace

from generator.ministry.collect import previous_errors
from generator.reference.findings import Finding, Severity


def _previous(paid_entered: bool) -> SimpleNamespace:
    error = Finding("final_above_needed", Severity.error, "F > N")
    record = SimpleNamespace(paid_entered=paid_entered, result=SimpleNamespace(findings=[error]))
    return SimpleNamespace(rel="ogre/a.xlsx", record=record)


def test_a_matrix_with_payments_entered_is_in_the_pool_as_typed() -> None:
    [warning] = previous_errors([_previous(True)])
    assert "pārdales fondā ieskaitīta, kā matricā ievadīts – pārbaudiet matricu" in warning, warning


def test_a_matrix_without_any_payment_is_not_said_to_be_in_the_pool() -> None:
    [warning] = previous_errors([_previous(False)])
    assert "ieskaitīta, kā matricā ievadīts" not in warning, warning
    assert ("pārdales fondā nav ieskaitīta, jo 6.10. tabulā maksājumu nav – pārbaudiet matricu"
            in warning), warning
