"""Pydantic models of the catalogue: the single source of every service, price, rule and municipality.

The YAML files under catalogue/ are validated against these models; the JSON Schema in
catalogue/schema/ is exported from them (``ibm schema``). Renderers only ever see these objects.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

T = TypeVar("T")

SAFE_TEXT_START = ("=", "+", "-", "@")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _no_formula(value: str) -> str:
    if value and value.lstrip().startswith(SAFE_TEXT_START):
        raise ValueError("teksts nedrīkst sākties ar = + - @ (to izklājlapa uztvertu kā formulu)")
    return value


SafeText = Annotated[str, Field(min_length=1), AfterValidator(_no_formula)]


# --- enumerations --------------------------------------------------------------------------------


class Recipient(StrEnum):
    child = "child"
    parent = "parent"
    family = "family"


class Form(StrEnum):
    individual = "individual"
    group = "group"
    both = "both"


class Regime(StrEnum):
    market = "market"
    regulation = "regulation"
    delegated_contract = "delegated_contract"
    actual_cost = "actual_cost"


class Payee(StrEnum):
    """Whom the social service pays for a service (the three payment routes, L2196–L2199)."""

    provider = "provider"  # the provider, under a contract (02) or a guarantee letter (03): L2197, L2198
    parent = "parent"  # the parent, repaid on the parent's expense documents (01 §5): L2199, L2411, L2477


class Impairment(StrEnum):
    redzes = "redzes"
    dzirdes = "dzirdes"
    kustibu = "kustību"
    gariga = "garīga rakstura"
    multipli = "multipli"


class PriceStatus(StrEnum):
    confirmed = "apstiprināts"
    to_verify = "jāprecizē"


class TextSource(StrEnum):
    methodology = "metodika"
    reconstructed = "rekonstruēts"


class PriceKind(StrEnum):
    """What a price value means for the social worker."""

    ceiling = "ceiling"  # a regulated or contract price: the provider may not charge more
    reference = "reference"  # a market reference range: informative only


# --- enumerations file -----------------------------------------------------------------------------


class Labelled(Strict):
    id: str
    name_lv: SafeText
    name_en: SafeText | None = None


class Unit(Labelled):
    """A unit a service is priced in; ``whole``: its quantity is counted in whole units only (D256)."""

    whole: bool = Field(description="Vienību skaits tikai vesels skaitlis (reize, diennakts, darba diena; D256)")

    @property
    def short_name(self) -> str:
        """The name without its explanation in brackets, as the matrix's narrow plan sheets show it ("reize")."""
        return short_unit(self.name_lv)


def short_unit(name: str) -> str:
    """A unit's name without its explanation in brackets ("reize (…)" -> "reize")."""
    return name.split(" (", 1)[0]


class SupportArea(Strict):
    number: int = Field(ge=1, le=3)
    name_lv: SafeText
    name_en: SafeText
    recipient: Recipient


class AgeGroup(Strict):
    id: str
    min_age: int = Field(ge=0, le=17)
    max_age: int = Field(ge=0, le=17)

    @model_validator(mode="after")
    def _ordered(self) -> AgeGroup:
        if self.max_age < self.min_age:
            raise ValueError("max_age ir mazāks par min_age")
        return self


class ImpairmentLabel(Strict):
    id: Impairment
    name_lv: SafeText


class BudgetPosition(Strict):
    """A budget cost position (BIP, 26.pielikums) of the municipality's settlement."""

    code: str = Field(pattern=r"^[0-9]+(\.[0-9]+)*$")
    name_lv: SafeText
    includes_lv: SafeText


class PayeeLabel(Strict):
    """How a payment route is named where a service shows whom it is paid to, and where the methodology says so."""

    name_lv: SafeText
    atsauces: list[Annotated[str, Field(pattern=r"^L[0-9]{1,4}$")]] = Field(
        min_length=1, description="Metodikas rindas, piem. L2199")


