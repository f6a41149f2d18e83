"""Dates a document may print as a term: those of the programme round it is made for, never an ended one.

A contract runs one year from signing (L1026) but not past the end of its round. The round is the
children's programme round of rounds.yaml that has not ended on the build date (the earliest such), or
else the latest one, whose dates then become blanks: ``term_end`` is the only rule. A municipality's
documents choose only among the rounds that list it (D113): a round it takes no part in never lends it a
term, a name or a period.

`ibm documents --round`/`--day` (D125) choose the round instead: inside ``for_round(...)`` every municipality's
documents and report templates are made for that round (one that lists the municipality), the report months are
printed even when it has ended, and with ``--day`` the price lists hold that day's prices (a past day: the build
day's, D132).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.documents.legal import acts_in_force
from generator.reference.rounds import add_months

BLANK_DATE = "__.__.______"
# The one name of the ministry's document that sets a round (its dates, name, selection rules and procedures),
# by case – every paper, legal basis and note says these words, never "kārtas atlases noteikumi" or "lēmums par
# kārtu" beside them (audit45 F1, D202). Templates: the global `noteikumi`.
ROUND_RULES = {
    "nom": "Labklājības ministrijas noteikumi par kārtu",
    "gen": "Labklājības ministrijas noteikumu par kārtu",
    "dat": "Labklājības ministrijas noteikumiem par kārtu",
    "acc": "Labklājības ministrijas noteikumus par kārtu",
    "loc": "Labklājības ministrijas noteikumos par kārtu",
}
# The child a paper is made for, by case (the global `berns`): ``vards``, the plain word of a paper that defines no term
# for the child; ``termins``, the defined term „Bērns” of the parent contract („(turpmāk – Bērns)”, D337) and of its
# annexes – the same forms capitalised, never typed a second time (D341).
_CHILD_WORD = {"nom": "bērns", "gen": "bērna", "dat": "bērnam", "acc": "bērnu"}
CHILD = {"vards": _CHILD_WORD, "termins": {case: word.capitalize() for case, word in _CHILD_WORD.items()}}


@dataclass(frozen=True)
class Round:
    name: str
    start: dt.date
    end: dt.date
    # the first and last day of the services the IB pays in this round (rounds.yaml); default: the round's dates
    services_start: dt.date | None = None
    services_end: dt.date | None = None
    # how many reporting periods the round's services window holds, and whether it is the programme's first
    # round (the pilot the methodology describes, whose first plan is ``first_period_months`` long, L2148)
    periods: int = 2
    first: bool = True
    # the rounds.yaml id of the round (its selection rules and application deadline, D124)
    round_id: str | None = None

    @property
    def paid_from(self) -> dt.date:
        return self.services_start or self.start

    @property
    def paid_until(self) -> dt.date:
        return self.services_end or self.end


@dataclass(frozen=True)
class Choice:
    """The round asked for on the command line (`--round`, or the round whose services hold `--day`)."""

    round_id: str
    prices_day: dt.date | None = None  # `--day`: the price lists hold this day's prices (as `ibm matrix --day`)


_CHOICE: ContextVar[Choice | None] = ContextVar("documents_round_choice", default=None)


@contextmanager
def for_round(choice: Choice) -> Iterator[None]:
    """Make every document and report template rendered inside for ``choice``'s round (D125)."""
    token = _CHOICE.set(choice)
    try:
        yield
    finally:
        _CHOICE.reset(token)


def asked_round() -> Choice | None:
    """The round chosen on the command line, or None (the round is found from the build day, D113)."""
    return _CHOICE.get()


def current_round(catalogue: Catalogue, build_date: dt.date, municipality: str | None = None) -> Round | None:
    """The children's round documents are made for on ``build_date``, or None when the catalogue has none.
    With ``municipality`` (an id) only the rounds that list it count: a municipality outside every running
    round gets its own latest round (ended, so its dates are blanks), or None when it is in no round. Inside
    ``for_round(...)`` it is the chosen round (the command has checked that it lists the municipality)."""
    every = catalogue.rounds_of(Pilot.children)
    rounds = [r for r in every if municipality is None or municipality in r.municipalities]
    if (asked := _CHOICE.get()) is not None:
        rounds = [r for r in every if r.id == asked.round_id]
    if not rounds:
        return None
    running = [r for r in rounds if r.end >= build_date]
    return plan_round(catalogue, (running[0] if running else rounds[-1]).id)


def plan_round(catalogue: Catalogue, round_id: str) -> Round | None:
    """The children's round ``round_id`` (rounds.yaml), whichever day it is: a child's papers are made for the
    round whose reporting period holds the plan (D113), not the one running on the build day. None when the
    catalogue has no such children's round."""
    every = catalogue.rounds_of(Pilot.children)
    chosen = next((r for r in every if r.id == round_id), None)
    if chosen is None:
        return None
    return Round(chosen.name_lv, chosen.start, chosen.end, chosen.services_start, chosen.services_end,
                 periods=len(catalogue.round_periods(chosen)), first=chosen.id == every[0].id, round_id=chosen.id)


