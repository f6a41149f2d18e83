"""A value the ministry confirms names the ministry's document (D310).

The grant decision (08) prints the source of the catalogue's confirmed B as the ministry's confirmation
(„… apstiprinājusi … dokuments: …”, D303), and a value that confirms an earlier „jāprecizē” one at the same figures
(confirmation.value_confirms: a B, a 6.8 ceiling, a price) turns blanks of the signed papers into figures (D291, D301).
Such a value's ``source`` must therefore name a document: its number („Nr. …”) and its date (DD.MM.YYYY or
„2027. gada 24. februāra”) – a reconstruction („Rekonstruēts …”) or a methodology line („Metodika L1071”) has neither.
The check is on ``source`` itself, as the decision prints it: no second field that could say something else.
A confirmed price or ceiling (prices/) whose source names the ministry („LM …”, „Labklājības ministrijas …”) is
printed by the signed price annexes as the source of a confirmed figure, so it names the document the same way
(D352); a confirmed price citing the methodology, a regulation or made-up test data names no ministry and is not
asked for one here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from generator.catalogue.confirmation import value_confirms
from generator.catalogue.models import PriceStatus
from generator.lvformat import MONTHS_OF

NUMBER = re.compile(r"\bNr\.\s*\w")
DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b|\b\d{4}\. gada \d{1,2}\. (?:" + "|".join(MONTHS_OF) + r")\b")

# what the check asks for, in the words the README's how-to uses (fictional examples)
EXPECTED = ("avots, kas nosauc Labklājības ministrijas dokumentu ar numuru un datumu, kā to drukās lēmums par IB "
            "piešķiršanu, piem. „Labklājības ministrijas 2027. gada 24. februāra rīkojums Nr. 45” vai "
            "„Labklājības ministrijas vēstule Nr. 1-12/345, 24.02.2027”")


# a reconstruction or a methodology line is no ministry's document, even with a number and a date in its text
NOT_A_DOCUMENT = re.compile(r"^\s*(?:Rekonstruēts|Rekonstruēta|Metodika)\b", re.IGNORECASE)

# a source that names the ministry as its author: „LM …” or a case form of „ministrija” that is not another
# ministry's name („Veselības ministrijas …”) – alone or as „Labklājības ministrija” (D352)
_MINISTRY_WORD = re.compile(r"(?i)(?:(\w+)\s+)?ministrij")


def names_ministry(source: str) -> bool:
    """Whether ``source`` names the Ministry of Welfare (its abbreviation LM, „Labklājības ministrija” or a bare
    „ministrija”); a methodology citation or a reconstruction (NOT_A_DOCUMENT) is no ministry's document."""
    if NOT_A_DOCUMENT.search(source):
        return False
    if re.search(r"\bLM\b", source):
        return True
    return any(hit.group(1) is None or hit.group(1).casefold() == "labklājības"
               for hit in _MINISTRY_WORD.finditer(source))


def impossible_dates(source: str) -> list[str]:
    """The dates ``source`` writes that are no calendar day („31.02.2027”, „2027. gada 30. februāra”)."""
    bad = []
    for hit in DATE.finditer(source):
        text = hit.group(0)
        if "gada" in text:
            year, rest = text.split(". gada ", 1)
            day, month = rest.split(". ", 1)
            parts = (int(year), MONTHS_OF.index(month) + 1, int(day))
        else:
            d, m, y = text.split(".")
            parts = (int(y), int(m), int(d))
        try:
            dt.date(*parts)
        except ValueError:
            bad.append(text)
    return bad


def missing(source: str) -> str | None:
    """What ``source`` lacks to name a document (its number, its date, or both), None when it names one."""
    lacks = [what for what, pattern in (("numura („Nr. …”)", NUMBER), ("datuma", DATE)) if not pattern.search(source)]
    return " un ".join(lacks) if lacks else None


def needing_document(values: Sequence[Any], printed: bool = False, price: bool = False) -> list[tuple[int, str]]:
    """The entries of one dated series (a parameter's or a price's values, in date order) that must name a document,
    each with why: one that confirms an earlier „jāprecizē” entry (value_confirms: the same figures, the status moved
    to „apstiprināts”); with ``printed`` (B, whose source the grant decision prints as the ministry's confirmation)
    every „apstiprināts” entry; with ``price`` (a price or ceiling, prices/) every „apstiprināts” entry whose source
    names the ministry (names_ministry, D352)."""
    out = []
    for i, value in enumerate(values):
        if value.status is not PriceStatus.confirmed:
            continue
        if any(value_confirms(earlier, value) for earlier in values[:i]):
            out.append((i, "apstiprina iepriekšējo „jāprecizē” vērtību ar tiem pašiem skaitļiem"))
        elif printed:
            out.append((i, "ir „apstiprināts”, un lēmums par IB piešķiršanu tā avotu drukā kā Labklājības ministrijas "
                           "apstiprinājumu"))
        elif price and names_ministry(value.source):
            out.append((i, "ir „apstiprināts” un atsaucas uz Labklājības ministriju, un parakstāmie cenu pielikumi to "
                           "drukā kā apstiprinātā skaitļa avotu"))
    return out


def problems_of(name: str, values: Sequence[Any], printed: bool = False,
                price: bool = False) -> list[tuple[int, str]]:
    """(entry index, message) for each entry of ``name``'s series that must name a document and does not."""
    out = []
    for i, why in needing_document(values, printed, price):
        source = values[i].source
        head = f"„{name}” vērtība no {values[i].effective_from:%d.%m.%Y} {why}, bet avotā"
        if (lacks := missing(source)) is not None:
            out.append((i, f"{head} nav dokumenta {lacks}"))
        elif NOT_A_DOCUMENT.match(source):
            out.append((i, f"{head} ir rekonstrukcija vai metodikas atsauce, nevis Labklājības ministrijas dokuments"))
        elif bad := impossible_dates(source):
            out.append((i, f"{head} dokumenta datums {', '.join(f'„{d}”' for d in bad)} nav kalendāra diena"))
    return out