class Enumerations(Strict):
    """Lists shared by every renderer: support areas, impairment types, units, funding sources, BIP."""

    support_areas: list[SupportArea]
    impairments: list[ImpairmentLabel]
    age_groups: list[AgeGroup]
    units: list[Unit]
    funding_sources: list[Labelled]
    budget_positions: list[BudgetPosition] = Field(min_length=1)
    recipients: dict[Recipient, SafeText]
    forms: dict[Form, SafeText]
    regimes: dict[Regime, SafeText]
    payees: dict[Payee, PayeeLabel] = Field(
        description="Kam Dienests maksā par pakalpojumu (pakalpojuma lauks payee): nosaukums un metodikas rindas"
    )

    @property
    def whole_units(self) -> frozenset[str]:
        """The ids of the units counted in whole units only (D256)."""
        return frozenset(u.id for u in self.units if u.whole)

    @field_validator("payees")
    @classmethod
    def _every_payee(cls, payees: dict) -> dict:
        missing = [p.value for p in Payee if p not in payees]
        if missing:
            raise ValueError(f"trūkst nosaukuma: {', '.join(missing)}")
        return payees


# --- services ------------------------------------------------------------------------------------


class DescriptionField(Strict):
    teksts: SafeText
    avots: TextSource = TextSource.methodology
    atsauces: list[str] = Field(default_factory=list, description="Metodikas rindas, piem. L1563")



class Description(Strict):
    """The fields of the methodology's service description form (13.pielikums)."""

    definicija_merkis: DescriptionField
    merka_grupa: DescriptionField
    saturs: DescriptionField
    specialisti: DescriptionField
    sniegsanas_laiks: DescriptionField
    apjoms: DescriptionField
    rezultati: DescriptionField
    kriteriji: DescriptionField
    tiesibas_pienakumi: DescriptionField
    prasibas_sniedzejiem: DescriptionField
    normativie_akti: DescriptionField


class Service(Strict):
    """One priced item of the service catalogue (a service or a named sub-variant of it)."""

    id: str = Field(pattern=r"^[1-3]\.[0-9]{1,2}(\.[0-9]{1,2})?$", description="Stabils kods, piem. 3.1.2")
    area: int = Field(ge=1, le=3)
    service_number: int = Field(ge=1, le=30, description="Pakalpojuma numurs metodikas sarakstā (1.–21.)")
    name_lv: SafeText
    short_name_lv: SafeText = Field(description="Īss nosaukums sarakstiem un darbgrāmatai")
    search_terms_lv: list[SafeText] = Field(
        default_factory=list,
        description="Vārdi, ar kuriem lasītājs meklē šo pakalpojumu, bet kuru lapā nav (nozares vai terapijas "
        "nosaukums: „ergoterapija” ergoterapeitam); vietnes meklēšana tos skaita kā lapas virsrakstu",
    )
    name_en: SafeText
    recipient: Recipient
    form: Form
    unit: str
    impairments: list[Impairment] = Field(default_factory=list, description="Tukšs: visiem traucējumu veidiem")
    regime: Regime
    payee: Payee = Field(
        description="Kam Dienests maksā: provider – sniedzējam pēc līguma vai garantijas vēstules (L2197, L2198; "
        "tad veido 02 un 03), parent – atmaksā Vecākam pēc viņa izdevumu dokumentiem (L2199, L2411, L2477; "
        "02 un 03 neveido). Obligāts katram pakalpojumam, noklusējuma nav"
    )
    transport: bool = False
    day_service: Literal["day_care", "workshop"] | None = None
    incompatible_with: list[str] = Field(default_factory=list)
    includes_sessions_of: list[str] = Field(
        default_factory=list,
        description="Pakalpojumi, kuru speciālistu vai grupu nodarbības jau ietilpst šajā pakalpojumā (L1713): "
        "ja plānā ir abi, matrica brīdina un lūdz apstiprināt, ka tie ir citi speciālisti",
    )
    description: Description



class EntryError(ValueError):
    """A validator's error about one part of what it checks: the loader names the line of ``at`` (a key path below
    the validated field or model, e.g. (3, "effective_from")) and says what was expected (audit39 F7)."""

    def __init__(self, message: str, at: tuple[str | int, ...] = (), expected: str | None = None):
        super().__init__(message)
        self.at = at
        self.expected = expected
        self.also: list[EntryError] = []  # the validator's other independent errors, each reported too (D309)


def _check_dates(values: list) -> list:
    """Dated values must be in increasing order of effective_from, each date once; an error names the entry."""
    dates = [v.effective_from for v in values]
    for i, day in enumerate(dates):
        if day in dates[:i]:
            first = dates.index(day)
            raise EntryError(f"spēkā stāšanās datums {day:%d.%m.%Y} jau ir {first + 1}. ierakstā",
                             (i, "effective_from"), "katram ierakstam cits datums – vienu no abiem izlabojiet vai dzēsiet")
        if i and day < dates[i - 1]:
            raise EntryError(f"datums {day:%d.%m.%Y} ir agrāks par iepriekšējā ieraksta datumu {dates[i - 1]:%d.%m.%Y}",
                             (i, "effective_from"), f"datums pēc {dates[i - 1]:%d.%m.%Y} – ieraksti sakārtoti no "
                             "agrākā uz vēlāko")
    return values


