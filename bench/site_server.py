"""The built site for the browser benchmarks: its HTML pages and a local ``http.server`` serving it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def html_pages(site: Path, every: int = 0) -> list[str]:
    """The site's HTML pages (downloads are files, not pages), as tests/site/test_accessibility.py audits them;
    ``every`` > 0: about that many of them, spread over the sorted list."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if p.relative_to(site).parts[0] not in ("lejupielades", "atvertie-dati"))
    return pages[::max(1, len(pages) // every)] if every else pages


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """The base URL ("http://127.0.0.1:PORT/") of ``site`` served on a free port until the block ends."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(site)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
