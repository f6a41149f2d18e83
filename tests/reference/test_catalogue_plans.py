"""Plans built from the real catalogue's offers (line_from_offer) trigger the rules the catalogue encodes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.catalogue.models import Form, PriceStatus
from generator.reference.findings import Severity
from generator.reference.lines import GROUP_TRANSPORT_REDUCTION_ID, line_from_offer
from generator.reference.params import Params
from generator.reference.workbook import WorkbookInputs, evaluate_workbook

DAY = dt.date(2018, 10, 1)


@pytest.fixture(scope="module")
def offers(catalogue):
    return catalogue.offers(DAY)


@pytest.fixture(scope="module")
def params(catalogue) -> Params:
    return Params.from_catalogue(catalogue, DAY)


def _first(offers, predicate):
    found = [o for o in offers if predicate(o)]
    if not found:
        pytest.skip("katalogā nav vajadzīgā pakalpojuma")
    return found[0]


def _evaluate(params, lines, impairment="kustību"):
    inputs = WorkbookInputs(dt.date(2012, 1, 1), DAY, 1, False, impairment, tuple(lines))
    return evaluate_workbook(inputs, params)


def _line(offer, units, price="10"):
    return line_from_offer(offer, units, unit_price=price, expert_rank=1, planned_units=[units])


def test_incompatible_catalogue_services_warn(offers, params) -> None:
    first = _first(offers, lambda o: o.service.incompatible_with)
    other_id = first.service.incompatible_with[0]
    second = _first(offers, lambda o: o.service.id == other_id)
    result = _evaluate(params, [_line(first, 5), _line(second, 5)])
    unconfirmed = sum(1 for o in (first, second) if o.ceiling_unconfirmed)
    assert [f.code for f in result.findings] == ["incompatible"] + ["ceiling_unconfirmed"] * unconfirmed
    assert result.warnings == 1 + unconfirmed and result.errors == 0


def test_restricted_catalogue_service_for_another_impairment(offers, params) -> None:
    offer = _first(offers, lambda o: o.service.impairments and "kustību" not in o.service.impairments)
    result = _evaluate(params, [_line(offer, 2)], impairment="kustību")
    assert [f.code for f in result.findings] == ["impairment"] and result.errors == 1
    allowed = str(offer.service.impairments[0])
    assert _evaluate(params, [_line(offer, 2)], impairment=allowed).errors == 0


def test_day_services_from_catalogue_over_working_days(offers, params) -> None:
    day_care = _first(offers, lambda o: o.service.day_service == "day_care")
    workshop = _first(offers, lambda o: o.service.day_service == "workshop")
    ok = _evaluate(params, [_line(day_care, 20), _line(workshop, 3)])  # October 2018: 23 working days
    assert ok.errors == 0
    over = _evaluate(params, [_line(day_care, 20), _line(workshop, 4)])
    assert [f.code for f in over.findings if f.severity == "kļūda"] == ["day_services"]


def test_group_price_above_catalogue_ceiling(offers, params) -> None:
    offer = _first(offers, lambda o: o.ceiling is not None)
    at = _evaluate(params, [_line(offer, 2, price=offer.ceiling)])
    above = _evaluate(params, [_line(offer, 2, price=offer.ceiling + Decimal("0.01"))])
    assert at.errors == 0
    warned = ["ceiling_unconfirmed"] if offer.ceiling_unconfirmed else []  # the group ceiling is "jāprecizē" (D22)
    assert [f.code for f in at.findings] == warned
    assert [f.code for f in above.findings] == ["price_above_ceiling", *warned]


def test_group_session_under_an_unconfirmed_group_ceiling_warns(catalogue, offers, params) -> None:  # noqa: ANN001
    """The group ceiling is the DI unit cost minus the client transport part (L1695): while that part is "jāprecizē",
    a group session's price is still an error above the unit cost, and every group line gets the warning (D22)."""
    day = params.day
    ceiling, status = catalogue.group_ceiling(day)
    group = _first(offers, lambda o: o.form is Form.group and o.service.regime.value == "market"
                   and not o.service.impairments and not o.service.incompatible_with and not o.service.transport)
    assert group.ceiling == ceiling and group.group_ceiling
    assert group.ceiling_unconfirmed is (status is not PriceStatus.confirmed)
    result = _evaluate(params, [_line(group, 2, price=ceiling)])
    if status is PriceStatus.confirmed:
        assert result.findings == ()
        return
    (warning,) = result.findings
    assert warning.code == "ceiling_unconfirmed" and warning.severity is Severity.warning and result.errors == 0
    # D358: the group parameter that is „jāprecizē” (the client transport part), not a regulated or contract price
    assert group.ceiling_open == catalogue.group_ceiling_open(day) == (GROUP_TRANSPORT_REDUCTION_ID,)
    assert "(katalogā vēl jāprecizē klienta transporta daļa, ko atskaita no grupu nodarbības augstākās cenas)" \
        in warning.message and group.label in warning.message
    assert "normatīvajā aktā vai līgumā" not in warning.message, warning.message
    individual = _first(offers, lambda o: o.id == group.id[:-1] + "i")
    assert not individual.ceiling_unconfirmed and not individual.group_ceiling