# Money is euro and cents (D87): a catalogue amount with a fraction of a cent (12.345) is refused with its
# file and line, never rounded for one output and used as typed in another. 12.500 is whole cents and passes.
# (Only on the plain fields of a price and an envelope: in a generic Parameter[…] the limit would rename the
# exported schema's definitions and with them the catalogue's version; base_amount is checked in crossrefs.py.)
Cents = Annotated[Decimal, Field(ge=0, decimal_places=2)]
Money = Annotated[Decimal, Field(ge=0)]


# --- prices --------------------------------------------------------------------------------------


class PriceValue(Strict):
    effective_from: dt.date
    kind: PriceKind
    amount: Cents | None = Field(default=None, description="Cena vai griesti EUR par vienību")
    min: Cents | None = None
    max: Cents | None = None
    source: SafeText
    status: PriceStatus
    effective_from_status: PriceStatus = Field(
        default=PriceStatus.confirmed,
        description="jāprecizē: avota datums nav noskaidrots, effective_from ir programmas sākums (audit40 F9)")
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> PriceValue:
        if self.kind is PriceKind.ceiling and self.status is PriceStatus.confirmed and self.amount is None:
            raise ValueError("apstiprinātai cenai vajag summu (amount)")
        if self.kind is PriceKind.reference and self.min is not None and self.max is not None:
            if self.max < self.min:
                raise ValueError("max ir mazāks par min")
        return self

    def known(self) -> bool:
        return self.amount is not None

    @property
    def placeholder_zero(self) -> bool:
        """A 0 the catalogue keeps so that calculations run while nobody knows the figure (D106)."""
        return self.amount is not None and self.amount == 0 and self.status is PriceStatus.to_verify


class PriceScope(Strict):
    """The catalogue items a price parameter caps: the items of these forms in services with these price regimes
    (e.g. the group-session ceiling: group items of market-price services, L1695)."""

    forms: list[Form] = Field(min_length=1, description="Pakalpojuma formas (individual, group), uz kurām attiecas")
    regimes: list[Regime] = Field(min_length=1, description="Pakalpojumu cenu režīmi, uz kuriem attiecas")
    source: SafeText

    def covers(self, service: Service, form: Form) -> bool:
        return form in self.forms and service.regime in self.regimes


class Price(Strict):
    """The dated price history of one service item or price parameter."""

    id: str
    service: str | None = Field(default=None, description="Pakalpojuma kods; tukšs cenu parametram")
    applies_to: PriceScope | None = Field(
        default=None, description="Cenu parametram (bez service): kurām kataloga pozīcijām tas attiecas")
    name_lv: SafeText
    unit: str
    regime: Regime
    values: list[PriceValue] = Field(min_length=1)

    @field_validator("values")
    @classmethod
    def _dates_ordered(cls, values: list) -> list:
        return _check_dates(values)

    def at(self, day: dt.date) -> PriceValue | None:
        current = None
        for value in self.values:
            if value.effective_from <= day:
                current = value
        return current


# --- programme parameters --------------------------------------------------------------------------


class Dated(Strict, Generic[T]):
    effective_from: dt.date
    value: T
    source: SafeText
    status: PriceStatus = PriceStatus.confirmed


class Parameter(Strict, Generic[T]):
    name_lv: SafeText
    unit: str | None = None
    values: list[Dated[T]] = Field(min_length=1)

    @field_validator("values")
    @classmethod
    def _dates_ordered(cls, values: list) -> list:
        return _check_dates(values)

    def at(self, day: dt.date) -> Dated[T]:
        current = None
        for value in self.values:
            if value.effective_from <= day:
                current = value
        if current is None:
            raise LookupError(f"parametrs „{self.name_lv}” nav spēkā {day:%d.%m.%Y}")
        return current


