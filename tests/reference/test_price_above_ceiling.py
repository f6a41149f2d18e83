"""A price above the ceiling (D12) in words that fit the ceiling's status: a confirmed one is „pieļaujamo”; one
still „jāprecizē” (D22: a group session's highest price while the client transport part is unconfirmed) is named as
not confirmed – the error stands, the real ceiling is not higher."""

from __future__ import annotations

from decimal import Decimal

from generator.reference.lines import PlanLine
from generator.reference.rules import check_prices


def _line(unconfirmed: bool) -> PlanLine:
    return PlanLine(offer_id="3.1.3g", label="3.1.3g Logopēds, grupā", units=Decimal(10), unit_price=Decimal("27.00"),
                    ceiling=Decimal("25.93"), ceiling_unconfirmed=unconfirmed)


def test_a_confirmed_ceiling_is_what_is_allowed() -> None:
    (finding,) = check_prices([_line(False)])
    assert finding.message == ("1. rinda (3.1.3g Logopēds, grupā): sniedzēja cena 27,00\u00a0EUR pārsniedz pieļaujamo "
                               "25,93\u00a0EUR par vienību.")


def test_an_unconfirmed_ceiling_is_named_as_unconfirmed() -> None:
    (finding,) = check_prices([_line(True)])
    assert finding.code == "price_above_ceiling"
    assert finding.message == ("1. rinda (3.1.3g Logopēds, grupā): sniedzēja cena 27,00\u00a0EUR pārsniedz "
                               "25,93\u00a0EUR par vienību; cenas griesti nav apstiprināti (katalogā vēl jāprecizē), "
                               "bet tie nebūs augstāki par šo summu.")
    assert "pieļaujamo" not in finding.message
