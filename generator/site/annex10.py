"""The twelve worked examples of annex 10 (financing variants 1–3): inputs and the figures the
methodology states, from catalogue/piemeri/10-pielikums.yaml (validated here), each computed by the
reference (generator.reference.plan.financing) for the examples page.

The examples' earlier state and municipal support (900 or 0 EUR) is taken as state/municipal
services, as the reference test cases do (tests/cases/financing_variants.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from generator.catalogue.problems import CatalogueError, Problem
from generator.catalogue.yamlfile import read_yaml
from generator.reference.plan import Financing, financing

FILE = Path("piemeri") / "10-pielikums.yaml"


class Stated(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ib: Decimal = Field(ge=0)
    public: Decimal = Field(ge=0)
    total: Decimal = Field(ge=0)


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[1-3]\.[1-9]$")
    variant: Literal[1, 2, 3]
    needed: Decimal = Field(ge=0)
    earlier: Decimal = Field(ge=0)
    stated: Stated
    source: str = Field(pattern=r"^L\d+$")


class Annex10(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ib_final: Decimal = Field(gt=0)
    cases: list[Case] = Field(min_length=1)


@dataclass(frozen=True)
class Example:
    case: Case
    computed: Financing

    @property
    def public(self) -> Decimal:
        """What state and municipal support (benefits and services) covers."""
        return self.computed.benefits + self.computed.services

    @property
    def matches(self) -> bool:
        s = self.case.stated
        return (self.computed.ib, self.public, self.computed.total) == (s.ib, s.public, s.total)


@dataclass(frozen=True)
class Examples:
    ib_final: Decimal
    examples: list[Example]

    def by_variant(self) -> list[tuple[int, list[Example]]]:
        variants = sorted({e.case.variant for e in self.examples})
        return [(v, [e for e in self.examples if e.case.variant == v]) for v in variants]


def load(catalogue_root: Path) -> Annex10 | None:
    """The examples file, or None when the catalogue has none; problems raise CatalogueError."""
    path = catalogue_root / FILE
    if not path.is_file():
        return None
    yf = read_yaml(path)
    try:
        data = Annex10.model_validate(yf.data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.append(Problem(path, yf.line_of(loc), ".".join(str(x) for x in loc) or "-", err["msg"],
                                    "skatīt faila galvenes komentāru"))
        raise CatalogueError(problems) from None
    seen: set[str] = set()
    for i, case in enumerate(data.cases):
        if case.id in seen:
            raise CatalogueError([Problem(path, yf.line_of(("cases", i)), f"cases.{i}.id",
                                          f"piemērs {case.id} ir divreiz", "katrs piemērs vienreiz")])
        if not case.id.startswith(f"{case.variant}."):
            raise CatalogueError([Problem(path, yf.line_of(("cases", i)), f"cases.{i}.variant",
                                          f"piemērs {case.id} nav {case.variant}. variantā",
                                          "piemēra numura pirmais cipars ir variants")])
        seen.add(case.id)
    return data


def compute(data: Annex10) -> Examples:
    """Every case computed by the reference with F as the IB amount available."""
    examples = [Example(c, financing(c.needed, data.ib_final, services=c.earlier, variant=c.variant))
                for c in data.cases]
    return Examples(data.ib_final, examples)
