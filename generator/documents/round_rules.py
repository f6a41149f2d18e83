"""The selection rules and application deadline of the round a document is made for (rounds.yaml, D124).

A rule is printed only when the round's `selection` is confirmed (`apstiprināts`) and the round has not ended on
the build date (its dates are printed, terms.round_context): otherwise the papers are made for a round whose rules
the ministry has yet to set, and each rule is a blank line with a note that names where its text comes from –
never another round's (the pilot's) text. The application deadline likewise: its date when confirmed, else a
blank date and who sets it (audit14 F8, F9).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from generator import lvformat
from generator.catalogue.catalogue import GROUP_CEILING_ID, Catalogue
from generator.catalogue.models import PROCEDURE_FIELDS, Pilot, PriceStatus
from generator.catalogue.models import Round as RoundEntry
from generator.documents import figures, terms
from generator.documents.html import unbroken

# where a blank rule's text comes from (printed in the note under it and in the price annex's source cell)
RULES_SOURCE = terms.ROUND_RULES["nom"]
DEADLINE_BLANK = f"{terms.BLANK_DATE} (termiņš, ko noteikusi Labklājības ministrija)"
# the criteria table's heading (08, 17): the pilot's rules are its methodology; any other round's are its own
PILOT_HEADING = "Kritērijs (izmēģinājumprojekta metodika)"
ROUND_HEADING = f"Kritērijs ({terms.ROUND_RULES['nom']})"
# where a criterion comes from, in a sentence (17 §3.1), and the legal basis's item citing it (08, 17, 18): the
# pilot's methodology in the pilot's papers; in a later round the ministry's selection rules for the round, whose
# document (date, No.) is a field to fill in (D128)
PILOT_SOURCE = "izmēģinājumprojekta metodikā"
ROUND_SOURCE = terms.ROUND_RULES["loc"]
ROUND_BASIS = terms.ROUND_RULES["acc"]
# How the papers name their round and the programme it belongs to (D129): the pilot (the programme's first round,
# whose methodology the papers follow) is "izmēģinājumprojekta kārta" and the programme "izmēģinājumprojekts"; a
# later round is just "kārta" of the "programma" (rounds.yaml, D21), and a time "of the pilot" (its start, its end) is
# the round's; ``pilots`` says which. By case: nom, gen, loc, acc.
PILOT_KIND = {
    "karta": {"nom": "izmēģinājumprojekta kārta", "gen": "izmēģinājumprojekta kārtas",
              "loc": "izmēģinājumprojekta kārtā", "acc": "izmēģinājumprojekta kārtu"},
    "projekts": {"nom": "izmēģinājumprojekts", "gen": "izmēģinājumprojekta", "loc": "izmēģinājumprojektā",
                 "acc": "izmēģinājumprojektu"},
    "posms": "izmēģinājumprojekta",
    "ta": "tā",  # "…, tā nosacījumiem": the genitive pronoun of "izmēģinājumprojekts" (masculine)
    "pilots": True,
    "temats": "IBM izmēģinājumprojekts",  # the DOCX subject (docx_writer, roundleft2)
}
LATER_KIND = {
    "karta": {"nom": "kārta", "gen": "kārtas", "loc": "kārtā", "acc": "kārtu"},
    "projekts": {"nom": "programma", "gen": "programmas", "loc": "programmā", "acc": "programmu"},
    "posms": "kārtas",
    "ta": "tās",  # "programma" is feminine
    "pilots": False,
    "temats": "IBM programmas kārta",
}
# how a citation of the methodology begins (figures.citation)
METHODOLOGY_CITATION = "IBM metodikas"
# the words of the pilot's selection text (rounds.yaml ministry_selection) that 29's preparer line leaves out
_SELECTION_VERB = "ievērojot "
_PILOT_RULES_SOURCE = "metodikā "
_FIELDS = ("criterion_met", "criterion_unmet", "tie_break", "ministry_selection", "group_price_basis")


def rules_context(catalogue: Catalogue, programme_round: terms.Round | None, build_date: dt.date) -> dict[str, Any]:
    """The round's rules for templates (`atlase`): ``confirmed`` and each rule's text, or blanks; ``deadline``:
    the application deadline "DD.MM.YYYY" or the blank with who sets it, ``deadline_short`` the date or a bare
    blank date (inside a sentence, review1 F15), ``deadline_known``; ``heading``: the criteria table's heading,
    citing the pilot's methodology only in the pilot's (the first round's) papers, with ``source`` (where the criteria are set, in a sentence) and ``basis`` (the legal basis item of a later round, None
    for the pilot); ``deadline_passed``: the confirmed deadline is before the build day (form 04's note)."""
    entry = _entry(catalogue, programme_round)
    running = terms.term_end(programme_round, build_date) is not None
    selection = entry.selection if entry is not None else None
    confirmed = running and selection is not None and selection.status is PriceStatus.confirmed
    texts = {name: (getattr(selection, name) if confirmed and selection is not None else figures.BLANK)
             for name in _FIELDS}
    deadline = entry.application_deadline if entry is not None else None
    deadline_known = (running and deadline is not None and deadline.status is PriceStatus.confirmed
                      and deadline.date is not None)
    pilot = running and programme_round is not None and programme_round.first
    passed = (deadline_known and deadline is not None and deadline.date is not None
              and deadline.date < build_date)
    date_text = lvformat.date(deadline.date) if deadline_known and deadline and deadline.date else None
    return {**texts, "confirmed": confirmed, "heading": PILOT_HEADING if pilot else ROUND_HEADING,
            "pilot": pilot, "source": PILOT_SOURCE if pilot else ROUND_SOURCE,
            "basis": None if pilot else ROUND_BASIS, "deadline_passed": passed,
            "deadline": date_text or DEADLINE_BLANK, "deadline_short": date_text or terms.BLANK_DATE,
            "deadline_known": deadline_known}


def kind_context(programme_round: terms.Round | None, build_date: dt.date | None = None) -> dict[str, Any]:
    """How the papers name the kind of their round (`veids`, D129): the pilot's wording only when they are made for
    the programme's first round while it runs on ``build_date`` (a child's papers, without ``build_date``: for the
    pilot round itself); otherwise – no round, or papers made after the pilot ended, whose blanks ask for a running
    round – the neutral "programma", "kārta" (D135): never "izmēģinājumprojekts" for a round that is not the pilot."""
    if programme_round is None or not programme_round.first:
        return LATER_KIND
    if build_date is not None and terms.term_end(programme_round, build_date) is None:
        return LATER_KIND
    return PILOT_KIND


def kind_title(title: str, kind: dict[str, Any] | None) -> str:
    """A document's title (registry.py: the methodology's annex name, for the pilot) in the words of the round's kind
    (D129): "Iesniegums par dalību programmā" in a later round's papers, so that the footer, the metadata and the
    downloads list say what the heading says."""
    if kind is None or kind.get("pilots", True):
        return title
    by_word = {word: kind["projekts"][case] for case, word in PILOT_KIND["projekts"].items()}
    return _PILOT_WORDS.sub(lambda m: by_word[m.group(0)], title)


# the pilot's word for the programme in any case, longest first (kind_title)
_PILOT_WORDS = re.compile("|".join(sorted((re.escape(w) for w in PILOT_KIND["projekts"].values()), key=len,
                                          reverse=True)))


def procedures_context(catalogue: Catalogue, programme_round: terms.Round | None,
                       build_date: dt.date | None = None) -> dict[str, Any]:
    """Which of the pilot's procedures the papers may state as fact for their round (`kartiba`, D135): each
    rounds.yaml ``procedures`` flag, true only when the block is confirmed (the pilot's, from the methodology);
    a later round without it gets none – its papers print a blank with a note or leave the clause out. With
    ``build_date`` (papers to sign) only while the round has not ended: papers made after it bind the parties to
    no ended round's project, FTP server or questionnaire (audit41 F3); a report for the round keeps them
    (no ``build_date``). ``confirmed``: the block is."""
    entry = _entry(catalogue, programme_round)
    if build_date is not None and terms.term_end(programme_round, build_date) is None:
        entry = None
    procedures = entry.procedures if entry is not None else None
    confirmed = procedures is not None and procedures.status is PriceStatus.confirmed
    flags = {name: bool(confirmed and procedures is not None and getattr(procedures, name))
             for name in PROCEDURE_FIELDS}
    return {**flags, "confirmed": confirmed}


def with_round_group_basis(catalogue: Catalogue, prices: figures.PriceList, rules: dict[str, Any],
                           day: dt.date, methodology: bool = True) -> figures.PriceList:
    """The price list with its group-session row citing the round's rules instead of the ceiling's own source
    (the pilot's DI unit-cost methodology, ``day``'s value): the round's basis when confirmed; otherwise a blank
    naming the ministry's round rules. Only the pilot's papers keep the ceiling's figure: the pilot's ceiling is no
    later round's figure, so a later round's price is a blank whose note names the round's basis, confirmed or not
    (review1 F2). The source of the client-transport reduction (the IBM methodology) stays only when
    ``methodology``: the round's rules are that methodology (procedures_context, audit19 F22)."""
    own = catalogue.price_by_id[GROUP_CEILING_ID].at(day)
    dropped = set(figures.citation(own.source).split("; ")) if own is not None else set()
    rows = figures.PriceList()
    blanked = False
    for row in prices:
        if row.group:
            # a blank's figure comes from the round's basis, not the catalogue's dated ceilings: one row (D218)
            blank = not rules["confirmed"] or not rules["pilot"]
            if blank and blanked:
                continue
            blanked = blanked or blank
            if blank:
                row = dataclasses.replace(row, in_force="")
            kept = [part for part in row.source.split("; ") if part and part not in dropped
                    and (methodology or not part.startswith(METHODOLOGY_CITATION))]
            if rules["confirmed"]:
                row = dataclasses.replace(row, source="; ".join([rules["group_price_basis"], *kept]))
                if not rules["pilot"]:
                    row = dataclasses.replace(row, price=figures.Figure(
                        figures.BLANK_EUR, f"cenu ieraksta pēc šī avota: {rules['group_price_basis']}"))
            else:
                row = dataclasses.replace(row, source="; ".join([f"{figures.BLANK} ({RULES_SOURCE})", *kept]),
                                          price=figures.Figure(figures.BLANK_EUR,
                                                               f"cenu ieraksta pēc šī avota: {RULES_SOURCE}"))
        rows.append(row)
    return rows


def passed_deadline_warning(catalogue: Catalogue, programme_round: terms.Round | None,
                            build_date: dt.date) -> str | None:
    """The console's line when the papers are made for a running round whose confirmed application deadline
    (rounds.yaml) is already before ``build_date``: the application form (04) then names a day that has passed
    (audit18 F4). None otherwise (no round, an ended one, a deadline `jāprecizē` or still ahead)."""
    rules = rules_context(catalogue, programme_round, build_date)
    entry = _entry(catalogue, programme_round)
    if not rules["deadline_passed"] or entry is None:
        return None
    return (f"Brīdinājums: kārtas „{entry.name_lv}” iesniegumu iesniegšanas termiņš ({rules['deadline']}) "
            f"jau ir pagājis – iesnieguma veidlapā (04) šis datums ir pagātnē.")


def passed_deadline_warnings(catalogue: Catalogue, rounds: list[terms.Round | None], build_date: dt.date) -> list[str]:
    """passed_deadline_warning for each of ``rounds`` whose papers are made, each distinct line once."""
    said: list[str] = []
    for programme_round in rounds:
        warning = passed_deadline_warning(catalogue, programme_round, build_date)
        if warning is not None and warning not in said:
            said.append(warning)
    return said


def municipalities_deadline_warnings(catalogue: Catalogue, municipality_ids: list[str] | None,
                                     build_date: dt.date) -> list[str]:
    """The passed-deadline lines for the papers of ``municipality_ids`` (None: every pilot municipality, as the
    build's documents step and `ibm documents` without --municipality make them), each made for the municipality's
    own running round (D113)."""
    ids = municipality_ids if municipality_ids is not None else [m.id for m in catalogue.pilot_municipalities()]
    return passed_deadline_warnings(catalogue, [terms.current_round(catalogue, build_date, m) for m in ids], build_date)


def project_context(catalogue: Catalogue, programme_round: terms.Round | None,
                    build_date: dt.date) -> dict[str, Any]:
    """The project the papers' round runs under (rounds.yaml ``project``, audit18 F11), for templates: ``number``
    (never broken across lines, lawaudit 21) and ``name`` when confirmed, ``known``; otherwise blanks, and the
    header block says where they come from. Only while the round has not ended on ``build_date``, like its dates:
    papers signed later must not require an ended project's number on every invoice (audit41 F3)."""
    running = terms.term_end(programme_round, build_date) is not None
    entry = _entry(catalogue, programme_round) if running else None
    project = entry.project if entry is not None else None
    # the pilot's own papers call the project on the invoices the pilot's ("izmēģinājumprojekta numuru"); papers made
    # after it ended, or for a later round, the round's project, which it may not have (audit43 F6)
    pilot = running and programme_round is not None and programme_round.first
    if project is None or project.status is not PriceStatus.confirmed or not project.number or not project.name_lv:
        return {"number": figures.BLANK, "name": figures.BLANK, "known": False, "pilot": pilot}
    return {"number": unbroken(project.number), "name": project.name_lv, "known": True, "pilot": pilot}


def earlier_context(catalogue: Catalogue, programme_round: terms.Round | None,
                    build_date: dt.date) -> dict[str, Any]:
    """What a preparer must not copy into the blanks of papers whose round has no confirmed project or selection
    rules (`iepriekseja`, audit43 F4): the confirmed project and selection rules of the round itself once it has
    ended on ``build_date`` (the papers print blanks for them, D135), else of the latest earlier children's round
    (rounds.yaml order). Each is None when no such round has one: the preparer's line about it is then left out.
    The preparer's lines name the project by its name and the rules by their text, never the round's name, dates
    or project number, which papers made after the round ended do not carry (D128, D135). ``project``: {name};
    ``selection``: {criterion, criterion_unmet (the negated form letter 18's rows use, audit44 N1), ministry_selection
    (as the rules that fill 29's blank, _as_rules)}."""
    every = catalogue.rounds_of(Pilot.children)
    own = next((i for i, r in enumerate(every) if programme_round is not None and r.id == programme_round.round_id),
               None)
    if own is None:
        candidates = list(every)
    elif terms.term_end(programme_round, build_date) is None:
        candidates = every[:own + 1]
    else:
        candidates = every[:own]
    project = selection = None
    for entry in reversed(candidates):
        found = entry.project
        if (project is None and found is not None and found.status is PriceStatus.confirmed and found.number
                and found.name_lv):
            project = {"name": found.name_lv}
        rules = entry.selection
        if selection is None and rules is not None and rules.status is PriceStatus.confirmed:
            selection = {"criterion": rules.criterion_met, "criterion_unmet": rules.criterion_unmet,
                         "ministry_selection": _as_rules(rules.ministry_selection)}
    return {"project": project, "selection": selection}


def _as_rules(text: str | None) -> str | None:
    """An earlier round's selection text as the conditions that fill 29's blank „ievērojot šādus … atlases
    nosacījumus: ______” (audit44 N2): without its own leading „ievērojot” (the sentence has it) and without „metodikā”, the pilot's
    rules source, which papers of a later round do not name as theirs (D135)."""
    if text is None:
        return None
    text = text.strip()
    if text.startswith(_SELECTION_VERB):
        text = text[len(_SELECTION_VERB):]
    return text.replace(_PILOT_RULES_SOURCE, "")


def _entry(catalogue: Catalogue, programme_round: terms.Round | None) -> RoundEntry | None:
    """The rounds.yaml entry of the papers' round, or None."""
    return catalogue.round_by_id.get(programme_round.round_id or "") if programme_round is not None else None
