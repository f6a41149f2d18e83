"""6.1's reason for a child who comes of age by the round's last day (D110) is true for every round: "līdz kārtas
pēdējai dienai", never the pilot's "izmēģinājumprojekta kārtas" – in the matrix formula as in the reference."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.workbook.render import file_name
from generator.workbook.sheets.personal import CHECK_ROW, SHEET
from generator.workbook.writer import write_workbook


def test_the_check_formula_names_any_rounds_last_day(catalogue: Catalogue, tmp_path: Path) -> None:
    path = write_workbook(catalogue, tmp_path / file_name(None))
    formula = str(load_workbook(path)[SHEET][f"B{CHECK_ROW}"].value)
    assert '"Bērnam līdz kārtas pēdējai dienai "' in formula, formula
    assert "izmēģinājumprojekta kārtas" not in formula
