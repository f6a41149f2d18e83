"""`ibm collect` messages in Latvian: a missing key file, a file given instead of a folder, the help's
placeholders and the templates folder."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main


def test_a_missing_key_file_is_said_in_latvian(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    folder, _ = small_folder
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "k.xlsx"),
                                       "--key-file", str(tmp_path / "nav.key")])
    assert result.exit_code == 1
    assert "nav.key nevar nolasīt: fails vai mape nav atrasta" in result.output
    assert "No such file" not in result.output


def test_a_file_instead_of_the_folder(tmp_path: Path) -> None:
    matrix = tmp_path / "nav-matrica.xlsx"
    matrix.write_bytes(b"x")
    result = CliRunner().invoke(main, ["collect", str(matrix), "--out", str(tmp_path / "r" / "k.xlsx")],
                                env={"IBM_PSEUDONIMA_ATSLEGA": "testa-atslega-tikai-testiem-0123456789"})
    assert result.exit_code == 1
    assert "nav-matrica.xlsx ir fails, nevis mape (gaidīts: mape ar pašvaldību matricām" in result.output


def test_help_placeholders_and_the_templates_folder() -> None:
    text = CliRunner().invoke(main, ["collect", "--help"]).output
    assert "--envelope EUR" in text and "TEKSTS" not in text
    assert "build/lejupielades/matrica/" in text and "build/matricas/" not in text
    text = CliRunner().invoke(main, ["changes", "--help"]).output
    assert "--from REF" in text and "TEKSTS" not in text
