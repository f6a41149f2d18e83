"""How fast does LibreOffice print the workbook print proofs' sheets apart: a whole copy of the workbook per sheet
with the other sheets hidden, printed by ``soffice --convert-to pdf`` (``one_sheet_copies`` + ``convert``, the
baseline), against each workbook loaded once and its sheets printed over UNO (``print_sheets_apart``), in one run
on tests/workbook/test_print.py's workbooks; LibreOffice CPU seconds. Every PDF must have the same pages (text,
smallest font, size: ``read_pages``) and the same ``pdftotext -layout`` text both ways.

    .venv/bin/python bench/print_speed.py [--files N]

Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.recalc import convert, make_profile  # noqa: E402
from generator.reference.params import Params  # noqa: E402
from generator.workbook.writer import template_date, write_workbook  # noqa: E402
from tests.workbook.conftest import round_catalogue  # noqa: E402
from tests.workbook.pdf_pages import one_sheet_copies, print_sheets_apart, read_pages  # noqa: E402
from tests.workbook.test_print import print_inputs  # noqa: E402


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=0, help="only the first N workbooks (0: all)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="ibm-print-speed-"))
    catalogue = round_catalogue(root / "katalogs")
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    (root / "veidnes").mkdir()
    templates = {"liepaja": write_workbook(catalogue, root / "veidnes" / "ibm-matrica-liepaja.xlsx", "liepaja")}
    (root / "faili").mkdir()
    files = print_inputs(catalogue, templates, params, root / "faili")
    if args.files:
        files = dict(list(files.items())[: args.files])
    copies = {(path.stem, sheet): copy for path, sheets in files.items()
              for sheet, copy in one_sheet_copies(path, root / "faili").items() if sheet in sheets}
    start = children_cpu()
    old = dict(zip(copies, convert(list(copies.values()), root / "kopijas", to="pdf",
                                   profile=make_profile(root / "profils-1")), strict=True))
    middle = children_cpu()
    new = print_sheets_apart(files, root / "uno", make_profile(root / "profils-2"))
    end = children_cpu()
    assert sorted(old) == sorted(new)
    differing = []
    for key in old:
        texts = [subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                check=True).stdout for pdf in (old[key], new[key])]
        if read_pages(old[key]) != read_pages(new[key]) or texts[0] != texts[1]:
            differing.append(key)
    print(f"{len(files)} workbooks, {len(copies)} sheet prints")
    print(f"one-sheet copies (baseline): {middle - start:.1f} s CPU; loaded once over UNO: {end - middle:.1f} s CPU; "
          f"ratio {(end - middle) / (middle - start):.2f}")
    print(f"differing PDFs: {len(differing)} of {len(old)} {differing[:5]}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
