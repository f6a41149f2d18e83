"""The annex register (catalogue/annexes.yaml): every annex the methodology names (1.–45., plus 16.1 and
16.9) with its title and where a reader finds it: generated outputs (document or report workbook ids), a
section of the IBM matrix, a site page, or the reason it is not generated.

The site's page pielikumi.html and the methodology's "N.pielikums" links are generated from it; the
documents build and the tests check that every generated output has a row and every row points at
something that exists.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, model_validator

from generator.catalogue.models import SafeText, Strict
from generator.catalogue.problems import Problem, Severity, quoted
from generator.catalogue.yamlfile import YamlFile

ANNEX_NUMBER = r"^[1-9][0-9]?(\.[0-9]{1,2})?$"
# The methodology's numbered annexes: 1.–45. and the two numbered sub-annexes of the price annex 16.
REQUIRED_NUMBERS = (*[str(n) for n in range(1, 46)], "16.1", "16.9")
OUTPUT_ID = r"^[a-z0-9][a-z0-9-]*$"
PAGE = r"^[a-z0-9][a-z0-9/-]*\.md$"
MATRIX_SECTION = r"^6(\.[0-9]{1,2})?$"


def annex_anchor(number: str) -> str:
    """The id of annex ``number``'s row on the register page (pielikumi.html): "16.1" -> "p-16-1"."""
    return "p-" + number.replace(".", "-")


class Annex(Strict):
    number: str = Field(pattern=ANNEX_NUMBER, description="Pielikuma numurs, piem. \"27\" vai \"16.1\"")
    title_lv: SafeText = Field(description="Nosaukums (pārfrāzēts, mūsu latviešu valodā)")
    lines: list[str] = Field(default_factory=list, description="Metodikas rindas, piem. L2151")
    reconstruction: bool = Field(
        default=False, description="true: avotā dots tikai pielikuma mērķis; saturs ir projekta rekonstrukcija")
    outputs: list[str] = Field(default_factory=list,
                               description="Ģenerēto dokumentu vai atskaišu veidņu id (generator/documents)")
    matrix: str | None = Field(default=None, pattern=MATRIX_SECTION,
                               description="IBM matricas daļa, piem. \"6.3\" (\"6\" – visa matrica)")
    page: str | None = Field(default=None, pattern=PAGE,
                             description="Vietnes lapa (ceļš vietnes avotos, piem. metodika/izvertesana.md)")
    reason_lv: SafeText | None = Field(default=None, description="Kāpēc pielikums netiek ģenerēts un kur to iegūt")

    @model_validator(mode="after")
    def _points_somewhere(self) -> Annex:
        if not (self.outputs or self.matrix or self.page or self.reason_lv):
            raise ValueError(f"pielikumam {self.number} nav norādīts, kur tas atrodams "
                             "(outputs, matrix, page vai reason_lv)")
        for line in self.lines:
            if not re.fullmatch(r"L[0-9]{1,4}", line):
                raise ValueError(f"rinda „{line}” (gaidīts: L un rindas numurs, piem. L2151)")
        return self

    @property
    def anchor(self) -> str:
        """The row's id on pielikumi.html, e.g. p-16-1."""
        return annex_anchor(self.number)


class UnnumberedForm(Strict):
    """A form the methodology requires without giving it an annex number."""

    title_lv: SafeText
    basis_lv: SafeText = Field(description="Kur metodikā šī veidlapa izriet")
    reconstruction: bool = False
    outputs: list[str] = Field(min_length=1)


class ScaleLevel(Strict):
    score: int = Field(ge=1, le=9)
    label_lv: SafeText


class Stage(Strict):
    id: str = Field(pattern=OUTPUT_ID)
    label_lv: SafeText


SHEET_NAME_MAX = 31  # Excel's limit on a sheet's name


class Party(Strict):
    annex: str = Field(pattern=ANNEX_NUMBER)
    id: str = Field(pattern=OUTPUT_ID)
    label_lv: SafeText
    sheet_lv: SafeText | None = Field(None, description="Īsāks nosaukums darbgrāmatas lapai, ja „pielikums + "
                                      "label_lv” ir garāks par 31 zīmi (Excel lapas nosaukuma robeža)")
    output: str = Field(pattern=OUTPUT_ID, description="Drukājamās anketas dokumenta id")
    stages: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _sheet_name_fits(self) -> Party:
        name = self.sheet_name
        if len(name) > SHEET_NAME_MAX:
            field = "sheet_lv" if self.sheet_lv else "label_lv"
            raise ValueError(f"pusei {self.id} lapas nosaukums „{name}” ir {len(name)} zīmes (gaidīts: ne vairāk "
                             f"kā {SHEET_NAME_MAX}; {field} saīsiniet vai norādiet īsāku sheet_lv)")
        return self

    @property
    def sheet_name(self) -> str:
        """The party's sheet in the questionnaire workbook: "37 Komandas speciālists"."""
        return f"{self.annex} {self.sheet_lv or self.label_lv}"


