"""D61: a plan is priced with the prices and parameters in force for its period: the matrix carries those of
its programme round's first service day, and the reference refuses a plan its prices do not fit. D62: a month
whose year has no holiday list has no working-day count, so the day-services limit is not checked there."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.reference.lines import PlanLine, line_from_offer
from generator.reference.params import Params
from generator.reference.rules import check_day_services
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from generator.workbook.writer import template_date

D = dt.date
ISSUED_2023 = D(2023, 4, 1)  # the day whose prices the matrices issued before D61 carried (2.1: 5,11 EUR)
ADVICE = "izmantojiet matricu, kas izdota tam periodam"


def _plan(catalogue: Catalogue, start: dt.date, months: int) -> WorkbookInputs:
    offer = next(o for o in catalogue.offers(template_date(catalogue)) if o.id == "3.1.2i")
    line = line_from_offer(offer, months, unit_price="30.00", expert_rank=1, parent_rank=1, planned_units=[1] * months)
    return WorkbookInputs(D(2012, 5, 17), start, months, False, "kustību", (line,))


def test_the_matrix_carries_the_prices_of_its_rounds_first_service_day(catalogue: Catalogue) -> None:
    """F3: a matrix made today accepts only pilot periods (2018–2019), so it carries the prices of 01.10.2018,
    not 2.1's 5,11 EUR that took effect on 01.04.2023."""
    pilot = catalogue.rounds_of(Pilot.children)[-1]
    day = template_date(catalogue)
    assert day == pilot.services_start == D(2018, 10, 1)
    assert day < catalogue.latest_date
    companion = next(o for o in catalogue.offers(day) if o.id == "2.1")
    assert companion.prefill_price is None and companion.ceiling_unconfirmed
    # the last day the template's prices hold: the day before MK Nr. 316 changed 2.1 (01.07.2021)
    assert catalogue.prices_until(day) == D(2021, 6, 30)
    assert Params.from_catalogue(catalogue, day).prices_until == D(2021, 6, 30)
    assert catalogue.prices_until(catalogue.latest_date) is None


def test_a_pilot_plan_on_2023_prices_is_an_error(catalogue: Catalogue) -> None:
    plan = _plan(catalogue, D(2019, 4, 1), 3)
    assert evaluate_workbook(plan, Params.from_catalogue(catalogue, template_date(catalogue))).errors == 0
    result = evaluate_workbook(plan, Params.from_catalogue(catalogue, ISSUED_2023))
    (error,) = [f for f in result.findings if f.severity.value == "kļūda"]
    assert result.errors == 1 and error.code == "prices_not_in_force"
    assert "sākas 01.04.2019" in error.message and "(01.04.2023)" in error.message, error.message
    assert "6.1. tabulas „Perioda pirmā diena”" in error.message and ADVICE in error.message
    # D63: how to get the matrix that fits – the one for the plan's first day
    assert error.message.endswith(f"{ADVICE} (ibm matrix --day 01.04.2019 vai to izsniedz ministrija)."), error.message
    assert result.check_date == D(2019, 4, 1)  # the plan is inside its reporting period: P is still computed


def test_a_price_change_inside_the_period_is_an_error(catalogue: Catalogue) -> None:
    """When the catalogue knows a change of a price or parameter inside the plan period, no one matrix fits it."""
    params = Params.from_catalogue(catalogue, template_date(catalogue)).replace(prices_until=D(2019, 5, 31), plan_changes=None)
    assert evaluate_workbook(_plan(catalogue, D(2019, 4, 1), 2), params).errors == 0
    result = evaluate_workbook(_plan(catalogue, D(2019, 4, 1), 3), params)
    (error,) = result.findings
    assert error.code == "prices_not_in_force" and result.errors == 1
    assert "(01.04.2019–30.06.2019," in error.message and "spēkā līdz 31.05.2019" in error.message, error.message
    assert "no 01.06.2019 mainās cenas vai parametri" in error.message and ADVICE in error.message
    # D63: no one matrix fits a period that spans the change: end it before, or start on the change day
    assert error.message.endswith("saīsiniet periodu līdz 31.05.2019 vai sāciet to 01.06.2019 un "
                                  f"{ADVICE} (ibm matrix --day 01.06.2019 vai to izsniedz ministrija)."), error.message


