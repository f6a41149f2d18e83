"""Data files next to the methodology pages (catalogue/metodika/*.yaml), validated and given to the pages.

- ``valstis.yaml``: the review of other countries' individual budgets (seed methodology part I.1) as
  data: one entry per country with the four questions a ministry reader compares (who decides, how the
  amount is set, what it may buy, how spending is controlled). Pages use it as ``valstis`` (a list in
  the seed's order) and ``valsts.<id>``.
- ``skaitli.yaml``: the figures the pages quote (statistics, survey counts) as ``skaitli.<name>`` and the
  tables of figures as ``tabulas.<name>`` (rows with integer columns; a stated total must equal the sum).
- ``seed-toc.yaml``: every chapter of the seed methodology's table of contents (by its ``_Toc`` bookmark
  and line range) and the site page that explains it, as ``nodalas``. Each page named must exist and be
  in nav.yaml.

Problems are reported like every catalogue problem: file, line, field, what was expected.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Annotated, Any

from pydantic import Field, model_validator

from generator.catalogue.loader import _validate
from generator.catalogue.models import Strict
from generator.catalogue.problems import CatalogueError, Problem
from generator.catalogue.yamlfile import YamlFile, read_yaml

COUNTRIES = "valstis.yaml"
FIGURES = "skaitli.yaml"
SEED_TOC = "seed-toc.yaml"

PAGE = r"^[a-z0-9][a-z0-9-]*\.md$"
Text = Annotated[str, Field(min_length=1)]
Page = Annotated[str, Field(pattern=PAGE)]
Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


# --- countries ---------------------------------------------------------------------------------------


class Country(Strict):
    id: Name
    nosaukums: Text  # country name, nominative
    lapa: Page  # the country's page in catalogue/metodika/
    nodala: Text  # seed chapter, e.g. "I.1.1"
    avots: Text  # seed lines, e.g. "Metodika L176–270"
    ieviests: Text  # since when the country has an individual budget (or that it has none)
    berni: Text  # whether and how children are covered
    kas_lemj: Text  # who decides the budget
    apmers: Text  # how the amount is set
    ko_var_pirkt: Text  # what it may buy
    kontrole: Text  # how spending is controlled


class Countries(Strict):
    valstis: list[Country] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Countries:
        ids = [c.id for c in self.valstis]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"valsts id atkārtojas: {', '.join(doubles)}")
        return self


# --- figures -----------------------------------------------------------------------------------------


class Figure(Strict):
    vertiba: int | float | str  # a YAML float stays text (exact); int stays int
    nozime: Text  # what the number is, in Latvian
    avots: Text

    @model_validator(mode="after")
    def _numeric(self) -> Figure:
        if isinstance(self.vertiba, str) and not re.fullmatch(r"-?\d+(\.\d+)?", self.vertiba):
            raise ValueError(f"vērtība {self.vertiba!r} nav skaitlis")
        return self


class Table(Strict):
    virsraksts: Text
    pirma_kolonna: Text  # header of the row-name column (never empty: an empty header is an accessibility fault)
    kolonnas: dict[Name, Text] = Field(min_length=1)  # column id -> header
    rindas: list[dict[str, int | str]] = Field(min_length=1)  # {nosaukums: …, <column id>: integer, …}
    kopa: dict[Name, int] | None = None  # stated totals; each must equal the column's sum
    avots: Text

    @model_validator(mode="after")
    def _rows(self) -> Table:
        for i, row in enumerate(self.rindas, 1):
            name = row.get("nosaukums")
            if not isinstance(name, str) or not name.strip():
                raise ValueError(f"{i}. rindai nav nosaukuma (nosaukums: …)")
            extra = sorted(set(row) - {"nosaukums"} - set(self.kolonnas))
            if extra:
                raise ValueError(f"rindai '{name}' nezināmas kolonnas {extra} (zināmās: {sorted(self.kolonnas)})")
            for col in self.kolonnas:
                if not isinstance(row.get(col), int):
                    raise ValueError(f"rindai '{name}' kolonnā {col} nav vesela skaitļa")
        for col, total in (self.kopa or {}).items():
            if col not in self.kolonnas:
                raise ValueError(f"kopsumma nezināmai kolonnai {col}")
            found = sum(int(row[col]) for row in self.rindas)
            if found != total:
                raise ValueError(f"kolonnas {col} rindu summa ir {found}, bet norādītā kopsumma ir {total}")
        return self


class Figures(Strict):
    skaitli: dict[Name, Figure] = Field(default_factory=dict)
    tabulas: dict[Name, Table] = Field(default_factory=dict)


# --- the seed's table of contents --------------------------------------------------------------------


class Chapter(Strict):
    toc: int = Field(ge=1)  # number of the seed's _Toc bookmark (its table-of-contents entry)
    nr: Text  # chapter number as the site cites it: "I.1.1", "II.3.4.1"; front matter: "—"
    virsraksts: Text  # short Latvian title
    sakums: int = Field(ge=1)  # first line in the seed
    beigas: int = Field(ge=1)  # last line in the seed (the line before the next heading)
    lapa: Page  # site page that explains the chapter
    piezime: str | None = None  # e.g. "virsraksts avotā zudis"

    @model_validator(mode="after")
    def _range(self) -> Chapter:
        if self.beigas < self.sakums:
            raise ValueError(f"rindu diapazons L{self.sakums}–L{self.beigas} ir apgriezts")
        return self


class SeedToc(Strict):
    avots: Text  # which seed document
    nodalas: list[Chapter] = Field(min_length=1)

    @model_validator(mode="after")
    def _order(self) -> SeedToc:
        tocs = [c.toc for c in self.nodalas]
        doubles = sorted({t for t in tocs if tocs.count(t) > 1})
        if doubles:
            raise ValueError(f"satura rādītāja ieraksts atkārtojas: {', '.join(map(str, doubles))}")
        for before, after in zip(self.nodalas, self.nodalas[1:], strict=False):
            if after.sakums <= before.beigas:
                raise ValueError(f"nodaļas {before.nr} un {after.nr} rindas pārklājas vai nav avota secībā")
        return self


# --- loading -----------------------------------------------------------------------------------------


def _load(path: Path, model: type[Strict], problems: list[Problem]) -> tuple[Any, YamlFile | None]:
    """The validated content of ``path`` and the file (for line numbers); (None, None) when absent."""
    if not path.is_file():
        return None, None
    try:
        yf = read_yaml(path)
    except CatalogueError as exc:
        problems.extend(p if p.path else p.with_path(path) for p in exc.problems)
        return None, None
    return _validate(model, yf, problems), yf


def _page_problems(yf: YamlFile, items: list[Any], key: str, page_files: list[str], listed: set[str] | None,
                   field: str = "lapa") -> list[Problem]:
    """Each item's page must be a methodology page (and, with ``listed``, one that nav.yaml names)."""
    problems: list[Problem] = []
    for i, item in enumerate(items):
        page, line, name = getattr(item, field), yf.line_of((key, i, field)), f"{key}.{i}.{field}"
        if page not in page_files:
            problems.append(Problem(yf.path, line, name, f"lapa {page} nav atrasta", "esoša lapa mapē metodika/"))
        elif listed is not None and page not in listed:
            problems.append(Problem(yf.path, line, name, f"lapa {page} nav navigācijā", "lapa, kas minēta nav.yaml"))
    return problems


