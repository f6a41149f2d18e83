"""`ibm collect`: read every filled matrix of a folder tree, recompute, set the final amounts (stage 3)
and write the summary workbook with the per-municipality CSVs beside it.

Files are read in parallel (one process per core by default); each worker checks and recomputes a
file with the reference implementation (reading.py). Stage 3 is the reference's ``final_amounts``.
Outputs appear only when complete (output.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import multiprocessing
import os
import pickle
import re
import signal
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import InvalidStateError, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.interrupts import AS_CTRL_C, interrupts_held
from generator.lvformat import agree, eur
from generator.lvformat import date as lv_date
from generator.ministry.cache import ResultCache, TemplateLoader
from generator.ministry.collected_round import collected_round, round_envelope_note, round_named, round_names
from generator.ministry.collection import UNREPORTED, Collection
from generator.ministry.console_names import (
    HIDDEN,
    file_label,
    given_reveals,
    shown_given,
    shown_path,
)
from generator.ministry.file_copies import kept_first
from generator.ministry.final_status import (
    base_confirmed_note,
    base_status_words,
    default_envelope,
    envelope_warning,
    errors_reason,
    on_collection_day,
    on_unconfirmed_base,
    typed_base,
)
from generator.ministry.open_files import open_in, open_note
from generator.ministry.previous_period import previous_period_problem, running_warning, still_running
from generator.ministry.reading import (
    FOLDER_AMOUNTS,
    FOLDER_WARNING,
    ReadResult,
    file_digest,
    municipality_folder,
    municipality_named,
    old_version_note,
    read_failure,
    read_matrix,
)
from generator.ministry.records import ChildRecord, Refusal, StaleValue
from generator.ministry.rule_names import rule_name
from generator.ministry.templates import TemplateSource
from generator.money import to_decimal
from generator.reference.final_amounts import ChildAmounts, ChildFinal, final_amounts
from generator.reference.findings import Severity
from generator.reference.params import Params
from generator.reference.planned_ib import plan_ib_part
from generator.reference.rounds import ReportingPeriod, period_holding
from generator.reference.workbook import FINAL_CELL, with_final
from generator.withdrawn_wording import BASE, same

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"}
Progress = Callable[[int, int, str], None]
Say = Callable[[str], None]


class CollectError(Exception):
    """Nothing can be collected (empty folder, no usable workbook, bad options): a Latvian message,
    with the refused files when there were some."""

    def __init__(self, message: str, refused: list[Refusal] | None = None) -> None:
        super().__init__(message)
        self.refused = refused or []


def find_workbooks(folder: Path) -> list[Path]:
    """Spreadsheet files in the folder tree, in a stable order; hidden files and Office lock files
    (~$…) are skipped; other documents (PDF, scans) are not workbooks and are ignored. A link with a spreadsheet's
    name that leads nowhere (or round in a loop) is listed: its reading names why (audit27 F4)."""
    if not folder.is_dir():
        what = "ir fails, nevis mape" if folder.exists() else "nav atrasta"
        raise CollectError(f"{shown_given(folder)} {what} (gaidīts: mape ar pašvaldību matricām apakšmapēs)")
    found = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        broken_link = path.is_symlink() and not path.exists()  # dangling or looping: refused with its reason
        if any(p.startswith(".") for p in rel) or path.name.startswith("~$") or not (path.is_file() or broken_link):
            continue
        if path.suffix.lower() in SPREADSHEET_SUFFIXES:
            found.append(path)
    return found


def other_files(folder: Path) -> str:
    """What a folder without a workbook holds instead, for its refusal: the count and kinds of its other files
    ("; mapē ir tikai 2 citi faili (.pdf, .txt), kas nav matricas"), so a wrong folder is seen at once (ministrycheck
    F5). Only the file name endings are shown: a scan's name may name a child."""
    try:
        others = [p for p in folder.rglob("*") if p.is_file() and not any(
            part.startswith(".") for part in p.relative_to(folder).parts)]
    except OSError:
        return ""
    if not others:
        return "; mape ir tukša"
    kinds = sorted({p.suffix.lower() or "bez paplašinājuma" for p in others})
    shown = ", ".join(kinds[:5]) + (", …" if len(kinds) > 5 else "")
    n = len(others)
    return (f"; mapē ir tikai {n} {agree(n, 'cits fails', 'citi faili')} ({shown}), "
            f"{agree(n, 'kas nav matrica', 'kas nav matricas')}")


# --- parallel reading -------------------------------------------------------------------------------------
Task = tuple[Path, Path, bool, str | None]  # (file, collected folder, strict version, its digest if known)
_WORKER: dict[str, object] = {}


def _init_worker(catalogue: Catalogue, templates: TemplateSource, key: bytes, pickle_results: bool = False,
                 send_template: bool = False) -> None:
    """A reading process: what every file needs; ``pickle_results``: return each result also pickled as
    the cache keeps it; ``send_template``: return the current template's expectation once, if this process
    had to generate it (the main process keeps it in the cache)."""
    _WORKER.update(catalogue=catalogue, templates=templates, key=key, pickle_results=pickle_results,
                   send_template=send_template)
    if multiprocessing.parent_process() is not None:  # a reading process: Ctrl-C stops the main one, which stops it
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # (forked under interrupts_held, which only notes one)
        for signum in AS_CTRL_C:  # the pool ends its processes with SIGTERM: not taken as Ctrl-C here
            signal.signal(signum, signal.SIG_DFL)


