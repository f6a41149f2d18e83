"""`ibm documents --from-matrix FILE|FOLDER`: every matrix into its child's folder, one bad file never
stopping the others; progress "3/12 …", then a summary line with how many were made, drafted and refused.

The console shows only the child's pseudonymous code (HMAC with the collection's key when one is set,
otherwise the file's stem), the matrix file as given (its name hashed when it shows the child's name or personal
code, as the folder's) and cell names, never the child's name or personal code.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.cli_errors import find_os_error, os_reason
from generator.documents.from_matrix import archive as arch
from generator.documents.from_matrix import signing
from generator.documents.from_matrix.checklist import before_signing
from generator.documents.from_matrix.child_link import child_link_lines
from generator.documents.from_matrix.confirmed_warnings import papers_offers, papers_warnings
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.earlier_runs import earlier_folders, earlier_line, kept_line
from generator.documents.from_matrix.folder_origin import Origin
from generator.documents.from_matrix.plan_folder import Period, period_line, place
from generator.documents.from_matrix.provider_notes import no_provider_papers, provider_list
from generator.documents.from_matrix.provider_notes import repaid_to_parent as repaid_to_parent
from generator.documents.from_matrix.reading import (
    CORRECTED,
    HIDDEN,
    MORE_ERRORS_STORED,
    NOT_LISTED,
    STRUCTURE,
    MatrixReading,
    read_for_documents,
)
from generator.documents.from_matrix.writing import FolderTaken, check_folder, render_child, write_child
from generator.lvformat import agree
from generator.ministry.collect import find_workbooks
from generator.ministry.console_names import finding_hint, shown_given
from generator.ministry.file_copies import kept_first
from generator.ministry.template_checks import shown_place, value_label
from generator.ministry.templates import TemplateSource
from generator.reference.inputs import CASE_OR_SPACES, NOT_IN_ROUND
from generator.reference.rounds import plan_end
from generator.replace_file import PreviousAside

Echo = Callable[[str], None]
EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

READ_PROGRESS_FROM = 10  # a folder this large is read for a while before its first child's line: say how far
# A matrix without errors made with --draft is a draft all the same (audit30 F12, D252): the console and
# parskats.txt say why, and how to make the papers to sign.
NO_ERRORS_DRAFT = "melnraksts apspriešanai, jo norādīts --draft; parakstāmus dokumentus izveido bez --draft"
NO_ERRORS = f"matricā kļūdu nav – {NO_ERRORS_DRAFT}"
MADE, DRAFTED, REFUSED = "izveidoti", "melnraksti", "atteikti"


class SourceError(Exception):
    """Nothing to read: the path does not exist or the folder holds no .xlsx file."""


@dataclass
class Summary:
    made: int = 0
    waiting: int = 0  # made without drafts' errors, but B is not confirmed: nothing is signed until it is (D72)
    waiting_price: int = 0  # made, but some provider papers wait for a price to be confirmed (D294)
    drafted: int = 0
    refused: int = 0
    refusals: int = 0  # made, and the document is the decision to refuse (child not eligible)
    archived: int = 0  # made or drafted as an archive copy of an ended plan period (--arhivam)
    copies: int = 0  # byte-identical copies of another file in the run: made once, from that file (D144)
    reasons: Counter = field(default_factory=Counter)
    folders: list[Path] = field(default_factory=list)
    handled: int = 0  # matrices done with (papers made, drafted or refused, a copy skipped): said when interrupted

    @property
    def exit_code(self) -> int:
        return EXIT_REFUSED if self.refused else EXIT_OK

    def line(self) -> str:
        # a set waiting for the ministry's base amount B is not a finished one (audit38 F6)
        # each count a plain „word number” (D355): „izveidoti 0, gaida cenu 1”, not „izveidoti, gaida cenu: 1”
        waiting = f", gaida B {self.waiting}" if self.waiting else ""
        if self.waiting_price:
            waiting += f", gaida cenu {self.waiting_price}"
        text = f"Gatavs: izveidoti {self.made}{waiting}, melnraksti {self.drafted}, atteikti {self.refused}"
        if self.refusals:
            text += f" (no izveidotajiem {self.refusals} ar lēmumu par atteikumu – bērns nav tiesīgs)"
        if self.archived:
            text += f"; no tiem arhīva kopijas (nav parakstāmas) – {self.archived}"
        if self.copies:
            text += f"; izlaistas identiskas kopijas – {self.copies}"
        if self.reasons:
            text += "; atteikumu iemesli: " + ", ".join(f"{why} – {n}" for why, n in sorted(self.reasons.items()))
        return text + "."


def find_matrices(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    if not source.is_dir():
        raise SourceError(f"--from-matrix „{shown_given(source)}” nav atrasts (gaidīts: aizpildīta IBM matrica .xlsx vai mape "
                          "ar tām)")
    # other spreadsheet files (.xls, .ods …) and broken or looping links are listed too: each is refused with its
    # reason rather than passed over in silence (audit27 F4, F5)
    found = find_workbooks(source)  # the same files `ibm collect` and `ibm migrate` take
    if not found:
        raise SourceError(f"--from-matrix: mapē „{shown_given(source)}” nav nevienas .xlsx matricas")
    return found


def _read(path: Path, catalogue: Catalogue, templates: TemplateSource, key: bytes | None) -> MatrixReading:
    try:
        return read_for_documents(path, catalogue, templates, key)
    except Exception as exc:  # noqa: BLE001 - one file must never stop the others
        return MatrixReading(path, path.stem, refused=[f"matricu nevar nolasīt ({type(exc).__name__})"])


def _ended(reading: MatrixReading, day: dt.date) -> bool | None:
    """Whether the matrix's plan period ended before ``day`` (None: it cannot be dated)."""
    return None if reading.period is None else reading.period[1] < day


