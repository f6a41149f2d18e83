"""Writing the collection's outputs without ever losing a file: the summary workbook and, in
``galigie-apmeri/`` beside it, one ``kods;P;N;F;statuss;iemesls`` CSV per municipality and reporting period.

Ownership: ``galigie-apmeri/`` carries a manifest (``.ibm-collect.json``) naming every file the
command wrote there and the summary workbook, each with its SHA-256. A later run replaces only
what the manifest lists with the same content; a foreign or edited file, a user's empty folder
(the swap would remove it; generator/own_files.py, D119), a folder without the manifest,
a symbolic link or an output path that is (or lies inside, or holds) a collected folder is a
refusal (``OutputError``) before anything is read or written.

Atomicity: every output is written into one temporary folder beside the target; the swap
(generator/replace_file.py) sets the previous outputs aside in a hidden folder beside them, moves the
new ones into place, and on any failure moves the previous ones back, so they stay byte-identical (a
previous output that cannot be moved back stays in that folder, which the error names). The
temporary folder is removed at the end; a Ctrl-C during the swap does not fail the finished run (D133).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.ministry.aggregate import Aggregates, aggregate
from generator.ministry.changes import Changes, compare, current_rows, read_earlier
from generator.ministry.collection import Collection
from generator.ministry.console_names import shown_given
from generator.ministry.final_csv import write_final_amounts
from generator.ministry.final_status import STATUS_ERRORS, STATUS_FINAL
from generator.ministry.open_files import open_in
from generator.ministry.reading import file_digest
from generator.ministry.summary_book import SummaryBook, municipality_names
from generator.ministry.summary_write import write_summary
from generator.own_files import refusal, strangers
from generator.replace_file import staged_folder, swap_final

FINAL_DIR = "galigie-apmeri"
MANIFEST = ".ibm-collect.json"
TOOL = "ibm collect"
Say = Callable[[str], None]


class OutputError(Exception):
    """The outputs cannot be written safely (Latvian message); nothing was changed."""


def check_paths(out: Path, sources: Iterable[tuple[str, Path]]) -> None:
    """Refuse when an output path is, lies inside or holds a collected folder (resolved through
    symbolic links). ``sources``: (option name, folder) pairs, e.g. ("MAPE", …), ("--previous", …)."""
    summary = out.resolve()
    final_dir = (out.parent / FINAL_DIR).resolve()
    for option, source in sources:
        folder = source.resolve()
        for target, what in ((summary, "kopsavilkums"), (final_dir, f"mape {FINAL_DIR}/")):
            if target.is_relative_to(folder) or folder.is_relative_to(target):
                raise OutputError(f"{what} ({shown_given(target)}) un {option} {shown_given(source)} pārklājas; izvēlieties --out citā mapē, "
                                  "lai netiktu pārrakstītas savāktās matricas")


def read_manifest(final_dir: Path) -> dict | None:
    try:
        data = json.loads((final_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("tool") != TOOL or not isinstance(data.get("files"), dict):
        return None
    return data


def check_ownership(out: Path) -> None:
    """Refuse when replacing the previous outputs would remove or overwrite something this command did
    not write (or that was changed after it wrote it)."""
    final_dir = out.parent / FINAL_DIR
    manifest: dict | None = None
    if final_dir.is_symlink() or (final_dir.exists() and not final_dir.is_dir()):
        raise OutputError(f"{shown_given(final_dir)} nav ibm collect izveidota mape (tā ir saite vai fails); pārvietojiet to "
                          "vai izvēlieties --out citā mapē")
    if final_dir.is_dir():
        manifest = read_manifest(final_dir)
        if manifest is None:
            raise OutputError(f"mapi {shown_given(final_dir)} nav izveidojis ibm collect (tajā nav {MANIFEST}); tās saturu "
                              "komanda nepārraksta – pārvietojiet to vai izvēlieties --out citā mapē")
        foreign, changed = strangers(final_dir, manifest["files"], ignore=(MANIFEST,))
        opened = [(name, program) for name in manifest["files"]
                  if (program := open_in(final_dir / name)) is not None]
        if opened and foreign:  # its lock file is no stranger to move away: the CSV is to be closed (ministrycheck F6)
            one = len(opened) == 1
            shown = ", ".join(f"{name} ({program})" for name, program in opened)
            raise OutputError(f"mapē {shown_given(final_dir)} {'fails' if one else 'faili'} {shown} vēl "
                              f"{'ir atvērts' if one else 'ir atvērti'} – aizveriet {'to' if one else 'tos'} (blakus "
                              "ir programmas bloķēšanas fails, ko ibm collect neaizstāj) un palaidiet vēlreiz")
        if foreign or changed:
            raise OutputError(refusal(final_dir, foreign, changed, who=f"komanda {TOOL}", nothing_written=False,
                                      advice="izvēlieties --out citā mapē"))
    if out.is_symlink() or (out.exists() and not out.is_file()):
        raise OutputError(f"{shown_given(out)} nav parasts fails (saite vai mape); izvēlieties citu --out")
    if out.exists():
        summary = (manifest or {}).get("summary") or {}
        if summary.get("name") != out.name or summary.get("sha256") != file_digest(out):
            raise OutputError(f"fails {shown_given(out)} jau ir, un to nav izveidojis ibm collect (vai tas mainīts pēc "
                              "izveides); to komanda nepārraksta – pārvietojiet to vai izvēlieties citu --out")


def csv_rows(collection: Collection, municipality: str) -> list[tuple[str, object, object, object, str, str]]:
    """Each child's ``kods;P;N;F;statuss;iemesls``: no F for a matrix with rule errors, which the matrix itself
    declares invalid (D268); why F is not final beside its status (D320)."""
    finals = collection.finals.by_id()
    records = sorted((r for r in collection.records if r.municipality == municipality), key=lambda r: r.code)
    rows = []
    for r in records:
        status = collection.status(r)
        final = None if status == STATUS_ERRORS else finals[r.code].final
        rows.append((r.code, r.result.provisional, r.result.needed, final, status, collection.reason(r)))
    return rows


def csv_name(collection: Collection, municipality: str) -> str:
    """``valmiera_01.04.2019-30.09.2019.csv``: the municipality and the reporting period (D116); while an amount of the
    file is not final (an unconfirmed base amount, D117; rule errors or an unconfirmed ceiling, D268, D269) the name
    ends in ``_provizoriski``."""
    period = collection.period.replace("\u2013", "-")
    final = all(row[4] == STATUS_FINAL for row in csv_rows(collection, municipality))
    provisional = "" if final else "_provizoriski"
    return f"{municipality}_{period}{provisional}.csv" if period else f"{municipality}{provisional}.csv"


def _write_manifest(staged_dir: Path, summary: Path, names: list[str]) -> None:
    data = {
        "tool": TOOL,
        "about": "Šo mapi un kopsavilkumu izveidoja ibm collect; nākamā savākšana aizstāj tikai šeit uzskaitītos "
                 "failus, ja tie nav mainīti.",
        "summary": {"name": summary.name, "sha256": file_digest(summary)},
        "files": {name: file_digest(staged_dir / name) for name in sorted(names)},
    }
    (staged_dir / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def against_replaced(out: Path, collection: Collection, catalogue: Catalogue) -> Changes | None:
    """The new result compared with the one it replaces (D362), None on a first collection (nothing replaced). Called
    after check_ownership: the manifest of ``galigie-apmeri/`` names the earlier summary and its SHA-256."""
    final_dir = out.parent / FINAL_DIR
    if not final_dir.is_dir():
        return None
    manifest = read_manifest(final_dir) or {}
    summary = manifest.get("summary") or {}
    name = summary.get("name")
    earlier = (read_earlier(out.parent / name, summary.get("sha256")) if isinstance(name, str) and name
               and Path(name).name == name else "galīgo apmēru mapes sarakstā nav iepriekšējā kopsavilkuma")
    names = municipality_names(catalogue, [r.municipality for r in collection.records])
    return compare(earlier, current_rows(collection, names), collection.period, collection.finals.envelope)


def staging_folder(parent: Path) -> AbstractContextManager[Path]:
    """The temporary folder beside the outputs where everything is written before the swap."""
    return staged_folder(parent, ".ibm-collect-")


def write_outputs(out: Path, collection: Collection, catalogue: Catalogue, municipalities: list[str],
                  today: dt.date | None = None, say: Say | None = None) -> tuple[SummaryBook, Aggregates, list[Path]]:
    """Write ``out`` and ``out.parent/galigie-apmeri/<municipality>_<period>.csv`` (``csv_name``); returns the book (with the
    expected values of its formulas), the aggregates and the CSV paths. Raises OutputError (nothing
    changed) when a previous output is not this command's own, OSError when writing fails (nothing
    changed either)."""
    say = say or (lambda _: None)
    today = today or dt.date.today()
    check_ownership(out)
    changes = against_replaced(out, collection, catalogue)
    say("Apkopo rezultātus pa pašvaldībām, mēnešiem un pakalpojumiem")
    agg = aggregate(collection.records, collection.finals, municipalities)
    parent = out.parent
    parent.mkdir(parents=True, exist_ok=True)
    with staging_folder(parent) as tmp:
        book = write_summary(tmp / out.name, collection, agg, catalogue, today, progress=say, changes=changes)
        csv_dir = tmp / FINAL_DIR
        csv_dir.mkdir()
        written = []
        say(f"Raksta galīgos apmērus: {FINAL_DIR}/")
        for m in agg.municipalities:
            rows = csv_rows(collection, m)
            if rows:
                written.append(write_final_amounts(csv_dir / csv_name(collection, m), rows).name)
        _write_manifest(csv_dir, tmp / out.name, written)
        check_ownership(out)  # nothing foreign appeared while writing
        final_dir = parent / FINAL_DIR
        # on a first run there is nothing to replace: saying so would make the analyst look for earlier results
        say("Aizvieto iepriekšējos rezultātus" if out.exists() or final_dir.exists() else "Saglabā rezultātus")
        swap_final([(csv_dir, final_dir), (tmp / out.name, out)], say=say, aside_in=parent)
        book.path = out
        book.changes = changes
        return book, agg, [final_dir / name for name in written]
