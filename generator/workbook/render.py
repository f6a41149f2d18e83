"""The `ibm build` step "matrica": one ready-made workbook per pilot municipality and a generic one,
in build/lejupielades/matrica/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.workbook.writer import write_workbook

FOLDER = Path("lejupielades") / "matrica"
GENERIC = "ibm-matrica.xlsx"


def file_name(municipality_id: str | None, day: dt.date | None = None) -> str:
    """ibm-matrica.xlsx for the generic workbook, ibm-matrica-<id>.xlsx for a municipality's; a matrix issued for
    another prices day than the default (D63) ends with that day: ibm-matrica-<id>-2018-10-01.xlsx."""
    name = f"ibm-matrica-{municipality_id}" if municipality_id else GENERIC.removesuffix(".xlsx")
    return f"{name}-{day.isoformat()}.xlsx" if day else f"{name}.xlsx"


def pilot_ids(catalogue: Catalogue) -> list[str]:
    return [m.id for m in catalogue.pilot_municipalities()]


def render_workbooks(catalogue: Catalogue, out: Path, progress: Callable[[str], None] = print) -> list[Path]:
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = [write_workbook(catalogue, folder / GENERIC)]
    for municipality_id in pilot_ids(catalogue):
        written.append(write_workbook(catalogue, folder / file_name(municipality_id), municipality_id))
    progress(f"  {len(written)} IBM matricas mapē {FOLDER.as_posix()}/")
    return written
