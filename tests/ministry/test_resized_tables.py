"""A matrix whose table structure was changed: collect and `documents --from-matrix` offer `ibm migrate` only when
every moved area kept the template's size (rows inserted above a table shift it whole, and migrate carries that);
when rows were inserted inside a plan table (its areas grew), they say only to undo it, and migrate's own refusal
names the tables, cells and labels with the same advice – never a defined name or "6.3!C9:C55" (review37 F5).

The files are a real filled matrix edited as Excel edits it (openpyxl: the defined names moved or grown as an
insertion does); the addresses are read from the file's defined names, the labels are the template's texts written
out here, never produced by places.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.reading import read_for_documents
from generator.ministry.check_stages import AFTER_STRUCTURE
from generator.ministry.matrix import Matrix, read_child
from generator.ministry.migrate import MigrationError, Migrator
from generator.ministry.reading import read_matrix
from generator.ministry.templates import TemplateSource
from generator.ministry.xlsxread import NameRef, a1, read_xlsx
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import funded_child

MIGRATE = "ibm migrate"
UNDO = "matricas struktūra mainīta (tabulā ievietotas vai dzēstas rindas); atsauciet rindu ievietošanu vai dzēšanu"
SHIFTED = ("matricas struktūra mainīta (pievienotas vai dzēstas rindas vai kolonnas); atsauciet rindu vai kolonnu "
           "ievietošanu vai dzēšanu vai pārnesiet ievadīto jaunā matricā ar komandu „ibm migrate VECA.xlsx --out "
           "JAUNA.xlsx”")
QUANTITY = "Daudzums periodā"  # 6.3's heading above Plans_Daudzums in the template
AREA = re.compile(r"^('?)([^!']+)\1!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$")


@pytest.fixture(scope="module")
def clean_matrix(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Path:
    child = funded_child(catalogue, tmp_path_factory.mktemp("tabulas"))
    assert child.path is not None
    return child.path


def _ref(matrix: Path, name: str) -> NameRef:
    ref = read_xlsx(matrix, sheets=()).name_ref(name)
    assert ref is not None, name
    return ref


def _area(ref: NameRef, rows: int = 0) -> str:
    """The area as a person reads it, ``rows`` more rows at its end."""
    return f"{ref.sheet}. tabula, {a1(ref.first)}:{a1((ref.last[0] + rows, ref.last[1]))}"


def _inserted(clean_matrix: Path, target: Path, sheet: str, row: int, *, move_cells: bool = False) -> Path:
    """``clean_matrix`` with one row inserted at ``row`` of ``sheet`` as Excel inserts it: every defined name on that
    sheet below it moves down, one spanning it grows by a row (``move_cells``: the sheet's cells move too)."""
    wb = load_workbook(clean_matrix)
    if move_cells:
        wb[sheet].insert_rows(row)
    for defined in list(wb.defined_names.values()):
        found = AREA.match(defined.attr_text)
        if not found or found.group(2) != sheet:
            continue
        first, last = int(found.group(4)), int(found.group(6) or found.group(4))
        first_col, last_col = found.group(3), found.group(5) or found.group(3)
        first, last = first + (first >= row), last + (last >= row)
        defined.attr_text = f"'{sheet}'!${first_col}${first}:${last_col}${last}"
    wb.save(target)
    return target


def _reasons(catalogue: Catalogue, path: Path) -> tuple[list[str], list[str]]:
    """What collect and what documents --from-matrix refuse the file for."""
    collected = read_matrix(path, path.parent, catalogue, TemplateSource(catalogue), b"k" * 32)
    assert collected.refusal is not None, path
    reading = read_for_documents(path, catalogue, TemplateSource(catalogue), None)
    return [normalise(r) for r in collected.refusal.reasons], [normalise(r) for r in [*reading.refused, *reading.errors]]


def test_a_row_inserted_inside_a_plan_table_is_only_to_be_undone(catalogue: Catalogue, clean_matrix: Path,
                                                                  tmp_path: Path) -> None:
    quantity = _ref(clean_matrix, "Plans_Daudzums")
    grown = _inserted(clean_matrix, tmp_path / "ievietota.xlsx", quantity.sheet, quantity.first[0] + 1)
    assert _ref(grown, "Plans_Daudzums").rows == quantity.rows + 1
    for reasons in _reasons(catalogue, grown):
        said = " ".join(reasons)
        assert MIGRATE not in said and "!" not in said and "Plans_" not in said, reasons
        assert f"{_area(quantity, 1)} „{QUANTITY}” – veidnē {_area(quantity)} „{QUANTITY}”: matricas struktūra " \
               "mainīta" in said, reasons
        assert sum(UNDO in r for r in reasons) == 1 and reasons[0].endswith(UNDO), reasons  # the advice once
        # the structure stops the checks, and the last line says the rest follows once it is restored (D298)
        assert reasons[-1] == AFTER_STRUCTURE, reasons
        assert all(r.endswith("matricas struktūra mainīta") for r in reasons[1:-1]), reasons
    # migrate, asked anyway, refuses it naming the grown areas with their labels and the same advice (not
    # „nosaukumu grupā ir atšķirīgs rindu skaits (Plans_Pakalpojums: 47, …)”)
    with Migrator(catalogue) as migrator, pytest.raises(MigrationError) as refused:
        migrator.migrate(grown, tmp_path / "jauna.xlsx")
    said = normalise(str(refused.value))
    assert said.endswith(UNDO) and said.count(UNDO) == 1, said
    assert f"{_area(quantity, 1)} „{QUANTITY}”" in said, said
    assert " – cits rindu skaits nekā " in said and f"nekā {quantity.sheet}. tabula" not in said, said  # the other
    # area named is one of the template's size, not another grown one of the same table
    assert MIGRATE not in said and "!" not in said and "Plans_" not in said and "Men_" not in said, said
    assert not (tmp_path / "jauna.xlsx").exists()


def test_a_table_shifted_whole_is_offered_migrate_which_carries_it(catalogue: Catalogue, clean_matrix: Path,
                                                                  tmp_path: Path) -> None:
    quantity = _ref(clean_matrix, "Plans_Daudzums")
    shifted = _inserted(clean_matrix, tmp_path / "nobidita.xlsx", quantity.sheet, 3, move_cells=True)
    moved = _ref(shifted, "Plans_Daudzums")
    assert moved.rows == quantity.rows and moved.first[0] == quantity.first[0] + 1
    for reasons in _reasons(catalogue, shifted):
        assert sum(SHIFTED in r for r in reasons) == 1 and reasons[0].endswith(SHIFTED), reasons
        down = f"{quantity.sheet}. tabula, {a1(moved.first)}:{a1(moved.last)} „{QUANTITY}”"
        assert f"{down} – veidnē {_area(quantity)} „{QUANTITY}”: matricas struktūra mainīta" in " ".join(reasons)
    out = tmp_path / "jauna.xlsx"
    with Migrator(catalogue) as migrator:
        migrator.migrate(shifted, out)
    before, _ = read_child(Matrix.open(clean_matrix), catalogue, strict=False)
    after, _ = read_child(Matrix.open(out), catalogue, strict=False)
    assert before is not None and after is not None and after.inputs == before.inputs


def test_migrate_names_the_areas_not_of_the_template_size_even_when_most_grew(catalogue: Catalogue,
                                                                              clean_matrix: Path,
                                                                              tmp_path: Path) -> None:
    """A row inserted inside both 6.3 and 6.4: most of the plan row group grew, yet the areas named as changed are the
    grown ones (by the template's sizes), not the few that kept them."""
    quantity, price = _ref(clean_matrix, "Plans_Daudzums"), _ref(clean_matrix, "Plans_Cena")
    assert quantity.sheet != price.sheet
    both = _inserted(clean_matrix, tmp_path / "abas.xlsx", quantity.sheet, quantity.first[0] + 1)
    both = _inserted(both, tmp_path / "abas.xlsx", price.sheet, price.first[0] + 1)
    with Migrator(catalogue) as migrator, pytest.raises(MigrationError) as refused:
        migrator.migrate(both, tmp_path / "jauna.xlsx")
    said = normalise(str(refused.value))
    changed, _, kept = said.partition(" – cits rindu skaits nekā ")
    assert f"{_area(quantity, 1)} „{QUANTITY}”" in changed and _area(price, 1) in changed, said
    assert not kept.startswith((f"{quantity.sheet}. tabula", f"{price.sheet}. tabula")) and kept.endswith(UNDO), said
