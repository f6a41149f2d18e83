"""Where the document templates live and where the build writes documents and report templates."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = REPO / "templates" / "dokumenti"

DOWNLOADS = "lejupielades"
DOCUMENTS = "dokumenti"
REPORTS = "atskaites"


def documents_dir(out: Path, municipality_id: str) -> Path:
    return out / DOWNLOADS / DOCUMENTS / municipality_id


def reports_dir(out: Path, municipality_id: str) -> Path:
    return out / DOWNLOADS / REPORTS / municipality_id
