"""Can the outputs of `ibm collect` be written at all? Checked before any matrix is read (cheap: one
temporary file in the nearest existing folder on the way to --out, removed at once)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.cli_errors import os_reason_without_path


def unwritable_reason(out: Path) -> str | None:
    """Why nothing could be written beside ``out`` (None when a file can be created there)."""
    return _probe(out, out.parent)


def unwritable_folder(out: Path) -> str | None:
    """Why nothing could be written into the folder ``out`` (made if missing); None when it can. Every command
    with an --out checks this first, so a read-only folder is named, not a temporary file in it (audit15 F18)."""
    return _probe(out, out)


def _probe(out: Path, probe: Path) -> str | None:
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if not probe.is_dir():
        return f"{probe} ir fails, nevis mape, tāpēc --out {out} nevar izveidot"
    try:
        with tempfile.TemporaryFile(prefix=".ibm-collect-probe-", dir=probe):
            pass
    except OSError as exc:
        return f"mapē {probe} nevar rakstīt ({os_reason_without_path(exc)})"
    return None
