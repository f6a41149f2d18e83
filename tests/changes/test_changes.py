"""`ibm changes`: the report names changed prices and rules with old and new values, and the history."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.changes.diff import diff_catalogues
from generator.changes.outputs import compare_trees
from generator.changes.report import change_report
from generator.cli import main

CEILING = "prices/grupu-nodarbibu-griesti.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_no_changes_between_equal_catalogues(catalogue_copy: Path) -> None:
    a = load_or_raise(catalogue_copy)
    diff = diff_catalogues(a, a)
    assert diff.empty
    assert "izmaiņu nav" in change_report(diff, a, None)


def test_price_and_parameter_change_reported(catalogue_copy: Path, catalogue) -> None:
    _edit(catalogue_copy / CEILING, "amount: 25.93", "amount: 26.40")
    _edit(catalogue_copy / "programme.yaml", "value: 0.10, source", "value: 0.12, source")
    new = load_or_raise(catalogue_copy)
    diff = diff_catalogues(catalogue, new)
    text = change_report(diff, new, None)
    assert "25,93\u00a0EUR (apstiprināts)" in text and "26,40\u00a0EUR (apstiprināts)" in text
    assert "`transport_share_max`" in text and "| 0.10 | 0.12 |" in text
    assert "01.08.2018" in text
    price = [c for c in diff.values if c.id == "grupu-nodarbibu-griesti"][0]
    assert "3.1.2" in price.services  # a group-capable market service depends on the ceiling


def test_new_dated_value_compares_with_previous(catalogue_copy: Path, catalogue) -> None:
    (catalogue_copy / CEILING).write_text(
        (catalogue_copy / CEILING).read_text("utf-8")
        + "  - effective_from: 2020-01-01\n    kind: ceiling\n    amount: 27.00\n    source: Tests\n"
          "    status: jāprecizē\n", "utf-8")
    new = load_or_raise(catalogue_copy)
    diff = diff_catalogues(catalogue, new)
    change = [c for c in diff.values if c.id == "grupu-nodarbibu-griesti"][0]
    assert change.old.startswith("25,93") and change.new.startswith("27,00")


def test_command_with_folders_and_git_revision(tmp_path: Path, catalogue_copy: Path) -> None:
    _edit(catalogue_copy / CEILING, "amount: 25.93", "amount: 30.00")
    out = tmp_path / "izmainas.md"
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--to", str(catalogue_copy),
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "30,00" in out.read_text("utf-8")
    head = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    result = CliRunner().invoke(main, ["changes", "--from", head, "--to", head])
    assert result.exit_code == 0, result.output
    assert re.search(r"versijas \*\*\S+\*\* → \*\*\S+\*\*", result.output)


def test_bad_reference_is_refused() -> None:
    result = CliRunner().invoke(main, ["changes", "--from", "nav-tadas-revizijas-xyz"])
    assert result.exit_code == 2
    assert "nav ne mape, ne git revīzija" in result.output


def test_compare_trees() -> None:
    diff = compare_trees({"a": "1", "b": "2"}, {"a": "1", "b": "3", "c": "4"})
    assert diff.changed == ["b"] and diff.added == ["c"] and diff.removed == []