def load_methodology_data(folder: Path, page_files: list[str], listed: set[str]) -> dict[str, Any]:
    """The template names ``valstis``, ``valsts``, ``skaitli``, ``tabulas`` and ``nodalas`` (empty when a
    file is absent); every problem of the three files raises one CatalogueError."""
    problems: list[Problem] = []
    countries, countries_file = _load(folder / COUNTRIES, Countries, problems)
    figures, _ = _load(folder / FIGURES, Figures, problems)
    toc, toc_file = _load(folder / SEED_TOC, SeedToc, problems)
    if countries is not None and countries_file is not None:
        problems.extend(_page_problems(countries_file, countries.valstis, "valstis", page_files, None))
    if toc is not None and toc_file is not None:  # every chapter must be reachable from the navigation
        problems.extend(_page_problems(toc_file, toc.nodalas, "nodalas", page_files, listed))
    if problems:
        raise CatalogueError(problems)
    country_list = countries.valstis if countries else []
    chapters = toc.nodalas if toc else []
    tables = {name: SimpleNamespace(**dict(table), nodala=chapter_of(chapters, table.avots))
              for name, table in (figures.tabulas if figures else {}).items()}
    return {
        "valstis": country_list,
        "valsts": {c.id: c for c in country_list},
        "skaitli": {k: _number(v.vertiba) for k, v in (figures.skaitli if figures else {}).items()},
        "tabulas": tables,  # each with .nodala: the seed chapter its source lines belong to (or None)
        "nodalas": chapters,
    }


def chapter_of(chapters: list[Chapter], source: str) -> Chapter | None:
    """The seed chapter that holds the first line ``L<n>`` named in ``source`` (None without one)."""
    match = re.search(r"L(\d+)", source)
    if match is None:
        return None
    line = int(match.group(1))
    return next((c for c in chapters if c.sakums <= line <= c.beigas), None)


def _number(value: int | float | str) -> int | Decimal:
    return value if isinstance(value, int) else Decimal(str(value))
