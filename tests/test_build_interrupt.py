"""Ctrl-C twice while `ibm build` swaps its new folder in: the swap finishes, nothing temporary is left, the folder is
a whole build matching its manifest (before: the previous build was set aside and then removed with the temporary
folder, leaving no build at all), and the run ends as a finished one – status 0 and a line saying the new build is
whole (D133; before: "Pārtraukts … nepabeigtais netika uzrakstīts" and status 1 over a build already in place)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import MANIFEST
from generator.replace_file import LATE_FORM
from tests.slow_rename import (
    ANNOUNCE,
    PAUSED,
    REPO,
    assert_finished_despite_ctrl_c,
    assert_stopped_cleanly,
    ctrl_c_twice_at_rename,
    signal_when,
    snapshot,
    start,
)


def whole_build(out: Path) -> bool:
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    files = {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in out.rglob("*") if p.is_file() and p.name != MANIFEST}
    return bool(files) and files == manifest["sha256"]


@pytest.mark.slow
def test_a_doubled_ctrl_c_while_swapping_leaves_a_whole_build(tmp_path: Path) -> None:
    out = tmp_path / "b"
    args = ["build", "--only", "atvertie-dati", "--out", str(out)]
    first = subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=REPO, capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}, timeout=300)
    assert first.returncode == 0, first.stderr
    assert whole_build(out)

    for nth in (1, 2):  # the previous build being set aside; the new one being moved into its place
        run = start([*args, "--force"])
        err = ctrl_c_twice_at_rename(run, nth)
        assert_finished_despite_ctrl_c(run, err)
        assert [p.name for p in tmp_path.iterdir()] == ["b"], err  # nothing temporary left beside it
        assert whole_build(out), err


@pytest.mark.slow
def test_sigterm_while_building_takes_ctrl_cs_path(tmp_path: Path) -> None:
    """`kill PID` (SIGTERM: systemd, a cron timeout, `timeout 60 ibm build`) while the new build is in its staging
    folder: the Latvian "Pārtraukts (signāls SIGTERM) …" and status 1, the staging folder removed, the previous build
    byte-identical (before: Python died at once, status -15, the staging folder left for a later run to clear)."""
    out = tmp_path / "b"
    args = ["build", "--only", "atvertie-dati", "--out", str(out)]
    first = subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=REPO, capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}, timeout=300)
    assert first.returncode == 0, first.stderr
    before = snapshot(out)

    run = start([*args, "--force"], pause_at=("generator.build", "_prune_empty"))  # every file is in staging
    err = signal_when(run, lambda line: line.startswith(PAUSED))
    assert_stopped_cleanly(run, err, "signāls SIGTERM")
    assert [p.name for p in tmp_path.iterdir()] == ["b"], err  # no staging folder left
    assert snapshot(out) == before


@pytest.mark.slow
def test_sigterm_while_swapping_finishes_the_build(tmp_path: Path) -> None:
    """SIGTERM once the previous build is set aside: as Ctrl-C then (D133), the swap is finished, status 0, and the
    line names the signal."""
    out = tmp_path / "b"
    args = ["build", "--only", "atvertie-dati", "--out", str(out)]
    assert start(args).wait(timeout=300) == 0
    run = start([*args, "--force"])
    err = signal_when(run, lambda line: line.startswith(ANNOUNCE))
    assert run.returncode == 0, err
    assert LATE_FORM.format(cause="Signāls SIGTERM") in err and "Pārtraukts" not in err, err
    assert [p.name for p in tmp_path.iterdir()] == ["b"], err
    assert whole_build(out), err
