"""Rendering the methodology pages of catalogue/metodika/ (Jinja2 templates in Markdown).

Each ``*.md`` file there is a page, except ``saisinajumi.md`` (the abbreviation list appended to every
page of the site) and files starting with ``_`` (partials for ``{% include %}``). A page may use only
the names of ``context.template_context``; an unknown name, a syntax error or a failing filter stops
the build with the file, the line and what was expected.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from generator.catalogue.data_files import DecisionThemes
from generator.catalogue.problems import CatalogueError, Problem
from generator.site import paths
from generator.site.context import environment
from generator.site.methodology_data import load_decision_themes, load_methodology_data
from generator.site.nav import NavItem, pages, read_nav

EXPECTED_NAMES = "p.<parametrs>, p_statuss.<parametrs>, dienas_numuri, cena(id), grupu_griesti, katalogs, pasvaldibas, izmeginajumi, svetku_gadi, kartu_gadi, " \
                 "darba_dienas(no, līdz), svetku_darbdienas(no, līdz), valstis, valsts.<id>, " \
                 "skaitli.<nosaukums>, tabulas.<nosaukums>, nodalas, lapu_virsraksti; filtri eur, procenti, skaitlis, datums, vesels"


@dataclass(frozen=True)
class Methodology:
    pages: dict[str, str]  # file name relative to catalogue/metodika/ -> rendered Markdown
    abbreviations: str  # rendered saisinajumi.md ("" when the file does not exist)
    nav: list[NavItem]
    unlisted: list[str]  # pages that nav.yaml does not name
    decision_themes: DecisionThemes | None = None  # lemumu-temas.yaml: how the decisions page groups its decisions


def page_files(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*.md")
        if p.name != paths.ABBREVIATIONS and not p.name.startswith("_")
    )


def _line_in(exc: BaseException, filename: str) -> int | None:
    line = getattr(exc, "lineno", None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    return line


def render_template(env: jinja2.Environment, path: Path, name: str, context: dict[str, Any]) -> str:
    """Render template ``name`` of ``env`` (the file ``path``); a failure becomes a CatalogueError
    naming the file and the line."""
    filename = str(path)
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise CatalogueError([Problem(path, exc.lineno or 1, "veidne", f"sintakses kļūda: {exc.message}",
                                      "Jinja2 {{ … }} un {% … %} ar aizvērtām iekavām")]) from None
    except jinja2.UndefinedError as exc:
        raise CatalogueError([Problem(path, _line_in(exc, filename) or 1, "veidne",
                                      f"nezināms nosaukums: {exc.message}", EXPECTED_NAMES)]) from None
    except jinja2.TemplateNotFound as exc:
        raise CatalogueError([Problem(path, _line_in(exc, filename) or 1, "veidne",
                                      f"iekļaujamais fails {exc.name} nav atrasts", "fails mapē metodika/")]) from None
    except Exception as exc:  # noqa: BLE001 - a filter or look-up failed: say where
        raise CatalogueError([Problem(path, _line_in(exc, filename) or 1, "veidne", str(exc),
                                      EXPECTED_NAMES)]) from None


def render_methodology(catalogue_root: Path, context: dict[str, Any]) -> Methodology:
    folder = paths.methodology_dir(catalogue_root)
    files = page_files(folder)
    problems: list[Problem] = []
    nav: list[NavItem] = []
    try:
        nav = read_nav(folder, files)
    except CatalogueError as exc:
        problems.extend(exc.problems)
    listed = {p.file for p in pages(nav)}
    try:  # valstis.yaml, skaitli.yaml, seed-toc.yaml: data the pages show
        context = {**context, **load_methodology_data(folder, files, listed),
                   "lapu_virsraksti": {p.file: p.title for p in pages(nav)}}
    except CatalogueError as exc:  # the pages cannot render without their data: report the data only
        raise CatalogueError([*problems, *exc.problems]) from None
    env = environment(jinja2.FileSystemLoader(str(folder)) if folder.is_dir() else None)
    rendered: dict[str, str] = {}
    for name in files:
        try:
            rendered[name] = render_template(env, folder / name, name, context)
        except CatalogueError as exc:
            problems.extend(exc.problems)
    abbreviations = ""
    abbr_path = folder / paths.ABBREVIATIONS
    if abbr_path.is_file():
        try:
            abbreviations = render_template(env, abbr_path, paths.ABBREVIATIONS, context)
        except CatalogueError as exc:
            problems.extend(exc.problems)
    themes = None
    try:
        themes = load_decision_themes(folder)
    except CatalogueError as exc:
        problems.extend(exc.problems)
    if problems:
        raise CatalogueError(problems)
    return Methodology(rendered, abbreviations, nav, [f for f in files if f not in listed], themes)
