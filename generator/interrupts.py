"""Ctrl-C in the commands that write (`ibm collect`, `ibm build`, `ibm documents`): the first one stops the
command, later ones cannot cut its clean-up short, and a few short steps (forking collect's reading processes,
swapping the outputs in, removing the temporary folder) finish before an interrupt that came meanwhile is taken
– or, for the final swap, dropped: once the new outputs are in place the run is complete (D133)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


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
        raise KeyboardInterrupt

    def restore() -> None:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)

    signal.signal(signal.SIGINT, first)
    return restore


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
