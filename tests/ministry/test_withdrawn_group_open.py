"""D358 for a 6.8 row the matrix marks withdrawn (D319): a group session's ceiling warning names the group parameters
„jāprecizē” from the withdrawal's day, not a regulated or contract price; another row names its own price."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from generator.ministry import matrix
from generator.reference.lines import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID

DAY, LATER, LAST = dt.date(2027, 1, 1), dt.date(2027, 2, 1), dt.date(2027, 3, 1)


class _Catalogue:
    def __init__(self) -> None:
        self.asked: list[dt.date] = []

    def group_ceiling_open(self, day: dt.date) -> tuple[str, ...]:
        self.asked.append(day)
        return (GROUP_CEILING_ID,) if day < LAST else (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID)


def test_the_group_parameters_open_from_the_first_withdrawal(monkeypatch: pytest.MonkeyPatch) -> None:
    changes = (SimpleNamespace(day=LAST, items=frozenset({"3.1.3g"})), SimpleNamespace(day=LATER, items=None),
               SimpleNamespace(day=LATER, items=frozenset({"3.1.3g", "2.1"})))
    monkeypatch.setattr(matrix, "catalogue_withdrawals", lambda _c, day: changes if day == DAY else ())
    catalogue = _Catalogue()
    group = SimpleNamespace(id="3.1.3g", group_ceiling=True)
    assert matrix._withdrawn_open(catalogue, DAY, group) == (GROUP_CEILING_ID,)
    assert catalogue.asked == [LATER]
    assert matrix._withdrawn_open(catalogue, DAY, SimpleNamespace(id="2.1", group_ceiling=False)) == ()
    assert matrix._withdrawn_open(catalogue, DAY, SimpleNamespace(id="3.2g", group_ceiling=True)) == ()
