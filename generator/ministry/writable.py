"""Can a command's outputs be written at all? Checked before any work (cheap: one temporary file in the nearest
existing folder on the way to --out, removed at once)."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

from generator.cli_errors import os_reason_without_path
from generator.ministry.console_names import shown_given


class Unwritable(str):
    """Why nothing can be written there. ``parameter``: the path itself is wrong – a file where a folder must be, or
    a folder where no file can ever be created (such as /proc) – a parameter error (status 2, D121) in every
    command; otherwise (no permission, read-only, immutable, a full disk) the command fails with status 1."""

    parameter: bool

    def __new__(cls, text: str, parameter: bool = False) -> Unwritable:
        made = super().__new__(cls, text)
        made.parameter = parameter
        return made


def unwritable_reason(out: Path, option: str = "--out") -> Unwritable | None:
    """Why nothing could be written beside ``out`` (None when a file can be created there)."""
    return _probe(out, out.parent, option)


def unwritable_folder(out: Path, option: str = "--out") -> Unwritable | None:
    """Why nothing could be written into the folder ``out`` (made if missing); None when it can. Every command
    with an --out checks this first, so a read-only folder is named, not a temporary file in it (audit15 F18)."""
    return _probe(out, out, option)


def _probe(out: Path, probe: Path, option: str) -> Unwritable | None:
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if not probe.is_dir():
        return Unwritable(f"{option} „{shown_given(out)}” nevar izveidot: „{shown_given(probe)}” ir fails, nevis mape", parameter=True)
    try:
        with tempfile.TemporaryFile(prefix=".ibm-collect-probe-", dir=probe):
            pass
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):  # an existing folder that can hold no file: /proc, /sys/…
            return Unwritable(f"{option} „{shown_given(out)}”: mapē „{shown_given(probe)}” failus izveidot nevar (tā nav parasta mape)",
                              parameter=True)
        return Unwritable(f"mapē {shown_given(probe)} nevar rakstīt ({os_reason_without_path(exc)})")
    return None
