"""The child's, the parent's and the social worker's names of input_checks.NAME_CHARS characters print whole in every
place they print (D170, D180), at Excel's widths and line heights as estimated by tests/workbook/cell_layout.py and at
LibreOffice's (the same estimate, calibrated here on what LibreOffice printed; tests/workbook/test_print_providers.py
prints them).

The places are found in the template, not listed by hand: every printed cell whose formula shows a name (the headers'
child, parent and worker lines, the names under the signatures, 6.2's parent row) and 6.1's input cells. Each is
filled with the worst case – capitals with diacritics, the widest letters a Latvian name has –, with the print
test's names and with the milder capitals LibreOffice printed for D170, and must take no more lines than its row shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook.defined_name import DefinedName

from generator.workbook.input_checks import NAME_CHARS, NAME_LIMITS
from tests.workbook.cell_layout import APPS, EXCEL, LIBREOFFICE, Room, room, text_width
from tests.workbook.kept_book import kept_book
from tests.workbook.test_print_goals import text_of
from tests.workbook.test_print_providers import LONGEST, PEOPLE_LAST

# The worst case: words of capitals with diacritics (the brief's "ŠĶŅĢĒĀŪĪ"), NAME_CHARS characters (fictional)
WORST = "ŠĶŅĢĒĀŪĪ ŠĶŅĢĒĀŪĪ ŠĶŅĢĒĀŪĪ ŠĶŅĢĒĀŪĪ ŠĶŅĢĒĀŪĪŅ"
CODE = "123456-12345"
# The capitals LibreOffice printed for D170 (review13 R13-5), which the estimate is checked on
MEASURED = "ANNA-MARIJA ELIZABETE OZOLIŅA-BĒRZIŅA ŠĶĒLE-ŪDRUPE MĀRTIŅA VĪTOLA-KALNIŅA "
NAMES = {"Berns_VardsUzvards": "child", "Vecaks_VardsUzvards": "parent", "Socialais_Darbinieks": "worker"}
# What a formula that shows a name prints: (pattern of the formula, whose name, the text around it)
SHOWN = (
    (r'^=SUBSTITUTE\(Galva_Berns,', "child", "Bērns: {}\npersonas kods: " + CODE),
    (r'^=Galva_Vecaks$', "parent", "Vecāks: {}"),
    (r'^=Galva_Darbinieks$', "worker", "Sociālais darbinieks: {}"),
    (r'^=IF\(Vecaks_VardsUzvards="","",Vecaks_VardsUzvards\)$', "parent", "{}"),
    (r'^=IF\(Socialais_Darbinieks="","",Socialais_Darbinieks\)$', "worker", "{}"),
)
MENTIONS = re.compile(r"Galva_Berns|Galva_Vecaks|Galva_Darbinieks|Vecaks_VardsUzvards|Socialais_Darbinieks|"
                      r"Berns_VardsUzvards")


def _print_area(ws) -> tuple[int, int] | None:  # noqa: ANN001 - an openpyxl worksheet
    """The last row and column of the sheet's print area, None without one (the whole sheet prints)."""
    area = ws.print_area
    if not area:
        return None
    last = (area[0] if isinstance(area, list) else area).split("!")[-1].split(":")[-1].replace("$", "")
    letters = last.rstrip("0123456789")
    return int(last[len(letters):]), column_index_from_string(letters)


