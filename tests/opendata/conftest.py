"""The open data of the real catalogue, rendered once per test module that reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.opendata.export import render_open_data


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Path:
    """`ibm build`'s atvertie-dati/ folder, for tests that only read it."""
    out = tmp_path_factory.mktemp("open")
    render_open_data(catalogue, out, progress=lambda _m: None)
    return out / "atvertie-dati"