class Quotas(Strict):
    per_municipality: int = Field(ge=1)
    per_age_group: dict[str, int]
    impairment_share: dict[Impairment, Decimal]

    @field_validator("impairment_share")
    @classmethod
    def _shares_sum(cls, shares: dict[Impairment, Decimal]) -> dict[Impairment, Decimal]:
        if sum(shares.values()) != Decimal(1):
            raise ValueError("traucējumu veidu daļu summai jābūt 1")
        return shares


Share = Annotated[Decimal, Field(ge=0, le=1)]


class Programme(Strict):
    """Every rule parameter of the model, each a dated series (DECISIONS.md, ib-calculation.md)."""

    period_months_max: Parameter[Annotated[int, Field(ge=1, le=12)]]
    first_period_months: Parameter[Annotated[int, Field(ge=1, le=12)]]
    base_amount: Parameter[Money]
    rate_full: Parameter[Share]
    rate_reduced: Parameter[Share]
    full_rate_max_age: Parameter[Annotated[int, Field(ge=0, le=17)]]
    eligibility_age_limit: Parameter[Annotated[int, Field(ge=1, le=18)]]
    transport_share_max: Parameter[Share]
    expert_weight: Parameter[Share]
    parent_weight: Parameter[Share]
    redistribution_key: Parameter[Literal["needed", "gap"]]
    social_worker_children: Parameter[Annotated[int, Field(ge=1)]]
    indirect_cost_rate: Parameter[Share]
    monthly_report_day: Parameter[Annotated[int, Field(ge=1, le=28)]]
    quarterly_report_day: Parameter[Annotated[int, Field(ge=1, le=31)]]
    application_forward_working_days: Parameter[Annotated[int, Field(ge=1)]]
    decision_working_days: Parameter[Annotated[int, Field(ge=1)]]
    contract_term_months: Parameter[Annotated[int, Field(ge=1)]]
    selection_quotas: Parameter[Quotas]
    # D340: the highest plausible money typed into the matrix – B, F and the other sources, and a 6.8 unit price; a
    # larger value is an invalid input (a pasted 1e12, 31000000 for 3100), counted by the matrix, refused by the tools
    input_amount_max: Parameter[Money]
    unit_price_max: Parameter[Money]
    # D370: the plausible highest provider's price a unit of each kind the catalogue's prices use (PLAUSIBLE_PRICE_FIELDS);
    # above it, on a line whose item has no ceiling figure, the matrix warns (price_implausible): a typo ×100
    plausible_price_reize: Parameter[Money]
    plausible_price_stunda: Parameter[Money]
    plausible_price_darba_diena: Parameter[Money]
    plausible_price_diennakts: Parameter[Money]
    plausible_price_kurss: Parameter[Money]


# D370: the unit id (enums.yaml units) -> its Programme field of the plausible highest price; the euro at actual cost
# has none (its price is 1,00 EUR, D70), nor has a unit no price uses (tests/catalogue: every price's unit has one)
PLAUSIBLE_PRICE_FIELDS = {
    "reize": "plausible_price_reize",
    "stunda": "plausible_price_stunda",
    "darba-diena": "plausible_price_darba_diena",
    "diennakts": "plausible_price_diennakts",
    "kurss": "plausible_price_kurss",
}


# --- municipalities --------------------------------------------------------------------------------


class Pilot(StrEnum):
    children = "bērni"
    adults = "pieaugušie"


class Gender(StrEnum):
    """Grammatical gender (dzimte) of an institution's name: verbs and participles agree with it."""

    masculine = "vīriešu"
    feminine = "sieviešu"


class NameForms(Strict):
    """Case forms of an institution's name, so that templates never inflect a name themselves
    ("Valmieras sociālā dienesta vadītājam", "apstrīdēt Valmieras pilsētas pašvaldībā")."""

    genitive: SafeText  # ģenitīvs: kā?
    dative: SafeText  # datīvs: kam?
    locative: SafeText  # lokatīvs: kur?
    gender: Gender


class AppealBody(NameForms):
    """The institution where a municipality's social service decisions are contested (Administratīvā procesa
    likums, 76. panta otrā daļa), e.g. an administrative disputes commission, with its case forms. Not given
    (null): the municipality itself (D42)."""

    name: SafeText  # nominatīvs: kas?


class Requisites(Strict):
    """An institution's requisites for document headers; null where not yet known (printed as a blank)."""

    registration_number: str | None = Field(default=None, pattern=r"^[0-9]{11}$")
    address: SafeText | None = None
    phone: str | None = Field(default=None, pattern=r"^\+?[0-9][0-9 ]{6,}[0-9]$")
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")


