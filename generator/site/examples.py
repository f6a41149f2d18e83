"""The worked examples of the site (piemeri.md): fictional children and plans, computed by the
reference implementation (generator.reference) with the rules in force on the catalogue date.

Only the inputs are written here – ages, plan lines, units, ranks, the illustrative provider prices
of market-priced items (the catalogue has no price for them: the provider's actual price is used)
and the other funding sources. Every rate, weight, ceiling and regulated price comes from the
catalogue, and every amount is computed by generator.reference; none is typed here.

The dates come from the latest children's programme round (catalogue/rounds.yaml, D21): the plan is
that round's first plan – in the pilot ``first_period_months`` months ending with the first reporting period
(L2148: months 2–6), in a later round the whole first reporting period – and age and the special-care opinion are taken on the reporting
period's first day (D1), so the plan starts after the check date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue, Offer
from generator.catalogue.models import Pilot, Round
from generator.documents import terms
from generator.money import cents
from generator.reference.errors import NotEligible
from generator.reference.final_amounts import ChildAmounts, FinalAmounts, final_amounts
from generator.reference.lines import PlanLine, line_from_offer
from generator.reference.params import Params
from generator.reference.plan import Financing, financing
from generator.reference.provisional import Provisional, provisional_amount
from generator.reference.rounds import ReportingPeriod, add_months
from generator.reference.workbook import WorkbookInputs, WorkbookResult, evaluate_workbook
from generator.site.errors import SiteError


@dataclass(frozen=True)
class Child:
    id: str
    name: str  # obviously fictional
    age: int  # completed years on the check date (the reporting period's first day)
    special_care: bool
    impairment: str


@dataclass(frozen=True)
class LineInput:
    offer_id: str
    units: int
    expert_rank: int
    parent_rank: int
    example_price: Decimal | None = None  # an illustrative provider price (None: the catalogue's price)


CHILDREN = (
    Child("A", "Anna Paraugs", 5, False, "kustību"),
    Child("B", "Bruno Paraugs", 12, True, "multipli"),
    Child("C", "Cilda Paraugs", 12, False, "garīga rakstura"),
    Child("D", "Dāvis Paraugs", 15, False, "dzirdes"),
)
NOT_ELIGIBLE = Child("E", "Elza Paraugs", 18, False, "redzes")

# Anna's plan: fits within her provisional amount.
PLAN_A = (
    LineInput("3.1.1i", 40, 1, 1, Decimal("25.00")),
    LineInput("3.1.2i", 30, 2, 2, Decimal("25.00")),
    LineInput("3.1.3g", 24, 3, 4, Decimal("12.00")),
    LineInput("3.4.2i", 8, 4, 6, Decimal("28.00")),
    LineInput("1.1.1i", 8, 1, 3, Decimal("30.00")),
    LineInput("2.4", 200, 1, 5, Decimal("1.00")),
)
# Cilda's plan: needs more than her provisional amount, so the priorities decide.
PLAN_C = (
    LineInput("3.4.1i", 24, 1, 2, Decimal("28.00")),
    LineInput("3.1.3i", 24, 2, 1, Decimal("22.50")),
    LineInput("3.1.6i", 16, 3, 4, Decimal("30.00")),
    # the companion's hourly ceiling of the pilot years is not confirmed (jāprecizē, no amount): an
    # illustrative provider price, and the plan shows the "ceiling not confirmed" warning (D22)
    LineInput("2.1", 120, 1, 3, Decimal("3.20")),
    LineInput("2.4", 180, 4, 7, Decimal("1.00")),
    LineInput("1.2", 8, 1, 5, Decimal("10.00")),
    LineInput("3.1.2i", 10, 3, 6, Decimal("25.00")),
)
# Needed amounts of the other two children of the pilot example (their plans are not shown).
PLAN_B_SCALE = Decimal("1.6")  # Bruno needs 1.6 × his provisional amount
PLAN_D_SCALE = Decimal("1.2")
# Other funding sources in Cilda's example of the total amount K (stage 4).
BENEFITS = Decimal("200.00")
SERVICES = Decimal("250.00")
OTHER = Decimal("100.00")


@dataclass(frozen=True)
class Timing:
    """When the examples' plan lies: the round, its reporting period, the check date, the plan."""

    round: Round
    period: ReportingPeriod
    start: dt.date
    months: int

    @property
    def check_date(self) -> dt.date:
        return self.period.start


def timing(catalogue: Catalogue) -> Timing:
    """The first plan of the latest children's round. In the programme's first children's round – the pilot, the
    only round with the first-plan rule (L2148, D113, D127) – it is ``first_period_months`` months (in force at the
    services window's start) that end with the round's first reporting period; in a later round it fills the first
    reporting period (at most ``period_months_max`` months), as the papers of such a round assume."""
    rounds = catalogue.rounds_of(Pilot.children)
    if not rounds:
        raise SiteError("katalogā (rounds.yaml) nav nevienas bērnu programmas kārtas (gaidīts: vismaz viena)")
    round_ = rounds[-1]
    period = catalogue.round_periods(round_)[0]
    params = Params.from_catalogue(catalogue, period.start)
    after = period.end + dt.timedelta(days=1)
    period_months = (after.year - period.start.year) * 12 + after.month - period.start.month
    first = terms.plan_round(catalogue, round_.id)  # the first-plan rule is the first children's round's (D113)
    rule = params.first_period_months if first is not None and first.first else period_months
    months = min(rule, params.period_months_max, period_months)
    start = max(period.start, add_months(after, -months))
    return Timing(round_, period, start, months)


