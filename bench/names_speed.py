"""How fast does NamedValues read a matrix: the collection's scan (the default) against openpyxl's read-only
reader (``fast=False``, the baseline), in one run on the same files, CPU seconds per file. And how long does
LibreOffice take to recalculate the workbook tests' filled matrices: saved by openpyxl (the baseline) or written
as the template patched in its input cells (tests/workbook/conftest.py InputCells), CPU seconds per file.

    .venv/bin/python bench/names_speed.py [--files 40] [--no-recalc]

The files: the generic matrix (xlsxwriter) filled with random plans by the tests' factory (openpyxl) and, unless
``--no-recalc``, recalculated by LibreOffice as the workbook tests read them. Both readers must give the same
values (checked here as in tests/workbook/test_names.py). Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from openpyxl import load_workbook  # noqa: E402

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.recalc import convert, make_profile  # noqa: E402
from generator.reference.params import Params  # noqa: E402
from generator.workbook.inputs import fill  # noqa: E402
from generator.workbook.names import NamedValues, read  # noqa: E402
from generator.workbook.writer import template_date, write_workbook  # noqa: E402
from tests.workbook.conftest import InputCells, recipient_labels, write_notes  # noqa: E402
from tests.workbook.plans import random_plans  # noqa: E402


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def per_file(files: list[Path], fast: bool) -> tuple[float, list[NamedValues]]:
    start = cpu()
    values = [NamedValues(path, all_sheets=True, fast=fast) for path in files]
    return (cpu() - start) / len(files), values


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--no-recalc", action="store_true")
    args = parser.parse_args()
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    day = template_date(catalogue)
    params = Params.from_catalogue(catalogue, day)
    with tempfile.TemporaryDirectory(prefix="ibm-bench-names-") as tmp:
        folder = Path(tmp)
        template = write_workbook(catalogue, folder / "ibm-matrica.xlsx")
        wb = load_workbook(template)
        prices, labels = read(wb, "Pak_Cena"), recipient_labels(catalogue)
        files, patched = [], []
        into_template = InputCells(template, wb)
        (folder / "patched").mkdir()
        for plan in random_plans(args.files, catalogue.offers(day), params.full_rate_max_age,
                                 params.eligibility_age_limit, params.period_months_max,
                                 periods=params.reporting_periods):
            fill(wb, plan.inputs, labels, template_prices=prices)
            write_notes(wb)
            wb.save(folder / f"plan-{plan.seed}.xlsx")
            files.append(folder / f"plan-{plan.seed}.xlsx")
            into_template.save(wb, folder / "patched" / f"plan-{plan.seed}.xlsx", len(plan.inputs.lines), [])
            patched.append(folder / "patched" / f"plan-{plan.seed}.xlsx")
        lo: list[float] = []
        if not args.no_recalc:
            profile = make_profile(folder / "profile")
            convert(files[:1], folder / "warm", profile=profile)  # the profile's first start
            for name, batch in (("openpyxl", files), ("patched", patched)):
                start = children_cpu()
                recalculated = convert(batch, folder / f"recalculated-{name}", profile=profile)
                lo.append((children_cpu() - start) / len(batch))
                if name == "openpyxl":
                    files = recalculated
                else:
                    for a, b in zip(files, recalculated, strict=True):
                        same = NamedValues(a, all_sheets=True)._cells == NamedValues(b, all_sheets=True)._cells
                        assert same, f"{a.name}: openpyxl and patched files recalculate differently"
        slow, expected = per_file(files, fast=False)
        fast, got = per_file(files, fast=True)
        for a, b in zip(expected, got, strict=True):
            assert a._cells == b._cells and a.ranges == b.ranges, a.path.name
    kind = "LibreOffice pārrēķinātas" if not args.no_recalc else "openpyxl aizpildītas"
    print(f"{platform.node()}, {os.cpu_count()} kodoli, slodze {os.getloadavg()[0]:.1f}; {len(files)} {kind} matricas")
    print("| lasītājs | CPU s uz failu |\n|---|---:|")
    print(f"| openpyxl read-only (`fast=False`, bāze) | {slow:.3f} |")
    print(f"| regulāro izteiksmju skenēšana (noklusējums) | {fast:.3f} |")
    print(f"| attiecība | {slow / fast:.1f}× |")
    if lo:
        print("\n| LibreOffice pārrēķins | CPU s uz failu |\n|---|---:|")
        print(f"| openpyxl saglabāta (bāze) | {lo[0]:.2f} |")
        print(f"| veidne ar ierakstītām ievades šūnām | {lo[1]:.2f} |")
        print(f"| attiecība | {lo[0] / lo[1]:.2f}× |")


if __name__ == "__main__":
    main()