def places(path: Path) -> list[tuple[str, str, str, str]]:
    """(sheet, cell, whose name, printed text with "{}" for the name) of every printed place of a name."""
    wb = kept_book(path)
    found = []
    for ws in wb:
        if ws.sheet_state != "visible":
            continue
        limit = _print_area(ws)
        hidden_cols = {k for k, d in ws.column_dimensions.items() if d.hidden}
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str) or not MENTIONS.search(value):
                    continue
                if limit and (cell.row > limit[0] or cell.column > limit[1]):
                    continue
                if get_column_letter(cell.column) in hidden_cols or ws.row_dimensions[cell.row].hidden:
                    continue
                shown = [(who, text) for pattern, who, text in SHOWN if re.search(pattern, value)]
                assert len(shown) == 1, f"{ws.title}!{cell.coordinate}: nezināms vārda izdrukas veids {value[:80]}"
                found.append((ws.title, cell.coordinate, *shown[0]))
    for name, who in NAMES.items():  # the input cells on 6.1
        sheet, ref = next(iter(wb.defined_names[name].destinations))
        found.append((sheet, ref.replace("$", ""), who, "{}"))
    return found


def _wide_room(ws, a1: str, app) -> Room:  # noqa: ANN001
    """room(), and for a cell that does not wrap, the empty cells right of it that its text flows over."""
    r = room(ws, a1, app)
    if r.wrap or any(m.min_row <= ws[a1].row <= m.max_row and m.min_col == ws[a1].column for m in ws.merged_cells.ranges):
        return r
    cell = ws[a1]
    limit = _print_area(ws)
    edge = limit[1] if limit else ws.max_column
    last, extra = cell.column, 0.0
    while last + 1 <= edge and ws.cell(cell.row, last + 1).value in (None, "") and not any(
            m.min_row <= cell.row <= m.max_row and m.min_col <= last + 1 <= m.max_col for m in ws.merged_cells.ranges):
        last += 1
        extra += room(ws, ws.cell(cell.row, last).coordinate, app).width + app.padding_pt
    return Room(r.sheet, r.a1, r.width + extra, r.height, r.size, r.bold, r.wrap, r.app)


@pytest.fixture(scope="module")
def name_places(templates: dict[str | None, Path]) -> list[tuple[str, str, str, str]]:
    return places(templates["liepaja"])


def test_every_sheet_s_names_are_found(name_places) -> None:  # noqa: ANN001
    """The places: the child's line on 6.1–6.11, the parent's and the worker's on 6.2–6.10, the signers under the
    signatures of 6.3, 6.5, 6.6 (two each) and 6.9 (the parent), 6.2's parent row and the three inputs of 6.1."""
    sheets = {s for s, *_ in name_places}
    assert {"6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9", "6.10", "6.11"} <= sheets, sheets
    signers = [(s, who) for s, _, who, text in name_places if text == "{}" and s != "6.1" and s != "6.2"]
    assert sorted(signers) == sorted([(s, w) for s in ("6.3", "6.5", "6.6") for w in ("parent", "worker")]
                                     + [("6.9", "parent")]), signers
    assert sorted(who for s, _, who, _ in name_places if s == "6.1") == ["child", "child", "parent", "worker"]


def test_the_worst_case_name_is_the_limit_s_length_and_widest() -> None:
    assert len(WORST) == NAME_CHARS == max(NAME_LIMITS.values())
    for name in (text_of(NAME_CHARS, last, MEASURED) for last in PEOPLE_LAST.values()):  # wider than D170's
        for app in APPS:
            assert text_width(WORST, 8, False, app) >= text_width(name, 8, False, app)


@pytest.mark.parametrize("app", APPS, ids=lambda a: a.name)
def test_names_of_the_limit_fit_every_place(templates: dict[str | None, Path], name_places, app) -> None:  # noqa: ANN001
    """Each place holds the worst-case name (and the print test's) in the lines its row shows, in its own font: the
    child's line the name in up to two lines and the personal code in a third; a signer's name one line of 8 pt;
    6.1's input cells wrap the name in the row's lines. Before D180 Excel's estimate needed three lines of 9 pt where
    the child's rows (32,25 pt) showed two, 6.6's signature line (A:B) was narrower than the name and 6.1's inputs cut
    it from about 37 capitals."""
    wb = kept_book(templates["liepaja"])
    wrong = []
    for sheet, a1, who, text in name_places:
        r = _wide_room(wb[sheet], a1, app)
        key = next(k for k, v in NAMES.items() if v == who)
        for name in (WORST, LONGEST[key], text_of(NAME_CHARS, PEOPLE_LAST[key], MEASURED)):
            if not r.fits(text.format(name)):
                wrong.append(r.why_not(text.format(name)))
    assert not wrong, "\n".join(wrong)


