"""D148: one line's amount above P is told in parskats.txt in the reference's words, without "matricā nav
apstiprināts": nothing in the matrix approves it, and its sentence says what to check."""

from __future__ import annotations

from decimal import Decimal

from generator.documents.from_matrix.signing import warning_lines
from generator.reference.lines import PlanLine
from generator.reference.rules import check_incompatible, check_line_above_provisional


def test_line_above_p_is_listed_as_its_sentence() -> None:
    line = PlanLine(offer_id="x", label="Paraugs", unit="reize", units=Decimal(200), unit_price=Decimal(30))
    [finding] = check_line_above_provisional([line], Decimal(4000))
    assert warning_lines([finding]) == [finding.message]
    # a warning the matrix could approve keeps its note
    a = PlanLine(offer_id="a", service_id="s1", units=Decimal(1), incompatible_with=("s2",))
    b = PlanLine(offer_id="b", service_id="s2", units=Decimal(1))
    [pair] = check_incompatible([a, b])
    assert warning_lines([pair]) == [pair.message[:-1] + " (matricā nav apstiprināts)."]
