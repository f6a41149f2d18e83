"""Browser fixtures of the site tests: the built site served by ``python -m http.server`` on 127.0.0.1
and Debian's /usr/bin/chromium-headless-shell driven by Playwright, one browser for the whole session."""

from __future__ import annotations

import base64
import functools
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from tests.site.conftest import BuiltSite

# Debian's headless shell of the same Chromium (the package chromium-headless-shell, the Makefile installs it): the
# same Blink and V8 without the full browser's shell, ~30 % less CPU a page load and the same axe-core results
# (bench/axe_speed.py, docs/benchmarks.md "Vietnes vienība ar Chromium bezgalvas čaulu").
CHROMIUM = Path("/usr/bin/chromium-headless-shell")
# Waits are generous: `make test` runs two workers on two loaded cores, where a page load can take many
# seconds. Every browser context gets it as its default timeout; explicit waits use it too.
TIMEOUT_MS = 90_000
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "site"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]

NO_CHROMIUM = f"nav Debian Chromium bezgalvas čaulas ({CHROMIUM}): apt-get install chromium-headless-shell"
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.xdist_group("site"),
    pytest.mark.skipif(not CHROMIUM.is_file(), reason=NO_CHROMIUM),
]


SEARCH_INDEX = "*/search/search_index.json"


def skip_search_index(page) -> None:  # noqa: ANN001 - playwright.sync_api.Page
    """Keep the theme's search worker from loading and indexing search_index.json, for the axe audits: on every
    page load the worker fetches the whole index (~0.75 MB) and builds it, ~0.5 s of Chromium CPU a page.
    Blocked in Chromium's network layer, not with ``page.route``, which would switch off the HTTP cache (and
    with it the compiled-script cache) for every other file of the page: ~10 % less Chromium CPU for the same
    axe results (bench/site_speed.py, docs/benchmarks.md). The failed fetch is a page error ("Network error")
    that stops the theme's later scripts (the colour toggle among them): only for tests that neither check
    page errors nor use the theme's scripts."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setBlockedURLs", {"urls": [SEARCH_INDEX]})


@functools.lru_cache(maxsize=4)
def served_one_page_index(base: str) -> bytes:
    """The search index of the site served at ``base`` (the ``server`` fixture's URL) cut to its first page, with
    the same configuration (language, separator, pipeline): the theme's search worker loads the same Latvian
    scripts and builds an index, of one page."""
    with urllib.request.urlopen(base + "search/search_index.json", timeout=TIMEOUT_MS / 1000) as response:
        index = json.loads(response.read())
    return json.dumps({**index, "docs": index["docs"][:1]}, ensure_ascii=False).encode("utf-8")


def small_search_index(page, index: bytes, url: str = SEARCH_INDEX) -> None:  # noqa: ANN001 - playwright.sync_api.Page
    """Answer the page's fetch of search_index.json with ``index`` (served_one_page_index), for tests that never
    search (the calculator's, the table layouts', the diagram, filters, download and colour scheme): on every page
    load the theme's search worker fetches the whole index (~1 MB) and builds it, ~0.7 s of Chromium CPU a load of
    kalkulators.html (of ~2,2 s; docs/benchmarks.md). Unlike skip_search_index the fetch succeeds, so the theme's
    scripts run and page errors are still seen; the real index is loaded by the search tests and by test_browser.py's
    check of the main pages (kalkulators.html among them). Chromium's Fetch domain with this one URL pattern: other
    requests are not intercepted and keep the HTTP cache (``page.route`` would switch it off). ``url``: the one
    URL (pattern) answered, for a test that proves where the page looks for its index (a wrong one is not answered)."""
    cdp = page.context.new_cdp_session(page)

    def answer(event: dict) -> None:
        cdp.send("Fetch.fulfillRequest", {
            "requestId": event["requestId"], "responseCode": 200,
            "responseHeaders": [{"name": "Content-Type", "value": "application/json"}],
            "body": base64.b64encode(index).decode("ascii")})

    cdp.on("Fetch.requestPaused", answer)
    cdp.send("Fetch.enable", {"patterns": [{"urlPattern": url}]})


# A page has settled when its load event has fired and none of its requests (the search worker's among them) has been
# in flight for QUIET_S – what Playwright's "networkidle" means. Playwright's own networkidle is not used: it can be
# lost for good (microsoft/playwright#42598, still so in 1.65). It fires early when the page's main thread is busy
# longer than 500 ms after its last request – the 3.5 MB mermaid.min.js of a methodology page with a diagram, parsed
# before DOMContentLoaded, longer on a loaded machine; a request that then starts and ends before DOMContentLoaded
# (the search worker's importScripts of the Latvian lunr files, early when the one-page index answers at once)
# clears the idle state without arming a new timer, and DOMContentLoaded takes "networkidle" back: nothing ever
# fires it again, and wait_for_load_state("networkidle") waited its whole 90 s (test_diagram_renders_from_the_local_
# mermaid in a clean clone; 3 of 25 loads of metodika/administresana.html with the one-page index hung that way on a
# loaded machine). tests/site/test_browsing.py builds that sequence on purpose.
QUIET_S = 0.5


class _Requests:
    """The requests of one page in flight (Playwright's request, requestfinished and requestfailed events, which
    are also what its networkidle counts) and when that last changed."""

    def __init__(self, page) -> None:  # noqa: ANN001 - playwright.sync_api.Page
        self.inflight: set = set()
        self.changed = time.monotonic()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request) -> None:  # noqa: ANN001
        self.inflight.add(request)
        self.changed = time.monotonic()

    def _ended(self, request) -> None:  # noqa: ANN001
        self.inflight.discard(request)
        self.changed = time.monotonic()


def track(page):  # noqa: ANN001, ANN201 - playwright.sync_api.Page
    """Count ``page``'s requests from now on (before its first goto), for settle(); the page is returned."""
    if not hasattr(page, "_ibm_requests"):
        page._ibm_requests = _Requests(page)
    return page


def goto(page, url: str):  # noqa: ANN001, ANN201 - playwright.sync_api.Page, its Response
    """Open ``url`` in ``page`` and wait until it has settled (settle); the response is returned."""
    track(page)._ibm_requests.inflight.clear()  # the page left behind: its requests are cancelled, not waited for
    response = page.goto(url)
    settle(page)
    return response


def settle(page) -> None:  # noqa: ANN001 - playwright.sync_api.Page (tracked: track, goto)
    """Wait until ``page`` has fired its load event and none of its requests has been in flight for QUIET_S (within
    TIMEOUT_MS; the requests still loading are named otherwise)."""
    requests: _Requests = page._ibm_requests
    page.wait_for_load_state("load")
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while requests.inflight or time.monotonic() - requests.changed < QUIET_S:
        assert time.monotonic() < deadline, f"lapa vēl ielādē: {sorted(r.url for r in requests.inflight)}"
        page.wait_for_timeout(50)


def browser_test(fn):
    """Mark one test function as a browser test (the marks of BROWSER_MARKS)."""
    for mark in BROWSER_MARKS:
        fn = mark(fn)
    return fn


@pytest.fixture(scope="session")
def server(built_site: BuiltSite) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d",
                                str(built_site.site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="nav Playwright Python pakotnes")
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=TIMEOUT_MS)
        yield _PatientBrowser(browser)
        browser.close()