def _read_one(args: Task) -> ReadResult:
    """One file, never raising: whatever goes wrong while reading it refuses that file only."""
    path, root, strict, digest = args
    try:
        return read_matrix(path, root, _WORKER["catalogue"], _WORKER["templates"],  # type: ignore[arg-type]
                           _WORKER["key"], strict_version=strict, digest=digest)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - the file boundary: any failure refuses this file only
        return failed_read(path, root, exc)


def _read_for_main(args: Task) -> tuple[ReadResult, bytes | None, bytes | None]:
    """``_read_one`` plus what the main process would otherwise compute itself, while the workers share
    its two cores: the result pickled for the cache (only with the digest of the very bytes that were
    read; a file whose reading failed is read again next time) and, once, a template this process made."""
    res = _read_one(args)
    kept = None
    if _WORKER.get("pickle_results") and res.digest:
        hidden = res.rel != res.path.relative_to(args[1]).as_posix()
        kept = pickle.dumps(_placed(res, Path(), HIDDEN if hidden else ""), protocol=pickle.HIGHEST_PROTOCOL)
    template = None
    templates: TemplateSource = _WORKER["templates"]  # type: ignore[assignment]
    if _WORKER.get("send_template") and templates.has_current:
        _WORKER["send_template"] = False
        template = pickle.dumps(templates.current(), protocol=pickle.HIGHEST_PROTOCOL)
    return res, kept, template


def failed_read(path: Path, root: Path, exc: BaseException) -> ReadResult:
    """A refusal for a file whose reading raised (corrupt or hostile content, an unreadable file); a link that
    leads to no file, or round in a loop, says so (README, audit33a F7)."""
    source = file_label(path)  # an unreadable file or a broken link: „nenolasāms-<inode>”, found by find -inum
    # shown by its hash: a file that cannot be read may be named after the child (audit35b F1)
    rel = shown_path(path.relative_to(root).as_posix(), source, hide=True, hide_subfolders=True)
    result = ReadResult(path, rel, unread=True)
    result.refusal = Refusal(rel, source, municipality_folder(path, root), (link_failure(path) or read_failure(exc),))
    return result


def link_failure(path: Path) -> str | None:
    """Why a link with a spreadsheet's name cannot be read (it leads to a missing file or round in a loop), None for
    anything else. The link's target is not named: it may name a child."""
    if not path.is_symlink():
        return None
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "saite cilpā (tā caur citām saitēm ved atpakaļ uz sevi) – ievietojiet mapē pašu matricas failu"
        return "saite uz neesošu failu – ievietojiet mapē pašu matricas failu, nevis saiti uz to"
    return None


def hashed_name(path: str, source: str) -> str:
    """A file's name in the summary's unused files: ``matrica-<SHA-256 sākums>`` with the file's own spreadsheet suffix
    (an .xls is not shown as an .xlsx the analyst would look for in vain, audit27b F3); ``source`` ends in the hash's
    start. Only a spreadsheet suffix is shown: any other text after a dot could be part of a child's name."""
    suffix = Path(path).suffix
    return f"matrica-{source.rpartition('/')[2]}{suffix if suffix.lower() in SPREADSHEET_SUFFIXES else ''}"


def read_folder(folder: Path, catalogue: Catalogue, templates: TemplateSource, key: bytes, *,
                strict_version: bool = True, jobs: int | None = None,
                progress: Progress | None = None, cache: ResultCache | None = None,
                hash_progress: Progress | None = None) -> list[ReadResult]:
    """Every workbook of the folder tree checked and recomputed, in a stable order. With a cache, files
    whose bytes (and folder, catalogue, templates and code) are unchanged come from it; the rest are read
    in parallel. Files are hashed here only when the cache may hold a result for them; a file that is
    read is cached under the digest of the bytes its reader parsed."""
    files = find_workbooks(folder)
    if not files:
        raise CollectError(f"mapē {shown_given(folder)} nav nevienas izklājlapas (gaidīts: aizpildītas IBM matricas .xlsx)"
                           f"{other_files(folder)}")
    results: list[ReadResult | None] = [None] * len(files)
    tasks: list[Task] = []
    pending: list[int] = []
    if cache is not None and cache.may_hit:
        for i, (path, digest) in enumerate(zip(files, _digests(files, jobs), strict=True)):
            rel = path.relative_to(folder).as_posix()
            if isinstance(digest, OSError):
                results[i] = failed_read(path, folder, digest)
                continue
            hit = cache.get(cache.key(digest, municipality_folder(path, folder), strict_version))
            if hit is not None:  # a fresh object from the cache: set in place
                results[i] = _placed(hit, path, shown_path(rel, digest, hide=hit.rel == HIDDEN, hide_subfolders=hit.rel == HIDDEN), copy=False)
            if hash_progress:
                hash_progress(i + 1, len(files), rel)
    for i, path in enumerate(files):
        if results[i] is None:
            tasks.append((path, folder, strict_version, None))
            pending.append(i)
    index = {task[0]: i for task, i in zip(tasks, pending, strict=True)}
    keeping = cache is not None and cache.usable  # a foreign file of the cache's name: nothing is kept
    send_template = keeping and not cache.has_template(templates.current_version)  # type: ignore[union-attr]
    for n, (res, kept, template) in enumerate(_read_all(tasks, catalogue, templates, key, jobs, keeping,
                                                         send_template), start=1):
        results[index[res.path]] = res
        if cache is not None:
            cache.misses += 1
            if kept is not None:
                cache.put_pickled(cache.key(res.digest, municipality_folder(res.path, folder), strict_version), kept)
            if template is not None and not cache.has_template(templates.current_version):
                cache.put_template_pickled(templates.current_version, template)
                templates.use_current_later(TemplateLoader(template, templates.current_version))
        if progress:
            progress(n, len(tasks), res.rel)
    return shown_folders([r for r in results if r is not None], folder)


