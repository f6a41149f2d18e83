"""A snapshot of every programme parameter in force on one day (catalogue/programme.yaml).

The reference functions never contain a rate, limit, weight or key as a literal: they receive a
``Params`` explicitly. ``Params.from_catalogue(catalogue, day)`` reads the catalogue's dated series;
tests may build one with ``dataclasses.replace`` to change a single value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from generator.reference.date_serials import DateSerials, typing_span
from generator.reference.plan_changes import PlanChange, catalogue_changes
from generator.reference.rounds import ReportingPeriod, RoundMembers

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Catalogue


def ministry_base(typed: Decimal | None, catalogue_base: Decimal, catalogue_confirmed: bool) -> Decimal | None:
    """The B typed in the matrix's 6.11 as the ministry's own (D72), None when none is typed or when it is the
    catalogue's B while that is not confirmed (``catalogue_confirmed``) on the matrix's parameters day: a
    reconstruction copied into the cell is no B the ministry set (D257). The papers, the printed matrix
    (h_BazeProviz) and the collection then rest on the catalogue's unconfirmed B, as with an empty cell."""
    if typed is None or (typed == catalogue_base and not catalogue_confirmed):
        return None
    return typed


def unconfirmed_base(typed: Decimal | None, catalogue_base: Decimal, catalogue_confirmed: bool) -> bool:
    """P (and A, unless an applied F decides it) rests on the catalogue's B while that is not confirmed: no B of the
    ministry's (ministry_base) and the catalogue's not confirmed. The papers print such P as a blank, the printed matrix
    (h_BazeProviz) and the calculator call it provisional, and the collection's F are provisional (D72, D257, D268)."""
    return not catalogue_confirmed and ministry_base(typed, catalogue_base, catalogue_confirmed) is None


@dataclass(frozen=True)
class AgeGroup:
    """One selection age group, completed years, both ends inclusive (D17)."""

    id: str
    min_age: int
    max_age: int


