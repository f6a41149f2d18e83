"""The decision to refuse (17) for one child: its reason in the act's own words and to whom it is addressed.

The reference's finding ("Bērns nav tiesīgs saņemt IB: …", generator/reference/workbook.py) is a message for
the matrix and the console. The act states the same facts as one Latvian sentence built from the same data:
the date of birth, the check date (the first day of the reporting period the plan would start in, D1) and the
catalogue's age limit. A person who is of age on the day the decision is made has no legal representative:
the decision is addressed to the parent who applied, and a copy goes to the person (D40).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator import lvformat
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


def refusal(birth: dt.date, check_date: dt.date | None, limit: int, decision_day: dt.date) -> Refusal:
    """The refusal of a child the reference found not eligible on ``check_date`` (born after it, or ``limit``
    years old or more on it); ``decision_day`` is the day the documents are made."""
    adult = age_in_years(birth, decision_day) >= limit
    if check_date is None:  # not reached: the reference finds eligibility only on a check date
        return Refusal("Bērns neatbilst individuālā budžeta saņemšanas vecuma kritērijam.", True, adult)
    age = age_in_years(birth, check_date)
    born, check = lvformat.date(birth), lvformat.date(check_date)
    if age < 0:
        reason = (f"Bērns ir dzimis {born}, tātad pēc pārbaudes datuma {check}, bet individuālo budžetu piešķir "
                  "tikai bērnam, kurš pārbaudes datumā jau ir dzimis.")
    else:
        reason = (f"Pārbaudes datumā {check} personai, kuras dzimšanas datums ir {born}, bija {years(age)}, bet "
                  f"individuālo budžetu piešķir tikai bērnam, kuram pārbaudes datumā vēl nav {years_genitive(limit)}.")
    return Refusal(reason, True, adult)
