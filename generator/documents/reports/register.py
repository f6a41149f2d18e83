"""The expense register's data (28.pielikums) and how it feeds the reference settlement.

A register is what a social worker types into the workbook: one row per supporting document, plus per
month the number of children, the money received from the ministry and whether the worker is employed on an
employment contract. ``settlement_inputs`` turns it into the reference implementation's SettlementMonth list;
every amount a report shows is then computed by generator.reference.settlement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot, PriceStatus, Round
from generator.documents.round_quota import round_children
from generator.documents.round_rules import LATER_KIND, PILOT_KIND
from generator.documents.terms import asked_round, current_round, term_end
from generator.reference.params import Params
from generator.reference.settlement import (
    BIP_INDIRECT,
    BIP_PAY,
    BIP_SBS,
    BIP_TRANSPORT,
    MonthParams,
    Settlement,
    SettlementMonth,
    settle,
)

# Positions a supporting document can carry; indirect costs (1.4) are a flat rate, computed, never entered.
ENTERED_BIPS = (BIP_PAY, BIP_TRANSPORT, BIP_SBS)
COMPUTED_BIPS = (BIP_INDIRECT,)
PAYMENT_ROUTES = (
    "līgums ar sniedzēju",
    "garantijas vēstule",
    "atmaksa vecākam",
    "cits (darba samaksa, avanss)",
)
# A refund or a cancelled invoice is entered as a negative amount of this document type, in the reporting
# month of the cost it corrects (a month's net sum per position never falls below zero).
# The list value is one short word that fits its column on paper (audit29 F8: the longer label wrapped over the
# next printed row); the register's heading says what it covers. A register filled with the earlier label is
# still read as a correction (is_correction and the workbook's checks, D155).
CORRECTION = "korekcija"
CORRECTION_EARLIER = "korekcija (atmaksa vai anulēts rēķins)"
CORRECTION_COVERS = "atmaksa vai anulēts rēķins"
DOCUMENT_TYPES = ("rēķins", "čeks", "kvīts", "bankas konta izraksts", "algas saraksts", "avansa atskaite",
                  "pieņemšanas-nodošanas akts", CORRECTION)


def bip_names(catalogue: Catalogue) -> dict[str, str]:
    """BIP code → name, from the catalogue's budget positions (26.pielikums)."""
    return {b.code: b.name_lv for b in catalogue.enums.budget_positions}


def bip_label(catalogue: Catalogue, code: str) -> str:
    """The text a register cell holds, e.g. "BIP 1.1 Sociālā darbinieka atlīdzība" (never a bare 1.1, which a
    spreadsheet would turn into a number or a date)."""
    return f"BIP {code} {bip_names(catalogue)[code]}"


def is_correction(doc_type: str) -> bool:
    """A register row's document type is a correction (a refund or a cancelled invoice), in either label."""
    return doc_type in (CORRECTION, CORRECTION_EARLIER)


@dataclass(frozen=True)
class RegisterRow:
    bip: str  # one of ENTERED_BIPS
    month: dt.date  # any day of the month the cost belongs to
    amount: Decimal
    child_code: str = ""
    service: str = ""  # an offer label (e.g. "3.1.2i Ergoterapeits, individuāli") for BIP 1.3
    units: Decimal | None = None
    route: str = ""
    doc_type: str = ""
    doc_number: str = ""
    doc_date: dt.date | None = None
    paid_on: dt.date | None = None
    payee: str = ""
    marked: bool = True  # project number, BIP and amount written on the document (L2247–L2249)

    def __post_init__(self) -> None:
        if self.bip not in ENTERED_BIPS:
            allowed = ", ".join(ENTERED_BIPS)
            raise ValueError(f"reģistra rinda: BIP „{self.bip}” (gaidīts viens no: {allowed})")
        if self.amount < 0 and not is_correction(self.doc_type):
            raise ValueError(f"reģistra rinda: negatīva summa {self.amount} (gaidīts: ≥ 0; negatīva summa "
                             f"atļauta tikai dokumenta veidam „{CORRECTION}”)")
        # a correction (a refund or a cancelled invoice) only lowers the costs (audit30 F1, D245)
        if is_correction(self.doc_type) and self.amount >= 0:
            raise ValueError(f"reģistra rinda: korekcijas summa {self.amount} (gaidīts: < 0 – dokumenta veidam "
                             f"„{CORRECTION}” summu raksta ar mīnusa zīmi)")
        if is_correction(self.doc_type) and self.units is not None and self.units > 0:
            raise ValueError(f"reģistra rinda: korekcijas daudzums {self.units} (gaidīts: 0 vai mazāks, vai tukšs – "
                             f"dokumenta veidam „{CORRECTION}” daudzumu raksta ar mīnusa zīmi)")


@dataclass(frozen=True)
class MonthInput:
    month: dt.date  # first day
    children: int | None  # None: not typed yet (a blank cell, counted as 0)
    receipts: Decimal = Decimal(0)
    employment_contract: bool | None = True  # None: not typed yet (a blank cell, counted as "Nē")


