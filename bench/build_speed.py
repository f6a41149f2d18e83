"""How long does `ibm build` take: a full build, a rebuild with nothing changed, and a rebuild after
a change to the methodology text only (only the site is rendered again) or to one price (everything).

    .venv/bin/python bench/build_speed.py

Works on a private copy of the catalogue and a temporary output folder; prints a Markdown table.
Results with the machine and date are kept in docs/benchmarks.md.
"""

from __future__ import annotations

import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.build import build_with_report  # noqa: E402
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402


def timed(label: str, catalogue_dir: Path, out: Path, rows: list[tuple[str, float, str]]) -> None:
    start = time.perf_counter()
    report = build_with_report(load_or_raise(catalogue_dir), out, progress=lambda _m: None)
    seconds = time.perf_counter() - start
    rows.append((label, seconds, f"no jauna: {', '.join(report.rendered) or '—'}; "
                                 f"pārņemts: {', '.join(report.reused) or '—'}"))
    print(f"{label}: {seconds:.1f} s", file=sys.stderr)


def main() -> None:
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="ibm-bench-") as tmp:
        catalogue_dir = Path(tmp) / "catalogue"
        shutil.copytree(DEFAULT_CATALOGUE, catalogue_dir)
        out = Path(tmp) / "build"
        timed("pilns būvējums", catalogue_dir, out, rows)
        timed("atkārtots, nekas nav mainīts", catalogue_dir, out, rows)
        page = sorted((catalogue_dir / "metodika").glob("*.md"))[0]
        page.write_text(page.read_text("utf-8") + "\nPapildu teikums mērījumam.\n", "utf-8")
        timed("mainīts tikai metodikas teksts", catalogue_dir, out, rows)
        ceiling = catalogue_dir / "prices" / "grupu-nodarbibu-griesti.yaml"
        ceiling.write_text(ceiling.read_text("utf-8").replace("amount: 25.93", "amount: 25.94"), "utf-8")
        timed("mainīta viena cena", catalogue_dir, out, rows)
    print(f"Mašīna: {platform.platform()}, Python {platform.python_version()}\n")
    print("| gadījums | laiks, s | kas veidots |")
    print("|---|---:|---|")
    for label, seconds, what in rows:
        print(f"| {label} | {seconds:.1f} | {what} |")


if __name__ == "__main__":
    main()
