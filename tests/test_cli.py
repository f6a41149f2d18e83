"""The `ibm` command: check, build with an atomic swap, version."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import build as build_module
from generator.cli import main


def _tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_check_passes_on_real_catalogue() -> None:
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert "Katalogs derīgs" in result.output
    assert re.search(r"versija [0-9a-f]{8} \(katalogs \d\d\.\d\d\.\d{4}\)\.", result.output), result.output


def test_check_reports_file_line_field(catalogue_copy: Path) -> None:
    path = catalogue_copy / "programme.yaml"
    path.write_text(path.read_text("utf-8").replace("value: 20, source", "value: divdesmit, source"), "utf-8")
    result = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 1
    assert re.search(r"catalogue/programme\.yaml:\d+: social_worker_children\.values 1\. ieraksts, value: nav vesels skaitlis"
                     r" \(gaidīts: vesels skaitlis\)", result.output), result.output


def test_version_option() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert re.search(r"kataloga versija \d{4}-\d{2}-\d{2}\+[0-9a-f]{8}", result.output)


def test_build_writes_open_data(tmp_path: Path) -> None:
    out = tmp_path / "build"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--only", "atvertie-dati"])
    assert result.exit_code == 0, result.output
    assert (out / "atvertie-dati" / "pakalpojumi.csv").exists()
    assert re.search(r"^Kataloga versija [0-9a-f]{8} \(katalogs \d\d\.\d\d\.\d{4}\);", result.output, re.M), result.output


def test_broken_catalogue_leaves_previous_build_intact(tmp_path: Path, catalogue_copy: Path) -> None:
    out = tmp_path / "build"
    ok = CliRunner().invoke(main, ["build", "--catalogue", str(catalogue_copy), "--out", str(out),
                                   "--only", "atvertie-dati"])
    assert ok.exit_code == 0, ok.output
    before = _tree_digest(out)
    (catalogue_copy / "enums.yaml").write_text("support_areas: [\n", "utf-8")
    bad = CliRunner().invoke(main, ["build", "--catalogue", str(catalogue_copy), "--out", str(out)])
    assert bad.exit_code != 0
    assert "enums.yaml" in bad.output
    assert _tree_digest(out) == before


def test_failing_renderer_leaves_previous_build_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "build"
    assert CliRunner().invoke(main, ["build", "--out", str(out), "--only", "atvertie-dati"]).exit_code == 0
    before = _tree_digest(out)

    def explode(catalogue, staging, progress):
        (staging / "atvertie-dati").mkdir(parents=True)
        (staging / "atvertie-dati" / "pusgatavs.json").write_text("{")
        raise RuntimeError("renderētājs salūza")

    monkeypatch.setattr(build_module, "_renderers",
                        lambda: [build_module.Step("atvertie-dati", "Atvērtie dati", explode)])
    result = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 1
    assert "renderētājs salūza" in result.output
    assert _tree_digest(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".ibm-build-")]


def test_help_and_usage_errors_are_latvian() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert "Parametri:" in result.output and "Komandas:" in result.output
    assert "Parāda šo palīdzību un beidz." in result.output
    bad = CliRunner().invoke(main, ["build", "--nav-tada"])
    assert bad.exit_code == 2
    assert "Kļūda: nav tāda parametra „--nav-tada”." in bad.output
