"""The generated pages besides the catalogue and prices: downloads, workbook, about, and the
hand-written pages of site/lapas/ (Jinja2 templates with the methodology's context)."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import Any

import jinja2

from generator import lvformat
from generator.catalogue.catalogue import GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID, Catalogue
from generator.catalogue.models import Pilot
from generator.opendata.description import FILE as OPEN_DATA_FILE
from generator.opendata.export import FOLDER as OPEN_DATA_FOLDER
from generator.opendata.licence import licence_lines
from generator.site import matrix_downloads, paths, workbook_names
from generator.site.context import announced_prices, environment, site_date
from generator.site.downloads import GROUPS, Download
from generator.site.matrix_downloads import MATRICES
from generator.site.methodology import render_template
from generator.site.nav import NavPage
from generator.site.pagetemplates import render
from generator.workbook import render as render_day
from generator.workbook.layout import PLAN_ROWS
from generator.workbook.sheets import plan_rows

OPEN_DATA = GROUPS["atvertie-dati"]
OPEN_DATA_DESCRIPTION = f"{OPEN_DATA_FOLDER}/{OPEN_DATA_FILE}"


def _rounds_context(catalogue: Catalogue) -> dict[str, Any]:
    """Whether a children's round still runs on the build day (signable papers from a matrix, F27)."""
    rounds = catalogue.rounds_of(Pilot.children)
    return {"kartas_notiek": matrix_downloads.rounds_running(catalogue), "pedeja_karta": rounds[-1] if rounds else None}


def render_downloads(catalogue: Catalogue, downloads: list[Download]) -> str:
    groups = []
    for group, grouped in groupby(downloads, key=lambda d: d.group):
        files = list(grouped)
        by_muni = [(m, list(fs)) for m, fs in groupby(files, key=lambda d: d.municipality)]
        compact = max(len(fs) for _, fs in by_muni) <= 2  # e.g. one workbook per municipality: one table
        # documents and registers carry the catalogue's version; a matrix its template version (by prices day)
        # open data are the catalogue itself: their column says so (audit11 P)
        column = "Kataloga versija" if group == OPEN_DATA else "Veidnes versija"
        # a block's id: the group's folder ("dokumenti") and the municipality's id, stable across builds (audit40 F13)
        parts = files[0].path.split("/")
        folder = parts[1] if parts[0] == "lejupielades" and len(parts) > 2 else parts[0]
        groups.append((group, by_muni, compact, catalogue.version, column, folder))
    present = {g[0] for g in groups}
    has = {key: GROUPS[folder] in present for key, folder in (("matricas", "lejupielades/matrica"),
           ("dokumenti", "lejupielades/dokumenti"), ("atskaites", "lejupielades/atskaites"), ("dati", "atvertie-dati"))}
    day = site_date(catalogue)
    return render("lejupielades.md.j2", grupas=groups, ir=has, versija=catalogue.version, datums=day,
                  izveide=render_day.build_day(), izzinotas=bool(announced_prices(catalogue, day)),
                  cenu_lapa=paths.PRICES,
                  matricu_grupa=MATRICES, matricas=matrix_downloads.by_round(catalogue, downloads),
                  datu_apraksts=next((d.url for d in downloads if d.path == OPEN_DATA_DESCRIPTION), None),
                  datu_grupa=OPEN_DATA, licence=licence_lines(catalogue, lvformat.version_id(catalogue.version)),
                  **_rounds_context(catalogue))


def render_workbook(catalogue: Catalogue, methodology_pages: list[NavPage], downloads: list[Download]) -> str:
    guide = next((p for p in methodology_pages if "matric" in p.file), None)
    return render(
        "matrica.md.j2",
        lapas=workbook_names.sheet_rows(),
        nosaukumi=workbook_names.name_rows(),
        aizpildisana=guide,
        matricas=matrix_downloads.by_round(catalogue, downloads),
        izdosanas=matrix_downloads.every_prices_day(catalogue, downloads),
        plana_rindas={"visas": PLAN_ROWS, "redzamas": plan_rows.VISIBLE, "solis": plan_rows.STEP},
        **_rounds_context(catalogue),
    )


def render_about(catalogue: Catalogue, context: dict[str, Any], downloads: list[Download]) -> str:
    # why the two counts differ (audit30 F20): items paid at actual cost have no price; ceiling parts are no item
    without = [s for s in catalogue.services if s.id not in catalogue.price_by_service]
    others = [p for p in catalogue.prices if p.id in (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID)]
    return render("par-vietni.md.j2", versija=catalogue.version, datums=site_date(catalogue),
                  katalogs=catalogue, pasvaldibas=context["pasvaldibas"], lejupielades=len(downloads),
                  bez_cenas=[s.id for s in without], visi_transports=all(s.transport for s in without),
                  citas_cenas=others)


def render_hand_pages(context: dict[str, Any]) -> dict[str, str]:
    """site/lapas/**/*.md rendered with the methodology context (plus the page list)."""
    folder = paths.SITE_SOURCES / "lapas"
    env = environment(jinja2.FileSystemLoader(str(folder)))
    result = {}
    for path in sorted(folder.rglob("*.md")):
        rel = path.relative_to(folder).as_posix()
        result[rel] = render_template(env, path, rel, context)
    return result


def hand_assets() -> Path:
    return paths.SITE_SOURCES / "assets"
