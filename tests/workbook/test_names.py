"""Reading and filling a workbook through its defined names (generator/workbook/names.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.workbook.names import NamedValues, UnknownName, read, resolve, write


@pytest.fixture
def wb(templates):
    return load_workbook(templates[None])


def test_shapes_cell_column_and_block(wb) -> None:
    assert read(wb, "IBM_Saskarne") == "1"
    labels = read(wb, "Pak_Id")
    assert isinstance(labels, list) and all(isinstance(v, str) for v in labels)
    block = read(wb, "Men_Daudzums")
    assert len(block) == 40 and all(len(row) == 6 for row in block)


def test_write_and_read_back(wb, tmp_path: Path) -> None:
    write(wb, "Plans_Daudzums", [Decimal("2.5"), 3])
    write(wb, "Men_Daudzums", [[1, 1], [None, 2]])
    write(wb, "Perioda_Sakums", dt.date(2019, 2, 1))
    write(wb, "Berns_PersonasKods", "000000-00000")
    assert read(wb, "Plans_Daudzums")[:3] == [2.5, 3, None]
    assert read(wb, "Men_Daudzums")[1][:3] == [None, 2, None]
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    values = NamedValues(path, formulas=True)
    assert values["Perioda_Sakums"] == dt.date(2019, 2, 1)
    assert values["Berns_PersonasKods"] == "000000-00000"
    assert values["Plans_Daudzums"][:2] == [2.5, 3]
    assert str(values["IB_Nepieciesamais"]).startswith("=")


def test_outputs_cannot_be_filled(wb) -> None:
    with pytest.raises(PermissionError, match="aprēķina šūna"):
        write(wb, "IB_Kopejais", 100)
    with pytest.raises(PermissionError):
        write(wb, "Plans_Summa", [1])


def test_text_is_never_a_formula(wb) -> None:
    with pytest.raises(ValueError, match="nedrīkst sākties"):
        write(wb, "Berns_VardsUzvards", "=HYPERLINK(\"x\")")


def test_too_many_values(wb) -> None:
    with pytest.raises(ValueError, match="41 vērtības"):
        write(wb, "Plans_Daudzums", [1] * 41)
    with pytest.raises(ValueError, match="lielāks"):
        write(wb, "Men_Daudzums", [[1] * 7])


def test_unknown_name_is_a_latvian_message(wb, templates) -> None:
    with pytest.raises(UnknownName, match="nav definētā nosaukuma 'Nav_Tada'"):
        read(wb, "Nav_Tada")
    with pytest.raises(UnknownName, match="Nav_Tada"):
        NamedValues(templates[None])["Nav_Tada"]
    rng = resolve(wb.defined_names, "Fakt_Summa")
    assert (rng.sheet, rng.rows, rng.cols) == ("6.10", 40, 6)
