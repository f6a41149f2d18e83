"""Fixed locations of the site's sources and outputs, and the fixed paths of the generated pages."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MKDOCS_YML = REPO / "mkdocs.yml"
SITE_SOURCES = REPO / "site"  # theme overrides (overrides/), assets (assets/), hand-written pages (lapas/)
SEARCH_HOOK = REPO / "generator" / "site" / "search_index.py"  # mkdocs hook (mkdocs.yml `hooks:`)
OUTPUT_FOLDER = "vietne"  # build/vietne/

# Folders of the build that the site copies and lists as downloads (written by earlier steps).
DOWNLOAD_FOLDERS = ("lejupielades", "atvertie-dati")

# Inside the rendered source folder.
DOCS = "docs"
SNIPPETS = "snippets"
METHODOLOGY = "metodika"  # docs/metodika/<page>.md: the pages of catalogue/metodika/
ABBREVIATIONS = "saisinajumi.md"  # catalogue/metodika/saisinajumi.md, appended to every page
NAV_FILE = "nav.yaml"  # catalogue/metodika/nav.yaml: order and titles of the methodology pages

# Generated pages (the methodology text links to these paths; keep them fixed).
CATALOGUE_INDEX = "katalogs/index.md"
PRICES = "cenas.md"
CHANGES = "izmainas.md"
WORKBOOK = "matrica.md"
# The annex register: a row for every annex of the methodology (generator/site/annex_register.py)
ANNEX_REGISTER = "pielikumi.md"
DOWNLOADS = "lejupielades.md"
EXAMPLES = "piemeri.md"
ABOUT = "par-vietni.md"


PARAMETER_HISTORY = "cenas/parametri.md"  # price histories of the prices that are no service


def area_history_page(area: int) -> str:
    """A support area's price history page (one page per area keeps the price page short)."""
    return f"cenas/joma-{area}.md"


def service_page(service_id: str) -> str:
    return f"katalogs/{service_id}.md"


def methodology_dir(catalogue_root: Path) -> Path:
    return catalogue_root / METHODOLOGY
