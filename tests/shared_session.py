"""Expensive session data made once even when xdist workers share its tests (a file lock and a pickle)."""

from __future__ import annotations

import fcntl
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")


def shared(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str,
           make: Callable[[Path], T]) -> T:
    """``make(folder)`` once per session; with xdist the first worker makes it under a file lock in the
    session's common temporary folder, the others wait for it and load the pickled result."""
    if worker_id == "master":
        return make(tmp_path_factory.mktemp(name))
    root = tmp_path_factory.getbasetemp().parent / f"shared-{name}"
    root.mkdir(exist_ok=True)
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = root / "result.pickle"
        if done.exists():
            return pickle.loads(done.read_bytes())
        value = make(root)
        done.write_bytes(pickle.dumps(value))
        return value
