"""The loaded catalogue: model objects plus the look-ups every renderer needs."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from generator.catalogue.confirmation import value_changes
from generator.catalogue.models import (
    Enumerations,
    Form,
    Holidays,
    Municipalities,
    Municipality,
    Pilot,
    PilotInfo,
    Price,
    PriceKind,
    PriceStatus,
    PriceValue,
    Programme,
    Regime,
    Round,
    Service,
)
from generator.reference.lines import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID, fixed_unit_price
from generator.reference.rounds import ReportingPeriod, reporting_periods

if TYPE_CHECKING:
    from generator.catalogue.annexes import AnnexRegister
    from generator.catalogue.legal_acts import LegalActs
    from generator.catalogue.municipality_names import MunicipalityNames
    from generator.catalogue.open_data_licence import OpenDataLicence
    from generator.catalogue.yamlfile import YamlFile

FORM_LABELS_SHORT = {Form.individual: "individuāli", Form.group: "grupā"}

# Price parameters that are not a service's own price (prices/<id>.yaml).
# (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID: generator.reference.lines, imported above)


def service_order(code: str) -> tuple[int | str, ...]:
    """Sort key of a service code in the catalogue's numeric order (3.1.2 before 3.1.10)."""
    return tuple(int(part) if part.isdigit() else part for part in code.split("."))


def item_forms(service: Service) -> list[tuple[Form, str]]:
    """(form, item code) of each catalogue item of ``service``: one offered both ways is two items, 1.1.1i and
    1.1.1g, because a group session has its own ceiling (L1695); any other keeps the service code."""
    if service.form is Form.both:
        return [(Form.individual, f"{service.id}i"), (Form.group, f"{service.id}g")]
    return [(service.form, service.id)]


@dataclass(frozen=True)
class Offer:
    """One row of the workbook's sheet 6.8: a catalogue item in one delivery form.

    Items offered both individually and in a group give two offers, because a group session
    has its own price ceiling (L1695). ``id`` is stable across catalogue versions.
    """

    id: str
    service: Service
    form: Form
    label: str
    ceiling: Decimal | None
    prefill_price: Decimal | None
    ceiling_status: PriceStatus | None
    # the ceiling is the group sessions' one (DI unit cost minus the client transport part, L1695)
    group_ceiling: bool = False
    # under the group ceiling: its parameters not confirmed (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID), which the
    # ceiling warning names instead of a regulated or contract price (rules.unconfirmed_why, D358)
    ceiling_open: tuple[str, ...] = ()

    @property
    def area(self) -> int:
        return self.service.area

    @property
    def transport(self) -> bool:
        return self.service.transport

    @property
    def ceiling_unconfirmed(self) -> bool:
        """A regulated or delegated-contract item whose ceiling is not a confirmed amount, or a group session under
        the group ceiling while that one is not confirmed (its client transport part still "jāprecizē", D22)."""
        regulated = self.service.regime in (Regime.regulation, Regime.delegated_contract)
        if regulated or self.group_ceiling:
            return self.ceiling is None or self.ceiling_status is not PriceStatus.confirmed
        return False


