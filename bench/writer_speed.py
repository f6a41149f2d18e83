"""How fast are the writers: every document of the pilot municipalities written as DOCX (and, with --pdf,
as PDF) by the current code and by the code of an older revision, in the same run, on the same HTML; and
the IBM matrices (generic and per municipality) written with and without generator/xlsxformula.py. The
outputs must be byte-identical (the speed-up changes nothing a user sees); the ratio is CPU time.

    .venv/bin/python bench/writer_speed.py [--old 07c63a0] [--municipalities 10] [--pdf] [--marks] [--no-matrices]

--marks adds two DOCX rows: every document again with a page mark (MELNRAKSTS, ARHĪVA KOPIJA, both, in turn)
and a fictional child's documents made from a matrix (tests/documents/child_render.py), plain, draft and archive.

The old document writer is loaded from `git show REV:generator/documents/<writer>.py` into a private module.
Results with the machine, the date and the load are kept in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.documents import docx_writer, pdf_writer  # noqa: E402
from generator.documents.build_step import render_municipality  # noqa: E402


def old_module(revision: str, name: str, folder: Path):  # noqa: ANN201 - a module
    source = subprocess.run(["git", "show", f"{revision}:generator/documents/{name}.py"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout
    path = folder / f"old_{name}.py"
    path.write_text(source, "utf-8")
    spec = importlib.util.spec_from_file_location(f"old_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def docx_of(module, document, mark: str | None = None) -> bytes:  # noqa: ANN001
    return module.html_to_docx(document.html, document.spec.title, document.version, document.created,
                               landscape="A4 landscape" in document.html, mark=mark)


def marked_docx_of(module, item) -> bytes:  # noqa: ANN001 - (document, mark)
    return docx_of(module, *item)


def page_marks() -> list[str]:
    from generator.documents.from_matrix.writing import page_mark

    return [page_mark(True, False), page_mark(False, True), page_mark(True, True)]


def child_documents(catalogue) -> list:  # noqa: ANN001
    """A fictional child's documents from a matrix (the set tests/documents/child_render.py reads), each plain,
    as a draft and as an archive copy."""
    import tests.documents.child_render as child_render
    from generator.documents.from_matrix import writing

    made: list = []
    render = writing.render_child

    def keep(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        documents = render(*args, **kwargs)
        made.extend(documents)
        return documents

    child_render.render_child = keep
    try:
        child_render.child_html(catalogue, 8)
    finally:
        child_render.render_child = render
    return [(d, mark) for d in made for mark in (None, *page_marks()[:2])]


def pdf_of(module, document) -> bytes:  # noqa: ANN001
    return module.html_to_pdf(document.html)


class _Matrices:
    """The matrix writer, as a pair: with the quick formula preparation (new) or without it (old)."""

    def __init__(self, quick: bool, folder: Path) -> None:
        self.quick, self.folder = quick, folder

    def write(self, catalogue, municipality_id: str | None) -> bytes:  # noqa: ANN001
        from generator.workbook import writer

        saved = writer.quick_formulas
        if not self.quick:
            writer.quick_formulas = lambda ws: ws
        try:
            path = self.folder / f"{'new' if self.quick else 'old'}-{municipality_id}.xlsx"
            return writer.write_workbook(catalogue, path, municipality_id).read_bytes()
        finally:
            writer.quick_formulas = saved


def measure(label: str, write, old, new, documents) -> tuple[str, float, float, int]:  # noqa: ANN001
    write(old, documents[0]), write(new, documents[0])  # imports, fonts, caches
    seconds = {}
    outputs = {}
    for name, module in (("old", old), ("new", new)):
        start = time.process_time()
        outputs[name] = [write(module, d) for d in documents]
        seconds[name] = time.process_time() - start
    differ = sum(1 for a, b in zip(outputs["old"], outputs["new"], strict=True) if a != b)
    print(f"{label}: vecais {seconds['old']:.2f} s, jaunais {seconds['new']:.2f} s CPU, "
          f"atšķirīgi faili: {differ}", file=sys.stderr)
    return label, seconds["old"], seconds["new"], differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", default="07c63a0", help="git revision of the old writers")
    parser.add_argument("--municipalities", type=int, default=10)
    parser.add_argument("--pdf", action="store_true", help="also PDF (WeasyPrint; slow)")
    parser.add_argument("--marks", action="store_true", help="also marked and from-matrix DOCX")
    parser.add_argument("--no-matrices", action="store_true", help="leave out the matrices (XLSX) row")
    args = parser.parse_args()
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    documents = [d for m in catalogue.pilot_municipalities()[:args.municipalities]
                 for d in render_municipality(catalogue, m)]
    load = os.getloadavg()
    rows = []
    with tempfile.TemporaryDirectory(prefix="ibm-bench-docs-") as tmp:
        old_docx = old_module(args.old, "docx_writer", Path(tmp))
        rows.append(measure("DOCX", docx_of, old_docx, docx_writer, documents))
        if args.marks:
            marks = page_marks()
            rows.append(measure("DOCX ar atzīmi", marked_docx_of, old_docx, docx_writer,
                                [(d, marks[i % len(marks)]) for i, d in enumerate(documents)]))
            rows.append(measure("DOCX no matricas", marked_docx_of, old_docx, docx_writer,
                                child_documents(catalogue)))
        matrices = [(catalogue, None), *((catalogue, m.id) for m in
                                         catalogue.pilot_municipalities()[:args.municipalities])]
        if not args.no_matrices:
            rows.append(measure("IBM matrica (XLSX)", lambda module, item: module.write(*item),
                                _Matrices(False, Path(tmp)), _Matrices(True, Path(tmp)), matrices))
        if args.pdf:
            rows.append(measure("PDF", pdf_of, old_module(args.old, "pdf_writer", Path(tmp)), pdf_writer,
                                documents))
    print(f"Mašīna: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} kodoli; "
          f"slodze sākumā {load[0]:.1f}, beigās {os.getloadavg()[0]:.1f}; {len(documents)} dokumenti, {args.municipalities + 1} matricas\n")
    print("| rakstītājs | vecais, s CPU | jaunais, s CPU | ātrāk | atšķirīgi faili |")
    print("|---|---:|---:|---:|---:|")
    for label, old, new, differ in rows:
        print(f"| {label} | {old:.2f} | {new:.2f} | {old / new:.2f}× | {differ} |")
    return 1 if any(row[3] for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
