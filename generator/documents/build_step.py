"""The "dokumenti" build step and `ibm documents`: every document for every pilot municipality, PDF + DOCX,
plus the report workbooks (generator/documents/reports/).

A later prices day (D187): for every prices day after the build day that the matrices are built for (a change the
catalogue dates inside a children's round not ended, generator/workbook/render.py ``issues``), each municipality of
that round also gets, in ``dokumenti/<id>/cenas-no-GGGG-MM-DD/``, the documents whose rendered content on that day
differs from its default set – made as `ibm documents --day` makes them (terms.for_round). A document the day does not
change (no price, no dated value in it) is not rendered to PDF or DOCX again. No report workbook is made for the day:
none depends on it (no price in them; their parameters are those in force on the catalogue's latest date, the same for
every prices day – tests/documents/test_later_day_reports.py).
"""

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
from generator.documents.note_warning import unplaced_lines
from generator.documents.paths import day_folder, documents_dir, reports_dir
from generator.documents.pdf_writer import write_pdf
from generator.documents.registry import DOCUMENTS, DocumentSpec
from generator.documents.render_memo import RenderMemo, docx_key, pdf_key
from generator.documents.terms import Choice, asked_round, for_round, municipality_day
from generator.workbook.render import Issue, issues

Progress = Callable[[str], None]


def render_municipality(catalogue: Catalogue, municipality: Municipality,
                        specs: Iterable[DocumentSpec] = DOCUMENTS,
                        build_date: dt.date | None = None, names_day: dt.date | None = None) -> list[RenderedDocument]:
    """Render the HTML of each document for one municipality (no files written). ``build_date`` (default:
    today) decides which programme-round dates have ended and become blanks; the round is one that lists the
    municipality (terms.current_round). A paper of a procedure the round does not confirm (the ESF questionnaire
    of a round without an ESF project, D135) is not made. ``names_day`` (a later prices day's set, D187): the day whose
    party names the papers print, instead of the papers' own day."""
    env = environment()
    day = names_day or papers_day(catalogue, municipality, build_date)
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


def base_prices_day(catalogue: Catalogue, municipality: Municipality, build_date: dt.date | None = None) -> dt.date:
    """The day whose prices the municipality's base set prints (terms.prices_day): a round whose services begin after
    the build day prints its first service day's, which is then also a prices day of its matrices."""
    from generator.documents import terms

    day = build_date or dt.date.today()
    return terms.prices_day(terms.current_round(catalogue, day, municipality.id), day)


def municipality_label(catalogue: Catalogue, municipality: Municipality, build_date: dt.date | None = None) -> str:
    """How a progress line names the municipality whose papers were made: its name in force on their day (D189),
    not the pilot-time name of municipalities.yaml – and never a name still „jāprecizē” as fact (stated_name_on)."""
    return catalogue.stated_name_on(municipality.id, papers_day(catalogue, municipality, build_date))


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
    later = later_days(catalogue, build_date or dt.date.today())
    for number, municipality in enumerate(municipalities, 1):
        documents = render_municipality(catalogue, municipality, build_date=build_date)
        folder = documents_dir(out, municipality.id)
        for document in documents:
            written.extend(write_document(document, folder, memo))
        written.extend(write_report_workbooks(catalogue, municipality, out, build_date))
        name = municipality_label(catalogue, municipality, build_date)
        # the children's programme's: a municipality in both programmes is told so (audit31e F3, D254)
        progress(f"  bērnu programmas dokumenti {number}/{len(municipalities)}: {name} – "
                 f"{made_phrase(len(documents))}")
        for line in unplaced_lines(documents, municipality.id):  # a note its PDF prints apart (D349)
            progress(f"  {line}")
        for issue in later:
            if municipality.id in issue.municipality_ids:
                changed = day_documents(catalogue, municipality, issue, documents, build_date)
                for document in changed:
                    written.extend(write_document(document, folder / day_folder(issue.day), memo))
                if not changed and issue.day == base_prices_day(catalogue, municipality, build_date):
                    continue  # the base set's own prices day: no line saying nothing differs (D309)
                progress(f"  dokumenti ar cenām no {lvformat.date(issue.day)}: "
                         f"{catalogue.stated_name_on(municipality.id, issue.day)} – "
                         f"{changed_phrase(len(changed), len(documents), day_folder(issue.day))}")
                for line in unplaced_lines(changed, f"{municipality.id}/{day_folder(issue.day)}"):
                    progress(f"  {line}")
    return written


