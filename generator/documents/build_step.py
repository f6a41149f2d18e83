"""The "dokumenti" build step and `ibm documents`: every document for every pilot municipality, PDF + DOCX,
plus the report workbooks (generator/documents/reports/)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents import context as ctx
from generator.documents.annex_context import annex_context
from generator.documents.docx_writer import write_docx
from generator.documents.html import RenderedDocument, environment, render
from generator.documents.paths import documents_dir
from generator.documents.pdf_writer import write_pdf
from generator.documents.registry import DOCUMENTS, DocumentSpec
from generator.documents.render_memo import RenderMemo, docx_key, pdf_key
from generator.documents.terms import asked_round, municipality_day

Progress = Callable[[str], None]


def render_municipality(catalogue: Catalogue, municipality: Municipality,
                        specs: Iterable[DocumentSpec] = DOCUMENTS,
                        build_date: dt.date | None = None) -> list[RenderedDocument]:
    """Render the HTML of each document for one municipality (no files written). ``build_date`` (default:
    today) decides which programme-round dates have ended and become blanks; the round is one that lists the
    municipality (terms.current_round). A paper of a procedure the round does not confirm (the ESF questionnaire
    of a round without an ESF project, D135) is not made."""
    env = environment()
    day = papers_day(catalogue, municipality, build_date)
    context = {**ctx.shared_context(catalogue, build_date, municipality=municipality.id), **annex_context(catalogue),
               **ctx.municipality_context(catalogue, municipality, day)}
    return [render(env, spec, context) for spec in specs
            if spec.procedure is None or context["kartiba"][spec.procedure]]


def papers_day(catalogue: Catalogue, municipality: Municipality, build_date: dt.date | None = None) -> dt.date:
    """The day one municipality's papers are made for (their names, D43): with `--day` that day, as their price
    lists are (audit19 F21), else the build day, not before the start of the round they are for."""
    asked = asked_round()
    asked_day = asked.prices_day if asked is not None and asked.prices_day is not None else None
    return municipality_day(catalogue, asked_day or build_date or dt.date.today(), municipality.id)


def municipality_label(catalogue: Catalogue, municipality: Municipality, build_date: dt.date | None = None) -> str:
    """How a progress line names the municipality whose papers were made: its name in force on their day (D189),
    not the pilot-time name of municipalities.yaml."""
    return catalogue.name_on(municipality.id, papers_day(catalogue, municipality, build_date))


def write_document(document: RenderedDocument, folder: Path, memo: RenderMemo | None = None) -> list[Path]:
    """The document's PDF and DOCX in ``folder``; with ``memo``, an input already rendered in this run is not
    rendered again: its bytes are written (render_memo.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    spec, html = document.spec, document.html
    landscape = "A4 landscape" in html
    pdf, docx = folder / f"{spec.id}.pdf", folder / f"{spec.id}.docx"

    def make_pdf() -> Path:
        return write_pdf(html, pdf)

    def make_docx() -> Path:
        return write_docx(html, docx, spec.title, document.version, document.created, landscape=landscape)

    if memo is None:
        return [make_pdf(), make_docx()]
    return [memo.write(pdf_key(html), pdf, make_pdf),
            memo.write(docx_key(html, spec.title, document.version, document.created, landscape, None), docx,
                       make_docx)]


def selected_municipalities(catalogue: Catalogue, municipality_id: str | None) -> list[Municipality]:
    if municipality_id is None:
        return catalogue.pilot_municipalities()
    municipality = catalogue.municipality(municipality_id)
    return [municipality]


def render_documents(catalogue: Catalogue, out: Path, progress: Progress = print,
                     municipality_id: str | None = None, build_date: dt.date | None = None,
                     reuse_renders: bool = True) -> list[Path]:
    """Write documents and report workbooks under out/lejupielades/ and return the paths written. Each distinct
    PDF and DOCX input is rendered once (render_memo.py; ``reuse_renders=False`` renders every document, for the
    test that both give the same files)."""
    from generator.documents.reports.workbooks import write_report_workbooks

    written: list[Path] = []
    municipalities = selected_municipalities(catalogue, municipality_id)
    memo = RenderMemo() if reuse_renders else None
    for number, municipality in enumerate(municipalities, 1):
        documents = render_municipality(catalogue, municipality, build_date=build_date)
        folder = documents_dir(out, municipality.id)
        for document in documents:
            written.extend(write_document(document, folder, memo))
        written.extend(write_report_workbooks(catalogue, municipality, out, build_date))
        name = municipality_label(catalogue, municipality, build_date)
        progress(f"  dokumenti {number}/{len(municipalities)}: {name} – {made_phrase(len(documents))}")
    return written


def made_phrase(papers: int) -> str:
    """What one municipality's set holds, for the progress line: "21 dokuments (PDF un DOCX) un atskaišu veidnes",
    "32 dokumenti …", or "tikai atskaišu veidnes" (no papers)."""
    if not papers:
        return "tikai atskaišu veidnes"
    return f"{papers} {lvformat.agree(papers, 'dokuments', 'dokumenti')} (PDF un DOCX) un atskaišu veidnes"
