"""`ibm build` names the matrix template versions it made that the template registry lacks, with the command to run
(D309): a ministry that opens a new round and hands its matrices out without `ibm fingerprint` otherwise finds them
refused by `ibm collect` after the next catalogue change. A warning only: the status stays 0 and the registry is not
written by the build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import build as build_module
from generator.build import Step
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import load_or_raise
from generator.cli import main
from generator.lvformat import version as shown_version
from generator.ministry.templates import DEFAULT_REGISTRY
from generator.workbook.registry_note import built_versions, registry_warning, unregistered


def _changed(catalogue_copy: Path) -> Catalogue:
    """The catalogue with one price changed: a new catalogue version, so new template versions."""
    ceiling = catalogue_copy / "prices" / "grupu-nodarbibu-griesti.yaml"
    ceiling.write_text(ceiling.read_text("utf-8").replace("amount: 25.93", "amount: 26.00"), "utf-8")
    return load_or_raise(catalogue_copy)


def _matrix_step():
    def render(catalogue, staging, progress):  # noqa: ANN001, ANN202 - stands for the matrices (slow to make)
        (staging / "lejupielades").mkdir(parents=True, exist_ok=True)
        (staging / "lejupielades" / "m.txt").write_text(catalogue.version, encoding="utf-8")
        return [staging / "lejupielades" / "m.txt"]
    return lambda: [Step("matrica", "IBM matricas", render)]


def test_the_toolkits_own_catalogue_is_registered(catalogue: Catalogue) -> None:
    assert built_versions(catalogue)
    assert unregistered(catalogue) == [] and registry_warning(catalogue) is None


def test_a_changed_catalogue_names_every_version_and_the_command(catalogue_copy: Path) -> None:
    changed = _changed(catalogue_copy)
    versions = built_versions(changed)
    assert unregistered(changed) == versions
    warning = registry_warning(changed, "ibm fingerprint --catalogue X")
    assert warning is not None
    assert all(shown_version(v) in warning for v in versions)
    assert "generator/ministry/template_registry.json" in warning and "„ibm fingerprint --catalogue X”" in warning
    assert "ibm collect" in warning and "ibm migrate" in warning


def test_another_registry_that_has_the_versions_is_enough(catalogue_copy: Path, tmp_path: Path) -> None:
    changed = _changed(catalogue_copy)
    registry = tmp_path / "reg.json"
    registry.write_text(json.dumps({"versions": {v: {} for v in built_versions(changed)}}), encoding="utf-8")
    assert registry_warning(changed, registry=registry) is None
    registry.write_text("{", encoding="utf-8")
    broken = registry_warning(changed, registry=registry)
    assert broken is not None and "nav derīgs JSON" in broken and "„ibm fingerprint”" in broken


def test_build_warns_with_status_0_and_writes_no_registry(catalogue_copy: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "_renderers", _matrix_step())
    before = DEFAULT_REGISTRY.read_bytes()
    changed = _changed(catalogue_copy)
    out = tmp_path / "b"
    result = CliRunner().invoke(main, ["build", "--catalogue", str(catalogue_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"„ibm fingerprint --catalogue {catalogue_copy}”" in result.output
    assert shown_version(built_versions(changed)[0]) in result.output
    assert result.output.index("Gatavs:") < result.output.index("Brīdinājums: šī būvējuma matricu")
    # taken over from the previous build, the matrices are still unregistered: said again
    again = CliRunner().invoke(main, ["build", "--catalogue", str(catalogue_copy), "--out", str(out)])
    assert again.exit_code == 0 and "pārņemts: matrica" in again.output and "ibm fingerprint" in again.output
    assert DEFAULT_REGISTRY.read_bytes() == before


def test_build_of_a_registered_catalogue_says_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "_renderers", _matrix_step())
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert "Brīdinājums" not in result.output and "fingerprint" not in result.output
