"""A command run in a real subprocess whose first few renames of its own temporary folders and files are slow and
announced on stderr, so that a test can press Ctrl-C (SIGINT to the process group) while it is swapping – or send
it a signal while it works, before the swap (``pause_at``: one function announces itself and waits for it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from generator import cli_lv
from generator.cli_lv import TEXTS
from generator.replace_file import LATE_INTERRUPT
from tests.pilot_day import IBM_WITH_PILOT_DAY

REPO = Path(__file__).resolve().parents[1]
STOPPED = TEXTS["Aborted!"]
ANNOUNCE = "test: pārvieto "
SLOW = 3  # how many renames are slow; the rest go at full speed

_PRELUDE = f"""
import os, sys, time
_rename, _slow = os.rename, [{SLOW}]
def rename(src, dst, *args, **kwargs):
    names = os.fspath(src) + " " + os.fspath(dst)
    if _slow[0] and "/." in names:  # a temporary folder or file of the command (.ibm-…, .NAME-vecais-…)
        _slow[0] -= 1
        print({ANNOUNCE!r} + names, file=sys.stderr, flush=True)
        time.sleep(0.8)
    return _rename(src, dst, *args, **kwargs)
os.rename = rename
import generator.replace_file as _replace_file
_replace_file.renameat2_noreplace = lambda src, dst: False  # the new outputs too move in by the slowed os.rename
"""
PDF_STAND_IN = b"%IBM-test: HTML in place of a PDF\n"
# The PDFs of `ibm documents` (the municipal set and --from-matrix) as stand-ins: a marker and the document's HTML
# instead of WeasyPrint's rendering, which is most of a run's time (as tests/documents/conftest.py pdf_stand_ins).
PDF_STAND_INS = f"""
import generator.documents.build_step as _build_step
import generator.documents.from_matrix.writing as _writing
def _stand_in(html, target, *_args, **_kwargs):
    target.write_bytes({PDF_STAND_IN!r} + html.encode("utf-8"))
    return target
_build_step.write_pdf = _writing.write_pdf = _stand_in
"""


PAUSED = "test: gaida signālu "


def _pause(module: str, name: str) -> str:
    """The first call of ``module.name`` says so on stderr and then waits – for a signal, which cuts the wait short
    (without one the command goes on after a minute, and the test sees it finish)."""
    return f"""
import importlib as _importlib
_module = _importlib.import_module({module!r})
_original, _waits = getattr(_module, {name!r}), [1]
def _paused(*args, **kwargs):
    if _waits:
        _waits.pop()
        print({PAUSED!r} + {name!r}, file=sys.stderr, flush=True)
        time.sleep(60)
    return _original(*args, **kwargs)
setattr(_module, {name!r}, _paused)
"""


def start(args: list[str], env: dict[str, str] | None = None, *, pdf_stand_ins: bool = False,
          pause_at: tuple[str, str] | None = None) -> subprocess.Popen:
    """`ibm ARGS` in its own process group (as a terminal starts it), its stderr readable line by line; with
    ``pdf_stand_ins`` for tests that look at which files are made and moved, not inside the PDFs; with
    ``pause_at`` (module, function) waiting for a signal at that function's first call."""
    prelude = (_PRELUDE + (PDF_STAND_INS if pdf_stand_ins else "") + (_pause(*pause_at) if pause_at else "")
               + IBM_WITH_PILOT_DAY)  # pilot-years --day
    return subprocess.Popen([sys.executable, "-c", prelude, *args], cwd=REPO, text=True,
                            env={**os.environ, **(env or {}), "PYTHONPATH": str(REPO)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _read_until(run: subprocess.Popen, ready: Callable[[str], bool], nth: int = 1) -> list[str]:
    """``run``'s stderr lines up to the ``nth`` one for which ``ready`` holds."""
    said: list[str] = []
    seen = 0
    for line in run.stderr:  # type: ignore[union-attr]
        said.append(line)
        seen += ready(line)
        if seen == nth:
            return said
    raise AssertionError("the command never got there: " + "".join(said))


def _rest(run: subprocess.Popen, said: list[str], what: str) -> str:
    """Everything ``run`` says on stderr once it has ended (at most two minutes after ``what``)."""
    try:
        rest = run.communicate(timeout=120)[1]
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        raise AssertionError(f"the command did not end after {what}: " + "".join(said)) from None
    return "".join(said) + rest


def ctrl_c_twice_when(run: subprocess.Popen, ready: Callable[[str], bool], nth: int = 1) -> str:
    """Press Ctrl-C twice, 20 ms apart, to ``run``'s process group once ``ready`` has held for ``nth`` stderr lines;
    returns everything on stderr."""
    said = _read_until(run, ready, nth)
    os.killpg(run.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches every process of the group
    time.sleep(0.02)
    os.killpg(run.pid, signal.SIGINT)
    return _rest(run, said, "Ctrl-C")


def signal_when(run: subprocess.Popen, ready: Callable[[str], bool], signum: int = signal.SIGTERM) -> str:
    """Send ``signum`` to ``run``'s main process only (`kill PID`, as systemd or `timeout` do) once ``ready`` has
    held for a stderr line; returns everything on stderr."""
    said = _read_until(run, ready)
    run.send_signal(signum)
    return _rest(run, said, "the signal")


def ctrl_c_twice_at_rename(run: subprocess.Popen, nth: int) -> str:
    """Press Ctrl-C twice while the ``nth`` announced rename sleeps; returns everything on stderr."""
    return ctrl_c_twice_when(run, lambda line: line.startswith(ANNOUNCE), nth)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_finished_despite_ctrl_c(run: subprocess.Popen, err: str) -> None:
    """Ctrl-C during the final swap (D133): status 0, the Latvian line that the new outputs are whole, no
    "Pārtraukts" and no traceback."""
    assert run.returncode == 0, err
    assert LATE_INTERRUPT in err and STOPPED not in err, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err


def assert_stopped_cleanly(run: subprocess.Popen, err: str, cause: str = "Ctrl-C") -> None:
    """Status 1, the Latvian message naming what stopped the command (``cause``) as the last line – the one for
    nothing replaced yet or the one for a run that had replaced some results (audit39 F10) –, no traceback."""
    assert run.returncode == 1, err
    said = {cli_lv.STOPPED.format(cause=cause), cli_lv.STOPPED_PART.format(cause=cause)}
    assert err.rstrip("\n").splitlines()[-1] in said, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
