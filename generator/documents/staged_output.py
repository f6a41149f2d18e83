"""`ibm documents` (without --from-matrix): everything is rendered into a temporary folder inside DIR first and
moved into place only when all of it was written (generator/ministry/output.py's swap: previous files of the
same names go aside and come back if a move fails). Only the files this run made are replaced; nothing else in
DIR is removed. A target that is a folder or a link is refused before anything is moved."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.ministry.output import swap


class OutputTaken(Exception):
    """A document's place is taken by something this command does not replace (a folder or a link)."""


def render_staged(out: Path, render: Callable[[Path], object], prefix: str = ".ibm-documents-") -> list[Path]:
    """``render(staging folder)``, then its files moved to the same places under ``out``; returns them."""
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=out))
    try:
        new = tmp / "jauns"
        new.mkdir()
        render(new)
        pairs = [(p, out / p.relative_to(new)) for p in sorted(new.rglob("*")) if p.is_file()]
        taken = [t for _, t in pairs if t.is_symlink() or (t.exists() and not t.is_file())]
        if taken:
            raise OutputTaken(", ".join(str(t) for t in taken[:5]))
        for _, target in pairs:
            target.parent.mkdir(parents=True, exist_ok=True)
        backup = tmp / "iepriekšējie"
        backup.mkdir()
        swap(pairs, backup)
        return [t for _, t in pairs]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
