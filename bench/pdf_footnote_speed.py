"""What the PDF's footnotes cost (D345): every document of some pilot municipalities on the pilot round's first day
(its legal citations are marked blanks with notes) written as PDF by the current writer and by an older revision's
(its notes printed after their blocks), on the same HTML, in the same run. The ratio is CPU time; the layout memos
are off, so each PDF is laid out in full. The PDFs differ (that is the change); the script reports how many
documents have footnotes and how many were laid out again (a footnote WeasyPrint moved off its mark's page).

    .venv/bin/python bench/pdf_footnote_speed.py [--old 4afa0d8b] [--municipalities 3] [--repeat 2]

Results with the machine, the date and the load are kept in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.documents import pdf_footnotes, pdf_writer  # noqa: E402
from generator.documents.build_step import render_municipality  # noqa: E402


def old_writer(revision: str):  # noqa: ANN201 - a module
    """generator/documents/pdf_writer.py of ``revision`` as a module of its own (registered: it has dataclasses)."""
    source = subprocess.run(["git", "show", f"{revision}:generator/documents/pdf_writer.py"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout
    spec = importlib.util.spec_from_loader("old_pdf_writer", loader=None)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    exec(compile(source, f"{revision}:pdf_writer.py", "exec"), module.__dict__)  # noqa: S102 - our own file
    return module


def cpu(write, documents, repeat: int) -> float:  # noqa: ANN001 - html_to_pdf of a writer module
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for document in documents:
            write(document.html)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--old", default="4afa0d8b")
    parser.add_argument("--municipalities", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    day = dt.date(2018, 10, 1)
    documents = [d for m in catalogue.pilot_municipalities()[:args.municipalities]
                 for d in render_municipality(catalogue, m, build_date=day)]
    old = old_writer(args.old)
    for module in (old, pdf_writer):
        module.ACTS.enabled = module.SHEETS.enabled = False
    again = 0
    real_apart = pdf_footnotes.apart

    def counted(document):  # noqa: ANN001, ANN202
        nonlocal again
        found = real_apart(document)
        again += found is not None
        return found

    pdf_footnotes.apart = counted
    noted = sum("float: footnote" in pdf_footnotes.footnoted(d.html) for d in documents)
    old_cpu = cpu(old.html_to_pdf, documents, args.repeat)
    new_cpu = cpu(pdf_writer.html_to_pdf, documents, args.repeat)
    print(f"{platform.node()} {platform.processor() or platform.machine()} load {os.getloadavg()[0]:.2f}")
    print(f"{len(documents)} documents ({noted} with footnotes), {args.municipalities} municipalities, day {day}")
    print(f"old {args.old}: {old_cpu:.2f} s CPU; current: {new_cpu:.2f} s CPU; ratio {new_cpu / old_cpu:.3f}")
    print(f"layouts repeated for a footnote off its mark's page: {again} (over {args.repeat} repeats)")


if __name__ == "__main__":
    main()
