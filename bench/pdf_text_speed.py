"""pypdf's ``extract_text`` against poppler's pdftotext (tests/documents/conftest.py ``pdf_pages``) on the provider
contract of 3 to 25 lines (tests/documents/test_total_row.py): CPU of each reader, and whether both give the same
pages and the same answer to the test's question (is the row above the total on the total's page), also for the
layout without ``tr.total { break-before: avoid }``, where some totals start a page alone.

    PYTHONPATH=. .venv/bin/python bench/pdf_text_speed.py
"""

from __future__ import annotations

import io
import resource
import time

from pypdf import PdfReader

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.documents.pdf_writer import html_to_pdf
from tests.documents.conftest import normalise, pdf_pages
from tests.documents.test_total_row import _contract, _kept


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    pypdf_cpu = poppler_cpu = 0.0
    differ = 0
    pages_equal = pages_all = 0
    for layout in ("now", "without break-before: avoid"):
        splits = {"pypdf": [], "pdftotext": []}
        for lines in range(3, 26):
            html, total, last = _contract(catalogue, lines)
            if layout != "now":
                html = html.replace("tr.total { break-before: avoid; }", "")
            pdf = html_to_pdf(html)
            start = time.process_time()
            old = [normalise(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]
            pypdf_cpu += time.process_time() - start
            start = time.process_time() + _children_cpu()
            new = [normalise(p) for p in pdf_pages(pdf)]
            poppler_cpu += time.process_time() + _children_cpu() - start
            pages_all += len(old)
            pages_equal += sum(a == b for a, b in zip(old, new, strict=False))
            if len(old) != len(new) or [total in p for p in old] != [total in p for p in new]:
                differ += 1
                print(f"{layout}, {lines} rindas: lapas atšķiras")
            for name, pages in (("pypdf", old), ("pdftotext", new)):
                if not _kept(pages, total, last):
                    splits[name].append(lines)
        print(f"{layout}: kopsumma lapas sākumā pypdf {splits['pypdf']}, pdftotext {splits['pdftotext']}")
        differ += splits["pypdf"] != splits["pdftotext"]
    differ += _libreoffice_pdfs(catalogue)
    print(f"CPU: pypdf {pypdf_cpu:.1f} s, pdftotext {poppler_cpu:.1f} s; lapu teksts vienāds {pages_equal} no "
          f"{pages_all}; atšķirības: {differ}")
    return 1 if differ else 0


def _libreoffice_pdfs(catalogue) -> int:  # noqa: ANN001
    """The same contracts' DOCX printed by LibreOffice (as the test's third case): both readers' answers."""
    import datetime as dt
    import tempfile
    from pathlib import Path

    from generator.documents.docx_writer import write_docx
    from generator.recalc import convert

    with tempfile.TemporaryDirectory() as tmp:
        files, rows = [], {}
        for lines in range(3, 26):
            html, total, last = _contract(catalogue, lines)
            path = write_docx(html, Path(tmp) / f"k{lines:02d}.docx", "Līgums", catalogue.version, dt.date(2018, 11, 5))
            files.append(path)
            rows[path.stem] = (total, last)
        equal = every = differ = 0
        for pdf in convert(files, Path(tmp) / "pdf", to="pdf"):
            old = [normalise(p.extract_text()) for p in PdfReader(pdf).pages]
            new = [normalise(p) for p in pdf_pages(Path(pdf))]
            every += len(old)
            equal += sum(a == b for a, b in zip(old, new, strict=False))
            total, last = rows[Path(pdf).stem]
            differ += len(old) != len(new) or _kept(old, total, last) != _kept(new, total, last) \
                or [total in p for p in old] != [total in p for p in new]
    print(f"LibreOffice PDF: lapu teksts vienāds {equal} no {every}; atšķirīgas atbildes {differ}")
    return differ


if __name__ == "__main__":
    raise SystemExit(main())
