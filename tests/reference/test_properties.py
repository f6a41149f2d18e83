"""Property tests on random plans and pilots (issue 3): the invariants of D4–D8 hold for any input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.catalogue.loader import load_or_raise
from generator.reference.final_amounts import final_amounts
from generator.reference.lines import PlanLine
from generator.reference.params import Params
from generator.reference.plan import evaluate_plan, line_cost, priorities
from generator.reference.selection import Application, select_children
from tests.reference.strategies import distinct_rank_plans, money, pilots, plans

PARAMS = Params.from_catalogue(load_or_raise(), dt.date(2018, 10, 1))
CENT = Decimal("0.01")


def spreadsheet_round(value: Fraction) -> Decimal:
    """ROUND(x, 2) computed independently in integers: half away from zero."""
    sign = -1 if value < 0 else 1
    hundredths = (abs(value) * 100 + Fraction(1, 2)).__floor__()
    return Decimal(sign * hundredths) / 100


@settings(max_examples=300, deadline=None)
@given(plans, money, st.none() | money, money, money, money)
def test_plan_invariants(lines, provisional, final, benefits, services, other) -> None:
    result = evaluate_plan(lines, provisional, PARAMS, final=final, benefits=benefits, services=services, other=other)
    assert result.needed == sum((line_cost(line) for line in lines), Decimal(0))
    assert result.total <= result.needed
    assert result.ib_funded <= result.available
    if result.needed <= provisional:
        assert result.available == result.needed
    for lp in result.lines:
        assert Decimal(0) <= lp.ib <= lp.cost
    # funded down the whole list in priority order (D4): each line gets its cost if it fits in
    # what is left of A, else as many whole units as fit; later lines are still tried
    ordered = sorted((lp for lp in result.lines if lp.priority), key=lambda lp: lp.priority.position)
    rest = result.available
    for lp in ordered:
        price = lines[lp.index].unit_price
        if lp.cost <= rest:
            assert lp.ib == lp.cost
        elif price > 0:
            k = (rest / price).to_integral_value(rounding="ROUND_FLOOR")
            assert lp.ib == (k * price).quantize(CENT, rounding="ROUND_HALF_UP")
            assert k * price <= rest < (k + 1) * price
        else:
            assert lp.ib == 0
        rest -= lp.ib
        assert rest >= 0
    positions = sorted(lp.priority.position for lp in ordered)
    assert positions == list(range(1, len(ordered) + 1))


@settings(max_examples=200, deadline=None)
@given(distinct_rank_plans(), money, st.randoms(use_true_random=False))
def test_plan_independent_of_row_order(lines, provisional, rnd) -> None:
    shuffled = list(lines)
    rnd.shuffle(shuffled)
    a = evaluate_plan(lines, provisional, PARAMS)
    b = evaluate_plan(shuffled, provisional, PARAMS)
    assert (a.needed, a.available, a.ib_funded, a.total) == (b.needed, b.available, b.ib_funded, b.total)
    key = lambda res, ls: {ls[lp.index].offer_id: (lp.ib, lp.priority.position) for lp in res.lines}  # noqa: E731
    assert key(a, lines) == key(b, shuffled)


@settings(max_examples=200, deadline=None)
@given(plans)
def test_priority_follows_score_then_expert_position(lines) -> None:
    prio = priorities(lines, PARAMS)
    ordered = sorted(prio.values(), key=lambda p: p.position)
    for first, second in zip(ordered, ordered[1:], strict=False):
        assert (first.score, first.expert_position) < (second.score, second.expert_position)


@settings(max_examples=300, deadline=None)
@given(pilots(), money, st.sampled_from(["needed", "gap"]), st.randoms(use_true_random=False))
def test_final_amount_invariants(children, envelope, key, rnd) -> None:
    result = final_amounts(children, envelope, PARAMS, key=key)
    by_id = result.by_id()
    topups = Decimal(0)
    for child in children:
        f = by_id[child.id].final
        assert f == f.quantize(CENT)
        assert f <= max(child.needed, min(child.needed, child.provisional))
        if child.needed > child.provisional:
            assert child.provisional <= f <= child.needed
        else:
            assert f == child.needed
        topups += f - min(child.needed, child.provisional)
    assert topups + result.unallocated == result.pool
    assert result.unallocated >= 0
    if result.unallocated > 0:  # something is left only when every eligible child reached N
        assert all(c.final == c.needed for c in result.children if c.eligible)

    shuffled = list(children)
    rnd.shuffle(shuffled)
    again = final_amounts(shuffled, envelope, PARAMS, key=key)
    assert again == result


@settings(max_examples=200, deadline=None)
@given(pilots(), money)
def test_needed_key_shares_in_proportion_to_n(children, envelope) -> None:
    """Uncapped eligible children get top-ups ∝ N, within one cent (L1080)."""
    result = final_amounts(children, envelope, PARAMS, key="needed")
    free = [c for c in result.children if c.eligible and not c.capped]
    if len(free) < 2 or result.pool == 0:
        return
    needed_free = sum(c.needed for c in free)
    capped_topups = sum(c.top_up for c in result.children if c.capped)
    rate = (result.distributed - capped_topups) / needed_free
    for c in free:
        assert abs(c.top_up - rate * c.needed) <= CENT


@settings(max_examples=500, deadline=None)
@given(st.integers(1, 10_000), st.integers(0, 99_999))
def test_line_cost_rounds_like_spreadsheet_on_half_cents(units, tenths_of_cents) -> None:
    """Prices ending in 5 at the third decimal make units × price end in .xx5 often (D8)."""
    price = Decimal(tenths_of_cents * 10 + 5) / 1000
    line = PlanLine(offer_id="x", units=Decimal(units), unit_price=price)
    assert line_cost(line) == spreadsheet_round(Fraction(units) * Fraction(price))


@pytest.mark.parametrize(
    ("units", "price", "expected"),
    [(1, "0.005", "0.01"), (3, "12.345", "37.04"), ("1.5", "10.03", "15.05"), (7, "0.715", "5.01"), (1, "2.675", "2.68")],
)
def test_line_cost_half_cent_examples(units, price, expected) -> None:
    line = PlanLine(offer_id="x", units=Decimal(units), unit_price=Decimal(price))
    assert line_cost(line) == Decimal(expected)


IMPAIRMENTS = ["redzes", "dzirdes", "kustību", "garīga rakstura", "multipli"]


@st.composite
def application_lists(draw: st.DrawFn) -> list[Application]:
    n = draw(st.integers(0, 40))
    apps = []
    for i in range(n):
        apps.append(
            Application(
                number=str(i + 1),
                municipality=draw(st.sampled_from(["alfa", "beta", "gamma"])),
                birth_date=dt.date(2018, 9, 1) - dt.timedelta(days=draw(st.integers(0, 18 * 365))),
                impairment=draw(st.sampled_from(IMPAIRMENTS)),
                home_schooling=draw(st.booleans()),
                submitted_at=dt.datetime(2018, 9, 1, 8, 0) + dt.timedelta(minutes=draw(st.integers(0, 300))),
                disability=draw(st.booleans()) or draw(st.booleans()),
            )
        )
    return apps


@settings(max_examples=150, deadline=None)
@given(application_lists(), st.integers(1, 6), st.randoms(use_true_random=False))
def test_selection_invariants(apps, per_municipality, rnd) -> None:
    params = PARAMS.replace(
        quota_per_municipality=per_municipality,
        quota_per_age_group={g: per_municipality for g in PARAMS.quota_per_age_group},
    )
    municipalities = ["alfa", "beta"]
    result = select_children(apps, municipalities, dt.date(2018, 10, 1), dt.date(2019, 9, 30), params)
    total = per_municipality * len(municipalities)
    assert len(result.selected) <= total
    for m in municipalities:
        assert result.counts["municipality"][m] <= result.targets["municipality"][m]
    by = result.by_number()
    eligible = [p for p in result.placements if p.eligible]
    reserve = {n for names in result.reserve.values() for n in names}
    assert {p.number for p in eligible} == set(result.selected) | reserve
    assert not set(result.selected) & reserve
    assert all(by[n].explanation for n in by)
    # fewer selected than the total only when no eligible applicant could be placed in its municipality
    if len(result.selected) < total:
        for n in reserve:
            m = next(a.municipality for a in apps if a.number == n)
            assert result.counts["municipality"][m] >= result.targets["municipality"][m]
    shuffled = list(apps)
    rnd.shuffle(shuffled)
    assert select_children(shuffled, municipalities, dt.date(2018, 10, 1), dt.date(2019, 9, 30), params) == result
