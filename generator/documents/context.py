"""Template data for one municipality: every number, date and name a document shows, from the catalogue.

Programme values are taken on ``catalogue.latest_date`` so that a build is reproducible, prices on the day the
documents are made for (shared_context); money, shares and dates are
already formatted the Latvian way (generator.lvformat), so templates never format numbers themselves.
A value the catalogue marks `jāprecizē` is a blank with a note (generator.documents.figures); the programme
round's dates are blanks once the round has ended on the build date (generator.documents.terms).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import (
    Municipality,
    Payee,
    Pilot,
    PilotInfo,
    PriceStatus,
    Requisites,
)
from generator.documents import figures, legal, party_names, round_rules, terms
from generator.documents.registry import form_reference
from generator.file_author import file_author
from generator.programme_scope import PROGRAMME_WORDS
from generator.reference.monthly import working_days

_MONEY = {"base_amount"}
_SHARES = {"rate_full", "rate_reduced", "transport_share_max", "indirect_cost_rate", "expert_weight",
           "parent_weight"}
_PLAIN = {"period_months_max", "first_period_months", "full_rate_max_age", "eligibility_age_limit",
          "social_worker_children", "monthly_report_day", "quarterly_report_day",
          "application_forward_working_days", "decision_working_days", "contract_term_months"}
# Where the confirmed value of an unconfirmed parameter comes from (printed next to its blank).
_WHERE_CONFIRMED = {
    "base_amount": "bāzes apmērs vēl nav apstiprināts; apstiprināto summu nosaka Labklājības ministrija "
                   f"(IB provizoriskā apmēra aprēķins, {form_reference(8, nested=True)}), un to ieraksta "
                   "tukšajā vietā",
}
_WHERE_CONFIRMED_DEFAULT = "vērtība vēl nav apstiprināta; apstiprināto vērtību nosaka Labklājības ministrija"


class Params(Mapping[str, figures.Figure]):
    """Programme parameters in force on one day, formatted for a Latvian reader.

    Each value is a Figure: the formatted value, or a blank and a note when the catalogue marks it
    `jāprecizē`. A name that is not a formatted parameter raises KeyError, which Jinja's StrictUndefined
    turns into a loud render failure instead of a silent blank.
    """

    def __init__(self, catalogue: Catalogue, day: dt.date, *, base: figures.Figure | None = None) -> None:
        """``base``: B as one child's papers print it (base_figure of the child's printed_base: the figure, or the
        blank and its note) – there the one notion of B for every place that prints it; without it (the
        municipality's papers) the catalogue's B on ``day``. A child's papers never fall back on the catalogue's B
        of their parameters day: it may be confirmed there and withdrawn by the papers' day (D296, D302)."""
        values: dict[str, figures.Figure] = {}
        for name in sorted(_MONEY | _SHARES | _PLAIN):
            dated = getattr(catalogue.programme, name).at(day)
            value = dated.value
            note = _WHERE_CONFIRMED.get(name, _WHERE_CONFIRMED_DEFAULT)
            if name in _MONEY:
                values[name] = figures.money(Decimal(value), dated.status, note)
            elif dated.status is not PriceStatus.confirmed:
                values[name] = figures.Figure(figures.BLANK, note)
            elif name in _SHARES:
                values[name] = figures.Figure(lvformat.percent(Decimal(value)))
            else:
                values[name] = figures.Figure(str(value))
        if base is not None:
            values["base_amount"] = base
        self._values = values

    def __getitem__(self, key: str) -> figures.Figure:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def base_figure(printed: Decimal | None, note: str = "") -> figures.Figure:
    """B as a child's papers print it (ChildContext.printed_base): the confirmed figure, or for None the blank and
    the note where the confirmed B comes from – ``note`` (the child's base_footnote: papers made again once B is
    confirmed, D327), else the blank form's note (written into the blank)."""
    return figures.money(printed, PriceStatus.confirmed, note or _WHERE_CONFIRMED["base_amount"])


def _pilot(catalogue: Catalogue) -> PilotInfo:
    for info in catalogue.municipalities.pilots:
        if info.id is Pilot.children:
            return info
    raise LookupError("katalogā (rounds.yaml) nav nevienas bērnu programmas kārtas")


def recipient_names(catalogue: Catalogue) -> dict[str, str]:
    """Recipient kind → how a document names it: the catalogue's word, except the parent, who is the defined
    term "Vecāks" in every document that names a recipient."""
    return {str(k): (str(v).capitalize() if str(k) == "parent" else str(v))
            for k, v in catalogue.enums.recipients.items()}


def _paid_recipients(catalogue: Catalogue) -> list[str]:
    """The names of the recipient kinds of the services the catalogue pays to a provider (its payee), in the order of
    the enums. A service repaid to the parent never gets a guarantee letter (D29), so its recipient kind is named only
    when a provider-paid one shares it."""
    paid = {s.recipient for s in catalogue.services if s.payee is Payee.provider}
    every = recipient_names(catalogue)
    return [name for kind, name in every.items() if kind in paid] or list(every.values())


def recipient_kinds(catalogue: Catalogue) -> str:
    """The guarantee letter's column header's recipient kinds: "bērns, Vecāks vai ģimene" (_paid_recipients)."""
    names = _paid_recipients(catalogue)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " vai " + names[-1]


def recipient_family(catalogue: Catalogue) -> str:
    """The family's name when the guarantee letter's column „Saņēmējs” names it, else "": the letter defines it as the
    child together with the parent (D337)."""
    family = recipient_names(catalogue).get("family", "")
    return family if family in _paid_recipients(catalogue) else ""


def shared_context(catalogue: Catalogue, build_date: dt.date | None = None,
                   prices_on: dt.date | None = None, municipality: str | None = None,
                   round_id: str | None = None, prices_until: dt.date | None = None) -> dict[str, Any]:
    """What every document of every municipality shares. ``build_date`` (default: today) decides which
    programme-round dates have ended and are printed as blanks. The price list a document attaches holds the
    prices valid on ``prices_on``: a child's papers pass the plan's first day; otherwise the first day of the
    round's services when they have not begun yet, else the build day (terms.prices_day). The documents' date
    (metadata) is the build day. With ``municipality`` (an id) the round is one that lists it (D113), and the
    documents name that round and print its periods. ``round_id`` (a child's papers: the round whose reporting
    period holds the plan) names the round instead; its dates and rules are still blanks once it has ended.
    ``prices_until`` (a child's papers: the plan's last day) ends the term whose every price the annex lists (D218);
    otherwise the term ends with the round, or without a running round a contract's term after the prices day."""
    day = catalogue.latest_date
    build_date = build_date or dt.date.today()
    programme_round = (terms.plan_round(catalogue, round_id) if round_id is not None
                       else terms.current_round(catalogue, build_date, municipality))
    # the round whose dates are printed names the programme (audit14 F2); without one, the first round
    pilot_name = programme_round.name if programme_round is not None else _pilot(catalogue).name_lv
    # a round that has ended on the build day (or no round) is not named either: its dates are blanks, and the
    # papers must not name an ended round while asking for a running round's dates (audit18 F19, D128)
    named = terms.term_end(programme_round, build_date) is not None
    prices_day = prices_on or terms.prices_day(programme_round, build_date)
    prices_until = prices_until or terms.prices_until(catalogue, programme_round, build_date, prices_day)
    # the round's selection rules and application deadline, or blanks with notes (D124)
    rules = round_rules.rules_context(catalogue, programme_round, build_date)
    # the pilot's procedures that hold for the round (D135)
    procedures = round_rules.procedures_context(catalogue, programme_round, build_date)
    return {
        "version": catalogue.version,
        "created": build_date,
        "today": lvformat.date(day),
        "prices_day": lvformat.date(prices_day),
        "param": Params(catalogue, day),
        "pilot": {"name": pilot_name if named else figures.BLANK, "known": named},
        # the programme the papers are for and the other one, in words (not by an ended round's name, D128): the
        # round's blank is a children's round's name, never the adults' programme's (audit31e F3, D254)
        "programma": {"sis": PROGRAMME_WORDS[Pilot.children], "cita": PROGRAMME_WORDS[Pilot.adults]},
        "recipient_kinds": recipient_kinds(catalogue),
        # the family as a recipient kind the guarantee letter's column names, defined there (D337)
        "recipient_family": recipient_family(catalogue),
        "karta": {**terms.round_context(programme_round, build_date),
                  **first_plan_context(catalogue, programme_round if named else None)},
        # Legal citations (D42): confirmed text only for acts known in force on the document's day.
        "tiesibas": legal.citations(catalogue, terms.document_day(programme_round, build_date),
                                    provenance=procedures["methodology_rules"]),
        # never broken across lines, in every document that prints it (lawaudit 21)
        "project": round_rules.project_context(catalogue, programme_round, build_date),
        # an earlier (or the ended) round's project and selection rules, named in the preparer's lines (audit43 F4)
        "iepriekseja": round_rules.earlier_context(catalogue, programme_round, build_date),
        "areas": [{"number": a.number, "name": a.name_lv} for a in catalogue.enums.support_areas],
        "impairments": [i.name_lv for i in catalogue.enums.impairments],
        "atlase": rules,
        # the round's kind in words: the pilot's "izmēģinājumprojekta kārta" or a later "kārta" (D129)
        "veids": round_rules.kind_context(programme_round, build_date),
        # the pilot's procedures that hold for the round (D135): none stated as fact for a round without them
        "kartiba": procedures,
        "prices": round_rules.with_round_group_basis(catalogue, figures.regulated_prices(catalogue, prices_day, prices_until,
                                                                                               papers_day=build_date),
                                                     rules, prices_day, procedures["methodology_rules"]),
        "blank": figures.BLANK,
        "blank_date": terms.BLANK_DATE,
        "blank_eur": figures.BLANK_EUR,
        "month_working_days": longest_month_working_days(catalogue),
    }


def first_plan_context(catalogue: Catalogue, programme_round: terms.Round | None) -> dict[str, Any]:
    """The plan table's period rows and whether the pilot's first plan length applies (audit14 F7, D127) – the one
    place that decides both. ``programme_round``: the round the papers are made for, or None when there is none or
    it has ended on the build day: papers signed later state none of an ended round's specifics (D135, audit43 F1),
    so ``first`` is false and the rows are as many plan periods as a contract can hold (the catalogue's
    ``contract_term_months`` by ``period_months_max``), not the ended round's reporting periods."""
    if programme_round is not None:
        return {"periods": programme_round.periods, "first": programme_round.first}
    day = catalogue.latest_date
    term = int(catalogue.programme.contract_term_months.at(day).value)
    longest = int(catalogue.programme.period_months_max.at(day).value)
    return {"periods": -(-term // longest), "first": False}


def longest_month_working_days(catalogue: Catalogue) -> int:
    """The most working days a calendar month has (Monday–Friday without the public holidays of
    holidays.yaml) in the years the catalogue's holidays cover, or in a full 28-year weekday cycle when it
    has none: the rows a monthly form for a daily service needs (30, 31)."""
    years = sorted(catalogue.holiday_years) or range(2001, 2029)
    return max(working_days(year, month, catalogue.holiday_dates) for year in years for month in range(1, 13))


def _requisites(requisites: Requisites) -> dict[str, str | None]:
    return {"registration_number": requisites.registration_number, "address": requisites.address,
            "phone": requisites.phone, "email": requisites.email}


def appeal_body(municipality: Municipality) -> dict[str, Any]:
    """Where the social service's decisions are contested (D42): the body the catalogue names with its case
    forms, or else ``own`` – the catalogue names none, and the document prints a blank for the body with a note
    (the municipality as a whole names no institution; the dome or the body of its nolikums is the municipal
    lawyer's to name; audit41 F5, D200)."""
    body = municipality.appeal_body
    if body is None:
        return {"own": True, "blank": party_names.PARTY_BLANK}
    return {**party_names.forms_of(body.name, body), "own": False}


def municipality_context(catalogue: Catalogue, municipality: Municipality, day: dt.date) -> dict[str, Any]:
    """The municipality and its social service as a document dated ``day`` names them (party_names.py, D43):
    the confirmed names in force that day, or blanks in party positions and the defined terms in sentences."""
    pasvaldiba = party_names.institution(catalogue, municipality, "municipality", day)
    dienests = party_names.institution(catalogue, municipality, "social_service", day)
    in_sentences = {k: pasvaldiba[k] for k in party_names.SENTENCE_FORMS}
    return {
        "apstridesanas_iestade": appeal_body(municipality),
        "pasvaldiba": {
            "id": municipality.id,
            "name": pasvaldiba["party"]["nom"],
            "social_service": dienests["party"]["nom"],
            "address": municipality.address,
            "region": municipality.region,
            "forms": in_sentences,
            "party": pasvaldiba["party"],
            "confirmed": pasvaldiba["confirmed"],
            # an unconfirmed name's blank and labels: its first mention in a text defines the term (f.pasvaldiba)
            "blank": pasvaldiba.get("blank"),
            "labels": pasvaldiba.get("labels"),
            "requisites": _requisites(municipality.requisites.municipality),
        },
        "dienests": {
            **dienests,
            "requisites": _requisites(municipality.requisites.social_service),
        },
        # the personal data paragraph (D73): the controller's data protection officer and privacy notice
        "datu_aizsardziba": {"officer_email": municipality.data_protection.officer_email,
                             "privacy_notice": municipality.data_protection.privacy_notice},
        "names_note": party_names.names_note(pasvaldiba, dienests, day),
        "names_terms": party_names.names_terms(pasvaldiba, dienests),
        # the notes on requisites left blank: the letterhead's and the appeal clause's address (audit29 F3)
        "rekviziti": party_names.requisites_notes(_requisites(municipality.requisites.municipality),
                                                  _requisites(municipality.requisites.social_service)),
        "author": file_author(catalogue, municipality, day),  # the files' properties (D52)
    }
