"""Every status-2 line has one form (README): „Kļūda: …” with the value in Latvian quotes and the command's
`--help` at the end – also the commands' own checks and click's missing option value (audit27 F11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main


def _cases(tmp_path: Path) -> list[tuple[list[str], str, str]]:
    matrix = tmp_path / "veca.xlsx"
    matrix.write_bytes(b"nav zip")
    folder = tmp_path / "vecas"
    folder.mkdir()
    (folder / "a.xlsx").write_bytes(b"nav zip")
    return [
        (["migrate", str(matrix), "--out", str(matrix), "--overwrite"], f"--out „{matrix}” ir tas pats fails",
         "migrate"),
        (["migrate", str(folder), "--out", str(folder / "jaunas")], f"--out „{folder / 'jaunas'}” ir pārnesamo",
         "migrate"),
        (["migrate", str(matrix), "--out", str(tmp_path / "x.ods")], f"--out „{tmp_path / 'x.ods'}”: jaunajai",
         "migrate"),
        (["documents", "--from-matrix"], "parametram „--from-matrix” jānorāda vērtība.", "documents"),
        (["documents", "--from-matrix", str(matrix), "--round", "berni-2030"], "--round „berni-2030” izmanto tikai",
         "documents"),
        (["documents", "--from-matrix", str(tmp_path / "nav")], f"--from-matrix „{tmp_path / 'nav'}” nav atrasts",
         "documents"),
        (["matrix", "--out", str(tmp_path / "x.ods")], f"--out: „{tmp_path / 'x.ods'}” nav .xlsx fails", "matrix"),
    ]


@pytest.mark.parametrize("case", range(7))
def test_status_2_lines_have_one_form(case: int, tmp_path: Path) -> None:
    args, said, command = _cases(tmp_path)[case]
    result = CliRunner().invoke(main, args, prog_name="ibm")
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Kļūda: ") and said in lines[0], lines[0]
    assert lines[0].endswith(f"Palīdzība: ibm {command} --help."), lines[0]
