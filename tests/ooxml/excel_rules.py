"""Excel's own rules for an xlsx package that the ECMA-376 schemas do not express, each of which makes Excel
"repair" the file (dropping the offending names, validations, merges or formulas) or refuse it.

Sources, cited per rule below:
- [OI] Microsoft, "[MS-OI29500]: Office Implementation Information for ISO/IEC 29500", the notes where Excel
  is stricter than the standard, e.g. §2.1.578 sheet (name ≤ 31 characters, case-insensitively unique,
  sheetId 1–65534), §2.1.568 definedName (name 1–255 characters, contents follow the name-formula grammar),
  §2.1.613 dataValidation (prompt ≤ 255, error ≤ 224, promptTitle and errorTitle ≤ 32 characters, 1–32767
  references in sqref), §2.1.711 font name (1–31 characters) — pages under
  https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/ (ebf12ea5-2bb4-4af5-ab26-563f22d3f895,
  16c3c118-f358-493d-a99f-4c85ca834c00, 0114969a-4859-443e-ae3e-0c1fdebfcc64,
  0e286ffd-189c-4df8-a44f-3879af50a4a2).
- [XLSB] "[MS-XLSB] 2.5.166 XLNameWideString": the defined-name grammar (first character a letter, "_" or
  "\\"; not TRUE/FALSE; not an A1 reference; not starting with an R1C1 reference) and "2.5.73
  HeaderFooterString" (a header or footer is at most 255 characters).
- [LIM] Microsoft, "Excel specifications and limits" (Excel 2010): 1,048,576 rows by 16,384 columns, column
  width 255 characters, row height 409 points, 32,767 characters in a cell, formula contents 8,192
  characters, 64 nested levels of functions, 64,000 cell styles (cell formats), 512 fonts per workbook,
  200–250 number formats depending on the language version.
- [XW] XlsxWriter's documentation, which enforces the same limits when it writes: ``add_worksheet()`` (sheet
  name ≤ 31 characters without ``[ ] : * ? / \\``), ``set_header()``/``set_footer()`` (≤ 255 characters),
  ``data_validation()`` (a list source ≤ 255 characters; input and error title ≤ 32; it allows an error
  message of 255 characters, [OI] §2.1.613 c gives Excel's 224, which is checked), ``write_formula()`` and
  "Formulas added in Excel 2010 and later" (a function newer than Excel 2007 is stored with the ``_xlfn.``
  prefix; Excel 2010 knows only the ones it introduced — any other ``_xlfn.`` function shows #NAME? there).
- [DX] DevExpress, "XlDataValidation.ListValues": "The maximum length of a list … or a custom validation
  criteria is 255 characters" (Excel refuses a longer validation formula), so every formula1/formula2 is held
  to 255.
- [EP] EPPlus's maintainers on overlapping data validations ("not allowed in epplus or excel"; Excel keeps one
  validation per cell), https://github.com/EPPlusSoftware/EPPlus/issues/829.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree
from openpyxl.utils import column_index_from_string
from openpyxl.utils.formulas import FORMULAE

from tests.ooxml.schemas import REL, SML

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAX_ROW, MAX_COL = 1_048_576, 16_384
MAX_FORMULA = 8192
MAX_NESTING = 64
MAX_CELL_TEXT = 32_767
MAX_VALIDATION_FORMULA = 255
MAX_HEADER_FOOTER = 255
MAX_CELL_XFS = 64_000
MAX_FONTS = 512
MAX_NUM_FMTS = 200  # the lower bound of [LIM]'s "between 200 and 250, depending on the language version"
FORBIDDEN_IN_SHEET_NAME = set("[]:*?/\\")

# [XW] "Formulas added in Excel 2010 and later": the functions that Excel 2010 introduced (stored with the
# _xlfn. prefix). A prefixed function outside this set exists only in Excel 2013 or later.
EXCEL_2010_FUTURE = frozenset("""
AGGREGATE BETA.DIST BETA.INV BINOM.DIST BINOM.INV CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV
CHISQ.INV.RT CHISQ.TEST CONFIDENCE.NORM CONFIDENCE.T COVARIANCE.P COVARIANCE.S ERF.PRECISE ERFC.PRECISE
EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST FLOOR.PRECISE GAMMA.DIST GAMMA.INV GAMMALN.PRECISE
HYPGEOM.DIST LOGNORM.DIST LOGNORM.INV MODE.MULT MODE.SNGL NEGBINOM.DIST NETWORKDAYS.INTL NORM.DIST NORM.INV
NORM.S.DIST NORM.S.INV PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC POISSON.DIST
QUARTILE.EXC QUARTILE.INC RANK.AVG RANK.EQ STDEV.P STDEV.S T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST
VAR.P VAR.S WEIBULL.DIST WORKDAY.INTL Z.TEST
""".split())
# The functions of Excel 2007 (ECMA-376 Part 1, §18.17.7 "Predefined Function Definitions"), as openpyxl
# lists them; stored without a prefix.
EXCEL_2007 = frozenset(FORMULAE)
# Built-in names (ECMA-376 Part 1, §18.2.6); each belongs to a sheet (localSheetId).
BUILTIN_NAMES = {"_xlnm.Print_Area", "_xlnm.Print_Titles", "_xlnm._FilterDatabase", "_xlnm.Criteria",
                 "_xlnm.Extract", "_xlnm.Consolidate_Area", "_xlnm.Database", "_xlnm.Sheet_Title"}

_STRING = re.compile(r'"(?:[^"]|"")*"')
_QUOTED_SHEET = re.compile(r"'(?:[^']|'')*'")
_FUNCTION = re.compile(r"(?<![A-Za-z0-9_.\\])((?:_xlfn\.)?(?:_xlws\.)?)([A-Za-z][A-Za-z0-9.]*)\(")
_CELL = re.compile(r"([A-Z]{1,3})([0-9]+)")
_NAME_START = re.compile(r"[A-Za-z_\\\u0080-\uffff]")
_NAME_REST = re.compile(r"[A-Za-z0-9_.?\\\u0080-\uffff]*")


def _q(tag: str) -> str:
    return f"{{{SML}}}{tag}"


def _is_a1(text: str) -> bool:
    m = re.fullmatch(r"([A-Za-z]{1,3})([0-9]+)", text)
    return bool(m) and column_index_from_string(m.group(1).upper()) <= MAX_COL and 1 <= int(m.group(2)) <= MAX_ROW


def _starts_r1c1(text: str) -> bool:
    """[XLSB] 2.5.166: a name must not begin with an R1C1 reference ("R", "C", "R2", "C3", "R2C3" …)."""
    m = re.match(r"(?i)(r([0-9]*))?(c([0-9]*))?", text)
    if not m or not m.group(0):
        return False
    rest = text[m.end():]
    return rest == "" or not re.match(r"[A-Za-z0-9_.?\\]", rest) or bool(re.fullmatch(r"(?i)[rc][0-9]*", text))


def defined_name_problems(name: str) -> list[str]:
    """[OI] §2.1.568 k and [XLSB] 2.5.166: the syntax of a defined name (built-in names aside)."""
    if name.startswith("_xlnm."):
        return [] if name in BUILTIN_NAMES else [f"nezināms iebūvētais nosaukums {name}"]
    problems = []
    if not 1 <= len(name) <= 255:
        problems.append(f"nosaukuma garums {len(name)} (Excel: 1–255)")
    if not _NAME_START.match(name[:1]) or not _NAME_REST.fullmatch(name[1:]):
        problems.append(f"nosaukumā {name!r} ir neatļauta rakstzīme")
    if name.upper() in ("TRUE", "FALSE"):
        problems.append(f"nosaukums {name!r} ir loģiska vērtība")
    if _is_a1(name):
        problems.append(f"nosaukums {name!r} ir šūnas adrese")
    elif _starts_r1c1(name):
        problems.append(f"nosaukums {name!r} sākas ar R1C1 adresi")
    return problems


def sheet_name_problems(name: str) -> list[str]:
    """[OI] §2.1.578 a, [XW] add_worksheet(): ≤ 31 characters, none of ``[ ] : * ? / \\``, not empty, not
    starting or ending with an apostrophe, not "History" (reserved by Excel for tracked changes)."""
    problems = []
    if not 1 <= len(name) <= 31:
        problems.append(f"lapas nosaukuma {name!r} garums {len(name)} (Excel: 1–31)")
    if FORBIDDEN_IN_SHEET_NAME & set(name):
        problems.append(f"lapas nosaukumā {name!r} ir kāda no rakstzīmēm [ ] : * ? / \\")
    if name.startswith("'") or name.endswith("'"):
        problems.append(f"lapas nosaukums {name!r} sākas vai beidzas ar apostrofu")
    if name.lower() == "history":
        problems.append("lapas nosaukums History ir Excel rezervēts")
    return problems


_GUARDED_ISFORMULA = re.compile(r"IFERROR\(_xlfn\.ISFORMULA\([^()]*\),FALSE\)")
# audit31d F4: FORMULATEXT (Excel 2013) only in input_checks.is_logical's IFERROR(…,FALSE), its strings emptied
_GUARDED_FORMULATEXT = re.compile(r'IFERROR\(AND\(RIGHT\(_xlfn\.FORMULATEXT\([^()]*\),2\)="",OR\(N\([^()]*\)=0,'
                                  r'N\([^()]*\)=1\)\),FALSE\)')
# D346: and in input_checks.error_formula's IFERROR(LEFT(…,2)<>"=#",FALSE) – an error pasted as a value is no formula
# the worker wrote; Excel 2010's #NAME? there becomes FALSE (the error counted as an error value, not a formula)
_GUARDED_ERROR_FORMULATEXT = re.compile(r'IFERROR\(LEFT\(_xlfn\.FORMULATEXT\([^()]*\),2\)<>"",FALSE\)')


def formula_problems(formula: str, where: str, limit: int = MAX_FORMULA) -> list[str]:
    """[LIM]: ≤ ``limit`` characters, ≤ 64 nested levels; [XW]: every function is one Excel 2010 knows —
    a classic one without a prefix, or one of Excel 2010's own with ``_xlfn.``."""
    problems = []
    if len(formula) > limit:
        problems.append(f"{where}: formulas garums {len(formula)} (Excel: ≤ {limit})")
    bare = _QUOTED_SHEET.sub("S", _STRING.sub('""', formula))
    depth = deepest = 0
    for ch in bare:
        depth += ch == "("
        depth -= ch == ")"
        deepest = max(deepest, depth)
    if deepest > MAX_NESTING:
        problems.append(f"{where}: {deepest} ligzdotas iekavas (Excel: ≤ {MAX_NESTING})")
    # D140: ISFORMULA (Excel 2013) only as IFERROR(_xlfn.ISFORMULA(cell),FALSE), FORMULATEXT only in is_logical's
    # IFERROR (audit31d F4): Excel 2010 computes #NAME? there, which IFERROR turns into FALSE (measured as Excel 2010 sees it: tests/workbook/test_pasted_formula_and_text.py)
    guarded = _GUARDED_ERROR_FORMULATEXT.sub("FALSE", _GUARDED_FORMULATEXT.sub("FALSE", _GUARDED_ISFORMULA.sub("FALSE", bare)))
    for prefix, function in _FUNCTION.findall(guarded):
        upper = function.upper()
        if prefix:
            if prefix != "_xlfn." or upper not in EXCEL_2010_FUTURE:
                problems.append(f"{where}: funkcija {prefix}{function} nav Excel 2010")
        elif upper not in EXCEL_2007:
            problems.append(f"{where}: funkcija {function} nav Excel 2007/2010 funkciju sarakstā "
                            f"(jaunākai funkcijai vajag _xlfn.)")
    return problems


