"""What the toolkit says to a worker of the adults' programme (D104, D124, D254).

The catalogue records the adults' pilot (its round, municipalities, dates and participants), but the sources give no
adults' methodology, services, prices or forms, so matrices, documents and report templates are made only for the
children's programme. A refusal of the adults' round (`--round`), of a municipality only the adults' rounds list
(`--municipality`) or of a day inside an adults' round's services window (`--day`) says so in the same words
(audit31e F1, F2), naming the adults' round from rounds.yaml; README's „Kam” and the site's home and downloads pages
say it in one sentence (adults_pilot_sentence, F11).
"""

from __future__ import annotations

import datetime as dt

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot, Round

# how the papers and messages name a programme (rounds.yaml ``programme``) by case; the papers never name an ended
# round (D128), so a note on the round's blank names the programme by these words (audit31e F3)
PROGRAMME_WORDS = {Pilot.children: {"gen": "bērnu programmas", "dat": "bērnu programmai"},
                   Pilot.adults: {"gen": "pieaugušo programmas", "dat": "pieaugušo programmai"}}
_ADULTS = PROGRAMME_WORDS[Pilot.adults]["gen"]
# the one sentence every refusal ends with (after „bet”)
CHILDREN_ONLY = f"matricas, dokumentus un atskaišu veidnes rīkkopa veido tikai {PROGRAMME_WORDS[Pilot.children]['dat']}"


def adults_round_words(found: Round) -> str:
    """„pieaugušo programmas kārtas „pieaugusie-2019” („IBM izmēģinājumprojekts pilngadīgām …”)” – genitive."""
    return f"{_ADULTS} kārtas „{found.id}” („{found.name_lv}”)"


def adults_round_refusal(found: Round) -> str:
    """Why the adults' round ``found`` has no matrix or papers (`--round`), after „--round: „ID” ”."""
    return f"ir {_ADULTS} kārta („{found.name_lv}”), bet {CHILDREN_ONLY}"


def adults_municipality_note(catalogue: Catalogue, municipality_id: str) -> str | None:
    """For a municipality that only adults' rounds list, after „--municipality: „ID” ”: which round, and that the
    toolkit makes nothing for it; None for any other."""
    if any(municipality_id in r.municipalities for r in catalogue.rounds_of(Pilot.children)):
        return None
    rounds = [r for r in catalogue.rounds_of(Pilot.adults) if municipality_id in r.municipalities]
    if not rounds:
        return None
    which = ", ".join(adults_round_words(r) for r in rounds)
    return f"ir tikai {which} pašvaldība, bet {CHILDREN_ONLY}"


def adults_day_note(catalogue: Catalogue, day: dt.date) -> str | None:
    """For a day inside an adults' round's services window, after „--day: „DD.MM.GGGG” nav nevienas bērnu
    programmas kārtas pakalpojumu laikā – ”: which round, and that the toolkit makes nothing for it; None for any
    other day."""
    found = catalogue.round_at(Pilot.adults, day)
    if found is None:
        return None
    return (f"tā ir {adults_round_words(found)} pakalpojumu laikā ({lvformat.date(found.services_start)}–"
            f"{lvformat.date(found.services_end)}), bet {CHILDREN_ONLY}")


def adults_pilot_sentence(catalogue: Catalogue) -> str | None:
    """The one sentence README's „Kam” says and the site's home and downloads pages print (audit31e F11): the adults'
    pilot is recorded, but nothing is made for it. None without an adults' round."""
    pilot = catalogue.pilot_round(Pilot.adults)
    if pilot is None:
        return None
    return (f"Katalogā ir arī pieaugušo programmas „{pilot.name_lv}” ({lvformat.date(pilot.start)}–"
            f"{lvformat.date(pilot.end)}) fakti, bet IBM matricas, dokumenti un atskaišu veidnes ir tikai bērnu "
            "programmai: avotos nav pieaugušo programmas metodikas, pakalpojumu, cenu un veidlapu (lēmumi D104, D124, "
            "D254).")
