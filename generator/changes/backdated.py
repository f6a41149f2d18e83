"""A new or corrected dated value that takes effect on or before the day the new catalogue is entered (D352).

`ibm changes` knows which entries are new: an entry dated on or before the report's day (``--day``, the day the
catalogue is published) while a children's round is running (begun, not ended) is in force on days for which that round's
matrices were already issued with the previous figure. `ibm collect` and `ibm documents --from-matrix` then refuse
every such matrix's plan that uses the value (D336), until it is migrated. A ministry's correction dated back is
legitimate (D336, D342), so this is a warning, not an error; a mistyped year (2026 for 2027) is caught by it.
A confirmation or a withdrawal at the same figures changes no matrix's money (D291, D302): they are left out, and a
withdrawal dated back has its own sentence in the report (report._backdated).
"""

from __future__ import annotations

import datetime as dt

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot, Round
from generator.catalogue.problems import Problem, Severity
from generator.changes.diff import CatalogueDiff, ValueChange
from generator.lvformat import date
from generator.ministry.rule_names import RULE_NAMES

ACCUSATIVE = {"cena": "šo cenu", "griesti": "šos griestus", "parametrs": "šo parametru"}
EXPECTED = ("spēkā stāšanās diena pēc atskaites dienas (pārbaudiet gadu); ja tas ir apzināts labojums ar atpakaļejošu "
            "datumu, šo kārtu aizpildītās matricas pārnesiet ar `ibm migrate`")


def _rounds(cat: Catalogue, change: ValueChange, day: dt.date) -> list[Round]:
    """The children's rounds running on ``day`` (begun, not ended) whose services reach the change's day: their
    matrices may already be issued on a price day the change now covers, and they are still collected. An ended
    round's matrices are settled: a correction dated into it is an ordinary change of the catalogue's history."""
    return [r for r in cat.rounds_of(Pilot.children)
            if r.start <= day <= r.end and r.services_end >= change.effective_from]


def _where(cat: Catalogue, change: ValueChange) -> tuple[Problem, str] | None:
    """A problem without its message at the change's entry (file, the line of its ``effective_from``) and what the
    value is („cena”, „griesti”, „parametrs”); None when the new catalogue has no such entry."""
    if change.kind == "cena":
        for price, yf in zip(cat.prices, cat.price_files, strict=True):
            if price.id != change.id:
                continue
            for i, value in enumerate(price.values):
                if value.effective_from == change.effective_from:
                    loc = ("values", i, "effective_from")
                    noun = "griesti" if value.kind.value == "ceiling" else "cena"
                    return Problem(yf.path, yf.line_of(loc), f"values.{i}.effective_from", ""), noun
        return None
    param = getattr(cat.programme, change.id, None)
    yf = cat.files.get("programme")
    if param is None or yf is None:
        return None
    for i, value in enumerate(param.values):
        if value.effective_from == change.effective_from:
            loc = (change.id, "values", i, "effective_from")
            return Problem(yf.path, yf.line_of(loc), f"{change.id}.values.{i}.effective_from", ""), "parametrs"
    return None


def backdated_values(diff: CatalogueDiff, new: Catalogue, day: dt.date) -> list[Problem]:
    """A warning for each new or corrected figure of ``diff`` in force on or before ``day`` while a children's round
    that reaches it is running: the file and line of its date, the date, and what it does to that round's plans."""
    out = []
    for change in diff.values:
        # a removed entry has no line of its own in the new catalogue (_where: None)
        if change.new is None or change.text_only or change.confirms or change.withdraws or change.effective_from > day:
            continue
        rounds = _rounds(new, change, day)
        where = _where(new, change) if rounds else None
        if where is None:
            continue
        at, noun = where
        names = ", ".join(f"„{r.name_lv}” (sākusies {date(r.start)})" for r in rounds)
        when = "pirms atskaites dienas" if change.effective_from < day else "atskaites dienā"
        message = (f"„{change.name_lv}” jaunā vērtība ({change.new}) ir spēkā no {date(change.effective_from)}, t. i., "
                   f"{when} {date(day)}, kad {'kārta' if len(rounds) == 1 else 'kārtas'} {names} jau notiek: matricās, kas izsniegtas ar cenu dienu "
                   f"{date(change.effective_from)} vai vēlāk, ir iepriekšējā vērtība, tāpēc `ibm collect` un "
                   f"`ibm documents --from-matrix` katram šo matricu plānam, kas izmanto {ACCUSATIVE[noun]}, rādīs kļūdu "
                   f"„{RULE_NAMES['prices_not_in_force']}” (D336), līdz matricu pārnes ar `ibm migrate`")
        out.append(Problem(at.path, at.line, at.field, message, EXPECTED, Severity.warning))
    return out
