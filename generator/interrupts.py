"""Ctrl-C in the commands that write (`ibm collect`, `ibm build`, `ibm documents`): the first one stops the
command, later ones cannot cut its clean-up short, and a few short steps (forking collect's reading processes,
swapping the outputs in, removing the temporary folder) finish before an interrupt that came meanwhile is taken
– or, for the final swap, dropped: once the new outputs are in place the run is complete (D133).
Around the whole command line (``whole_command_line``, IbmGroup) the handler a command replaced comes back only
once click has printed its message and decided the status, and in the `ibm` process itself never: SIGINT stays
ignored while the process ends.
SIGTERM and SIGHUP (`kill PID`, a systemd stop, `timeout 60 ibm …`, a closed terminal) take Ctrl-C's path in the `ibm`
process (``signals_as_ctrl_c``): the same clean-up, status and message, which names the signal instead of Ctrl-C."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

_lines: list[list[Callable[[], None]]] = []  # per running command line: the handlers to put back at its end
AS_CTRL_C = (signal.SIGTERM, signal.SIGHUP)  # what a command takes as a Ctrl-C in the `ibm` process
_received: list[str] = []  # the first interrupt the running command line took, by name ("SIGINT": Ctrl-C)
_installed_in: list[int] = [0]  # the process that installed _as_ctrl_c


def received(*, first_word: bool = False) -> str:
    """What stopped the command, as the Latvian messages name it: "Ctrl-C" or "signāls SIGTERM"."""
    if not _received or _received[0] == "SIGINT":
        return "Ctrl-C"
    return f"{'Signāls' if first_word else 'signāls'} {_received[0]}"


def _taken(signum: int) -> None:
    if not _received:
        _received.append(signal.Signals(signum).name)


def _as_ctrl_c(signum: int, frame: object) -> None:
    if os.getpid() != _installed_in[-1]:  # a forked child before it set its own handlers: Python's default, death
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    if _received:  # the command is already stopping: as a second Ctrl-C
        return
    handler = signal.getsignal(signal.SIGINT)
    _taken(signum)
    if callable(handler):
        handler(signal.SIGINT, frame)
    else:  # SIGINT ignored since the start (`ibm … &` in a script) or the default: `kill PID` must still stop it
        raise KeyboardInterrupt


def signals_as_ctrl_c() -> None:
    """In the `ibm` process (IbmGroup.__call__, not CliRunner): SIGTERM and SIGHUP do what Ctrl-C does at that
    moment – the handler SIGINT has then (stop once, only noted while held, ignored once stopping) – instead of
    killing Python at once and leaving the temporary folder behind. A process forked meanwhile (collect's reading
    processes, whose pool ends them with SIGTERM) dies by the signal as by default. Only where nobody set a
    handler of their own."""
    if threading.current_thread() is not threading.main_thread():
        return
    _installed_in[-1] = os.getpid()
    _received.clear()
    for signum in AS_CTRL_C:
        if signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, _as_ctrl_c)


def interrupt_once() -> Callable[[], None]:
    """Ctrl-C stops the command once: the first SIGINT raises KeyboardInterrupt (click then prints the Latvian
    "Pārtraukts …" and exits with 1) and every later one is ignored, so a second Ctrl-C cannot cut short the
    clean-up the first one set off (workers stopped, the temporary folder removed, previous outputs moved back)
    or the message. Returns what puts the previous handler back – always, also after an interrupt: click calls it
    once the command and its clean-up are over, and a caller in the same process (a test, a library user) must
    be stoppable with Ctrl-C again."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.getsignal(signal.SIGINT)

    def first(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _taken(signum)  # (a SIGTERM passed on by _as_ctrl_c is already noted as such)
        raise KeyboardInterrupt

    def put_back() -> None:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)

    def restore() -> None:
        if _lines:  # within a command line: at its very end (whole_command_line)
            _lines[-1].append(put_back)
        else:
            put_back()

    signal.signal(signal.SIGINT, first)
    return restore


@contextmanager
def whole_command_line(*, process: bool) -> Iterator[None]:
    """Around click's whole ``main``: what ``interrupt_once`` replaced comes back only after click's own ending
    (the blank line, "Pārtraukts …", the exit status) – a second Ctrl-C there would cut the message off. Around
    the whole `ibm` process (``process``: the console script, ``main()``) it does not come back at all: Python's
    finalization puts a SIGINT handler written in Python back to the default, so a Ctrl-C while the process ends
    would kill it by the signal instead of letting it exit with the status already decided. Nested: the outer one
    decides."""
    if threading.current_thread() is not threading.main_thread() or _lines:
        yield
        return
    deferred: list[Callable[[], None]] = []
    _lines.append(deferred)
    _received.clear()  # a new command line: nothing taken yet
    try:
        yield
    finally:
        _lines.pop()
        if process and deferred:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            for signum in AS_CTRL_C:  # taken as Ctrl-C: ignored too (a Python handler is the default once ending)
                if signal.getsignal(signum) is _as_ctrl_c:
                    signal.signal(signum, signal.SIG_IGN)
        else:
            for put_back in reversed(deferred):
                put_back()


@dataclass
class Held:
    """Whether a Ctrl-C came while interrupts were held."""

    came: bool = False


@contextmanager
def interrupts_held(*, take: bool = True) -> Iterator[Held]:
    """A Ctrl-C that comes meanwhile is only noted (``Held.came``) and, with ``take``, taken by the handler that
    was there on leaving; without ``take`` it is the caller's to act on (the final swap: the run is complete).
    Processes forked meanwhile inherit the noting handler until they set their own (collect._init_worker)."""
    held = Held()
    if threading.current_thread() is not threading.main_thread():
        yield held
        return
    previous = signal.getsignal(signal.SIGINT)

    def note(signum: int, frame: object) -> None:
        held.came = True

    signal.signal(signal.SIGINT, note)
    try:
        yield held
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
        if held.came and take and callable(previous):
            previous(signal.SIGINT, None)
