"""reference.params: the one rule for a B the ministry set (ministry_base) and for a P resting on the catalogue's
unconfirmed B (unconfirmed_base) that the papers, the matrix, the calculator and the collection follow (D72, D257)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.reference.params import ministry_base, unconfirmed_base

B = Decimal("3000.00")  # any catalogue B: the rule compares, it does not know the amount


@pytest.mark.parametrize(("typed", "confirmed", "ministry", "provisional"), [
    (None, False, None, True),  # no B typed, the catalogue's unconfirmed
    (B, False, None, True),  # the unconfirmed catalogue B copied: no ministry B (D257)
    (Decimal("3000"), False, None, True),  # the same amount without its cents
    (B + 1, False, B + 1, False),  # another B: the ministry's
    (Decimal(0), False, Decimal(0), False),  # 0 is a B typed (warned of), not the catalogue's
    (None, True, None, False),  # the catalogue's confirmed B
    (B, True, B, False),  # the confirmed catalogue B typed: the ministry's
])
def test_the_rule(typed: Decimal | None, confirmed: bool, ministry: Decimal | None, provisional: bool) -> None:
    assert ministry_base(typed, B, confirmed) == ministry
    assert unconfirmed_base(typed, B, confirmed) is provisional
