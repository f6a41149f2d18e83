"""Changes of the municipalities between two catalogues, told as a municipality reads them (audit39 F2): a new or
removed municipality with its rounds, a name changed in municipalities.yaml, and a dated name added or changed in
municipality-names.yaml with the day it takes effect and its source."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality, PriceStatus
from generator.catalogue.municipality_names import FILE_NAME as NAMES_FILE
from generator.catalogue.municipality_names import KINDS, DatedName
from generator.lvformat import date

# municipalities.yaml fields as a reader names them; a field not listed is named by its key
FIELD_LABELS = {
    "name_lv": "nosaukums",
    "short_name_lv": "īsais nosaukums",
    "region": "reģions",
    "social_service": "sociālā dienesta nosaukums",
    "address": "adrese",
    "name_forms": "nosaukuma locījumi",
    "social_service_forms": "sociālā dienesta nosaukuma locījumi",
    "requisites": "rekvizīti",
    "data_protection": "datu aizsardzības informācija",
    "appeal_body": "iestāde, kur apstrīd lēmumus",
}
TEXT_FIELDS = ("name_lv", "short_name_lv", "region", "social_service", "address")


@dataclass(frozen=True)
class MunicipalityChange:
    municipality_id: str
    name: str  # the municipality's name in the newer version (the older one's when removed)
    what: str  # "jauna pašvaldība", "izņemta pašvaldība" or the changed field in words
    old: str | None
    new: str | None
    effective_from: dt.date | None  # the day a dated name takes effect; None: not dated (municipalities.yaml)
    source: str


def _rounds_of(cat: Catalogue, municipality_id: str) -> str:
    rounds = [r for r in cat.rounds if municipality_id in r.municipalities]
    if not rounds:
        return "nevienā kārtā"
    return "; ".join(f"„{r.name_lv}” (`{r.id}`, {date(r.start)}–{date(r.end)})" for r in rounds)


def _name_text(name: DatedName) -> str:
    return f"„{name.name}”" + (" (jāprecizē)" if name.status is PriceStatus.to_verify else "")


def _field_changes(a: Municipality, b: Municipality) -> list[MunicipalityChange]:
    rows = []
    for field in type(b).model_fields:
        x, y = getattr(a, field), getattr(b, field)
        if x == y:
            continue
        label = FIELD_LABELS.get(field, field)
        if field in TEXT_FIELDS:
            old, new = f"„{x}”", f"„{y}”"
        else:
            old, new = ("nebija" if x is None else "iepriekšējie dati"), ("izņemti" if y is None else "mainīti")
        rows.append(MunicipalityChange(b.id, b.name_lv, f"{label} (municipalities.yaml)", old, new, None,
                                       "municipalities.yaml"))
    return rows


def _name_changes(old: Catalogue, new: Catalogue, municipality_id: str, shown: str) -> list[MunicipalityChange]:
    """Each dated name of municipality-names.yaml that is new or changed, with the name it follows."""
    rows = []
    before = old.municipality_names.names.get(municipality_id) if old.municipality_names else None
    after = new.municipality_names.names.get(municipality_id) if new.municipality_names else None
    for kind, noun in KINDS.items():
        old_names: list[DatedName] = list(getattr(before, kind)) if before else []
        new_names: list[DatedName] = list(getattr(after, kind)) if after else []
        label = f"{noun} nosaukums ({NAMES_FILE})"
        for i, name in enumerate(new_names):
            if name in old_names:
                continue
            same_day = next((n for n in old_names if n.valid_from == name.valid_from), None)
            if same_day is not None and same_day.name == name.name and same_day.status == name.status:
                continue  # only its forms, period end, note or source: no change a reader sees in the name
            previous = same_day or (new_names[i - 1] if i else None)
            rows.append(MunicipalityChange(municipality_id, shown, label,
                                           _name_text(previous) if previous else "nebija", _name_text(name),
                                           name.valid_from, name.source))
        for name in old_names:
            if name not in new_names and not any(n.valid_from == name.valid_from for n in new_names):
                rows.append(MunicipalityChange(municipality_id, shown, label, _name_text(name), None,
                                               name.valid_from, name.source))
    return rows


def municipality_changes(old: Catalogue, new: Catalogue) -> list[MunicipalityChange]:
    """Municipalities added or removed, their fields changed and their dated names added or changed."""
    before = {m.id: m for m in old.municipalities.municipalities}
    after = {m.id: m for m in new.municipalities.municipalities}
    rows: list[MunicipalityChange] = []
    for mid in [*after, *(m for m in before if m not in after)]:
        a, b = before.get(mid), after.get(mid)
        shown = (b or a).name_lv  # type: ignore[union-attr]
        if a is None:
            rows.append(MunicipalityChange(mid, shown, "jauna pašvaldība", None,
                                           f"„{shown}”; kārtās: {_rounds_of(new, mid)}", None, "municipalities.yaml"))
        elif b is None:
            rows.append(MunicipalityChange(mid, shown, "izņemta pašvaldība", f"„{shown}”", None, None,
                                           "municipalities.yaml"))
        elif a != b:
            rows += _field_changes(a, b)
        rows += _name_changes(old, new, mid, shown)
    return rows
