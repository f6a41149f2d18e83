"""Where a collected matrix's rule errors are fixed: the places read from the whole file (``read_xlsx`` of every
sheet, the baseline) against the sheets the places ask for (``read_xlsx_lazily``), in one run on the same files.

    .venv/bin/python bench/places_speed.py [--files 100] [--rounds 2]

The files are tests/ministry/test_collect.py's pilot: ``--files`` random matrices of one reporting period (seed
20181001), every tenth re-saved by openpyxl, the rest patched from the template's bytes. Each round runs `ibm collect
--jobs 1` in this process once with each reader (baseline first in odd rounds, last in even ones) and prints the
process CPU seconds. The outputs must be equal: every file but the collect cache byte for byte (xlsx parts without
their timestamp), and every cached result (the cache also keeps the template's expectation, whose token is random);
exit 1 if not. The load average is printed: the machine may be shared. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def contents(out: Path) -> dict[str, bytes]:
    found = {}
    for f in sorted(out.rglob("*")):
        if not f.is_file() or f.name.endswith(".sqlite"):
            continue
        if f.suffix == ".xlsx":
            with zipfile.ZipFile(f) as z:
                found |= {f"{f.relative_to(out)}:{n}": z.read(n) for n in z.namelist() if not n.endswith("core.xml")}
        else:
            found[str(f.relative_to(out))] = f.read_bytes()
    return found


def cached_results(out: Path) -> dict[str, str]:
    from generator.ministry.templates import Expected

    db = sqlite3.connect(out / ".ibm-collect-cache.sqlite")
    try:
        return {key: repr(obj) for key, data in db.execute("SELECT key, data FROM results")
                if not isinstance(obj := pickle.loads(data), Expected)}  # noqa: S301 - our own file
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
    from generator.ministry import reading
    from generator.ministry.matrix import Matrix
    from tests import template_cache
    from tests.ministry.factory import generic_template, make_children, write_children
    from tests.ministry.test_collect import run

    template_cache.install()
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    root = Path(tempfile.mkdtemp(prefix="ibm-places-"))
    template = generic_template(catalogue, root)
    made = make_children(catalogue, args.files, seed=20181001, one_period=True)
    folder = root / "pilots"
    write_children(catalogue, template, [c for c in made if c.index % 10], folder, saved_by="xlsxpatch")
    write_children(catalogue, template, [c for c in made if not c.index % 10], folder)
    readers = {"whole": lambda path: Matrix.open(path).book, "lazy": reading.read_xlsx_lazily}
    seconds: dict[str, list[float]] = {name: [] for name in readers}
    outputs: dict[str, tuple[dict[str, bytes], dict[str, str], str]] = {}
    for n in range(args.rounds):
        for name in (("whole", "lazy") if n % 2 == 0 else ("lazy", "whole")):
            reading.read_xlsx_lazily = readers[name]
            out = root / f"{name}-{n}"
            start = time.process_time()
            result = run(str(folder), "--out", str(out / "kopsavilkums.xlsx"), "--jobs", "1")
            seconds[name].append(time.process_time() - start)
            print(f"round {n + 1} {name}: {seconds[name][-1]:.2f} s CPU, exit {result.exit_code}, "
                  f"load {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
            outputs.setdefault(name, (contents(out), cached_results(out), result.output.replace(str(out), "OUT")))
    reading.read_xlsx_lazily = readers["lazy"]
    same = outputs["whole"] == outputs["lazy"]
    listed = sum(v.count(b"6.11. tabulas") for v in outputs["lazy"][0].values())
    base, new = sum(seconds["whole"]), sum(seconds["lazy"])
    print(f"{args.files} files: whole {base:.2f} s, lazy {new:.2f} s CPU, ratio {new / base:.2f}; "
          f"6.11 rows named in the outputs: {listed}; outputs equal: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