class Quality(Strict):
    """The quality questionnaires 35–38: the 1–5 scale (L2590) and each party's stages (L2597–L2619)."""

    scale: list[ScaleLevel] = Field(min_length=2)
    stages: list[Stage] = Field(min_length=1)
    parties: list[Party] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_stages(self) -> Quality:
        known = {s.id for s in self.stages}
        for party in self.parties:
            unknown = [s for s in party.stages if s not in known]
            if unknown:
                raise ValueError(f"pusei {party.id} nezināmi posmi {', '.join(map(quoted, unknown))} "
                                 f"(gaidīts: kāds no {', '.join(map(quoted, sorted(known)))})")
        scores = [level.score for level in self.scale]
        if scores != list(range(1, len(scores) + 1)):
            raise ValueError(f"skalas vērtības {', '.join(map(str, scores))} (gaidīts: 1, 2, 3 … pēc kārtas)")
        return self

    def stage(self, stage_id: str) -> Stage:
        return next(s for s in self.stages if s.id == stage_id)

    @property
    def max_score(self) -> int:
        return self.scale[-1].score


class AnnexRegister(Strict):
    """catalogue/annexes.yaml."""

    annexes: list[Annex] = Field(min_length=1)
    unnumbered: list[UnnumberedForm] = Field(default_factory=list)
    quality: Quality

    def output_ids(self) -> set[str]:
        """Every output id the register names."""
        ids = {o for a in self.annexes for o in a.outputs} | {o for f in self.unnumbered for o in f.outputs}
        return ids | {p.output for p in self.quality.parties}

    def by_number(self) -> dict[str, Annex]:
        return {a.number: a for a in self.annexes}

    def for_output(self, output_id: str) -> list[Annex]:
        return [a for a in self.annexes if output_id in a.outputs]


def annex_sort_key(number: str) -> tuple[int, int]:
    major, _, minor = number.partition(".")
    return int(major), int(minor or 0)


def annex_problems(register: AnnexRegister, yf: YamlFile, catalogue_root: Path) -> list[Problem]:
    """Cross-checks of the annex register: every annex number once, every output known and registered,
    every page existing, the questionnaires tied to their annex rows."""
    from generator.documents.outputs import output_ids

    problems: list[Problem] = []

    def add(loc: tuple, field: str, message: str, expected: str | None = None, warn: bool = False) -> None:
        severity = Severity.warning if warn else Severity.error
        problems.append(Problem(yf.path, yf.line_of(loc), field, message, expected, severity))

    seen: set[str] = set()
    known_outputs = set(output_ids())
    for i, annex in enumerate(register.annexes):
        where = f"annexes.{i}"
        if annex.number in seen:
            add(("annexes", i, "number"), f"{where}.number", f"pielikums {annex.number} minēts divreiz",
                "katrs numurs vienreiz")
        elif annex.number not in REQUIRED_NUMBERS:
            add(("annexes", i, "number"), f"{where}.number", f"metodikā nav pielikuma {annex.number}",
                "1–45, 16.1 vai 16.9")
        seen.add(annex.number)
        for k, output in enumerate(annex.outputs):
            if output not in known_outputs:
                add(("annexes", i, "outputs", k), f"{where}.outputs", f"izvade „{output}” netiek ģenerēta",
                    "dokumenta vai atskaites id no generator/documents/outputs.py")
        if annex.page and not _page_exists(annex.page, catalogue_root):
            add(("annexes", i, "page"), f"{where}.page", f"vietnes lapa „{annex.page}” nav atrasta",
                "metodika/<fails>.md no catalogue/metodika/ vai ģenerēta lapa (" + ", ".join(GENERATED_PAGES) + ")",
                # The methodology pages are the authors' to rename: the register row then loses its link
                # (the site test of the real catalogue fails), not the whole catalogue.
                warn=annex.page.startswith("metodika/"))
    missing = [n for n in REQUIRED_NUMBERS if n not in seen]
    if missing:
        add(("annexes",), "annexes", f"trūkst pielikumu: {', '.join(missing)}", "katram pielikumam 1–45, 16.1, 16.9 rinda")
    for i, form in enumerate(register.unnumbered):
        for k, output in enumerate(form.outputs):
            if output not in known_outputs:
                add(("unnumbered", i, "outputs", k), f"unnumbered.{i}.outputs", f"izvade „{output}” netiek ģenerēta",
                    "dokumenta vai atskaites id no generator/documents/outputs.py")
    registered = {o for a in register.annexes for o in a.outputs} | {o for f in register.unnumbered for o in f.outputs}
    for output in sorted(known_outputs - registered):
        add(("annexes",), "annexes", f"ģenerētā izvade „{output}” nav pielikumu reģistrā",
            "rinda annexes (pielikuma numurs) vai unnumbered ar šo id laukā outputs")
    numbers = register.by_number()
    for i, party in enumerate(register.quality.parties):
        annex = numbers.get(party.annex)
        if annex is None or party.output not in annex.outputs:
            add(("quality", "parties", i), f"quality.parties.{i}", f"anketa „{party.output}” nav minēta "
                f"{party.annex}. pielikuma rindā", f"annexes rinda {party.annex} ar outputs: [{party.output}]")
    return problems


# Generated site pages an annex row may point at (generator/site/paths.py keeps them fixed).
GENERATED_PAGES = ("katalogs/index.md", "cenas.md", "izmainas.md", "matrica.md", "lejupielades.md", "piemeri.md")


def _page_exists(page: str, catalogue_root: Path) -> bool:
    if page.startswith("metodika/"):
        return (catalogue_root / page).is_file()
    return page in GENERATED_PAGES
