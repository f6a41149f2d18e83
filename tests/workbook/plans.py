"""Seeded random plans for the workbook proof: every support area and price regime, ages around the
8/9 and 17/18 boundaries, with and without the special-care opinion, N below and above P, F set and
not set, other funding sources of every size, monthly plans and actuals (with and without errors).

Set IBM_WORKBOOK_SEED to reproduce or vary a run; a failure prints the plan with its seed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from functools import cache

from generator.catalogue.catalogue import Offer
from generator.catalogue.models import Regime
from generator.reference.inputs import REQUIRED_PARTIES, Parties
from generator.reference.lines import PlanLine, line_from_offer
from generator.reference.monthly import calendar_month, working_days
from generator.reference.rounds import ReportingPeriod
from generator.reference.workbook import WorkbookInputs


@cache
def whole_units() -> frozenset[str]:
    """The catalogue's units counted in whole units only (catalogue/enums.yaml ``whole``, D256)."""
    from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise

    return load_or_raise(DEFAULT_CATALOGUE).enums.whole_units


SEED = int(os.environ.get("IBM_WORKBOOK_SEED", "20181001"))
CENT = Decimal("0.01")


@dataclass(frozen=True)
class RandomPlan:
    seed: int
    inputs: WorkbookInputs

    def describe(self) -> str:
        inp = self.inputs
        head = (
            f"plāns seed={self.seed}: dzimis {inp.birth_date}, periods {inp.period_start} × {inp.months} mēn., "
            f"atzinums={inp.special_care}, traucējumi={inp.impairment}, B={inp.base}, F={inp.final}, "
            f"pabalsti={inp.benefits}, pakalpojumi={inp.services}, citi={inp.other}, "
            f"pamatojums={inp.transport_override!r}, 6.1 lauki={inp.parties}"
        )
        rows = []
        for i, ln in enumerate(inp.lines, start=1):
            if ln.offer_id is None:
                rows.append(f"  {i}: tukša; 6.6={list(map(str, ln.planned_units))} "
                            f"6.10={list(map(str, ln.delivered_units))}/{list(map(str, ln.paid))}")
                continue
            rows.append(
                f"  {i}: {ln.offer_id} × {ln.units} à {ln.unit_price} (griesti {ln.ceiling}), eksp={ln.expert_rank}, "
                f"vec={ln.parent_rank}, saņ={ln.recipient}; 6.6={[str(v) for v in ln.planned_units]}; "
                f"saņemts={[str(v) for v in ln.delivered_units]}; samaksāts={[str(v) for v in ln.paid]}"
            )
        return "\n".join([head, *rows])


def _money(rng: random.Random, low: float, high: float) -> Decimal:
    return (Decimal(str(rng.uniform(low, high)))).quantize(CENT)


def _birth_date(rng: random.Random, start: dt.date, params_full_max: int, limit: int) -> dt.date:
    """A date of birth that puts the child at, just below or just above an age boundary on ``start``."""
    kind = rng.choice(["8/9", "8/9", "17/18", "17/18", "any", "any", "any", "leap", "after"])
    if kind == "after":
        return start + dt.timedelta(days=rng.randint(1, 60))
    if kind == "leap":
        year = rng.choice([y for y in range(start.year - 17, start.year) if y % 4 == 0])
        return dt.date(year, 2, 29)
    if kind == "any":
        return start - dt.timedelta(days=rng.randint(0, 17 * 365))
    boundary = params_full_max + 1 if kind == "8/9" else limit
    year = start.year - boundary
    try:
        anniversary = start.replace(year=year)
    except ValueError:  # 29 February
        anniversary = dt.date(year, 3, 1)
    return anniversary + dt.timedelta(days=rng.choice([-1, 0, 1]))


def _price(rng: random.Random, offer: Offer) -> Decimal:
    if offer.service.regime is Regime.actual_cost:  # units are euros: 1,00 EUR, sometimes not (a D70 error)
        return Decimal(1) if rng.random() < 0.9 else _money(rng, 2, 30)
    if offer.ceiling is not None:
        choice = rng.random()
        if choice < 0.15:
            return offer.ceiling + CENT  # just above the ceiling (D12 error)
        if choice < 0.6 and offer.prefill_price is not None:
            return offer.prefill_price
        return (offer.ceiling * Decimal(str(rng.uniform(0.3, 1.0)))).quantize(CENT)
    choice = rng.random()
    if choice < 0.05:
        return Decimal(0)
    if choice < 0.09:  # four decimals: not an amount of money, an invalid price the matrix counts (D87)
        return Decimal(str(rng.randint(100, 400_000))) / 10_000
    if choice < 0.2:
        return Decimal("1.35")  # a .xx5 product with an odd number of half units
    return _money(rng, 3, 90)


