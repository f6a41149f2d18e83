"""The fast reader reads what openpyxl reads (values, cached values, formulas, names) and refuses
files that are not workbooks with a clear message."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from generator.ministry.xlsxread import (
    NameRef,
    XlsxReadError,
    parse_area,
    read_xlsx,
    read_xlsx_lazily,
    sheet_parts,
)
from tests.ministry.openpyxl_check import differences


@pytest.mark.slow  # whole matrices (tests/conftest.py MARKED_BY_HAND)
def test_reads_the_generated_template_as_openpyxl_does(template: Path) -> None:
    assert differences(template) == []


@pytest.mark.slow  # whole matrices (tests/conftest.py MARKED_BY_HAND)
def test_reads_filled_matrices_as_openpyxl_does(small_folder) -> None:
    _, children = small_folder
    for child in children[:4]:
        assert differences(child.path) == [], child.path


@pytest.fixture
def varied(tmp_path: Path) -> Path:
    """Strings (shared, with Latvian letters), numbers, dates, booleans, errors, formulas with cached
    text and numbers, names on quoted sheet names; then one column turned into a shared formula."""
    path = tmp_path / "dazadi.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("6.1")
    other = wb.add_worksheet("Bērna 'A' lapa")
    date = wb.add_format({"num_format": "dd.mm.yyyy"})
    ws.write_string("A1", "Žanete Ābele – ģimene")
    ws.write_datetime("B1", dt.datetime(2019, 2, 28), date)
    ws.write_number("C1", 179.375)
    ws.write_boolean("D1", True)
    ws.write_formula("E1", '=IF(A1="","",A1)', None, "Žanete Ābele – ģimene")
    ws.write_formula("F1", "=1/0", None, "#DIV/0!")
    for r in range(2, 12):
        ws.write_number(r, 0, r * 1.1)
        ws.write_formula(r, 1, f"=ROUND(A{r + 1}*2,2)", None, round(r * 2.2, 2))
    other.write_string("B2", "rinda\nar pārnesumu")
    other.write_formula("C3", "='6.1'!C1*2", None, 358.75)
    wb.define_name("Vards", "='6.1'!$A$1")
    wb.define_name("Rinda", "='6.1'!$A$3:$A$12")
    wb.define_name("Cits", "='Bērna ''A'' lapa'!$B$2")
    wb.close()
    # Excel writes a column of similar formulas as one shared formula: do the same to column B.
    shared = tmp_path / "dalita.xlsx"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(shared, "w", zipfile.ZIP_DEFLATED) as zout:
        part = sheet_parts(zin)["6.1"]
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                text = data.decode()
                text = text.replace("<f>ROUND(A3*2,2)</f>", '<f t="shared" ref="B3:B12" si="0">ROUND(A3*2,2)</f>')
                text = re.sub(r"<f>ROUND\(A(\d+)\*2,2\)</f>", '<f t="shared" si="0"/>', text)
                # and an ISO date cell (t="d") at the end of row 1
                text = text.replace("</row>", '<c r="G1" t="d"><v>2020-03-04T00:00:00</v></c></row>', 1)
                data = text.encode()
            zout.writestr(info, data)
    return shared


def test_reads_varied_cells_and_shared_formulas_as_openpyxl_does(varied: Path) -> None:
    assert differences(varied) == []
    book = read_xlsx(varied)
    cells = book.cells["6.1"]
    assert cells[(12, 2)].formula == "ROUND(A12*2,2)"
    assert cells[(1, 2)].value == dt.datetime(2019, 2, 28)
    assert cells[(1, 4)].value is True
    assert cells[(1, 7)].value == dt.datetime(2020, 3, 4)
    assert book.values(book.name_ref("Cits")) == [["rinda\nar pārnesumu"]]  # type: ignore[arg-type]
    assert book.name_ref("Rinda") == NameRef("6.1", (3, 1), (12, 1))


def test_reads_only_the_sheets_asked_for(varied: Path) -> None:
    book = read_xlsx(varied, sheets=["6.1"])
    assert list(book.cells) == ["6.1"] and book.sheet_names == ["6.1", "Bērna 'A' lapa"]


@pytest.mark.slow  # whole matrices (tests/conftest.py MARKED_BY_HAND)
def test_a_lazy_book_reads_a_sheet_when_asked_and_then_as_a_whole_read(template: Path, small_folder,
                                                                       varied: Path) -> None:
    """reading.MatrixPlaces names a problem's place from a lazily read book: each sheet read on its first use (by
    key, get or in), every sheet before any iteration, and then the same cells, unlocked cells and hidden rows as
    ``read_xlsx`` of the whole file (the template with its closed plan rows, a filled matrix, shared formulas)."""
    _, children = small_folder
    for path in (template, children[0].path, varied):
        whole, lazy = read_xlsx(path), read_xlsx_lazily(path)
        assert (lazy.sheet_names, lazy.defined_names, lazy.date1904) == (whole.sheet_names, whole.defined_names,
                                                                       whole.date1904)
        first = whole.sheet_names[0]
        assert dict.__len__(lazy.cells) == 0  # nothing read before it is asked for
        assert lazy.cell(first, (1, 1)) == whole.cell(first, (1, 1))
        assert dict.__len__(lazy.cells) == 1 and dict.__len__(lazy.unlocked) == 1  # only that sheet, all of it
        assert lazy.unlocked.get(first) == whole.unlocked.get(first)
        assert "nav tādas lapas" not in lazy.cells and lazy.cells.get("nav tādas lapas") is None
        for kind in ("cells", "unlocked", "hidden_rows"):
            assert dict(getattr(lazy, kind).items()) == getattr(whole, kind), (path.name, kind)
    assert any(read_xlsx(template).hidden_rows.values()), "the template must have hidden rows to compare"


def test_a_lazy_book_refuses_a_broken_sheet_when_it_is_asked_for(varied: Path, tmp_path: Path) -> None:
    broken = tmp_path / "bojata.xlsx"
    with zipfile.ZipFile(varied) as zin, zipfile.ZipFile(broken, "w") as zout:
        part = sheet_parts(zin)["Bērna 'A' lapa"]
        for info in zin.infolist():
            zout.writestr(info, b"<worksheet" if info.filename == part else zin.read(info.filename))
    book = read_xlsx_lazily(broken)
    assert book.cells["6.1"][(1, 3)].value == 179.375
    for _ in range(2):  # a sheet that failed is not taken for an empty one the next time
        with pytest.raises(XlsxReadError, match=r"bojāts XML"):
            book.cell("Bērna 'A' lapa", (2, 2))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'6.3'!$C$9:$C$48", NameRef("6.3", (9, 3), (48, 3))),
        ("Lapa1!B2", NameRef("Lapa1", (2, 2), (2, 2))),
        ("'Bērna ''A'''!$B$2", NameRef("Bērna 'A'", (2, 2), (2, 2))),
        ("'6.6'!$E$9:$J$48", NameRef("6.6", (9, 5), (48, 10))),
        ("#REF!", None),
        ("'6.1'!$A$1,'6.1'!$B$1", None),
        ("0.7", None),
    ],
)
def test_parses_defined_name_areas(text: str, expected: NameRef | None) -> None:
    assert parse_area(text) == expected


def test_refuses_files_that_are_not_workbooks(tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").write_text("teksts", encoding="utf-8")
    with pytest.raises(XlsxReadError, match=r"^nav xlsx darbgrāmata: fails bojāts vai nepilnīgi nokopēts \(nav ZIP arhīvs; gaidīts: \.xlsx darbgrāmata\) – lūdziet to nosūtīt vēlreiz"):
        read_xlsx(tmp_path / "a.xlsx")
    with zipfile.ZipFile(tmp_path / "b.xlsx", "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    with pytest.raises(XlsxReadError, match=r"ZIP arhīvā nav darbgrāmatas xl/workbook.xml\) – lūdziet to nosūtīt "
                                            r"vēlreiz"):  # the same advice as a truncated file (audit35b F9e)
        read_xlsx(tmp_path / "b.xlsx")
    (tmp_path / "d.xlsx").write_bytes(b"")
    with pytest.raises(XlsxReadError, match=r"^nav xlsx darbgrāmata: fails ir tukšs \(0 baitu\) – lūdziet to nosūtīt"):
        read_xlsx(tmp_path / "d.xlsx")
    with zipfile.ZipFile(tmp_path / "c.xlsx", "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook")
        zf.writestr("xl/_rels/workbook.xml.rels", "<Relationships/>")
    with pytest.raises(XlsxReadError, match=r"bojāts XML"):
        read_xlsx(tmp_path / "c.xlsx")


def test_a_broken_or_missing_part_is_said_in_latvian_only(varied: Path, tmp_path: Path) -> None:
    """The libraries' English words (zipfile's „There is no item named …”, the XML parser's „mismatched tag”) are not
    shown: the part's name and the place in Latvian are (audit33c)."""
    for name, body in (("bez-dalas.xlsx", None), ("bojata.xlsx", b"<worksheet><row></worksheet>")):
        with zipfile.ZipFile(varied) as zin, zipfile.ZipFile(tmp_path / name, "w") as zout:
            part = sheet_parts(zin)["Bērna 'A' lapa"]
            for info in zin.infolist():
                if info.filename != part or body is not None:
                    zout.writestr(info, body if info.filename == part else zin.read(info.filename))
    with pytest.raises(XlsxReadError) as missing:
        read_xlsx(tmp_path / "bez-dalas.xlsx")
    # the sheet whose part is missing, by its name (or the part's own name where no sheet names it)
    assert str(missing.value) == "darbgrāmatā trūkst daļas „Bērna 'A' lapa”; saglabājiet matricu vēlreiz"
    with pytest.raises(XlsxReadError) as broken:
        read_xlsx(tmp_path / "bojata.xlsx")
    assert re.fullmatch(r"bojāts XML darbgrāmatas iekšienē \(1\. rindā, \d+\. zīmē\); saglabājiet matricu vēlreiz",
                        str(broken.value)), str(broken.value)


def test_an_unreadable_value_names_its_cell_and_the_files_inner_part(varied: Path, tmp_path: Path) -> None:
    """The part is said as the file's inner part („faila iekšējā daļā xl/worksheets/…”), not a bare „daļā”."""
    broken = tmp_path / "bojata-vertiba.xlsx"
    with zipfile.ZipFile(varied) as zin, zipfile.ZipFile(broken, "w") as zout:
        part = sheet_parts(zin)["6.1"]
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                data = re.sub(rb'<c r="A1"([^>]*)t="s"([^>]*)><v>\d+</v>', rb'<c r="A1"\1t="s"\2><v>999</v>', data)
            zout.writestr(info, data)
    with pytest.raises(XlsxReadError) as unreadable:
        read_xlsx(broken)
    assert str(unreadable.value) == (f"A1 faila iekšējā daļā {part}: vērtība „999” nav nolasāma (bojāta atsauce uz "
                                     "kopīgo tekstu vai skaitlis)")