def _compete(one: MatrixReading, other: MatrixReading, day: dt.date) -> bool:
    """Two matrices of one child are the same plan when their periods overlap or either cannot be dated; a first
    and a next period are two plans, and an ended plan (refused or an archive copy, D136) never competes with a
    current one (D144)."""
    if one.period is None or other.period is None:
        return True
    if _ended(one, day) != _ended(other, day):
        return False
    return one.period[0] <= other.period[1] and other.period[0] <= one.period[1]


def _sources(readings: list[MatrixReading]) -> str:
    """The files of one child as the console names them; byte-identical copies whose name is hidden (the hash of
    the same content) are named once with their count, not repeated as if one file were listed twice."""
    shown = Counter(r.source for r in readings)
    return ", ".join(name if n == 1 else f"{name} – {n} identiskas kopijas" for name, n in shown.items())


def same_child(readings: list[MatrixReading], day: dt.date) -> dict[int, MatrixReading]:
    """Matrices of one child (the same personal code, known as soon as the file is read – also when it is refused
    afterwards) and one plan (periods that overlap, or a file that cannot be dated) in one run (audit27 F13, D144).
    ``day``: plans that ended before it compete only with each other. Byte-identical copies (by the bytes read)
    make one set of papers: the returned index -> the file whose papers they are (the first by name whose name does
    not look like a copy, D214). Files that differ are
    each refused (``refused`` set here, a file's own reason kept after it): which of them is meant is the social
    worker's decision, and two signable sets for one child must not be made."""
    groups: dict[str, list[int]] = {}
    for i, reading in enumerate(readings):
        if reading.person:
            groups.setdefault(reading.person, []).append(i)
    copies: dict[int, MatrixReading] = {}
    for members in groups.values():
        clusters: list[list[int]] = []
        for i in members:  # one plan: every file linked to another through an overlapping or undated period
            linked = [c for c in clusters if any(_compete(readings[i], readings[j], day) for j in c)]
            for c in linked:
                clusters.remove(c)
            clusters.append(sorted([i, *(j for c in linked for j in c)]))
        for cluster in clusters:
            if len(cluster) < 2:
                continue
            digests = {readings[i].digest for i in cluster}
            if len(digests) == 1 and None not in digests:
                kept, *rest = kept_first(cluster, lambda i: readings[i].path.name)  # not the one named a copy (D214)
                copies.update((i, readings[kept]) for i in rest)
                continue
            sources = _sources([readings[i] for i in cluster])
            for i in cluster:
                place = f"; {readings[i].code_place}" if readings[i].code_place else ""
                readings[i].refused = [f"{SAME_CHILD} ({sources}{place}); dokumentus neveido nevienam no tiem – "
                                       "atstājiet mapē tikai to matricu, pēc kuras dokumenti jāparaksta, un palaidiet "
                                       "komandu vēlreiz", *readings[i].refused]
    return copies


