"""D300: a matrix's prices and parameters hold until the day before the catalogue's next REAL change (D291): a later
value that only confirms the matrix's (the same B, „jāprecizē” → „apstiprināts”) ends nothing. 6.11 B8
(Parametru_Lidz), the `ibm matrix` console, the calculator's data (its result heading and its error about a change)
and `ibm changes` (what `ibm migrate` writes into 6.11) all give the same day.

The catalogue (tests/plan_changes_catalogue.py): the matrix issued on the group ceiling's change (01.12.2026) sees B
confirmed at the same number on 15.12.2026 and the first real change, 2.1's price, on 01.01.2027."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.changes.diff import diff_catalogues
from generator.changes.report import change_report
from generator.lvformat import date as lv_date
from generator.site.calculator import calculator_data
from generator.workbook.command import validity
from generator.workbook.writer import write_workbook
from tests.plan_changes_catalogue import (
    BASE_CONFIRMED,
    COMPANION_CHANGE,
    GROUP_CHANGE,
    MATRIX_DAY,
    TRANSPORT_CHANGE,
    changes_catalogue,
)

EPOCH = dt.datetime(1899, 12, 30)
DAY = dt.timedelta(days=1)
ISSUED = GROUP_CHANGE  # an issue day (D63) before B's confirmation
UNTIL = COMPANION_CHANGE - DAY  # the day before the next real change, not BASE_CONFIRMED - DAY


def _day(value: object) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else (EPOCH + dt.timedelta(days=float(value))).date()


def _without(path: Path, text: str) -> None:
    content = path.read_text("utf-8")
    assert text in content, (path, text)
    path.write_text(content.replace(text, "", 1), "utf-8")


def _before(changed: Path, target: Path) -> Catalogue:
    """The catalogue before B's confirmation and 2.1's change were added to it (the `--from` of `ibm changes`)."""
    shutil.copytree(changed, target)
    programme = (target / "programme.yaml").read_text("utf-8")
    start = programme.index(f"    - effective_from: {BASE_CONFIRMED.isoformat()}\n")
    _without(target / "programme.yaml", programme[start:programme.index("    - effective_from: ", start + 1)])
    prices = (target / "prices" / "2.1.yaml").read_text("utf-8")
    _without(target / "prices" / "2.1.yaml", prices[prices.index(f"  - effective_from: {COMPANION_CHANGE.isoformat()}"):])
    return load_or_raise(target)


def test_every_place_gives_the_day_before_the_next_real_change(tmp_path: Path) -> None:
    changed = changes_catalogue(tmp_path / "catalogue")
    assert changed.prices_until(ISSUED) == UNTIL
    # 6.11 B8
    path = write_workbook(changed, tmp_path / "m.xlsx", "liepaja", ISSUED)
    (target,) = load_workbook(path).defined_names["Parametru_Lidz"].destinations
    assert target == ("6.11", "$B$8")
    assert _day(load_workbook(path)["6.11"]["B8"].value) == UNTIL
    # the console of `ibm matrix --day`
    assert f"cenas un parametri spēkā {lv_date(ISSUED)}–{lv_date(UNTIL)}" in validity(changed, ISSUED)
    # the calculator: its heading's day and the last day its error gives for the first change a plan may use
    sets = [s for r in calculator_data(changed)["kartas"] for s in (r, *r["cenuMainas"])]
    (prices,) = [s for s in sets if s["cenuDiena"] == ISSUED.isoformat()]
    assert prices["cenasLidz"] == UNTIL.isoformat(), prices["cenasLidz"]
    first = min(dt.date.fromisoformat(c["diena"]) for c in prices["izmainas"])
    assert first - DAY == UNTIL, prices["izmainas"]
    # `ibm changes`: what `ibm migrate` writes into 6.11 for the plans that keep their values
    report = change_report(diff_catalogues(_before(tmp_path / "catalogue", tmp_path / "before"), changed), changed, None)
    # (for the plans from the group ceiling's change: the old catalogue already ended earlier plans' values, D303)
    assert (f"tikai 6.11. tabulā ieraksta, ka tie ir spēkā līdz {lv_date(UNTIL)}, ja plāns sākas {lv_date(ISSUED)} vai "
            "vēlāk (") in report, report


def test_the_changes_report_promises_the_day_migrate_writes(tmp_path: Path) -> None:
    """D303: the „spēkā līdz” day `ibm changes` promises for the matrices `ibm migrate` rewrites is the catalogue's own
    prices_until – what 6.11 B8 of each migrated matrix holds – not the diff's first changed day. Here the old catalogue
    already had earlier real changes (2.1 on 01.01.2027 among them) and the new one adds the transport limit on
    01.02.2027: a plan from 01.01.2027 gets 31.01.2027, a plan of the round's first day keeps its earlier day, and the
    report says so instead of promising 31.01.2027 to every earlier plan."""
    changed = changes_catalogue(tmp_path / "catalogue")
    before = tmp_path / "before"
    shutil.copytree(tmp_path / "catalogue", before)
    _without(before / "programme.yaml",
             f'    - {{effective_from: {TRANSPORT_CHANGE.isoformat()}, value: 0.15, source: "Testa dati"}}\n')
    report = change_report(diff_catalogues(load_or_raise(before), changed), changed, None)
    until = TRANSPORT_CHANGE - DAY
    # what migrate writes into 6.11 B8 (the matrix of a plan's first day: its issue day's prices_until)
    assert changed.prices_until(COMPANION_CHANGE) == until
    assert changed.prices_until(MATRIX_DAY) < COMPANION_CHANGE
    matrices = next(line for line in report.splitlines() if line.startswith("- IBM matricas"))
    assert (f"tikai 6.11. tabulā ieraksta, ka tie ir spēkā līdz {lv_date(until)}, ja plāns sākas "
            f"{lv_date(COMPANION_CHANGE)} vai vēlāk (agrāk sākušos plānu matricās 6.11. tabulā jau ir agrāka diena, un "
            "tā paliek).") in matrices, matrices
    # the plans refused are those crossing the same day
    assert f"plāns jāsaīsina līdz {lv_date(until)}." in matrices, matrices
