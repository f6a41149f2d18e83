"""A child's folder written by the toolkit's version before the marker listed files (a one-line marker). Nothing can
prove that its files are still that version's output – file times prove nothing, as a copy sets them in any order
and a scan copied in keeps its own (review4 F2) – so such a folder is never replaced or deleted: it is renamed to a
visible, free name beside it, ``<folder>-iepriekseja-versija-<DD.MM.GGGG>``, the new documents go to the usual
folder, and one Latvian line (console and parskats.txt) says where the older one is (D119)."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

from generator.ministry.console_names import shown_inside
from generator.replace_file import rename_noreplace

OLDER_MARKER = "Šo mapi izveidoja `ibm documents --from-matrix`; to var aizstāt nākamā palaišanas reize.\n"
OLDER_ASIDE = "iepriekseja-versija"  # in the visible name an older version's folder is renamed to


def is_older(marker: Path) -> bool:
    """Whether ``marker`` is the one-line marker of the version before the file list."""
    try:
        return marker.read_text(encoding="utf-8") == OLDER_MARKER
    except (OSError, UnicodeDecodeError):
        return False


def _names(target: Path, day: dt.date) -> Iterator[Path]:
    base = f"{target.name}-{OLDER_ASIDE}-{day:%d.%m.%Y}"
    yield target.with_name(base)
    for n in itertools.count(2):
        yield target.with_name(f"{base}-{n}")


def set_older_aside(target: Path, day: dt.date) -> Path:
    """Rename the older version's folder ``target`` to the first free name ``_names`` gives (never over anything: a
    name taken meanwhile is skipped); returns where it is now."""
    for aside in _names(target, day):
        if aside.exists() or aside.is_symlink():
            continue
        with contextlib.suppress(FileExistsError):
            rename_noreplace(target, aside)
            return aside
    raise AssertionError("unreachable")  # pragma: no cover - _names never ends


def put_back(aside: Path, target: Path) -> bool:
    """Move an older folder set aside back to ``target`` (the run failed before its new folder was in place); False
    if ``target`` is taken (the new folder is there) or the move fails – it then stays where ``aside`` says."""
    try:
        rename_noreplace(aside, target)
    except OSError:
        return False
    return True


def older_line(target: Path, aside: Path, *, placed: bool = True) -> str:
    """The one Latvian line saying where an older version's folder went (console and the new parskats.txt)."""
    new = f"; jaunie dokumenti ir mapē {shown_inside(target)}" if placed else ""
    return (f"Mapi {shown_inside(target)}, ko izveidoja agrāka rīkkopas versija, komanda neaizstāja, bet pārdēvēja par "
            f"{shown_inside(aside)} – "
            f"pārbaudiet to un izdzēsiet, kad tā vairs nav vajadzīga{new}.")
