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

from generator.catalogue.data_files import Annex10, Case
from generator.catalogue.loader import _validate
from generator.catalogue.problems import CatalogueError, Problem
from generator.catalogue.yamlfile import read_yaml
from generator.reference.plan import Financing, financing

FILE = Path("piemeri") / "10-pielikums.yaml"


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
    problems: list[Problem] = []
    data = _validate(Annex10, yf, problems)
    if data is None:
        raise CatalogueError(problems)
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
