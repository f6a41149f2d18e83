"""CPU seconds of a process tree read from /proc (Linux): the benchmarks that must count a browser's renderers
or soffice, which run as child processes, use this instead of resource.getrusage (that counts only reaped
children)."""

from __future__ import annotations

import os
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def process_tree(pid: int) -> list[int]:
    """``pid`` and every live process below it: the children of each of its threads (LibreOffice's oosplash starts
    soffice.bin from a thread other than its main one; that child is missing from the main thread's list)."""
    children = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        tasks = []
    for task in tasks:
        try:
            children += (task / "children").read_text().split()
        except OSError:
            continue
    return [pid] + [p for c in dict.fromkeys(children) for p in process_tree(int(c))]


def tree_cpu(include_self: bool = True) -> float:
    """CPU seconds of this process (unless ``include_self`` is false) and its live descendants, with the
    children each of them has reaped."""
    total = 0.0
    for pid in process_tree(os.getpid())[0 if include_self else 1:]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15]) / TICK  # utime, stime, cutime, cstime
    return total