SAME_CHILD = "tā paša bērna (tas pats personas kods) matrica ir vairākos failos"
UNMATCHED = ("šis fails nav sasaistīts ne ar vienu bērnu (bērna personas kodu no tā nevar nolasīt): pārbaudiet ar "
             "roku, kura bērna matrica tā ir un vai šim bērnam mapē nav vēl citas matricas")


def name_earlier_runs(readings: list[MatrixReading], out: Path) -> None:
    """A refusal of one child's competing matrices ends with the folders of this child that earlier runs left in
    ``out`` – looked up before this run makes any, by the codes of the child's files in the run."""
    refused = [r for r in readings if r.refused and r.refused[0].startswith(SAME_CHILD)]
    for person in {r.person for r in refused}:
        codes = {r.code for r in readings if r.person == person}
        line = earlier_line(earlier_folders(out, codes, {r.code for r in readings if r.person != person}))
        for reading in refused:
            if reading.person == person:
                reading.refused[0] += line


def _reasons(reading: MatrixReading) -> list[str]:
    """The summary line's reasons of one refused file: a refusal's one, or every kind of error it lists – a file with
    a rule error and a transport part without its reason counts under both (D331), each once."""
    if reading.refused:
        return [_refusal_reason(reading.refused[0], reading.refused_kind)]
    return list(dict.fromkeys(_error_reason(e) for e in reading.errors)) or ["matricā ir noteikumu kļūdas"]


def _refusal_reason(first: str, kind: str) -> str:
    if first.startswith(SAME_CHILD):
        return "tā paša bērna matrica vairākos failos"
    if ("nav IBM matrica" in first or "nav xlsx" in first or "nevar nolasīt" in first or "nav ZIP" in first
            or first.startswith("saite ")):  # a link to no file: no matrix there, as collect counts it
        return "nav IBM matrica"
    if "veidnes versija" in first:
        return "nezināma veidnes versija"
    if f"{ENDED} (" in first and f") {ENDED_BEFORE} " in first:
        return "atbalsta plāna periods jau beidzies"
    if kind == CORRECTED:
        return "kataloga vērtība labota ar agrāku dienu"
    if kind == STRUCTURE:  # by the finding's kind: „struktūras pogu” is no broken structure
        return "bojāta matricas struktūra"
    if kind == HIDDEN:
        return "aizpildītas plāna rindas paslēptas"
    return "nepilnīgi vai nederīgi ievaddati"


def _error_reason(error: str) -> str:
    if error.startswith("matrica neatbilst veidnei"):
        return "mainītas formulas vai veidnes šūnas"
    if error.startswith(signing.TRANSPORT_ERROR):
        return "transporta daļa bez pamatojuma"
    if NOT_IN_ROUND in error:
        return "pašvaldība nav plāna programmas kārtā"
    if NOT_LISTED.lower() in error.lower() and CASE_OR_SPACES in error:
        return "pašvaldības kods atšķiras ar atstarpi vai burtu lielumu"
    if NOT_LISTED.lower() in error.lower():
        return "pašvaldība nav bērnu programmas kārtās"
    if error.startswith(MORE_ERRORS_STORED):
        return "matricā ir kļūdas, ko pārrēķins neatrod"
    return "matricā ir noteikumu kļūdas"


def head_lines(folder: str, pseudonym: str | None) -> list[str]:
    """parskats.txt's first lines: the folder the papers are in (named after the matrix file, or its hash when the
    name shows the child) and, with the collection's key, the child's pseudonym – never under a label that promises
    the child's identification code when it is a file name (audit28 F2)."""
    lines = [f"Mape: {folder}"]
    if pseudonym:
        lines.append(f"Pseidonīms: {pseudonym}")
    return lines


