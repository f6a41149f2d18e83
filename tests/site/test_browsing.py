"""The browser tests' wait for a page to settle (tests/site/browsing.py: goto, settle) on the sequence that loses
Playwright's own "networkidle" for good (microsoft/playwright#42598): a page whose main thread is busy past
Playwright's 500 ms quiet time before DOMContentLoaded (a methodology page parsing the 3.5 MB mermaid.min.js) and a
worker request that starts and ends in that time (the search worker's importScripts)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from tests.site.browsing import QUIET_S, browser_test, goto, http_server

# The worker starts while the page waits SLOW_S for its last script; that script keeps the main thread busy BUSY_MS
# (the parser and DOMContentLoaded wait for it, as for mermaid.min.js); the worker, on its own thread, loads a script
# LATE_MS after it starts: after Playwright's first 500 ms of quiet, before DOMContentLoaded.
SLOW_S, BUSY_MS, LATE_MS = 0.3, 2500, 1200
PAGE = """<!doctype html><html lang="lv"><head><meta charset="utf-8"><title>Aizņemta lapa</title>
<script>new Worker("darbinieks.js");</script></head><body><p>Lapa</p><script src="aiznemts.js"></script></body></html>
"""
BUSY = f"""var end = Date.now() + {BUSY_MS}; while (Date.now() < end) {{}} document.body.dataset.gatava = "jā";"""
WORKER = f"""setTimeout(function () {{ importScripts("velais.js"); }}, {LATE_MS});"""


class _Slow(SimpleHTTPRequestHandler):
    """The files of a folder; the busy script after SLOW_S."""

    def do_GET(self) -> None:
        if self.path.endswith("aiznemts.js"):
            time.sleep(SLOW_S)
        super().do_GET()

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@pytest.fixture(scope="module")
def busy_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("aiznemta-lapa")
    (folder / "lapa.html").write_text(PAGE, encoding="utf-8")
    (folder / "aiznemts.js").write_text(BUSY, encoding="utf-8")
    (folder / "darbinieks.js").write_text(WORKER, encoding="utf-8")
    (folder / "velais.js").write_text("var velais = 1;\n", encoding="utf-8")
    with http_server(_Slow, folder) as port:
        yield f"http://127.0.0.1:{port}/"


@browser_test
def test_a_page_settles_after_a_worker_request_before_dom_content_loaded(browser, busy_server: str) -> None:  # noqa: ANN001
    context = browser.new_context()
    try:
        page = context.new_page()
        late: list[float] = []
        page.on("requestfinished", lambda r: late.append(time.monotonic()) if r.url.endswith("velais.js") else None)
        start = time.monotonic()
        response = goto(page, busy_server + "lapa.html")
        settled = time.monotonic()
        assert response is not None and response.ok
        assert page.evaluate("document.body.dataset.gatava") == "jā"  # after DOMContentLoaded and load
        assert late, "the worker's late script was not waited for"
        assert settled - late[0] >= QUIET_S  # quiet for QUIET_S after the last request
        assert settled - start < 30, settled - start  # not a timeout (Playwright's networkidle never came here)
    finally:
        context.close()
