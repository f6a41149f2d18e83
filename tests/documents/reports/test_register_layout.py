"""The register workbook's layout facts are stated once (review34 §9): 29's opening-balance cell follows its row and
column, so moving it cannot leave the checks pointing at the old cell."""

from __future__ import annotations

from pathlib import Path

from generator.documents.reports import register_layout

ROW_AND_COLUMN = "OPENING_ROW, OPENING_COL = 0, 11"


def test_the_opening_balance_cell_follows_its_row_and_column() -> None:
    assert register_layout.OPENING_CELL == "L1"
    source = Path(register_layout.__file__).read_text(encoding="utf-8")
    assert source.count(ROW_AND_COLUMN) == 1
    moved: dict[str, object] = {"__name__": "moved_layout"}
    exec(compile(source.replace(ROW_AND_COLUMN, "OPENING_ROW, OPENING_COL = 2, 5"), "moved_layout", "exec"), moved)  # noqa: S102
    assert moved["OPENING_CELL"] == "F3"
