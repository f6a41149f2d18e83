"""One file or folder replaced whole: a file is written under a temporary name beside its target and renamed over
it, so a failed write leaves the previous file as it was (the rename is atomic on one file system); a folder made
in full beside its target takes the target's place, and a failed move puts the previous folder back."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.interrupts import interrupts_held


def write_replacing(out: Path, write: Callable[[Path], object], *, prefix: str = ".ibm-",
                    suffix: str = ".tmp") -> None:
    """``write(temporary path)`` next to ``out``, then rename it over ``out`` (readable like any new file)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=out.parent)
    os.close(fd)
    staged = Path(name)
    try:
        write(staged)
        os.chmod(staged, 0o644)
        os.replace(staged, out)
    finally:
        with interrupts_held(), contextlib.suppress(OSError):  # the temporary file is never left behind
            staged.unlink()


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder ``new`` in place of ``target``: the previous ``target`` is set aside under a fresh hidden name
    (never over a folder the command did not make), and moved back if ``new`` cannot be moved into place."""
    old = None
    if target.exists():
        old = target.rename(Path(tempfile.mkdtemp(prefix=f".{target.name}-vecais-", dir=target.parent)))
    try:
        new.rename(target)
    except BaseException:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