def test_transport_items_count_in_the_share(offers, params) -> None:
    transport = _first(offers, lambda o: o.service.transport)
    other = _first(offers, lambda o: not o.service.transport and not o.service.impairments)
    result = _evaluate(params, [_line(other, 9), _line(transport, 1)])
    assert result.transport_share == Decimal("0.1")
    assert result.warnings == 0 and not any(f.code == "transport_share" for f in result.findings)
    result = _evaluate(params, [_line(other, 8), _line(transport, 2)])
    # above the share without a reason: an error, as the documents refuse it (D71, D371)
    assert result.transport_share == Decimal("0.2") and result.warnings == 0
    assert [f.severity for f in result.findings if f.code == "transport_share"] == [Severity.error]


def test_day_care_centre_with_its_own_sessions_elsewhere_warns(offers, catalogue, params) -> None:
    """L1713 as catalogue data: the day-care centre lists the sessions it already includes."""
    centre = _first(offers, lambda o: o.service.includes_sessions_of)
    included = set(centre.service.includes_sessions_of)
    assert included, "3.6 lists the specialists' and group sessions it includes"
    therapist = _first(offers, lambda o: o.service.id in included)
    other = _first(offers, lambda o: o.service.id not in included and o.service.id != centre.service.id
                   and not o.service.impairments and not o.service.incompatible_with and not o.service.transport
                   and o.service.day_service is None and not o.ceiling_unconfirmed)
    both = _evaluate(params, [_line(centre, 5), _line(other, 1), _line(therapist, 4)])
    (warning,) = [f for f in both.findings if f.code == "day_care_sessions"]
    assert warning.lines == (0, 2)
    assert "1. rinda" in warning.message and "3. rinda" in warning.message
    assert "to apliecina sociālais darbinieks" in warning.message  # who attests it, not "confirm it"
    alone = _evaluate(params, [_line(centre, 5), _line(other, 1)])
    assert "day_care_sessions" not in [f.code for f in alone.findings]


def test_regulated_item_without_confirmed_ceiling_warns(offers, params) -> None:
    regulated = _first(offers, lambda o: o.ceiling_unconfirmed and o.service.regime.value != "market")
    market = _first(offers, lambda o: o.service.regime.value == "market" and not o.service.impairments
                    and not o.service.incompatible_with and not o.service.includes_sessions_of)
    result = _evaluate(params, [_line(market, 1), _line(regulated, 1)])
    (warning,) = [f for f in result.findings if f.code == "ceiling_unconfirmed"]
    assert warning.lines == (1,) and "cenas griesti nav apstiprināti" in warning.message
    # D358: its own price's reason alone – no group session's clause
    assert regulated.ceiling_open == () and not regulated.group_ceiling
    assert "(katalogā vēl jāprecizē normatīvajā aktā vai līgumā noteiktā cena);" in warning.message, warning.message
    assert "grupu nodarbīb" not in warning.message and "transporta daļa" not in warning.message, warning.message
    assert result.errors == 0
    assert not [f for f in _evaluate(params, [_line(market, 1)]).findings if f.code == "ceiling_unconfirmed"]
