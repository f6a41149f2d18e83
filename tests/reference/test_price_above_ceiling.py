"""A price above the ceiling (D12) in words that fit the ceiling's status: a confirmed one is „pieļaujamo”; one
still „jāprecizē” (D22: a group session's highest price while the client transport part is unconfirmed) is named as
not confirmed – the error stands, the real ceiling is not higher – with the reason of its own line (D358, D383). A
plan whose prices are its round's (the calculator) and that is outside every round gets no ceiling check (D383)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.reference.lines import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID, PlanLine
from generator.reference.params import Params
from generator.reference.rules import CEILING_CODES, check_prices
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date

MONTHS = (Decimal(4), Decimal(3), Decimal(3))  # 10 units in a plan of three months


def _line(unconfirmed: bool, ceiling_open: tuple[str, ...] = ()) -> PlanLine:
    return PlanLine(offer_id="3.1.3g", label="3.1.3g Logopēds, grupā", units=Decimal(10), unit_price=Decimal("27.00"),
                    ceiling=Decimal("25.93"), ceiling_unconfirmed=unconfirmed, ceiling_open=ceiling_open,
                    planned_units=MONTHS)


def _own_line() -> PlanLine:
    return PlanLine(offer_id="2.1", label="2.1 Pavadoņa pakalpojums", units=Decimal(10), unit_price=Decimal("4.75"),
                    ceiling=Decimal("4.50"), ceiling_unconfirmed=True, planned_units=MONTHS)


ABOVE = "; cenas griesti nav apstiprināti (katalogā vēl jāprecizē {}), bet tie nebūs augstāki par šo summu."


def test_a_confirmed_ceiling_is_what_is_allowed() -> None:
    (finding,) = check_prices([_line(False)])
    assert finding.message == ("1. rinda (3.1.3g Logopēds, grupā): sniedzēja cena 27,00\u00a0EUR pārsniedz pieļaujamo "
                               "25,93\u00a0EUR par vienību.")


def test_an_unconfirmed_ceiling_is_named_as_unconfirmed_with_its_group_parameters() -> None:
    """A group session names the group parameters still „jāprecizē”, never a regulated price."""
    said = {}
    for case in ((GROUP_TRANSPORT_REDUCTION_ID,), (GROUP_CEILING_ID,), (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID)):
        (finding,) = check_prices([_line(True, case)])
        assert finding.code == "price_above_ceiling"
        assert "pieļaujamo" not in finding.message and "normatīvajā aktā" not in finding.message, finding.message
        said[case] = finding.message
    start = "1. rinda (3.1.3g Logopēds, grupā): sniedzēja cena 27,00\u00a0EUR pārsniedz 25,93\u00a0EUR par vienību"
    assert said[(GROUP_TRANSPORT_REDUCTION_ID,)] == start + ABOVE.format(
        "klienta transporta daļa, ko atskaita no grupu nodarbības augstākās cenas")
    assert said[(GROUP_CEILING_ID,)] == start + ABOVE.format("grupu nodarbības augstākā cena")
    assert said[(GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID)] == start + ABOVE.format(
        "grupu nodarbības augstākā cena un klienta transporta daļa, ko no tās atskaita")


def test_an_individual_services_unconfirmed_ceiling_names_its_own_price() -> None:
    """D383: an individual regulated service's price above its own price still „jāprecizē” names that price – not the
    group session's transport part."""
    (finding,) = check_prices([_own_line()])
    assert finding.message == ("1. rinda (2.1 Pavadoņa pakalpojums): sniedzēja cena 4,75\u00a0EUR pārsniedz "
                               "4,50\u00a0EUR par vienību" + ABOVE.format("normatīvajā aktā vai līgumā noteiktā cena"))
    assert "grupu nodarbīb" not in finding.message and "transporta" not in finding.message


def test_a_plan_outside_every_round_gets_no_ceiling_check_of_a_round_it_is_not_in(catalogue: Catalogue) -> None:
    """D383: with its round's prices (the calculator's ``round_prices``) a plan outside every round is refused alone
    – no price above a ceiling, no ceiling warning, counted or listed; the same plan in a round's period has both; the
    matrix, whose 6.8 is its own prices whatever the plan's day, checks them in either case."""
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    period = params.reporting_periods[0]
    lines = (_own_line(), _line(True, (GROUP_TRANSPORT_REDUCTION_ID,)), _line(False))
    codes = {}
    for start in (period.start, dt.date(2001, 3, 5)):
        inputs = WorkbookInputs(birth_date=dt.date(start.year - 7, 2, 3), period_start=start, months=3,
                                special_care=False, impairment=None, lines=lines)
        for by_round in (True, False):
            result = evaluate_workbook(inputs, params, round_prices=by_round)
            ceiling = [f.code for f in result.findings if f.code in CEILING_CODES]
            codes[start, by_round] = (ceiling, result.errors, result.warnings)
    for by_round in (True, False):  # in the round's period: three prices above, two unconfirmed ceilings
        assert codes[period.start, by_round][0] == ["price_above_ceiling"] * 3 + ["ceiling_unconfirmed"] * 2, codes
    assert codes[dt.date(2001, 3, 5), True] == ([], 1, 0), codes  # outside_reporting_period alone
    assert codes[dt.date(2001, 3, 5), False] == (["price_above_ceiling"] * 3 + ["ceiling_unconfirmed"] * 2, 4, 2), codes
