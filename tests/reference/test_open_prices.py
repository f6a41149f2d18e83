"""D294: an unconfirmed price blanks only what it can change. A price is never below 0, so A is known once the
confirmed lines alone make N > P, and down the priority list a line that what is left of A before the first open
price cannot buy anything is known to get 0 (reference/open_prices.py). Every figure called known is the same for
every price the open lines may get (the property test), and the cases the audit met are pinned."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.catalogue.catalogue import Catalogue
from generator.reference.lines import PlanLine
from generator.reference.open_prices import available_known, confirmed_needed, known_figures, needed_exceeds
from generator.reference.params import Params
from generator.reference.plan import evaluate_plan, final_applies

D = Decimal
P = D("2240.00")


@pytest.fixture(scope="module")
def params(catalogue: Catalogue) -> Params:
    return Params.from_catalogue(catalogue, dt.date(2018, 10, 1))


def _line(price: object, units: object = 6) -> PlanLine:
    """A line; the plans below rank their lines in the order given (priority = position)."""
    return PlanLine(offer_id="x", units=D(str(units)), unit_price=D(str(price)))


def _ranked(lines: list[PlanLine]) -> list[PlanLine]:
    return [PlanLine(offer_id=f"l{i}", units=ln.units, unit_price=ln.unit_price, expert_rank=i + 1,
                     parent_rank=i + 1) for i, ln in enumerate(lines)]


def test_the_audits_plan_prints_a_as_p_and_zero_where_nothing_is_left(params: Params) -> None:
    """Confirmed lines above P, the open price late in the list: A = P whatever it costs; the lines after it that
    what was left cannot buy get 0, a cheap one stays a blank."""
    lines = _ranked([_line("300.00", 6), _line("50.00", 5), _line("5.11", 24), _line("9.80", 12),
                     _line("29.75", 6), _line("6.20", 18)])
    plan = evaluate_plan(lines, P, params)
    known = known_figures(lines, plan, [2], P, None)
    assert known.available and plan.available == P
    rest = P - 1800 - D("250.00")  # 190,00 before the open line
    assert rest > 0
    # the 9,80 line: 190 buys 12 units (117,60) – unknown; 29,75: 6 units 178,50 fit – unknown; 6,20 – unknown
    assert known.lines == (True, True, False, False, False, False)
    cheap_first = _ranked([_line("400.00", 6), _line("5.11", 24), _line("9.80", 1), _line("600.00", 1)])
    plan = evaluate_plan(cheap_first, P, params)
    known = known_figures(cheap_first, plan, [1], P, None)
    # 400 × 6 = 2400 > P: the first line takes 5 units (2000), 240 is left; a 600,00 unit it cannot buy
    assert known.available and known.lines == (True, False, False, True)
    assert not known.ib_funded and not known.total(0, 0, 0)


def test_an_open_price_that_decides_a_leaves_a_blank(params: Params) -> None:
    """The confirmed lines alone stay under P: a low price makes N <= P (A = N), a high one N > P (A = P)."""
    lines = _ranked([_line("100.00", 6), _line("5.11", 24), _line("20.00", 6)])
    plan = evaluate_plan(lines, P, params)
    known = known_figures(lines, plan, [1], P, None)
    assert not known.available
    assert known.lines == (True, False, False)  # the line before the open price is funded whatever A is
    typed_f = known_figures(lines, evaluate_plan(lines, P, params, final=D("50.00")), [1], P, D("50.00"))
    assert typed_f.lines == (False, False, False)  # unless A may be an F below its cost


def test_nothing_left_before_the_open_price_makes_every_later_share_zero(params: Params) -> None:
    lines = _ranked([_line("448.00", 5), _line("5.11", 24), _line("1.00", 3)])
    plan = evaluate_plan(lines, P, params)
    known = known_figures(lines, plan, [1], P, None)
    assert known.available and known.lines == (True, True, True) and known.ib_funded
    assert [lp.ib for lp in plan.lines] == [P, 0, 0]
    assert known.total(0, 0, 0) and not known.total(D(50), 0, 0)  # a source's use rests on N


def test_a_equal_to_p_and_the_ministrys_f(params: Params) -> None:
    lines = _ranked([_line("448.00", 5), _line("5.11", 24)])
    assert available_known(lines, [1], D("2362.64"), P, None)  # N_c = P: A = P for every price
    assert not available_known(lines, [1], P, P, D("2300.00"))  # a price of 0 gives A = N = P, another A = F
    low = _ranked([_line("100.00", 6), _line("5.11", 24)])
    assert available_known(low, [1], D("2400.00"), P, D("2300.00"))  # F set and N > P decides A (D53)
    assert not available_known(low, [1], D("722.64"), P, D("2300.00"))


prices = st.decimals(min_value=0, max_value=500, places=2)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(prices, st.integers(min_value=1, max_value=20), st.booleans()), min_size=1, max_size=7),
       st.lists(prices, min_size=4, max_size=4), st.decimals(min_value=0, max_value=3000, places=2),
       st.one_of(st.none(), st.decimals(min_value=0, max_value=3000, places=2)))
def test_a_known_figure_is_the_same_for_every_open_price(params: Params, rows, others, provisional, final) -> None:
    """Whatever price ≥ 0 the open lines get (0, the prices drawn, a huge one), A and every share called known
    stay the figures the plan shows."""
    lines = _ranked([_line(price, units) for price, units, _ in rows])
    open_lines = [i for i, (_, _, is_open) in enumerate(rows) if is_open]
    plan = evaluate_plan(lines, provisional, params, final=final)
    if final_applies(plan.needed, provisional, final) and confirmed_needed(lines, open_lines) <= provisional:
        return  # the ministry's F on the matrix's prices decides A (D53), not the bound
    known = known_figures(lines, plan, open_lines, provisional, final)
    for other in [D(0), *others, D("99999.99")]:
        priced = [PlanLine(offer_id=ln.offer_id, units=ln.units, expert_rank=ln.expert_rank, parent_rank=ln.parent_rank,
                           unit_price=other if i in open_lines else ln.unit_price) for i, ln in enumerate(lines)]
        again = evaluate_plan(priced, provisional, params, final=final)
        if known.available:
            assert again.available == plan.available, (other, plan.available, again.available)
        for i, is_known in enumerate(known.lines):
            if is_known:
                assert again.lines[i].ib == plan.lines[i].ib, (i, other)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(prices, st.integers(min_value=1, max_value=20), st.booleans()), min_size=1, max_size=7),
       st.lists(prices, min_size=3, max_size=3), st.decimals(min_value=0, max_value=3000, places=2))
def test_n_exceeds_an_amount_as_a_fact_only_for_every_open_price(params: Params, rows, others, amount) -> None:
    """needed_exceeds (D297): when it says N > the amount, N exceeds it at every price ≥ 0 of the open lines; when
    it does not, some price (0) leaves N within it – the papers then say N > P only as a condition."""
    lines = _ranked([_line(price, units) for price, units, _ in rows])
    open_lines = [i for i, (_, _, is_open) in enumerate(rows) if is_open]
    sure = needed_exceeds(lines, open_lines, amount)
    needs = []
    for other in [D(0), *others, D("99999.99")]:
        priced = [PlanLine(offer_id=ln.offer_id, units=ln.units, expert_rank=ln.expert_rank, parent_rank=ln.parent_rank,
                           unit_price=other if i in open_lines else ln.unit_price) for i, ln in enumerate(lines)]
        needs.append(evaluate_plan(priced, amount, params).needed)
    assert sure == all(n > amount for n in needs), (sure, needs, amount)
