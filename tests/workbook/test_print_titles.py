"""The repeated label columns of the signed annexes never hold part of a merged title or header cell.

LibreOffice and Excel print the repeated columns (e.g. A:B) on every page across; a merged cell in the
repeated header rows that starts there and ends beyond them prints there as a fragment cut at the columns'
edge. (The printed text cannot show this: a PDF keeps the clipped text whole, so the check is on the sheet.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

SIGNED = ("6.3", "6.5", "6.6", "6.9")


@pytest.mark.parametrize("municipality_id", [None, "liepaja"])
def test_repeated_header_rows_hold_no_fragment(templates: dict[str | None, Path], municipality_id: str | None) -> None:
    wb = load_workbook(templates[municipality_id])
    for sheet in SIGNED:
        ws = wb[sheet]
        assert ws.print_title_cols and ws.print_title_rows, f"{sheet}: nav atkārtoto kolonnu vai rindu"
        last_col = column_index_from_string(ws.print_title_cols.split(":")[-1].replace("$", ""))
        last_row = int(ws.print_title_rows.split(":")[-1].replace("$", ""))
        for merged in ws.merged_cells.ranges:
            if merged.min_row <= last_row and merged.min_col <= last_col:
                assert merged.max_col <= last_col, (
                    f"{sheet}: apvienotā šūna {merged.coord} iziet ārpus atkārtotajām kolonnām (līdz "
                    f"{ws.print_title_cols}): nākamajās lapās tā izdrukājas nogriezta")