# With ``fractions`` (random_plan), every eighth half of a unit counted whole is kept: an invalid input the matrix and
# the reference count (D256), drawn from the same numbers, so the other plans stay as they were
FRACTION_EVERY = 8


def _units(rng: random.Random, offer: Offer, month_days: int, fractions: bool = False) -> Decimal:
    if offer.service.regime is Regime.actual_cost:
        return _money(rng, 0, 400)
    if offer.service.day_service:
        return Decimal(rng.randint(1, month_days * 2))
    choice = rng.random()
    if choice < 0.05:
        return Decimal(0)
    if choice < 0.2:
        drawn = rng.randint(1, 40)
        half = Decimal(drawn) / 2
        if fractions and drawn % (2 * FRACTION_EVERY) == 1:
            return half  # half a session: an invalid input (D256)
        # a unit counted whole (a session, a day; D256) has no half: the next whole unit, the same random draws
        return half.to_integral_value(ROUND_CEILING) if str(offer.service.unit) in whole_units() else half
    return Decimal(rng.randint(1, 40))


def _split(rng: random.Random, units: Decimal, months: int) -> list[Decimal]:
    """Units spread over the months, summing to ``units`` (whole units where possible)."""
    if units == 0:
        return [Decimal(0)] * months
    step = Decimal("0.5") if units != units.to_integral_value() else Decimal(1)
    parts = [Decimal(0)] * months
    left = units
    while left > 0:
        take = min(left, step * rng.randint(1, 4))
        parts[rng.randrange(months)] += take
        left -= take
    return parts


