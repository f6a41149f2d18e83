"""How fast does the ministry tests' factory (tests/ministry/factory.py write_children) save its filled matrices:
openpyxl re-serialising every part (``saved_by="openpyxl"``) against the template's bytes with only the input cells
patched (``saved_by="xlsxpatch"``), alternating in one process on the same children, CPU seconds per file. Every
pair of files must hold the same values: each input (unlocked) cell of every sheet, the hidden/shown plan rows, and
the child as the collection reads it (generator/ministry/matrix.py read_child).

    .venv/bin/python bench/factory_speed.py [--children 12] [--rounds 3] [--free-cells]

Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.ministry.matrix import Matrix, read_child  # noqa: E402
from generator.ministry.xlsxread import read_xlsx  # noqa: E402
from generator.workbook.writer import write_workbook  # noqa: E402
from tests.ministry import factory  # noqa: E402
from tests.ministry.factory import make_children, same_value, write_children  # noqa: E402


def differences(a: Path, b: Path, catalogue) -> list[str]:  # noqa: ANN001
    first, second = read_xlsx(a), read_xlsx(b)
    found = []
    for sheet, coords in first.unlocked.items():
        for coord in coords:
            x, y = first.cell(sheet, coord), second.cell(sheet, coord)
            if not same_value(x.value if x else None, y.value if y else None):
                found.append(f"{sheet}!{coord}: {x and x.value!r} / {y and y.value!r}")
    if first.unlocked != second.unlocked:
        found.append("unlocked cells differ")
    for sheet in first.sheet_names:
        if first.hidden_rows.get(sheet) != second.hidden_rows.get(sheet):
            found.append(f"{sheet}: hidden rows differ")
    one, two = (read_child(Matrix.open(p), catalogue) for p in (a, b))
    if one != two:
        found.append(f"read_child: {one} / {two}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--children", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--free-cells", action="store_true")
    args = parser.parse_args()
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    folder = Path(tempfile.mkdtemp(prefix="ibm-factory-speed-"))
    template = write_workbook(catalogue, folder / "veidne.xlsx")
    children = make_children(catalogue, args.children, seed=71, one_period=True)
    times = {"openpyxl": 0.0, "xlsxpatch": 0.0}
    written = {}
    for r in range(args.rounds):
        for form in (("openpyxl", "xlsxpatch") if r % 2 == 0 else ("xlsxpatch", "openpyxl")):
            start = time.process_time()
            written[form] = write_children(catalogue, template, children, folder / f"{form}-{r}", saved_by=form,
                                           free_cells=args.free_cells)
            times[form] += time.process_time() - start
    files = args.children * args.rounds
    for form, seconds in times.items():
        print(f"{form:10} {seconds / files * 1000:7.1f} ms CPU per file ({files} files, whole write_children call)")
    # a test's usual call: one to three children; "opened anew" is the factory before testspeed6 (load_workbook
    # in every call), "kept" the template workbook kept in the process
    calls = {"openpyxl, opened anew": 0.0, "openpyxl, kept": 0.0, "xlsxpatch, kept": 0.0}
    for label in calls:
        for r in range(args.rounds):
            if "anew" in label:
                factory._OPENED.clear()
            start = time.process_time()
            write_children(catalogue, template, children[:1], folder / f"one-{r}-{len(label)}",
                           saved_by=label.split(",")[0])
            calls[label] += time.process_time() - start
    for label, seconds in calls.items():
        print(f"one-child call, {label:22} {seconds / args.rounds * 1000:7.1f} ms CPU")
    bad = 0
    for x, y in zip(written["openpyxl"], written["xlsxpatch"], strict=True):
        found = differences(x.path, y.path, catalogue)
        bad += bool(found)
        for line in found[:5]:
            print(f"{x.path.name}: {line}")
    print(f"{len(children) - bad} of {len(children)} pairs hold the same values")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
