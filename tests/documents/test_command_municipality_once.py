"""`ibm documents --municipality` given twice (audit19 F15): click would keep the last one and silently drop the
other municipality's set; the command refuses with exit 2 and one Latvian line, before any work."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main


@pytest.mark.parametrize("extra", [[], ["--day", "15.12.2018"], ["--from-matrix", "nav-tadas.xlsx"]])
def test_municipality_twice_is_refused(tmp_path: Path, extra: list[str]) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["documents", "--municipality", "liepaja", "--municipality", "valmiera",
                                       "--out", str(out), *extra])
    assert result.exit_code == 2, result.output
    assert "Kļūda: --municipality norādīts vairākkārt („liepaja”, „valmiera”)" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_help_names_the_rounds_municipalities() -> None:
    result = CliRunner().invoke(main, ["documents", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "visas bērnu programmas kārtu pašvaldības" in text and "izmēģinājumprojekta pašvaldības" not in text