def shown_folders(results: list[ReadResult], root: Path) -> list[ReadResult]:
    """A file that was not opened as a matrix (``ReadResult.unread``) is shown with every folder below
    the municipality's as "…" (D221): nothing tells whose name a folder may carry. A folder this run already shows
    for another file – screened against that file's child – tells no more beside it, so there it is named: the user
    sees where to look („ogre/arhivs/matrica-….xlsx”, not „ogre/…/matrica-….xlsx”)."""
    shown: set[str] = set()
    for r in results:
        parts = r.rel.split("/")[:-1]
        if "…" not in parts:
            shown.update("/".join(parts[: i + 1]) for i in range(len(parts)))
    placed = []
    for r in results:
        parts = r.rel.split("/")
        if not r.unread or r.refusal is None or "…" not in parts[:-1]:
            placed.append(r)
            continue
        real = r.path.relative_to(root).parts
        named = [real[i] if part == "…" and "/".join(real[: i + 1]) in shown else part
                 for i, part in enumerate(parts[:-1])]
        placed.append(_placed(r, r.path, "/".join([*named, parts[-1]])) if named != parts[:-1] else r)
    return placed


def _digest_or_error(path: Path) -> str | OSError:
    try:
        return file_digest(path)
    except OSError as exc:
        return exc


def _digests(files: list[Path], jobs: int | None) -> Iterator[str | OSError]:
    """Each file's SHA-256 in order, computed by a few threads (hashlib and file reads release the GIL)."""
    pool = ThreadPoolExecutor(max_workers=max(1, jobs or os.cpu_count() or 1))
    try:
        yield from pool.map(_digest_or_error, files)
    finally:  # on Ctrl-C the files not yet hashed are dropped, not waited for
        pool.shutdown(wait=True, cancel_futures=True)


def _placed(result: ReadResult, path: Path, rel: str, *, copy: bool = True) -> ReadResult:
    """A result for another place: a cached result keeps no path or file name (they may name a child);
    the current ones are put back when it is used. ``copy=False`` sets them in place (a fresh object
    unpickled from the cache)."""
    placed = dataclasses.replace(result) if copy else result
    placed.path, placed.rel = path, rel
    if placed.refusal is not None:
        placed.refusal = dataclasses.replace(placed.refusal, path=rel)
    return placed