def period_start(catalogue: Catalogue) -> dt.date:
    """The first day of the examples' plan (see ``timing``)."""
    return timing(catalogue).start


def birth_date(day: dt.date, age: int) -> dt.date:
    """A date of birth that makes a child exactly ``age`` completed years old on ``day`` (and on
    the plan's first days too: the birthday falls about seven months after ``day``)."""
    return dt.date(day.year - age - 1, day.month, 1) + dt.timedelta(days=200)


def split_months(units: int, months: int) -> tuple[int, ...]:
    base, extra = divmod(units, months)
    return tuple(base + (1 if m < extra else 0) for m in range(months))


@dataclass(frozen=True)
class PlanExample:
    child: Child
    lines: tuple[PlanLine, ...]
    inputs: tuple[LineInput, ...]
    result: WorkbookResult


@dataclass(frozen=True)
class Examples:
    params: Params
    timing: Timing
    start: dt.date
    check_date: dt.date
    months: int
    provisional: list[tuple[Child, dt.date, Provisional]]
    not_eligible: tuple[Child, dt.date, str]
    plan_a: PlanExample
    plan_c: PlanExample
    pilot: FinalAmounts
    pilot_children: list[tuple[Child, ChildAmounts]]
    envelope: Decimal
    plan_c_final: PlanExample
    variants: list[Financing]


def _offer(offers: dict[str, Offer], offer_id: str) -> Offer:
    if offer_id not in offers:
        raise SiteError(f"aprēķinu piemērā minētā kataloga rinda {offer_id} nav katalogā "
                        "(gaidīts: esošs piedāvājuma kods; labojiet generator/site/examples.py)")
    return offers[offer_id]


def _lines(offers: dict[str, Offer], inputs: tuple[LineInput, ...], months: int) -> tuple[PlanLine, ...]:
    return tuple(
        line_from_offer(
            _offer(offers, li.offer_id),
            li.units,
            unit_price=li.example_price,
            expert_rank=li.expert_rank,
            parent_rank=li.parent_rank,
            planned_units=split_months(li.units, months),
        )
        for li in inputs
    )


def _plan(child: Child, when: Timing, lines: tuple[PlanLine, ...], inputs: tuple[LineInput, ...],
          params: Params, final: Decimal | None = None, benefits: Decimal = Decimal(0),
          services: Decimal = Decimal(0), other: Decimal = Decimal(0)) -> PlanExample:
    result = evaluate_workbook(
        WorkbookInputs(birth_date=birth_date(when.check_date, child.age), period_start=when.start, months=when.months,
                       special_care=child.special_care, impairment=child.impairment, lines=lines,
                       final=final, benefits=benefits, services=services, other=other),
        params,
    )
    return PlanExample(child, lines, inputs, result)


def compute(catalogue: Catalogue) -> Examples:
    when = timing(catalogue)
    start, check = when.start, when.check_date
    params = Params.from_catalogue(catalogue, start)
    offers = {o.id: o for o in catalogue.offers(start)}

    provisional = []
    for child in CHILDREN:
        born = birth_date(check, child.age)
        provisional.append((child, born, provisional_amount(born, check, child.special_care, params)))
    born_e = birth_date(check, NOT_ELIGIBLE.age)
    try:
        provisional_amount(born_e, check, NOT_ELIGIBLE.special_care, params)
        raise SiteError("piemērā bērnam, kuram jābūt netiesīgam, tika aprēķināts apmērs")
    except NotEligible as exc:
        refusal = str(exc)

    plan_a = _plan(CHILDREN[0], when, _lines(offers, PLAN_A, when.months), PLAN_A, params)
    lines_c = _lines(offers, PLAN_C, when.months)
    plan_c = _plan(CHILDREN[2], when, lines_c, PLAN_C, params)
    for example in (plan_a, plan_c):
        if example.result.check_date != check:
            raise SiteError("aprēķinu piemēra plāns neiekļaujas kārtas pārskata periodā (rounds.yaml)")

    p = {child.id: prov.amount for child, _, prov in provisional}
    needed = {"A": plan_a.result.needed, "B": cents(p["B"] * PLAN_B_SCALE),
              "C": plan_c.result.needed, "D": cents(p["D"] * PLAN_D_SCALE)}
    amounts = [(child, ChildAmounts(child.id, p[child.id], needed[child.id])) for child in CHILDREN]
    envelope = sum(p.values(), Decimal(0))
    pilot = final_amounts([a for _, a in amounts], envelope, params)

    final_c = pilot.by_id()["C"].final
    plan_c_final = _plan(CHILDREN[2], when, lines_c, PLAN_C, params, final=final_c, benefits=BENEFITS,
                         services=SERVICES, other=OTHER)
    r = plan_c_final.result
    variants = [financing(r.needed, r.available, BENEFITS, SERVICES, OTHER, variant=v,
                          ib_funded=r.plan.ib_funded) for v in (1, 2, 3)]
    return Examples(params, when, start, check, when.months, provisional, (NOT_ELIGIBLE, born_e, refusal), plan_a, plan_c, pilot, amounts,
                    envelope, plan_c_final, variants)
