"""The legal acts and norms the documents cite (catalogue/tiesibu-akti.yaml), each a fact with a source and a
validity period, like a price.

An act carries its name in every grammatical case a document needs (templates never inflect), the dates it
entered into force and ceased to be in force (each with a status), and the period in which the catalogue's
sources prove it in force. A document cites a norm as confirmed text only on a day the catalogue knows the act
to be in force (``LegalAct.known_in_force_on``, decision D42); otherwise it prints a blank with a note.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from generator.catalogue.models import PriceStatus, SafeText, Strict
from generator.catalogue.problems import Problem, Severity
from generator.catalogue.yamlfile import YamlFile
from generator.superscript import TO_SUPERSCRIPT


class ActKind(StrEnum):
    law = "likums"
    cabinet_regulation = "MK noteikumi"
    eu_regulation = "ES regula"
    methodology = "metodika"


class Case(StrEnum):
    """The grammatical cases a document cites an act or a norm in."""

    nominative = "nominative"  # nominatīvs, kas? – "Administratīvā procesa likums", "76. panta otrā daļa"
    genitive = "genitive"  # ģenitīvs, kā? – "Administratīvā procesa likuma"
    accusative = "accusative"  # akuzatīvs, ko? (pamatojoties uz ko?) – "55. pantu"
    locative = "locative"  # lokatīvs, kur? – "Administratīvā procesa likumā"


class CaseForms(Strict):
    """A name in each case a document needs; the genitive is also the act's part of a norm's citation."""

    nominative: SafeText
    genitive: SafeText
    accusative: SafeText
    locative: SafeText | None = None

    def get(self, case: Case) -> str | None:
        return getattr(self, case.value)


class DatedFact(Strict):
    """A date with its status and source: `apstiprināts` only with a source that proves it."""

    date: dt.date | None = None
    status: PriceStatus
    source: SafeText


class ValidFrom(DatedFact):
    @model_validator(mode="after")
    def _confirmed_has_date(self) -> ValidFrom:
        if self.status is PriceStatus.confirmed and self.date is None:
            raise ValueError("apstiprinātam spēkā stāšanās datumam vajag datumu (date)")
        return self


class ValidTo(DatedFact):
    """The day the act ceased to be in force (the first day it no longer applies). `apstiprināts` without a date:
    no end is known and the act stays in force until the catalogue records its end, like a confirmed price stays
    until a newer value (D42). `jāprecizē`: the act may have ended (replaced, amended); the date, if any, is
    a belief, and the act is cited only within ``known_in_force``."""


class KnownInForce(Strict):
    """The days on which the catalogue's sources prove the act in force (e.g. the methodology's own date and
    use): a norm is cited in full on these days whatever the status of valid_from and valid_to."""

    from_: dt.date = Field(alias="from")
    until: dt.date
    source: SafeText

    model_config = Strict.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _ordered(self) -> KnownInForce:
        if self.until < self.from_:
            raise ValueError(f"until ({self.until:%d.%m.%Y}) ir pirms from ({self.from_:%d.%m.%Y})")
        return self


class Norm(Strict):
    """One norm of an act (pants, daļa, punkts) as the documents cite it."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    pants: int | None = Field(default=None, ge=1)
    pants_index: int | None = Field(default=None, ge=1, description="Panta augšindekss, piem. 1 pantam „17.¹”")
    dala: int | None = Field(default=None, ge=1, description="Panta daļa")
    punkts: str | None = Field(default=None, pattern=r"^[0-9]+(\.[0-9]+)*$")
    apakspunkts: str | None = Field(default=None, pattern=r"^[0-9a-z]+$")
    forms: CaseForms = Field(description="Normas daļa citātā (bez akta nosaukuma) katrā locījumā, piem. „55. pantu”")
    cited_for: SafeText = Field(description="Ko norma nosaka: teksts pēc vārdiem „norma, kas nosaka …”")
    source: SafeText = Field(description="Kur avotos norma minēta, piem. „002 L953”")
    status: PriceStatus = Field(default=PriceStatus.confirmed, description=(
        "„apstiprināts”: normas numurs un saturs pierādīts avotā; „jāprecizē”: nav pārbaudīts (piem., vai norma "
        "bija un ir spēkā ar šo numuru), tāpēc dokumenti to nekad nedrukā kā apstiprinātu (D74)"))

    @property
    def confirmed(self) -> bool:
        return self.status is PriceStatus.confirmed

    @model_validator(mode="after")
    def _forms_name_the_norm(self) -> Norm:
        if self.pants is None and self.punkts is None:
            raise ValueError("normai vajag pantu (pants) vai punktu (punkts)")
        index = str(self.pants_index or "").translate(TO_SUPERSCRIPT)
        number = f"{self.pants}.{index} pant" if self.pants is not None else f"{self.punkts}. punkt"
        for case in Case:
            text = self.forms.get(case)
            if text is not None and number not in text:
                raise ValueError(f"forms.{case.value} „{text}” nesatur „{number}…”")
        return self


