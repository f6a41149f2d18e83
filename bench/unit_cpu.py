"""CPU seconds of one test unit, counting every process it starts (Chromium, LibreOffice, WeasyPrint workers).

`/usr/bin/time` and ``getrusage`` count only children that their parents waited for; Playwright's Chromium
is not among them (a site test run showed ~50 s user time while its Chromium alone used ~90 s). This script
runs the command in a fresh cgroup v1 ``cpuacct`` group (root, /sys/fs/cgroup/cpuacct), so the kernel sums
the CPU of the whole process tree; without that group it falls back to ``getrusage`` and says so.

    .venv/bin/python bench/unit_cpu.py -- .venv/bin/pytest tests/site/test_accessibility.py -n 0 -p no:randomly

Prints one line: CPU seconds, wall seconds, load average before and after, the exit status.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

CPUACCT = Path("/sys/fs/cgroup/cpuacct")


def run(cmd: list[str], tag: str = "") -> tuple[float, float, int, str]:
    """(CPU seconds, wall seconds, exit status, how CPU was counted); ``tag`` tells apart the groups of commands one
    process runs at the same time (bench/lo_files_cpu.py)."""
    group = CPUACCT / f"ibm-unit-cpu-{os.getpid()}{tag}"
    try:
        group.mkdir()
    except OSError:
        group = None
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    if group is not None:
        def enter() -> None:
            (group / "cgroup.procs").write_text(str(os.getpid()))

        status = subprocess.call(cmd, preexec_fn=enter)  # noqa: PLW1509 - the child joins the group itself
    else:
        status = subprocess.call(cmd)
    wall = time.monotonic() - start
    if group is not None:
        cpu = int((group / "cpuacct.usage").read_text()) / 1e9
        how = "cgroup cpuacct"
        for _ in range(50):  # the group can be removed once its last process has exited
            try:
                group.rmdir()
                break
            except OSError:
                time.sleep(0.1)
    else:
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        how = "getrusage (only waited-for children)"
    return cpu, wall, status, how


def main(argv: list[str]) -> int:
    if "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    cmd = argv[argv.index("--") + 1:]
    load = os.getloadavg()
    cpu, wall, status, how = run(cmd)
    after = os.getloadavg()
    print(f"CPU {cpu:.1f} s ({how}), wall {wall:.1f} s, load {load[0]:.1f} -> {after[0]:.1f}, exit {status}: "
          f"{' '.join(cmd)}", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
