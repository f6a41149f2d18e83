"""`ibm collect --envelope` smaller than the children's amounts: a visible warning, and the typed envelope is called
the analyst's, not provisional (audit27 F10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.ministry.pseudonym import ENV_KEY

ENV = {ENV_KEY: "testa-atslega-tikai-testiem-0123456789"}


def _collect(folder: Path, out: Path, *more: str):  # noqa: ANN202
    return CliRunner().invoke(main, ["collect", str(folder), "--out", str(out), "--jobs", "1", "--no-cache", *more],
                              env=ENV)


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_an_envelope_below_the_amounts_is_warned_about(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    folder, _ = small_folder
    result = _collect(folder, tmp_path / "a" / "k.xlsx", "--envelope", "1,00")
    assert result.exit_code == 0, result.output
    output = result.output.replace("\u00a0", " ")  # amounts are written with no-break spaces
    assert "Finansējums 1,00 EUR (norādīts ar --envelope)" in output
    warning = [line for line in output.splitlines() if line.startswith("Brīdinājums: Σ F ")]
    assert len(warning) == 1, output
    assert "pārsniedz finansējumu 1,00 EUR (norādīts ar --envelope)" in warning[0]
    enough = _collect(folder, tmp_path / "b" / "k.xlsx", "--envelope", "10 000 000")
    assert enough.exit_code == 0, enough.output
    assert "pārsniedz finansējumu" not in enough.output
