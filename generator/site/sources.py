"""Rendering the complete mkdocs source folder of the site from the catalogue.

Layout of the folder (a temporary one, never committed)::

    docs/index.md, docs/<hand-written page>.md   site/lapas/ rendered
    docs/metodika/*.md                            catalogue/metodika/ rendered
    docs/katalogs/index.md, docs/katalogs/<id>.md, docs/cenas.md, docs/cenas/<area>.md, docs/izmainas.md,
    docs/piemeri.md,
    docs/matrica.md, docs/lejupielades.md, docs/par-vietni.md   generated
    docs/assets/**                                site/assets/ (styles, scripts, vendored mermaid)
    docs/lejupielades/**, docs/atvertie-dati/**    the build's downloads
    snippets/saisinajumi.md                       appended to every page (abbreviations)

Files are written only when their content changes, so ``ibm serve`` reloads only what changed.
"""

from __future__ import annotations

import filecmp
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.catalogue.catalogue import Catalogue
from generator.site import annex_register, annex_search, calculator, decision_links, examples_page, paths
from generator.site import downloads as dl
from generator.site.catalogue_pages import render_catalogue_pages
from generator.site.context import template_context
from generator.site.methodology import render_methodology
from generator.site.nav import NavItem, NavPage, NavSection, pages
from generator.site.other_pages import render_about, render_downloads, render_hand_pages, render_workbook
from generator.site.price_pages import history_pages, render_changes, render_prices
from generator.site.source_refs import SourceRefs

Progress = Any


@dataclass
class SiteSources:
    root: Path
    pages: dict[str, str]  # path in docs/ -> Markdown
    nav: list[Any]  # mkdocs nav
    downloads: list[dl.Download] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)

    @property
    def docs(self) -> Path:
        return self.root / paths.DOCS

    @property
    def snippets(self) -> Path:
        return self.root / paths.SNIPPETS


def _write_if_changed(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file() and path.read_text(encoding="utf-8") == content:
        return
    path.write_text(content, encoding="utf-8")


def _copy_if_changed(source: Path, target: Path, link: bool = False) -> None:
    if target.is_file() and filecmp.cmp(source, target, shallow=False):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    if link:
        try:
            target.hardlink_to(source)
            return
        except OSError:
            pass
    shutil.copy2(source, target)


def _prune(folder: Path, keep: set[Path]) -> None:
    """Remove files (and then empty folders) under ``folder`` that are not in ``keep``."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _mkdocs_nav(items: list[NavItem], prefix: str) -> list[Any]:
    result: list[Any] = []
    for item in items:
        if isinstance(item, NavSection):
            result.append({item.title: _mkdocs_nav(list(item.items), prefix)})
        else:
            result.append({item.title: f"{prefix}{item.file}"})
    return result


def site_nav(catalogue: Catalogue, methodology_nav: list[NavItem], has_examples: bool) -> list[Any]:
    """The whole site's navigation: home, methodology, catalogue by area, prices and the rest."""
    nav: list[Any] = [{"Sākums": "index.md"}]
    if methodology_nav:
        nav.append({"Metodika": _mkdocs_nav(methodology_nav, f"{paths.METHODOLOGY}/")})
    catalogue_nav: list[Any] = [paths.CATALOGUE_INDEX]
    for area in catalogue.enums.support_areas:
        services = [s for s in catalogue.sorted_services() if s.area == area.number]
        if services:
            catalogue_nav.append({
                f"{area.number}. {area.name_lv}": [{f"{s.id} {s.short_name_lv}": paths.service_page(s.id)}
                                                   for s in services]
            })
    nav.append({"Pakalpojumu katalogs": catalogue_nav})
    nav.append({"Cenas": [{"Spēkā esošās cenas": paths.PRICES}]
                + [{f"{title} – vēsture": path} for path, title, _ in history_pages(catalogue)]})
    nav.append({"Cenu un noteikumu izmaiņas": paths.CHANGES})
    if has_examples:
        nav.append({"Aprēķinu piemēri": paths.EXAMPLES})
    nav.append({"IBM matrica": paths.WORKBOOK})
    nav.append({"IB kalkulators": calculator.PAGE})
    nav.append({annex_register.NAV_TITLE: annex_register.PAGE})
    nav.append({"Lejupielādes": paths.DOWNLOADS})
    nav.append({"Par šo vietni": paths.ABOUT})
    return nav


def render_sources(catalogue: Catalogue, root: Path, build_dir: Path | None = None) -> SiteSources:
    """Render every page into ``root`` (created if needed) and return what was rendered.

    ``build_dir`` is the build's staging folder whose download folders are copied and listed.
    Problems in catalogue/metodika/ raise CatalogueError (file, line, what was expected).
    """
    context = template_context(catalogue)
    methodology = render_methodology(catalogue.root, context)
    method_pages: list[NavPage] = pages(methodology.nav)
    downloads = dl.collect(catalogue, build_dir) if build_dir is not None else []
    examples = examples_page.render_examples(catalogue)

    hand_context = {**context, "metodikas_lapas": method_pages, "ir_piemeri": examples is not None}
    rendered: dict[str, str] = dict(render_hand_pages(hand_context))
    for name, content in methodology.pages.items():
        rendered[f"{paths.METHODOLOGY}/{name}"] = content
    refs = SourceRefs.for_catalogue(catalogue.root, {p.file for p in method_pages})
    rendered.update(render_catalogue_pages(catalogue, refs))
    rendered.update(render_prices(catalogue, refs))
    rendered[paths.CHANGES] = render_changes(catalogue, refs)
    rendered[paths.WORKBOOK] = render_workbook(catalogue, method_pages, downloads)
    rendered[paths.DOWNLOADS] = render_downloads(catalogue, downloads)
    rendered[paths.ABOUT] = render_about(catalogue, context, downloads)
    rendered.update(calculator.render_calculator(catalogue, method_pages))
    if examples is not None:
        rendered[paths.EXAMPLES] = examples
    annex_register.extend_pages(catalogue, rendered, downloads, paths.METHODOLOGY)
    annex_search.extend_pages(catalogue, rendered, paths.METHODOLOGY)
    decision_links.extend_pages(rendered, also=(calculator.PAGE, paths.PRICES, paths.ABOUT),
                                themes=methodology.decision_themes)

    sources = SiteSources(root, rendered, site_nav(catalogue, methodology.nav, examples is not None), downloads,
                          methodology.unlisted)
    keep: set[Path] = set()
    for rel, content in rendered.items():
        target = sources.docs / rel
        _write_if_changed(target, content)
        keep.add(target)
    assets = paths.SITE_SOURCES / "assets"
    for source in sorted(assets.rglob("*")):
        if source.is_file():
            target = sources.docs / "assets" / source.relative_to(assets)
            _copy_if_changed(source, target)
            keep.add(target)
    for d in downloads:
        target = sources.docs / d.path
        _copy_if_changed(build_dir / d.path, target, link=True)  # type: ignore[operator]
        keep.add(target)
    _prune(sources.docs, keep)
    abbreviations = sources.snippets / paths.ABBREVIATIONS
    _write_if_changed(abbreviations, methodology.abbreviations)
    _prune(sources.snippets, {abbreviations})
    return sources
