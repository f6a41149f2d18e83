"""Where the document templates live and where the build writes documents and report templates."""

from __future__ import annotations

import datetime as dt
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


DAY_FOLDER = "cenas-no-"  # dokumenti/<municipality>/cenas-no-2027-07-01/: a later prices day's documents (D187)


def day_folder(day: dt.date) -> str:
    """The folder of a municipality's documents with a later prices day's prices: 'cenas-no-2027-07-01'."""
    return f"{DAY_FOLDER}{day.isoformat()}"


def folder_day(name: str) -> dt.date | None:
    """The prices day a documents folder name stands for ("cenas-no-2027-07-01"), or None."""
    if not name.startswith(DAY_FOLDER):
        return None
    try:
        return dt.date.fromisoformat(name.removeprefix(DAY_FOLDER))
    except ValueError:
        return None
