"""The OOXML checks find what they are meant to find: each rule fails on a small broken example and passes
on a correct one (so that a clean result on our packages means something)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from lxml import etree

from tests.ooxml.excel_rules import (
    _worksheet_problems,
    check_xlsx,
    defined_name_problems,
    formula_problems,
    sheet_name_problems,
)
from tests.ooxml.schemas import SML, WML, check_package, validate_part
from tests.ooxml.word_rules import check_docx

SHEET = (f'<worksheet xmlns="{SML}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
         'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">'
         '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>{rows}</sheetData>{tail}'
         '</worksheet>')
COUNTS = {"cellXfs": 2, "dxfs": 0, "strings": 1}


def sheet(rows: str = "", tail: str = "") -> bytes:
    return SHEET.format(rows=rows, tail=tail).encode()


def test_schema_accepts_ignorable_extensions_and_rejects_unknown_elements() -> None:
    assert validate_part("ok", sheet('<row r="1"><c r="A1"><v>1</v></c></row>')) == ([], True)
    problems, covered = validate_part("bad", sheet('<row r="1"><c r="A1"><x>1</x></c></row>'))
    assert covered and problems and "bad:1" in problems[0]
    problems, _ = validate_part("order", sheet(tail='<pageSetup/><pageMargins left="1" right="1" top="1" '
                                                    'bottom="1" header="0" footer="0"/>'))
    assert problems, "pageMargins after pageSetup breaks the sequence"
    assert validate_part("syntax", b"<worksheet")[0]


def test_defined_name_syntax() -> None:
    for good in ("Plans_Daudzums", "_xlnm.Print_Area", "Pak.Cena", "\\atsauce", "Vecums"):
        assert defined_name_problems(good) == [], good
    for bad in ("A1", "xfd1048576", "R1C1", "R", "c", "R2C", "TRUE", "1abc", "a b", "", "x" * 256,
                "_xlnm.Print_Everything"):
        assert defined_name_problems(bad), bad


def test_sheet_name_rules() -> None:
    assert sheet_name_problems("6.1") == [] and sheet_name_problems("28 Reģistrs") == []
    for bad in ("x" * 32, "a/b", "a[1]", "'a'", "History", ""):
        assert sheet_name_problems(bad), bad


def test_formula_functions_and_length() -> None:
    assert formula_problems('IFERROR(SUMIFS(A:A,B:B,"XLOOKUP(x)"),0)', "f") == []
    assert formula_problems("_xlfn.STDEV.S(A1:A3)+'lapa (1)'!A1", "f") == []
    assert formula_problems("_xlfn.XLOOKUP(A1,B:B,C:C)", "f")
    assert formula_problems("XLOOKUP(A1,B:B,C:C)", "f")
    # D140: ISFORMULA only where Excel 2010's #NAME? becomes FALSE
    assert formula_problems("IF(IFERROR(_xlfn.ISFORMULA('6.1'!B5),FALSE),3,0)", "f") == []
    assert formula_problems("IF(_xlfn.ISFORMULA(B5),3,0)", "f")
    assert formula_problems("IFERROR(_xlfn.ISFORMULA(B5),1)", "f")
    # audit31d F4: FORMULATEXT only in input_checks.is_logical's guard
    from generator.workbook.input_checks import is_logical
    assert formula_problems(is_logical("'6.1'!B5"), "f") == []
    assert formula_problems("IFERROR(_xlfn.FORMULATEXT(B5),1)", "f")
    # D346: and in input_checks.error_formula's guard
    from generator.workbook.input_checks import error_formula
    assert formula_problems(error_formula("'6.8'!H26"), "f") == []
    assert formula_problems('IFERROR(LEFT(_xlfn.FORMULATEXT(B5),2)<>"=#",TRUE)', "f")
    assert formula_problems("_xlfn._xlws.FILTER(A:A,B:B)", "f")
    assert formula_problems("LET(x,1,x)", "f")
    assert formula_problems("A1+" * 3000 + "1", "f")
    assert formula_problems("(" * 65 + "1" + ")" * 65, "f")
    assert formula_problems("A1&" + '"' + "x" * 260 + '"', "v", 255)


def problems_of(rows: str = "", tail: str = "") -> list[str]:
    return _worksheet_problems(etree.fromstring(sheet(rows, tail)), "6.1", COUNTS)


def test_worksheet_rules() -> None:
    assert problems_of('<row r="1"><c r="A1" s="1"><f>SUM(B1:B2)</f></c><c r="B1" t="s"><v>0</v></c></row>',
                       '<mergeCells count="2"><mergeCell ref="A3:B4"/><mergeCell ref="C3:D4"/></mergeCells>') == []
    assert problems_of(tail='<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>')
    assert problems_of(tail='<mergeCells count="1"><mergeCell ref="A1"/></mergeCells>')
    assert problems_of('<row r="2"/><row r="1"/>')
    assert problems_of('<row r="1"><c r="B1"/><c r="A1"/></row>')
    assert problems_of('<row r="1"><c r="A2"/></row>')
    assert problems_of('<row r="1"><c r="A1" s="5"/></row>')
    assert problems_of('<row r="1"><c r="A1" t="s"><v>3</v></c></row>')
    long_list = '"' + ",".join(["vērtība"] * 40) + '"'
    assert problems_of(tail=f'<dataValidations count="1"><dataValidation type="list" sqref="A1">'
                            f'<formula1>{long_list}</formula1></dataValidation></dataValidations>')
    assert problems_of(tail=f'<dataValidations count="1"><dataValidation type="custom" sqref="A1" '
                            f'error="{"x" * 225}"><formula1>A1&gt;0</formula1></dataValidation></dataValidations>')
    assert problems_of(tail=f'<headerFooter><oddFooter>&amp;C{"x" * 260}</oddFooter></headerFooter>')


def test_workbook_rules_on_a_written_file(tmp_path: Path) -> None:
    good = tmp_path / "labs.xlsx"
    wb = xlsxwriter.Workbook(str(good))
    ws = wb.add_worksheet("6.1")
    ws.write_formula("A1", "=SUM(B1:B2)")
    ws.merge_range("C1:D2", "kopā")
    ws.print_area("A1:D10")
    ws.repeat_rows(0)
    wb.define_name("Summa", "='6.1'!$A$1")
    wb.close()
    assert check_xlsx(good) == [] and check_package(good).problems == []

    bad = tmp_path / "slikts.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b'<definedName name="Summa">', b'<definedName name="A1">')
                data = data.replace(b"'6.1'!$A$1:$D$10", b"'Cita'!$A$1:$D$10")
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b'Target="styles.xml"', b'Target="stili.xml"')
            dst.writestr(item, data)
    problems = check_xlsx(bad)
    assert any("A1" in p and "adrese" in p for p in problems), problems
    assert any("Print_Area" in p and "Cita" in p for p in problems), problems
    assert any("stili.xml" in p for p in check_package(bad).problems)


@pytest.mark.parametrize("created", ["2023-04-01", "01.04.2023"])
def test_core_properties_need_w3cdtf_dates(tmp_path: Path, created: str) -> None:
    path = tmp_path / "x.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet()
    wb.close()
    bad = tmp_path / "y.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "docProps/core.xml":
                start = data.index(b"<dcterms:created")
                end = data.index(b"</dcterms:created>")
                data = data[:start] + f"<dcterms:created>{created}".encode() + data[end:]
            dst.writestr(item, data)
    assert check_package(path).problems == []
    assert any("dcterms:created" in p for p in check_package(bad).problems)


DOC = (f'<w:document xmlns:w="{WML}"><w:body>{{body}}</w:body></w:document>')
STYLES = (f'<w:styles xmlns:w="{WML}"><w:style w:type="paragraph" w:styleId="Normal"/>'
          '<w:style w:type="table" w:styleId="TableGrid"/></w:styles>')
NUMBERING = (f'<w:numbering xmlns:w="{WML}"><w:abstractNum w:abstractNumId="1"/>'
             '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
TABLE = ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/>'
         '<w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p/></w:tc>'
         '<w:tc><w:p/></w:tc></w:tr></w:tbl>')


def docx(tmp_path: Path, body: str, numbering: str = NUMBERING) -> Path:
    path = tmp_path / "d.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", DOC.format(body=body))
        zf.writestr("word/styles.xml", STYLES)
        zf.writestr("word/numbering.xml", numbering)
    return path


def test_word_rules(tmp_path: Path) -> None:
    good = ('<w:p><w:pPr><w:pStyle w:val="Normal"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
            '</w:pPr><w:bookmarkStart w:id="0" w:name="Paraksts"/><w:bookmarkEnd w:id="0"/></w:p>'
            + TABLE.format(span=2))
    assert check_docx(docx(tmp_path, good)) == []
    assert check_docx(docx(tmp_path, TABLE.format(span=3)))
    assert check_docx(docx(tmp_path, '<w:p><w:pPr><w:pStyle w:val="Virsraksts9"/></w:pPr></w:p>'))
    assert check_docx(docx(tmp_path, '<w:p><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:p>'))
    assert check_docx(docx(tmp_path, f'<w:p><w:bookmarkStart w:id="1" w:name="{"x" * 41}"/>'
                                     '<w:bookmarkEnd w:id="1"/></w:p>'))
    assert check_docx(docx(tmp_path, "<w:p/>", NUMBERING.replace('abstractNumId w:val="1"',
                                                                  'abstractNumId w:val="5"')))


def test_overlapping_data_validations() -> None:
    rule = '<dataValidation type="whole" sqref="{}"><formula1>0</formula1></dataValidation>'
    ok = rule.format("A1:A5") + rule.format("B1:B5 C1")
    assert problems_of(tail=f'<dataValidations count="2">{ok}</dataValidations>') == []
    bad = rule.format("A1:A5") + rule.format("B1 A5:A6")
    assert any("pārklājas" in p for p in problems_of(tail=f'<dataValidations count="2">{bad}</dataValidations>'))