def _read_all(tasks: list[Task], catalogue: Catalogue, templates: TemplateSource, key: bytes, jobs: int | None,
              pickle_results: bool, send_template: bool) -> Iterator[tuple[ReadResult, bytes | None, bytes | None]]:
    """Each task's result in order. The current template is made (or loaded) only where a file of the
    current version is read: in each worker that meets one (docs/benchmarks.md, 7. kārta)."""
    if not tasks:
        return
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1 or len(tasks) < 8:
        _init_worker(catalogue, templates, key, pickle_results)  # the main process keeps its own template
        for task in tasks:
            yield _read_for_main(task)
        return
    done: set[Path] = set()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                               initargs=(catalogue, templates, key, pickle_results, send_template))
    try:
        with interrupts_held():  # pool.map submits every task and forks the workers now
            results = pool.map(_read_for_main, tasks, chunksize=max(1, min(32, len(tasks) // (jobs * 8))))
        for res in results:
            done.add(res[0].path)
            yield res
    except BrokenProcessPool:  # a worker died (killed, out of memory): the rest one by one, each guarded
        pool.shutdown(wait=True)
        _init_worker(catalogue, templates, key, pickle_results)
        for task in tasks:
            if task[0] not in done:
                yield _read_for_main(task)
        return
    except BaseException:  # Ctrl-C (or the caller stops early): stop the workers now, not after every file
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the reading processes at once and drop the files not yet read. A process killed while it was writing its
    result leaves half a message in the result pipe, and the pool's manager thread would wait for the rest for ever
    (seen with SIGTERM to the main process alone): once the processes are gone, the main process closes its own copy
    of the pipe's writing end, so that the manager reads the end of the pipe, marks the pool broken and ends. Python
    3.11's manager may then try to fail a future the stopped map already cancelled and report InvalidStateError from
    its thread: on a stop that report is noise, not a failure."""
    previous = threading.excepthook

    def quiet(args: threading.ExceptHookArgs) -> None:
        if not isinstance(args.exc_value, InvalidStateError):
            previous(args)

    threading.excepthook = quiet
    try:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(10)
            if process.is_alive():
                process.kill()
                process.join(10)
        writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
        if writer is not None:
            writer.close()
        pool.shutdown(wait=True)  # the broken pool fails the files not yet read
    finally:
        threading.excepthook = previous


def version_notes(results: list[ReadResult], current: str) -> list[str]:
    """One note per (older template version, municipality folder) of the used files: a single file is
    named, several are counted (a national collection after a catalogue change: thousands of them)."""
    groups: dict[tuple[str, str], list[ReadResult]] = defaultdict(list)
    for r in results:
        if r.record is not None and r.old_version:
            groups[(r.old_version, r.record.source.rsplit("/", 1)[0])].append(r)
    notes = []
    for (version, folder), group in sorted(groups.items()):
        if len(group) == 1:
            notes.append(f"{group[0].rel}: {old_version_note(version, current)}")
        else:
            where = "galvenā mape" if folder == "." else folder
            notes.append(f"{where}: {old_version_note(version, current, len(group))}")
    return notes


def placement_notes(folder: Path, results: list[ReadResult], catalogue: Catalogue, prefix: str = "") -> list[str]:
    """Notes on where the files lie (audit33a F6): a municipality folder with files but no spreadsheet (its matrices
    were not collected; an empty folder is a placeholder and gets none, D270), used matrices in a municipality
    folder's subfolder (used, D270: a subfolder per child is a layout the README names; an „arhivs” may hold
    superseded versions, so each is named) and used matrices outside every municipality folder, whose municipality is
    named as the folder warning names it: „Name (id)”, the name in force on the plan's first day (D189). ``prefix``
    heads a --previous folder's notes."""
    notes = []
    root = "iepriekšējā perioda mapes" if prefix else "savācamās mapes"
    spread = {r.path.relative_to(folder).parts[0] for r in results}
    try:
        subfolders = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        subfolders = []
    for sub in subfolders:
        if sub.name not in spread and (others := other_files(sub)).startswith("; mapē ir"):
            name = "…" if given_reveals(sub.name) else sub.name  # a folder named after a child (D382)
            notes.append(f"{prefix}{name}/: pašvaldības mapē nav nevienas izklājlapas{others} – no šīs mapes matricas "
                         "nav savāktas; ja pašvaldība matricas iesniegusi, ievietojiet tās šajā mapē un palaidiet "
                         "„ibm collect” vēlreiz")
    nested: dict[str, list[str]] = defaultdict(list)
    for r in results:
        if r.record is None:
            continue
        parts = r.path.relative_to(folder).parts
        if len(parts) == 1:
            # r.rel of a --previous file already starts with ``prefix`` (collect adds it to every line of its file)
            notes.append(f"{prefix}{r.rel.removeprefix(prefix)}: matrica nav nevienā pašvaldības mapē (tā ir {root} saknē) – "
                         f"izmantota, apmēri pieskaitīti matricā norādītajai pašvaldībai "
                         f"{municipality_named(catalogue, r.record.municipality, r.record.period_start)}; "
                         "ievietojiet to savas pašvaldības mapē")
        elif len(parts) > 2:
            nested[parts[0]].append(r.rel.removeprefix(prefix))
    for folder_name, files in sorted(nested.items()):
        muni_folder = "…" if given_reveals(folder_name) else folder_name  # a folder named after a child (D382)
        shown = ", ".join(files[:SHOWN_FILES]) + (f" un vēl {len(files) - SHOWN_FILES}" if len(files) > SHOWN_FILES
                                                  else "")
        n = len(files)
        several = len({Path(f).parent for f in files}) > 1
        notes.append(f"{prefix}{muni_folder}/: {n} {agree(n, 'matrica ir', 'matricas ir')} pašvaldības mapes "
                     f"{'apakšmapēs' if several else 'apakšmapē'} ({shown}) – {agree(n, 'izmantota', 'izmantotas')} "
                     f"(kā pašvaldības mapes matricas); ja {'apakšmapēs' if several else 'apakšmapē'} ir aizstātas "
                     f"vai vecas versijas (piem. mapē „arhivs”), izņemiet tās no {root} un palaidiet "
                     "„ibm collect” vēlreiz")
    return notes


def open_notes(results: list[ReadResult]) -> list[str]:
    """A note for each used file that a spreadsheet program still has open (its lock file beside it): the
    collection used its last saved version (ministrycheck F1)."""
    return [f"{r.rel}: {open_note(program, 'ibm collect')}" for r in results
            if r.record is not None and (program := open_in(r.path)) is not None]


def _split_duplicates(results: list[ReadResult], periods: tuple[ReportingPeriod, ...] = (),
                      prefix: str = "") -> list[str]:
    """A byte-identical copy of a used file is used once (returns a note for each copy left out; the file kept is
    the one whose name does not look like a copy, else the first by name: D214); two
    different used files of the same child: neither is used (the ministry must decide which is valid). ``prefix``
    heads each note of a --previous folder's file once; the files a reason names are its bare names (audit33a F5)."""
    notes: list[str] = []
    by_code: dict[str, list[ReadResult]] = defaultdict(list)
    for r in results:
        if r.record is not None:
            by_code[r.record.code].append(r)
    for code, group in by_code.items():
        distinct: dict[str, ReadResult] = {}
        # of identical files the one whose name does not look like a copy, else the first by name (D214)
        for r in kept_first(group, lambda r: r.path.name):
            first = distinct.setdefault(r.digest, r)
            if first is not r:
                # name the file the rest of the summary uses (audit24 F12); identical files whose names are both
                # hidden show one hash: the note then says there is another copy, not that a file is itself
                if r.rel == first.rel:
                    notes.append(f"{prefix}{r.rel}: tajā pašā pašvaldības mapē ir vēl viena šī faila kopija (identiska pa "
                                 "baitam; tās nosaukums nav rādīts, jo tajā var būt personas dati); fails izmantots "
                                 "vienreiz, kopija atsevišķi nav skaitīta")
                else:
                    notes.append(f"{prefix}{r.rel}: tas pats fails (identisks pa baitam) kā {first.rel}; izmantots "
                                 f"vienreiz – kopsavilkumā kā {first.rel}, šis fails atsevišķi nav skaitīts")
                r.record = None
                r.stale = []
                r.notes = []
                r.warnings = []
        group = [r for r in group if r.record is not None]
        if len(group) < 2:
            continue
        sources = ", ".join(r.rel for r in group)  # as the line heads name them (audit15 F9)
        # the summary names each file by its hash, as its column „Fails” does (audit33a F7)
        hashed = ", ".join(_summary_file(r.record.source, r.rel) for r in group if r.record is not None)
        reason = ("tā paša bērna ({code}) matrica ir vairākos failos ({files}); neviena no tām nav izmantota – "
                  "atstājiet mapē tikai spēkā esošo")
        for r in group:
            assert r.record is not None
            held = period_holding(periods, r.record.period_start) if periods else None
            r.refusal = Refusal(r.rel, r.record.source.split("/")[-1], r.record.source.split("/")[0],
                                (reason.format(code=code, files=sources),), period=held.label if held else "",
                                summary_reasons=(reason.format(code=code, files=hashed),))
            r.record = None
            r.stale = []
    return notes


def _summary_file(source: str, rel: str) -> str:
    """A used file as the summary's unused files name it: its municipality folder and hashed name."""
    folder = source.split("/")[0]
    name = hashed_name(rel, source)
    return name if folder == "." else f"{folder}/{name}"


@dataclass
class Options:
    envelope: Decimal | None = None
    previous: Path | None = None
    split: str | None = None
    jobs: int | None = None
    # the collection's day (the summary's „Sagatavots”; None: the system date): B's status is the one in force then
    # (D296)
    day: dt.date | None = None


def collect(folder: Path, catalogue: Catalogue, key: bytes, options: Options, *,
            templates: TemplateSource | None = None, progress: Progress | None = None,
            previous_progress: Progress | None = None, cache: ResultCache | None = None,
            hash_progress: Progress | None = None, say: Say | None = None) -> Collection:
    templates = templates or TemplateSource(catalogue)
    results = read_folder(folder, catalogue, templates, key, jobs=options.jobs, progress=progress, cache=cache,
                          hash_progress=hash_progress)
    # one reporting period before the duplicates: a child's plans of two periods are two periods' matrices (D116),
    # not two versions of one plan that would both be left out (audit33a F2)
    period = one_period(results, catalogue, folder) if any(r.record is not None for r in results) else None
    duplicate_notes = _split_duplicates(results, catalogue.children_reporting_periods())
    opened = open_notes(results)
    records = [r.record for r in results if r.record is not None]
    # B's and the ceilings' status of the collection's day (D296): „jāprecizē” on a matrix's prices day and confirmed
    # at the same amount by then – confirmed; B confirmed then and withdrawn at the same amount by then – „jāprecizē”
    day = options.day or dt.date.today()
    on_day = on_collection_day(records, catalogue, day)
    records = on_day.records
    refused = [r.refusal for r in results if r.refusal is not None]
    stale: list[StaleValue] = [s for r in results for s in r.stale]
    if not records:
        raise CollectError(f"mapē {shown_given(folder)} nav nevienas izmantojamas IBM matricas ({len(refused)} neizmantotas)",
                           refused)
    previous_records: list[ChildRecord] = []
    previous_refused: list[Refusal] = []
    previous_running: dt.date | None = None  # the previous period's end when it had not ended on the collection's day
    unreported_planned = Decimal(0)
    notes = version_notes(results, templates.current_version)
    notes += [f"{r.rel}: {note}" for r in results if r.record is not None for note in r.notes]
    notes += duplicate_notes + opened + placement_notes(folder, results, catalogue)
    warnings = [f"{r.rel}: {w}" for r in results if r.record is not None for w in r.warnings]
    warnings += uncounted_paid_warnings(results)
    assert period is not None  # a used record was there before the duplicates
    if options.previous is not None:
        prev = read_folder(options.previous, catalogue, templates, key, strict_version=False, jobs=options.jobs,
                           progress=previous_progress, cache=cache)
        # its files said to be the previous period's: „ogre/a.xlsx” alone reads as a file of the collected folder
        # (fix27c); a label, not the folder's own name, which may name a child (review28 F2) or be a municipality's
        # (F11); its warnings (a matrix in another municipality's folder) are said too, not dropped
        notes += _split_duplicates(prev, catalogue.children_reporting_periods(), PREVIOUS_FILE)
        for r in prev:  # once on every line of its file, refusals too (audit33a F5)
            r.rel = PREVIOUS_FILE + r.rel
            if r.refusal is not None:
                r.refusal = dataclasses.replace(r.refusal, path=PREVIOUS_FILE + r.refusal.path)
        notes += open_notes(prev) + placement_notes(options.previous, prev, catalogue, PREVIOUS_FILE)
        warnings += [f"{r.rel}: {previous_folder_warning(w)}" for r in prev if r.record is not None
                     for w in r.warnings]
        warnings += previous_errors(prev) + uncounted_paid_warnings(prev, previous=True)
        # a previous period not ended on the collection's day: its paid amounts may still grow (a warning only)
        running = still_running([r.record.period_start for r in prev if r.record is not None],
                                catalogue.children_reporting_periods(), day)
        unreported, unreported_planned = unreported_previous(prev, ended=running is None)
        warnings += unreported
        if running is not None:
            warnings.append(running_warning(running, day, folder_name(options.previous)))
            previous_running = running.end
        previous_records = [r.record for r in prev if r.record is not None]
        previous_refused = [r.refusal for r in prev if r.refusal is not None]
        notes += version_notes(prev, templates.current_version)
        notes += [f"{r.rel}: {note}" for r in prev if r.record is not None for note in r.notes]
        problem = previous_period_problem([(r.rel.removeprefix(PREVIOUS_FILE), r.record.period_start)
                                           for r in prev if r.record is not None],
                                          catalogue.children_reporting_periods(), period, options.previous,
                                          round_names(catalogue))
        if problem:
            raise CollectError(problem)
    if say:
        say("Aprēķina galīgos apmērus (3. posms)")
    finals, note, default = stage3(records, previous_records, catalogue, options)
    computed = finals.by_id()
    set_in_matrix = [StaleValue(r.code, r.source, FINAL_NAME, FINAL_PLACE, r.inputs.final, computed[r.code].final)
                     for r in records if r.inputs.final is not None and r.inputs.final != computed[r.code].final]
    differing = {d.code for d in set_in_matrix}
    # A, K and the lines' "No IB" as the matrices will show them with the F set now, not with the F typed in them
    # (or none): the summary's columns then add up to its Σ F (D174); the typed F is listed on „Atšķirības”
    records = with_collection_final(records, computed, catalogue)
    warnings += [f"{r.rel}: matricā ierakstītais galīgais apmērs F {eur(r.record.inputs.final)} atšķiras no aprēķinātā "
                 f"{eur(computed[r.record.code].final)} – LM lēmums par šī bērna F jāatjauno (sk. lapu „Atšķirības”)"
                 for r in results if r.record is not None and r.record.code in differing]
    collected = collected_round(catalogue, period.start)
    return Collection(
        catalogue_version=catalogue.version, records=records, refused=refused, stale=stale, finals=finals,
        round_name=round_named(collected) if collected is not None else None,
        round_envelope=round_envelope_note(collected),
        envelope_note=note, envelope_given=default is None, period=period.label,
        envelope_matrix_base=default is not None and default.matrix_base,
        period_start=period.start, period_end=period.end,
        final_differences=set_in_matrix, provisional=provisional_reason(records, options, day, on_day.withdrawn,
                                                                    on_day.withdrawn_by_day),
        base_confirmed=base_confirmed_note(on_day.base_days, day, on_day.ceiling_days),
        previous_records=previous_records, previous_refused=previous_refused,
        errors_reason=errors_reason(records, previous_records),  # D268 (previous: review33 F5)
        envelope_warning=envelope_warning(records, finals.envelope, default is None,
                                          default is not None and default.matrix_base),
        previous_folder=folder_name(options.previous) if options.previous else None, notes=notes, warnings=warnings,
        unreported_planned=unreported_planned, previous_running=previous_running,
        duplicates=len(duplicate_notes), old_template=sum(1 for r in results if r.record is not None and r.old_version),
        shown={r.record.code: r.rel for r in results if r.record is not None},
    )


def with_collection_final(records: list[ChildRecord], finals: dict[str, ChildFinal],
                          catalogue: Catalogue) -> list[ChildRecord]:
    """Each record's result with the F of this collection (``finals`` by pseudonym) in place of the matrix's (D174)."""
    params: dict[dt.date, Params] = {}
    out = []
    for r in records:
        final = finals[r.code].final
        result = r.result
        if final != r.inputs.final and result.needed > result.provisional:
            if r.params_day not in params:
                params[r.params_day] = Params.from_catalogue(catalogue, r.params_day)
            result = with_final(r.inputs, result, params[r.params_day], final)
        out.append(r if result is r.result else dataclasses.replace(r, result=result))
    return out


def previous_planned(p: ChildRecord) -> Decimal:
    """A previous period's matrix's planned IB: the plan's IB part as the cash flow plans it (D123)."""
    return min(plan_ib_part(p.result.line_ib), p.result.execution.planned_total)


def unreported_previous(prev: list[ReadResult], ended: bool = True) -> tuple[list[str], Decimal]:
    """The used --previous matrices whose 6.10 has no payment cell filled in any month (a typed 0 is a report): the
    period has ended, so an empty 6.10 almost always means the execution was not reported yet, not that nothing was
    spent. The methodology's stage 3 shares what the previous months' actual uptake left unspent (L1079), read from
    each child's 6.10 (L1385): with no 6.10 there is no uptake to compare, so the plan is left out of the pool until
    its payments are entered and the collection is run again (D7). One warning for each, naming the child by the
    pseudonym and the planned IB, and their planned IB in total (the summary shows it apart from the pool). ``ended``:
    False when the previous period has not ended on the collection's day (said apart, running_warning)."""
    out, total = [], Decimal(0)
    for r in prev:
        if r.record is None or r.record.paid_entered:
            continue
        planned = previous_planned(r.record)
        total += planned
        out.append(f"{r.rel} (bērns {r.record.code}): {UNREPORTED} nevienā mēnesī"
                   f"{', lai gan periods ir beidzies' if ended else ' (periods vēl nav beidzies)'}; "
                   f"plānotais no IB {eur(planned)} pārdales fondā nav ieskaitīts kā neapgūts, kamēr izpilde nav "
                   "ievadīta – ievadiet 6.10. tabulā samaksāto (ja samaksāts nav nekas, ierakstiet 0) un savāciet vēlreiz")
    return out, total


def stage3(records: list[ChildRecord], previous: list[ChildRecord], catalogue: Catalogue, options: Options):
    """Stage 3 with the reference: every child's P and N, the previous period's planned IB and paid EUR
    by pseudonym (children only in the previous period add their underspend with P = N = 0). The planned side is
    the plan's IB part as the cash flow plans it (D123: Σ "No IB", at most the months' planned EUR), not the whole
    plan: the part of N the IB did not fund (N > A) was never IB money, so it is no underspend (D7). Returns the
    amounts, the funding's note and the default funding (final_status.DefaultEnvelope; None with --envelope)."""
    params = Params.from_catalogue(catalogue, max(r.params_day for r in records))
    planned: dict[str, Decimal] = defaultdict(Decimal)
    paid: dict[str, Decimal] = defaultdict(Decimal)
    for p in previous:
        if not p.paid_entered:  # no execution reported: not the period's underspend (D7, unreported_previous)
            continue
        planned[p.code] += previous_planned(p)
        # every payment typed, a void line's and one after the period's last month too (D385): money paid is no
        # underspend the pool may take, whatever the matrix's Fakt_Kopa leaves out
        paid[p.code] += p.paid.total
    children = [
        ChildAmounts(r.code, r.result.provisional, r.result.needed, planned.pop(r.code, Decimal(0)),
                     paid.pop(r.code, Decimal(0)))
        for r in records
    ]
    children += [ChildAmounts(code, Decimal(0), Decimal(0), planned[code], paid.get(code, Decimal(0)))
                 for code in sorted(planned)]
    if options.envelope is not None:
        given = final_amounts(children, to_decimal(options.envelope), params, key=options.split)
        return given, "norādīts komandā (--envelope)", None
    # the ministry's B when every matrix has the same one typed (D72, D268), else the catalogue's: the one result
    # every sentence on the funding is said from (the note, the front page, the Σ P warning)
    default = default_envelope(records)
    return final_amounts(children, default.amount, params, key=options.split), default.note, default


# the table and cell as „Noteikumu kļūdas” names them (audit24 F14): "6.4. tabula, šūna E59"
FINAL_NAME = "IB_Galigais"
FINAL_PLACE = re.sub(r"^(\S+) tabulas šūna (\S+) .*$", r"\1 tabula, šūna \2", FINAL_CELL)
SHOWN_FILES = 10  # files named per period in the mixed-periods refusal; the rest are counted


def one_period(results: list[ReadResult], catalogue: Catalogue, folder: Path) -> ReportingPeriod:
    """The one reporting period of the used matrices (D21: a plan lies in one period). The funding, its pool
    and the redistribution belong to one period (D7, D116): a folder whose matrices lie in several periods is
    refused, naming each period and its files (nothing is computed or written)."""
    periods = catalogue.children_reporting_periods()
    by_period: dict[ReportingPeriod, list[str]] = defaultdict(list)
    for r in results:
        if r.record is not None:
            held = period_holding(periods, r.record.period_start)
            assert held is not None, "the reading refuses a plan outside every reporting period"
            by_period[held].append(r.rel)
    if len(by_period) == 1:
        return next(iter(by_period))
    parts = []
    for period in sorted(by_period, key=lambda p: p.start):
        files = by_period[period]
        shown = ", ".join(files[:SHOWN_FILES]) + (f" un vēl {len(files) - SHOWN_FILES}" if len(files) > SHOWN_FILES
                                                  else "")
        parts.append(f"periods {period.label} – {len(files)} {agree(len(files), 'matrica', 'matricas')} ({shown})")
    raise CollectError(
        f"mapē {shown_given(folder)} ir matricas no {len(by_period)} pārskata periodiem: " + "; ".join(parts) + ". Finansējumu "
        "un tā pārdali aprēķina katram pārskata periodam atsevišķi: katra perioda matricas ievietojiet savā mapē "
        "un savāciet atsevišķi (iepriekšējā perioda mapi norāda ar --previous)")


# where the confirmed figures will come from: the summary is never signed, its B-based figures are provisional (D117,
# audit24 F19), and the page says how they become final
# (in words: an analyst is not told the catalogue's file and field, audit27b F10). Which entry counts is D296's rule
# (confirmation_spans): the last entry of the matrix's amount by the collection's day – not the B in force that day,
# which may be another amount for later plans (D303)
SAME_AMOUNT_RULE = "tas pats apmērs; noteicošais ir pēdējais šā apmēra ieraksts līdz savākšanas dienai"
CONFIRMED_FROM = ("apstiprinātos apmērus dos atkārtota „ibm collect” palaišana, kad LM apstiprinātais bāzes apmērs B "
                  f"būs ierakstīts katalogā ({SAME_AMOUNT_RULE}) {{}}")
# collect takes B's status on its own day (D296): the catalogue's B in force then, at the same amount as the matrix's
ON_THE_DAY = f"arī savākšanas dienā {{}} katalogā {same(BASE)} nav apstiprināts"


def folder_name(folder: Path) -> str:
    """The folder's own name, as the summary shows the --previous folder: a full path may hold a user's name
    (audit27b F10); a name with six digits in a row (a personal code's, D221) or a date is not shown (review28 F2)."""
    name = folder.resolve().name or folder.as_posix()
    return "…" if given_reveals(name) else name


# how a --previous folder's file is named on the console and the notes sheet (before its path in that folder)
PREVIOUS_FILE = "iepriekšējā perioda mapē "


# how the warning on a used --previous matrix with rule errors starts (after its file): also on the notes sheet
PREVIOUS_ERRORS = "matricā ir noteikumu kļūdas"


def uncounted_paid_warnings(results: list[ReadResult], *, previous: bool = False) -> list[str]:
    """A warning for each used matrix whose 6.10 holds payments its period total („Samaksāts periodā”, Fakt_Kopa)
    leaves out (D385): a void line's (D367: the total prints „nederīgs”) or a month's after the period's last (an
    error) – the ones that apply (uncounted_where). The money was paid, so the summary's paid figures and the pool count it (paid_recorded); the warning
    says so and that the matrix is to be checked, since its own total differs (``previous``: a --previous folder's
    matrix, whose paid amount only reduces the pool's unused part)."""
    out = []
    for r in results:
        if r.record is None or not (extra := (paid := r.record.paid).uncounted):
            continue
        counted = ("pārdales fondā tie nav ieskaitīti kā neapgūti" if previous
                   else "kopsavilkuma samaksātajā summā tie ir ieskaitīti")
        out.append(f"{r.rel}: {UNCOUNTED_PAID} {eur(extra)} ({uncounted_where(paid.void, paid.after)}, sk. 6.11. "
                   f"tabulu); {counted}, jo nauda ir samaksāta – pārbaudiet matricu")
    return out


UNCOUNTED_VOID = "rindā ar nederīgu daudzumu vai cenu – tad kopsumma ir „nederīgs”"
UNCOUNTED_AFTER = "pēc plāna perioda pēdējā mēneša"


def uncounted_where(void: Decimal, after: Decimal) -> str:
    """Where the payments a matrix's period total leaves out are (paid_totals.PaidRecorded): only the causes that
    apply – a void line's (D367), after the period's last month – and, when both do, each one's amount."""
    if void and after:
        return f"{eur(void)} {UNCOUNTED_VOID} – un {eur(after)} {UNCOUNTED_AFTER}"
    return UNCOUNTED_VOID if void else UNCOUNTED_AFTER


UNCOUNTED_PAID = "6.10. tabulā ir maksājumi, ko matricas „Samaksāts periodā” neietver:"


def previous_errors(prev: list[ReadResult]) -> list[str]:
    """A warning for each used --previous matrix with rule errors (audit33a F5): its unused amount feeds this period's
    pool as the matrix has it, and no sheet lists the previous period's errors, so each names its rules."""
    out = []
    for r in prev:
        if r.record is None:
            continue
        errors = [f for f in r.record.result.findings if f.counts and f.severity is Severity.error]
        if errors:
            rules = ", ".join(dict.fromkeys(f"„{rule_name(f.code)}”" for f in errors))
            n = len(errors)
            # nothing of a matrix without any 6.10 payment enters the pool (unreported_previous says so): the
            # warning must not say its unused amount did (D309)
            pool = ("pārdales fondā ieskaitīta, kā matricā ievadīts" if r.record.paid_entered else
                    "pārdales fondā nav ieskaitīta, jo 6.10. tabulā maksājumu nav")
            out.append(f"{r.rel}: {PREVIOUS_ERRORS} – {n} {agree(n, 'kļūda', 'kļūdas')} ({rules}); tās neizlietotā "
                       f"summa (IB daļa mīnus samaksātais) {pool} – pārbaudiet matricu")
    return out


def previous_folder_warning(warning: str) -> str:
    """A previous-period matrix in another municipality's folder: its unused amount enters the one pool whatever the
    folder, so the warning does not say the amounts were added to a municipality (review28 F4)."""
    if not warning.startswith(FOLDER_WARNING):
        return warning
    head = warning.split(FOLDER_AMOUNTS, 1)[0]
    return (f"{head}; iepriekšējā perioda neizlietotā summa pārdales fondā no mapes nav atkarīga, bet pārbaudiet, "
            "vai fails ievietots pareizajā mapē")


def provisional_reason(records: list[ChildRecord], options: Options, day: dt.date | None = None,
                       withdrawn: dict[str, dt.date] | None = None,
                       withdrawn_by_day: dict[str, dt.date] | None = None) -> str | None:
    """Why the funding total or the final amounts are provisional (D22, D117), None when they are not: the
    catalogue's base amount B is „jāprecizē” on a matrix's parameters day and not confirmed at the same amount on the
    collection's ``day`` either (the records' base_confirmed, on_collection_day, D296), and the envelope comes from it
    (no --envelope), or a child's P rests on it (the matrix has no base amount of the ministry's own, 6.11).
    ``withdrawn``: the pseudonyms of the records whose B, confirmed on the matrix's prices day or later, is „jāprecizē”
    again at the same amount on the collection's day, with that day (on_collection_day): the reason names it;
    ``withdrawn_by_day``: those whose B was withdrawn by the matrix's own prices day (D342), named so."""
    on_base = [r for r in records if not r.base_confirmed]  # unconfirmed on the collection's day too
    still = ON_THE_DAY.format(lv_date(day or options.day or dt.date.today()))
    gone = {r.code: withdrawn[r.code] for r in on_base if r.code in withdrawn} if withdrawn else {}
    by_day = withdrawn_by_day or {}
    status = base_status_words(on_base, "ir „jāprecizē” kādas matricas cenu dienā", gone, by_day)
    # a default funding from the ministry's B typed in every matrix does not rest on the catalogue's B (D72, D268)
    if options.envelope is None and on_base and typed_base(records) is None:
        return (f"finansējums ir bāzes apmērs × bērnu skaits, bet bāzes apmērs B katalogā {status}, tāpēc galīgie "
                f"apmēri ir provizoriski ({still}); "
                + CONFIRMED_FROM.format("vai finansējums norādīts komandā ar --envelope"))
    # the catalogue's unconfirmed B copied into 6.11 is no B of the ministry's (D257, D268)
    if any(on_unconfirmed_base(r) for r in on_base):
        own = [r for r in on_base if on_unconfirmed_base(r)]
        status = base_status_words(own, "ir „jāprecizē” matricas cenu dienā", gone, by_day)
        return (f"provizoriskais apmērs P aprēķināts no bāzes apmēra B, kas katalogā {status}, tāpēc galīgie apmēri "
                f"ir provizoriski ({still}); "
                # --envelope is already given here: the other way is the ministry's B in the matrix (review5 F7)
                + CONFIRMED_FROM.format("vai matricas 6.11. tabulā"))
    return None


def pilot_municipalities(catalogue: Catalogue) -> list[str]:
    return [m.id for m in catalogue.pilot_municipalities(Pilot.children)]
