"""Data files next to the methodology pages (catalogue/metodika/*.yaml), validated and given to the pages.

- ``valstis.yaml``: the review of other countries' individual budgets (seed methodology part I.1) as
  data: one entry per country with the four questions a ministry reader compares (who decides, how the
  amount is set, what it may buy, how spending is controlled). Pages use it as ``valstis`` (a list in
  the seed's order) and ``valsts.<id>``.
- ``skaitli.yaml``: the figures the pages quote (statistics, survey counts) as ``skaitli.<name>`` and the
  tables of figures as ``tabulas.<name>`` (rows with integer columns; a stated total must equal the sum).
- ``lemumu-temas.yaml``: the themes that group the decisions page's decisions (generator/site/decision_sections.py).
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
from typing import Any

from generator.catalogue.data_files import Chapter, Countries, DecisionThemes, Figures, SeedToc
from generator.catalogue.loader import _validate
from generator.catalogue.models import Strict
from generator.catalogue.problems import CatalogueError, Problem
from generator.catalogue.yamlfile import YamlFile, read_yaml

COUNTRIES = "valstis.yaml"
FIGURES = "skaitli.yaml"
SEED_TOC = "seed-toc.yaml"
DECISION_THEMES = "lemumu-temas.yaml"

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


def load_decision_themes(folder: Path) -> DecisionThemes | None:
    """lemumu-temas.yaml validated (None when absent); a problem raises CatalogueError."""
    problems: list[Problem] = []
    themes, _ = _load(folder / DECISION_THEMES, DecisionThemes, problems)
    if problems:
        raise CatalogueError(problems)
    return themes


def chapter_of(chapters: list[Chapter], source: str) -> Chapter | None:
    """The seed chapter that holds the first line ``L<n>`` named in ``source`` (None without one)."""
    match = re.search(r"L(\d+)", source)
    if match is None:
        return None
    line = int(match.group(1))
    return next((c for c in chapters if c.sakums <= line <= c.beigas), None)


def _number(value: int | float | str) -> int | Decimal:
    return value if isinstance(value, int) else Decimal(str(value))
