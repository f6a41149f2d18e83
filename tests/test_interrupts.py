"""generator/interrupts.py: only the first Ctrl-C stops a command, and one that comes while interrupts are held (a
swap of the outputs, the removal of the temporary folder) is taken on leaving, not in the middle."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import cli_lv, interrupts
from generator.cli_lv import TEXTS
from generator.interrupts import interrupt_once, interrupts_held, whole_command_line
from generator.replace_file import LATE_FORM, late_interrupt

REPO = Path(__file__).resolve().parents[1]
# A writing command stopped by Ctrl-C, and the same Ctrl-C key pressed again at every line click then writes to
# stderr and once more while the process ends (an object of __main__ is deleted only after Python has put its
# SIGINT handlers back to the default): as a second Ctrl-C that comes late, not 20 ms after the first.
_LATE_CTRL_C = """
import os, signal, sys, time
import click
from generator.cli import main
from generator.interrupts import interrupt_once

class Stderr:
    def __init__(self, real):
        self.real = real
    def write(self, text):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
        return self.real.write(text)
    def __getattr__(self, name):
        return getattr(self.real, name)

class WhileEnding:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.2)
        os.write(2, b"beigas\\n")

while_ending = WhileEnding()

@main.command("proba")
def proba():
    click.get_current_context().call_on_close(interrupt_once())
    sys.stderr = Stderr(sys.stderr)
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)

main(["proba"])
"""


def test_only_the_first_interrupt_stops_and_the_handler_comes_back_after_one_too() -> None:
    """Before: after an interrupt restore() left SIGINT ignored for good, so a test (or any caller in the same
    process) could no longer be stopped with Ctrl-C."""
    default = signal.getsignal(signal.SIGINT)
    restore = interrupt_once()
    try:
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
        os.kill(os.getpid(), signal.SIGINT)  # ignored: the clean-up and the message are not cut short
        time.sleep(0.05)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # until the command is over
        restore()
        assert signal.getsignal(signal.SIGINT) is default
    finally:
        signal.signal(signal.SIGINT, default)
    restore = interrupt_once()
    restore()
    assert signal.getsignal(signal.SIGINT) is default


def test_an_interrupt_while_held_is_taken_on_leaving_not_in_the_middle() -> None:
    """The swap of the outputs and the removal of the temporary folder (output.py) are never cut in the middle."""
    default = signal.getsignal(signal.SIGINT)
    restore = interrupt_once()
    steps: list[str] = []
    try:
        with pytest.raises(KeyboardInterrupt):
            with interrupts_held():
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(0.05)
                steps.append("swapped")
            steps.append("after")
        assert steps == ["swapped"]
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # the first interrupt was taken; later ones ignored
    finally:
        restore()
        signal.signal(signal.SIGINT, default)


def test_an_interrupt_held_without_take_is_only_noted() -> None:
    """The final swap (replace_file.swap_final): a Ctrl-C meanwhile is the caller's to act on, not raised."""
    default = signal.getsignal(signal.SIGINT)
    restore = interrupt_once()
    try:
        with interrupts_held(take=False) as held:
            assert not held.came
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
        assert held.came
        with interrupts_held(take=False) as quiet:
            pass
        assert not quiet.came
        with pytest.raises(KeyboardInterrupt):  # the command's handler is back: the next Ctrl-C stops it
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
    finally:
        restore()
        signal.signal(signal.SIGINT, default)


def test_a_late_second_ctrl_c_neither_cuts_the_message_nor_kills_the_ibm_process() -> None:
    """Before: the command's handler came back when click closed the command, before its message, so a second
    Ctrl-C that came late (the machine under load) cut "Pārtraukts …" off; once Python was finalizing, SIGINT was
    back at the default and killed the process by the signal instead of exit 1 (the flaky collect test)."""
    run = subprocess.run([sys.executable, "-c", _LATE_CTRL_C], cwd=REPO, text=True, capture_output=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    assert run.returncode == 1, run.stderr
    lines = run.stderr.rstrip("\n").splitlines()
    assert lines[-2:] == [TEXTS["Aborted!"], "beigas"], run.stderr  # the message, then the end of the process
    assert "Traceback" not in run.stderr and "KeyboardInterrupt" not in run.stderr, run.stderr


def test_in_the_same_process_the_handler_comes_back_after_the_whole_command_line() -> None:
    """CliRunner and library callers (``main`` in-process): the handler is back once click is over, not before."""
    default = signal.getsignal(signal.SIGINT)
    try:
        with whole_command_line(process=False):
            restore = interrupt_once()
            with pytest.raises(KeyboardInterrupt):
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(1)
            restore()  # click closes the command
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # its message is still to come
        assert signal.getsignal(signal.SIGINT) is default
        with whole_command_line(process=True):
            interrupt_once()()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # the `ibm` process ends ignoring Ctrl-C
    finally:
        signal.signal(signal.SIGINT, default)


@pytest.fixture
def as_ctrl_c():
    """SIGTERM and SIGHUP taken as Ctrl-C in this process for one test, and everything put back after it."""
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, *interrupts.AS_CTRL_C)}
    for signum in interrupts.AS_CTRL_C:
        signal.signal(signum, signal.SIG_DFL)
    interrupts.signals_as_ctrl_c()
    try:
        yield
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
        interrupts._received.clear()


def test_sigterm_takes_the_path_ctrl_c_has_at_that_moment(as_ctrl_c) -> None:  # noqa: ANN001
    """Before: SIGTERM killed Python at once (no clean-up, no message). Now it is the Ctrl-C of that moment: only
    noted while held, taken on leaving, later ones ignored while the command stops – and the message names it."""
    assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    assert cli_lv._lv("Aborted!") == TEXTS["Aborted!"]  # nothing received yet: Ctrl-C
    restore = interrupt_once()
    try:
        with pytest.raises(KeyboardInterrupt), interrupts_held() as held:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)
            assert held.came  # still inside: the held step is not cut short
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        os.kill(os.getpid(), signal.SIGHUP)  # ignored now, as a second Ctrl-C
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.05)
    finally:
        restore()
    assert cli_lv._lv("Aborted!") == cli_lv.STOPPED.format(cause="signāls SIGTERM")
    assert late_interrupt() == LATE_FORM.format(cause="Signāls SIGTERM")


def test_sigterm_stops_a_command_whose_ctrl_c_was_ignored_from_the_start(as_ctrl_c) -> None:  # noqa: ANN001
    """`ibm serve &` in a shell script starts with SIGINT ignored: `kill PID` must still stop it (before this
    change's fix it was passed on to the ignored SIGINT and the process ran on)."""
    interrupts._received.clear()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)
    assert interrupts.received() == "signāls SIGTERM"


def test_a_forked_child_dies_by_sigterm_as_by_default(as_ctrl_c) -> None:  # noqa: ANN001
    """A process forked by the `ibm` process (collect's reading processes) before it set its own handlers: its pool
    ends it with SIGTERM, which must not be taken as a Ctrl-C there (a child ignoring it would hang the pool)."""
    ready, started = os.pipe()
    with interrupts_held():  # as collect forks its readers: SIGINT only noted
        pid = os.fork()
        if pid == 0:  # the child: say it runs, then wait for the signal
            os.write(started, b"1")
            time.sleep(30)
            os._exit(0)
    assert os.read(ready, 1) == b"1"
    os.close(ready)
    os.close(started)
    os.kill(pid, signal.SIGTERM)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM
