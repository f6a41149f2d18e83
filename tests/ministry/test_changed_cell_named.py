"""A matrix whose locked formula cell holds a pasted value: `ibm collect` refuses it naming the cell as the rest of
the toolkit names a place – table, cell and its label in the template ("6.4. tabula, E58 „…”") – not in the
spreadsheet notation "6.4!E58" (ministrycheck F2; fails on the old code)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from generator.cli import main
from generator.workbook.names import resolve
from tests.ministry.factory import copy_children


def test_pasted_value_is_named_with_table_cell_and_label(tmp_path: Path, small_folder, key_env) -> None:  # noqa: ANN001
    source, children = small_folder
    folder = copy_children(source, children[:2], tmp_path / "matricas")
    pasted = folder / children[0].path.relative_to(source)
    wb = load_workbook(pasted)
    ref = resolve(wb.defined_names, "IB_Nepieciesamais")
    (row, col), = [rc for line in ref.cells() for rc in line]
    cell = wb[ref.sheet].cell(row, col)
    assert str(cell.value).startswith("=") and cell.protection.locked
    cell.value = 1234.5  # a value pasted over the locked formula
    wb.save(pasted)
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "izvade" / "k.xlsx")])
    assert result.exit_code == 3, result.output
    rel = pasted.relative_to(folder).as_posix()
    line = next(x for x in result.output.splitlines() if "formula aizstāta ar vērtību" in x)
    assert line.strip().startswith(f"{rel}: {ref.sheet}. tabula, {cell.coordinate} „"), line
    assert "”: formula aizstāta ar vērtību" in line and "!" not in line, line
