"""6.11's note of a matrix whose B or 6.8 ceilings are confirmed on its prices day and later „jāprecizē” again at the
same number (D302): from which day, by which catalogue entry (its source), what – the ceilings of many services said
by their number, kind and codes, not one by one (D319) –, that the plan stays valid and what the papers print."""

from __future__ import annotations

import datetime as dt

from generator import withdrawn_wording as wording
from generator.catalogue.catalogue import Catalogue, Offer
from generator.lvformat import agree
from generator.lvformat import date as lv_date
from generator.reference.plan_changes import PlanChange, Span, catalogue_withdrawals, withdrawing_value

# up to this many withdrawn ceilings of one day are named one by one („pakalpojuma „…” cena”); more by their codes
NAMED_ONE_BY_ONE = 3


def withdrawn_text(catalogue: Catalogue, day: dt.date) -> str:
    """The note of a matrix whose B or 6.8 ceiling is itself confirmed and later „jāprecizē” again at the same number
    (D302, catalogue_withdrawals): from which day and by which entry; that the plan stays valid (no change, its money
    is the same); that the papers made from this matrix on those days print a blank; and that a plan starting then may
    have either this matrix or that day's. "" when the catalogue withdraws nothing of this matrix's."""
    values = catalogue_withdrawals(catalogue, day)
    if not values:
        return ""
    offers = {o.id: o for o in catalogue.offers(day)}
    days = sorted({c.day for c in values})
    listed = []
    for d in days:
        on = [c for c in values if c.day == d]
        what = ", ".join([c.what for c in on if c.items is None] + _items_what([c for c in on if c.items], offers))
        sources = withdrawing_sources(catalogue, day, d)
        cited = (f" ({agree(len(sources), 'avots', 'avoti')}: " + "; ".join(f"„{s}”" for s in sources) + ")"
                 if sources else "")
        listed.append(f"Katalogā {wording.same_again_open(wording.values(len(on)), d)}{cited}: "
                      f"{what}.")
    one = len(values) == 1
    spans = {c.spans for c in values}
    when = (_gaps_text(next(iter(spans))) if len(spans) == 1
            else "atsaukšanas dienā vai vēlāk, kamēr katalogs " + ("to" if one else "tās") + " neapstiprina atkal")
    blank = "to drukā kā neapstiprinātu (tukšu vietu)" if one else "tās drukā kā neapstiprinātas (tukšas vietas)"
    text = (" ".join(listed) + " Plāna summas nemainās, un plāns paliek derīgs, bet dokumenti, ko ibm documents "
            f"--from-matrix no šīs matricas izveido {when}, {blank}.")
    if len(days) == 1:
        first = lv_date(days[0])
        return text + (f" Plānam, kas sākas {first} vai vēlāk, der gan šī, gan tās dienas matrica (ibm matrix --day "
                       f"{first}): summas abās ir tās pašas.")
    return text + (" Plānam, kas sākas atsaukšanas dienā vai vēlāk, der gan šī, gan tās dienas matrica (ibm matrix "
                   "--day): summas abās ir tās pašas.")


def _items_what(changes: list[PlanChange], offers: dict[str, Offer]) -> list[str]:
    """The withdrawn 6.8 ceilings of one day: each by its name when few, else one phrase – how many, of which kind
    (group sessions, when all are under the group ceiling) and their codes in 6.8 order."""
    if len(changes) <= NAMED_ONE_BY_ONE:
        return [c.what for c in changes]
    ids = [item for c in changes for item in sorted(c.items or ())]
    n = len(ids)
    if all(offers[i].group_ceiling for i in ids if i in offers):
        kind = agree(n, "grupu nodarbības cena", "grupu nodarbību cenas")
    else:
        kind = agree(n, "pakalpojuma cena", "pakalpojumu cenas")
    return [f"{n} {kind} – pakalpojumi {', '.join(ids)}"]


def base_withdrawn_source(catalogue: Catalogue, day: dt.date) -> str:
    """What 6.11's source of B says in a matrix made after B's withdrawal (D319): each day the catalogue puts ``day``'s
    confirmed B back to „jāprecizē” and the withdrawing entry's source; "" when it never does."""
    spans = next((c.spans for c in catalogue_withdrawals(catalogue, day) if c.items is None), ())
    gone = [end for _, end in spans if end is not None]
    return "; ".join(f"no {lv_date(d)} atkal „jāprecizē”: " + "; ".join(withdrawing_sources(catalogue, day, d, True))
                     for d in gone)


def withdrawing_sources(catalogue: Catalogue, day: dt.date, on: dt.date, base_only: bool = False) -> list[str]:
    """The sources of the catalogue entries of ``on`` that put ``day``'s confirmed B or prices (``base_only``: B)
    back to „jāprecizē” at the same figures (withdrawing_value), each once, B's first."""
    found: list[str] = []
    prices = () if base_only else tuple(catalogue.price_by_id.values())
    for price in (catalogue.programme.base_amount, *prices):
        entry = withdrawing_value(price, day, on)
        if entry is not None and entry.effective_from == on and entry.source and entry.source not in found:
            found.append(entry.source)
    return found


def open_days(spans: tuple[Span, ...]) -> str:
    """The days between the confirmation spans as the console names them after a value: „no 20.11.2026”, „no
    20.11.2026 līdz 30.11.2026” when the catalogue confirms it again (D330), each gap joined by „un”."""
    gaps = [(end, spans[i + 1][0] if i + 1 < len(spans) else None)
            for i, (_, end) in enumerate(spans) if end is not None]
    return " un ".join(f"no {lv_date(start)}" + ("" if end is None else f" līdz {lv_date(end - dt.timedelta(days=1))}")
                       for start, end in gaps)


def _gaps_text(spans: tuple[Span, ...]) -> str:
    """The days between the confirmation spans (confirmation_spans from the matrix's day): „01.03.2027 vai vēlāk”,
    „no 01.03.2027 līdz 31.03.2027”, „no 01.03.2027 līdz 31.03.2027 un no 01.05.2027”."""
    gaps = [(end, spans[i + 1][0] if i + 1 < len(spans) else None)
            for i, (_, end) in enumerate(spans) if end is not None]
    if len(gaps) == 1 and gaps[0][1] is None:
        return f"{lv_date(gaps[0][0])} vai vēlāk"
    return open_days(spans)
