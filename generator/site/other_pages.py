"""The generated pages besides the catalogue and prices: downloads, workbook, about, and the
hand-written pages of site/lapas/ (Jinja2 templates with the methodology's context)."""

from __future__ import annotations

import re
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
from generator.programme_scope import adults_pilot_sentence
from generator.site import calculator, examples, interface_versions, matrix_downloads, paths, workbook_names
from generator.site.context import announced_prices, environment, site_date
from generator.site.downloads import GROUPS, Download
from generator.site.matrix_downloads import MATRICES
from generator.site.methodology import render_template
from generator.site.nav import NavPage, background_titles
from generator.site.pagetemplates import render
from generator.workbook import render as render_day
from generator.workbook.layout import PLAN_ROWS, SPACED_SHEETS, SPACER_LINES
from generator.workbook.sheets import plan_rows

OPEN_DATA = GROUPS["atvertie-dati"]
OPEN_DATA_DESCRIPTION = f"{OPEN_DATA_FOLDER}/{OPEN_DATA_FILE}"


def _rounds_context(catalogue: Catalogue) -> dict[str, Any]:
    """Whether a children's round still runs on the build day (signable papers from a matrix, F27)."""
    rounds = catalogue.rounds_of(Pilot.children)
    return {"kartas_notiek": matrix_downloads.rounds_running(catalogue), "pedeja_karta": rounds[-1] if rounds else None}


def render_downloads(catalogue: Catalogue, downloads: list[Download]) -> str:
    # a later prices day's documents are listed under that day, beside its matrices (D187), not in the default sets
    by_day = matrix_downloads.documents_by_day(downloads)
    matrices = matrix_downloads.by_round(catalogue, downloads)
    matrix_days = {p.day for g in matrices for p in g.days}
    groups = []
    for group, grouped in groupby([d for d in downloads if matrix_downloads.documents_day(d) is None],
                                  key=lambda d: d.group):
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
                  matricu_grupa=MATRICES, matricas=matrices, dienu_dokumenti=by_day,
                  dokumenti_bez_matricas={day: files for day, files in by_day.items() if day not in matrix_days},
                  dokumentu_grupa=matrix_downloads.DOCUMENTS,
                  datu_apraksts=next((d.url for d in downloads if d.path == OPEN_DATA_DESCRIPTION), None),
                  datu_grupa=OPEN_DATA, licence=licence_lines(catalogue, lvformat.version_id(catalogue.version)),
                  # a file the link saves under another name (its municipality's id in front, audit40 F13): the page
                  # says that a browser ignores that name on a page opened from disk (file://), with this example
                  saglabasana=next((d for d in downloads if d.save_as != d.path.rsplit("/", 1)[-1]), None),
                  pieauguso_piezime=adults_pilot_sentence(catalogue),  # nothing is made for the adults' (D254)
                  **_rounds_context(catalogue))


def render_workbook(catalogue: Catalogue, methodology_pages: list[NavPage], downloads: list[Download]) -> str:
    guide = next((p for p in methodology_pages if "matric" in p.file), None)
    sheets = workbook_names.sheet_rows()
    # the search codes of the page: the annex that is the matrix (6) and its tables (6.1–6.11)
    annexes = [a.number for a in catalogue.annexes.annexes if a.matrix] if catalogue.annexes else []
    return render(
        "matrica.md.j2",
        kodi=annexes + [sheet for sheet, _, _ in sheets],
        lapas=sheets,
        nosaukumi=workbook_names.name_rows(),
        dokumentu_nosaukumi=workbook_names.document_rows(),  # D317: read by the papers, outside the interface
        atzimju_nosaukumi=workbook_names.mark_rows(),  # D318, D319: hidden marks the tools read
        aizpildisana=guide,
        matricas=matrix_downloads.by_round(catalogue, downloads),
        izdosanas=matrix_downloads.every_prices_day(catalogue, downloads),
        plana_rindas={"visas": PLAN_ROWS, "redzamas": plan_rows.VISIBLE, "solis": plan_rows.STEP,
                      # D288: the lines each spacer row opens (1-based) and the sheets
                      "atstarpes": _listed([f"{s + 1}." for s in SPACER_LINES]),
                      "atstarpu_lapas": _listed([f"{t}." for t in SPACED_SHEETS])},
        # D290: the interface version, the names whose shape it changed and where each plan line sits in them
        saskarne=interface_versions.context({name: sheet for name, (sheet, _) in workbook_names.MEANINGS.items()}),
        kalkulatora_lauki=calculator.message_fields(),  # the API paragraph (kalkulators_api.md.j2)
        kalkulatora_izvele=calculator.MOST_CHOICES,  # D328: the most offers a name's choices list
        api_piemers=api_example(catalogue),
        **_rounds_context(catalogue),
    )