def written_names(papers: Iterable[str], reports: Iterable[str]) -> Callable[[str], bool]:
    """Whether a name (relative to the output folder) is one a run can write: a document of DOCUMENTS (PDF or DOCX)
    in one of the ``papers`` folders, or a report workbook in one of the ``reports`` folders. Known before anything is rendered, for the check of own files
    changed since (staged_output.changed_since)."""
    files = {f"{spec.id}{suffix}" for spec in DOCUMENTS for suffix in (".pdf", ".docx")}
    paper_folders, report_folders = set(papers), set(reports)

    def may_write(name: str) -> bool:
        folder, _, file = name.rpartition("/")
        return (folder in paper_folders and file in files) or (folder in report_folders and file.endswith(".xlsx"))

    return may_write


def documents_written(catalogue: Catalogue, out: Path, municipality_id: str | None = None,
                      build_date: dt.date | None = None) -> Callable[[str], bool]:
    """Which names ``render_documents`` can write (``written_names``): each municipality's documents, those of its
    later prices days and its report workbooks."""
    later = later_days(catalogue, build_date or dt.date.today())
    papers: list[str] = []
    reports: list[str] = []
    for municipality in selected_municipalities(catalogue, municipality_id):
        folder = documents_dir(out, municipality.id).relative_to(out).as_posix()
        papers += [folder, *(f"{folder}/{day_folder(i.day)}" for i in later if municipality.id in i.municipality_ids)]
        reports.append(reports_dir(out, municipality.id).relative_to(out).as_posix())
    return written_names(papers, reports)


def later_days(catalogue: Catalogue, build_date: dt.date) -> list[Issue]:
    """The prices days after ``build_date`` the matrices are built for (render.issues: the issue days of the
    children's rounds not ended on it), each with its round's pilot municipalities; none without a later change."""
    return [i for i in issues(catalogue, build_date) if i.day > build_date and i.round is not None]


def _names(catalogue: Catalogue, municipality: Municipality, day: dt.date) -> dict:
    """What a paper dated ``day`` names the parties by, besides the day itself (the blanks' note names it)."""
    context = ctx.municipality_context(catalogue, municipality, day)
    context.pop("names_note")
    return context


def day_documents(catalogue: Catalogue, municipality: Municipality, issue: Issue,
                  default: list[RenderedDocument], build_date: dt.date | None = None) -> list[RenderedDocument]:
    """The municipality's documents on ``issue``'s prices day whose rendered HTML differs from its ``default`` set
    (D187). They are made as `ibm documents --day` makes them, for the issue's round with its day's prices; the
    party names are those in force on that day when the catalogue names the parties otherwise then than in the
    default papers, else the default papers' own (only a day's prices or dated values make a paper differ)."""
    base_day = papers_day(catalogue, municipality, build_date)  # the default set's day, as render_municipality
    with for_round(Choice(issue.round.id, issue.day)):  # type: ignore[union-attr]
        own_day = municipality_day(catalogue, issue.day, municipality.id)
        same_names = _names(catalogue, municipality, own_day) == _names(catalogue, municipality, base_day)
        rendered = render_municipality(catalogue, municipality, build_date=build_date,
                                       names_day=base_day if same_names else None)
    before = {d.spec.id: d.html for d in default}
    return [d for d in rendered if before.get(d.spec.id) != d.html]


def changed_phrase(changed: int, papers: int, folder: str) -> str:
    """The progress line's end for a later prices day: how many of the municipality's papers it changes, and where
    they are ("2 dokumenti no 31 atšķiras – PDF un DOCX mapē cenas-no-2027-07-01")."""
    if not changed:
        return f"neviens no {papers} dokumentiem neatšķiras, nekas nav izveidots"
    return (f"{changed} {lvformat.agree(changed, 'dokuments', 'dokumenti')} no {papers} "
            f"atšķiras – PDF un DOCX mapē {folder}")


def made_phrase(papers: int) -> str:
    """What one municipality's set holds, for the progress line: "21 dokuments (PDF un DOCX) un atskaišu veidnes",
    "32 dokumenti …", or "tikai atskaišu veidnes" (no papers)."""
    if not papers:
        return "tikai atskaišu veidnes"
    return f"{papers} {lvformat.agree(papers, 'dokuments', 'dokumenti')} (PDF un DOCX) un atskaišu veidnes"