def test_a_change_mid_month_is_advised_only_what_a_plan_can_do(catalogue: Catalogue) -> None:
    """D351: a period ends on a month's last day (D93), so a change on the 15th is avoided by ending on the month's end
    before it, never on the 14th; a plan starting in the change's own month before it can end before it on no day,
    so the error says it cannot start then and names only the change day with its matrix."""
    params = Params.from_catalogue(catalogue, template_date(catalogue)).replace(prices_until=D(2019, 5, 14), plan_changes=None)
    advice = f"{ADVICE} (ibm matrix --day 15.05.2019 vai to izsniedz ministrija)."
    (error,) = evaluate_workbook(_plan(catalogue, D(2019, 4, 1), 3), params).findings
    assert "spēkā līdz 14.05.2019" in error.message and "saīsiniet periodu līdz 14.05.2019" not in error.message
    assert error.message.endswith(f"saīsiniet periodu līdz 30.04.2019 vai sāciet to 15.05.2019 un {advice}"), error.message
    (error,) = evaluate_workbook(_plan(catalogue, D(2019, 5, 3), 2), params).findings
    assert error.message.endswith("(šīs matricas vērtība ir spēkā līdz 14.05.2019): periods beidzas mēneša pēdējā "
                                  "dienā, tāpēc plāns, ko šī izmaiņa skar, nevar sākties no 01.05.2019 līdz "
                                  f"14.05.2019 – sāciet to 15.05.2019 un {advice}"), error.message


def test_a_plan_after_the_prices_hold_is_told_its_own_day(catalogue: Catalogue) -> None:
    """A plan that starts after the matrix's prices stop holding is told the matrix of its own first day (D63)."""
    params = Params.from_catalogue(catalogue, template_date(catalogue)).replace(prices_until=D(2019, 3, 31), plan_changes=None)
    (error,) = evaluate_workbook(_plan(catalogue, D(2019, 5, 1), 2), params).findings
    assert error.code == "prices_not_in_force"
    assert error.message.endswith(f"{ADVICE} (ibm matrix --day 01.05.2019 vai to izsniedz ministrija)."), error.message


def test_a_plan_outside_every_period_gets_one_error_only(catalogue: Catalogue) -> None:
    result = evaluate_workbook(_plan(catalogue, D(2017, 3, 1), 2), Params.from_catalogue(catalogue, ISSUED_2023))
    assert [f.code for f in result.findings] == ["outside_reporting_period"]


def _day_care(days: int) -> PlanLine:
    return PlanLine(offer_id="dc", label="Dienas aprūpe", units=Decimal(days), unit_price=Decimal(1),
                    day_service="day_care", planned_units=(Decimal(days),))


def test_no_day_limit_in_a_year_without_holidays(catalogue: Catalogue) -> None:
    """F5: 23 weekdays in March 2026 but 22 planned days are not checked against a weekday count that ignores
    the year's holidays; a listed year is checked with its holidays (March 2019: 21 working days)."""
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    assert 2026 not in params.holiday_years and 2019 in params.holiday_years
    lines = [_day_care(22)]
    assert [f.code for f in check_day_services(lines, D(2019, 3, 1), 1, params.holidays, params.holiday_years)] \
        == ["day_services"]
    assert check_day_services(lines, D(2026, 3, 1), 1, params.holidays, params.holiday_years) == []
    assert [f.code for f in check_day_services([_day_care(24)], D(2026, 3, 1), 1, params.holidays)] \
        == ["day_services"]  # without the listed years (None), every month is counted as before