def api_example(catalogue: Catalogue) -> dict[str, Any]:
    """The calculator API's example call on the matrix page: the first plan line of the worked examples' first child
    (generator/site/examples.py), in the latest children's round – no day typed in the template (audit39b F10)."""
    when = examples.timing(catalogue)
    child, line = examples.CHILDREN[0], examples.PLAN_A[1]
    price = line.example_price
    return {"dzimsanasDatums": examples.birth_date(when.check_date, child.age).isoformat(),
            "periodaSakums": when.start.isoformat(), "menesi": when.months, "kods": line.offer_id,
            "daudzums": str(line.units), "cena": lvformat.number(price) if price is not None else ""}


# the site's search script (site/assets/…/lunr.lv.min.js): a word of this many letters or more may have one typing error
SEARCH_SCRIPT = paths.SITE_SOURCES / "assets" / "javascripts" / "lunr" / "min" / "lunr.lv.min.js"
_TYPO_LETTERS_RE = re.compile(r"^\s*var TYPO_LETTERS = (\d+);", re.M)
# "vārdos ar vismaz pieciem burtiem": a small number in words (dative, as after "ar"), a larger one in digits
_DATIVE = {2: "diviem", 3: "trim", 4: "četriem", 5: "pieciem", 6: "sešiem", 7: "septiņiem", 8: "astoņiem",
           9: "deviņiem", 10: "desmit"}


def typo_letters(script: Path | None = None) -> int:
    """The search script's TYPO_LETTERS: the shortest word in which a query allows one typing error (audit36 F9)."""
    text = (script or SEARCH_SCRIPT).read_text(encoding="utf-8")
    found = _TYPO_LETTERS_RE.search(text)
    if found is None:
        raise ValueError(f"{script or SEARCH_SCRIPT}: nav atrasts „var TYPO_LETTERS = …;”")
    return int(found.group(1))


def letters_dative(n: int) -> str:
    """"pieciem burtiem", "21 burtam": the words after "ar vismaz"."""
    return f"{_DATIVE.get(n, str(n))} {lvformat.agree(n, 'burtam', 'burtiem')}"


def render_about(catalogue: Catalogue, context: dict[str, Any], downloads: list[Download]) -> str:
    # why the two counts differ (audit30 F20): items paid at actual cost have no price; ceiling parts are no item
    without = [s for s in catalogue.services if s.id not in catalogue.price_by_service]
    others = [p for p in catalogue.prices if p.id in (GROUP_CEILING_ID, GROUP_TRANSPORT_REDUCTION_ID)]
    return render("par-vietni.md.j2", versija=catalogue.version, datums=site_date(catalogue),
                  katalogs=catalogue, pasvaldibas=context["pasvaldibas"], lejupielades=len(downloads),
                  bez_cenas=[s.id for s in without], visi_transports=all(s.transport for s in without),
                  citas_cenas=others, drukas_burti=letters_dative(typo_letters()),
                  fona_lapas=_quoted_list(background_titles(paths.methodology_dir(catalogue.root))))


def _listed(items: list[str]) -> str:
    """"a, b un c"."""
    return f"{', '.join(items[:-1])} un {items[-1]}" if len(items) > 1 else "".join(items)


def _quoted_list(titles: list[str]) -> str:
    """„A”, „B” un „C”; "" for none."""
    return lvformat.listed([f"„{t}”" for t in titles]) if titles else ""


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
