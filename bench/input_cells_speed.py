"""How fast do the workbook tests write their filled matrices (tests/workbook/conftest.py InputCells): patched from
the template itself, every sheet stripped of its cached values on each save (``save_from_template``, the baseline),
against patched from a template stripped once (``save``), in one run on the same plans, CPU seconds per file. Both
files must be byte for byte equal (checked here as in tests/workbook/test_input_cells.py).

    .venv/bin/python bench/input_cells_speed.py [--files 40]

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

from openpyxl import load_workbook  # noqa: E402

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.reference.params import Params  # noqa: E402
from generator.workbook.inputs import fill  # noqa: E402
from generator.workbook.names import read  # noqa: E402
from generator.workbook.render import pilot_ids  # noqa: E402
from generator.workbook.writer import template_date, write_workbook  # noqa: E402
from tests.workbook.conftest import InputCells, recipient_labels, write_notes  # noqa: E402
from tests.workbook.plans import random_plans  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=40)
    args = parser.parse_args()
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    day = template_date(catalogue)
    params = Params.from_catalogue(catalogue, day)
    folder = Path(tempfile.mkdtemp(prefix="ibm-input-cells-speed-"))
    template = write_workbook(catalogue, folder / "veidne.xlsx")
    wb = load_workbook(template)
    prices, labels, municipality = read(wb, "Pak_Cena"), recipient_labels(catalogue), pilot_ids(catalogue)[0]
    cells = InputCells(template, wb)
    plans = random_plans(args.files, catalogue.offers(day), params.full_rate_max_age, params.eligibility_age_limit,
                         params.period_months_max, periods=params.reporting_periods, municipality=municipality)
    times = {"baseline": 0.0, "stripped once": 0.0}
    first = time.process_time()
    cells.stripped()  # counted with "stripped once"
    times["stripped once"] += time.process_time() - first
    for plan in plans:
        fill(wb, plan.inputs, labels, municipality=municipality, template_prices=prices)
        write_notes(wb)
        lines = len(plan.inputs.lines)
        start = time.process_time()
        cells.save_from_template(wb, base := folder / f"a-{plan.seed}.xlsx", lines, [])
        middle = time.process_time()
        cells.save(wb, new := folder / f"b-{plan.seed}.xlsx", lines, [])
        times["baseline"] += middle - start
        times["stripped once"] += time.process_time() - middle
        assert base.read_bytes() == new.read_bytes(), plan.seed
    for name, seconds in times.items():
        print(f"{name}: {seconds / len(plans):.3f} s CPU per file ({len(plans)} files, byte-identical)")
    print(f"ratio: {times['stripped once'] / times['baseline']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
