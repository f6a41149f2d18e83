"""`ibm changes` from the revision just before one in this repository's history (tests that compare across a real
schema change; skipped in a copy without git history)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.cli import main


def changes_before(tmp_path: Path, log_args: tuple[str, ...], why: str) -> tuple[str, str]:
    """(console output, report) of `ibm changes --from R^` where R is the oldest commit `git log ARGS` lists; the
    test is skipped (``why``) when the history does not have it."""
    try:
        found = subprocess.run(["git", "-C", str(DEFAULT_CATALOGUE.parent), "log", "--format=%H", *log_args],
                               capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        found = []
    if not found:
        pytest.skip(why)
    out = tmp_path / "izmainas.md"
    result = CliRunner().invoke(main, ["changes", "--from", f"{found[-1]}^", "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output, out.read_text("utf-8")
