"""`ibm fingerprint`: the template version is the catalogue's, so a change to the template code alone keeps
it; a registered entry of that version with other rows is not overwritten silently."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.templates import load_registry


def test_a_code_only_template_change_is_refused_unless_replaced(tmp_path: Path, catalogue: Catalogue) -> None:
    registry = tmp_path / "registrs.json"
    run = CliRunner().invoke
    result = run(main, ["fingerprint", "--registry", str(registry)])
    assert result.exit_code == 0, result.output
    again = run(main, ["fingerprint", "--registry", str(registry)])
    assert again.exit_code == 0 and "reģistrā atjaunināta" in again.output
    # what the registry would hold had the template code differed when it was registered
    data = json.loads(registry.read_text(encoding="utf-8"))
    data["versions"][catalogue.version]["rows"]["6.4"]["12"] = "0" * 12
    registry.write_text(json.dumps(data), encoding="utf-8")
    before = registry.read_bytes()
    result = run(main, ["fingerprint", "--registry", str(registry)])
    assert result.exit_code == 1
    assert (f"veidnes versija {catalogue.version} reģistrā jau ir, bet veidne ir mainīta (lapas 6.4)"
            in result.output)
    assert "--replace" in result.output and "Traceback" not in result.output
    assert registry.read_bytes() == before
    result = run(main, ["fingerprint", "--registry", str(registry), "--replace"])
    assert result.exit_code == 0, result.output
    assert load_registry(registry)[catalogue.version]["rows"]["6.4"]["12"] != "0" * 12
