"""A value the ministry confirms names the ministry's document (D310).

The grant decision (08) prints the source of the catalogue's confirmed B as the ministry's confirmation
(„… apstiprinājusi … dokuments: …”, D303), and a value that confirms an earlier „jāprecizē” one at the same figures
(confirmation.value_confirms: a B, a 6.8 ceiling, a price) turns blanks of the signed papers into figures (D291, D301).
Such a value's ``source`` must therefore name a document: its number („Nr. …”) and its date (DD.MM.YYYY or
„2027. gada 24. februāra”) – a reconstruction („Rekonstruēts …”) or a methodology line („Metodika L1071”) has neither.
The check is on ``source`` itself, as the decision prints it: no second field that could say something else.
"""

from __future__ import annotations

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


def missing(source: str) -> str | None:
    """What ``source`` lacks to name a document (its number, its date, or both), None when it names one."""
    lacks = [what for what, pattern in (("numura („Nr. …”)", NUMBER), ("datuma", DATE)) if not pattern.search(source)]
    return " un ".join(lacks) if lacks else None


def needing_document(values: Sequence[Any], printed: bool = False) -> list[tuple[int, str]]:
    """The entries of one dated series (a parameter's or a price's values, in date order) that must name a document,
    each with why: one that confirms an earlier „jāprecizē” entry (value_confirms: the same figures, the status moved
    to „apstiprināts”); with ``printed`` (B, whose source the grant decision prints as the ministry's confirmation)
    every „apstiprināts” entry."""
    out = []
    for i, value in enumerate(values):
        if value.status is not PriceStatus.confirmed:
            continue
        if any(value_confirms(earlier, value) for earlier in values[:i]):
            out.append((i, "apstiprina iepriekšējo „jāprecizē” vērtību ar tiem pašiem skaitļiem"))
        elif printed:
            out.append((i, "ir „apstiprināts”, un lēmums par IB piešķiršanu tā avotu drukā kā Labklājības ministrijas "
                           "apstiprinājumu"))
    return out


def problems_of(name: str, values: Sequence[Any], printed: bool = False) -> list[tuple[int, str]]:
    """(entry index, message) for each entry of ``name``'s series that must name a document and does not."""
    out = []
    for i, why in needing_document(values, printed):
        if (lacks := missing(values[i].source)) is not None:
            out.append((i, f"„{name}” vērtība no {values[i].effective_from:%d.%m.%Y} {why}, bet avotā nav "
                           f"dokumenta {lacks}"))
    return out
