"""`ibm serve` shows the site on 127.0.0.1 and re-renders it when a methodology page changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

IBM = Path(sys.executable).parent / "ibm"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - a local test server
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, needle: str, seconds: float) -> str | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _get(url)
        if body is not None and needle in body:
            return body
        time.sleep(0.5)
    return None


@pytest.mark.skipif(not IBM.is_file(), reason="komanda ibm nav uzstādīta .venv")
def test_serve_reloads_a_changed_page(catalogue_with_fixture_methodology: Path, tmp_path: Path) -> None:
    port = _free_port()
    (tmp_path / "build-mape").mkdir()  # an empty earlier build: a missing --downloads folder is status 2
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [str(IBM), "serve", "--catalogue", str(catalogue_with_fixture_methodology), "--port", str(port),
         "--downloads", str(tmp_path / "build-mape")],
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}/metodika/principi.html"
        assert _wait_for(url, "Provizoriskais apmērs", 180), (tmp_path / "serve.log").read_text("utf-8")
        page = catalogue_with_fixture_methodology / "metodika" / "principi.md"
        page.write_text(page.read_text("utf-8") + "\nJauns teikums par ģimenes atbalstu.\n", encoding="utf-8")
        assert _wait_for(url, "Jauns teikums par ģimenes atbalstu", 180), (tmp_path / "serve.log").read_text("utf-8")
        console = (tmp_path / "serve.log").read_text("utf-8")
        assert "Vietne gatava (" in console and "INFO" not in console and "Watching paths" not in console, console
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
