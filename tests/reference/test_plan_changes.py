"""D61: a matrix's prices and parameters price a plan as long as nothing the plan USES changes – a change of another
item's price, or of a parameter no plan's amounts use, does not refuse it; the error names what changes and when,
and its advice never names the matrix the plan already has (the matrix itself: tests/workbook/test_recalculated.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import PriceStatus
from generator.lvformat import date as lv_date
from generator.reference.lines import line_from_offer
from generator.reference.params import Params
from generator.reference.plan_changes import (
    PLAN_PARAMETERS,
    base_confirmed_since,
    catalogue_changes,
    catalogue_confirmations,
    confirmation_spans,
    confirmed_by,
    confirmed_since,
    confirms,
    item_what,
    parameter_what,
)
from generator.reference.workbook import WorkbookInputs, evaluate_workbook
from tests.plan_changes_catalogue import (
    BASE_CHANGE,
    BASE_CONFIRMED,
    BASE_RECONFIRMED,
    BASE_WITHDRAWN,
    COMPANION_CHANGE,
    GROUP_CHANGE,
    MATRIX_DAY,
    TRANSPORT_CHANGE,
    changes_catalogue,
    reconfirmed_catalogue,
    withdrawn_catalogue,
)

D = dt.date
DAY = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return changes_catalogue(tmp_path_factory.mktemp("plan-changes") / "catalogue")


@pytest.fixture(scope="module")
def params(changed: Catalogue) -> Params:
    return Params.from_catalogue(changed, MATRIX_DAY)


def _plan(changed: Catalogue, start: dt.date, months: int, *items: str) -> WorkbookInputs:
    offers = {o.id: o for o in changed.offers(MATRIX_DAY)}
    lines = tuple(line_from_offer(offers[item], months, unit_price="1.00" if offers[item].prefill_price is None
                                  else offers[item].prefill_price, expert_rank=1, parent_rank=i + 1,
                                  planned_units=[1] * months)
                  for i, item in enumerate(("3.1.2i", *items)))
    return WorkbookInputs(D(2015, 5, 17), start, months, False, "kustību", lines)


def _errors(changed: Catalogue, params: Params, start: dt.date, months: int, *items: str) -> list[str]:
    result = evaluate_workbook(_plan(changed, start, months, *items), params)
    return [f.message for f in result.findings if f.code == "prices_not_in_force"]


def test_the_changes_a_plan_may_use(changed: Catalogue, params: Params) -> None:
    """One change per item whose 6.8 row changes (2.1, every group session), one of the transport limit and one of the
    plan parameters (B); the report day, which no plan uses, is none. 6.11 still shows the catalogue's first change."""
    changes = params.plan_changes
    assert changes is not None and params.prices_until is not None and params.prices_until < GROUP_CHANGE - DAY
    by_item = {item: c.day for c in changes if c.items for item in c.items}
    assert by_item["2.1"] == COMPANION_CHANGE and by_item["3.1.2g"] == GROUP_CHANGE and "3.1.2i" not in by_item
    assert {i for i, day in by_item.items() if day == GROUP_CHANGE} == {
        o.id for o in changed.offers(MATRIX_DAY) if o.group_ceiling}
    (base,) = [c for c in changes if c.items is None and not c.transport]
    assert base.day == BASE_CHANGE and base.what == parameter_what([changed.programme.base_amount.name_lv])
    (transport,) = [c for c in changes if c.transport]
    assert transport.day == TRANSPORT_CHANGE
    assert "base_amount" in PLAN_PARAMETERS and "monthly_report_day" not in PLAN_PARAMETERS
    assert catalogue_changes(changed, BASE_CHANGE) == ()  # nothing after the last change


def test_a_plan_without_the_changed_items_is_accepted(changed: Catalogue, params: Params) -> None:
    """The audit's case: a plan across 2.1's, the group ceiling's, the transport limit's and the report day's change
    that uses none of them is priced by the round's matrix (before D61 was narrowed it was refused)."""
    assert _errors(changed, params, MATRIX_DAY, 5) == []
    # one that starts after those changes too: nothing it uses differs from the matrix
    assert _errors(changed, params, D(2027, 3, 1), 2) == []


