"""Rendering one child's documents and writing them into the child's own folder, all or nothing.

The folder is written in a temporary place beside it and swapped in at the end; an existing folder is
replaced only when this command made it (it holds the marker file, which lists every file written with its
SHA-256) and holds nothing else: a file the command did not write (a scanned signed contract) or one changed
since (an edited DOCX) stops the child with a message naming it, and the folder stays as it was. A folder of the
version before the file list is never replaced: it is renamed aside to a visible name and said so (older_folder,
D119).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents import context as ctx
from generator.documents import terms
from generator.documents.docx_writer import write_docx
from generator.documents.from_matrix.archive import ARCHIVE_MARK, papers_day
from generator.documents.from_matrix.context import ChildContext
from generator.documents.from_matrix.folder_origin import Origin, origin_lines
from generator.documents.from_matrix.older_folder import is_older, older_line, put_back, set_older_aside
from generator.documents.from_matrix.signing import SIGNABLE, Waiting
from generator.documents.from_matrix.specs import child_documents
from generator.documents.html import RenderedDocument, environment, render
from generator.documents.note_warning import unplaced_lines
from generator.documents.pdf_writer import write_pdf
from generator.ministry.console_names import shown_inside
from generator.own_files import listing, parse_listing, refusal, strangers
from generator.replace_file import aside_prefix, leftovers, say_leftovers, staged_folder, swap_final

MARKER = ".ibm-berna-dokumenti"
DRAFT_MARK = "MELNRAKSTS"


def page_mark(draft: bool, archive: bool, waiting: str | None = None) -> str | None:
    """What every page of a document carries at its head: the draft mark, the archive mark, both or none; a paper
    not signable while A is a blank its own mark, ``waiting`` (signing.not_signable's, naming what it waits for: B or
    a price, D344, D348) – a draft or an archive copy is not signed anyway and keeps its mark alone."""
    marks = [mark for mark, on in ((DRAFT_MARK, draft), (ARCHIVE_MARK, archive)) if on]
    if waiting and not marks:
        marks.append(waiting)
    return " · ".join(marks) or None


def waiting_mark(waiting: Waiting, doc_id: str) -> str | None:
    """The not-signable mark of the paper ``doc_id``: ``waiting``'s when it is one of its papers, else None."""
    return waiting.mark if doc_id in waiting else None


class FolderTaken(Exception):
    """The child's folder exists and was not made by this command, or holds files it did not write."""

    def __init__(self, message: str, reason: str = "mape jau pastāv") -> None:
        super().__init__(message)
        self.reason = reason  # the summary line's short reason


def render_child(catalogue: Catalogue, municipality: Municipality, child: ChildContext, params_day,  # noqa: ANN001
                 draft: bool, *, build_day: dt.date | None = None, archive: bool = False,
                 ended: dt.date | None = None, waiting: Waiting = SIGNABLE) -> list[RenderedDocument]:
    """The HTML of every document of one child (no files written). ``build_day`` (default: the system date) is
    the day the documents are made: it decides, like the refusal of an ended plan period (run.py), whether the
    programme round's dates are printed or are blanks because the round has ended. ``archive``: every page
    carries the archive mark (an ended period's papers for the case file), and the names, legal norms and
    round dates are those of the day before the plan began, not of the build day (F23, D69). ``ended``: the day
    the archive copy says its plan period had ended before (archive.ended_before; default the build day) – the
    computer's date when an earlier `--day` fell before the period's end (audit27 F1). ``waiting``: the papers marked not
    signable while A is a blank and what they wait for (signing.not_signable, D344, D348)."""
    env = environment()
    build_day = build_day or dt.date.today()
    day = as_of(child, build_day, archive)
    base = {**ctx.shared_context(catalogue, day, prices_on=child.start_day, municipality=municipality.id,
                                 round_id=child.round_id, prices_until=child.end_day),
            **ctx.municipality_context(catalogue, municipality, names_day(catalogue, child, day, archive)),
            "param": ctx.Params(catalogue, params_day, base=ctx.base_figure(child.printed_base, child.base_footnote)),
            "child": child, "draft": draft,
            "archive": archive, "archive_mark": ARCHIVE_MARK, "build_day": build_day, "as_of": day,
            "archive_ended": ended or build_day,
            "created": build_day}  # the files are made on the build day
    # a paper marked not signable is not filled in by hand: its price note says the figures come when it is made
    # again (D355); a draft or an archive copy keeps its own mark alone (page_mark)
    reading = replace(child, unconfirmed_note=child.waiting_price_note)
    return [render(env, spec, {**base, "provider": provider, "not_signable": unsignable,
                               **({"child": reading} if unsignable else {}),
                               "not_signable_mark": waiting.mark, "not_signable_note": waiting.note})
            for spec, provider in child_documents(child)
            for unsignable in [spec.id in waiting and not (draft or archive)]]


def as_of(child: ChildContext, build_day: dt.date, archive: bool) -> dt.date:
    """The day whose names, norms and round dates the documents show: the build day, or for an archive copy
    the day before its plan began (archive.papers_day, D69; papers signed later may differ, audit17 F3)."""
    return papers_day(child.start_day) if archive and child.start_day is not None else build_day


