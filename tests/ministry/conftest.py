"""Fixtures of the ministry tests: a pseudonym key, the current template, a folder of filled matrices.

Expensive data (the 100-matrix pilot, the LibreOffice batch) is made once per test session, even when
xdist workers share its tests: ``shared`` builds it under a file lock in the session's common temporary
folder and the other workers load the pickled result.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.ministry import matrix as matrix_module
from generator.ministry import migrate as migrate_module
from generator.ministry.xlsxread import XlsxBook, read_xlsx
from tests.ministry.factory import Child, generic_template, in_next_period, make_children, write_children
from tests.shared_session import shared

KEY = b"testa-atslega-tikai-testiem-0123456789"


@pytest.fixture
def read_once(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], XlsxBook]:
    """``read_xlsx`` for the whole workbook, parsed once per content: the migrator reads the old file and its
    staged new file, the test reads the old file and the new file (the staged one, renamed) again. A book is
    kept by the SHA-256 of the file's bytes and handed out once more (with the asked path), so a second read
    of the same bytes costs a hash instead of a parse and a changed file is parsed anew."""
    kept: dict[bytes, XlsxBook] = {}

    def read(path: Path, sheets=None) -> XlsxBook:  # noqa: ANN001 - read_xlsx's signature
        if sheets is not None:
            return read_xlsx(path, sheets)
        digest = hashlib.sha256(Path(path).read_bytes()).digest()
        book = kept.pop(digest, None)
        if book is None:
            book = kept[digest] = read_xlsx(path)
        return dataclasses.replace(book, path=path)

    monkeypatch.setattr(matrix_module, "read_xlsx", read)
    monkeypatch.setattr(migrate_module, "read_xlsx", read)
    return read


@pytest.fixture
def key_env(monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.setenv("IBM_PSEUDONIMA_ATSLEGA", KEY.decode())
    return KEY


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Path:
    return generic_template(catalogue, tmp_path_factory.mktemp("veidne"))


@pytest.fixture(scope="session")
def small_folder(tmp_path_factory: pytest.TempPathFactory, worker_id: str, catalogue: Catalogue, template: Path
                 ) -> tuple[Path, list[Child]]:
    """Twelve usable filled matrices of one reporting period in municipality folders: made once per session, both
    xdist workers read the same files (tests/shared_session.py); a test that changes a matrix changes its own copy
    (factory.copy_children), never this folder."""
    def make(root: Path) -> tuple[Path, list[Child]]:
        children = make_children(catalogue, 12, seed=71, one_period=True)
        return root / "matricas", write_children(catalogue, template, children, root / "matricas")

    return shared(tmp_path_factory, worker_id, "small-folder", make)


@pytest.fixture(scope="session")
def later_folder(tmp_path_factory: pytest.TempPathFactory, worker_id: str, catalogue: Catalogue, template: Path,
                 small_folder: tuple[Path, list[Child]]) -> tuple[Path, list[Child]]:
    """Four of ``small_folder``'s plans one reporting period later: a collection whose --previous folder is
    ``small_folder`` (D222: the previous folder holds the period just before the collected one); made once per
    session, as ``small_folder``."""
    def make(root: Path) -> tuple[Path, list[Child]]:
        moved = in_next_period(catalogue, small_folder[1][:4])
        return root / "nakamais-periods", write_children(catalogue, template, moved, root / "nakamais-periods")

    return shared(tmp_path_factory, worker_id, "later-folder", make)


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    """The pseudonym key file of one test's collect or documents run (KEY)."""
    path = tmp_path / "atslega.txt"
    path.write_bytes(KEY)
    return path
