"""The starting Ctrl-C handler belongs to the `ibm` program only: a multiprocessing worker started by spawn or
forkserver inherits the program's ``sys.argv`` ("ibm") before it imports the package, and must keep Python's own
handler (review6 F3); the test-only pause is ignored outside pytest and never overwrites a file (review6 F7)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.early_interrupt import PAUSE_ENV

REPO = Path(__file__).resolve().parents[1]
SCRIPT = """\
import multiprocessing, signal, sys
from concurrent.futures import ProcessPoolExecutor


def probe(_):
    import generator  # noqa: F401 - the worker imports the package, as collect's reading workers do
    from generator import early_interrupt
    return signal.getsignal(signal.SIGINT) is signal.default_int_handler, early_interrupt.is_console_script()


if __name__ == "__main__":
    import generator  # noqa: F401
    from generator import early_interrupt
    main = signal.getsignal(signal.SIGINT) is early_interrupt._stop
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(sys.argv[1])) as pool:
        print(main, *pool.submit(probe, 0).result())
"""


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_a_spawned_worker_of_ibm_keeps_pythons_ctrl_c(tmp_path: Path, method: str) -> None:
    script = tmp_path / "ibm"  # named as the console script, so the program itself gets the starting handler
    script.write_text(SCRIPT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != PAUSE_ENV}
    run = subprocess.run([sys.executable, str(script), method], cwd=tmp_path, capture_output=True, text=True,
                         env={**env, "PYTHONPATH": str(REPO)}, timeout=120)
    assert run.returncode == 0, run.stderr
    main_has_it, worker_default, worker_is_console = run.stdout.split()
    assert main_has_it == "True"  # the probe can tell: the program named ibm did install it
    assert worker_default == "True" and worker_is_console == "False", run.stdout


def test_the_test_pause_never_overwrites_a_file_and_needs_pytest(tmp_path: Path) -> None:
    script = tmp_path / "ibm"
    script.write_text("import generator\nprint('gatavs')\n", encoding="utf-8")
    existing = tmp_path / "esoss.txt"
    existing.write_text("lietotāja fails", encoding="utf-8")
    base = {**os.environ, "PYTHONPATH": str(REPO), PAUSE_ENV: str(existing)}
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=base, timeout=30)
    assert run.stdout == "gatavs\n" and existing.read_text(encoding="utf-8") == "lietotāja fails"
    outside = {k: v for k, v in base.items() if k != "PYTEST_CURRENT_TEST"}
    fresh = tmp_path / "jauns.txt"
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         env={**outside, PAUSE_ENV: str(fresh)}, timeout=30)
    assert run.stdout == "gatavs\n" and not fresh.exists()