@dataclass(frozen=True)
class RegisterData:
    months: tuple[MonthInput, ...]
    rows: tuple[RegisterRow, ...] = ()
    opening_balance: Decimal = Decimal(0)
    extra: dict[str, object] = field(default_factory=dict)


def pilot_months(catalogue: Catalogue) -> list[dt.date]:
    """First days of every calendar month of the children's pilot (the first children's round, rounds.yaml)."""
    info = next(p for p in catalogue.municipalities.pilots if p.id is Pilot.children)
    return _months_between(info.start, info.end)


@dataclass(frozen=True)
class ReportPeriods:
    """The months a report template has rows (or columns) for, and whether it prints them.

    ``dated``: the months are those of the children's round still running on the build date and are
    printed with their due dates; otherwise the round has ended (or there is none), the rows are sized
    like the latest round and their month cells are blank inputs, so no template shows a passed date
    (documents/terms.py applies the same rule to contract terms). A round asked for on the command line
    (`ibm documents --round`/`--day`, D125) is dated even once it has ended: its templates are for its late reports."""

    months: tuple[dt.date, ...]
    dated: bool
    round_name: str = ""
    round_end: dt.date | None = None
    own: bool = False  # the round is one that lists the municipality (D113), not just the catalogue's last
    # the round was asked for (`ibm documents --round`/`--day`, D125): its months are printed even once it has
    # ended, and a note above them names it (round_note)
    asked: bool = False
    round_start: dt.date | None = None
    ended: bool = False  # the round had ended on the build date
    # the programme's first round (the pilot the methodology describes) or no round: the templates call it the
    # pilot ("izmēģinājumprojekts"); a later round is a "kārta" of the "programma" (pilot_words, audit19 F24)
    first: bool = True

    def words(self, kind: str) -> str:
        """The round-neutral word of ``kind`` (see PILOT_WORDS) for these months' round."""
        return (PILOT_WORDS if self.first else LATER_WORDS)[kind]


def _report_words(kind: dict, team_dat: str, team_acc: str) -> dict[str, str]:
    """How a report template names what its round belongs to – the papers' own words (round_rules, D129): "loc" –
    "… darbu izmēģinājumprojektā / programmā", "acc" – "informētas par izmēģinājumprojektu / programmu", "end" –
    "izmēģinājumprojekta / kārtas beigās"; "team_dat", "team_acc" – to whom reports are agreed and sent: the pilot's
    LM project team, in a later round the ministry (its team is a pilot procedure, D135)."""
    return {"loc": kind["projekts"]["loc"], "acc": kind["projekts"]["acc"], "end": f"{kind['posms']} beigās",
            "team_dat": team_dat, "team_acc": team_acc}


PILOT_WORDS = _report_words(PILOT_KIND, "LM projekta komandai", "LM projekta komandu")
LATER_WORDS = _report_words(LATER_KIND, "Labklājības ministrijai", "Labklājības ministriju")


def _months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    months = []
    day = start.replace(day=1)
    while day <= end:
        months.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return months


def report_periods(catalogue: Catalogue, build_date: dt.date | None = None,
                   municipality: str | None = None) -> ReportPeriods:
    """The report months for templates made on ``build_date`` (default: today); with ``municipality`` (an id)
    those of a round that lists it (D113)."""
    build_date = build_date or dt.date.today()
    programme_round = current_round(catalogue, build_date, municipality)
    if programme_round is None:
        start = build_date.replace(day=1)
        return ReportPeriods(tuple(_months_between(start, dt.date(start.year + 1, start.month, 1)
                                                   - dt.timedelta(days=1))), dated=False)
    months = tuple(_months_between(programme_round.start, programme_round.end))
    asked = asked_round() is not None
    ended = term_end(programme_round, build_date) is None
    return ReportPeriods(months, dated=asked or not ended, round_name=programme_round.name,
                         round_end=programme_round.end, own=municipality is not None, asked=asked,
                         round_start=programme_round.start, ended=ended, first=programme_round.first)


def round_procedures(catalogue: Catalogue, municipality: str, build_date: dt.date | None = None) -> dict[str, bool]:
    """Which of the pilot's procedures the municipality's round (the one its templates are made for on
    ``build_date``, default today) confirms (round_rules.procedures_context, D135): the reports state the project's
    server for the scans, or list the ESF questionnaire, only for such a round (audit30 F10)."""
    from generator.documents.round_rules import procedures_context

    return procedures_context(catalogue, current_round(catalogue, build_date or dt.date.today(), municipality))


def round_note(periods: ReportPeriods) -> str:
    """The note above the months of a template made for an asked round (D125): which round they belong to, and
    that an ended round's template is for its late or corrected reports."""
    ended = " Kārta jau beigusies: veidne paredzēta šīs kārtas novēlotiem vai labotiem pārskatiem." if periods.ended else ""
    return (f"Veidne izveidota bērnu programmas kārtai „{periods.round_name}” ({lvformat.date(periods.round_start)}–"
            f"{lvformat.date(periods.round_end)}) un tās pārskata mēnešiem.{ended}")