def _sheet(widths: dict[str, float], heights: dict[int, float]):  # noqa: ANN202
    ws = Workbook().active
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    for row, height in heights.items():
        ws.row_dimensions[row].height = height
    return ws


def _cell(ws, a1: str, last: str, size: float, bold: bool, text: str) -> Room:  # noqa: ANN001
    ws[a1] = text
    ws[a1].font = Font(sz=size, b=bold)
    ws[a1].alignment = Alignment(wrap_text=True)
    if last != a1.rstrip("0123456789"):
        ws.merge_cells(f"{a1}:{last}{a1.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}")
    return room(ws, a1, LIBREOFFICE)


def test_the_estimate_agrees_with_what_libreoffice_printed() -> None:
    """The LibreOffice estimate on the layouts LibreOffice printed (review13 R13-5, D170; stored widths as the
    files hold them): under 6.6's signature (A:B, 8 pt, one line) the print test's capitals printed whole up to 47
    characters and were cut at 49; in 6.8's child row (A, two lines of 9 pt bold) 45 of them took two lines, and the
    personal code was cut; 6.2's one-line header lost the worker's last word (E:H), not the parent's (A:D); a row of
    32,25 pt printed the name's two lines and the code whole (three lines)."""
    ws = _sheet({"A": 3.71, "B": 30.71}, {1: 11.25})
    for length, fits in ((45, True), (47, True), (49, False), (51, False)):
        r = _cell(ws, "A1", "B", 8, False, "")
        assert r.fits(text_of(length, "OMEGA", MEASURED)) is fits, (length, r.needs(text_of(length, "OMEGA", MEASURED)))
    child = f"Bērns: {text_of(NAME_CHARS, 'ZETA', MEASURED)}\npersonas kods: {CODE}"
    ws = _sheet({"A": 40.71}, {4: 21.75, 5: 32.25})
    assert _cell(ws, "A4", "A", 9, True, "").needs(child) == 3 > _cell(ws, "A4", "A", 9, True, "").lines == 2
    assert _cell(ws, "A5", "A", 9, True, "").lines == 3
    ws = _sheet({"A": 4.71, "B": 18.71, "C": 18.71, "D": 16.71, "E": 11.71, "F": 15.71, "G": 10.71, "H": 11.71},
                {4: 12, 5: 12})
    assert _cell(ws, "A4", "D", 9, True, "").fits(f"Vecāks: {text_of(NAME_CHARS, 'OMEGA', MEASURED)}")
    assert not _cell(ws, "E5", "H", 9, True, "").fits(f"Sociālais darbinieks: {text_of(NAME_CHARS, 'SIGMA', MEASURED)}")


def test_excel_is_estimated_narrower_and_its_lines_taller() -> None:
    """Excel's columns are narrower (7 px a digit against LibreOffice's 5,55 pt a unit) and its lines of Calibri
    taller (whole pixels): a layout that fits Excel's estimate is not assumed to fit LibreOffice's, both are checked."""
    assert EXCEL.column_pt(30.71) < LIBREOFFICE.column_pt(30.71)
    assert EXCEL.line_pt(9) > LIBREOFFICE.line_pt(9) and EXCEL.line_pt(8) > LIBREOFFICE.line_pt(8)
    assert text_width(WORST, 8, False, EXCEL) > text_width(WORST, 8, False, LIBREOFFICE)


def test_a_defined_name_of_each_input_exists(templates: dict[str | None, Path]) -> None:
    wb = kept_book(templates["liepaja"])
    for name in NAMES:
        assert isinstance(wb.defined_names[name], DefinedName)
