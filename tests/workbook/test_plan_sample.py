"""The random plans' sample (tests/workbook/plan_sample.py): the fewest plans of the pool that show every case of
it, the same on every run; a plan with a case no other plan has is always kept."""

from __future__ import annotations

from generator.catalogue.catalogue import Catalogue
from generator.reference.params import Params
from generator.workbook.render import pilot_ids
from generator.workbook.writer import template_date
from tests.workbook.plan_sample import covering, plan_cases, plan_sample
from tests.workbook.plans import random_plans


def test_covering_keeps_every_case_and_the_item_that_alone_has_one() -> None:
    items = ["a", "b", "c", "d"]
    cases = [{1, 2}, {2, 3}, {1, 2, 3}, {4}]
    assert covering(items, cases) == ["c", "d"]
    assert covering(items, [{1}, {1}, {1}, {1}]) == ["a"]


def test_the_sample_shows_every_case_of_the_pool(catalogue: Catalogue) -> None:
    day = template_date(catalogue)
    params = Params.from_catalogue(catalogue, day)
    pool = random_plans(40, catalogue.offers(day), params.full_rate_max_age, params.eligibility_age_limit,
                        params.period_months_max, periods=params.reporting_periods,
                        municipality=pilot_ids(catalogue)[0])
    sample = plan_sample(pool, params)
    assert sample == plan_sample(pool, params) and len(sample) < len(pool)
    cases = [plan_cases(plan, params) for plan in pool]
    assert set().union(*(plan_cases(plan, params) for plan in sample)) == set().union(*cases)
    for plan, found in zip(pool, cases, strict=True):  # a plan with a case of its own is in the sample
        others = set().union(*(c for p, c in zip(pool, cases, strict=True) if p is not plan))
        if found - others:
            assert plan in sample
