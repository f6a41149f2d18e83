"""The calculator's message templates (generator/site/calculator.py ``message_templates``, part of every site build and
of the calculator's data) with the plan padded by one shared empty line against the baseline, a fresh empty line
built for every padded row, in the same run (CPU seconds; the templates must be equal).

    PYTHONPATH=$PWD .venv/bin/python bench/calculator_templates_speed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.reference.lines import PlanLine  # noqa: E402
from generator.reference.params import Params  # noqa: E402
from generator.site import calculator  # noqa: E402
from generator.workbook.writer import template_date  # noqa: E402


def padded_fresh(*lines: tuple[int, PlanLine]) -> list[PlanLine]:
    """The baseline: a new empty line for every padded row."""
    result = [PlanLine(offer_id=None) for _ in range(max(i for i, _ in lines) + 1)]
    for index, line in lines:
        result[index] = line
    return result


def timed(params: Params) -> tuple[float, dict[str, str]]:
    start = time.process_time()
    templates = calculator.message_templates(params)
    return time.process_time() - start, templates


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    params = Params.from_catalogue(catalogue, template_date(catalogue))
    shared_padding = calculator._padded
    for round_ in range(1, args.repeat + 1):
        calculator._padded = padded_fresh
        base, base_templates = timed(params)
        calculator._padded = shared_padding
        new, new_templates = timed(params)
        if new_templates != base_templates:
            print("the templates differ", file=sys.stderr)
            return 1
        print(f"{round_}. baseline (fresh empty lines) {base:.3f} s, one shared empty line {new:.3f} s, "
              f"ratio {new / base:.3f}, {len(new_templates)} equal templates")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
