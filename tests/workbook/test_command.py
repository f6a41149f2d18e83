"""`ibm matrix` and the build step that writes build/lejupielades/matrica/."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.workbook.names import NamedValues
from generator.workbook.render import FOLDER, render_workbooks


def test_matrix_for_a_municipality(tmp_path: Path) -> None:
    out = tmp_path / "liepaja.xlsx"
    result = CliRunner().invoke(main, ["matrix", "--municipality", "liepaja", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Uzrakstīts" in result.output
    values = NamedValues(out, formulas=True)
    assert values["Pasvaldiba"] == "liepaja"
    # the console shows the version as a person reads it; the workbook keeps the raw id; the validity ends with
    # the round's services, not at the next price change years later (audit21 F3)
    assert f"(veidnes versija {lvformat.version(values['IBM_Versija'])}; cenas un parametri spēkā 01.10.2018–30.09.2019, līdz kārtas pakalpojumu beigām)" in result.output


def test_generic_matrix_default_name(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["matrix"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ibm-matrica.xlsx").is_file()


def test_unknown_municipality(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["matrix", "--municipality", "riga", "--out", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2  # an invalid value (D121)
    assert "Kļūda: --municipality: „riga”" in result.output and "liepaja" in result.output
    assert not (tmp_path / "x.xlsx").exists()


def test_out_must_be_xlsx(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["matrix", "--out", str(tmp_path / "x.ods")])
    assert result.exit_code == 2 and "Kļūda: --out:" in result.output and "nav .xlsx fails" in result.output


def test_build_step_writes_one_workbook_per_pilot_municipality_and_a_generic_one(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    written = render_workbooks(catalogue, tmp_path, progress=lambda _: None)
    names = sorted(p.name for p in written)
    expected = ["ibm-matrica.xlsx"] + [f"ibm-matrica-{m.id}.xlsx" for m in catalogue.pilot_municipalities()]
    assert names == sorted(expected) and len(names) == 11
    assert all(p.parent == tmp_path / FOLDER and p.stat().st_size > 0 for p in written)
