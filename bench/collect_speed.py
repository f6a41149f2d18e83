"""How fast can `ibm collect` read filled matrices? Compares the ministry's reader with openpyxl and
times the whole per-file work (read, template check, recomputation), then extrapolates to a national
roll-out of 4,000 workbooks.

    .venv/bin/python bench/collect_speed.py [--files 200] [--jobs 2]

Prints a Markdown table; results with the machine and date are kept in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from openpyxl import load_workbook  # noqa: E402

from generator.catalogue.loader import load_or_raise  # noqa: E402
from generator.ministry.collect import read_folder  # noqa: E402
from generator.ministry.reading import read_matrix  # noqa: E402
from generator.ministry.templates import TemplateSource  # noqa: E402
from generator.ministry.xlsxread import read_xlsx  # noqa: E402
from tests.ministry.factory import generic_template, make_children, write_children  # noqa: E402

NATIONAL = 4000
KEY = b"benchmark-key-not-secret-0123456789"


def per_file(files: list[Path], work: Callable[[Path], object]) -> list[float]:
    times = []
    for path in files:
        start = time.perf_counter()
        work(path)
        times.append(time.perf_counter() - start)
    return times


def openpyxl_full(path: Path) -> None:
    """What the collection needs from openpyxl: formulas and cached values, i.e. two full loads."""
    load_workbook(path)
    load_workbook(path, data_only=True)


def openpyxl_read_only(path: Path) -> None:
    """Read-only mode, values of every cell (no formulas: would need a second pass)."""
    wb = load_workbook(path, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for _ in ws.iter_rows(values_only=True):
            pass
    wb.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    catalogue = load_or_raise()
    work = Path(tempfile.mkdtemp(prefix="ibm-bench-"))
    try:
        template = generic_template(catalogue, work)
        start = time.perf_counter()
        children = write_children(catalogue, template, make_children(catalogue, args.files, seed=4000),
                                  work / "matricas")
        made = time.perf_counter() - start
        files = [c.path for c in children if c.path]
        templates = TemplateSource(catalogue)
        templates.current()
        read_xlsx(files[0])  # imports and caches warm
        rows: list[tuple[str, list[float]]] = [
            ("xlsxread (zipfile + ElementTree): visas lapas, formulas un vērtības", per_file(files, read_xlsx)),
            ("openpyxl pilna ielāde ×2 (formulas un saglabātās vērtības)", per_file(files[:50], openpyxl_full)),
            ("openpyxl read-only, tikai vērtības", per_file(files[:50], openpyxl_read_only)),
            ("pilns darbs ar failu: lasīšana, veidnes pārbaude, pārrēķins (1 process)",
             per_file(files, lambda p: read_matrix(p, work / "matricas", catalogue, templates, KEY))),
        ]
        start = time.perf_counter()
        read_folder(work / "matricas", catalogue, templates, KEY, jobs=args.jobs)
        parallel = (time.perf_counter() - start) / len(files)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Mašīna: {platform.processor() or platform.machine()}, {os.cpu_count()} kodoli, Python "
          f"{platform.python_version()}; {len(files)} aizpildītas matricas (izveidotas {made:.1f} s)\n")
    print("| mērījums | mediāna, ms/failu | vidēji, ms/failu | 4000 failiem |")
    print("|---|---:|---:|---:|")
    for title, times in rows:
        mean = statistics.mean(times)
        print(f"| {title} | {statistics.median(times) * 1000:.0f} | {mean * 1000:.0f} | "
              f"{mean * NATIONAL / 60:.1f} min |")
    print(f"| `ibm collect` lasīšana ar {args.jobs} procesiem (viss darbs) | – | {parallel * 1000:.0f} | "
          f"{parallel * NATIONAL / 60:.1f} min |")


if __name__ == "__main__":
    main()
