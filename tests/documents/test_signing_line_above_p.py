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


def test_p_on_an_unconfirmed_base_is_a_blank_in_the_checklist() -> None:
    """review7 R7-1: while B is unconfirmed, annex 2 prints P as "______ EUR"; parskats.txt and the console must not
    print the P worked out from that B as a figure. The warning itself stays, and other warnings are untouched."""
    line = PlanLine(offer_id="x", label="Paraugs", unit="reize", units=Decimal(200), unit_price=Decimal(25))
    provisional = Decimal("3000.00")
    [finding] = check_line_above_provisional([line], provisional)
    assert "P 3\xa0000,00\xa0EUR" in finding.message  # the reference's own sentence (matrix, calculator) keeps it
    a = PlanLine(offer_id="a", service_id="s1", units=Decimal(1), incompatible_with=("s2",))
    b = PlanLine(offer_id="b", service_id="s2", units=Decimal(1))
    [pair] = check_incompatible([a, b])
    for console in (False, True):
        above, other = warning_lines([finding, pair], console=console, unconfirmed_p=provisional)
        above = above.replace("\xa0", " ")
        assert "3 000,00" not in above
        assert ("viena pati pārsniedz bērna IB provizorisko apmēru P ______ EUR (P aprēķināts ar vēl "
                "neapstiprināto bāzes apmēru B); pārbaudiet") in above, above
        assert "rindas summa 5 000,00 EUR" in above
        assert other == warning_lines([pair])[0]
    assert warning_lines([finding], unconfirmed_p=None) == [finding.message]