def names_day(catalogue: Catalogue, child: ChildContext, day: dt.date, archive: bool) -> dt.date:
    """The day whose party names the papers print: the day their citations are of (D42, D43) – for the plan's round
    (D113) not before it starts, as shared_context dates the citations (review1 F5); an archive copy's ``day``."""
    if archive or child.round_id is None:
        return day
    return terms.document_day(terms.plan_round(catalogue, child.round_id), day)


MARKER_HEAD = "Šo mapi izveidoja `ibm documents --from-matrix`; to var aizstāt nākamā palaišanas reize, ja mapē\n" \
    "ir tikai šie tās rakstītie faili bez izmaiņām (SHA-256 un nosaukums):\n"


def check_folder(target: Path) -> None:
    """Raises FolderTaken unless ``target`` is absent, holds only this command's own unchanged files, or is a folder
    of the version before the file list (set aside, not replaced: older_folder)."""
    if not target.exists() and not target.is_symlink():
        return
    if target.is_symlink() or not target.is_dir() or not (target / MARKER).is_file():
        raise FolderTaken(f"mape {shown_inside(target)} jau pastāv, un to nav izveidojusi šī komanda (tajā nav faila {MARKER}); "
                          "izvēlieties citu --out vai pārvietojiet mapi")
    if is_older(target / MARKER):  # the version before the file list: renamed aside by write_child, nothing lost
        return
    known = parse_listing((target / MARKER).read_text(encoding="utf-8", errors="replace").splitlines())
    foreign, changed = strangers(target, known, ignore=(MARKER,))
    if foreign or changed:
        raise FolderTaken(refusal(shown_inside(target), foreign, changed), "mapē ir svešs vai mainīts fails")


def write_child(documents: list[RenderedDocument], target: Path, *, draft: bool, pdf: bool = True,
                report: str = "", archive: bool = False, say: Callable[[str], object] | None = None,
                origin: Origin | None = None, waiting: Waiting = SIGNABLE) -> list[Path]:
    """Write PDF (unless ``pdf`` is False) and DOCX of each document into ``target``; returns the final paths. An
    older version's folder at ``target`` is renamed aside, named in one line (``say``, default stderr, and the new
    parskats.txt), and moved back if the new folder does not take its place (D119). ``origin``: the matrix and the
    catalogue version the papers are made from, recorded in the marker after the file list (folder_origin).
    ``waiting``: the papers marked not signable while A is a blank (D344, D348), as render_child got them."""
    say_leftovers(leftovers(target.parent, aside_prefix(target)))  # a cut-off earlier run's folder (review3 F7)
    check_folder(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with staged_folder(target.parent, f".{target.name}-") as tmp:
        names: list[str] = []
        for document in documents:
            spec = document.spec
            landscape = "A4 landscape" in document.html
            if pdf:
                names.append(write_pdf(document.html, tmp / f"{spec.id}.pdf").name)
            names.append(write_docx(document.html, tmp / f"{spec.id}.docx", spec.title, document.version,
                                    document.created, landscape=landscape,
                                    mark=page_mark(draft, archive, waiting_mark(waiting, spec.id))).name)
        # a numbered note a PDF prints off its mark's page: named on the screen and in parskats.txt (D349)
        apart = unplaced_lines(documents, target.name) if pdf else []
        if apart and report:
            report += "\n" + "".join(f"{line}\n" for line in apart)
        older: Path | None = None
        mark = None
        try:
            if is_older(target / MARKER):
                older = set_older_aside(target, dt.date.today())
                report += f"\n{older_line(target, older)}\n" if report else ""
            if report:
                (tmp / "parskats.txt").write_text(report, encoding="utf-8")
            written = [*names, *(["parskats.txt"] if report else [])]
            mark = MARKER_HEAD + "".join(f"{line}\n" for line in listing(tmp, written)) + origin_lines(origin)
            (tmp / MARKER).write_text(mark, encoding="utf-8")
            check_folder(target)  # nothing foreign appeared while rendering
            # a Ctrl-C now is taken once the new folder is in place and the old one removed: the command stops
            # before the next matrix, after saying that this child's folder is whole (D133)
            swap_final([(tmp, target)], prefix=aside_prefix(target),
                       stop_after=lambda cause: f"{cause} saņemts, kad mape {shown_inside(target)} jau tika aizstāta: tā ir "
                                                "pilnīga; nākamās matricas netiek apstrādātas.")
        except BaseException:
            if older is not None and not put_back(older, target):  # it stays aside: say where
                (say or _to_stderr)(older_line(target, older, placed=_holds(target, mark)))
            raise
        if older is not None:
            (say or _to_stderr)(older_line(target, older))
        for line in apart:
            (say or _to_stderr)(line)
    return [target / name for name in names]


def _holds(target: Path, mark: str | None) -> bool:
    """Whether ``target`` is the folder just written (its marker is ``mark``): the swap was done."""
    try:
        return mark is not None and (target / MARKER).read_text(encoding="utf-8") == mark
    except (OSError, UnicodeDecodeError):
        return False


def _to_stderr(text: str) -> None:
    import click

    click.echo(text, err=True)
