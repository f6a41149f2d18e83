"""Ctrl-C while the `ibm` process is still importing the toolkit ends with the Latvian "Pārtraukts (Ctrl-C) …" and
status 1, never a KeyboardInterrupt traceback with 130 (audit27 F3). Deterministic: the starting handler creates a
file when it is in place and then pauses inside the import window (tests only), and SIGINT is sent only then."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.early_interrupt import MESSAGE, PAUSE_ENV

REPO = Path(__file__).resolve().parents[1]


def _ibm(tmp_path: Path, *args: str) -> tuple[subprocess.Popen, Path]:
    script = Path(sys.executable).parent / "ibm"  # the console script of this environment, as a user runs it
    if not script.exists():
        pytest.skip("the ibm console script is not installed in this environment")
    ready = tmp_path / "importa-logs"
    env = {**os.environ, "PYTHONPATH": str(REPO), PAUSE_ENV: str(ready)}
    process = subprocess.Popen([str(script), *args], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    return process, ready


def _wait_for(path: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert process.poll() is None, "ibm ended before its starting handler was in place"
        assert time.monotonic() < deadline, "the starting handler never announced itself"
        time.sleep(0.02)


def test_ctrl_c_while_importing_is_latvian_and_status_1(tmp_path: Path) -> None:
    out = tmp_path / "jauna.xlsx"
    process, ready = _ibm(tmp_path, "migrate", str(tmp_path / "veca.xlsx"), "--out", str(out))
    try:
        _wait_for(ready, process)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 1, (process.returncode, stderr)
    assert MESSAGE in stderr and "Pārtraukts (Ctrl-C)" in stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert stdout == "" and not out.exists()


def test_importing_the_package_elsewhere_leaves_ctrl_c_alone() -> None:
    """Only the `ibm` program gets the starting handler: a test run or a library user importing `generator` keeps
    Python's own KeyboardInterrupt."""
    import generator  # noqa: F401
    from generator import early_interrupt

    assert signal.getsignal(signal.SIGINT) is not early_interrupt._stop
    assert not early_interrupt.is_console_script()
