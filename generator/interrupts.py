"""Ctrl-C in the commands that write (`ibm collect`, `ibm build`, `ibm documents`): the first one stops the
command, later ones cannot cut its clean-up short, and a few short steps (forking collect's reading processes,
swapping the outputs in, removing the temporary folder) finish before an interrupt that came meanwhile is taken."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def interrupt_once() -> Callable[[], None]:
    """Ctrl-C stops the command once: the first SIGINT raises KeyboardInterrupt (click then prints the Latvian
    "Pārtraukts …" and exits with 1) and every later one is ignored, so a second Ctrl-C cannot cut short the
    clean-up the first one set off (workers stopped, the temporary folder removed, previous outputs moved back)
    or the message. Returns what puts the previous handler back; after an interrupt it keeps ignoring them."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.getsignal(signal.SIGINT)
    interrupted: list[bool] = []

    def first(signum: int, frame: object) -> None:
        interrupted.append(True)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    def restore() -> None:
        if not interrupted:
            signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)

    signal.signal(signal.SIGINT, first)
    return restore


@contextmanager
def interrupts_held() -> Iterator[None]:
    """A Ctrl-C that comes meanwhile is only noted, and taken (by the handler that was there) on leaving. Processes
    forked meanwhile inherit the noting handler until they set their own (collect._init_worker)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    came: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, _frame: came.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
        if came and callable(previous):
            previous(signal.SIGINT, None)
