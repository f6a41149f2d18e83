"""Ctrl-C while the `ibm` process is still starting (Python importing the toolkit, about the first second): the
Latvian "Pārtraukts (Ctrl-C) …" and status 1, as later, never a KeyboardInterrupt traceback with status 130
(audit27 F3). SIGTERM and SIGHUP in that window likewise: "Pārtraukts (signāls SIGTERM) …" and status 1, not
Python's silent death with 143 (review7 R7-4), where nobody set a handler of their own. Installed by ``generator/__init__.py`` before any other import of the package when the program is the
`ibm` console script; ``IbmGroup.__call__`` (generator/cli.py) hands over to click's own handling once the
command line starts to run. Only the standard library here: this module is what runs first."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

MESSAGE = "Pārtraukts (Ctrl-C): komanda vēl nebija sākusi darbu; nekas netika mainīts."
# what a command takes as a Ctrl-C (generator/interrupts.py AS_CTRL_C; SIGHUP only where the system has it)
SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def message(signum: int) -> str:
    """MESSAGE, naming the signal when it was not Ctrl-C: "Pārtraukts (signāls SIGTERM): …"."""
    if signum == signal.SIGINT:
        return MESSAGE
    return MESSAGE.replace("(Ctrl-C)", f"(signāls {signal.Signals(signum).name})")
# tests only (tests/test_early_interrupt.py), and only under pytest: a new file to create, then a pause inside the
# import window; ignored elsewhere, and never overwrites a file that exists (review6 F7)
PAUSE_ENV = "IBM_TEST_ONLY_PAUSE_AT_START"


_stopped: list[bool] = []  # set by _stop: the message is out and the run is to end with 1 (review6 F6)


def _stop(signum: int, frame: object) -> None:
    _stopped.append(True)
    for other in (signal.SIGINT, *SIGNALS):  # a second Ctrl-C or signal cannot cut the message short
        if other == signal.SIGINT or signal.getsignal(other) is _stop:
            signal.signal(other, signal.SIG_IGN)
    sys.stderr.write("\n" + message(signum) + "\n")
    sys.stderr.flush()
    raise SystemExit(1)  # through the imports under way: the interpreter ends with 1 and prints nothing more


def is_console_script() -> bool:
    """The `ibm` program itself on its main thread – not a multiprocessing child of it: a spawn or forkserver worker
    gets the parent's ``sys.argv`` before it imports the package, and Ctrl-C there is its pool's (review6 F3)."""
    name = os.path.basename(sys.argv[0]) if sys.argv else ""
    if not (name in ("ibm", "ibm.exe") or _run_as_module()) or threading.current_thread() is not threading.main_thread():
        return False
    multiprocessing = sys.modules.get("multiprocessing")  # the real console script has not imported it yet
    return multiprocessing is None or multiprocessing.parent_process() is None


def _run_as_module() -> bool:
    """`python -m generator.cli …`, the README's other way to run the command (audit37 F7): while Python finds the
    module it imports this package with ``sys.argv[0]`` set to "-m"; the interpreter's own command line names it."""
    orig = getattr(sys, "orig_argv", [])
    return bool(sys.argv) and sys.argv[0] == "-m" and any(
        a == "-m" and b == "generator.cli" for a, b in zip(orig, orig[1:], strict=False))


def install() -> None:
    """The starting handler, when nobody has replaced Python's default one (an embedding program keeps its own)."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _stop)
    for signum in SIGNALS:  # only Python's default (death): a parent's SIG_IGN (`nohup ibm …`) stays
        if signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, _stop)
    ready = os.environ.get(PAUSE_ENV)
    if ready and "PYTEST_CURRENT_TEST" in os.environ:  # a deterministic window for the test to send SIGINT in
        try:
            with open(ready, "x", encoding="utf-8"):
                pass
        except OSError:
            return
        time.sleep(60)


def hand_over() -> None:
    """The command line starts: Ctrl-C is click's from here on (its Latvian "Pārtraukts …" ending). If a Ctrl-C
    already stopped the start but its SystemExit was swallowed on the way (an import that catches everything),
    the run ends here with 1 and nothing more said – before, it went on with the SIG_IGN ``_stop`` leaves, Ctrl-C
    ignored throughout (review6 F6). Otherwise Python's handler replaces ``_stop``; a SIG_IGN ``_stop`` did not
    set is the parent's (a background job of a shell script) and stays."""
    if _stopped:
        raise SystemExit(1)
    if signal.getsignal(signal.SIGINT) is _stop:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    for signum in SIGNALS:  # back to the default, which interrupts.signals_as_ctrl_c then replaces
        if signal.getsignal(signum) is _stop:
            signal.signal(signum, signal.SIG_DFL)