def periods_note(periods: ReportPeriods, blank: str = "Mēnešu ailes",
                 entry: str = "Pārskata mēnešus (jebkurš mēneša datums)") -> str:
    """The note a template with blank month (or year and quarter) cells carries: where the dates come from."""
    # the children's programme's round: the adults' round of the catalogue ends later (audit13 F8; D118)
    whose = "pašvaldības" if periods.own else "kataloga"
    ended = (f"{whose} pēdējā bērnu programmas kārta („{periods.round_name}”) beidzās "
             f"{lvformat.date(periods.round_end)}" if periods.round_end else "katalogā nav programmas kārtas")
    return (f"{blank} nav iepriekš aizpildītas, jo {ended}. {entry} ieraksta "
            "dzeltenajās ailēs pēc tās programmas kārtas, kurai pārskatu gatavo (LM apstiprinātais kārtas "
            "laiks); iesniegšanas termiņi aprēķinās no tiem.")


def planned_children(catalogue: Catalogue, periods: ReportPeriods | None = None) -> int | None:
    """Children planned per municipality for the months of ``periods`` (the selection quota), or None – a blank
    input – when the template's children count is not a confirmed plan of a running round:

    - the round has ended (also one asked for with `--round`, D125): its late or corrected reports carry the
      counts that were, never the plan (D37; audit21 F9);
    - the round's own selection rules are `jāprecizē`: the quota of programme.yaml is the pilot's, not a later
      round's plan (audit19 F36);
    - the quota in force on the round's first day did not take effect for this round – it was already in force on
      the previous children's round's first day, so it is an earlier round's plan (round_quota, D308) –, or it is
      `jāprecizē`.

    Without ``periods`` (the pilot's months) the quota in force on the catalogue's date."""
    if periods is not None:
        if periods.ended or not periods.dated:
            return None
        if periods.round_start is not None:
            own = periods_round(catalogue, periods)
            if own is None or own.selection is None or own.selection.status is not PriceStatus.confirmed:
                return None
            return round_children(catalogue, own)
    dated = catalogue.programme.selection_quotas.at(catalogue.latest_date)
    return dated.value.per_municipality if dated.status is PriceStatus.confirmed else None


def periods_round(catalogue: Catalogue, periods: ReportPeriods) -> Round | None:
    """The children's round whose months ``periods`` are (by its first day), or None without one."""
    if periods.round_start is None:
        return None
    return next((r for r in catalogue.rounds_of(Pilot.children) if r.start == periods.round_start), None)


def empty_register(catalogue: Catalogue, periods: ReportPeriods | None = None) -> RegisterData:
    """The template's starting state: every report month (default: the first round's) with the planned
    number of children and an employment contract. Where the children count is no confirmed plan of a running
    round (planned_children: the round has ended, or its quota is `jāprecizē`) the children and the contract are
    blank inputs, not another round's plan (D37)."""
    months = periods.months if periods is not None else pilot_months(catalogue)
    children = planned_children(catalogue, periods)
    if children is None:
        return RegisterData(months=tuple(MonthInput(m, None, employment_contract=None) for m in months))
    return RegisterData(months=tuple(MonthInput(m, children) for m in months))


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def settlement_inputs(data: RegisterData) -> list[SettlementMonth]:
    """The reference's monthly inputs: the register's entries summed per month and BIP position."""
    sums: dict[tuple[dt.date, str], Decimal] = {}
    known = {m.month for m in data.months}
    for number, row in enumerate(data.rows, 1):
        key = (_month_start(row.month), row.bip)
        if key[0] not in known:
            raise ValueError(f"reģistra {number}. rinda: mēnesis {row.month:%m.%Y} nav pārskata mēnešu sarakstā")
        sums[key] = sums.get(key, Decimal(0)) + row.amount
    for (month, bip), total in sorted(sums.items()):
        if total < 0:
            raise ValueError(f"reģistrs: {month:%m.%Y} BIP {bip} korekcijas ({total} EUR kopā) pārsniedz mēneša "
                             "izdevumus (gaidīts: korekciju ieraksta tā mēneša pārskatā, kurā bija labojamais "
                             "izdevums)")
    return [
        SettlementMonth(
            month=m.month,
            children=m.children or 0,
            sw_gross_pay=sums.get((m.month, BIP_PAY), Decimal(0)),
            sw_transport=sums.get((m.month, BIP_TRANSPORT), Decimal(0)),
            sbs_payments=sums.get((m.month, BIP_SBS), Decimal(0)),
            receipts=m.receipts,
            employment_contract=bool(m.employment_contract),
        )
        for m in data.months
    ]


def settlement(data: RegisterData, params: Params | MonthParams) -> Settlement:
    return settle(settlement_inputs(data), params, data.opening_balance)


def area_of_service(label: str) -> int | None:
    """Support area of an offer label ("3.1.2i …" -> 3); None when empty."""
    return int(label[0]) if label[:1].isdigit() else None


def months_sorted(months: Sequence[MonthInput]) -> list[MonthInput]:
    return sorted(months, key=lambda m: m.month)
