"""Template data of one child: the ``child`` context the document templates fill their fields from.

Every amount is the reference's recomputation (reading.py), formatted with generator.lvformat. A
price that is the catalogue's prefilled price with the status "jāprecizē" is not a confirmed figure:
it and every sum that contains it are shown as a blank to fill with a note where the figure comes from.
A counted line without a price (empty or 0,00) is a blank the same way, never a figure of zero.
The same holds for the base amount B when the matrix leaves Bazes_Apmers empty and the catalogue's base is
"jāprecizē": P is a blank, and, unless the ministry has set F and N > P, so are A and everything funded from it
(whether N <= P, i.e. whether A is N or P or F, is unknown while B is; an F typed while N <= P on the provisional
P does not decide it, as the confirmed B may make N > P). An unconfirmed price leaves N unknown, but only the
figures it can change are blanks (D294, reference/open_prices.py): A is a figure when the confirmed lines alone
already make N > P (a price is never below 0) or F is set and N > P, and from the first unconfirmed line on in
priority order a line's IB share is a blank unless what is left of A there cannot buy it anything (then 0). An other source of 6.5 the matrix gives nothing
is used for 0,00 EUR whatever B and the prices are: a figure, never a blank (audit28 F5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from generator import lvformat
from generator.catalogue.catalogue import Catalogue, Offer
from generator.documents.context import recipient_names
from generator.documents.from_matrix.base_notes import base_blank_note, base_footnote, base_preparer_note
from generator.documents.from_matrix.confirmed_warnings import papers_offers
from generator.documents.from_matrix.contract_term import covering_from, later_plans_words
from generator.documents.from_matrix.frequency import frequency
from generator.documents.from_matrix.funded import funded_units, spread
from generator.documents.from_matrix.month_labels import month_labels as plan_month_labels
from generator.documents.from_matrix.own_service import own_kind, own_names
from generator.documents.from_matrix.price_notes import price_note
from generator.documents.from_matrix.reading import MatrixReading
from generator.documents.from_matrix.reading import plan_round as round_of_plan
from generator.documents.from_matrix.refusal import Refusal, refusal
from generator.documents.from_matrix.void_note import void_months_note, void_note
from generator.documents.round_rules import PILOT_KIND, kind_context
from generator.documents.terms import BLANK_DATE, certainly_first_plan, plan_round
from generator.reference.lines import ACTUAL_COST_PRICE
from generator.reference.open_prices import known_figures, needed_exceeds, open_price
from generator.reference.params import ministry_base
from generator.reference.plan import final_applies
from generator.reference.plan_changes import (
    PRINTED_PARAMETER,
    base_confirmed_again,
    base_confirmed_since,
    base_withdrawn_by,
    base_withdrawn_since,
    confirmed_parameters,
)
from generator.reference.rounds import plan_end
from generator.reference.workbook import void_lines
from generator.workbook.texts import IF_OVER_WORDS, NOT_APPLIED_WORDS

BLANK = "______"
SHORT_TABLE = 3  # service rows of a provider's table that stay on one page with its total (Provider.short_table)
TRANSPORT_FINDING = "transport_share"  # the reference's finding: transport above its share of A (rules.py, D9, D371)
# Beside F (the ministry's final amount) where it does not decide A: N <= P makes A = N (L1077, L1385).
FINAL_NOT_APPLIED = NOT_APPLIED_WORDS  # the matrix's own words
# F while the ministry has not set it, as every signed paper prints it (the parent contract's 4.5 table, its annex 2
# and the grant decision alike): words, never an empty amount cell that could be filled in after signing (lawyertrial2 F1)
FINAL_NOT_SET = "nav noteikts"
FINAL_IF_OVER = IF_OVER_WORDS  # while B or a price is unconfirmed (D53); the calculator says it too
EUR_UNIT = f"{lvformat.NBSP}EUR"  # the unit after a figure (amount); a column header may name it instead
BLANK_EUR = f"{BLANK}{EUR_UNIT}"
# the amounts of the „IB apmērs” table (ChildContext.ib_table)
IB_TABLE = ("provisional", "needed", "final_shown", "available", "ib_funded", "benefits_used", "services_used",
            "other_used", "total")
# D313: a plan line without a price (empty or 0,00) has no provider's price – the matrix's error „nav sniedzēja cenas” –
# not the catalogue's unconfirmed price the ministry confirms: the papers' note (price_notes) and checklist say that


def amount(value: Decimal | None, confirmed: bool = True, unit: bool = True) -> str:
    """A money figure, or the blank to fill when it rests on an unconfirmed price. ``unit`` False: the figure alone
    ('1 234,56', '______'), for a column whose header already names the unit („Summa no IB, EUR”)."""
    if value is None:
        return ""
    if not unit:
        return lvformat.number(value) if confirmed else BLANK
    return lvformat.eur(value) if confirmed else BLANK_EUR


def price(value: Decimal, confirmed: bool = True, unit: bool = True) -> str:
    """A unit price with the decimals it was entered with (at least 2, at most 4): 6.637 -> '6,637 EUR'; a blank
    "______ EUR" while unconfirmed. ``unit`` False: the figure alone ('6,637', '______'), for a column whose header
    already names the unit („Cena par vienību, EUR” in 01's annex 2, 02, 03 and 05)."""
    suffix = EUR_UNIT if unit else ""
    if not confirmed:
        return f"{BLANK}{suffix}"
    exponent = value.normalize().as_tuple().exponent
    places = min(max(-exponent if isinstance(exponent, int) else 2, 2), 4)
    return f"{lvformat.number(value, places)}{suffix}"


def quantity(value: Decimal) -> str:
    """Units without trailing zeros: 12 -> '12', 2.5 -> '2,5'."""
    if value == value.to_integral_value():
        return lvformat.number(value, 0)
    places = min(max(-value.normalize().as_tuple().exponent, 1), 4)  # type: ignore[operator]
    return lvformat.number(value, places)




@dataclass(frozen=True)
class BaseDocument:
    """Where the catalogue's confirmed B comes from, as the papers print it: the source of its confirming entry (the
    ministry's document, from catalogue/) and the day from which that entry holds (DD.MM.YYYY)."""

    source: str
    since: str


def base_document(catalogue: Catalogue, params_day: dt.date, day: dt.date | None) -> BaseDocument | None:
    """The catalogue's entry that makes the matrix's B confirmed on the papers' ``day`` (default: today): the one in
    force from base_confirmed_since – the matrix's own when confirmed on its day, else the later entry of the same
    amount that confirms it (D296, D301) –, None while B is not so confirmed."""
    since = base_confirmed_since(catalogue, params_day, day or dt.date.today())
    if since is None:
        return None
    entry = catalogue.programme.base_amount.at(since)
    return BaseDocument(str(entry.source), lvformat.date(entry.effective_from))


@dataclass
class Line:
    # the plan row's number in 6.3, as the matrix, the console and parskats.txt name it: a line left out of the papers
    # (no service or 0 units) leaves its number unused, and parskats.txt names such a line with a service (audit33b F10)
    number: int
    label: str
    area: int
    unit: str
    recipient: str
    provider: str
    units: str
    price: str
    cost: str
    ib: str
    priority: int | None
    expert_rank: int | None
    parent_rank: int | None
    confirmed: bool
    ib_confirmed: bool  # the IB-funded EUR does not depend on an unconfirmed price
    months: list[tuple[str, str]]  # (units, EUR) per period month
    ib_value: Decimal = Decimal(0)  # the reference's IB-funded EUR of the line (6.4)
    ib_units: str = ""  # the units that EUR pays for at the line's price (blank when unknown)
    ib_months: list[str] = field(default_factory=list)  # those units per period month (funded.py; 02, 03)
    to_parent: bool = False  # the catalogue's payee is the parent: repaid on expense documents (01 §5)
    transport: bool = False  # the catalogue's service is transport: the parent reports trips on 15/16 (audit38 F3)
    own: str = ""  # the provider is the case's own social service or municipality (own_service.py; D50)
    typed_frequency: str = ""  # 6.3's „Biežums, ilgums, termiņš” as the social worker typed it (annex 1, audit27 F8)
    frequency: str = ""  # the IB-funded units a month ("2 reizes mēnesī", "pēc grafika"; frequency.py; 02, 03)
    # D70: the unit is the euro at actual cost and the price its 1,00 EUR, so the units are an amount: the papers
    # print that amount as a ceiling on the actual costs ("līdz 120,40 EUR"), never as units × 1,00 EUR
    actual_cost: bool = False
    void: bool = False  # its units or price is an invalid input (D332): no sum, priority or IB share
    void_place: str = ""  # that input's cell (reading.void_places, D374): „6.8. tabula, I28 „…”, pakalpojums „…””
    ib_months_eur: list[str] = field(default_factory=list)  # an actual-cost line's IB-funded EUR per month (02, 03)
    ib_month_eur: str = ""  # those EUR when every month has the same (else "": by schedule)
    offer_id: str = ""  # the 6.8 item (e.g. "3.1.1g"): the rows of the 02/03 price annex it needs (figures.PriceList)
    # the line has a price (not empty, not 0,00): an unconfirmed line without one is not the catalogue's price but the
    # matrix's „nav sniedzēja cenas” (D313), and the papers say so (unconfirmed_note, signing.own_ceiling)
    priced: bool = True
    # the unit price, the sum and the IB share without their unit, under a header that names it („Cena par vienību,
    # EUR”, „Summa, EUR”, „No IB, EUR” in 01's annex 2, 02, 03, 05 and 15): „25,00”, a blank „______” while
    # unconfirmed – the same figures as ``price``, ``cost`` and ``ib``
    price_figure: str = ""
    cost_figure: str = ""
    ib_figure: str = ""

    @property
    def funded(self) -> bool:
        """Whether the line gets IB money, or may once its figure is confirmed (02/03 list it)."""
        return self.ib_value > 0 or not self.ib_confirmed


@dataclass
class Provider:
    name: str  # "" when the matrix names none
    number: int  # 1-based, in the order the plan (6.3) first names it; the nameless group last (D126)
    lines: list[Line]
    cost: str
    ib: str
    confirmed: bool
    rest: str = ""  # the provider's cost not paid from the IB
    partial: bool = False  # part of its plan cost is not (or may not be) paid from the IB
    funded: bool = True  # some of its lines get (or may get, once a figure is confirmed) IB funding
    own: str = ""  # own_service.SOCIAL_SERVICE or MUNICIPALITY: the case's own institution, no 02/03 (D50)
    # some line's IB share is a blank (an unconfirmed price or B can change it): no 02/03 until it is known (D72, D294)
    pending: bool = False
    ib_figure: str = ""  # ``ib`` without its unit, the total row under 02's and 03's „Summa no IB, EUR”

    @property
    def short_table(self) -> bool:
        """At most SHORT_TABLE services the IB funds: 02 and 03 keep their tables of them (and the total row) whole
        on one page, never a first row alone at a page's foot (audit28 F6); a longer table breaks, its header
        repeated."""
        return sum(1 for line in self.lines if line.funded) <= SHORT_TABLE

    @property
    def file_part(self) -> str:
        """What 02 and 03 add to their file names: the provider's number, never its name, which for a
        self-employed person is a person's name (D126)."""
        return str(self.number)


@dataclass
class ChildContext:
    code: str
    name: str
    personal_code: str
    birth: str
    parent_name: str
    social_worker: str
    start: str
    end: str
    period: str
    months: int
    month_labels: list[str]
    age: int
    special_care: bool
    rate: str
    full_rate: bool
    provisional: str
    needed: str
    available: str
    final: str
    final_note: str  # whether F applies: "" (no F, or F applies: N > P), else FINAL_NOT_APPLIED or FINAL_IF_OVER
    total: str
    ib_funded: str
    benefits: str
    services: str
    other: str
    benefits_used: str
    services_used: str
    other_used: str
    needed_over_provisional: bool
    confirmed: bool  # every price of the plan is confirmed
    unconfirmed_note: str  # the blank prices' note under the IB table: to fill in by hand (price_notes)
    waiting_price_note: str  # the same on a paper marked not signable: the figures come when made again (D355)
    choice_note: str  # under 05's table: its blank unit prices, which lines and where the figure comes from (D355)
    base_confirmed: bool  # P does not rest on an unconfirmed base amount
    base_note: str
    base_amount: Decimal | None  # the ministry's base amount written in the matrix (6.11), else None
    lines: list[Line]
    providers: list[Provider]
    goals: list[tuple[str, str]]
    not_eligible: str | None
    identification: str  # the pseudonymous code when a key is set, else "" (a blank to fill)
    errors: list[str] = field(default_factory=list)
    check_date: str = BLANK_DATE  # the first day of the plan's reporting period (D1), or a blank when unknown
    round_end: str = BLANK_DATE  # the last day of the plan's round: the child is not of age by then (D110)
    # the round in words, genitive: "izmēģinājumprojekta kārtas" for the pilot, "kārtas" for a later round (D129)
    round_gen: str = PILOT_KIND["karta"]["gen"]
    refusal: Refusal | None = None  # the decision to refuse: its reason and addressee (not eligible only)
    start_day: dt.date | None = None  # the plan's first day: the price annexes of 02/03 print its prices
    round_id: str | None = None  # the round whose reporting period holds the plan: the papers follow it (D113)
    round_end_day: dt.date | None = None  # the plan's round's last day (round_end as a date), None without a round
    # the plan can only be the child's first in its round (D151: it starts within the round's first reporting period)
    first_in_round: bool = False
    # the plan may be the child's next one in its round (D151: a round is known and the plan is not certainly its
    # first): 08 says both cases, and the new plan's annexes to an existing contract are made beside 01 (D315)
    maybe_next: bool = False
    # 6.1's fields no amount depends on (D317): "" – the file has no such name or the cell is empty, the blank stays
    parent_code: str = ""  # the parent's personal code (01 clause 1.2, 07 page 1)
    worker_contacts: str = ""  # the social worker's phone and e-mail (01 clause 1.4)
    case_opened: str = ""  # the day the case was opened, DD.MM.YYYY (07 „Lieta uzsākta”)
    # The other sources (6.5) the plan uses for what the IB does not pay, by name; empty: none (02, 03 say the
    # rest is not financed, never that the parent pays it).
    plan_sources: list[str] = field(default_factory=list)
    # on the matrix's figures (an open price or an unconfirmed B may still change them: short_known says whether not)
    final_pending: bool = False  # N > P and the ministry has not yet set F: F may still fund more of the plan
    final_short: bool = False  # N > P and the ministry's F is below N: F funds only part of the plan for good
    # N > A whatever the open prices and B are (the confirmed figures alone prove it): the papers state it as a fact;
    # short_maybe: not proven, but an open price or B may make it so – they state it as a condition (D297)
    short_known: bool = False
    short_maybe: bool = False
    ib_on_base: bool = False  # A and every IB share rest on an unconfirmed B: no 02/03 until B is confirmed (D72)
    # A – the amount 01 and 08 grant – is a figure: not resting on an unconfirmed B (ib_on_base) or on a price an
    # unconfirmed or missing price can change (D294); while it is a blank they are not signable (signing.not_signable)
    available_known: bool = True
    # The reference's transport share of A is above the catalogue's limit (D9): the 2. pielikums states the share
    # (a blank while A or a transport line's IB share is one) and the social worker's written justification,
    # the matrix's Transporta_Pamatojums as typed ("" when there is none: only a draft is made then; D9).
    transport_over: bool = False
    transport_share: str = ""
    # the IB-funded transport share of A whenever the plan funds transport from IB ("" when none): where the round
    # does not confirm a limit (D287) the preparer compares it with the contract's §5.4 as written in
    transport_planned: str = ""
    transport_reason: str = ""
    # the B the papers print as a figure (4.1 of 01 and 08): the ministry's B of 6.11, else the catalogue's B when
    # it is confirmed on the matrix's parameters day or its entry in force on the papers' day confirms the matrix's
    # at the same number (papers_offers, D296, D301); None: no confirmed B, a blank with its note
    printed_base: Decimal | None = None
    # B unconfirmed on the papers' day, but the catalogue already confirms the matrix's B at the same number from this
    # later day: papers made on it or after print the figure (D301) – VISPIRMS says to make them again then
    base_confirmed_from: dt.date | None = None
    # B was confirmed (on the matrix's day or later) and is „jāprecizē” again at the same amount from this day by the
    # papers' day (D302): VISPIRMS says so – the worker waits for the ministry's new confirmation, types nothing
    base_withdrawn_from: dt.date | None = None
    # B confirmed once and „jāprecizē” again at the same amount from this day, on or before the matrix's prices day
    # (D342): VISPIRMS says so as `ibm collect` does – not as a B never confirmed, to be typed into 6.11
    base_withdrawn_by: dt.date | None = None
    # the catalogue's entry that confirms the printed_base the papers print without a B typed in 6.11 (its source, the
    # ministry's document as the catalogue names it, and its first day): the grant decision (08) names it where it
    # names a typed B's document, so that 4.1's figure rests on a document there too (D101, D303); None otherwise
    base_document: BaseDocument | None = None
    # a possible next plan (maybe_next): the first signing day from which the contract already signed in the round
    # still holds on the plan's last day, when one signed earlier in the round ends before it (contract_term.py, D323);
    # None: every contract of the round holds it, or unknown
    contract_cover_from: dt.date | None = None
    # a blank B (not base_confirmed): its footnote in 01 §4.1 and 08 §3.2, agreeing with base_note, and the preparer's
    # note beside base_note with the toolkit's part – the catalogue, the matrix's 6.11 (base_notes.py, D327)
    base_footnote: str = ""
    base_preparer: str = ""
    # a certainly first plan (first_in_round): which later reporting periods' plans a contract signed for it can take
    # as annexes, by its signing day (contract_term.later_plans_words, D327); "" when every contract holds them all
    later_cover: str = ""
    # D374: a void line's blanks explained (void_note.py), a numbered note at N's blank in 01's annex 2 and in 08; ""
    # without a void line
    void_note: str = ""
    void_months_note: str = ""  # and its month sums' blanks, at the first void line's in 01's annex 3

    @property
    def ib_short(self) -> bool:
        """N > A: the IB pays only part of the plan, for now (no F yet) or for good (F < N); the parent contract
        and the grant decision say that the rest is not financed from the IB (audit12 F2, D101)."""
        return self.final_pending or self.final_short

    @property
    def round_limits_term(self) -> bool:
        """Whether the round's end may come before the plan's end, so that the provider contract's term adds "but
        not past the round's end" (audit18 F15): always without a round or a plan start (nothing to compare)."""
        if self.round_end_day is None or self.start_day is None:
            return True
        return self.round_end_day < plan_end(self.start_day, self.months)

    @property
    def end_day(self) -> dt.date | None:
        """The plan's last day, not past its round's end: the end of the term whose every price the provider papers'
        annex lists (D218). None without a plan start."""
        if self.start_day is None:
            return None
        end = plan_end(self.start_day, self.months)
        return min(end, self.round_end_day) if self.round_end_day is not None else end

    @property
    def contract_cover_text(self) -> str:
        """contract_cover_from as DD.MM.YYYY ("" when None): the annexes' preparer note names it."""
        return lvformat.date(self.contract_cover_from) if self.contract_cover_from is not None else ""

    @property
    def months_word(self) -> str:
        """The noun after the plan's month count: '1 mēnesis', '6 mēneši'."""
        return lvformat.agree(self.months, "mēnesis", "mēneši")

    @property
    def final_shown(self) -> str:
        """F as the signed papers print it: the ministry's figure, or FINAL_NOT_SET while it has set none."""
        return self.final or FINAL_NOT_SET

    @property
    def ib_table(self) -> dict[str, str]:
        """The cells of the „IB apmērs” table (plans.apmeri: 01's annex 2 and 08) under its header „Summa, EUR”: each
        amount as the papers print it, without the unit the header names („2 170,00”, a blank „______”, „nav
        noteikts”), as every other „…, EUR” column (fix45g)."""
        return {name: getattr(self, name).removesuffix(EUR_UNIT) for name in IB_TABLE}

    @property
    def ib_funded_open(self) -> bool:
        """A is a figure but the IB-funded sum is a blank: the IB pays whole units down the priority list, so how much
        of A is spent rests on an open price – the blank is not A (D294, D359; the table's note says so)."""
        return self.available_known and not self.not_eligible and self.ib_funded == BLANK_EUR

    @property
    def final_applies(self) -> bool:
        """The ministry has set F and it decides A, or may once the prices are confirmed (not N <= P): the grant
        decision names the ministry's document that set it (audit10 F8, D101)."""
        return bool(self.final) and self.final_note != FINAL_NOT_APPLIED

    @property
    def first_void(self) -> str:
        """The first void line's label: annex 3's note on its month sums is numbered at its row's first blank."""
        return next((line.label for line in self.lines if line.void), "")

    @property
    def by_priority(self) -> list[Line]:
        """The lines in the order of the signed matrix sheet 6.5 (row k holds the line of priority k; D15),
        lines without a priority last in plan order: the contract's annex 2 lists them so."""
        return sorted(self.lines, key=lambda line: (line.priority is None, line.priority or 0, line.number))


def build(reading: MatrixReading, catalogue: Catalogue, *, pseudonymous: bool,
          day: dt.date | None = None) -> ChildContext:
    """``day`` (default: the system date) is the day the documents are made: a person of age on it gets the
    decision to refuse addressed to the parent who applied (refusal.py), and a value the matrix has as „jāprecizē”
    that the catalogue has confirmed at the same number by then is a confirmed figure in them (D291)."""
    data, outcome = reading.data, reading.outcome
    assert data is not None and outcome is not None
    inputs = data.inputs
    base_since, offers, _ = papers_offers(catalogue, data.params_day, day)
    units = {u.id: u.name_lv for u in catalogue.enums.units}
    recipients = recipient_names(catalogue)
    month_labels = plan_month_labels(inputs.period_start, inputs.months)
    plan = outcome.plan
    base_value = catalogue.programme.base_amount.at(data.params_day)
    # B's status on the papers' day (D296, D301): one confirmed on the matrix's day stays so until a withdrawal at the
    # same number, one „jāprecizē” on it is confirmed by a later entry of the same number (confirmed_by)
    catalogue_confirmed = base_since
    # the catalogue's unconfirmed B copied into 6.11 is no B of the ministry's: the papers are those of an empty B
    # (blanks, the note, no provider papers), as the printed matrix (h_BazeProviz) and the collection (D257)
    base = ministry_base(inputs.base, Decimal(base_value.value), catalogue_confirmed)
    # `ibm matrix` prefills 6.11 with the catalogue's confirmed B: that figure is the catalogue's, not one the worker
    # copied from a letter of the ministry's for this plan, so 08 names the catalogue's document as for an empty cell
    # (D303, D323); another B typed there keeps its own document's blank (D257)
    if base is not None and catalogue_confirmed and base == Decimal(base_value.value):
        base = None
    base_confirmed = base is not None or catalogue_confirmed
    confirmed_from = None if base_confirmed else confirmed_parameters(catalogue, data.params_day).get(PRINTED_PARAMETER)
    if confirmed_from is not None and confirmed_from <= (day or dt.date.today()):
        confirmed_from = None  # in force on the papers' day but not confirming it any more (withdrawn, D296)
    # B confirmed once (on the matrix's day or later) and „jāprecizē” again at the same amount on the papers' day
    # (D302): VISPIRMS says so and when (if the catalogue knows it) it stands confirmed again
    withdrawn_from = None if base_confirmed else base_withdrawn_since(catalogue, data.params_day,
                                                                       day or dt.date.today())
    if withdrawn_from is not None:
        confirmed_from = base_confirmed_again(catalogue, data.params_day, day or dt.date.today())
    withdrawn_by = None if base_confirmed or withdrawn_from is not None else base_withdrawn_by(catalogue,
                                                                                               data.params_day)
    # A is P when N > P and the ministry has set no F: then A and all that is funded from it rest on B too.
    # Whether N <= P is unknown while B is unconfirmed: unless F is set and N > P, A and all funded from it are
    # blanks (the matrix's 6.5 decides it alike: workbook/sheets/calculation.py A_ON_BASE).
    over = outcome.needed > outcome.provisional
    f_applies = final_applies(outcome.needed, outcome.provisional, inputs.final)
    a_on_base = not base_confirmed and not f_applies
    lines: list[Line] = []
    sources: dict[str, str] = {}
    unpriced: dict[str, str] = {}  # the open lines without a price (D313): not the catalogue's unconfirmed price
    # What the unconfirmed prices cannot change (D294): A, and each line's IB share down the priority list.
    open_lines = [i for i, ln in enumerate(inputs.lines)
                  if ln.counted and open_price(ln, offers.get(ln.offer_id or ""))]
    known = known_figures(inputs.lines, plan, open_lines, outcome.provisional, inputs.final)
    # D332: a line whose units or price is an invalid input has no sum, priority or IB share in the matrix; a draft
    # shows it with blanks, and its provider's share waits for the corrected matrix as for an open price
    void = void_lines(inputs.lines, reading.params) if reading.params is not None else frozenset()
    # D366: N leaves such a line out, so N, A, the IB-funded sum, the used sources, K and the transport share are
    # those of a smaller plan: blanks, as the matrix's 6.5 prints them (annex.BLANK_WHEN), not the reduced figures
    whole_plan = not void
    for i, line in enumerate(inputs.lines):
        if not line.counted:
            continue
        offer = offers.get(line.offer_id or "")
        confirmed = not open_price(line, offer)
        priced = bool(line.unit_price)
        if not confirmed:
            (sources if priced else unpriced)[line.label] = offer.label if offer is not None else line.label
        monthly = outcome.monthly_amounts[i] or ()
        # a void line's month sums are blanks too (D374): the reference's 0,00 is that of the emptied line, not its sum
        months = [(quantity(line.month_value("planned_units", k + 1)),
                   amount(monthly[k] if k < len(monthly) else Decimal(0), confirmed and i not in void))
                  for k in range(inputs.months)]
        lp = plan.lines[i]
        position = lp.priority.position if lp.priority and i not in void else None
        ib_confirmed = not a_on_base and known.lines[i] and i not in void
        paid_units = funded_units(lp.ib, lp.cost, line.units, line.unit_price) if ib_confirmed else None
        planned = [line.month_value("planned_units", k + 1) for k in range(inputs.months)]
        ib_months = ([quantity(u) for u in spread(paid_units, planned)] if paid_units is not None
                     else [BLANK] * inputs.months)
        # an actual-cost line at another price is an error (D70): only a draft shows it, as units and price
        actual_cost = line.actual_cost and line.unit_price == ACTUAL_COST_PRICE
        euro_months = ([amount(u * ACTUAL_COST_PRICE) for u in spread(paid_units, planned)]
                       if actual_cost and paid_units is not None else [BLANK_EUR] * inputs.months)
        lines.append(Line(
            number=i + 1, label=line.label, area=line.area,
            unit=units.get(offer.service.unit, offer.service.unit) if offer else "",
            recipient=recipient(line.recipient, offer, recipients),
            provider=reading.providers.get(line.label, ""), units=quantity(line.units),
            price=price(line.unit_price, confirmed), price_figure=price(line.unit_price, confirmed, unit=False),
            cost=amount(lp.cost, confirmed and i not in void),
            cost_figure=amount(lp.cost, confirmed and i not in void, unit=False),
            ib=amount(lp.ib, ib_confirmed), ib_figure=amount(lp.ib, ib_confirmed, unit=False),
            priority=position, expert_rank=line.expert_rank, parent_rank=line.parent_rank, confirmed=confirmed,
            ib_confirmed=ib_confirmed, months=months, ib_value=lp.ib,
            ib_units=quantity(paid_units) if paid_units is not None else BLANK, ib_months=ib_months,
            to_parent=line.repaid_to_parent, transport=bool(offer and offer.service.transport),
            typed_frequency=reading.typed_frequency[i] if i < len(reading.typed_frequency) else "",
            frequency=frequency(offer.service.unit if offer else "", ib_months, BLANK,
                                part_month=inputs.period_start.day > 1),
            actual_cost=actual_cost, ib_months_eur=euro_months if actual_cost else [],
            # a sum "mēnesī" only for whole months, as the frequency (a part first month: the monthly table)
            ib_month_eur=(euro_months[0] if actual_cost and BLANK_EUR not in euro_months
                          and len(set(euro_months)) == 1 and paid_units and inputs.period_start.day == 1 else ""),
            offer_id=line.offer_id or "", priced=priced, void=i in void, void_place=reading.void_places.get(i, ""),
        ))
    confirmed = all(line.confirmed for line in lines)
    ib_known = known.ib_funded and not a_on_base and whole_plan  # the IB-funded sum: every line's share is a figure
    # A is N (N <= P) or P (N > P, no F): a figure when P is and no open price can change it (the confirmed lines
    # alone make N > P, D294). The ministry's F, when N > P, makes A a figure whatever B and the prices are.
    available_confirmed = ((known.available and base_confirmed) or f_applies) and whole_plan
    # N > P is sure when the confirmed lines alone exceed P
    sure_over = base_confirmed and whole_plan and needed_exceeds(inputs.lines, open_lines, outcome.provisional)
    # N > A, the IB paying only part of the plan, is a fact only when A is a figure and the confirmed lines alone
    # exceed it; nothing is left to say when N and A are figures and N <= A; otherwise it is a condition (D297)
    short_known = available_confirmed and needed_exceeds(inputs.lines, open_lines, outcome.available)
    final_note = ""
    if inputs.final is not None and not over:  # A = N (L1077): F applies only where N > P
        final_note = FINAL_NOT_APPLIED if available_confirmed else FINAL_IF_OVER
    fin = plan.financing
    transport_over = any(f.code == TRANSPORT_FINDING for f in outcome.findings)
    # the share is the transport lines' IB share over A: a figure only when A and those shares are figures
    counted = [line for line in inputs.lines if line.counted]  # the plan lines of ``lines``, in order
    transport_known = available_confirmed and all(
        line.ib_confirmed for line, source in zip(lines, counted, strict=True) if source.transport)
    entry = round_of_plan(catalogue, inputs.period_start)  # one lookup (D113)
    round_end = entry.end if entry is not None else None
    round_id = entry.id if entry is not None else None
    round_gen = kind_context(plan_round(catalogue, round_id) if round_id else None)["karta"]["gen"]
    providers = _providers(lines, inputs, plan, own_names(catalogue, data.municipality))
    # D313: no price typed is the matrix's „nav sniedzēja cenas”, not a price the ministry confirms; a paper marked not
    # signable gets the figures only when made again (D355), 05 prints the unit price alone
    period = f"{lvformat.date(inputs.period_start)}–{lvformat.date(plan_end(inputs.period_start, inputs.months))}"
    note = price_note(sorted(sources.values()), sorted(unpriced.values()), period=period)
    waiting_note = price_note(sorted(sources.values()), sorted(unpriced.values()), period=period, waiting=True)
    shown = [line for line in lines if not line.confirmed and not line.actual_cost]  # 05's blank „______” cells
    choice_note = price_note([line.label for line in shown if line.priced], [line.label for line in shown
                                                                             if not line.priced], period=period,
                             sums=False)
    base_note = "" if base_confirmed else base_blank_note(withdrawn_from, confirmed_from)
    maybe_next = (round_id is not None and plan_round(catalogue, round_id) is not None
                  and not certainly_first_plan(catalogue, round_id, inputs.period_start))
    last_day = plan_end(inputs.period_start, inputs.months)
    cover_from = covering_from(catalogue, round_id, min(last_day, round_end) if round_end else last_day,
                               data.params_day) if maybe_next else None
    first_in_round = certainly_first_plan(catalogue, round_id, inputs.period_start)
    later_cover = later_plans_words(catalogue, round_id, min(last_day, round_end) if round_end else last_day,
                                    data.params_day, round_gen) if first_in_round else ""
    return ChildContext(
        code=reading.code, name=data.full_name, personal_code=data.personal_code,
        birth=lvformat.date(inputs.birth_date), parent_name=reading.parent_name,
        social_worker=reading.social_worker, parent_code=reading.case.parent_code,
        worker_contacts=reading.case.worker_contacts, case_opened=reading.case.case_opened, start=lvformat.date(inputs.period_start),
        end=lvformat.date(plan_end(inputs.period_start, inputs.months)),
        period=period,
        months=inputs.months, month_labels=month_labels, age=outcome.age, special_care=inputs.special_care,
        rate=lvformat.percent(outcome.rate), full_rate=outcome.rate == 1,
        provisional=amount(outcome.provisional, base_confirmed), needed=amount(outcome.needed, confirmed and whole_plan),
        available=amount(outcome.available, available_confirmed),
        final=amount(inputs.final) if inputs.final is not None else "", final_note=final_note,
        total=amount(outcome.total, ib_known and known.total(inputs.benefits, inputs.services, inputs.other)),
        ib_funded=amount(plan.ib_funded, ib_known),
        # what each other source could give the plan (6.5): printed only when there is something to give
        benefits=amount(inputs.benefits or None), services=amount(inputs.services or None),
        other=amount(inputs.other or None),
        # a source the matrix gives nothing (6.5: 0 or empty) is used for nothing, whatever B and the prices are:
        # its 0,00 EUR is a figure; only what A leaves to a source with an amount rests on them (audit28 F5)
        benefits_used=amount(fin.benefits, (ib_known or not inputs.benefits) and known.source_used(inputs.benefits)),
        services_used=amount(fin.services, (ib_known or not inputs.services) and known.source_used(inputs.services)),
        other_used=amount(fin.other, (ib_known or not inputs.other) and known.source_used(inputs.other)),
        needed_over_provisional=over and ((confirmed and base_confirmed and whole_plan) or sure_over),
        confirmed=confirmed, unconfirmed_note=note, waiting_price_note=waiting_note,
        choice_note=choice_note, base_confirmed=base_confirmed, base_note=base_note, base_amount=base,
        base_footnote="" if base_confirmed else base_footnote(withdrawn_from, confirmed_from),
        base_preparer="" if base_confirmed else base_preparer_note(withdrawn_from, confirmed_from),
        printed_base=base if base is not None or not catalogue_confirmed else Decimal(base_value.value),
        base_confirmed_from=confirmed_from, base_withdrawn_from=withdrawn_from, base_withdrawn_by=withdrawn_by,
        base_document=base_document(catalogue, data.params_day, day) if base is None and catalogue_confirmed else None,
        lines=lines, providers=providers, goals=reading.goals,
        not_eligible=reading.not_eligible, identification=reading.code if pseudonymous else "",
        errors=list(reading.errors), start_day=inputs.period_start,
        plan_sources=_plan_sources(inputs, fin, ib_known and known.needed), final_pending=over and inputs.final is None,
        final_short=over and inputs.final is not None and inputs.final < outcome.needed,
        short_known=short_known, short_maybe=not short_known and not (confirmed and available_confirmed),
        ib_on_base=a_on_base, available_known=available_confirmed,
        transport_over=transport_over,
        transport_share=(lvformat.percent(outcome.transport_share, 1) if transport_over and transport_known
                         else f"{BLANK}{lvformat.NBSP}%" if transport_over else ""),
        transport_reason=(inputs.transport_override or "").strip() if transport_over else "",
        transport_planned=("" if not outcome.transport_share else lvformat.percent(outcome.transport_share, 1)
                           if transport_known else f"{BLANK}{lvformat.NBSP}%"),
        check_date=lvformat.date(outcome.check_date) if outcome.check_date else BLANK_DATE,
        round_end=lvformat.date(round_end) if round_end else BLANK_DATE,
        round_id=round_id, round_end_day=round_end, round_gen=round_gen,
        first_in_round=first_in_round, later_cover=later_cover, void_note=void_note([ln for ln in lines if ln.void]),
        void_months_note=void_months_note([ln for ln in lines if ln.void]),
        maybe_next=maybe_next, contract_cover_from=cover_from,
        refusal=(refusal(inputs.birth_date, outcome.check_date,
                         int(catalogue.programme.eligibility_age_limit.at(data.params_day).value),
                         day or dt.date.today(), round_end, round_gen) if reading.not_eligible else None),
    )


SOURCE_NAMES = (("benefits", "valsts un pašvaldības pabalsti"),
                ("services", "valsts un pašvaldības nodrošinātie pakalpojumi"),
                ("other", "citi finanšu avoti"))


def _plan_sources(inputs, fin, sums_confirmed: bool) -> list[str]:  # noqa: ANN001
    """The sources of 6.5 the plan finances part of N from (a source it may use, while the sums are blanks)."""
    return [name for attr, name in SOURCE_NAMES
            if getattr(inputs, attr) > 0 and (getattr(fin, attr) > 0 or not sums_confirmed)]


def recipient(chosen: str | None, offer: Offer | None, names: dict[str, str]) -> str:
    """Who receives a line's service: the recipient the matrix names (6.3), else the catalogue's recipient of
    the service; a blank only for a line whose service the catalogue does not know."""
    kind = chosen or (str(offer.service.recipient) if offer is not None else "")
    return names.get(kind, "") if kind else ""


def _providers(lines: list[Line], inputs, plan, own: dict[str, str]) -> list[Provider]:  # noqa: ANN001
    """One group per distinct provider name (in the order of first appearance, numbered so), lines without one last; the
    lines the catalogue repays to the parent (its service's payee, D29) belong to no provider. A provider whose
    name is one of ``own`` (the case's own social service or municipality, own_service.own_names) is marked so,
    and so are its lines: the Dienests makes no contract or guarantee letter with itself (D50)."""
    groups: dict[str, list[Line]] = {}
    for line in lines:
        if not line.to_parent:
            line.own = own_kind(line.provider, own)
            groups.setdefault(line.provider, []).append(line)
    order = [name for name in groups if name] + ([""] if "" in groups else [])
    costs = _counted_costs(inputs, plan)
    result: list[Provider] = []
    for number, name in enumerate(order, 1):
        group = groups[name]
        confirmed = all(line.confirmed and not line.void for line in group)
        cost = sum((costs[line.number][0] for line in group), Decimal(0))
        ib = sum((costs[line.number][1] for line in group), Decimal(0))
        ib_confirmed = all(line.ib_confirmed for line in group)
        ib_text = amount(ib, ib_confirmed)
        # No 02/03 for a provider none of whose lines gets IB money (a blank IB share may still get some).
        result.append(Provider(name, number, group, amount(cost, confirmed), ib_text, confirmed,
                               rest=amount(cost - ib, ib_confirmed),
                               partial=cost != ib or not ib_confirmed, funded=any(line.funded for line in group),
                               own=own_kind(name, own), pending=not ib_confirmed,
                               ib_figure=amount(ib, ib_confirmed, unit=False)))
    return result


def _counted_costs(inputs, plan) -> dict[int, tuple[Decimal, Decimal]]:  # noqa: ANN001
    """(cost, IB share) of each counted line by its number, the 6.3 row (Line.number)."""
    return {i + 1: (lp.cost, lp.ib) for i, (line, lp) in enumerate(zip(inputs.lines, plan.lines, strict=True))
            if line.counted}