@dataclass(frozen=True)
class Params:
    """Every programme parameter in force on ``day`` (names as in catalogue/programme.yaml)."""

    day: dt.date
    period_months_max: int
    first_period_months: int
    base_amount: Decimal
    rate_full: Decimal
    rate_reduced: Decimal
    full_rate_max_age: int
    eligibility_age_limit: int
    transport_share_max: Decimal
    expert_weight: Decimal
    parent_weight: Decimal
    redistribution_key: str
    social_worker_children: int
    indirect_cost_rate: Decimal
    monthly_report_day: int
    quarterly_report_day: int
    quota_per_municipality: int
    quota_per_age_group: dict[str, int] = field(hash=False)
    quota_impairment_share: dict[str, Decimal] = field(hash=False)
    age_groups: tuple[AgeGroup, ...] = ()
    # The reporting periods of every children's programme round (catalogue/rounds.yaml, D21):
    # a plan's eligibility date is the first day of the one that holds the plan's first day.
    reporting_periods: tuple[ReportingPeriod, ...] = ()
    # Public holidays (catalogue/holidays.yaml): not working days for the day-services limit (D11).
    holidays: frozenset[dt.date] = frozenset()
    # The years holidays.yaml lists (None: not known, every year counts as listed). A month of another
    # year has no working-day count: the day-services limit cannot be checked there (D11, D62).
    holiday_years: frozenset[int] | None = None
    # The last day before the catalogue's next change of a price or parameter after ``day`` (None: no
    # change known): what 6.11 shows as the matrix's prices' last day.
    prices_until: dt.date | None = None
    # The changes after ``day`` a plan may use (plan_changes.catalogue_changes): a plan is refused only when one it
    # uses falls inside its period (D61). None: every plan uses every change – one on the day after prices_until
    # (a matrix of an older template, whose own 6.11 knew only that day; a test's own Params).
    plan_changes: tuple[PlanChange, ...] | None = None
    # The municipalities of the children's programme rounds (rounds.yaml), the list 6.1 B5 takes its value from
    # (Saraksts_Pasvaldibas): another one typed there is an invalid input (D104). None: not checked.
    municipalities: tuple[str, ...] | None = None
    # Each children's round's name and municipalities by its id (rounds.yaml): a municipality of the list above that is
    # not in the round of the plan's first day (reporting_periods' round_id) is an invalid input too (D104, D113).
    # Empty: only the list above is checked, as a test's own Params.
    rounds: dict[str, RoundMembers] = field(default_factory=dict, hash=False)
    # The units counted whole (catalogue/enums.yaml ``whole``: a session, a day and night, a working day, D256) by id,
    # with the name the matrix shows ("reize"): a fraction of one in a plan line is an invalid input. Empty: none is.
    whole_units: dict[str, str] = field(default_factory=dict, hash=False)
    # The catalogue's B on ``day`` is confirmed („apstiprināts”): a typed B equal to an unconfirmed one is a reminder
    # to check it (D257, audit33b F2), not a figure LM set. Default: confirmed (no reminder), as a test's own Params.
    base_confirmed: bool = True
    # transport_share_max binds this day's round (D287, Catalogue.transport_limit_applies): its procedures confirm the
    # limit, as the pilot's do. False: the round's limit is „jāprecizē” – no warning, no refusal (check_transport_share).
    # Default: it binds, as a test's own Params.
    transport_limit_applies: bool = True
    # The day serials a Latvian „18.5” typed into a number input can become (D286): the years from the one before the
    # first children's round starts to the one after the last ends (rounds.yaml); a whole number of them in a number
    # input is an invalid input. None: not checked, as a test's own Params.
    date_serials: DateSerials | None = None
    # D340: the highest plausible money typed into the matrix (programme.yaml input_amount_max, unit_price_max): B, F
    # or another source above ``amount_max`` is an invalid input with no amount, a 6.8 price above ``price_max`` an
    # invalid price (its line void, D332). None: not checked, as a test's own Params.
    amount_max: Decimal | None = None
    price_max: Decimal | None = None
    # D370: the plausible highest provider's price by unit id (programme.yaml plausible_price_<unit>): above it, on a line
    # with no ceiling figure, the warning price_implausible. Empty: not checked, as a test's own Params.
    plausible_prices: dict[str, Decimal] = field(default_factory=dict, hash=False)

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue, day: dt.date) -> Params:
        """The parameters in force on ``day``; a parameter not yet in force raises LookupError."""
        from generator.catalogue.models import (  # the reference itself imports no catalogue module
            PLAUSIBLE_PRICE_FIELDS,
            Pilot,
            PriceStatus,
        )

        prog = catalogue.programme

        def value(name: str) -> Any:
            return getattr(prog, name).at(day).value

        quotas = value("selection_quotas")
        return cls(
            day=day,
            period_months_max=int(value("period_months_max")),
            first_period_months=int(value("first_period_months")),
            base_amount=Decimal(value("base_amount")),
            rate_full=Decimal(value("rate_full")),
            rate_reduced=Decimal(value("rate_reduced")),
            full_rate_max_age=int(value("full_rate_max_age")),
            eligibility_age_limit=int(value("eligibility_age_limit")),
            transport_share_max=Decimal(value("transport_share_max")),
            expert_weight=Decimal(value("expert_weight")),
            parent_weight=Decimal(value("parent_weight")),
            redistribution_key=str(value("redistribution_key")),
            social_worker_children=int(value("social_worker_children")),
            indirect_cost_rate=Decimal(value("indirect_cost_rate")),
            monthly_report_day=int(value("monthly_report_day")),
            quarterly_report_day=int(value("quarterly_report_day")),
            quota_per_municipality=int(quotas.per_municipality),
            quota_per_age_group={str(k): int(v) for k, v in quotas.per_age_group.items()},
            quota_impairment_share={str(k): Decimal(v) for k, v in quotas.impairment_share.items()},
            age_groups=tuple(AgeGroup(g.id, g.min_age, g.max_age) for g in catalogue.enums.age_groups),
            reporting_periods=catalogue.children_reporting_periods(),
            holidays=frozenset(catalogue.holiday_dates),
            holiday_years=catalogue.holiday_years,
            prices_until=catalogue.prices_until(day),
            plan_changes=catalogue_changes(catalogue, day),
            municipalities=tuple(m.id for m in catalogue.pilot_municipalities()),
            rounds={r.id: RoundMembers(r.name_lv, tuple(r.municipalities)) for r in catalogue.rounds_of(Pilot.children)},
            whole_units={u.id: u.short_name for u in catalogue.enums.units if u.whole},
            base_confirmed=prog.base_amount.at(day).status is PriceStatus.confirmed,
            transport_limit_applies=catalogue.transport_limit_applies(day),
            date_serials=children_date_serials(catalogue),
            amount_max=Decimal(value("input_amount_max")),
            price_max=Decimal(value("unit_price_max")),
            plausible_prices={unit: Decimal(value(name)) for unit, name in PLAUSIBLE_PRICE_FIELDS.items()},
        )

    def replace(self, **changes: Any) -> Params:
        """A copy with some values changed (e.g. ``params.replace(base_amount=Decimal(1000))``)."""
        return dataclasses.replace(self, **changes)


def children_date_serials(catalogue: Catalogue) -> DateSerials | None:
    """The day serials of D286 from the children's programme rounds of ``catalogue`` (the matrix's h_DatumaNrNo and
    h_DatumaNrLidz, the readers' check); None without a children's round."""
    from generator.catalogue.models import Pilot  # the reference itself imports no catalogue module

    return typing_span(r.start for r in catalogue.rounds_of(Pilot.children))
