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

from generator import early_interrupt
from generator.early_interrupt import MESSAGE, PAUSE_ENV

REPO = Path(__file__).resolve().parents[1]


def _ibm(tmp_path: Path, *args: str, as_module: bool = False) -> tuple[subprocess.Popen, Path]:
    """The console script of this environment, as a user runs it, or `python -m generator.cli` (README)."""
    script = Path(sys.executable).parent / "ibm"
    if as_module:
        command = [sys.executable, "-m", "generator.cli"]
    elif script.exists():
        command = [str(script)]
    else:
        pytest.skip("the ibm console script is not installed in this environment")
    ready = tmp_path / "importa-logs"
    env = {**os.environ, "PYTHONPATH": str(REPO), PAUSE_ENV: str(ready)}
    process = subprocess.Popen([*command, *args], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    return process, ready


def _wait_for(path: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert process.poll() is None, "ibm ended before its starting handler was in place"
        assert time.monotonic() < deadline, "the starting handler never announced itself"
        time.sleep(0.02)


@pytest.mark.parametrize(("signum", "named"), [(signal.SIGINT, "Ctrl-C"), (signal.SIGTERM, "signāls SIGTERM"),
                                             (signal.SIGHUP, "signāls SIGHUP")])
def test_ctrl_c_or_a_signal_while_importing_is_latvian_and_status_1(tmp_path: Path, signum: int, named: str) -> None:
    """review7 R7-4: SIGTERM and SIGHUP (`kill PID`, `timeout`, a closed terminal) in the first second too – not
    Python's silent death with 143 – with the line naming the signal."""
    out = tmp_path / "jauna.xlsx"
    process, ready = _ibm(tmp_path, "migrate", str(tmp_path / "veca.xlsx"), "--out", str(out))
    try:
        _wait_for(ready, process)
        process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 1, (process.returncode, stderr)
    assert early_interrupt.message(signum) in stderr and f"Pārtraukts ({named}): komanda vēl nebija sākusi" in stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert stdout == "" and not out.exists()


def test_ctrl_c_while_python_m_imports_is_latvian_and_status_1(tmp_path: Path) -> None:
    """audit37 F7: `python -m generator.cli` (the README's other way to run it) is the command too – before, Ctrl-C
    in its first second ended in a KeyboardInterrupt traceback."""
    out = tmp_path / "jauna.xlsx"
    process, ready = _ibm(tmp_path, "migrate", str(tmp_path / "veca.xlsx"), "--out", str(out), as_module=True)
    try:
        _wait_for(ready, process)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 1, (process.returncode, stderr)
    assert MESSAGE in stderr and "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert stdout == "" and not out.exists()


def test_importing_the_package_elsewhere_leaves_ctrl_c_alone() -> None:
    """Only the `ibm` program gets the starting handler: a test run or a library user importing `generator` keeps
    Python's own KeyboardInterrupt."""
    import generator  # noqa: F401
    from generator import early_interrupt

    assert signal.getsignal(signal.SIGINT) is not early_interrupt._stop
    assert not early_interrupt.is_console_script()


@pytest.fixture
def sigint_saved():
    saved = signal.getsignal(signal.SIGINT)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, saved)
        early_interrupt._stopped.clear()


def test_hand_over_after_a_swallowed_stop_ends_the_run_silently(sigint_saved, capsys) -> None:  # noqa: ANN001
    """review6 F6: a Ctrl-C while starting whose SystemExit an import swallowed left SIGINT ignored (the SIG_IGN of
    ``_stop``) for the whole run; now hand_over ends the run with 1 and says nothing more."""
    signal.signal(signal.SIGINT, early_interrupt._stop)
    with pytest.raises(SystemExit) as stopped:
        early_interrupt._stop(signal.SIGINT, None)
    assert stopped.value.code == 1 and signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    assert capsys.readouterr().err == "\n" + MESSAGE + "\n"
    with pytest.raises(SystemExit) as ended:  # the SystemExit above swallowed (an import that catches everything)
        early_interrupt.hand_over()
    assert ended.value.code == 1
    assert capsys.readouterr() == ("", "")  # the message was said once, by _stop


def test_hand_over_gives_ctrl_c_back_but_keeps_a_parents_sig_ign(sigint_saved) -> None:  # noqa: ANN001
    signal.signal(signal.SIGINT, early_interrupt._stop)
    early_interrupt.hand_over()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # `ibm … &` in a shell script: the parent's choice
    early_interrupt.hand_over()
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN


@pytest.fixture
def signals_saved():
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, *early_interrupt.SIGNALS)}
    try:
        yield
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
        early_interrupt._stopped.clear()


def test_hand_over_gives_sigterm_and_sighup_back_to_the_default_but_keeps_a_parents_sig_ign(signals_saved) -> None:  # noqa: ANN001
    """After the start, SIGTERM and SIGHUP are the command's (interrupts.signals_as_ctrl_c replaces only the default);
    a parent's SIG_IGN (`nohup ibm …`) is kept from the start on."""
    for signum in early_interrupt.SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    early_interrupt.install()
    assert all(signal.getsignal(signum) is early_interrupt._stop for signum in early_interrupt.SIGNALS)
    early_interrupt.hand_over()
    assert all(signal.getsignal(signum) is signal.SIG_DFL for signum in early_interrupt.SIGNALS)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    early_interrupt.install()
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    early_interrupt.hand_over()
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN


def test_a_signal_while_starting_names_itself_and_silences_the_others(signals_saved, capsys) -> None:  # noqa: ANN001
    signal.signal(signal.SIGTERM, early_interrupt._stop)
    with pytest.raises(SystemExit) as stopped:
        early_interrupt._stop(signal.SIGTERM, None)
    assert stopped.value.code == 1
    assert capsys.readouterr().err == ("\nPārtraukts (signāls SIGTERM): komanda vēl nebija sākusi darbu; nekas netika "
                                       "mainīts.\n")
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN and signal.getsignal(signal.SIGINT) is signal.SIG_IGN
