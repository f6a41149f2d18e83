"""What a worker does who unprotects a matrix sheet (it has no password, as the project decided) to "make room":
inserts or deletes a whole row, protects the sheet again and saves the file as xlsx – in LibreOffice itself, so that
its formulas and defined names move as LibreOffice moves them (openpyxl's insert_rows moves no reference).

Run by Debian's Python (python3-uno), as generator/lo_values.py is, whose connection it uses:

    /usr/bin/python3 tests/workbook/lo_rows.py SOFFICE PROFILE_DIR < requests

A request is one JSON line {"path", "out", "sheet", "op": "insert" | "delete", "row": 1-based}; for each it prints
{"out"} when stored or {"out", "error"}. One soffice serves all requests (tests/workbook/test_unit_limits.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "generator"))

from lo_values import connect, prop  # noqa: E402 - generator/lo_values.py imports nothing from the project


def change(desktop, asked: dict) -> None:  # noqa: ANN001 - the UNO desktop
    doc = desktop.loadComponentFromURL(Path(asked["path"]).resolve().as_uri(), "_blank", 0, (prop("Hidden", True),))
    try:
        sheet = doc.getSheets().getByName(asked["sheet"])
        sheet.unprotect("")
        rows = sheet.getRows()
        if asked["op"] == "insert":
            rows.insertByIndex(asked["row"] - 1, 1)
        else:
            rows.removeByIndex(asked["row"] - 1, 1)
        sheet.protect("")
        doc.calculateAll()
        doc.storeToURL(Path(asked["out"]).resolve().as_uri(), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    finally:
        doc.close(True)


def main(argv: list[str]) -> int:
    process, desktop, _ = connect(argv[1], Path(argv[2]))
    try:
        for line in sys.stdin:
            asked = json.loads(line)
            try:
                change(desktop, asked)
                print(json.dumps({"out": asked["out"]}), flush=True)
            except Exception as exc:  # noqa: BLE001 - reported per file, the test decides
                print(json.dumps({"out": asked["out"], "error": f"{type(exc).__name__}: {exc}"}), flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - the bridge goes down with soffice
            pass
        process.wait(timeout=60)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
