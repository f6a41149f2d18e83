"""The current template's expectation is made or loaded only where a file of that version is read: a
collection of older-version matrices never generates it, a worker that made it sends it back for the
cache, and a re-collection takes it from the cache (docs/benchmarks.md, 7. kārta)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.cli import main
from generator.ministry import templates as templates_module
from generator.ministry.collect import Options, collect
from generator.ministry.pseudonym import ENV_KEY
from generator.ministry.templates import TemplateSource, register_current
from generator.ministry.xlsxpatch import fill_by_names
from tests.ministry.conftest import KEY
from tests.ministry.factory import changed_catalogue


@pytest.fixture
def generated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The catalogue versions whose template this process generated."""
    made: list[str] = []
    real = templates_module.generate_template

    def generate(catalogue, path, municipality=None, day=None):  # noqa: ANN001, ANN202
        made.append(catalogue.version)
        return real(catalogue, path, municipality, day)

    monkeypatch.setattr(templates_module, "generate_template", generate)
    return made


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_older_version_files_never_make_the_current_template(small_folder, catalogue: Catalogue, tmp_path: Path,
                                                              generated: list[str]) -> None:
    folder, children = small_folder
    newer = changed_catalogue(DEFAULT_CATALOGUE, tmp_path / "catalogue")
    registry = tmp_path / "registrs.json"
    register_current(catalogue, registry)  # the small folder's version, now an older registered one
    generated.clear()
    result = collect(folder, newer, KEY, Options(jobs=1), templates=TemplateSource(newer, registry))
    assert len(result.records) == len(children) and not result.refused
    assert generated == [], "no file was of the current version"


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_template_made_by_a_worker_is_kept_for_the_next_run(small_folder, tmp_path: Path,
                                                             generated: list[str]) -> None:
    folder, children = small_folder
    work = tmp_path / "in"
    shutil.copytree(folder, work)
    out = tmp_path / "out" / "k.xlsx"
    env = {ENV_KEY: KEY.decode()}
    first = CliRunner().invoke(main, ["collect", str(work), "--out", str(out), "--jobs", "2"], env=env)
    assert first.exit_code == 0, first.output
    assert generated == [], "two workers read the files: they made the template, not this process"
    changed = sorted(work.rglob("*.xlsx"))[0]
    fill_by_names(changed, changed, {"Fin_Citi": 7.5}, strip_cached=False)
    second = CliRunner().invoke(main, ["collect", str(work), "--out", str(out), "--jobs", "1"], env=env)
    assert second.exit_code == 0, second.output
    assert "nemainīti faili; nolasīti no jauna: 1." in second.output
    assert generated == [], "the changed file was checked with the template a worker made in the first run"
