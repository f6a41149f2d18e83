"""The build step "vietne": renders the site's sources, runs mkdocs and checks the result.

It runs last (generator/steps.py) because it copies and lists what the earlier steps wrote into the
staging folder (lejupielades/**, atvertie-dati/**). Any mkdocs warning, broken link or anchor,
missing download or accessibility problem fails the build with a Latvian message naming the page.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.site import paths
from generator.site.errors import SiteError
from generator.site.htmlcheck import check_site
from generator.site.mkdocs_run import build_site
from generator.site.sources import SiteSources, render_sources

STEP_NAME = "vietne"
STEP_TITLE = "Metodikas vietne"


def build_into(catalogue: Catalogue, site_dir: Path, build_dir: Path | None,
               progress: Callable[[str], None] = print) -> SiteSources:
    """Render, build and check the site into ``site_dir``; ``build_dir`` holds the downloads."""
    with tempfile.TemporaryDirectory(prefix="ibm-vietne-") as tmp:
        sources = render_sources(catalogue, Path(tmp), build_dir)
        if sources.unlisted:
            progress(f"  brīdinājums: metodikas lapas nav minētas {paths.NAV_FILE}: {', '.join(sources.unlisted)}")
        progress(f"  {len(sources.pages)} lapas, {len(sources.downloads)} lejupielādes; mkdocs …")
        build_site(catalogue, sources, site_dir)
    problems = check_site(site_dir)
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  … un vēl {len(problems) - 50}" if len(problems) > 50 else ""
        raise SiteError(f"vietnes pārbaude atrada {len(problems)} problēmas:\n{listed}{more}", site_dir)
    return sources


# What the earlier build steps leave for the site (folder in the build, step's Latvian title, step name).
EARLIER_OUTPUTS = (
    ("atvertie-dati", "Atvērtie dati", "atvertie-dati"),
    ("lejupielades/dokumenti", "Dokumenti", "dokumenti"),
    ("lejupielades/matrica", "IBM matricas", "matrica"),
)


def missing_downloads(out: Path) -> list[tuple[str, str, str]]:
    """The earlier steps whose files are not in the build folder ``out`` (the site would lack them)."""
    return [entry for entry in EARLIER_OUTPUTS
            if not (out / entry[0]).is_dir() or not any(p.is_file() for p in (out / entry[0]).rglob("*"))]


def render_site(catalogue: Catalogue, out: Path, progress: Callable[[str], None] = print) -> list[Path]:
    """Build step: build/vietne/ from the catalogue and the files already in ``out``.

    A site always ships its downloads: when an earlier step's files are neither built now nor taken
    over from the previous build (`ibm build --only vietne` into an empty folder), it refuses.
    """
    missing = missing_downloads(out)
    if missing:
        names = ", ".join(f"{title} ({folder}/)" for folder, title, _ in missing)
        options = " ".join(f"--only {step}" for _, _, step in missing)
        raise SiteError(
            f"vietnē jābūt visām lejupielādēm, bet nav iepriekšējo soļu rezultātu: {names}. Veidojiet tos kopā "
            f"ar vietni („ibm build” bez --only vai ar {options} --only {STEP_NAME}) vai norādiet --out mapi "
            "ar iepriekšēju pilnu būvējumu, no kuras tos pārņem"
        )
    site_dir = out / paths.OUTPUT_FOLDER
    build_into(catalogue, site_dir, out, progress)
    return sorted(p for p in site_dir.rglob("*") if p.is_file())
