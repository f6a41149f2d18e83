"""Recalculated values of xlsx files read from one running LibreOffice over UNO, without saving the files.

Run by Debian's Python (/usr/bin/python3 with python3-uno), not the project's venv, which cannot import
``uno``; it imports nothing from the project. generator/recalc.py (``values``) starts it and parses its output:

    /usr/bin/python3 generator/lo_values.py SOFFICE PROFILE_DIR < paths > json-lines
    /usr/bin/python3 generator/lo_values.py SOFFICE PROFILE_DIR < paths and requests > json-lines

A stdin line that is a JSON request {"path", "sheets": [[sheet, PDF path], ...]} has the file loaded once and each
sheet printed to its PDF on its own (``print_file``); a sheet of null stores the whole workbook first, as ``soffice
--convert-to`` does, to a PDF or, for a path ending in .xlsx, an xlsx file. The answer is {"path", "printed": n} or
{"path", "error"}. A request with "read": true (its sheets all null) has the file read as a plain path is and then
stored whole to each path, from the same load (``read_file``); the answer is the file's record. One run may mix such
requests and plain paths; the argument "pdf" is still accepted (ignored).

Reads one path per line from stdin; for each writes one JSON line: {"path", "names": {name: [sheet,
first_row, first_col, last_row, last_col]}, "sheets": [name, ...], "cells": {sheet: [[row, col, value], ...]}}
or {"path", "error"}. Rows and columns are 1-based; only non-empty cells (a formula's empty text result has no
value in the xlsx LibreOffice saves either). A value is a number (the whole double: generator/workbook/
recalculated.py rounds it to the 15 digits LibreOffice writes into xlsx), text, true/false for a logical number
format, {"date": number} for a date or time format, or {"error": "#VALUE!"} as LibreOffice writes the error into
xlsx. The reading runs inside soffice (a user-profile Python script, ``read_file``): a call per cell range across
the pipe would cost more than the load itself.

The profile must recalculate on load (generator/recalc.py make_profile): the same load as ``soffice
--convert-to``, so the same values; tests/workbook/test_lo_values.py proves them equal to the saved xlsx.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from pathlib import Path

import uno  # noqa: F401 - Debian's python3-uno; sets up the bridge
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.sheet.CellFlags import DATETIME, FORMULA, STRING, VALUE
from com.sun.star.sheet.FormulaResult import ERROR

# How LibreOffice 7.4 writes a formula error into xlsx (sc/source/filter/excel/xltools.cxx GetXclErrorCode):
# its error codes (FormulaError) to Excel's error texts; any other code is written as #N/A.
XLSX_ERRORS = {
    502: "#VALUE!", 503: "#NUM!", 504: "#VALUE!", 505: "#VALUE!", 506: "#VALUE!", 507: "#VALUE!",
    508: "#VALUE!", 509: "#VALUE!", 510: "#VALUE!", 511: "#VALUE!", 512: "#VALUE!", 513: "#VALUE!",
    514: "#VALUE!", 515: "#VALUE!", 516: "#VALUE!", 517: "#VALUE!", 518: "#VALUE!", 519: "#VALUE!",
    520: "#VALUE!", 521: "#NULL!", 522: "#VALUE!", 523: "#VALUE!", 524: "#REF!", 525: "#NAME?",
    526: "#NAME?", 527: "#VALUE!", 532: "#DIV/0!", 32767: "#N/A",
}
DATE_TYPES = 2 | 4  # NumberFormat DATE, TIME (DATETIME is both; com.sun.star.util.NumberFormat)
LOGICAL = 1024  # NumberFormat LOGICAL: LibreOffice writes TRUE/FALSE into xlsx as booleans


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(soffice: str, profile: Path):  # noqa: ANN201 - (process, desktop, component context)
    pipe = f"ibm-lo-{uuid.uuid4().hex}"
    process = subprocess.Popen(
        [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
         "--nolockcheck", "--nodefault", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # in this helper's process group (killed with it)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 120
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if process.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return process, desktop, ctx


def _value(raw: object, kind: str | None) -> object:
    if isinstance(raw, float):
        if kind == "bool":
            return raw != 0
        if kind == "date":
            return {"date": raw}
    return raw


def _addresses(ranges) -> list[tuple[int, int, int, int]]:  # noqa: ANN001 - XSheetCellRanges
    return [(a.StartRow, a.StartColumn, a.EndRow, a.EndColumn) for a in ranges.getRangeAddresses()]


def _overlap(address: tuple[int, int, int, int], boxes: list[tuple[int, int, int, int]]) -> set[tuple[int, int]]:
    """The cells of ``address`` inside any of ``boxes`` (all (first row, first col, last row, last col))."""
    r0, c0, r1, c1 = address
    cells = set()
    for a, b, y, z in boxes:
        cells.update((r, c) for r in range(max(r0, a), min(r1, y) + 1) for c in range(max(c0, b), min(c1, z) + 1))
    return cells


def read(doc) -> dict:  # noqa: ANN001 - a loaded spreadsheet document
    formats = doc.getNumberFormats()
    sheets = doc.getSheets()
    names_of_sheets = list(sheets.getElementNames())
    cells: dict[str, list] = {}
    for index, sheet_name in enumerate(names_of_sheets):
        sheet = sheets.getByIndex(index)
        filled = sheet.queryContentCells(VALUE | DATETIME | STRING | FORMULA)
        found: list = []
        if filled.getCount():
            boxes = _addresses(filled)
            kinds: dict[tuple[int, int], str] = {}
            unique = sheet.getUniqueCellFormatRanges()  # the whole sheet: only its filled part is looked at
            for group in (unique.getByIndex(i) for i in range(unique.getCount())):
                key = group.getByIndex(0).getPropertyValue("NumberFormat")
                kind = formats.getByKey(key).getPropertyValue("Type")
                kind = "date" if kind & DATE_TYPES else "bool" if kind & LOGICAL else None
                if kind:
                    for address in _addresses(group):
                        kinds.update(dict.fromkeys(_overlap(address, boxes), kind))
            errors = {}
            wrong = sheet.queryFormulaCells(ERROR)
            for r0, c0, r1, c1 in _addresses(wrong) if wrong.getCount() else []:
                for r in range(r0, r1 + 1):
                    for c in range(c0, c1 + 1):
                        code = sheet.getCellByPosition(c, r).getError()
                        errors[(r, c)] = {"error": XLSX_ERRORS.get(code, "#N/A")}
            for r0, c0, r1, c1 in boxes:
                block = sheet.getCellRangeByPosition(c0, r0, c1, r1)
                data = block.getDataArray()
                for i, row in enumerate(data):
                    for j, raw in enumerate(row):
                        rc = (r0 + i, c0 + j)
                        if rc in errors:
                            found.append([rc[0] + 1, rc[1] + 1, errors[rc]])
                        elif raw != "":  # "": an empty cell or a formula's empty text (no value in the saved xlsx)
                            found.append([rc[0] + 1, rc[1] + 1, _value(raw, kinds.get(rc))])
        cells[sheet_name] = sorted(found)
    names = {}
    named = doc.getPropertyValue("NamedRanges")
    for name in named.getElementNames():
        a = named.getByName(name).getReferredCells().getRangeAddress()
        names[name] = [names_of_sheets[a.Sheet], a.StartRow + 1, a.StartColumn + 1, a.EndRow + 1, a.EndColumn + 1]
    return {"names": names, "sheets": names_of_sheets, "cells": cells}


def _loaded(url: str, *properties: PropertyValue) -> tuple[object, str | None]:
    """Inside soffice: the file at ``url`` loaded hidden (with ``properties``), or (None, the JSON error record the
    script returns for it: reported per file, the caller decides)."""
    desktop = XSCRIPTCONTEXT.getDesktop()  # noqa: F821 - given to scripts by LibreOffice's script provider
    try:
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), *properties))
    except Exception as exc:  # noqa: BLE001 - reported per file, the caller decides
        return None, json.dumps({"error": f"{type(exc).__name__}: {getattr(exc, 'Message', exc)}"}, ensure_ascii=False)
    if doc is None:
        return None, json.dumps({"error": "LibreOffice neatvēra failu"}, ensure_ascii=False)
    return doc, None


def read_file(url: str, stores: str = "[]") -> str:
    """Inside soffice (a user-profile Python script): load, read and close one file; its JSON record. ``stores``: JSON
    [target URL, ...] where the whole workbook, as loaded and read, is stored afterwards (xlsx for a URL ending in
    .xlsx, else PDF), as ``soffice --convert-to`` stores it: a file to be read and saved is loaded once."""
    doc, error = _loaded(url, prop("ReadOnly", True))
    if error is not None:
        return error
    try:
        record = json.dumps(read(doc), ensure_ascii=False)
        for target_url in json.loads(stores):
            _store_whole(doc, target_url)
        return record
    finally:
        doc.close(True)


def _store_whole(doc, target_url: str) -> None:  # noqa: ANN001 - a loaded spreadsheet document
    """The whole workbook as loaded, as ``soffice --convert-to`` stores it: xlsx for a URL ending in .xlsx, else PDF."""
    xlsx = target_url.lower().endswith(".xlsx")
    doc.storeToURL(target_url, (prop("FilterName", "Calc MS Excel 2007 XML" if xlsx else "calc_pdf_Export"),))


def _print_setup(sheet) -> tuple:  # noqa: ANN001 - a sheet of a loaded document
    return (sheet.getPropertyValue("IsVisible"), sheet.getPrintAreas(), sheet.getPrintTitleRows(),
            sheet.getTitleRows(), sheet.getPrintTitleColumns(), sheet.getTitleColumns())


def _restore(sheet, setup: tuple) -> None:  # noqa: ANN001
    """The sheet's print areas and print titles as loaded (turning the titles off forgets their rows)."""
    visible, areas, print_rows, rows, print_columns, columns = setup
    sheet.setPrintAreas(areas)
    sheet.setPrintTitleRows(print_rows)
    if print_rows:
        sheet.setTitleRows(rows)
    sheet.setPrintTitleColumns(print_columns)
    if print_columns:
        sheet.setTitleColumns(columns)
    sheet.setPropertyValue("IsVisible", visible)


