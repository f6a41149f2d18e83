"""CPU seconds of LibreOffice test modules in this tree against the same modules in a baseline tree, run side by side.

For each named test file, ``pytest FILE -n 0 -p no:randomly`` runs in the baseline tree (``--base``, e.g. main's
worktree) and in this one at the same time (two processes, so both see the same load of a shared machine), each in
a cgroup ``cpuacct`` group of its own (bench/unit_cpu.py: pytest, LibreOffice and every other child counted). Prints
one line per file and the total: baseline CPU, this tree's CPU, the ratio, the load and whether both passed.

    .venv/bin/python bench/lo_files_cpu.py --base /work/main tests/workbook/test_copy_checks.py ...

Neither tree is written to: no bytecode, no .pytest_cache, a temporary folder of each run's own.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

from bench.unit_cpu import run  # noqa: E402


def _pytest(tree: Path, test: str, temp: Path) -> tuple[float, float, int, str]:
    cmd = ["/usr/bin/env", f"PYTHONPATH={tree}", "PYTHONDONTWRITEBYTECODE=1", "sh", "-c",
           f'cd "{tree}" && exec "{sys.executable}" -m pytest "{test}" -q -n 0 -p no:randomly -p no:cacheprovider '
           f'--basetemp "{temp}" > "{temp}.log" 2>&1']
    return run(cmd, tag=f"-{temp.name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the baseline tree (e.g. /work/main)")
    parser.add_argument("tests", nargs="+", help="test files, relative to both trees")
    args = parser.parse_args()
    totals = [0.0, 0.0]
    with tempfile.TemporaryDirectory(prefix="ibm-lo-files-") as folder:
        for k, test in enumerate(args.tests):
            load = os.getloadavg()[0]
            with ThreadPoolExecutor(max_workers=2) as pool:
                base = pool.submit(_pytest, args.base.resolve(), test, Path(folder) / f"base{k}")
                this = pool.submit(_pytest, HERE, test, Path(folder) / f"this{k}")
                (b_cpu, b_wall, b_status, how), (t_cpu, t_wall, t_status, how2) = base.result(), this.result()
            assert how == how2 == "cgroup cpuacct", (how, how2)  # getrusage would mix the two runs' children
            totals[0] += b_cpu
            totals[1] += t_cpu
            print(f"{test}: base {b_cpu:.1f} s CPU ({b_wall:.0f} s wall, exit {b_status}), this {t_cpu:.1f} s CPU "
                  f"({t_wall:.0f} s wall, exit {t_status}), ratio {t_cpu / b_cpu:.2f}, load {load:.1f} -> "
                  f"{os.getloadavg()[0]:.1f} [{how}]", flush=True)
            for name in (f"base{k}", f"this{k}"):
                tail = (Path(folder) / f"{name}.log").read_text(encoding="utf-8").strip().splitlines()[-1:]
                print(f"  {name}: {tail[0] if tail else ''}", flush=True)
    print(f"total: base {totals[0]:.1f} s CPU, this {totals[1]:.1f} s CPU, ratio {totals[1] / totals[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