def test_a_plan_with_a_changed_item_is_refused_naming_it(changed: Catalogue, params: Params) -> None:
    """2.1 in the plan: the error names its price and the day, and advises ending before it or starting on it with
    that day's matrix – never the matrix of the plan's own first day, which is this one (the loop of the matrix's
    old advice)."""
    label = next(o.label for o in changed.offers(MATRIX_DAY) if o.id == "2.1")
    (message,) = _errors(changed, params, MATRIX_DAY, 5, "2.1")
    assert f"katalogā no {lv_date(COMPANION_CHANGE)} mainās {item_what(label)}" in message, message
    assert (f"saīsiniet periodu līdz {lv_date(COMPANION_CHANGE - DAY)} vai sāciet to {lv_date(COMPANION_CHANGE)} un "
            f"izmantojiet matricu, kas izdota tam periodam (ibm matrix --day {lv_date(COMPANION_CHANGE)}") in message
    assert f"--day {lv_date(MATRIX_DAY)}" not in message, message
    # ended before the change: accepted
    assert _errors(changed, params, MATRIX_DAY, 3, "2.1") == []


def test_a_group_session_meets_the_ceiling_change_first(changed: Catalogue, params: Params) -> None:
    """A group session and 2.1: the earlier change (the group ceiling) is the one named."""
    label = next(o.label for o in changed.offers(MATRIX_DAY) if o.id == "3.1.2g")
    (message,) = _errors(changed, params, MATRIX_DAY, 5, "2.1", "3.1.2g")
    assert f"no {lv_date(GROUP_CHANGE)} mainās {item_what(label)}" in message, message


def test_the_transport_limit_only_where_it_binds(changed: Catalogue, params: Params) -> None:
    """Transport (2.4) across the limit's change: refused where the round confirms the limit (D287), not where it is
    „jāprecizē”; a plan without transport never."""
    assert params.transport_limit_applies
    (message,) = _errors(changed, params, MATRIX_DAY, 5, "2.4")
    assert f"no {lv_date(TRANSPORT_CHANGE)} mainās programmas parametrs „" in message, message
    assert _errors(changed, params.replace(transport_limit_applies=False), MATRIX_DAY, 5, "2.4") == []


def test_a_parameter_of_every_plan_refuses_every_plan(changed: Catalogue, params: Params) -> None:
    """B changes: any plan across it is refused; one that starts on or after it is told the matrix of its own first
    day (which is another matrix)."""
    (message,) = _errors(changed, params, D(2027, 3, 1), 3)
    assert f"no {lv_date(BASE_CHANGE)} mainās programmas parametrs „{changed.programme.base_amount.name_lv}”" in message
    assert f"sāciet to {lv_date(BASE_CHANGE)}" in message, message
    (late,) = _errors(changed, params, BASE_CHANGE, 2)
    assert f"Plāna periods sākas {lv_date(BASE_CHANGE)}" in late and f"--day {lv_date(BASE_CHANGE)}" in late, late
    assert f"--day {lv_date(MATRIX_DAY)}" not in late, late


def test_an_older_templates_own_day_refuses_every_plan(changed: Catalogue, params: Params, tmp_path: Path) -> None:
    """Without the list (a matrix of an older template: its own 6.11 knew one day only), every plan across that day is
    refused, as that matrix showed it."""
    legacy = params.replace(plan_changes=None)
    (message,) = _errors(changed, legacy, MATRIX_DAY, 5)
    assert "mainās cenas vai parametri" in message, message


def test_a_confirmation_at_the_same_amount_is_no_change(changed: Catalogue, params: Params) -> None:
    """D291 (the review's case): the ministry confirms B at the same amount – a plan across that day is priced by the
    matrix of the unconfirmed B (the money is the same), B's change is still its next other number, and the
    confirmation is listed on its own, for the papers (confirmed on and after its day) and the matrix's note."""
    (base,) = [c for c in params.plan_changes or () if c.items is None and not c.transport]
    assert base.day == BASE_CHANGE and not base.confirms
    (confirmation,) = catalogue_confirmations(changed, MATRIX_DAY)
    assert confirmation.day == BASE_CONFIRMED and confirmation.confirms and confirmation.items is None
    assert confirmation.what == parameter_what([changed.programme.base_amount.name_lv])
    assert _errors(changed, params, MATRIX_DAY, 5) == []  # across BASE_CONFIRMED
    assert _errors(changed, params, BASE_CONFIRMED, 3) == []  # starting on it
    assert confirmed_by(changed, MATRIX_DAY, BASE_CONFIRMED - DAY) == (False, frozenset())
    assert confirmed_by(changed, MATRIX_DAY, BASE_CONFIRMED) == (True, frozenset())
    # the matrix of the confirmation day: confirmed already, nothing more to confirm; a matrix after B's change none
    assert catalogue_confirmations(changed, BASE_CONFIRMED) == ()
    assert catalogue_confirmations(changed, BASE_CHANGE) == ()


