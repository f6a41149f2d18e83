"""HTML rendering of the documents: a new Jinja environment for every municipality (the baseline, as before the
environment was shared) against the one shared environment (generator/documents/html.py ``environment``).

Renders every document of every pilot municipality both ways in the same process, alternating, ``--repeat``
times; prints the CPU seconds of each way, their ratio and whether every HTML is equal.

    .venv/bin/python bench/render_speed.py --repeat 3
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise  # noqa: E402
from generator.documents import build_step, html  # noqa: E402


def render_all(catalogue, fresh: bool) -> list[str]:  # noqa: ANN001
    shared = html.environment
    if fresh:
        build_step.environment = lambda: shared.__wrapped__()  # a new environment, not the cached one
    try:
        return [d.html for m in catalogue.pilot_municipalities() for d in build_step.render_municipality(catalogue, m)]
    finally:
        build_step.environment = shared


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    render_all(catalogue, fresh=False)  # imports, catalogue caches and the shared environment's compilation
    cpu = {True: 0.0, False: 0.0}
    texts = {}
    for _ in range(args.repeat):
        for fresh in (True, False):
            start = time.process_time()
            texts[fresh] = render_all(catalogue, fresh)
            cpu[fresh] += time.process_time() - start
    same = texts[True] == texts[False]
    count = len(texts[False])
    print(f"{count} documents x {args.repeat}: new environment per municipality {cpu[True]:.2f} s CPU, shared "
          f"environment {cpu[False]:.2f} s CPU, ratio {cpu[True] / cpu[False]:.1f}; HTML equal: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