class _PatientBrowser:
    """The Playwright browser whose every new context waits up to TIMEOUT_MS (Playwright's default is 30 s)."""

    def __init__(self, inner) -> None:  # noqa: ANN001 - playwright.sync_api.Browser
        self._inner = inner

    def new_context(self, **options):  # noqa: ANN003, ANN201
        context = self._inner.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        return context

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._inner, name)


class Visit:
    """A browser page that records console errors, page errors and every requested URL."""

    def __init__(self, browser, base: str, *, width: int = 1280, color_scheme: str = "light",
                 init_script: str | None = None, search_index: bytes | None = None) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True,
                                           color_scheme=color_scheme)
        if init_script is not None:
            self.context.add_init_script(script=init_script)
        self.page = track(self.context.new_page())
        if search_index is not None:
            small_search_index(self.page, search_index)
        self.base = base
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open(self, path: str) -> None:
        response = goto(self.page, self.base + path)
        assert response is not None and response.ok, path

    def settle(self) -> None:
        """Wait until the page a click opened has settled (browsing.settle)."""
        settle(self.page)

    def stay_on(self, path: str) -> None:
        """Be on ``path``: open it only when the page is elsewhere (a page shared by a module's tests, whose search
        index is built once, is opened again only after a test has left it)."""
        if urlsplit(self.page.url).path != urlsplit(self.base + path).path:
            self.open(path)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if urlsplit(u).hostname not in ("127.0.0.1", None)
                and not u.startswith(("data:", "blob:"))]

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, server: str) -> Iterator[Visit]:
    v = Visit(browser, server)
    yield v
    v.close()


@pytest.fixture
def small_index_visit(browser, server: str) -> Iterator[Visit]:
    """``visit`` whose pages get the one-page search index (small_search_index): tests that never search."""
    v = Visit(browser, server, search_index=served_one_page_index(server))
    yield v
    v.close()


@contextmanager
def http_server(handler: type[SimpleHTTPRequestHandler], directory: Path) -> Iterator[int]:
    """``directory`` served by ``handler`` on a free local port (yielded) in a thread, shut down afterwards."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
