"""A catalogue copy in which the ministry changes the report settings inside the pilot's months (D201)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise

# key → (effective_from, value): each inside the pilot (08.2018–10.2019). The rate's change is dated on the 15th of
# the round's 3rd month, so it applies from the 4th (11.2018): a month uses what is in force on its first day.
CHANGES: dict[str, tuple[dt.date, str]] = {
    "indirect_cost_rate": (dt.date(2018, 10, 15), "0.12"),
    "social_worker_children": (dt.date(2019, 2, 1), "18"),
    "monthly_report_day": (dt.date(2019, 1, 1), "5"),
    "quarterly_report_day": (dt.date(2019, 5, 20), "20"),
}
RATE_FROM = dt.date(2018, 11, 1)  # the first report month with the new rate


def with_changes(folder: Path, pending: tuple[str, ...] = ()) -> Catalogue:
    """A copy of catalogue/ in ``folder`` whose programme.yaml adds the CHANGES (those in ``pending`` with the
    status `jāprecizē`); loaded."""
    target = folder / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    path = target / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    for key, (day, value) in CHANGES.items():
        block = re.search(rf"^{key}:\n(?:[ \t].*\n)+", text, flags=re.MULTILINE)
        assert block, f"parametrs {key} nav programme.yaml"
        status = ", status: jāprecizē" if key in pending else ""
        added = f'    - {{effective_from: {day:%Y-%m-%d}, value: {value}, source: "Izdomāts LM lēmums"{status}}}\n'
        text = text.replace(block.group(0), block.group(0) + added)
    path.write_text(text, encoding="utf-8")
    return load_or_raise(target)