def _period_and_start(rng: random.Random, periods: Sequence[ReportingPeriod], max_months: int
                      ) -> tuple[dt.date, int, dt.date]:
    """(plan start, months, the day the age is checked on): mostly a plan inside a reporting period
    (any month of it, often not its first), sometimes one that runs past the period's end or starts
    outside every period (D21)."""
    if not periods:  # no rounds given: any date of the pilot years, as before the rounds existed
        months = rng.randint(1, max_months)
        start = dt.date(rng.randint(2018, 2023), rng.randint(1, 12), rng.choice([1, 1, 1, rng.randint(2, 28)]))
        return start, months, start
    kind = rng.choice(["inside"] * 8 + ["past", "outside"])
    if kind == "outside":
        first, last = min(p.start for p in periods), max(p.end for p in periods)
        start = rng.choice([first - dt.timedelta(days=rng.randint(1, 400)), last + dt.timedelta(days=rng.randint(1, 900))])
        return start, rng.randint(1, max_months), start
    period = rng.choice(list(periods))
    span = (period.end.year * 12 + period.end.month) - (period.start.year * 12 + period.start.month)
    offset = rng.randint(0, span)
    index = period.start.year * 12 + period.start.month - 1 + offset
    month_first = dt.date(index // 12, index % 12 + 1, 1)
    start = max(period.start, month_first.replace(day=rng.choice([1, 1, 1, rng.randint(2, 28)])))
    left = span - offset + 1
    if kind == "past" and left < max_months:
        return start, rng.randint(left + 1, max_months), period.start
    return start, rng.randint(1, min(left, max_months)), period.start


# 6.1's fields a contract needs, as fill() writes them by default (generator/workbook/inputs.People)
PARTIES = Parties(social_worker="Līga Piemēra", child_name="Anna Paraugs", child_code="000000-00000",
                  parent_name="Pēteris Paraugs")


def _parties(rng: random.Random, municipality: str | None) -> Parties | None:
    """With a municipality to name: every field filled, sometimes one left empty or spaces only (an error, D88)."""
    if municipality is None:
        return None
    parties = dataclasses.replace(PARTIES, municipality=municipality)
    if rng.random() < 0.12:
        parties = dataclasses.replace(parties, **{rng.choice(REQUIRED_PARTIES).attr: rng.choice([None, "  "])})
    return parties


def random_plan(seed: int, offers: list[Offer], full_max_age: int, age_limit: int, max_months: int,
                periods: Sequence[ReportingPeriod] = (), municipality: str | None = None,
                fractions: bool = False) -> RandomPlan:
    """A random plan; with ``municipality``, also 6.1's fields a contract needs (``inputs.parties``); with
    ``fractions``, now and then half a unit counted whole (FRACTION_EVERY, D256)."""
    rng = random.Random(seed)
    parties_rng = random.Random(seed * 7919)  # its own stream: the plans stay as they were without parties
    start, months, check_day = _period_and_start(rng, periods, max_months)
    birth = _birth_date(rng, check_day, full_max_age, age_limit)
    by_area = {area: [o for o in offers if o.area == area] for area in (1, 2, 3)}
    n_lines = rng.choice([rng.randint(1, 6), rng.randint(1, 15), rng.randint(1, 40)])
    prices: dict[str, Decimal] = {}
    lines: list[PlanLine] = []
    first_days = working_days(*calendar_month(start, 1))
    for _ in range(n_lines):
        if rng.random() < 0.08:
            planned = [Decimal(rng.randint(0, 2)) for _ in range(rng.randint(0, max_months))]
            lines.append(PlanLine(offer_id=None, planned_units=tuple(planned)))
            continue
        pool = by_area[rng.choice([1, 2, 3, 3])] or offers
        if rng.random() < 0.1:  # day-care centre and workshop, to reach the D11 limit
            pool = [o for o in offers if o.service.day_service] or pool
        offer = rng.choice(pool)
        price = prices.setdefault(offer.id, _price(rng, offer))
        units = _units(rng, offer, first_days, fractions)
        planned = _split(rng, units, months)
        roll = rng.random()
        if roll < 0.1 and units > 0:
            planned[rng.randrange(months)] += 1  # 6.6 ≠ 6.3
        elif roll < 0.14 and months < max_months:
            planned.append(Decimal(1))  # a value after the period's last month
        delivered: list[Decimal] = []
        paid: list[Decimal] = []
        if rng.random() < 0.5:
            done = rng.randint(1, months)
            for m in range(done):
                d = max(Decimal(0), planned[m] + rng.choice([0, 0, 0, -1, 1]))
                delivered.append(d)
                amount = (d * price).quantize(CENT) if rng.random() < 0.85 else _money(rng, 0, 200)
                paid.append(amount)
        lines.append(
            line_from_offer(
                offer,
                units,
                unit_price=price,
                expert_rank=None if rng.random() < 0.1 else rng.randint(1, 5),
                parent_rank=None if rng.random() < 0.15 else rng.randint(1, max(1, n_lines)),
                recipient=rng.choice([None, None, None, None, "child", "parent", "family"]),
                planned_units=planned,
                delivered_units=delivered,
                paid=paid,
            )
        )
    sizes = [Decimal(0), Decimal(0), _money(rng, 1, 50), _money(rng, 50, 800), _money(rng, 800, 5000)]
    inputs = WorkbookInputs(
        birth_date=birth,
        period_start=start,
        months=months,
        special_care=rng.random() < 0.4,
        impairment=rng.choice([None, "redzes", "dzirdes", "kustību", "garīga rakstura", "multipli", "kustību"]),
        lines=tuple(lines),
        base=None if rng.random() < 0.3 else _money(rng, 100, 4000),
        final=None if rng.random() < 0.5 else _money(rng, 0, 6000),
        benefits=rng.choice(sizes),
        services=rng.choice(sizes),
        other=rng.choice(sizes),
        transport_override=rng.choice([None] * 9 + ["Sniedzējs ir tālu no dzīvesvietas."]),
        parties=_parties(parties_rng, municipality),
    )
    return RandomPlan(seed, inputs)


def random_plans(count: int, offers: list[Offer], full_max_age: int, age_limit: int, max_months: int,
                 seed: int = SEED, periods: Sequence[ReportingPeriod] = (), municipality: str | None = None,
                 fractions: bool = False) -> list[RandomPlan]:
    return [random_plan(seed + i, offers, full_max_age, age_limit, max_months, periods, municipality, fractions)
            for i in range(count)]
