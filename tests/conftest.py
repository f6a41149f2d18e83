"""Shared fixtures: the real catalogue, and throw-away copies of it for tests that change data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_or_raise(DEFAULT_CATALOGUE)


@pytest.fixture
def catalogue_copy(tmp_path: Path) -> Path:
    """A private copy of catalogue/ that a test may change freely."""
    target = tmp_path / "catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    return target
