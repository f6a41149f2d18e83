"""When a price `ibm migrate` changed took effect, and whether its status changed with it: the report's and the
console's price lines name the day („no 01.01.2027”) and the status („jāprecizē” → „apstiprināts”), so a reader sees
why the new matrix differs without opening the catalogue. The day: when the catalogue's value on the new matrix's
prices day took effect; the status: the catalogue's on the old matrix's prices day and on the new one's (an old
matrix without a prices day has none)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.catalogue.catalogue import Catalogue
from generator.lvformat import date as lv_date

_DAY = dt.timedelta(days=1)
Held = tuple[Decimal | None, str | None]  # the prefilled value and its status on a day


def held(catalogue: Catalogue, item: str, day: dt.date) -> Held:
    """The catalogue's prefilled value of ``item`` (a 6.8 item code, or "B" for the base amount) and its status."""
    if item == "B":
        try:
            base = catalogue.programme.base_amount.at(day)
        except LookupError:
            return None, None
        return Decimal(base.value), base.status.value
    offer = next((o for o in catalogue.offers(day) if o.id == item), None)
    if offer is None:
        return None, None
    return offer.prefill_price, offer.ceiling_status.value if offer.ceiling_status is not None else None


def since(catalogue: Catalogue, item: str, new_day: dt.date) -> dt.date | None:
    """The day from which ``item``'s value on ``new_day`` holds (also a correction dated the old matrix's own prices
    day); None when the catalogue has it from its first entry."""
    value = held(catalogue, item, new_day)[0]
    days = sorted({d for d in catalogue.effective_dates() if d <= new_day}, reverse=True)
    return next((d for d in days if held(catalogue, item, d - _DAY)[0] != value), None)


def status_change(catalogue: Catalogue, item: str, old_day: dt.date | None, new_day: dt.date) -> tuple[str, str] | None:
    """The status words old → new of ``item``'s value, when they differ; None otherwise or when one is unknown."""
    if old_day is None:
        return None
    old, new = held(catalogue, item, old_day)[1], held(catalogue, item, new_day)[1]
    return (old, new) if old is not None and new is not None and old != new else None


def when_text(day: dt.date | None, status: tuple[str, str] | None) -> str:
    """„no 01.01.2027; statuss „jāprecizē” → „apstiprināts”” – the parts known, joined; "" for none."""
    parts = [f"no {lv_date(day)}"] if day is not None else []
    if status is not None:
        parts.append(f"statuss „{status[0]}” → „{status[1]}”")
    return "; ".join(parts)
