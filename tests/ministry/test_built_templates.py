"""The templates `ibm migrate` keeps for the process (generator/ministry/built_templates.py) are never another
input's: two municipalities, two prices days and two catalogue states in one process each get their own template,
byte for byte a fresh build, and its parsed book is the fresh file's; a later Migrator takes a kept one without
building it again."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.ministry import built_templates, migrate
from generator.ministry.migrate import Migrator
from generator.ministry.xlsxread import read_xlsx
from generator.workbook.issue_days import template_date
from generator.workbook.writer import write_workbook
from tests.ministry.factory import changed_catalogue


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str | None, dt.date]]:
    """An empty store for this test, and the (municipality, day) of every template the Migrators really build."""
    monkeypatch.setattr(built_templates, "_KEPT", type(built_templates._KEPT)())
    calls: list[tuple[str | None, dt.date]] = []
    generate = migrate.generate_template

    def counted(catalogue, path, municipality=None, day=None):  # noqa: ANN001, ANN202 - generate_template's
        calls.append((municipality, day))
        return generate(catalogue, path, municipality, day)

    monkeypatch.setattr(migrate, "generate_template", counted)
    return calls


def test_each_input_gets_its_own_template_as_a_fresh_build(built, catalogue: Catalogue, tmp_path: Path) -> None:
    other = changed_catalogue(DEFAULT_CATALOGUE, tmp_path / "cits-katalogs")  # two new dated prices
    first, second = (m.id for m in catalogue.pilot_municipalities()[:2])
    default = template_date(catalogue)
    later = dt.date(2023, 4, 1)  # another prices day of the same catalogue (as tests/test_template_cache.py)
    assert later != default
    # in the order a wrong key would hand out the template made just before: the other municipality, the other
    # day, the other catalogue
    wanted = [(catalogue, first, default), (catalogue, second, default), (catalogue, first, later),
              (other, first, default), (other, None, default)]
    got = []
    with Migrator(catalogue) as a, Migrator(other) as b, Migrator(catalogue) as again, Migrator(other) as again_other:
        for cat, municipality, day in wanted:
            got.append((a if cat is catalogue else b).template(municipality, day))
        for i, ((cat, municipality, day), (path, book)) in enumerate(zip(wanted, got, strict=True)):
            fresh = write_workbook(cat, tmp_path / f"svaiga-{i}.xlsx", municipality, day)
            assert path.read_bytes() == fresh.read_bytes(), (municipality, day, cat.root)
            assert book == dataclasses.replace(read_xlsx(fresh), path=path)
        assert len(built) == len(wanted)
        # a later Migrator of the process (a second run) builds none of them again and gets the same files and books
        for (cat, municipality, day), (path, book) in zip(wanted, got, strict=True):
            kept_path, kept_book = (again if cat is catalogue else again_other).template(municipality, day)
            assert kept_path != path and kept_path.read_bytes() == path.read_bytes()
            assert kept_book == dataclasses.replace(book, path=kept_path)
    assert len(built) == len(wanted)


def test_the_store_is_bounded(built, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(built_templates, "KEPT", 1)
    first, second = (m.id for m in catalogue.pilot_municipalities()[:2])
    for municipality in (first, second, first):
        with Migrator(catalogue) as m:
            m.template(municipality)
    assert [municipality for municipality, _ in built] == [first, second, first]  # the first was let go
    assert len(built_templates._KEPT) == 1
