"""CPU of writing the build's matrices (``render_workbooks``: the generic one and one per pilot municipality) in one
process, after the imports and the catalogue load, and a digest of their bytes (two trees must give the same):

    PYTHONPATH=. .venv/bin/python bench/write_speed.py /tmp/out
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import time
from pathlib import Path

import generator
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.workbook.render import render_workbooks


def main(out: Path) -> None:
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    start = time.process_time()
    written = render_workbooks(catalogue, out, progress=lambda _: None, day=dt.date(2026, 12, 7))
    cpu = time.process_time() - start
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(written))).hexdigest()[:16]
    print(f"{Path(generator.__file__).parent.parent.name}: {len(written)} workbooks, CPU {cpu:.2f} s, digest {digest}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