def print_file(url: str, request: str) -> str:
    """Inside soffice: load one file (recalculated on load) and print each sheet asked for to a PDF of its own, as
    ``soffice --convert-to pdf`` prints a copy of the file with every other sheet hidden and without its print areas
    and print titles (LibreOffice prints a hidden sheet's print area). ``request``: JSON [[sheet, PDF URL], ...]; a sheet
of null stores the whole workbook as loaded (a PDF, or xlsx for a URL ending in .xlsx), before any sheet is printed
on its own."""
    doc, error = _loaded(url)
    if error is not None:
        return error
    try:
        sheets = doc.getSheets()
        every = [sheets.getByIndex(i) for i in range(sheets.getCount())]
        setups = [_print_setup(sheet) for sheet in every]
        asked = json.loads(request)
        # the whole workbook first, as soffice --convert-to stores it: every sheet as loaded (setPrintAreas(()) would
        # not give a sheet back its "print the entire sheet" when another sheet has a print area)
        for target_url in (url for name, url in asked if name is None):
            _store_whole(doc, target_url)
        for name, target_url in ((name, url) for name, url in asked if name is not None):
            target = sheets.getByName(name)
            target.setPropertyValue("IsVisible", True)  # first: LibreOffice keeps one sheet visible
            for sheet, setup in zip(every, setups, strict=True):
                if sheet.getName() == name:
                    _restore(sheet, (True, *setup[1:]))
                else:
                    sheet.setPropertyValue("IsVisible", False)
                    sheet.setPrintAreas(())
                    sheet.setPrintTitleRows(False)
                    sheet.setPrintTitleColumns(False)
            doc.storeToURL(target_url, (prop("FilterName", "calc_pdf_Export"),))
        return json.dumps({"printed": len(asked)})
    finally:
        doc.close(True)