def certainly_first_plan(catalogue: Catalogue, round_id: str | None, start: dt.date | None) -> bool:
    """Whether a plan from ``start`` in the children's round ``round_id`` can only be the child's first plan in that
    round (D151): it starts on the round's first service day – in a round with the first-plan rule (D127) within
    the round's first reporting period, which the first plan fills. False when unknown (no round or no start)."""
    programme_round = plan_round(catalogue, round_id) if round_id is not None else None
    if programme_round is None or start is None:
        return False
    if programme_round.first:
        first_period = next(p for p in catalogue.children_reporting_periods()
                            if p.round_id == round_id and p.number == 1)
        return start <= first_period.end
    return start <= programme_round.paid_from


def term_end(programme_round: Round | None, build_date: dt.date) -> dt.date | None:
    """The last day a term may run to, or None (print a blank) when there is no round or it has ended."""
    if programme_round is None or programme_round.end < build_date:
        return None
    return programme_round.end


def round_context(programme_round: Round | None, build_date: dt.date) -> dict[str, object]:
    """The round's dates for templates: formatted, or blanks when the round has ended by the build date."""
    end = term_end(programme_round, build_date)
    if programme_round is None or end is None:
        return {"start": BLANK_DATE, "end": BLANK_DATE, "services_start": BLANK_DATE, "services_end": BLANK_DATE,
                "known": False}
    return {"start": lvformat.date(programme_round.start), "end": lvformat.date(end),
            "services_start": lvformat.date(programme_round.paid_from),
            "services_end": lvformat.date(programme_round.paid_until), "known": True}


def prices_day(programme_round: Round | None, build_date: dt.date) -> dt.date:
    """The day whose prices a municipality's documents print: the first day of the round's services when the
    documents are made for a round whose services have not begun yet, otherwise the build day. With `--day`
    (``Choice.prices_day``) the later of that day and this one: a day still ahead gives its prices, but a past day
    never puts ceilings no longer in force into papers signed now (D132)."""
    if programme_round is None or term_end(programme_round, build_date) is None:
        return build_date
    own = programme_round.paid_from if programme_round.paid_from > build_date else build_date
    asked = _CHOICE.get()
    if asked is not None and asked.prices_day is not None:
        return max(asked.prices_day, own)
    return own


def prices_until(catalogue: Catalogue, programme_round: Round | None, build_date: dt.date,
                 prices_day: dt.date) -> dt.date:
    """The last day of the term a price annex made on ``prices_day`` covers (D218): the round's end while it runs (a
    contract's term never passes it), else a contract's longest term (``contract_term_months``) from that day."""
    end = term_end(programme_round, build_date)
    if end is not None:
        return end
    return contract_last_day(prices_day, int(catalogue.programme.contract_term_months.at(prices_day).value))


def contract_last_day(signed: dt.date, months: int) -> dt.date:
    """The last day a contract signed on ``signed`` holds with a term of ``months`` (01 „Līguma termiņš”): the day
    before the same day ``months`` later (EDATE − 1: at a month's end the shorter month's last day, less one)."""
    return add_months(signed, months) - dt.timedelta(days=1)


def document_day(programme_round: Round | None, build_date: dt.date) -> dt.date:
    """The day a document is made for: the build day, but not before the start of the round it is made for (a
    round that has ended leaves the build day). Its citations must be in force (D42) and its party names
    confirmed (D43) on that day."""
    if programme_round is not None and term_end(programme_round, build_date) is not None:
        return max(build_date, programme_round.start)
    return build_date


def municipality_day(catalogue: Catalogue, build_date: dt.date, municipality: str | None) -> dt.date:
    """The date of one municipality's documents: ``document_day`` of the round chosen for it."""
    return document_day(current_round(catalogue, build_date, municipality), build_date)


def state_key(catalogue: Catalogue, build_date: dt.date | None = None) -> str:
    """What the documents' terms depend on besides the catalogue: which round they are made for, whether
    it has ended, the day whose prices they print (prices_day) and which cited acts are known in force (D42).
    The incremental build adds it to the documents step's fingerprint, so documents made while a round ran are
    rebuilt (with blanks) once it has ended, and the price annexes and citations follow the build day."""
    build_date = build_date or dt.date.today()
    keys = [_round_key(catalogue, build_date, None)]
    keys += [f"{m.id}:{_round_key(catalogue, build_date, m.id)}" for m in catalogue.pilot_municipalities()]
    return "||".join(keys)


def _round_key(catalogue: Catalogue, build_date: dt.date, municipality: str | None) -> str:
    programme_round = current_round(catalogue, build_date, municipality)
    # the acts the documents cite as confirmed text (D42): rebuilt with blanks once an act's proof has run out
    acts = ",".join(acts_in_force(catalogue, document_day(programme_round, build_date)))
    if programme_round is None:
        return f"no-round|{build_date.isoformat()}|acts:{acts}"
    ended = term_end(programme_round, build_date) is None
    day = prices_day(programme_round, build_date).isoformat()  # the prices printed and the documents' date
    return (f"{programme_round.name}|{programme_round.end.isoformat()}|{day}|acts:{acts}|"
            f"{'ended' if ended else 'running'}")
