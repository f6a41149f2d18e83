"""The LibreOffice side of bench/spacer_rows.py (D288), run by Debian's Python with python3-uno:

    /usr/bin/python3 bench/spacer_rows_uno.py SOFFICE PROFILE OUT_DIR SPACERS_JSON FILE...

Loads each signed copy (bench/signed_pages.py --keep), inserts into every sheet of SPACERS_JSON ({sheet: {plan row:
height px}}) a blank row without borders before each named plan row, visible only while that row's group is open, and
prints the workbook to OUT_DIR/<name>.pdf. The file's name gives the plan's line count (rindas-N--signed.xlsx). The
formulas LibreOffice shifts on insertion are not the template's: only the pages are measured, not the values.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "generator"))

from lo_values import connect, prop  # noqa: E402

FIRST_PLAN_ROW = 8  # 0-based sheet row of plan row 1 on the signed annexes (row 9)
EVERYTHING = 1023  # com.sun.star.sheet.CellFlags: values, text, formulas, formats, styles, objects
LAST_COL = 80


def main(argv: list[str]) -> int:
    soffice, profile, out, spacers = argv[1], Path(argv[2]), Path(argv[3]), json.loads(argv[4])
    process, desktop, _ = connect(soffice, profile)
    try:
        for name in argv[5:]:
            path = Path(name).resolve()
            opened = math.ceil(int(path.name.split("-")[1]) / 5) * 5
            doc = desktop.loadComponentFromURL(path.as_uri(), "_blank", 0, (prop("Hidden", True),))
            doc.calculateAll()
            for sheet_name, heights in spacers.items():
                before = sorted(int(g) for g in heights)
                sheet = doc.Sheets.getByName(sheet_name)
                sheet.unprotect("")
                rows = sheet.Rows
                for g in reversed(before):
                    rows.insertByIndex(FIRST_PLAN_ROW + g - 1, 1)
                for k, g in enumerate(before):
                    r = FIRST_PLAN_ROW + g - 1 + k
                    sheet.getCellRangeByPosition(0, r, LAST_COL, r).clearContents(EVERYTHING)
                    row = rows.getByIndex(r)
                    row.Height = round(heights[str(g)] * 0.75 * 2540 / 72)  # px -> pt -> 1/100 mm
                    row.IsVisible = g <= opened
                for i in range(1, 41):
                    r = FIRST_PLAN_ROW + i - 1 + sum(1 for g in before if g <= i)
                    rows.getByIndex(r).IsVisible = i <= opened
            doc.calculateAll()
            doc.storeToURL((out / f"{path.stem}.pdf").resolve().as_uri(), (prop("FilterName", "calc_pdf_Export"),))
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - soffice may already be gone
            pass
        process.wait(timeout=60)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
