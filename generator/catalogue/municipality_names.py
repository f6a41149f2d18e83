"""Dated names of the municipalities and their social services (catalogue/municipality-names.yaml, D43).

municipalities.yaml holds a municipality's pilot-time name; this file holds every name with the period it is in
force and a status. A document names a party only by a name that is in force on the document's date and is
confirmed (``apstiprināts``) for it; otherwise the party is a blank to fill (generator/documents/party_names.py).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import Field, model_validator

from generator.catalogue.models import NameForms, PriceStatus, SafeText, Strict

if TYPE_CHECKING:
    from generator.catalogue.catalogue import Catalogue
    from generator.catalogue.problems import Problem
    from generator.catalogue.yamlfile import YamlFile

FILE_NAME = "municipality-names.yaml"
KINDS = {"municipality": "pašvaldības", "social_service": "sociālā dienesta"}


class DatedName(Strict):
    """One name of an institution and the days it is in force (both ends inclusive; empty: open)."""

    name: SafeText
    forms: NameForms  # genitive, dative, locative and gender of ``name``
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    status: PriceStatus
    source: SafeText
    note: str | None = None

    @model_validator(mode="after")
    def _period(self) -> DatedName:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError(f"nosaukums „{self.name}” ir spēkā līdz {self.valid_to:%d.%m.%Y}, pirms tā "
                             f"sākuma {self.valid_from:%d.%m.%Y}")
        return self

    def covers(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    @property
    def confirmed(self) -> bool:
        return self.status is PriceStatus.confirmed


class InstitutionNames(Strict):
    """The names of one municipality and of its social service, oldest first."""

    municipality: list[DatedName] = Field(min_length=1)
    social_service: list[DatedName] = Field(min_length=1)


class MunicipalityNames(Strict):
    names: dict[str, InstitutionNames]  # keyed by the municipality id of municipalities.yaml

    def in_force(self, municipality_id: str, kind: str, day: dt.date) -> DatedName | None:
        """The name of ``kind`` ("municipality" or "social_service") in force on ``day``, confirmed or not."""
        entry = self.names.get(municipality_id)
        if entry is None:
            return None
        return next((n for n in getattr(entry, kind) if n.covers(day)), None)

    def confirmed_on(self, municipality_id: str, kind: str, day: dt.date) -> DatedName | None:
        """The name a document dated ``day`` may print: in force on that day and confirmed; else None."""
        name = self.in_force(municipality_id, kind, day)
        return name if name is not None and name.confirmed else None


def _overlap(a: DatedName, b: DatedName) -> bool:
    low, high = dt.date.min, dt.date.max
    return (a.valid_from or low) <= (b.valid_to or high) and (b.valid_from or low) <= (a.valid_to or high)


def name_problems(cat: Catalogue) -> list[Problem]:
    """Every name belongs to a known municipality, each municipality has names, and two names of one
    institution are never in force on the same day (a document's date must choose one)."""
    from generator.catalogue.problems import Problem, Severity

    names: MunicipalityNames | None = cat.municipality_names
    yf: YamlFile | None = cat.files.get("municipality_names")
    if names is None or yf is None:
        return []
    problems: list[Problem] = []

    def add(loc: tuple, field: str, message: str, expected: str | None, warn: bool = False) -> None:
        problems.append(Problem(yf.path, yf.line_of(loc), field, message, expected,
                                Severity.warning if warn else Severity.error))

    known = [m.id for m in cat.municipalities.municipalities]
    for municipality_id, entry in names.names.items():
        if municipality_id not in known:
            add(("names", municipality_id), f"names.{municipality_id}", f"nezināma pašvaldība „{municipality_id}”",
                "pašvaldības id no municipalities.yaml")
        for kind, noun in KINDS.items():
            dated = getattr(entry, kind)
            for i, a in enumerate(dated):
                for j, b in enumerate(dated[:i]):
                    if _overlap(a, b):
                        add(("names", municipality_id, kind, i, "valid_from"),
                            f"names.{municipality_id}.{kind}.{i}.valid_from",
                            f"{noun} nosaukumi „{b.name}” ({j + 1}.) un „{a.name}” ({i + 1}.) ir spēkā vienā laikā",
                            "nosaukumu spēkā esamības laiki nepārklājas")
    for municipality_id in known:
        if municipality_id not in names.names:
            add(("names",), "names", f"pašvaldībai {municipality_id} nav nosaukumu: dokumentos tās un sociālā "
                "dienesta nosaukums būs tukša vieta", f"names.{municipality_id} ar municipality un social_service",
                warn=True)
    return problems