g_exportedScripts = (read_file, print_file)
SCRIPT = "ibm_lo_values.py"


def main(argv: list[str]) -> int:
    soffice, profile = argv[1], Path(argv[2])
    scripts = profile / "user" / "Scripts" / "python"  # this file, run inside soffice: no call per cell crosses the pipe
    scripts.mkdir(parents=True, exist_ok=True)
    (scripts / SCRIPT).write_bytes(Path(__file__).read_bytes())
    process, desktop, ctx = connect(soffice, profile)
    try:
        factory = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.script.provider.MasterScriptProviderFactory", ctx)
        provider = factory.createScriptProvider("")
        scripts = {name: provider.getScript(f"vnd.sun.star.script:{SCRIPT}${name}?language=Python&location=user")
                   for name in ("read_file", "print_file")}
        for line in sys.stdin:
            if line.startswith("{"):  # {"path": ..., "sheets": [[sheet or null, PDF or xlsx path], ...], "read"?}
                asked = json.loads(line)
                path = Path(asked["path"])
                if asked.get("read"):  # read, then the whole workbook stored (sheets of null alone)
                    stores = json.dumps([Path(out).resolve().as_uri() for _, out in asked["sheets"]])
                    script, arguments = scripts["read_file"], (path.resolve().as_uri(), stores)
                else:
                    request = json.dumps([[sheet, Path(out).resolve().as_uri()] for sheet, out in asked["sheets"]])
                    script, arguments = scripts["print_file"], (path.resolve().as_uri(), request)
            else:
                path = Path(line.rstrip("\n"))
                script, arguments = scripts["read_file"], (path.resolve().as_uri(),)
            result = script.invoke(arguments, (), ())[0]
            print(f'{{"path": {json.dumps(str(path), ensure_ascii=False)}, {result[1:]}', flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - the bridge goes down with soffice
            pass
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
