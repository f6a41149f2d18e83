"""What the PDF's footnotes cost (D345): every document of some pilot municipalities on the pilot round's first day
(its legal citations are marked blanks with notes) written as PDF by the current writer and by an older revision's
(its notes printed after their blocks; with --old at a revision that has footnotes, that revision's footnotes module
too), on the same HTML, in the same run. The ratio is CPU time; the layout memos
are off, so each PDF is laid out in full. The PDFs differ (that is the change); the script reports how many
documents have footnotes and how many were laid out again (a footnote WeasyPrint moved off its mark's page).

    .venv/bin/python bench/pdf_footnote_speed.py [--old 4afa0d8b] [--municipalities 3] [--repeat 2] [--only-noted]

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


def _module(revision: str, name: str):  # noqa: ANN202 - a module, or None where the revision has no such file
    """generator/documents/<name>.py of ``revision`` as a module of its own (registered: it has dataclasses)."""
    shown = subprocess.run(["git", "show", f"{revision}:generator/documents/{name}.py"], cwd=REPO,
                           capture_output=True, text=True)
    if shown.returncode != 0:
        return None
    spec = importlib.util.spec_from_loader(f"old_{name}", loader=None)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    exec(compile(shown.stdout, f"{revision}:{name}.py", "exec"), module.__dict__)  # noqa: S102 - our own file
    return module


def old_writer(revision: str):  # noqa: ANN201 - a module
    """The PDF writer of ``revision``: its pdf_writer.py with its own pdf_footnotes.py where it has one (D345), not
    the current footnotes module the writer's import would otherwise take."""
    module = _module(revision, "pdf_writer")
    footnotes = _module(revision, "pdf_footnotes")
    if footnotes is not None:
        module.footnoted, module.laid_out = footnotes.footnoted, footnotes.laid_out
    return module


def cpu(write, documents, repeat: int) -> tuple[float, list[bytes]]:  # noqa: ANN001 - a writer's html_to_pdf
    """The least CPU time of ``repeat`` runs over ``documents``, and the PDFs written."""
    best, written = float("inf"), []
    for _ in range(repeat):
        start = time.process_time()
        written = [write(document.html) for document in documents]
        best = min(best, time.process_time() - start)
    return best, written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--old", default="4afa0d8b")
    parser.add_argument("--municipalities", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--only-noted", action="store_true", help="only the documents with footnotes")
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
    if args.only_noted:
        documents = [d for d in documents if "float: footnote" in pdf_footnotes.footnoted(d.html)]
    old_cpu, old_pdfs = cpu(old.html_to_pdf, documents, args.repeat)
    new_cpu, new_pdfs = cpu(pdf_writer.html_to_pdf, documents, args.repeat)
    print(f"{platform.node()} {platform.processor() or platform.machine()} load {os.getloadavg()[0]:.2f}")
    print(f"{len(documents)} documents ({noted} with footnotes), {args.municipalities} municipalities, day {day}")
    print(f"old {args.old}: {old_cpu:.2f} s CPU; current: {new_cpu:.2f} s CPU; ratio {new_cpu / old_cpu:.3f}")
    print(f"layouts repeated for a footnote off its mark's page: {again} (over {args.repeat} repeats)")
    differ = [d.spec.id for d, a, b in zip(documents, old_pdfs, new_pdfs, strict=True) if a != b]
    print(f"PDFs that differ from the old writer's: {len(differ)} {sorted(set(differ))}")


if __name__ == "__main__":
    main()
