"""A matrix of the layout issued before the layout revision existed (registry version 2023-04-01+d2043a76,
the template of commit e914c29, rebuilt from git history) is collected as an older registered version and
migrated onto the current template version (catalogue version + LAYOUT_REVISION)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.ministry.collect import Options, collect
from generator.ministry.matrix import Matrix
from generator.ministry.migrate import Migrator
from generator.ministry.templates import TemplateSource
from generator.workbook.version import template_version
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, make_children, write_children
from tests.ministry.test_migrate_old_template import old_template

PREVIOUS_COMMIT = "e914c29"
PREVIOUS_VERSION = "2023-04-01+d2043a76"


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> tuple[Path, list[Child]]:
    folder = tmp_path_factory.mktemp("iepriekseja-veidne")
    template = old_template(folder, PREVIOUS_COMMIT)
    children = make_children(catalogue, 2, seed=202)
    return folder / "matricas", write_children(catalogue, template, children, folder / "matricas")


def test_a_previous_layout_matrix_is_collected_as_an_older_registered_version(previous, catalogue: Catalogue) -> None:  # noqa: ANN001
    folder, children = previous
    current = template_version(catalogue)
    assert all(Matrix.open(c.path).scalar("IBM_Versija") == PREVIOUS_VERSION for c in children)
    result = collect(folder, catalogue, KEY, Options(jobs=1), templates=TemplateSource(catalogue))
    assert len(result.records) == len(children) and not result.refused, result.refused
    notes = [n for n in result.notes if "nav pašreizējā" in n]
    # a person reads the versions without an ISO date (D32); the raw ids stay out of the note
    old, new = lvformat.version(PREVIOUS_VERSION), lvformat.version(current)
    assert notes and all(f"versija {old} " in n and f"nav pašreizējā {new}" in n and PREVIOUS_VERSION not in n
                         for n in notes), result.notes


def test_a_previous_layout_matrix_is_migrated_to_the_current_version(previous, catalogue: Catalogue,  # noqa: ANN001
                                                                     tmp_path: Path) -> None:
    _, children = previous
    current = template_version(catalogue)
    out = tmp_path / "jauna" / "matrica.xlsx"
    out.parent.mkdir()
    with Migrator(catalogue) as migrator:
        report = migrator.migrate(children[0].path, out)
    assert (report.old_version, report.new_version) == (PREVIOUS_VERSION, current)
    assert report.carried > 0
    assert Matrix.open(out).scalar("IBM_Versija") == current
    again = collect(out.parent, catalogue, KEY, Options(jobs=1), templates=TemplateSource(catalogue))
    assert len(again.records) == 1 and not again.refused, again.refused
    assert not [n for n in again.notes if "nav pašreizējā" in n], again.notes
