"""The test process's kept matrix template (tests/template_cache.py) is what the product makes: the same bytes as
a template written now, an expectation equal to a fresh one but with its own token, another template for another
catalogue, municipality or prices day."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.ministry import migrate, templates
from generator.workbook.version import template_version
from generator.workbook.writer import write_workbook
from tests import template_cache


def test_the_kept_template_is_the_template_written_now(catalogue: Catalogue, tmp_path: Path) -> None:
    assert templates.generate_template is template_cache._WRAPPED["generate"]  # installed by tests/conftest.py
    assert migrate.generate_template is templates.generate_template
    first = templates.generate_template(catalogue, tmp_path / "a" / "veidne.xlsx")
    again = templates.generate_template(catalogue, tmp_path / "b" / "cits-nosaukums.xlsx")
    assert again == tmp_path / "b" / "cits-nosaukums.xlsx"
    fresh = write_workbook(catalogue, tmp_path / "c" / "veidne.xlsx")
    assert first.read_bytes() == again.read_bytes() == fresh.read_bytes()
    assert template_cache.kept_template(catalogue, tmp_path / "h.xlsx").read_bytes() == fresh.read_bytes()
    municipality = catalogue.pilot_municipalities()[0].id
    own = templates.generate_template(catalogue, tmp_path / "d.xlsx", municipality)
    assert own.read_bytes() == write_workbook(catalogue, tmp_path / "e.xlsx", municipality).read_bytes()
    assert own.read_bytes() != fresh.read_bytes()
    day = dt.date(2023, 4, 1)
    dated = templates.generate_template(catalogue, tmp_path / "f.xlsx", None, day)
    assert dated.read_bytes() == write_workbook(catalogue, tmp_path / "g.xlsx", None, day).read_bytes()


def test_another_catalogue_gets_its_own_template(catalogue: Catalogue, tmp_path: Path) -> None:
    shutil.copytree(DEFAULT_CATALOGUE, tmp_path / "catalogue")
    programme = tmp_path / "catalogue" / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8") + "\n# cita versija\n", encoding="utf-8")
    other = load_or_raise(tmp_path / "catalogue")
    assert template_version(other) != template_version(catalogue)
    made = templates.generate_template(other, tmp_path / "cits.xlsx")
    assert made.read_bytes() == write_workbook(other, tmp_path / "tiesi.xlsx").read_bytes()
    assert made.read_bytes() != templates.generate_template(catalogue, tmp_path / "sis.xlsx").read_bytes()


def test_a_kept_expectation_is_a_fresh_copy(catalogue: Catalogue, tmp_path: Path) -> None:
    path = write_workbook(catalogue, tmp_path / "veidne.xlsx")
    version = template_version(catalogue)
    first, entry = templates.describe(path, version)
    again, entry_again = templates.describe(path, version)
    real, real_entry = template_cache._WRAPPED["describe_real"](path, version)
    assert first == again == real and entry == entry_again == real_entry
    assert len({first.token, again.token, real.token}) == 3  # a new run's expectation has proven nothing yet
    assert again is not first and again.digests is not first.digests
    again.digests[next(iter(again.digests))].add("iemācīts")
    assert templates.describe(path, version)[0] == real  # what one copy learns, the next one does not know


def test_a_template_the_other_worker_kept_is_taken_for_its_own_key_alone(catalogue: Catalogue, tmp_path: Path,
                                                                         monkeypatch) -> None:  # noqa: ANN001
    """A new process (nothing written yet) with the session's shared folder: a file another worker kept for the same
    key is what it writes (here marker bytes, to see that it was taken); another municipality's template is built
    and kept there for the other worker, the same bytes as a template written now."""
    monkeypatch.setattr(template_cache, "_WRITTEN", {})
    monkeypatch.setattr(template_cache, "_SHARED", {"folder": None})
    template_cache.share(tmp_path / "kopigs")
    first, second = (m.id for m in catalogue.pilot_municipalities()[:2])
    day = dt.date(2023, 4, 1)
    kept = template_cache._shared_file((template_version(catalogue, day), first, day))
    assert kept is not None
    kept.write_bytes(b"otra procesa veidne")
    assert templates.generate_template(catalogue, tmp_path / "a.xlsx", first, day).read_bytes() == b"otra procesa veidne"
    own = templates.generate_template(catalogue, tmp_path / "b.xlsx", second, day).read_bytes()
    assert own == write_workbook(catalogue, tmp_path / "c.xlsx", second, day).read_bytes()
    assert sorted(p.read_bytes() for p in (tmp_path / "kopigs").iterdir()) == sorted([b"otra procesa veidne", own])
    assert templates.generate_template(catalogue, tmp_path / "d.xlsx", None, day).read_bytes() != b"otra procesa veidne"


def test_a_migrators_template_book_is_the_fresh_files_book(catalogue: Catalogue, tmp_path: Path,
                                                          monkeypatch) -> None:  # noqa: ANN001
    """Each Migrator writes its template and reads it: the kept parsed book it gets is, for every municipality,
    prices day and catalogue, the book of a freshly written template, in an order where a wrong key would hand out
    the book read just before; a file that is no kept template's bytes is read anew and not kept."""
    from generator.ministry.migrate import Migrator
    from tests.ministry.factory import changed_catalogue

    monkeypatch.setattr(template_cache, "_PARSED", type(template_cache._PARSED)())
    read_real = template_cache._WRAPPED["read_real"]
    other = changed_catalogue(DEFAULT_CATALOGUE, tmp_path / "cits-katalogs")  # two new dated prices
    first, second = (m.id for m in catalogue.pilot_municipalities()[:2])
    day = dt.date(2023, 4, 1)
    wanted = [(catalogue, first, None), (catalogue, second, None), (catalogue, first, day), (other, first, None),
              (other, None, None)]
    for round_ in range(2):  # the second Migrators take the kept books
        with Migrator(catalogue) as own, Migrator(other) as theirs:
            for i, (cat, municipality, when) in enumerate(wanted):
                path, book = (own if cat is catalogue else theirs).template(municipality, when)
                fresh = write_workbook(cat, tmp_path / f"svaiga-{round_}-{i}.xlsx", municipality, when)
                assert path.read_bytes() == fresh.read_bytes(), (municipality, when, cat.root)
                assert book == dataclasses.replace(read_real(fresh), path=path), (municipality, when, cat.root)
    assert len(template_cache._PARSED) == len(wanted)
    untouched = write_workbook(catalogue, tmp_path / "cita-diena.xlsx", None, dt.date(2023, 5, 1))
    assert migrate.read_xlsx(untouched) == read_real(untouched)
    assert len(template_cache._PARSED) == len(wanted)  # not a template this process wrote: read, not kept


def test_the_kept_books_are_bounded(catalogue: Catalogue, monkeypatch) -> None:  # noqa: ANN001
    from generator.ministry.migrate import Migrator

    monkeypatch.setattr(template_cache, "_PARSED", type(template_cache._PARSED)())
    monkeypatch.setattr(template_cache, "PARSED_KEPT", 1)
    for municipality in (m.id for m in catalogue.pilot_municipalities()[:3]):
        with Migrator(catalogue) as m:
            m.template(municipality)
    assert len(template_cache._PARSED) == 1
