"""`ibm fingerprint`: the template version is the catalogue's plus the layout revision, so a change to the
template code alone keeps it unless LAYOUT_REVISION is bumped; a registered entry of that version with other
rows is not overwritten silently, and a bumped revision is added next to it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.templates import load_registry
from generator.workbook import version as template_versions
from generator.workbook.version import template_version


def test_a_code_only_template_change_is_refused_unless_replaced(tmp_path: Path, catalogue: Catalogue) -> None:
    registry = tmp_path / "registrs.json"
    version = template_version(catalogue)
    run = CliRunner().invoke
    mistyped = run(main, ["fingerprint", "--registry", str(registry)])  # never a new registry unasked (audit35b F11)
    assert mistyped.exit_code == 2 and "pievienojiet --new-registry" in mistyped.output, mistyped.output
    assert not registry.exists()
    result = run(main, ["fingerprint", "--registry", str(registry), "--new-registry"])
    assert result.exit_code == 0, result.output
    assert f"Izveidots jauns reģistrs {registry}." in result.output
    written = registry.stat().st_mtime_ns, registry.read_bytes()
    again = run(main, ["fingerprint", "--registry", str(registry)])
    assert again.exit_code == 0 and "jau ir tieši tāda pati (nekas nav mainīts)" in again.output
    assert (registry.stat().st_mtime_ns, registry.read_bytes()) == written  # not even rewritten
    # what the registry would hold had the template code differed when it was registered
    data = json.loads(registry.read_text(encoding="utf-8"))
    data["versions"][version]["rows"]["6.4"]["12"] = "0" * 12
    registry.write_text(json.dumps(data), encoding="utf-8")
    before = registry.read_bytes()
    result = run(main, ["fingerprint", "--registry", str(registry)])
    assert result.exit_code == 1
    assert (f"veidnes versija {lvformat.version(version)} reģistrā jau ir, bet veidne ir mainīta (lapas 6.4)"
            in result.output)
    assert "--replace" in result.output and "LAYOUT_REVISION" in result.output and "Traceback" not in result.output
    assert registry.read_bytes() == before
    result = run(main, ["fingerprint", "--registry", str(registry), "--replace"])
    assert result.exit_code == 0 and "reģistrā aizstāta" in result.output, result.output
    assert load_registry(registry)[version]["rows"]["6.4"]["12"] != "0" * 12


def test_a_bumped_layout_revision_is_added_next_to_the_issued_version(tmp_path: Path, catalogue: Catalogue,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The way out of the refusal above: the same catalogue with LAYOUT_REVISION + 1 is a new version; the
    entry of the issued one stays byte for byte as it was."""
    registry = tmp_path / "registrs.json"
    run = CliRunner().invoke
    assert run(main, ["fingerprint", "--registry", str(registry), "--new-registry"]).exit_code == 0
    issued = template_version(catalogue)
    data = json.loads(registry.read_text(encoding="utf-8"))
    data["versions"][issued]["rows"]["6.4"]["12"] = "0" * 12  # the layout that was issued differed
    registry.write_text(json.dumps(data), encoding="utf-8")
    old_entry = json.dumps(load_registry(registry)[issued], sort_keys=True)
    monkeypatch.setattr(template_versions, "LAYOUT_REVISION", template_versions.LAYOUT_REVISION + 1)
    bumped = template_version(catalogue)
    assert bumped == f"{catalogue.version}.{template_versions.LAYOUT_REVISION}" and bumped != issued
    result = run(main, ["fingerprint", "--registry", str(registry)])
    assert result.exit_code == 0, result.output
    assert f"Veidnes versija {lvformat.version(bumped)} pievienota reģistram." in result.output
    assert bumped not in result.output  # the raw id stays in the registry file
    versions = load_registry(registry)
    assert json.dumps(versions[issued], sort_keys=True) == old_entry
    assert versions[bumped]["rows"]["6.4"]["12"] != "0" * 12
