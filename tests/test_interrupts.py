"""generator/interrupts.py: only the first Ctrl-C stops a command, and one that comes while interrupts are held (a
swap of the outputs, the removal of the temporary folder) is taken on leaving, not in the middle."""

from __future__ import annotations

import os
import signal
import time

import pytest

from generator.interrupts import interrupt_once, interrupts_held


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
