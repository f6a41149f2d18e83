"""One file replaced whole: written under a temporary name beside its target and renamed over it, so a
failed write leaves the previous file as it was (the rename is atomic on one file system)."""

from __future__ import annotations

import contextlib
import os
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