def test_the_papers_read_the_status_in_force_on_their_day(changed: Catalogue, tmp_path: Path) -> None:
    """D296 (review37's question): the papers print B confirmed only while the entry in force on their day confirms
    the matrix's B – not after a later entry puts it back to „jāprecizē” at the same amount; for the matrix nothing of
    it is a change but B's other amount, and its confirmation says the day it stops holding for a plan's start."""
    withdrawn = withdrawn_catalogue(tmp_path / "catalogue")
    assert confirmed_by(withdrawn, MATRIX_DAY, BASE_CONFIRMED) == (True, frozenset())
    assert confirmed_by(withdrawn, MATRIX_DAY, BASE_WITHDRAWN - DAY) == (True, frozenset())
    assert confirmed_by(withdrawn, MATRIX_DAY, BASE_WITHDRAWN) == (False, frozenset())
    assert withdrawn.programme.base_amount.at(BASE_WITHDRAWN).status is PriceStatus.to_verify
    assert confirmed_by(changed, MATRIX_DAY, BASE_CHANGE - DAY) == (True, frozenset())
    assert [(c.day, c.ends) for c in catalogue_confirmations(withdrawn, MATRIX_DAY)] == [(BASE_CONFIRMED,
                                                                                          BASE_WITHDRAWN)]
    assert [(c.day, c.ends) for c in catalogue_confirmations(changed, MATRIX_DAY)] == [(BASE_CONFIRMED, BASE_CHANGE)]
    # the papers' days: a withdrawal ends them, another amount does not (a new value for later plans)
    assert [c.spans for c in catalogue_confirmations(withdrawn, MATRIX_DAY)] == [((BASE_CONFIRMED, BASE_WITHDRAWN),)]
    assert [c.spans for c in catalogue_confirmations(changed, MATRIX_DAY)] == [((BASE_CONFIRMED, None),)]
    changes = catalogue_changes(withdrawn, MATRIX_DAY)
    assert changes == catalogue_changes(changed, MATRIX_DAY)  # the withdrawal is the matrix's own value again
    # a matrix of the confirmed B: the withdrawal at the same amount is no change either (D302) – B's next change is
    # its other amount, as without the withdrawal
    assert catalogue_changes(withdrawn, BASE_CONFIRMED) == catalogue_changes(changed, BASE_CONFIRMED)
    (base,) = [c for c in catalogue_changes(withdrawn, BASE_CONFIRMED) if c.items is None and not c.transport]
    assert base.day == BASE_CHANGE and not base.confirms


def test_a_status_change_alone_refuses_no_plan_of_either_matrix(changed: Catalogue, tmp_path: Path) -> None:
    """D302 (audit39's case): B confirmed, then „jāprecizē” again at the same amount. A plan crossing the withdrawal is
    priced alike by the matrix of the „jāprecizē” B (MATRIX_DAY) and by the one of the confirmed B (BASE_CONFIRMED):
    neither refuses it – the amounts cannot differ – and both still refuse it across B's other amount (D61). The
    matrix's values hold until that change, as without the withdrawal (6.11 „spēkā līdz”, D300)."""
    withdrawn = withdrawn_catalogue(tmp_path / "catalogue")
    crossing = (D(2027, 2, 1), 3)  # 01.02.–30.04.2027: across BASE_WITHDRAWN, before BASE_CHANGE
    assert crossing[0] < BASE_WITHDRAWN < D(2027, 5, 1) <= BASE_CHANGE
    for day in (MATRIX_DAY, BASE_CONFIRMED):
        params = Params.from_catalogue(withdrawn, day)
        assert _errors(withdrawn, params, *crossing) == [], day
        assert _errors(withdrawn, params, BASE_WITHDRAWN, 2) == [], day  # starting on the withdrawal
        across = _errors(withdrawn, params, D(2027, 4, 1), 2)  # across B's other amount: still refused
        assert len(across) == 1 and lv_date(BASE_CHANGE) in across[0], (day, across)
        assert withdrawn.prices_until(day) == changed.prices_until(day), day


