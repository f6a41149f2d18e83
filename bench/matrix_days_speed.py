"""What the matrices of every open round's issue days (D85) add to the build step "matrica": the step on the real
catalogue (one issue day: nothing added) and on the test catalogue of tests/workbook/open_rounds.py on a build day
when two rounds run (three prices days) against a day when they have ended (the default day only, as before).

    .venv/bin/python bench/matrix_days_speed.py

CPU and wall seconds of render_workbooks in this process; prints a Markdown table (docs/benchmarks.md).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.catalogue.catalogue import Catalogue  # noqa: E402
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.workbook.render import render_workbooks  # noqa: E402
from tests.workbook.open_rounds import BUILD_DAY, NEWEST, open_rounds_catalogue  # noqa: E402


def timed(label: str, catalogue: Catalogue, day: dt.date, folder: Path) -> tuple[str, int, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    written = render_workbooks(catalogue, folder, progress=lambda _m: None, day=day)
    return label, len(written), time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ibm-bench-") as tmp:
        root = Path(tmp)
        real = load_or_raise(DEFAULT_CATALOGUE)
        test = open_rounds_catalogue(root / "kartas")
        rows = [
            timed("īstais katalogs, šodiena", real, dt.date.today(), root / "a"),
            timed("testa katalogs, divas kārtas notiek (3 cenu dienas)", test, BUILD_DAY, root / "b"),
            timed("testa katalogs, kārtas beigušās (tikai noklusējuma diena)", test,
                  NEWEST[3] + dt.timedelta(days=1), root / "c"),
        ]
    print("| gadījums | matricas | CPU, s | laiks, s |\n|---|---:|---:|---:|")
    for label, count, cpu, wall in rows:
        print(f"| {label} | {count} | {cpu:.1f} | {wall:.1f} |".replace(".", ","))


if __name__ == "__main__":
    main()
