"""`ibm matrix --out` replaces only its own empty matrix, atomically; anything else needs --overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.cli import main
from generator.ministry.matrix import Matrix
from generator.replace_file import write_replacing


def run(out: Path, *extra: str):  # noqa: ANN201
    return CliRunner().invoke(main, ["matrix", "--out", str(out), *extra])


def test_an_own_empty_matrix_is_replaced_a_foreign_file_is_not(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    assert run(out).exit_code == 0
    again = run(out)
    assert again.exit_code == 0, again.output
    assert Matrix.open(out).has("IBM_Versija")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".ibm-matrica-")]

    foreign = tmp_path / "budzets.xlsx"
    foreign.write_bytes(b"kada cita darbgramata")
    result = run(foreign)
    assert result.exit_code == 1
    assert "fails" in result.output and "tā nav ibm matrix izveidota IBM matrica" in result.output
    assert "--overwrite" in result.output
    assert foreign.read_bytes() == b"kada cita darbgramata"
    assert run(foreign, "--overwrite").exit_code == 0
    assert Matrix.open(foreign).has("IBM_Versija")


def test_a_filled_matrix_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    assert run(out).exit_code == 0
    wb = load_workbook(out)
    sheet, ref = next(iter(wb.defined_names["Berns_VardsUzvards"].destinations))
    wb[sheet][ref.replace("$", "")] = "Zane Paraugs"
    wb.save(out)
    before = out.read_bytes()
    result = run(out)
    assert result.exit_code == 1 and "tā ir aizpildīta IBM matrica" in result.output
    assert out.read_bytes() == before


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    out.write_bytes(b"vecais")

    def broken(staged: Path) -> None:
        staged.write_bytes(b"pus")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_replacing(out, broken)
    assert out.read_bytes() == b"vecais"
    assert [p.name for p in tmp_path.iterdir()] == ["m.xlsx"]