class LegalAct(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    kind: ActKind
    forms: CaseForms = Field(description="Pilns akta nosaukums katrā locījumā")
    adopted: dt.date | None = Field(default=None, description="Pieņemšanas datums, ja zināms")
    valid_from: ValidFrom
    valid_to: ValidTo
    known_in_force: KnownInForce | None = None
    source: SafeText = Field(description="Kur avotos akts minēts, piem. „002 L953, 131. zemsvītras piezīme”")
    cited_for: SafeText | None = Field(default=None, description="Ko akts nosaka, ja dokuments citē visu aktu")
    note: str | None = None
    norms: list[Norm] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> LegalAct:
        start, end = self.valid_from, self.valid_to
        if start.date and end.date and end.date <= start.date:
            raise ValueError("valid_to ir agrāk par valid_from vai vienāds ar to")
        known = self.known_in_force
        if known is not None and end.status is PriceStatus.confirmed and end.date and known.until >= end.date:
            raise ValueError("known_in_force.until nav pirms apstiprinātā valid_to datuma")
        if known is not None and start.status is PriceStatus.confirmed and start.date and known.from_ < start.date:
            raise ValueError("known_in_force.from ir pirms apstiprinātā valid_from datuma")
        return self

    def known_in_force_on(self, day: dt.date) -> bool:
        """Whether the catalogue knows the act to be in force on ``day`` (D42): the day lies in the period the
        sources prove, or between a confirmed start and a confirmed end (a confirmed end without a date: none)."""
        known = self.known_in_force
        if known is not None and known.from_ <= day <= known.until:
            return True
        start, end = self.valid_from, self.valid_to
        if start.status is not PriceStatus.confirmed or start.date is None or day < start.date:
            return False
        return end.status is PriceStatus.confirmed and (end.date is None or day < end.date)

    def known_until(self) -> dt.date | None:
        """The last day the catalogue proves the act in force by its own sources, if any (for notes)."""
        return self.known_in_force.until if self.known_in_force else None


class LegalActs(Strict):
    """catalogue/tiesibu-akti.yaml: every act and norm a document cites."""

    acts: list[LegalAct] = Field(min_length=1)

    @field_validator("acts")
    @classmethod
    def _unique_ids(cls, acts: list[LegalAct]) -> list[LegalAct]:
        seen: set[str] = set()
        for act in acts:
            for ident in (act.id, *(n.id for n in act.norms)):
                if ident in seen:
                    raise ValueError(f"identifikators „{ident}” norādīts divreiz")
                seen.add(ident)
        return acts

    def act(self, act_id: str) -> LegalAct:
        for act in self.acts:
            if act.id == act_id:
                return act
        raise KeyError(f"tiesību akts „{act_id}” nav katalogā (tiesibu-akti.yaml)")

    def norm(self, norm_id: str) -> tuple[LegalAct, Norm]:
        for act in self.acts:
            for norm in act.norms:
                if norm.id == norm_id:
                    return act, norm
        raise KeyError(f"tiesību norma „{norm_id}” nav katalogā (tiesibu-akti.yaml)")


def legal_act_warnings(acts: LegalActs, yf: YamlFile) -> list[Problem]:
    """`ibm check` says which acts the documents cite only within their proven period (like unconfirmed prices)."""
    problems = []
    for i, act in enumerate(acts.acts):
        if act.valid_to.status is PriceStatus.confirmed:
            continue
        until = act.known_until()
        shown = f"pilnā tekstā tikai līdz {until:%d.%m.%Y}" if until else "tikai kā tukšu vietu ar piezīmi"
        problems.append(Problem(yf.path, yf.line_of(("acts", i, "valid_to", "status")), f"acts.{i}.valid_to.status",
                                f"tiesību akta „{act.id}” spēkā esamības beigas ir jāprecizē: dokumenti to citē {shown}",
                                None, Severity.warning))
    for i, act in enumerate(acts.acts):
        for j, norm in enumerate(act.norms):
            if not norm.confirmed:  # D74: never printed as confirmed text
                problems.append(Problem(yf.path, yf.line_of(("acts", i, "norms", j, "status")),
                                        f"acts.{i}.norms.{j}.status",
                                        f"tiesību normas „{norm.id}” numurs un redakcija ir jāprecizē: dokumenti to "
                                        "citē tikai kā tukšu vietu ar piezīmi", None, Severity.warning))
    return problems
