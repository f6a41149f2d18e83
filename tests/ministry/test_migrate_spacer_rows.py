"""Matrices of the layout before the spacer rows (D288: layout revision 10, the template of main before them, rebuilt
from git history) are read by the current readers and carried by `ibm migrate` onto the current template, whose plan
lines sit in other rows: every plan line's inputs land on the same line, and the reader reads the same plan and the
same amounts from the old file and the migrated one."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.ministry.migrate import Migrator, _amounts
from generator.workbook.layout import SPACER_LINES, Layout
from tests.ministry.factory import make_children, write_children
from tests.ministry.test_migrate_old_template import old_template

BEFORE_SPACERS = "a439136e"  # main before D288: layout revision 10


@pytest.fixture(scope="module")
def old_files(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> list[Path]:
    folder = tmp_path_factory.mktemp("bez-atstarpem")
    template = old_template(folder, BEFORE_SPACERS)
    children = [c for c in make_children(catalogue, 12, seed=288, one_period=True)
                if len(c.inputs.lines) > SPACER_LINES[0] + 1][:3]
    assert children
    return [c.path for c in write_children(catalogue, template, children, folder / "matricas", free_cells=True)]


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_an_old_layout_matrix_migrates_line_by_line(old_files: list[Path], catalogue: Catalogue,
                                                    tmp_path: Path) -> None:
    lay = Layout(offers=0, months=6)
    for k, path in enumerate(old_files):
        old = Matrix.open(path)
        assert old.offsets("Plans_Pakalpojums") is None  # no spacers in revision 10
        out = tmp_path / f"jauna-{k}.xlsx"
        with Migrator(catalogue) as migrator:
            migrator.migrate(path, out)
        new = Matrix.open(out)
        assert new.offsets("Plans_Pakalpojums") is not None
        for name in ("Plans_Pakalpojums", "Plans_Daudzums", "Plans_EkspertuRangs", "Plans_VecakuRangs",
                     "Plans_Sanemejs", "Plans_Biezums", "Plans_Piezimes", "Men_Daudzums", "Men_Piezimes",
                     "Fakt_Daudzums", "Fakt_Summa", "Fakt_Piezimes"):
            assert new.grid(name) == old.grid(name), name
        # nothing written into a spacer row
        for sheet in ("6.3", "6.6", "6.10"):
            cells = new.book.cells.get(sheet, {})
            assert not [r for r in lay.spacer_rows() for (row, _), c in cells.items()
                        if row == r and c.value not in (None, "")], sheet
        old_child, _ = read_child(old, catalogue, strict=False)
        new_child, _ = read_child(new, catalogue, strict=False)
        assert old_child is not None and new_child is not None
        for a, b in zip(new_child.inputs.lines, old_child.inputs.lines, strict=True):
            assert a == b, {f: (getattr(a, f), getattr(b, f)) for f in a.__dataclass_fields__ if getattr(a, f) != getattr(b, f)}
        assert len(old_child.inputs.lines) > SPACER_LINES[0] + 1
        # the same amounts from the reference (what `ibm collect` computes) on both files
        old_amounts, new_amounts = _amounts(old, catalogue)[0], _amounts(new, catalogue)[0]
        assert old_amounts is not None and new_amounts == old_amounts
