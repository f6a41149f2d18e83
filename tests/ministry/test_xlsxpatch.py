"""Writing values into a template by name changes those cells only: formulas, names, validations and
protection stay; the values read back with openpyxl; a failure leaves no file."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.ministry import xlsxpatch
from generator.ministry.xlsxpatch import PatchError, fill_by_names, patch_sheet_xml, patch_xlsx
from generator.ministry.xlsxread import read_xlsx
from generator.workbook.names import read


def test_values_by_name_read_back_in_openpyxl(template: Path, tmp_path: Path) -> None:
    out = fill_by_names(template, tmp_path / "m.xlsx", {
        "Berns_VardsUzvards": "Žanete Paraugs & <Co>",
        "Berns_DzimsanasDatums": dt.date(2012, 2, 29),
        "Perioda_Menesi": 5,
        "Fin_Citi": Decimal("12.50"),
        "Plans_Daudzums": [3, 2.5, None, 7],
        "Men_Daudzums": [[1, 2], [0.5]],
        "Ipasas_Kopsanas_Atzinums": "Jā",
    })
    wb = load_workbook(out)
    assert read(wb, "Berns_VardsUzvards") == "Žanete Paraugs & <Co>"
    assert read(wb, "Berns_DzimsanasDatums") == dt.date(2012, 2, 29)
    assert read(wb, "Perioda_Menesi") == 5 and read(wb, "Fin_Citi") == 12.5
    assert read(wb, "Plans_Daudzums")[:5] == [3, 2.5, None, 7, None]
    assert read(wb, "Men_Daudzums")[0][:3] == [1, 2, None] and read(wb, "Men_Daudzums")[1][0] == 0.5
    assert read(wb, "Ipasas_Kopsanas_Atzinums") == "Jā"


def test_everything_else_is_kept(template: Path, tmp_path: Path) -> None:
    out = fill_by_names(template, tmp_path / "m.xlsx", {"Perioda_Menesi": 4}, strip_cached=False)
    before, after = read_xlsx(template), read_xlsx(out)
    assert before.defined_names == after.defined_names and before.unlocked == after.unlocked
    changed = [(s, c) for s in before.cells for c in set(before.cells[s]) | set(after.cells[s])
               if before.cells[s].get(c) != after.cells[s].get(c)]
    ref = before.name_ref("Perioda_Menesi")
    assert changed == [(ref.sheet, ref.first)]  # type: ignore[union-attr]
    with zipfile.ZipFile(template) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        same = [n for n in a.namelist() if a.read(n) == b.read(n)]
        assert "xl/styles.xml" in same and "xl/workbook.xml" in same
    wb = load_workbook(out)
    assert wb["6.3"].protection.sheet and wb["6.3"].data_validations.dataValidation


def test_cached_formula_values_are_dropped(template: Path, tmp_path: Path) -> None:
    out = fill_by_names(template, tmp_path / "m.xlsx", {"Perioda_Menesi": 4})
    book = read_xlsx(out)
    formulas = [c for cells in book.cells.values() for c in cells.values() if c.formula is not None]
    assert formulas and all(c.value is None for c in formulas)
    with zipfile.ZipFile(out) as zf:
        assert b'fullCalcOnLoad="1"' in zf.read("xl/workbook.xml")


def test_missing_cells_and_rows_are_added_in_order() -> None:
    xml = ('<worksheet><sheetData><row r="2" spans="1:3"><c r="C2" s="1"/></row>'
           '<row r="5"><c r="A5"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>')
    out = patch_sheet_xml(xml, {(2, 1): "a", (2, 4): 1.5, (3, 2): True, (7, 1): None}, strip_cached=True)
    assert out == ('<worksheet><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="C2" s="1"/>'
                   '<c r="D2"><v>1.5</v></c></row><row r="3"><c r="B3" t="b"><v>1</v></c></row>'
                   '<row r="5"><c r="A5"><f>1+1</f></c></row><row r="7"><c r="A7"/></row></sheetData></worksheet>')


def test_failures_leave_no_file(template: Path, tmp_path: Path) -> None:
    with pytest.raises(PatchError, match="darbgrāmatā nav definētā nosaukuma Nav_Tada"):
        fill_by_names(template, tmp_path / "a.xlsx", {"Nav_Tada": 1})
    with pytest.raises(PatchError, match="Plans_Daudzums: vērtību vairāk nekā šūnu"):
        fill_by_names(template, tmp_path / "b.xlsx", {"Plans_Daudzums": list(range(100))})
    with pytest.raises(PatchError, match="darbgrāmatā nav lapas 9.9"):
        patch_xlsx(template, tmp_path / "c.xlsx", {"9.9": {(1, 1): 1}})
    assert list(tmp_path.iterdir()) == []


ODD_ROWS = [
    '<row r="1"/><row r="2" spans="1:3"><c r="A2"><v>1</v></c></row>',
    '<row r="1">\n<c r="A1"/></row>\n  <row r="2"/>  <rowX r="9"/><row r="3"></row>',
    '<row/><row>x</row><row r="4" a="/"><c r="A4"/></row><row r="5" b="x/"/>',
    '<row r="1"><c r="A1"/></row><row r="2">unclosed<row r="3"/><c/>',  # no </row> after row 2: the regex takes over
    '<row r="1"/><row r="2" no tag end',
    '<row r="1"><row r="2"></row></row><row',
]


def _by_regex(data: str) -> list[tuple[str, str, str | None]]:
    return [(m.group(0), m.group(1), m.group(2)) for m in xlsxpatch._ROW_RE.finditer(data)]


def test_rows_are_found_as_the_regular_expression_finds_them(template: Path) -> None:
    """The quick row search (str.find) gives each row exactly as the row regular expression matches it: on every
    sheet of the template and on odd rows (self-closing, without attributes, "/" in a value, text between rows,
    a row without its end)."""
    with zipfile.ZipFile(template) as z:
        sheets = [z.read(name).decode("utf-8") for name in z.namelist() if name.startswith("xl/worksheets/sheet")]
    assert len(sheets) > 5
    for data in [*sheets, *ODD_ROWS]:
        assert list(xlsxpatch._rows(data)) == _by_regex(data), data[:200]
    assert sum(len(_by_regex(data)) for data in sheets) > 1000


def test_a_lower_compression_level_changes_only_the_compression(template: Path, tmp_path: Path) -> None:
    """compresslevel=1 (the tests' throwaway matrices): every part holds the same bytes as with zlib's default level
    (what ibm migrate writes), only compressed less."""
    values = {"6.1": {(5, 2): "Žanete Paraugs"}}
    default = patch_xlsx(template, tmp_path / "noklusejums.xlsx", values)
    fast = patch_xlsx(template, tmp_path / "atri.xlsx", values, compresslevel=1)
    with zipfile.ZipFile(default) as a, zipfile.ZipFile(fast) as b:
        assert [i.filename for i in a.infolist()] == [i.filename for i in b.infolist()]
        assert all(a.read(i.filename) == b.read(i.filename) for i in a.infolist())
        big = max(a.infolist(), key=lambda i: i.file_size).filename
        assert b.getinfo(big).compress_size > a.getinfo(big).compress_size
