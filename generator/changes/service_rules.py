"""A service's rule fields in the change report: who receives it, its form and unit, the impairments it is for,
its price regime, whom the social service pays, the services it cannot be combined with, ... (audit27 F2).

The matrix checks a plan against these fields, so a change of one is a rule change: the report names the
service, the rule and its old and new value, in Latvian words. Every other field of a service (its code, support
area and number, names and description) is identity or description: a change there is "Labots apraksts vai dati".
Every field of the service schema is in exactly one of the two lists (tests/changes/test_rule_fields.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.catalogue.catalogue import Catalogue, service_order
from generator.catalogue.models import Service
from generator.site.labels import impairment_names, unit_name

# field -> the rule's name as the service's catalogue page calls it
RULE_FIELDS: dict[str, str] = {
    "recipient": "saņēmējs",
    "form": "sniegšanas forma",
    "unit": "mērvienība",
    "impairments": "traucējumu veidi",
    "regime": "cenu režīms",
    "payee": "kam maksā sociālais dienests",
    "transport": "transporta pakalpojums",
    "day_service": "dienas pakalpojums",
    "incompatible_with": "nesaderīgs vienā periodā ar",
    "includes_sessions_of": "ietver nodarbības no",
}
# the code, its support area and number are the service's identity (crossrefs: they follow from the code): another
# area is another service, reported as removed and added
DESCRIPTIVE_FIELDS = ("id", "area", "service_number", "name_lv", "short_name_lv", "search_terms_lv", "name_en",
                     "description")
SERVICE_LISTS = ("incompatible_with", "includes_sessions_of")  # fields that name other services
DAY_SERVICES = {"day_care": "dienas aprūpes centrs", "workshop": "specializētā darbnīca"}
NONE = "nav"


@dataclass(frozen=True)
class ServiceRuleChange:
    """One rule field of a service that differs; ``old``/``new`` are Latvian words (None: no such service)."""

    service: str
    field: str
    name_lv: str
    old: str | None
    new: str | None
    touched: tuple[str, ...] = ()  # the service and, for a list of services, those added to or left out of it


def _services(cat: Catalogue, ids: list[str]) -> str:
    if not ids:
        return NONE
    return ", ".join(f"{i} {cat.service_by_id[i].short_name_lv}" if i in cat.service_by_id else i for i in ids)


def describe_rule(cat: Catalogue, name: str, value: Any) -> str:
    """A rule field's value in the words of ``cat``'s lists (enums.yaml), never a code a person cannot read."""
    enums = cat.enums
    if name == "impairments":
        return impairment_names(cat, value)
    if name == "unit":
        return unit_name(cat, value)
    if name in ("recipient", "form", "regime"):
        labels = {"recipient": enums.recipients, "form": enums.forms, "regime": enums.regimes}[name]
        return labels.get(value, str(value))
    if name == "payee":
        label = enums.payees.get(value)
        return label.name_lv if label else str(value)
    if name == "transport":
        return "jā" if value else "nē"
    if name == "day_service":
        return DAY_SERVICES.get(value, str(value)) if value else NONE
    if name in SERVICE_LISTS:
        return _services(cat, list(value))
    return str(value)


def _value(cat: Catalogue, service: Service | None, name: str) -> str | None:
    return None if service is None else describe_rule(cat, name, getattr(service, name))


def service_rule_changes(old: Catalogue, new: Catalogue) -> list[ServiceRuleChange]:
    """Every rule field that differs between the two versions of a service both catalogues have."""
    changes = []
    for sid in sorted(set(old.service_by_id) & set(new.service_by_id), key=service_order):
        a, b = old.service_by_id[sid], new.service_by_id[sid]
        for name, label in RULE_FIELDS.items():
            if getattr(a, name) != getattr(b, name):
                others = set(getattr(a, name)) ^ set(getattr(b, name)) if name in SERVICE_LISTS else set()
                touched = (sid, *sorted(others, key=service_order))
                changes.append(ServiceRuleChange(sid, name, label, _value(old, a, name), _value(new, b, name),
                                                 touched))
    return changes


def descriptive_edits(old: Catalogue, new: Catalogue) -> list[str]:
    """Services both catalogues have whose descriptive fields (names, description) differ."""
    return sorted(sid for sid in set(old.service_by_id) & set(new.service_by_id)
                  if any(getattr(old.service_by_id[sid], f) != getattr(new.service_by_id[sid], f)
                         for f in DESCRIPTIVE_FIELDS))