def _ranges(sqref: str) -> Iterator[tuple[int, int, int, int]]:
    for part in sqref.split():
        ends = part.replace("$", "").split(":")
        cells = [_CELL.fullmatch(e) for e in ends]
        if not all(cells):
            continue
        (c1, r1), (c2, r2) = [(column_index_from_string(m.group(1)), int(m.group(2))) for m in (cells[0], cells[-1])]
        yield min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def _overlaps(boxes: list[tuple[tuple[int, int, int, int], str]]) -> list[tuple[str, str]]:
    """Pairs of ranges (row1, col1, row2, col2) that share a cell: sorted by first row, each is compared only
    with the ranges that start before it ends."""
    found = []
    ordered = sorted(boxes)
    for i, (a, ref_a) in enumerate(ordered):
        for b, ref_b in ordered[i + 1:]:
            if b[0] > a[2]:
                break
            if b[1] <= a[3] and a[1] <= b[3]:
                found.append((ref_a, ref_b))
    return found


def _worksheet_problems(root: etree._Element, sheet: str, counts: dict[str, int]) -> list[str]:
    problems: list[str] = []
    where = f"lapa {sheet!r}"
    last_row = 0
    for row in root.iter(_q("row")):
        r = int(row.get("r", last_row + 1))
        if not last_row < r <= MAX_ROW:
            problems.append(f"{where}: rinda {r} nav augošā secībā 1–{MAX_ROW}")
        ht = row.get("ht")
        if ht is not None and not 0 <= float(ht) <= 409:
            problems.append(f"{where}: rindas {r} augstums {ht} (Excel: ≤ 409 pt)")
        last_row = r
        last_col = 0
        for cell in row.iter(_q("c")):
            ref = cell.get("r")
            if ref is not None:
                m = _CELL.fullmatch(ref)
                col = column_index_from_string(m.group(1)) if m else 0
                if not m or int(m.group(2)) != r or not last_col < col <= MAX_COL:
                    problems.append(f"{where}: šūna {ref} nav rindā {r} augošā kolonnu secībā")
                last_col = col
            style = int(cell.get("s", "0"))
            if style >= counts["cellXfs"]:
                problems.append(f"{where}!{ref}: stils {style}, bet cellXfs ir {counts['cellXfs']}")
            if cell.get("t") == "s":
                v = cell.find(_q("v"))
                if v is not None and int(v.text) >= counts["strings"]:
                    problems.append(f"{where}!{ref}: kopīgā virkne {v.text} neeksistē")
            for text in cell.iter(_q("t")):
                if text.text and len(text.text) > MAX_CELL_TEXT:
                    problems.append(f"{where}!{ref}: teksts garāks par {MAX_CELL_TEXT} rakstzīmēm")
            f = cell.find(_q("f"))
            if f is not None and f.text:
                problems += formula_problems(f.text, f"{where}!{ref}")
    for col in root.iter(_q("col")):
        if float(col.get("width", "0")) > 255:
            problems.append(f"{where}: kolonnas platums {col.get('width')} (Excel: ≤ 255)")
    merged = [(m.get("ref"), next(_ranges(m.get("ref")), None)) for m in root.iter(_q("mergeCell"))]
    for ref, box in merged:
        if box is None or (box[0] == box[2] and box[1] == box[3]):
            problems.append(f"{where}: apvienojums {ref} nav vismaz divu šūnu apgabals")
    problems += [f"{where}: apvienojumi {a} un {b} pārklājas"
                 for a, b in _overlaps([(box, ref) for ref, box in merged if box is not None])]
    validated = [(box, part) for dv in root.iter(_q("dataValidation"))
                 for part in dv.get("sqref", "").split() for box in _ranges(part)]
    problems += [f"{where}: datu pārbaužu apgabali {a} un {b} pārklājas" for a, b in _overlaps(validated)]
    for dv in root.iter(_q("dataValidation")):
        sqref = dv.get("sqref", "")
        dv_where = f"{where} pārbaude {sqref[:40]}"
        refs = len(sqref.split())
        if not 1 <= refs <= 32_767:
            problems.append(f"{dv_where}: {refs} apgabali (Excel: 1–32767)")
        for tag in ("formula1", "formula2"):
            el = dv.find(_q(tag))
            if el is not None and el.text:
                problems += formula_problems(el.text, f"{dv_where} {tag}", MAX_VALIDATION_FORMULA)
        for attr, limit in (("promptTitle", 32), ("errorTitle", 32), ("prompt", 255), ("error", 224)):
            if len(dv.get(attr, "")) > limit:
                problems.append(f"{dv_where}: {attr} garums {len(dv.get(attr))} (Excel: ≤ {limit})")
    for rule in root.iter(_q("cfRule")):
        dxf = rule.get("dxfId")
        if dxf is not None and int(dxf) >= counts["dxfs"]:
            problems.append(f"{where}: nosacījumformatējums ar dxfId {dxf}, bet dxfs ir {counts['dxfs']}")
        for formula in rule.iter(_q("formula")):
            problems += formula_problems(formula.text or "", f"{where} nosacījumformatējums")
    for hf in root.iter(_q("headerFooter")):
        for part in hf:
            if part.text and len(part.text) > MAX_HEADER_FOOTER:
                problems.append(f"{where}: {etree.QName(part).localname} garums {len(part.text)} "
                                f"(Excel: ≤ {MAX_HEADER_FOOTER})")
    return problems


