"""D288's measurement: would a blank spacer row opening each group that starts a page keep the last used plan row on
the signature page of every signed annex (6.3, 6.5, 6.6, 6.9)? Kept as the record of that measurement: since layout
revision 11 the template has the spacer rows itself (generator/workbook/spacers.py) and bench/signed_pages.py measures
them; run this only on signed copies of a template of revision 10 or older. It inserts the rows with LibreOffice into
the signed copies that bench/signed_pages.py --keep left, prints them and reads the pages as
tests/workbook/test_signed_page_rows.py does.

    .venv/bin/python bench/signed_pages.py --lines 1-40 --keep DIR      # the signed copies (and today's table)
    .venv/bin/python bench/spacer_rows.py DIR [--lines 6,11,21]

Prints one line per sheet and count: pages, the used rows on the signature page, OK when the last used row is there
and the signatures are not split. Exit 1 when some count is not OK.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.recalc import UNO_PYTHON, make_profile, soffice  # noqa: E402
from tests.workbook.signed_pages import SIGNED, pages_by_sheet, signed_print  # noqa: E402

# The spacer rows (before plan row: height in px) measured for D288: the room under the row before the group (the
# page model of tests/workbook/test_signed_page_arithmetic.py, with the spacers above) less about half a plan row;
# 6.9 (portrait, outside that model): four of its 32 px rows.
SPACERS = {"6.3": {6: 109, 21: 144, 36: 144}, "6.5": {11: 167, 21: 210, 31: 210}, "6.6": {16: 103, 31: 146},
           "6.9": {21: 128}}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("kept", type=Path, help="the folder of bench/signed_pages.py --keep")
    parser.add_argument("--lines", default="1-40", help="a range (1-40) or a list (6,11,21)")
    args = parser.parse_args()
    if "," in args.lines:
        counts = [int(n) for n in args.lines.split(",")]
    else:
        first, _, last = args.lines.partition("-")
        counts = list(range(int(first), int(last or first) + 1))
    files = [args.kept / f"rindas-{n}--signed.xlsx" for n in counts]
    wrong = 0
    with tempfile.TemporaryDirectory(prefix="ibm-spacer-") as tmp:
        out = Path(tmp) / "pdf"
        out.mkdir()
        spacers = json.dumps({sheet: {str(g): h for g, h in rows.items()} for sheet, rows in SPACERS.items()})
        subprocess.run([UNO_PYTHON, str(REPO / "bench" / "spacer_rows_uno.py"), str(soffice()),
                        str(make_profile(Path(tmp) / "profile")), str(out), spacers, *map(str, files)], check=True)
        for n, xlsx in zip(counts, files, strict=True):
            sheets = pages_by_sheet(out / f"{xlsx.stem}.pdf")
            cells = []
            for sheet in SIGNED:
                got = signed_print(sheet, n, sheets[sheet])
                ok = n in got.used_rows and not got.split
                wrong += not ok
                cells.append(f"{sheet}: {got.pages} lp., {got.used_rows[0] if got.used_rows else '-'}–"
                             f"{got.used_rows[-1] if got.used_rows else '-'} {'OK' if ok else 'NOT OK'}")
            print(f"{n}: " + "; ".join(cells))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
