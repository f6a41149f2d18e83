"""Expensive session data made once even when xdist workers share its tests (a file lock and a pickle), and the
workers' common folder of kept files (written whole or not at all)."""

from __future__ import annotations

import fcntl
import os
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


def session_folder(config: pytest.Config, tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """The folder ``name`` that every process of the session sees: the xdist workers' common root, or the session's
    own temporary folder without xdist."""
    root = tmp_path_factory.getbasetemp()
    return root.parent / name if hasattr(config, "workerinput") else root / name


def write_whole(path: Path, data: bytes) -> None:
    """``data`` into ``path`` under a temporary name, then renamed into place: a reader in another process sees the
    whole file or none; the temporary file is removed if the write fails."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
