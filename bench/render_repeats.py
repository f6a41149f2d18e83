"""How many of the municipal set's PDF and DOCX renders are repeats of the same input (what tests/kept_renders.py
renders once per test session), and what the distinct ones cost.

    PYTHONPATH=$PWD .venv/bin/python bench/render_repeats.py [--render]

Prints the documents per municipality set, the distinct PDF inputs (the HTML) and the distinct DOCX inputs (HTML,
title, version, date, orientation); with --render also the CPU seconds of rendering every document and of rendering
each distinct input once (PDF and DOCX, in this process).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.documents.build_step import render_municipality  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--render", action="store_true", help="also time every render and the distinct ones")
    args = parser.parse_args(argv)
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    documents = [d for m in catalogue.pilot_municipalities() for d in render_municipality(catalogue, m)]
    pdf_inputs = {hashlib.sha256(d.html.encode("utf-8")).hexdigest(): d for d in documents}
    docx_inputs = {(hashlib.sha256(d.html.encode("utf-8")).hexdigest(), d.spec.title, d.version, d.created,
                    "A4 landscape" in d.html): d for d in documents}
    print(f"{len(documents)} documents, {len(pdf_inputs)} distinct PDF inputs, {len(docx_inputs)} distinct DOCX inputs")
    if args.render:
        from generator.documents.docx_writer import html_to_docx
        from generator.documents.pdf_writer import html_to_pdf

        def pdf(d) -> bytes:  # noqa: ANN001
            return html_to_pdf(d.html)

        def docx(d) -> bytes:  # noqa: ANN001
            return html_to_docx(d.html, d.spec.title, d.version, d.created, "A4 landscape" in d.html)

        html_to_pdf(documents[0].html)  # fonts loaded before timing
        for name, make, distinct in (("PDF", pdf, pdf_inputs), ("DOCX", docx, docx_inputs)):
            start = time.process_time()
            every = [make(d) for d in documents]
            middle = time.process_time()
            once = {key: make(d) for key, d in distinct.items()}
            end = time.process_time()
            same = all(every[i] == once[key] for i, key in enumerate(
                hashlib.sha256(d.html.encode("utf-8")).hexdigest() if name == "PDF" else
                (hashlib.sha256(d.html.encode("utf-8")).hexdigest(), d.spec.title, d.version, d.created,
                 "A4 landscape" in d.html) for d in documents))
            print(f"{name}: every document {middle - start:.1f} s CPU, each distinct input once {end - middle:.1f} s"
                  f" CPU; a repeat's bytes equal the first render's: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
