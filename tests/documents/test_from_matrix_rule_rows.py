"""`ibm documents --from-matrix` names a chosen 6.8 item's empty price by the 6.11 row that counts it – the
missing-price rule's, as `ibm collect` does (tests/ministry/test_rule_places_named.py) – not the row of invalid
input cells, which stays 0 for such a file (audit27 F2)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.places import INVALID_INPUT, check_row, input_place
from generator.documents.from_matrix.reading import read_for_documents
from generator.ministry.matrix import MISSING_PRICE, Matrix
from generator.ministry.templates import TemplateSource
from tests.documents.from_matrix_helpers import funded_child
from tests.workbook.invalid import _cell


def test_an_empty_price_names_the_missing_price_row(catalogue: Catalogue, tmp_path: Path) -> None:
    child = funded_child(catalogue, tmp_path)
    m = Matrix.open(child.path)
    chosen = next(str(v).strip() for v in m.column("Plans_Pakalpojums") if v)
    item = [str(v).strip() for v in m.column("Pak_Id")].index(chosen)
    wb = load_workbook(child.path)
    _cell(wb, "Pak_Cena", item)[2].value = None
    wb.save(child.path)
    m = Matrix.open(child.path)
    row, _ = check_row(m, MISSING_PRICE)
    invalid, _ = check_row(m, INVALID_INPUT)
    assert row != invalid
    price_cell = input_place(m, "Pak_Cena", item).split(" (6.11.")[0]
    reading = read_for_documents(child.path, catalogue, TemplateSource(catalogue), None)
    said = [p for p in [*reading.refused, *reading.errors] if price_cell in p]
    assert said, [*reading.refused, *reading.errors]
    assert all(f"{price_cell} (6.11. tabulas {row}. rinda)" in p for p in said), said
    assert all(f"6.11. tabulas {invalid}. rinda" not in p for p in said), said
