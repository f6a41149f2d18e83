"""Report workbooks as LibreOffice Calc prints them: a wrapped header in a row of fixed height shows all of
its lines (found printing 28: "Pārskata mēnesis (jebkurš mēneša datums)" lost its last line) and breaks no word
(found printing 28 and 30 with Calibri's metrics: "Dokument|a datums"), a date fits its column (29 printed "###").
Columns are as wide as Calc makes them with Carlito in place of Calibri (the workbook's default font, as `make
setup` installs it; docs/libreoffice-druka.md); text is Calibri too (D34), measured with Carlito's glyph widths,
which are Calibri's."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string
from PIL import ImageFont

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports.workbooks import write_report_workbooks

FONTS = Path("/usr/share/fonts/truetype/crosextra")
# Calc's column unit with Carlito for Calibri 11 (about its digit, 0.507 em): the stored width 16.71 (a column
# of 16) printed 92.7 pt, 11.71 printed 65.0 pt (Excel: 7 px a digit, 87.75 and 61.5 pt). docs/libreoffice-druka.md
DIGIT_PT = 5.55
LINE_FACTOR = 1.22  # Calc's line height for Carlito / font size (its ascent and descent, 2500 of 2048 units)
CELL_PADDING_PT = 1.5  # Calc's inner margin, both sides together (calibrated on the printed 17 and 28)
DATE_PADDING_PT = 2.5  # a date shows whole from this much spare room on (printed: 10.1 wide fits, 10.0 "###")


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> dict[str, openpyxl.Workbook]:
    municipality = catalogue.municipality("valmiera")
    paths = write_report_workbooks(catalogue, municipality, tmp_path_factory.mktemp("atskaites-izskats"))
    return {p.name: openpyxl.load_workbook(p) for p in paths}


def _column_pt(ws, column: str) -> float:  # noqa: ANN001
    """A column's width is counted in digits of the workbook's default font (Calibri 11): Calc counts Carlito's,
    Excel 7 px each (the file stores the width with Excel's 5 px padding, openpyxl reads that)."""
    index = column_index_from_string(column)
    widths = [d.width for d in ws.column_dimensions.values() if d.min and d.min <= index <= d.max and d.width]
    width = widths[0] if widths else ws.sheet_format.defaultColWidth or 8.43
    return width * DIGIT_PT


def _fonts() -> tuple[ImageFont.FreeTypeFont, ImageFont.FreeTypeFont]:
    """Carlito regular and bold at 100 pt: Calc's stand-in for Calibri (the report cells' font), to measure text
    widths; the font guard of the print proofs (tests/print_fonts.py) sees that Calc takes it."""
    return (ImageFont.truetype(str(FONTS / "Carlito-Regular.ttf"), 100),
            ImageFont.truetype(str(FONTS / "Carlito-Bold.ttf"), 100))


def _broken_words(text: str, font: ImageFont.FreeTypeFont, size: float, room: float) -> list[str]:
    """The words of ``text`` wider than ``room``: Calc breaks them inside the word."""
    return [word for word in text.split() if font.getlength(word) * size / 100 > room]


def _lines(text: str, font: ImageFont.FreeTypeFont, size: float, room: float) -> int:
    lines, current = 1, ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and font.getlength(trial) * size / 100 > room:
            lines, current = lines + 1, word
        else:
            current = trial
    return lines


def _unmerged_cells(workbooks):  # noqa: ANN001, ANN202 - (workbook name, sheet, cell) of every visible sheet
    """Each cell of each visible sheet that no merged range covers (a merged range is measured as a whole)."""
    for name, wb in workbooks.items():
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            merged = {cell for rng in ws.merged_cells.ranges for cell in rng.cells}
            for row in ws.iter_rows():
                for cell in row:
                    if (cell.row, cell.column) not in merged:
                        yield name, ws, cell


def test_wrapped_headers_fit_their_rows(workbooks) -> None:
    regular, bold = _fonts()
    cut = []
    checked = 0
    for name, ws, cell in _unmerged_cells(workbooks):
        if not (isinstance(cell.value, str) and cell.alignment.wrap_text):
            continue
        if cell.data_type == "f":  # a formula prints its result (28's repeats of C and F: what a person types)
            continue
        # A row without its own height keeps the default one line (Calc does not grow it on opening).
        height = ws.row_dimensions[cell.row].height or ws.sheet_format.defaultRowHeight or 15
        checked += 1
        size = cell.font.sz or 10
        font = bold if cell.font.b else regular
        room = _column_pt(ws, cell.column_letter) - CELL_PADDING_PT
        lines = _lines(cell.value, font, size, room)
        broken = _broken_words(cell.value, font, size, room)
        if broken:
            cut.append(f"{name} {ws.title}!{cell.coordinate}: „{cell.value}” – vārds „{broken[0]}” "
                       f"neietilpst kolonnā ({room:.0f} pt)")
        if lines * size * LINE_FACTOR > height + 1:
            cut.append(f"{name} {ws.title}!{cell.coordinate}: „{cell.value}” – {lines} rindas, augstums {height} pt")
    assert checked >= 20
    assert not cut, "\n".join(cut)


def test_column_headers_start_with_a_capital(workbooks) -> None:
    """35.–38. summary printed "atbilžu skaits" next to "Vecāks (36.): vidēji"."""
    checked = 0
    for name, wb in workbooks.items():
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.fill.fgColor.rgb in ("FFE8E8E8", "00E8E8E8"):
                        checked += 1
                        first = cell.value.strip()[:1]
                        assert not first.isalpha() or first.isupper(), f"{name} {ws.title}!{cell.coordinate}"
    assert checked >= 30


def _width_pt(ws, first: int, last: int) -> float:  # noqa: ANN001
    from openpyxl.utils import get_column_letter

    return sum(_column_pt(ws, get_column_letter(c)) for c in range(first, last + 1))


def test_unwrapped_text_is_not_cut_by_its_neighbour(workbooks) -> None:
    """Calc lets text that does not fit its cell run on into empty cells to its right; a filled or merged
    neighbour cuts it (found printing 30: "Kopā par visiem ceturkšņiem" and "Sagatavoja (vārds, uzvārds,
    amats)" lost their ends under the next column)."""
    regular, bold = _fonts()
    cut = []
    checked = 0
    for name, wb in workbooks.items():
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            merges = {(r.min_row, r.min_col): r for r in ws.merged_cells.ranges}
            covered = {cell for r in ws.merged_cells.ranges for cell in r.cells}
            for row in ws.iter_rows():
                for cell in row:
                    if not isinstance(cell.value, str) or cell.alignment.wrap_text or cell.value.startswith("="):
                        continue
                    checked += 1
                    merge = merges.get((cell.row, cell.column))
                    last_col = merge.max_col if merge else cell.column
                    size = cell.font.sz or 10
                    need = (bold if cell.font.b else regular).getlength(cell.value) * size / 100 + CELL_PADDING_PT
                    col, room = last_col, _width_pt(ws, cell.column, last_col)
                    while room < need:
                        col += 1
                        neighbour = ws.cell(row=cell.row, column=col)
                        if merge or neighbour.value not in (None, "") or (cell.row, col) in covered:
                            cut.append(f"{name} {ws.title}!{cell.coordinate}: „{cell.value}”")
                            break
                        room += _width_pt(ws, col, col)
    assert checked >= 50
    assert not cut, "\n".join(cut)


def test_dates_fit_their_columns(workbooks) -> None:
    """A date Calc cannot fit prints as "###" (found printing 29 with Calibri's metrics: the "Iesniegt līdz"
    column). Every cell formatted as a date (typed or computed) holds "28.10.2018" in its font."""
    regular, bold = _fonts()
    narrow = []
    checked = 0
    for name, ws, cell in _unmerged_cells(workbooks):
        fmt = cell.number_format.lower()
        if "yy" not in fmt or cell.alignment.textRotation:
            continue
        checked += 1
        sample = "28.10.2018" if "dd" in fmt else "10.2018"
        need = (bold if cell.font.b else regular).getlength(sample) * (cell.font.sz or 10) / 100
        room = _column_pt(ws, cell.column_letter) - DATE_PADDING_PT
        if need > room:
            narrow.append(f"{name} {ws.title}!{cell.coordinate}: {need:.0f} pt, kolonnā {room:.0f} pt")
    assert checked >= 20
    assert not narrow, "datums neietilpst (drukā ###): " + "; ".join(narrow)


def _list_values(wb: openpyxl.Workbook, formula: str) -> list[str]:
    """The values a list validation offers: a quoted list ("Jā,Nē") or a range of a (hidden) lists sheet."""
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    from openpyxl.utils.cell import range_to_tuple

    ref = formula.lstrip("=")
    if "!" not in ref:  # a defined name
        ref = wb.defined_names[ref].attr_text
    sheet, (min_col, min_row, max_col, max_row) = range_to_tuple(ref)
    ws = wb[sheet]
    return [str(ws.cell(r, c).value) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)
            if ws.cell(r, c).value not in (None, "")]


def test_a_value_chosen_from_a_list_fits_its_column(workbooks) -> None:
    """A list value picked in an unwrapped input cell prints whole (28's „cits (darba samaksa, avanss)” was cut
    at the column's border next to „Jā”; audit13 F9)."""
    regular, _ = _fonts()
    cut, checked = [], 0
    for name, wb in workbooks.items():
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            for dv in ws.data_validations.dataValidation:
                if dv.type != "list" or not dv.formula1:
                    continue
                values = _list_values(wb, dv.formula1)
                for rng in dv.sqref.ranges:
                    cell = ws.cell(rng.min_row, rng.min_col)
                    if cell.alignment.wrap_text:
                        continue
                    checked += 1
                    room = _width_pt(ws, rng.min_col, rng.min_col)
                    size = cell.font.sz or 10
                    for value in values:
                        if regular.getlength(value) * size / 100 + CELL_PADDING_PT > room:
                            cut.append(f"{name} {ws.title}!{cell.coordinate}: „{value}”")
    assert checked >= 3
    assert not cut, "\n".join(cut)
