"""`ibm changes --from OLD`: a version written before D310 (a confirmation whose source names no ministry's document)
is compared, not refused or cut down; the catalogue being published still must name the document (review40 §2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.cli import main

UNDOCUMENTED = "LM apstiprināja"


def _before_d310(folder: Path) -> None:
    """B confirmed and a price's „jāprecizē” entry confirmed at the same figures, each with a source naming no
    document, as catalogues were written before D310."""
    programme = folder / "programme.yaml"
    text = programme.read_text("utf-8")
    anchor = "      status: jāprecizē\nrate_full:"
    assert anchor in text
    programme.write_text(text.replace(anchor, "      status: jāprecizē\n    - effective_from: 2019-01-01\n"
                                              "      value: 3000.00\n"
                                              f"      source: \"{UNDOCUMENTED}\"\n"
                                              "      status: apstiprināts\nrate_full:"), "utf-8")
    price = folder / "prices" / "1.1.1.yaml"
    data = yaml.safe_load(price.read_text("utf-8"))
    entry = dict(data["values"][-1], effective_from="2019-01-01", source=UNDOCUMENTED, status="apstiprināts")
    data["values"].append(entry)
    price.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def test_an_older_version_without_the_documents_is_compared(tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(DEFAULT_CATALOGUE, old)
    _before_d310(old)
    result = CliRunner().invoke(main, ["changes", "--from", str(old), "--to", str(DEFAULT_CATALOGUE)])
    assert result.exit_code == 0, result.output
    assert "nav derīgs" not in result.output, result.output
    assert "fails nav salīdzināts" not in result.output, result.output  # prices/1.1.1.yaml is kept


def test_the_new_version_must_still_name_the_documents(tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(DEFAULT_CATALOGUE, new)
    _before_d310(new)
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--catalogue", str(new)])
    assert result.exit_code == 1, result.output
    assert "avotā nav dokumenta" in result.output and "programme.yaml" in result.output, result.output
    assert "prices/1.1.1.yaml" in result.output, result.output
