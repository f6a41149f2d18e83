"""Latvian explanations of failures that reach the `ibm` command line (no traceback, no English).

A file-system failure is named by its reason and path. Any other unexpected exception is named only by its
type and where it happened: its text might quote a cell of a matrix (a child's name), so it is not printed
unless the user asks for the full traceback with the environment variable below.
"""

from __future__ import annotations

import errno
import traceback
from pathlib import Path

DEBUG_ENV = "IBM_ATKLUDOT"

REASONS = {
    errno.EACCES: "nav piekļuves tiesību",
    errno.EPERM: "darbība nav atļauta",
    errno.EROFS: "failu sistēma ir tikai lasāma",
    errno.ENOSPC: "diskā nav brīvas vietas",
    errno.ENOENT: "fails vai mape nav atrasta",
    errno.EEXIST: "fails jau pastāv",
    errno.ENOTDIR: "ceļā ir fails, kur vajag mapi",
    errno.EISDIR: "ceļš ir mape, nevis fails",
    errno.ELOOP: "simboliskās saites cilpa",
    errno.ENOTEMPTY: "mape nav tukša",
    errno.EXDEV: "pārvietošana starp diskiem nav iespējama",
    errno.ENAMETOOLONG: "pārāk garš nosaukums",
    errno.EDQUOT: "pārsniegta diska kvota",
    errno.EADDRINUSE: "ports jau ir aizņemts (izvēlieties citu ar --port)",
}


def os_reason(exc: OSError) -> str:
    """'failu sistēma ir tikai lasāma (build/x.xlsx)' for an OSError."""
    reason = REASONS.get(exc.errno or 0, f"sistēmas kļūda {exc.errno}" if exc.errno else "ievades/izvades kļūda")
    where = f" ({exc.filename})" if exc.filename else ""
    return reason + where


def os_reason_without_path(exc: OSError) -> str:
    """The Latvian reason alone: for messages where the path could name a child, or is named already."""
    return os_reason(OSError(exc.errno, exc.strerror))


def find_os_error(exc: BaseException) -> OSError | None:
    """The OSError behind an exception: itself, its cause or context, or one wrapped in its arguments
    (xlsxwriter's FileCreateError carries the OSError as its argument)."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, OSError):
            return current
        todo.extend(e for e in (current.__cause__, current.__context__) if e is not None)
        todo.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))
    return None


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/generator/" in f.filename.replace("\\", "/")]
    if not ours:
        return ""
    frame = ours[-1]
    path = Path(frame.filename).as_posix()
    return f" vietā {path[path.rfind('generator/'):]}:{frame.lineno}"


def describe(exc: BaseException) -> str:
    """One Latvian line for an unexpected failure of a command."""
    os_error = find_os_error(exc)
    if os_error is not None:
        return f"darbība neizdevās: {os_reason(os_error)}"
    from generator.reference.errors import CatalogueGap

    if isinstance(exc, CatalogueGap):  # the catalogue lacks a value for a day: its message says where and what
        return str(exc)
    return (f"neparedzēta kļūda ({type(exc).__name__}{_where(exc)}). Ja ievaddati ir kārtībā, lūdzu, ziņojiet "
            f"izstrādātājiem; pilnu informāciju parāda, ja komandu palaiž ar vides mainīgo {DEBUG_ENV}=1")