def test_another_amount_later_leaves_the_plans_value_confirmed(changed: Catalogue, tmp_path: Path) -> None:
    """D296 (review38's case): B confirmed at the matrix's amount, then the next period's B of another amount – the
    papers and a collection on or after that entry still read the plan's B as confirmed (the other amount is a new
    value for later plans; a plan crossing it is refused by D61); a withdrawal at the same amount still leaves the
    blank, also after the other amount."""
    for on in (BASE_CONFIRMED, BASE_CHANGE - DAY, BASE_CHANGE, D(2027, 6, 1)):
        assert base_confirmed_since(changed, MATRIX_DAY, on) == BASE_CONFIRMED, on
        assert confirmed_by(changed, MATRIX_DAY, on) == (True, frozenset()), on
    withdrawn = withdrawn_catalogue(tmp_path / "catalogue")
    for on in (BASE_WITHDRAWN, BASE_CHANGE, D(2027, 6, 1)):
        assert base_confirmed_since(withdrawn, MATRIX_DAY, on) is None, on
        assert confirmed_by(withdrawn, MATRIX_DAY, on) == (False, frozenset()), on
    assert base_confirmed_since(withdrawn, MATRIX_DAY, BASE_WITHDRAWN - DAY) == BASE_CONFIRMED


def test_a_confirmation_again_after_a_withdrawal(tmp_path: Path) -> None:
    """Confirmed, withdrawn and confirmed again at the same amount: the papers and collect read it confirmed again
    from the second confirmation, and the confirmation's spans (6.11's note) name both; the plans' matrices keep the
    first end (a plan starting in the withdrawn days has this matrix's own „jāprecizē” B)."""
    again = reconfirmed_catalogue(tmp_path / "catalogue")
    assert confirmed_by(again, MATRIX_DAY, BASE_RECONFIRMED - DAY) == (False, frozenset())
    for on in (BASE_RECONFIRMED, BASE_CHANGE):
        assert confirmed_by(again, MATRIX_DAY, on) == (True, frozenset())
        assert base_confirmed_since(again, MATRIX_DAY, on) == BASE_RECONFIRMED
    (confirmation,) = catalogue_confirmations(again, MATRIX_DAY)
    assert (confirmation.day, confirmation.ends) == (BASE_CONFIRMED, BASE_WITHDRAWN)
    assert confirmation.spans == ((BASE_CONFIRMED, BASE_WITHDRAWN), (BASE_RECONFIRMED, None))


def test_the_walk_of_the_plans_value() -> None:
    """confirmation_spans: entries of the same figures set the status, another figure (or none) leaves it."""
    ok, unsure = PriceStatus.confirmed, PriceStatus.to_verify
    one, two = Decimal("3000.00"), Decimal("3100.00")
    entries = [(D(2027, 1, 1), (two, unsure)), (D(2027, 2, 1), (one, ok)), (D(2027, 3, 1), (two, ok)),
               (D(2027, 4, 1), None), (D(2027, 5, 1), (one, unsure)), (D(2027, 6, 1), (one, ok))]
    assert confirmation_spans((one, unsure), entries) == ((D(2027, 2, 1), D(2027, 5, 1)), (D(2027, 6, 1), None))
    assert confirmation_spans((one, ok), entries) == ()  # the matrix's value is confirmed already
    assert confirmed_since((one, unsure), entries, D(2027, 4, 30)) == D(2027, 2, 1)
    assert confirmed_since((one, unsure), entries, D(2027, 5, 31)) is None


def test_only_a_confirmation_is_no_change() -> None:
    """The same number and „jāprecizē” → „apstiprināts” only: the other way, another number (confirmed or not) or
    nothing moved is not a confirmation (a change, or no difference at all)."""
    ok, unsure = PriceStatus.confirmed, PriceStatus.to_verify
    one, two = Decimal("3000.00"), Decimal("3100.00")
    assert confirms((one, unsure), (one, ok))
    assert confirms((one, unsure, one), (one, ok, one))  # a 6.8 row: ceiling, status, prefilled price
    assert not confirms((one, ok), (one, unsure))
    assert not confirms((one, unsure), (two, ok))
    assert not confirms((one, unsure), (one, unsure))
    assert not confirms((None, None, None), (one, ok, one))  # a ceiling that appears is a change


def test_a_number_change_with_a_confirmation_still_refuses(changed: Catalogue, params: Params) -> None:
    """B's later change (another number) refuses a plan across it also after the confirmation; on the matrix of the
    confirmation day (confirmed B), B's change back to „jāprecizē” with another number is the next change."""
    assert _errors(changed, params, D(2027, 3, 1), 3)
    later = catalogue_changes(changed, BASE_CONFIRMED)
    assert [c.day for c in later if c.items is None and not c.transport] == [BASE_CHANGE]
