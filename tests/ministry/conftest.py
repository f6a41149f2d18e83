"""Fixtures of the ministry tests: a pseudonym key, the current template, a folder of filled matrices."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from tests.ministry.factory import Child, generic_template, make_children, write_children

KEY = b"testa-atslega-tikai-testiem-0123456789"


@pytest.fixture
def key_env(monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.setenv("IBM_PSEUDONIMA_ATSLEGA", KEY.decode())
    return KEY


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Path:
    return generic_template(catalogue, tmp_path_factory.mktemp("veidne"))


@pytest.fixture(scope="module")
def small_folder(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue, template: Path) -> tuple[
        Path, list[Child]]:
    """Twelve usable filled matrices in municipality folders."""
    folder = tmp_path_factory.mktemp("matricas")
    children = make_children(catalogue, 12, seed=71)
    return folder, write_children(catalogue, template, children, folder)
