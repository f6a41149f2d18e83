"""A pytest plugin: the CPU seconds of every test, counting the pytest process and every process below it that
is alive (Chromium with its renderers, the site's http.server, soffice), with what those have reaped.

``bench/unit_cpu.py`` gives one number for a whole unit; this one says which test it goes to. Run a unit in
one process (no xdist, so that the browser is a child of this pytest) and name a JSON file for the result:

    IBM_TEST_CPU=/tmp/site-cpu.json .venv/bin/pytest tests/site/test_browser.py -n 0 -p bench.pytest_cpu

The file holds {"tests": {node id: [CPU s, wall s]}}; each test's time includes its setup and teardown (the
first test that needs the built site pays for the build). A test that closes a session's browser shows a
negative CPU: that process has left the tree.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from bench.proc_cpu import tree_cpu

_TIMES: dict[str, list[float]] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):  # noqa: ANN201, ARG001
    cpu, wall = tree_cpu(), time.monotonic()
    yield
    _TIMES[item.nodeid] = [round(tree_cpu() - cpu, 2), round(time.monotonic() - wall, 2)]


def pytest_sessionfinish(session: pytest.Session) -> None:  # noqa: ARG001
    target = os.environ.get("IBM_TEST_CPU")
    if target:
        worker = os.environ.get("PYTEST_XDIST_WORKER")  # under xdist each worker writes its own file
        if worker:
            target = f"{target}.{worker}"
        Path(target).write_text(json.dumps({"tests": _TIMES}, indent=1), encoding="utf-8")
