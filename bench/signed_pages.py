"""On which page of each signed annex (6.3, 6.5, 6.6, 6.9) the signatures fall for a program-filled plan of 1..40
lines, and whether that page also holds a plan row (issue 11's proof, audit42 F1/F2, D96).

    .venv/bin/python bench/signed_pages.py [--lines 1-40 | --lines 1,5,10] [--keep DIR]

Fills the showcase plan of tests/workbook/test_print.py (its six lines repeated) with goals of the limit's length
into a Liepāja matrix of the test round, prints the four signed sheets of every workbook with LibreOffice (one soffice
call) and prints a Markdown table: pages, the signature page's used rows (first-last) or "N —" (only unused, struck
rows) or "NO ROWS", "SPLIT" when the parties' signatures print on two pages, "NO LINE" when the signature page lacks
the line that names what the signatures approve (D272) or it names other rows, then the first plan row of each page.
Exit 1 when some count has no plan row on its signature page or is split.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.recalc import convert, make_profile  # noqa: E402
from generator.workbook.writer import write_workbook  # noqa: E402
from tests.workbook.conftest import round_catalogue  # noqa: E402
from tests.workbook.signed_pages import SIGNED, pages_by_sheet, signed_copy, signed_print  # noqa: E402
from tests.workbook.test_print import _showcase_file  # noqa: E402
from tests.workbook.test_signed_page_rows import _long_goals  # noqa: E402


def _counts(text: str) -> list[int]:
    if "," in text:
        return [int(n) for n in text.split(",")]
    first, _, last = text.partition("-")
    return list(range(int(first), int(last or first) + 1))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", default="1-40", help="a range (1-40) or a list (1,5,10)")
    parser.add_argument("--keep", type=Path, help="keep the workbooks and PDFs in this folder")
    parser.add_argument("--pdfs", type=Path, help="only read the PDFs a --keep run left in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ibm-signed-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if args.pdfs:
            copies = {n: args.pdfs / f"rindas-{n}--signed.xlsx" for n in _counts(args.lines)}
            pdfs = [args.pdfs / "pdf" / f"rindas-{n}--signed.pdf" for n in copies]
        else:
            catalogue = round_catalogue(folder / "catalogue")
            template = write_workbook(catalogue, folder / "veidne.xlsx", "liepaja")
            copies = {n: signed_copy(_showcase_file(catalogue, template, folder / f"rindas-{n}.xlsx", lines=n,
                                                    change=_long_goals), folder) for n in _counts(args.lines)}
            start = time.perf_counter()
            pdfs = convert(list(copies.values()), folder / "pdf", to="pdf", profile=make_profile(folder / "profile"))
            print(f"LibreOffice: {len(pdfs)} failu, {time.perf_counter() - start:.0f} s", file=sys.stderr)
        bare = 0
        print("| rindas | " + " | ".join(SIGNED) + " |")
        print("|---|" + "---|" * len(SIGNED))
        for n, pdf in zip(copies, pdfs, strict=True):
            sheets = pages_by_sheet(pdf)
            cells = []
            for sheet in SIGNED:
                found = signed_print(sheet, n, sheets[sheet])
                where = (f"{found.used_rows[0]}–{found.used_rows[-1]}" if found.used_rows
                         else f"{found.struck_rows} —" if found.struck_rows else "NO ROWS") + (" SPLIT" if found.split else "")
                line_ok = found.signed_line is not None and found.signed_line[:3] == (n, 1, n)
                where += "" if line_ok else " NO LINE"
                bare += found.split or not found.with_plan_rows or not line_ok
                cells.append(f"{found.pages} lp.; {where}; {'/'.join(map(str, found.first_rows))}")
            print(f"| {n} | " + " | ".join(cells) + " |")
        return 1 if bare else 0


if __name__ == "__main__":
    sys.exit(main())
