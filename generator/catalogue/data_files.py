"""The shapes of the catalogue's data files that are not catalogue entities: the data next to the
methodology pages (catalogue/metodika/valstis.yaml, skaitli.yaml, seed-toc.yaml, nav.yaml, lemumu-temas.yaml) and the
worked examples of annex 10 (catalogue/piemeri/10-pielikums.yaml).

The loader validates each of them when present (file, line, field and a Latvian message, like every
catalogue file); `ibm schema` exports their JSON Schemas to catalogue/schema/ for editors. The site
reads them again for what only it can check (a page named must exist, annex 10 example numbers).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, RootModel, Tag, model_validator

from generator.catalogue.models import Strict

PAGE_PATTERN = r"^[a-z0-9][a-z0-9-]*\.md$"
Text = Annotated[str, Field(min_length=1)]
Page = Annotated[str, Field(pattern=PAGE_PATTERN)]
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
            raise ValueError(f"vērtība „{self.vertiba}” nav skaitlis")
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
                raise ValueError(f"rindai „{name}” nezināmas kolonnas {', '.join(extra)} "
                                 f"(zināmās: {', '.join(sorted(self.kolonnas))})")
            for col in self.kolonnas:
                if not isinstance(row.get(col), int):
                    raise ValueError(f"rindai „{name}” kolonnā {col} nav vesela skaitļa")
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


# --- the methodology's navigation (nav.yaml) ---------------------------------------------------------


class NavPageEntry(Strict):
    fails: Page  # Markdown file in catalogue/metodika/
    virsraksts: Text  # title in the menu


class NavSectionEntry(Strict):
    sadala: Text  # section title
    lapas: list[NavEntry] = Field(min_length=1)


def _nav_kind(value: Any) -> str:
    return "tag:sadala" if isinstance(value, dict) and "sadala" in value else "tag:lapa"


NavEntry = Annotated[Annotated[NavPageEntry, Tag("tag:lapa")] | Annotated[NavSectionEntry, Tag("tag:sadala")],
                     Discriminator(_nav_kind)]
NavSectionEntry.model_rebuild()


class Nav(RootModel[list[NavEntry]]):
    """nav.yaml: a list of pages ``{fails, virsraksts}`` and sections ``{sadala, lapas}``."""

    root: list[NavEntry] = Field(min_length=1)


# --- the themes of the decisions page (lemumu-temas.yaml) -------------------------------------------


class DecisionTheme(Strict):
    id: Name
    virsraksts: Text  # the section heading on the page
    ievads: str | None = None  # one or two sentences under the heading
    lemumi: list[Annotated[int, Field(ge=1)]] = Field(min_length=1)  # decision numbers (D4 -> 4), page order


class DecisionThemes(Strict):
    """lemumu-temas.yaml: the decisions page shows its decisions grouped by these themes, one section each."""

    temas: list[DecisionTheme] = Field(min_length=1)

    @model_validator(mode="after")
    def _once(self) -> DecisionThemes:
        seen: list[int] = [n for t in self.temas for n in t.lemumi]
        doubles = sorted({n for n in seen if seen.count(n) > 1})
        if doubles:
            raise ValueError("lēmums ir vairākās tēmās: " + ", ".join(f"D{n}" for n in doubles))
        ids = [t.id for t in self.temas]
        same = sorted({i for i in ids if ids.count(i) > 1})
        if same:
            raise ValueError(f"tēmas id atkārtojas: {', '.join(same)}")
        return self


# --- the worked examples of annex 10 (piemeri/10-pielikums.yaml) --------------------------------------


class Stated(Strict):
    ib: Decimal = Field(ge=0)
    public: Decimal = Field(ge=0)
    total: Decimal = Field(ge=0)


class Case(Strict):
    id: str = Field(pattern=r"^[1-3]\.[1-9]$")
    variant: Literal[1, 2, 3]
    needed: Decimal = Field(ge=0)
    earlier: Decimal = Field(ge=0)
    stated: Stated
    source: str = Field(pattern=r"^L\d+$")


class Annex10(Strict):
    ib_final: Decimal = Field(gt=0)
    cases: list[Case] = Field(min_length=1)


# Each file (relative to the catalogue folder) and its model; `ibm schema` names the schema after the key.
DATA_FILES: dict[str, type[Strict] | type[RootModel[Any]]] = {
    "metodika/valstis.yaml": Countries,
    "metodika/skaitli.yaml": Figures,
    "metodika/seed-toc.yaml": SeedToc,
    "metodika/nav.yaml": Nav,
    "metodika/lemumu-temas.yaml": DecisionThemes,
    "piemeri/10-pielikums.yaml": Annex10,
}
