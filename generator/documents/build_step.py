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
    # with `--day` the papers are made for that day, as their price lists are: its names too (audit19 F21)
    asked = asked_round()
    papers_day = asked.prices_day if asked is not None and asked.prices_day is not None else None
    day = municipality_day(catalogue, papers_day or build_date or dt.date.today(), municipality.id)
    context = {**ctx.shared_context(catalogue, build_date, municipality=municipality.id), **annex_context(catalogue),
               **ctx.municipality_context(catalogue, municipality, day)}
    return [render(env, spec, context) for spec in specs
            if spec.procedure is None or context["kartiba"][spec.procedure]]


def write_document(document: RenderedDocument, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    spec = document.spec
    landscape = "A4 landscape" in document.html
    return [
        write_pdf(document.html, folder / f"{spec.id}.pdf"),
        write_docx(document.html, folder / f"{spec.id}.docx", spec.title, document.version, document.created,
                   landscape=landscape),
    ]


def selected_municipalities(catalogue: Catalogue, municipality_id: str | None) -> list[Municipality]:
    if municipality_id is None:
        return catalogue.pilot_municipalities()
    municipality = catalogue.municipality(municipality_id)
    return [municipality]


def render_documents(catalogue: Catalogue, out: Path, progress: Progress = print,
                     municipality_id: str | None = None, build_date: dt.date | None = None) -> list[Path]:
    """Write documents and report workbooks under out/lejupielades/ and return the paths written."""
    from generator.documents.reports.workbooks import write_report_workbooks

    written: list[Path] = []
    municipalities = selected_municipalities(catalogue, municipality_id)
    for number, municipality in enumerate(municipalities, 1):
        documents = render_municipality(catalogue, municipality, build_date=build_date)
        folder = documents_dir(out, municipality.id)
        for document in documents:
            written.extend(write_document(document, folder))
        written.extend(write_report_workbooks(catalogue, municipality, out, build_date))
        progress(f"  dokumenti {number}/{len(municipalities)}: {municipality.name_lv} – {made_phrase(len(documents))}")
    return written


def made_phrase(papers: int) -> str:
    """What one municipality's set holds, for the progress line: "21 dokuments (PDF un DOCX) un atskaišu veidnes",
    "32 dokumenti …", or "tikai atskaišu veidnes" (no papers)."""
    if not papers:
        return "tikai atskaišu veidnes"
    return f"{papers} {lvformat.agree(papers, 'dokuments', 'dokumenti')} (PDF un DOCX) un atskaišu veidnes"