class InstitutionRequisites(Strict):
    municipality: Requisites = Requisites()
    social_service: Requisites = Requisites()


class DataProtection(Strict):
    """What the personal data paragraph names besides the controller (D73): the data protection officer's
    contact and where the privacy notice is; null where not yet known (`jāprecizē`: printed as a blank with a
    note saying where the value comes from). Written only from the municipality's own published information."""

    officer_email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$",
                                      description="Datu aizsardzības speciālista e-pasts; null – jāprecizē")
    privacy_notice: SafeText | None = Field(default=None, description="Kur publicēts privātuma paziņojums "
                                            "(tīmekļa adrese); null – jāprecizē")


class Municipality(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name_lv: SafeText
    # the name where a column is narrow (the ministry's summary sheets): the administrative territory, "Bauskas
    # novads" or the city "Jelgava"; name_lv wherever a document is signed (D179). Unique (ibm check).
    short_name_lv: SafeText = Field(description="Īss nosaukums šaurām kolonnām (ministrijas kopsavilkums), piem. "
                                                "„Bauskas novads”, „Jelgava”; parakstāmos dokumentos – name_lv (D179)")
    region: SafeText
    social_service: SafeText
    address: SafeText
    # Case forms of name_lv and social_service. Optional only so that catalogue versions written before
    # they existed still load (ibm changes); `ibm check` warns when they are missing.
    name_forms: NameForms | None = None
    social_service_forms: NameForms | None = None
    requisites: InstitutionRequisites = InstitutionRequisites()
    data_protection: DataProtection = DataProtection()
    appeal_body: AppealBody | None = Field(default=None, description="Kur apstrīd sociālā dienesta lēmumus; "
                                           "null – lēmumos tukša vieta ar piezīmi (D200)")
    # The programmes whose rounds include this municipality; derived from rounds.yaml by the
    # loader (Catalogue.attach_rounds), never written in municipalities.yaml.
    _pilots: list[Pilot] = PrivateAttr(default_factory=list)

    @property
    def pilots(self) -> list[Pilot]:
        return list(self._pilots)


class PilotInfo(Strict):
    """The first round of a programme in the shape the renderers used before rounds existed
    (built from rounds.yaml, see Catalogue.attach_rounds)."""

    id: Pilot
    name_lv: SafeText
    start: dt.date
    end: dt.date
    services_start: dt.date | None = None
    services_end: dt.date | None = None
    participants: int | None = None
    note: str | None = None


class Municipalities(Strict):
    municipalities: list[Municipality]
    # The first round of each programme (derived from rounds.yaml by the loader).
    _pilots: list[PilotInfo] = PrivateAttr(default_factory=list)

    @property
    def pilots(self) -> list[PilotInfo]:
        return list(self._pilots)


# --- programme rounds --------------------------------------------------------------------------------


class Envelope(Strict):
    """The money of a round for SBS services, where known (D7: the envelope of stage 3)."""

    amount: Cents | None = Field(default=None, description="EUR; tukšs, ja nav zināms")
    status: PriceStatus
    source: SafeText

    @model_validator(mode="after")
    def _consistent(self) -> Envelope:
        if self.status is PriceStatus.confirmed and self.amount is None:
            raise ValueError("apstiprinātam finansējumam vajag summu (amount)")
        return self


class SelectionRules(Strict):
    """The round's own selection rules that its papers print (D124): the criterion on the child's prior needs
    assessment (04, 08, 17, and its negation in letter 18), the registration rule that decides between equal
    applications (04), what the ministry weighs when it selects (letter 29) and the rules behind the group-session
    ceiling (02/03 price annex). Confirmed only from the ministry's rules for that round; a round whose rules are
    `jāprecizē` gets blanks and a note, never another round's text."""

    status: PriceStatus
    source: SafeText
    criterion_met: SafeText | None = Field(default=None, description="kritērija rinda: bērns tam atbilst")
    criterion_unmet: SafeText | None = Field(default=None, description="kritērijs, kuram bērns neatbilst (18)")
    tie_break: SafeText | None = Field(default=None, description="kā izšķir vienādus iesniegumus (04)")
    ministry_selection: SafeText | None = Field(default=None, description="ko ministrija ievēro atlasē (29)")
    group_price_basis: SafeText | None = Field(default=None, description="grupu nodarbību cenas avots (02/03)")

    @model_validator(mode="after")
    def _complete(self) -> SelectionRules:
        if self.status is PriceStatus.confirmed:
            missing = [name for name in ("criterion_met", "criterion_unmet", "tie_break", "ministry_selection",
                                         "group_price_basis") if getattr(self, name) is None]
            if missing:
                raise ValueError(f"apstiprinātiem atlases noteikumiem vajag tekstu laukos: {', '.join(missing)}")
        return self


class RoundProject(Strict):
    """The project a round runs under (both pilots: the ESF project 9.2.2.2./16/I/001, L2248): its number marks
    every paper's header and supporting document. Printed only when confirmed; otherwise a blank with a note."""

    number: SafeText | None = Field(default=None, description="projekta numurs; tukšs, ja nav zināms")
    name_lv: SafeText | None = Field(default=None, description="projekta nosaukums; tukšs, ja nav zināms")
    status: PriceStatus
    source: SafeText

    @model_validator(mode="after")
    def _consistent(self) -> RoundProject:
        if self.status is PriceStatus.confirmed and (self.number is None or self.name_lv is None):
            raise ValueError("apstiprinātam kārtas projektam vajag gan numuru (number), gan nosaukumu (name_lv)")
        return self


class ApplicationDeadline(Strict):
    """The last day for applications to the round, as the ministry set it (F9): printed only when confirmed."""

    date: dt.date | None = Field(default=None, description="tukšs, ja nav zināms")
    status: PriceStatus
    source: SafeText

    @model_validator(mode="after")
    def _consistent(self) -> ApplicationDeadline:
        if self.status is PriceStatus.confirmed and self.date is None:
            raise ValueError("apstiprinātam iesniegšanas termiņam vajag datumu (date)")
        return self


PROCEDURE_FIELDS = ("ministry_team", "registration_to_minute", "forward_working_days", "esf_questionnaire",
                    "ftp_server", "transport_share", "methodology_rules", "reserve_list", "advance_payment",
                    "child_reallocation")


class RoundProcedures(Strict):
    """How the round is run, where its papers state it as fact (D135): the pilot's procedures (methodology) hold
    for a later round only when the ministry's rules for it say so. Each flag says whether the procedure applies;
    the papers print a procedure only when the block is confirmed and its flag is true, otherwise a blank with a
    note, or the clause is left out (an ESF questionnaire with no ESF project)."""

    status: PriceStatus
    source: SafeText
    ministry_team: bool | None = Field(
        default=None, description="LM projekta komanda atlasa dalībniekus (2. posms), saņem iesniegumus un ziņas")
    registration_to_minute: bool | None = Field(
        default=None, description="iesniegumu iesniegšanas laiku reģistrē līdz minūtei")
    forward_working_days: bool | None = Field(
        default=None, description="iesniegumus nosūta programme.yaml application_forward_working_days darba dienās")
    esf_questionnaire: bool | None = Field(default=None, description="kārtā aizpilda ESF projekta dalībnieka anketu (21)")
    ftp_server: bool | None = Field(default=None, description="skenētās kopijas glabā projekta serverī (metodikā – FTP serveris)")
    transport_share: bool | None = Field(
        default=None, description="kārtā piemēro transporta daļas ierobežojumu (programme.yaml transport_share_max)")
    methodology_rules: bool | None = Field(
        default=None, description="kārtas noteikumi ir izmēģinājumprojekta (IBM) metodika")
    reserve_list: bool | None = Field(
        default=None, description="neatlasītie bērni paliek rezervē un saņem dalības piedāvājumu, ja atlasītais atsakās")
    advance_payment: bool | None = Field(
        default=None, description="pašvaldībai kārtas pirmajā mēnesī ieskaita avansu pakalpojumu apmaksai")
    child_reallocation: bool | None = Field(
        default=None, description="LM komanda pārdala bērnu skaitu starp pašvaldībām, ja kādā tas samazinās")

    @model_validator(mode="after")
    def _consistent(self) -> RoundProcedures:
        given = [name for name in PROCEDURE_FIELDS if getattr(self, name) is not None]
        if self.status is PriceStatus.confirmed:
            missing = [name for name in PROCEDURE_FIELDS if name not in given]
            if missing:
                raise ValueError("apstiprinātām kārtas procedūrām katrai vajag vērtību true vai false; trūkst: "
                                 + ", ".join(missing))
        elif given:
            raise ValueError("kārtas procedūras ar statusu „jāprecizē” nedrīkst norādīt kā spēkā esošas vai ne "
                             f"(lauki: {', '.join(given)}); tās norāda tikai ar statusu „apstiprināts”")
        return self


class Round(Strict):
    """A programme round (kārta): a dated run of the children's or adults' programme (D21).

    The services window is cut into reporting periods of ``reporting_period_months`` months from
    its start, the last one cut at its end (L1073–L1075); they are derived, never written.
    """

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    programme: Pilot
    name_lv: SafeText
    start: dt.date
    end: dt.date
    services_start: dt.date
    services_end: dt.date
    reporting_period_months: int = Field(ge=1, le=12)
    municipalities: list[str] = Field(min_length=1)
    envelope: Envelope
    # the round's selection rules and application deadline (D124); absent: `jāprecizē`, printed as blanks
    selection: SelectionRules | None = None
    application_deadline: ApplicationDeadline | None = None
    # the project the round runs under (audit18 F11); absent: `jāprecizē`, printed as a blank with a note
    project: RoundProject | None = None
    # the pilot's procedures that hold for the round (D135); absent: `jāprecizē`, none is printed as fact
    procedures: RoundProcedures | None = None
    participants: int | None = Field(default=None, ge=0)
    source: SafeText
    note: str | None = None

    @model_validator(mode="after")
    def _dates(self) -> Round:
        """Every independent date mistake of the entry at once, each at its own field's line with what was
        expected (D309; before, only the first one, at the entry's first line)."""
        found = round_date_mistakes(self)
        if found:
            first, *rest = found
            first.also = rest
            raise first
        return self


def round_date_mistakes(entry: Round) -> list[EntryError]:
    """The date mistakes of a round entry (D309). A field that is None – an entry read past an error of its own,
    e.g. a missing field (partial_rounds.py, D311) – skips only the checks that need it."""
    start, end, services_start, services_end = entry.start, entry.end, entry.services_start, entry.services_end
    found: list[EntryError] = []
    if start is not None and end is not None and end < start:
        found.append(EntryError(f"kārta beidzas ({end:%d.%m.%Y}) pirms sākuma ({start:%d.%m.%Y})",
                                ("end",), f"end ne agrāk par start {start:%d.%m.%Y}"))
    if services_start is not None and services_end is not None and services_end < services_start:
        found.append(EntryError(
            f"pakalpojumu saņemšanas beigas ({services_end:%d.%m.%Y}) ir pirms sākuma "
            f"({services_start:%d.%m.%Y})", ("services_end",),
            f"services_end ne agrāk par services_start {services_start:%d.%m.%Y}"))
    if start is not None and end is not None:
        window = f"kārtas laikā {start:%d.%m.%Y}–{end:%d.%m.%Y} (start–end)"
        after_start, before_end = window, window
    else:
        after_start = f"ne agrāk par kārtas sākumu {start:%d.%m.%Y} (start)" if start is not None else ""
        before_end = f"ne vēlāk par kārtas beigām {end:%d.%m.%Y} (end)" if end is not None else ""
    if services_start is not None and start is not None and services_start < start:
        found.append(EntryError(f"pakalpojumu saņemšanas sākums {services_start:%d.%m.%Y} ir pirms kārtas "
                                f"sākuma {start:%d.%m.%Y}", ("services_start",), f"services_start {after_start}"))
    if services_end is not None and end is not None and services_end > end:
        found.append(EntryError(f"pakalpojumu saņemšanas beigas {services_end:%d.%m.%Y} ir pēc kārtas beigām "
                                f"{end:%d.%m.%Y}", ("services_end",), f"services_end {before_end}"))
    deadline = entry.application_deadline.date if entry.application_deadline else None
    if deadline is not None and services_start is not None and deadline >= services_start:  # D131: the selection comes before services
        when = ("ir pakalpojumu saņemšanas sākuma dienā" if deadline == services_start
                else "ir pēc pakalpojumu saņemšanas sākuma")
        found.append(EntryError(f"iesniegšanas termiņš ({deadline:%d.%m.%Y}) {when} "
                                f"({services_start:%d.%m.%Y})", ("application_deadline", "date"),
                                "termiņš pirms pakalpojumu saņemšanas sākuma, D131"))
    return found


class Rounds(Strict):
    rounds: list[Round] = Field(min_length=1)


# --- public holidays ------------------------------------------------------------------------------------


class Holiday(Strict):
    date: dt.date
    name_lv: SafeText


class HolidayYear(Strict):
    """The public holidays of one calendar year, each a dated entry (days off that the law moves to
    the next working day are listed as their own entries)."""

    year: int = Field(ge=2000, le=2100)
    days: list[Holiday] = Field(min_length=1)

    @model_validator(mode="after")
    def _in_year(self) -> HolidayYear:
        dates = [d.date for d in self.days]
        wrong = [d for d in dates if d.year != self.year]
        if wrong:
            raise ValueError(f"datums {wrong[0]:%d.%m.%Y} nav {self.year}. gadā")
        if len(set(dates)) != len(dates):
            raise ValueError("viens datums norādīts divreiz")
        if dates != sorted(dates):
            raise ValueError("datumiem jābūt augošā secībā")
        return self


def easter_sunday(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday of ``year`` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday) // 433
    month = (h + weekday - 7 * m + 90) // 25
    return dt.date(year, month, (h + weekday - 7 * m + 33 * month + 19) % 32)


class RecurringHoliday(Strict):
    """A holiday the law names for every year: on a fixed day („23.06”) or a number of days from Easter Sunday (-2
    Lielā Piektdiena, 1 Otrās Lieldienas)."""

    day: str | None = Field(default=None, pattern=r"^(0[1-9]|[12][0-9]|3[01])\.(0[1-9]|1[0-2])$",
                            description="Diena un mēnesis DD.MM, piem. 23.06")
    easter: int | None = Field(default=None, ge=-60, le=60, description="Dienas no Lieldienām (Lielā Piektdiena: -2)")
    name_lv: SafeText

    @field_validator("day")
    @classmethod
    def _a_day_of_every_year(cls, day: str | None) -> str | None:
        """A day that every year has: „31.04” is no day at all, „29.02” only a leap year's."""
        if day is None:
            return day
        from generator.lvformat import MONTHS_IN, agree

        number, month = int(day[:2]), int(day[3:])
        days = calendar.monthrange(2001, month)[1]  # a common year: the days every year has
        if (month, number) == (2, 29):
            raise ValueError("„29.02” ir tikai garajos gados, bet šī diena jāatkārto katru gadu (gaidīts: diena, kas "
                             "ir katrā gadā)")
        if number > days:
            raise ValueError(f"„{day}” – tāda datuma nav ({MONTHS_IN[month - 1]} ir {days} "
                             f"{agree(days, 'diena', 'dienas')})")
        return day

    @model_validator(mode="after")
    def _one_rule(self) -> RecurringHoliday:
        if (self.day is None) == (self.easter is None):
            raise ValueError("jānorāda viens no laukiem: day (DD.MM) vai easter (dienas no Lieldienām)")
        return self

    def date_in(self, year: int) -> dt.date:
        if self.easter is not None:
            return easter_sunday(year) + dt.timedelta(days=self.easter)
        assert self.day is not None
        return dt.date(year, int(self.day[3:]), int(self.day[:2]))


class Holidays(Strict):
    """Latvian public holidays (svētku dienas) by year, with their legal source: working days for
    the day-care and workshop limit exclude them (D11, L1712). ``recurring``: the holidays the law names for every
    year – each listed year must hold them (a year listed with only some of them would count too many working days)."""

    source: SafeText
    recurring: list[RecurringHoliday] = Field(default_factory=list)
    years: list[HolidayYear] = Field(min_length=1)

    @field_validator("years")
    @classmethod
    def _years_ordered(cls, years: list[HolidayYear]) -> list[HolidayYear]:
        numbers = [y.year for y in years]
        if len(set(numbers)) != len(numbers) or numbers != sorted(numbers):
            raise ValueError("gadiem jābūt augošā secībā, katram vienreiz")
        return years

    @model_validator(mode="after")
    def _recurring_in_every_year(self) -> Holidays:
        for i, year in enumerate(self.years):
            listed = {d.date for d in year.days}
            missing = [r for r in self.recurring if r.date_in(year.year) not in listed]
            if missing:
                named = "; ".join(f"{r.date_in(year.year):%d.%m.%Y} {r.name_lv}" for r in missing)
                raise EntryError(f"{year.year}. gadā nav svētku dienu, ko likums nosaka katram gadam: {named}",
                                 ("years", i, "year"), "katra gada sarakstā visas saraksta „recurring” dienas – "
                                 "pēc tām skaita darba dienas dienas aprūpei un darbnīcām")
        return self
