"""The decision to refuse (17) for one child: its reason in the act's own words and to whom it is addressed.

The reference's finding ("Bērns nav tiesīgs saņemt IB: …", generator/reference/workbook.py) is a message for
the matrix and the console. The act states the facts as one Latvian sentence built from the same data and the
one age rule of every document (D110): the child is not yet ``limit`` years old on the last day of the programme
round the plan falls in (the methodology: the child does not come of age during the pilot). The reference decides
it (generator/reference/provisional.of_age_by_round_end) and the matrix shows it. A child born after the check date
(the first day of the reporting period the plan would start in, D1) is refused for that. A person who is of age on
the day the decision is made has no legal representative: the decision is addressed to the parent who applied, and
a copy goes to the person (D40).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator import lvformat
from generator.documents.round_rules import PILOT_KIND
from generator.reference.provisional import age_in_years


@dataclass(frozen=True)
class Refusal:
    reason: str  # one sentence with the dates, for "Neatbilstības iemesli"
    about_age: bool  # the age criterion is not met: a new application would not change it
    adult: bool  # of age on the decision day: addressed to the applicant, a copy to the person


def years(count: int) -> str:
    """A count of years in the nominative: "1 gads", "18 gadi", "21 gads", "11 gadi"."""
    return f"{count} {lvformat.agree(count, 'gads', 'gadi')}"


def years_genitive(count: int) -> str:
    """After a negation ("nav …"): "1 gada", "18 gadu", "21 gada", "11 gadu"."""
    return f"{count} {lvformat.agree(count, 'gada', 'gadu')}"


def refusal(birth: dt.date, check_date: dt.date | None, limit: int, decision_day: dt.date,
            round_end: dt.date | None = None, round_gen: str = PILOT_KIND["karta"]["gen"]) -> Refusal:
    """The refusal of a child found not eligible: born after ``check_date``, or ``limit`` years old or more on the
    last day of the round (``round_end``; on ``check_date`` when no round is known); ``decision_day`` is the day
    the documents are made; ``round_gen`` names the round in the genitive ("kārtas" for a later one, D129)."""
    adult = age_in_years(birth, decision_day) >= limit
    if check_date is None and round_end is None:  # not reached: the reference finds eligibility on a check date
        return Refusal("Bērns neatbilst individuālā budžeta saņemšanas vecuma kritērijam.", True, adult)
    born = lvformat.date(birth)
    if check_date is not None and age_in_years(birth, check_date) < 0:
        return Refusal(f"Bērns ir dzimis {born}, tātad pēc pārbaudes datuma {lvformat.date(check_date)}, bet "
                       "individuālo budžetu piešķir tikai bērnam, kurš pārbaudes datumā jau ir dzimis.", True, adult)
    if round_end is None:
        age = age_in_years(birth, check_date)
        return Refusal(f"Pārbaudes datumā {lvformat.date(check_date)} personai, kuras dzimšanas datums ir {born}, "
                       f"bija {years(age)}, bet individuālo budžetu piešķir tikai bērnam, kuram pārbaudes datumā "
                       f"vēl nav {years_genitive(limit)}.", True, adult)
    age = age_in_years(birth, round_end)
    verb = "bija" if round_end < decision_day else "ir" if round_end == decision_day else "būs"
    return Refusal(f"{round_gen[:1].upper()}{round_gen[1:]} pēdējā dienā {lvformat.date(round_end)} personai, kuras dzimšanas "
                   f"datums ir {born}, {verb} {years(age)}, bet individuālo budžetu piešķir tikai bērnam, kuram "
                   f"kārtas pēdējā dienā vēl nav {years_genitive(limit)}.", True, adult)