def _report(reading: MatrixReading, status: str, names: list[str], archive: Sequence[str] = (),
            papers: Sequence[str] = (), checklist: Sequence[str] = (), check: Sequence[str] = (),
            first: str | None = None, providers: Sequence[str] = (), head: Sequence[str] = (),
            draft: bool = False, waiting: signing.Waiting = signing.SIGNABLE) -> str:
    """The folder's parskats.txt; ``papers``: why some lines or providers have no 02/03 (as on the console);
    ``checklist``: what the social worker checks before the decisions are signed; ``check``: the section
    "Pirms parakstīšanas pārbaudiet" (signing.py); ``first``: what to do before anything else (B unconfirmed);
    ``providers``: which provider each number in the 02/03 file names is (provider_notes.provider_list, D126);
    ``head``: the folder and pseudonym lines (head_lines); ``draft``: made with --draft (a matrix without errors
    says so under its status); ``waiting``: the papers not signable while A is a blank (signing.not_signable), said
    beside each of their files with what they wait for (D344, D348)."""
    lines = [*(head or head_lines(reading.code, None)), f"Statuss: {status}", *archive]
    if draft and not reading.errors:
        lines.append(f"Matricā kļūdu nav: {NO_ERRORS_DRAFT}.")
    if first:
        lines += ["", f"VISPIRMS: {first}."]
    lines += ["", *period_line(reading.period), "Dokumenti:"]  # the plan the folder holds (plan_folder, D315)
    lines += [f"  {name}{waiting.file_note if name.rsplit('.', 1)[0] in waiting else ''}" for name in names]
    lines += providers
    if papers:
        lines += ["", *(f"Piezīme: {p}" for p in papers)]
    lines += check
    lines += checklist
    if reading.errors:
        lines += ["", "Matricas kļūdas:"] + [f"  {e}" for e in reading.errors]
    if reading.stale:
        lines += ["", "Saglabātās vērtības, kas atšķiras no pārrēķinātajām (izmantotas pārrēķinātās):"]
        lines += [f"  „{value_label(s.name)}” ({shown_place(s.cell)}): {_value(s.cached, s.recomputed)} → "
                  f"{_value(s.recomputed)}{f'; {s.reason}' if s.reason else ''}" for s in reading.stale]
    lines += [f"Piezīme: {n}" for n in reading.notes]
    return "\n".join(lines) + "\n"


def _value(value: object, like: object = None) -> str:
    """A cached or recomputed value as the matrix shows it: a count or a rank as a whole number (1, not 1,00), a date
    as DD.MM.YYYY, an amount with two decimals. ``like``: the recomputed value whose kind a cached one is shown as
    (the file holds a count or a date as a plain number)."""
    kind = value if like is None else like
    if value is None:
        return "tukša"
    if isinstance(value, bool):
        return str(value)
    if isinstance(kind, dt.date) and isinstance(value, int | float):
        from openpyxl.utils.datetime import from_excel

        try:
            return lvformat.date(from_excel(value).date())
        except (ValueError, OverflowError):
            return lvformat.number(value)
    if isinstance(value, dt.date):
        return lvformat.date(value)
    if isinstance(value, int | float | Decimal):
        whole = isinstance(kind, int) and not isinstance(kind, bool) and value == int(value)
        return lvformat.number(value, 0) if whole else lvformat.number(value)
    return str(value)


ENDED = "atbalsta plāna periods"  # the refusal of an ended plan: "… periods (…) beidzās pirms …" (_reason)
ENDED_BEFORE = "beidzās pirms"


def compared_day(today: dt.date, machine: dt.date | None, *, dated: bool = True) -> str:
    """Which day an ended plan is compared with, as the refusal says it (audit38 F1): the computer's date when it is
    later than the papers' day `--day` (``machine``: the computer's date when `--day` is given, D136) or when no
    `--day` is given (``dated`` False: ``today`` is the computer's date); else `--day` itself."""
    if not dated:
        return f"šodienas {lvformat.date(today)} (datora datums)"
    if machine is None:
        return f"dokumentu izveides dienas {lvformat.date(today)}"
    if machine > today:
        return (f"šodienas {lvformat.date(machine)} (datora datums; --day {lvformat.date(today)} to nemaina – tas ir "
                "tikai dokumentos rakstītais datums)")
    return f"dokumentu izveides dienas {lvformat.date(today)} (--day)"


