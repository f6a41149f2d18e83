"""`--out` of `ibm collect` and `ibm migrate` is printed absolute, and a leading "~" the shell did not expand is
said to be a folder named "~" here, not the home folder (audit27 F9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main


def test_a_literal_tilde_is_warned_about_and_the_path_printed_absolute(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "veca.xlsx").write_bytes(b"nav zip")
    result = CliRunner().invoke(main, ["migrate", "veca.xlsx", "--out", "~/jauna.xlsx"])
    assert result.exit_code == 1, result.output
    assert "Brīdinājums: --out „~/jauna.xlsx”: zīme „~” nav aizstāta ar mājas mapi" in result.output
    assert f"rezultāts būs „{tmp_path / '~' / 'jauna.xlsx'}”" in result.output
    assert not (tmp_path / "~").exists()  # refused: nothing made


def test_a_relative_out_is_printed_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vecas").mkdir()
    (tmp_path / "vecas" / "a.xlsx").write_bytes(b"nav zip")
    (tmp_path / "vecas" / "b.xlsx").write_bytes(b"nav zip")
    result = CliRunner().invoke(main, ["migrate", "vecas", "--out", "jaunas"])
    assert result.exit_code == 1, result.output
    assert "Brīdinājums" not in result.output
    assert "Pārnestas 0 matricas, atteiktas 2." in result.output
    result = CliRunner().invoke(main, ["collect", "vecas", "--out", "k.ods"], prog_name="ibm")
    assert result.exit_code == 2 and str(tmp_path / "k.ods") in result.output, result.output


def test_the_tilde_warning_screens_a_personal_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """D360: the warning names --out as every usage line does – a part with a (fictional) personal code is „…”."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "veca.xlsx").write_bytes(b"nav zip")
    result = CliRunner().invoke(main, ["migrate", "veca.xlsx", "--out", "~/Paraugs 010101-12345.xlsx"])
    assert "Brīdinājums: --out „~/….xlsx”: zīme „~” nav aizstāta ar mājas mapi" in result.output, result.output
    assert "010101" not in result.output, result.output