def _style_counts(zf: zipfile.ZipFile, styles_part: str | None) -> tuple[dict[str, int], list[str]]:
    """Counts of the style tables and [LIM]'s limits on them; every xf points inside its tables."""
    if styles_part is None:
        return {"cellXfs": 1, "dxfs": 0}, ["stilu daļa (xl/styles.xml) nav atrodama"]
    root = etree.fromstring(zf.read(styles_part))
    size = {tag: len(root.find(_q(tag))) if root.find(_q(tag)) is not None else 0
            for tag in ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs")}
    problems = []
    if size["cellXfs"] > MAX_CELL_XFS:
        problems.append(f"styles: {size['cellXfs']} šūnu formāti (Excel: ≤ {MAX_CELL_XFS})")
    if size["fonts"] > MAX_FONTS:
        problems.append(f"styles: {size['fonts']} fonti (Excel: ≤ {MAX_FONTS})")
    if size["numFmts"] > MAX_NUM_FMTS:
        problems.append(f"styles: {size['numFmts']} skaitļu formāti (Excel: ≤ {MAX_NUM_FMTS})")
    for font in root.iter(_q("name")):
        if not 1 <= len(font.get("val", "")) <= 31:
            problems.append(f"styles: fonta nosaukums {font.get('val')!r} (Excel: 1–31 rakstzīmes)")
    custom_formats = {int(n.get("numFmtId")) for n in root.iter(_q("numFmt"))}
    for table in ("cellStyleXfs", "cellXfs"):
        holder = root.find(_q(table))
        for i, xf in enumerate(holder if holder is not None else []):
            for attr, target in (("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders")):
                if int(xf.get(attr, "0")) >= size[target]:
                    problems.append(f"styles: {table}[{i}] {attr}={xf.get(attr)}, bet {target} ir {size[target]}")
            if table == "cellXfs" and int(xf.get("xfId", "0")) >= size["cellStyleXfs"]:
                problems.append(f"styles: cellXfs[{i}] xfId={xf.get('xfId')} ārpus cellStyleXfs")
            fmt = int(xf.get("numFmtId", "0"))
            if fmt >= 164 and fmt not in custom_formats:
                problems.append(f"styles: {table}[{i}] numFmtId={fmt} nav definēts")
    return size, problems


def _defined_names_problems(workbook: etree._Element, sheets: list[str]) -> list[str]:
    problems = []
    seen: set[tuple[str, str]] = set()
    for dn in workbook.iter(_q("definedName")):
        name = dn.get("name", "")
        scope = dn.get("localSheetId")
        where = f"definētais nosaukums {name}" + (f" (lapa {scope})" if scope is not None else "")
        problems += [f"{where}: {p}" for p in defined_name_problems(name)]
        key = (name.upper(), scope or "")
        if key in seen:
            problems.append(f"{where}: atkārtojas tajā pašā darbības jomā")
        seen.add(key)
        if scope is not None and not 0 <= int(scope) < len(sheets):
            problems.append(f"{where}: localSheetId ārpus lapu skaita {len(sheets)}")
        value = dn.text or ""
        if not value.strip():
            problems.append(f"{where}: tukša vērtība")
        if "#REF!" in value:
            problems.append(f"{where}: norāda uz #REF!")
        problems += formula_problems(value, where)
        if name in ("_xlnm.Print_Area", "_xlnm.Print_Titles"):
            if scope is None:
                problems.append(f"{where}: drukas nosaukumam vajag localSheetId")
                continue
            own = sheets[int(scope)] if 0 <= int(scope) < len(sheets) else None
            for area in value.split(","):
                sheet_ref, _, target = area.rpartition("!")
                sheet_ref = sheet_ref[1:-1].replace("''", "'") if sheet_ref.startswith("'") else sheet_ref
                if sheet_ref != own:
                    problems.append(f"{where}: {area} nav lapā {own!r}")
                if name == "_xlnm.Print_Titles" and not re.fullmatch(
                        r"\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?[0-9]+:\$?[0-9]+", target):
                    problems.append(f"{where}: {area} nav veselas rindas vai kolonnas")
    return problems


def check_xlsx(path: Path) -> list[str]:
    """Every Excel rule above for the workbook at ``path``; an empty list means none is broken."""
    with zipfile.ZipFile(path) as zf:
        rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{REL}}}Relationship")}
        by_type = {r.get("Type").rsplit("/", 1)[-1]: r.get("Target") for r in rels.iter(f"{{{REL}}}Relationship")}

        def part(target: str) -> str:
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"

        workbook = etree.fromstring(zf.read("xl/workbook.xml"))
        sheet_elements = list(workbook.iter(_q("sheet")))
        sheets = [s.get("name", "") for s in sheet_elements]
        problems: list[str] = []
        for name in sheets:
            problems += sheet_name_problems(name)
        if len({s.lower() for s in sheets}) != len(sheets):
            problems.append("lapu nosaukumi nav unikāli (Excel tos salīdzina bez reģistra)")
        for s in sheet_elements:
            if not 1 <= int(s.get("sheetId", "0")) <= 65_534:
                problems.append(f"lapa {s.get('name')!r}: sheetId {s.get('sheetId')} (Excel: 1–65534)")
        problems += _defined_names_problems(workbook, sheets)
        styles = part(by_type["styles"]) if "styles" in by_type else None
        counts, style_problems = _style_counts(zf, styles if styles in zf.namelist() else None)
        problems += style_problems
        strings = 0
        if "sharedStrings" in by_type:
            sst = etree.fromstring(zf.read(part(by_type["sharedStrings"])))
            strings = len(sst.findall(_q("si")))
            for i, si in enumerate(sst.iter(_q("si"))):
                if len("".join(si.itertext())) > MAX_CELL_TEXT:
                    problems.append(f"sharedStrings[{i}]: garāks par {MAX_CELL_TEXT} rakstzīmēm")
        counts = {**counts, "strings": strings}
        for s in sheet_elements:
            target = targets.get(s.get(f"{{{R_NS}}}id"))
            if target is None:
                problems.append(f"lapa {s.get('name')!r}: nav relācijas uz tās daļu")
                continue
            problems += _worksheet_problems(etree.fromstring(zf.read(part(target))), s.get("name"), counts)
    return problems