def expired(reading: MatrixReading, today: dt.date, machine: dt.date | None = None, *,
            dated: bool = True) -> str | None:
    """Why a matrix whose plan period ended before the later of ``today`` (the papers' day, `--day`) and
    ``machine`` (the computer's date when `--day` is given) gets no documents (a contract's term would already have
    ended on the day it is made), or None. The sentence names the day actually compared (audit38 F1)."""
    if reading.data is None:
        return None
    inputs = reading.data.inputs
    end = plan_end(inputs.period_start, inputs.months)
    day = max(today, machine) if machine is not None else today
    if end >= day:
        return None
    place = f"; {reading.period_place}" if reading.period_place else ""
    return (f"matricas {reading.path.name if reading.code == reading.path.stem else reading.code} {ENDED} "
            f"({lvformat.date(inputs.period_start)}–{lvformat.date(end)}{place}) {ENDED_BEFORE} "
            f"{compared_day(today, machine, dated=dated)}: dokumentus ar termiņu, kas jau beidzies, neveido (gaidīts: "
            f"matrica ar pašreizējo vai nākamo atbalsta plāna periodu{arch.refusal_hint()})")


def run(source: Path, out: Path, catalogue: Catalogue, key: bytes | None, *, draft: bool, echo: Echo,
        err: Echo, pdf: bool = True, today: dt.date | None = None, archive: bool = False,
        ended_by: dt.date | None = None) -> Summary:
    """Make the documents of every matrix found; raises SourceError when there is nothing to read.
    ``today`` (default: the system date) is the build day: a plan period that ended before it is refused, and
    the programme round's dates in the documents are those of that day (blanks once the round has ended).
    ``archive``: a matrix whose plan period has ended gets an archive copy instead of a refusal (D31).
    ``ended_by``: the day the command actually runs, when ``today`` (`--day`) is given: a plan that ended before
    it is refused (or archived) even if it runs on an earlier ``today`` – back-dated signable papers for a term
    that has already ended are not made (audit19 F34, D136)."""
    dated = today is not None  # the papers' day given (`--day`), not the computer's date
    today = today or dt.date.today()
    expiry_day = max(today, ended_by) if ended_by is not None else today
    files = find_matrices(source)
    templates = TemplateSource(catalogue)
    summary = Summary()
    total = len(files)
    readings = []
    for number, path in enumerate(files, 1):  # all read first: one child's files are found before any folder
        readings.append(_read(path, catalogue, templates, key))
        if total >= READ_PROGRESS_FROM and (number * 10 // total) != ((number - 1) * 10 // total):
            err(f"Lasa matricas: {number}/{total} ({number * 100 // total} %)")
    readings = by_period(readings)
    copies = same_child(readings, expiry_day)  # before any folder is made: one child, one plan, one set (D144)
    name_earlier_runs(readings, out)  # … and the folders this child has from earlier runs (review6 F10)
    try:
        _make_all(readings, copies, out, catalogue, summary, draft=draft, echo=echo, err=err, pdf=pdf, today=today,
                  ended_by=ended_by, dated=dated, archive=archive, pseudonymous=key is not None)
    except KeyboardInterrupt:  # how far it got, as `ibm migrate` says it (audit35b F8); cli_lv then says the rest
        err(stopped_line(total, summary.handled))
        raise
    return summary


def stopped_line(total: int, done: int) -> str:
    """The line an interrupted run ends with: how many of the matrices were handled and what a re-run does."""
    counted = f"Pārtraukts: no {total} {agree(total, 'matricas', 'matricām')} {agree(done, 'apstrādāta', 'apstrādātas')} {done}"
    if done == 0:  # nothing was written: no folder to speak of or to replace (audit: the line contradicted the next)
        return (f"{counted}; neviena bērna dokumenti netika uzrakstīti. Lai tos izveidotu, palaidiet to pašu komandu "
                "vēlreiz.")
    return (f"{counted}; to bērnu mapes, kuru dokumenti bija pabeigti, ir uzrakstītas, nepabeigtā bērna dokumenti netika "
            "uzrakstīti. Lai izveidotu visu bērnu dokumentus, palaidiet to pašu komandu vēlreiz: tā apstrādās visas "
            "matricas no jauna un aizstās jau uzrakstītās mapes.")


def by_period(readings: list[MatrixReading]) -> list[MatrixReading]:
    """The readings with each child's matrices (one ``<kods>``) in the order of their plan periods' first days, in the
    places that child's files hold in file-name order (D315, D323): the child's first period gets ``<kods>`` and a
    later one the dated folder, whatever the files are called. A matrix that cannot be dated keeps its place."""
    result = list(readings)
    groups: dict[str, list[int]] = {}
    for i, reading in enumerate(readings):
        if reading.period is not None:
            groups.setdefault(reading.code, []).append(i)
    for places in groups.values():
        ordered = sorted((readings[i] for i in places), key=lambda r: r.period or ())
        for i, reading in zip(places, ordered, strict=True):
            result[i] = reading
    return result


def _folder_code(reading: MatrixReading, out: Path, used: dict[str, Period | None], archived: bool) -> str:
    """The code a matrix's papers are made under, its folder's name (``used``: the folders this run has taken). A
    refused file keeps the child's own code; a plan whose ``<kods>`` holds another plan period's papers gets a folder
    of its own, dated, and a note saying so on the console and in parskats.txt (plan_folder.place, D315); an
    archive copy (dated folder of its own) takes a further code only when its folder is taken in this run."""
    if reading.refused:
        return reading.code
    if archived:
        assert reading.data is not None
        start, name, n = reading.data.inputs.period_start, reading.code, 2
        while arch.folder_name(name, start) in used:
            name, n = f"{reading.code}-{n}", n + 1
        used[arch.folder_name(name, start)] = reading.period
    else:
        placed = place(out, reading.code, reading.period, used)
        name = placed.name
        used[name] = reading.period
        if placed.note:
            reading.notes.append(placed.note)
    reading.code = name
    return name


def _plan_folder(reading: MatrixReading, out: Path, used: dict[str, Period | None]) -> str:
    """The folder a refused matrix's plan would have had, where an earlier run's papers of it are (D315); the child's
    own ``<kods>`` when that one does not exist."""
    name = place(out, reading.code, reading.period, used).name
    return name if (out / name).is_dir() else reading.code


def _make_all(readings: list[MatrixReading], copies: dict[int, MatrixReading], out: Path, catalogue: Catalogue,
              summary: Summary, *, draft: bool, echo: Echo, err: Echo, pdf: bool, today: dt.date,
              ended_by: dt.date | None, dated: bool, archive: bool, pseudonymous: bool) -> None:
    """Every matrix's documents, one child after another (``run``); ``summary.handled`` counts those finished."""
    total = len(readings)
    used: dict[str, Period | None] = {}  # the folders taken in this run, with their plan periods
    for number, reading in enumerate(readings, 1):
        summary.handled = number - 1
        if (first := copies.get(number - 1)) is not None:
            summary.copies += 1
            err(f"{number}/{total} {first.code} ({reading.source}): izlaists: tas pats fails (identisks pa baitam) "
                f"kā {first.source} – apstrādāts vienreiz, sk. tā rindu")
            continue
        archived = False
        if not reading.refused and (why := expired(reading, today, ended_by, dated=dated)) is not None:
            if archive:
                archived = True
            else:
                reading.refused = [why]
        code = _folder_code(reading, out, used, archived)
        # the file too: a refused one gets no folder; one shown by its label says how it is found (audit37a F12)
        found = f"; {finding_hint(reading.source, '')}" if reading.hidden_name and reading.refused else ""
        head = f"{number}/{total} {code} ({reading.source}{found})"
        for note in reading.notes:
            err(f"{head}: piezīme: {note}")
        if reading.refused or (reading.errors and not draft):
            summary.refused += 1
            summary.reasons.update(_reasons(reading))
            hint = "" if reading.refused or draft else " (ar --draft var izveidot melnrakstu)"
            err(f"{head}: atteikts{hint}:")
            for reason in reading.refused or reading.errors:
                err(f"    {reason}")
            if not (reading.refused and reading.refused[0].startswith(SAME_CHILD)):  # those name their folders
                # an earlier run's folder of this plan stays as it was (audit38 F7), said by what it was made from
                if kept := kept_line(out, _plan_folder(reading, out, used),
                                     Origin(reading.digest, catalogue.version)):
                    err(f"    {kept}")
            # an IBM matrix not grouped with any child's other matrices (D144, R7-8); a file that is no matrix (not
            # a workbook, no IBM names) is no child's matrix and is not to be matched to one (review9)
            if reading.recognised and not reading.person and total > 1:
                err(f"    {UNMATCHED}{f' ({reading.code_place})' if reading.code_place else ''}")
            continue
        for stale in reading.stale:
            why = f"; {stale.reason}" if stale.reason else ""  # a check its template lacked (audit31 F9)
            err(f"{head}: saglabātā vērtība „{value_label(stale.name)}” ({shown_place(stale.cell)}) "
                f"{_value(stale.cached, stale.recomputed)} atšķiras no pārrēķinātās {_value(stale.recomputed)}; "
                f"izmantota pārrēķinātā{why}")
        # an archive copy addresses the people as on the day its papers were signed (D69), like its names
        day = arch.papers_day(reading.data.inputs.period_start) if archived and reading.data is not None else today
        child = build(reading, catalogue, pseudonymous=pseudonymous, day=day)
        child.code = code
        assert reading.data is not None
        municipality = catalogue.municipality(reading.data.municipality)
        # --draft marks every matrix it is given as a draft, one without errors too: the papers are to discuss
        # with the parent, not to sign (audit30 F12, D252); without it a matrix with errors was refused above
        status = "melnraksts" if draft else "izveidoti"
        target = out / code
        notes: list[str] = []
        ended = None  # an archive copy: the day its period had ended before, said in parskats.txt and on each paper
        if archived:
            status = f"{status}; {arch.STATUS}"
            target = out / arch.folder_name(code, reading.data.inputs.period_start)
            ended = arch.ended_before(plan_end(reading.data.inputs.period_start, reading.data.inputs.months), today,
                                      ended_by)
            notes = arch.report_lines(child.period, today, ended)
        papers = no_provider_papers(child)
        signable = not archived and not child.not_eligible
        first = signing.base_line(child, draft=draft) if signable else None
        # 01 and 08 granting an amount A that is a blank (an unconfirmed B or price): marked not signable (D344, D348)
        waiting = signing.not_signable(child) if signable and not draft else signing.SIGNABLE
        if first and status == "izveidoti":  # as the console counts it: not a finished set (review12 R12-4)
            status = "izveidoti, gaida B"
        # provider papers withheld while a price their IB share rests on is unconfirmed (D294), said as B's are
        price_first = signing.price_line(child, draft=draft) if signable else None
        if price_first and status == "izveidoti":
            status = "izveidoti, gaida cenu"
        first = "; ".join(line for line in (first, price_first) if line) or None
        # a draft's matrix errors (a plan crossing a price change…) block signable papers first (draft_errors_line)
        if first and draft and (blocker := signing.draft_errors_line(reading.errors)):
            first = f"{blocker}; pēc tam: {first[0].lower()}{first[1:]}"
        open_prices, no_prices = signing.open_lines(child)
        # P on an unconfirmed B is a blank in the annexes, so it is one in the checklist too (review7 R7-1)
        unconfirmed_p = None if child.base_confirmed else reading.outcome.provisional
        # a ceiling confirmed by the papers' day is a figure in them: not listed as unconfirmed (D291)
        stated = papers_warnings(reading, catalogue, day)
        warnings = signing.warning_lines(stated, unconfirmed_p=unconfirmed_p,
                                         places=reading.warning_places, open_prices=open_prices,
                                         no_prices=no_prices, params_day=reading.data.params_day,
                                         period=child.period) if signable else []
        # the round's first-plan length when this plan differs from it (D127), in both lists of what to check
        first_plan = [line for line in [signing.first_plan_line(catalogue, child, reading.data.params_day)]
                      if line] if signable else []
        # a plan that may be the child's next one: the contract with the parent may already exist (D151)
        next_plan = [line for line in [signing.next_plan_line(catalogue, child), signing.later_plans_line(child)]
                     if line] if signable else []
        # a line with a service and 0 units: left out of the papers, printed in the matrix's 6.3 (audit33b F10)
        zero = signing.zero_unit_lines(reading.data.inputs.lines, reading.providers) if signable else []
        # a personal code whose date is not the date of birth: the decision (grant or refusal) states both (F5)
        birth = [line for line in [signing.code_birth_line(reading.data.personal_code, reading.data.inputs.birth_date,
                                                           reading.birth_place)] if line] if not archived else []
        try:
            check_folder(target)  # before the slow rendering; checked again just before the folder is swapped
            err(f"{head}: veido dokumentus …")  # rendering takes seconds per child (audit15 F14)
            documents = render_child(catalogue, municipality, child, reading.data.params_day, draft,
                                     build_day=today, archive=archived, ended=ended, waiting=waiting)
            names = [f"{d.spec.id}.{ext}" for d in documents for ext in (("pdf", "docx") if pdf else ("docx",))]
            one_of = signing.one_of_lines(child, names) if signable else []
            # a plan line with no provider in 6.8: which papers print a blank and which cell to fill (audit27 F3)
            nameless = signing.nameless_lines(child, names, reading.provider_places) if signable else []
            # a group price at the ceiling whose transport part is open: over the papers' cap once it is set (D275)
            group = signing.group_price_lines(catalogue, child, reading.data.params_day,
                                              [line.unit_price for line in reading.data.inputs.lines], names,
                                              papers_offers(catalogue, reading.data.params_day, day).prices
                                              ) if signable else []
            links = child_link_lines(child.identification, names) if signable else []
            # signed from the DOCX, whose notes for the preparer are deleted first (audit38 F4); not a draft's
            preparer = [] if archived or draft else signing.preparer_lines(documents, waiting)
            write_child(documents, target, draft=draft, pdf=pdf, archive=archived, waiting=waiting,
                        origin=Origin(reading.digest, catalogue.version),
                        report=_report(reading, status, names, notes, papers,
                                       [] if archived else before_signing(child, signable=signing.DECISION not in waiting),
                                       signing.report_section(warnings, [*birth, *zero, *nameless, *group, *first_plan,
                                                                         *next_plan, *one_of, *links, *preparer],
                                                              draft=draft), first,
                                       provider_list(child, names),
                                       head_lines(target.name, child.identification or None), draft=draft,
                                       waiting=waiting))
        except FolderTaken as exc:
            summary.refused += 1
            summary.reasons[exc.reason] += 1
            err(f"{head}: atteikts: {exc}")
            continue
        except PreviousAside as exc:  # the swap failed and the previous folder could not be moved back: say where
            summary.refused += 1
            summary.reasons["dokumentus neizdevās izveidot"] += 1
            err(f"{head}: atteikts: dokumentus neizdevās izveidot; {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - one file must never stop the others
            # Only the kind of failure: its text could quote the child's data.
            summary.refused += 1
            summary.reasons["dokumentus neizdevās izveidot"] += 1
            os_error = find_os_error(exc)  # a file system reason names only the folder (the code, not the child)
            why = os_reason(os_error) if os_error is not None else type(exc).__name__
            err(f"{head}: atteikts: dokumentus neizdevās izveidot ({why}); iepriekšējā mape, ja "
                "tāda bija, palika nemainīta")
            continue
        summary.folders.append(target)
        summary.archived += archived
        if first:
            echo(f"{head}: VISPIRMS: {first}")
        if archived:
            head = f"{head}: {arch.ARCHIVE_MARK}"
        if draft:
            summary.drafted += 1
            errors = f"kļūdas: {len(reading.errors)}" if reading.errors else NO_ERRORS
            echo(f"{head}: MELNRAKSTS – {len(documents)} dokumenti ({errors}), mapē {shown_given(out)}/{target.relative_to(out).as_posix()}")
        else:
            if first and not child.base_confirmed:  # B unconfirmed: VISPIRMS above says what to do first
                summary.waiting += 1
            elif first:  # a price unconfirmed: VISPIRMS names the provider papers that wait for it (D294)
                summary.waiting_price += 1
            else:
                summary.made += 1
            if child.not_eligible:
                summary.refusals += 1
            what = "lēmums par atteikumu un lietas titullapa" if child.not_eligible else f"{len(documents)} dokumenti"
            echo(f"{head}: {what} (PDF un DOCX), mapē {shown_given(out)}/{target.relative_to(out).as_posix()}")
            for line in no_provider_papers(child, console=True):
                echo(f"{head}: {line}")
        on_screen = signing.warning_lines(stated, console=True, unconfirmed_p=unconfirmed_p,
                                           places=reading.warning_places, open_prices=open_prices,
                                           no_prices=no_prices, params_day=reading.data.params_day,
                                           period=child.period) if signable else []
        ahead = signing.DRAFT_CONSOLE if draft else signing.CONSOLE
        for line in [*on_screen, *birth, *zero, *nameless, *group, *first_plan, *next_plan, *signing.one_of_console(one_of),
                     *preparer]:
            echo(f"{head}: {ahead} {line}")
    summary.handled = total