def files_hash(root: Path) -> str:
    """The short content hash of a catalogue folder: every file's path and bytes, the methodology text left out."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "metodika" not in path.relative_to(root).parts[:1]:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


# the words after a municipality's id where its name in force is not confirmed (stated_name_on)
UNCONFIRMED_NAME = "nosaukums jāprecizē"


def group_ceiling_of(base: PriceValue | None, reduction: PriceValue | None) -> tuple[Decimal | None, PriceStatus]:
    """The group-session ceiling of its two entries (Catalogue.group_ceiling): the base less the client transport part,
    None when either is unknown, and the weaker of the two statuses."""
    if base is None or reduction is None or base.amount is None or reduction.amount is None:
        return None, PriceStatus.to_verify
    confirmed = base.status is PriceStatus.confirmed and reduction.status is PriceStatus.confirmed
    return base.amount - reduction.amount, PriceStatus.confirmed if confirmed else PriceStatus.to_verify


@dataclass
class Catalogue:
    root: Path
    programme: Programme
    municipalities: Municipalities
    enums: Enumerations
    services: list[Service]
    prices: list[Price]
    rounds: list[Round] = field(default_factory=list)
    holidays: Holidays | None = None
    annexes: AnnexRegister | None = None  # catalogue/annexes.yaml (generator/catalogue/annexes.py)
    legal_acts: LegalActs | None = None  # catalogue/tiesibu-akti.yaml (generator/catalogue/legal_acts.py)
    # catalogue/municipality-names.yaml: dated names of the parties (generator/catalogue/municipality_names.py)
    municipality_names: MunicipalityNames | None = None
    # catalogue/open-data-licence.yaml: the open data's licence and its status (generator/catalogue/open_data_licence.py)
    open_data_licence: OpenDataLicence | None = None
    files: dict[str, YamlFile] = field(default_factory=dict, repr=False)
    service_files: list[YamlFile] = field(default_factory=list, repr=False)  # parallel to services
    price_files: list[YamlFile] = field(default_factory=list, repr=False)  # parallel to prices
    # the folder whose files name the version when it is not ``root``: an older revision read through a copy adapted
    # to today's schema (`ibm changes`) keeps the version its own files give, as its matrices and `ibm migrate` show it
    version_root: Path | None = field(default=None, repr=False)
    version_date: dt.date | None = field(default=None, repr=False)  # the same folder's latest effective date

    # --- look-ups -------------------------------------------------------------------------------

    @cached_property
    def service_by_id(self) -> dict[str, Service]:
        return {s.id: s for s in self.services}

    @cached_property
    def price_by_id(self) -> dict[str, Price]:
        return {p.id: p for p in self.prices}

    @cached_property
    def price_by_service(self) -> dict[str, Price]:
        return {p.service: p for p in self.prices if p.service}

    def sorted_services(self) -> list[Service]:
        return sorted(self.services, key=lambda s: service_order(s.id))

    def pilot_municipalities(self, pilot: Pilot | str = Pilot.children) -> list[Municipality]:
        """The municipalities of every round of a programme, in municipalities.yaml order."""
        return [m for m in self.municipalities.municipalities if Pilot(pilot) in m.pilots]

    def pilot_round(self, programme: Pilot | str) -> Round | None:
        """The pilot of a programme: its first round (D129); later rounds are not pilots."""
        return next(iter(self.rounds_of(programme)), None)

    def pilot_programmes(self, municipality_id: str) -> list[Pilot]:
        """The programmes whose pilot (first round) lists the municipality – its pilots, not every programme it
        takes part in (a municipality first added by a later round was in no pilot, D189)."""
        return [p for p in Pilot if (r := self.pilot_round(p)) is not None and municipality_id in r.municipalities]

    def pilot_round_municipalities(self, pilot: Pilot | str = Pilot.children) -> list[Municipality]:
        """The municipalities of a programme's pilot round only (D189), in municipalities.yaml order."""
        return [m for m in self.municipalities.municipalities if Pilot(pilot) in self.pilot_programmes(m.id)]

    def name_on(self, municipality_id: str, day: dt.date) -> str:
        """The municipality's name in force on ``day`` (municipality-names.yaml, confirmed or not), for listings
        and messages that name a round's or a day's municipality (D189); the pilot-time name (municipalities.yaml)
        when no dated name covers the day. A signed paper prints only a confirmed name (D43)."""
        dated = self.municipality_names.in_force(municipality_id, "municipality", day) \
            if self.municipality_names is not None else None
        return dated.name if dated is not None else self.municipality(municipality_id).name_lv

    def stated_name_on(self, municipality_id: str, day: dt.date) -> str:
        """How a console line names the municipality for ``day``: the name in force that day when it is confirmed (or
        the pilot-time name when no dated name covers the day, as name_on); a name still „jāprecizē” is never stated
        as fact – the id with „(nosaukums jāprecizē)” instead (audit35a F6)."""
        if self.name_unconfirmed_on(municipality_id, day):
            return f"{municipality_id} ({UNCONFIRMED_NAME})"
        return self.name_on(municipality_id, day)

    def name_unconfirmed_on(self, municipality_id: str, day: dt.date) -> bool:
        """The municipality's name in force on ``day`` is a dated name still „jāprecizē” (stated_name_on)."""
        dated = self.municipality_names.in_force(municipality_id, "municipality", day) \
            if self.municipality_names is not None else None
        return dated is not None and not dated.confirmed

    def confirmed_name_on(self, municipality_id: str, day: dt.date) -> str:
        """The municipality's name a page states as fact for ``day``: the name in force that day if it is confirmed,
        else the newest confirmed name that began before it, else the pilot-time name (municipalities.yaml) – the
        name the home page and the matrices of the pilot rounds give it. A name still „jāprecizē” is never it."""
        dated = self.municipality_names.names.get(municipality_id) if self.municipality_names is not None else None
        confirmed = [n for n in (dated.municipality if dated else []) if n.confirmed
                     and (n.valid_from is None or n.valid_from <= day)]
        if not confirmed:
            return self.municipality(municipality_id).name_lv
        return max(confirmed, key=lambda n: n.valid_from or dt.date.min).name

    # --- programme rounds (rounds.yaml, D21) ------------------------------------------------------

    @cached_property
    def round_by_id(self) -> dict[str, Round]:
        return {r.id: r for r in self.rounds}

    def rounds_of(self, programme: Pilot | str) -> list[Round]:
        """The rounds of one programme (bērni / pieaugušie) in order of their services window."""
        return sorted((r for r in self.rounds if r.programme is Pilot(programme)), key=lambda r: r.services_start)

    def round_periods(self, round_: Round) -> tuple[ReportingPeriod, ...]:
        """The reporting periods of a round, derived from its services window (L1073–L1075)."""
        return reporting_periods(round_.id, round_.services_start, round_.services_end, round_.reporting_period_months,
                                 round_.end)

    def children_reporting_periods(self) -> tuple[ReportingPeriod, ...]:
        """Every reporting period of the children's rounds (D21): a plan's eligibility date is the
        first day of the one that holds the plan's first day (the services windows of the
        children's rounds do not overlap, crossrefs checks it)."""
        return tuple(p for r in self.rounds_of(Pilot.children) for p in self.round_periods(r))

    def round_at(self, programme: Pilot | str, day: dt.date) -> Round | None:
        """The round of a programme whose services window holds ``day``."""
        return next((r for r in self.rounds_of(programme) if r.services_start <= day <= r.services_end), None)

    def transport_limit_applies(self, day: dt.date) -> bool:
        """Whether programme.yaml's transport_share_max binds the plans of the children's round whose services window
        holds ``day`` (D287): only where that round's procedures (rounds.yaml, D135) are confirmed and include the
        transport-share limit – the methodology sets it for the pilot (L1714). Elsewhere the round's limit is
        „jāprecizē”: the matrix and the reference neither warn nor refuse on it, and the contract leaves it blank."""
        round_ = self.round_at(Pilot.children, day)
        procedures = round_.procedures if round_ is not None else None
        if not (procedures is not None and procedures.status is PriceStatus.confirmed and procedures.transport_share):
            return False
        try:  # the limit's own value must be confirmed too
            return self.programme.transport_share_max.at(day).status is PriceStatus.confirmed
        except LookupError:
            return False

    @cached_property
    def holiday_dates(self) -> tuple[dt.date, ...]:
        """Every public holiday of holidays.yaml, in date order (the workbook's holidays range)."""
        if self.holidays is None:
            return ()
        return tuple(d.date for year in self.holidays.years for d in year.days)

    @cached_property
    def holiday_years(self) -> frozenset[int]:
        return frozenset(y.year for y in self.holidays.years) if self.holidays else frozenset()

    def attach_rounds(self) -> None:
        """Derive the pre-round views from the rounds: each municipality's programmes and the first
        round of each programme as ``municipalities.pilots`` (PilotInfo), so renderers that read
        them keep working; the rounds stay the only place these facts are written."""
        for municipality in self.municipalities.municipalities:
            municipality._pilots = sorted(
                {r.programme for r in self.rounds if municipality.id in r.municipalities},
                key=list(Pilot).index,
            )
        infos = []
        for programme in Pilot:
            first = next(iter(self.rounds_of(programme)), None)
            if first is not None:
                infos.append(
                    PilotInfo(
                        id=programme, name_lv=first.name_lv, start=first.start, end=first.end,
                        services_start=first.services_start, services_end=first.services_end,
                        participants=first.participants, note=first.note,
                    )
                )
        self.municipalities._pilots = infos

    def municipality(self, municipality_id: str) -> Municipality:
        for m in self.municipalities.municipalities:
            if m.id == municipality_id:
                return m
        known = ", ".join(m.id for m in self.municipalities.municipalities)
        raise KeyError(f"pašvaldība „{municipality_id}” nav katalogā (zināmās: {known})")

    # --- prices -----------------------------------------------------------------------------------

    def group_ceiling(self, day: dt.date) -> tuple[Decimal | None, PriceStatus]:
        """The group-session ceiling in force: DI unit cost minus the client transport part (L1695).

        Returns the amount (None when either part is unknown) and the weaker of the two statuses.
        """
        return group_ceiling_of(self.price_by_id[GROUP_CEILING_ID].at(day),
                                self.price_by_id[GROUP_TRANSPORT_REDUCTION_ID].at(day))

    def group_ceiling_open(self, day: dt.date) -> tuple[str, ...]:
        """The group ceiling's parameters on ``day`` that are not confirmed (no amount or not „apstiprināts”), in
        the order base, transport part: what the ceiling warning of a group session names (D358)."""
        open_ids = []
        for pid in (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID):
            value = self.price_by_id[pid].at(day)
            if value is None or value.amount is None or value.status is not PriceStatus.confirmed:
                open_ids.append(pid)
        return tuple(open_ids)

    def price_items(self, price: Price) -> tuple[str, ...]:
        """The item codes (as sheet 6.8 names them: 1.1.1g, 3.6) whose price or ceiling ``price`` sets: every item
        of the service for a service's own price, the items its ``applies_to`` names for a price parameter."""
        return tuple(item for service in self.sorted_services() for form, item in item_forms(service)
                     if (service.id == price.service if price.service
                         else price.applies_to is not None and price.applies_to.covers(service, form)))

    def offers(self, day: dt.date) -> list[Offer]:
        """Every priced offer (item × form) in catalogue order, with its ceiling on ``day``."""
        result: list[Offer] = []
        group_scope = self.price_by_id[GROUP_CEILING_ID].applies_to
        for service in self.sorted_services():
            price = self.price_by_service.get(service.id)
            value = price.at(day) if price else None
            for form, item in item_forms(service):
                label = service.short_name_lv
                if service.form is Form.both:
                    label = f"{label}, {FORM_LABELS_SHORT[form]}"
                ceiling: Decimal | None = None
                status: PriceStatus | None = None
                if value is not None and value.kind is PriceKind.ceiling and value.amount is not None:
                    ceiling, status = value.amount, value.status
                under_group = False
                open_ids: tuple[str, ...] = ()
                if group_scope is not None and group_scope.covers(service, form):  # L1695, prices/…griesti.yaml
                    group, group_status = self.group_ceiling(day)
                    under_group = group is None or ceiling is None or group < ceiling
                    if group is not None and (ceiling is None or group < ceiling):
                        ceiling, status = group, group_status
                    open_ids = self.group_ceiling_open(day) if under_group else ()
                # a regulated or contract price, or the price the unit fixes (the euro at actual cost: 1,00, D70)
                prefill = (ceiling if service.regime in (Regime.regulation, Regime.delegated_contract)
                           else fixed_unit_price(service.unit))
                result.append(
                    Offer(
                        id=item,
                        service=service,
                        form=form,
                        label=f"{item} {label}",
                        ceiling=ceiling,
                        prefill_price=prefill,
                        ceiling_status=status,
                        group_ceiling=under_group,
                        ceiling_open=open_ids,
                    )
                )
        return result

    # --- version ----------------------------------------------------------------------------------

    @cached_property
    def content_hash(self) -> str:
        return files_hash(self.version_root or self.root)

    def versioned_by(self, folder: Path, latest: dt.date | None = None) -> None:
        """Name this catalogue's version by ``folder``'s files (see ``version_root``) and, when given, their own
        latest effective date ``latest`` (the adapted copy may lack a dropped file's dates, review28 F3)."""
        self.version_root = folder
        self.version_date = latest
        self.__dict__.pop("content_hash", None)  # a hash already taken of ``root`` is dropped

    @cached_property
    def latest_date(self) -> dt.date:
        return max(self.effective_dates())

    def prices_until(self, day: dt.date) -> dt.date | None:
        """The last day on which every price and programme parameter in force on ``day`` still holds: the day
        before the next REAL change after ``day`` – a later value that only confirms ``day``'s (the same number,
        „jāprecizē” → „apstiprināts”) is none (D291, D300) – or None when the catalogue knows none (D61)."""
        later = []
        for values in self._value_series():
            held = None
            for value in values:
                if value.effective_from <= day:
                    held = value
                elif value_changes(held, value):
                    later.append(value.effective_from)
                    break
        return min(later) - dt.timedelta(days=1) if later else None

    def _value_series(self) -> list[list]:
        """Each price's and each programme parameter's dated values."""
        return ([price.values for price in self.prices]
                + [getattr(self.programme, name).values for name in type(self.programme).model_fields])

    def effective_dates(self) -> list[dt.date]:
        """Every day on which a price or programme parameter value takes effect (with repeats), confirmations of the
        same number included: each is a day a matrix is issued for (D63)."""
        return [v.effective_from for values in self._value_series() for v in values]

    @property
    def version(self) -> str:
        """Catalogue version: the latest effective date and a short content hash."""
        return f"{self.version_date or self.latest_date:%Y-%m-%d}+{self.content_hash}"
