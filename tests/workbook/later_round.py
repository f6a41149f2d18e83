"""Module-scoped fixtures for tests that print a filled matrix with a "jāprecizē" price on paper: the matrix is made
for a (test) children's round whose prices include a prefilled "jāprecizē" price, 2.1's (D22 on paper), and the
showcase's period lies in that round, so that the matrix's prices fit it (D61). A test module imports them
(``from tests.workbook.later_round import catalogue, day, params, templates``) in place of the session's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.reference.params import Params
from generator.workbook.writer import template_date, write_workbook
from tests.workbook.conftest import round_catalogue


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return round_catalogue(tmp_path_factory.mktemp("print-catalogue"))


@pytest.fixture(scope="module")
def day(catalogue: Catalogue) -> dt.date:
    return template_date(catalogue)


@pytest.fixture(scope="module")
def params(catalogue: Catalogue, day: dt.date) -> Params:
    return Params.from_catalogue(catalogue, day)


@pytest.fixture(scope="module")
def templates(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("print-templates")
    return {"liepaja": write_workbook(catalogue, folder / "ibm-matrica-liepaja.xlsx", "liepaja")}
