"""Fixtures of the ministry tests: a pseudonym key, the current template, a folder of filled matrices.

Expensive data (the 100-matrix pilot, the LibreOffice batch) is made once per test session, even when
xdist workers share its tests: ``shared`` builds it under a file lock in the session's common temporary
folder and the other workers load the pickled result.
"""

from __future__ import annotations

import fcntl
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from generator.catalogue.catalogue import Catalogue
from tests.ministry.factory import Child, generic_template, make_children, write_children

KEY = b"testa-atslega-tikai-testiem-0123456789"
T = TypeVar("T")


def shared(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str,
           make: Callable[[Path], T]) -> T:
    """``make(folder)`` once per session; with xdist the first worker makes it, the others load it."""
    if worker_id == "master":
        return make(tmp_path_factory.mktemp(name))
    root = tmp_path_factory.getbasetemp().parent / f"ministry-{name}"
    root.mkdir(exist_ok=True)
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = root / "result.pickle"
        if done.exists():
            return pickle.loads(done.read_bytes())
        value = make(root)
        done.write_bytes(pickle.dumps(value))
        return value


@pytest.fixture
def key_env(monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.setenv("IBM_PSEUDONIMA_ATSLEGA", KEY.decode())
    return KEY


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Path:
    return generic_template(catalogue, tmp_path_factory.mktemp("veidne"))


@pytest.fixture(scope="session")
def small_folder(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue, template: Path) -> tuple[
        Path, list[Child]]:
    """Twelve usable filled matrices in municipality folders."""
    folder = tmp_path_factory.mktemp("matricas")
    children = make_children(catalogue, 12, seed=71)
    return folder, write_children(catalogue, template, children, folder)
