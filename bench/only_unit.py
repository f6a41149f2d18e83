"""A pytest plugin: run one work unit of `make test` alone (the units of tests/conftest.py), so that
``bench/unit_cpu.py`` measures exactly what one xdist worker runs for it.

    IBM_UNIT=site .venv/bin/python bench/unit_cpu.py -- .venv/bin/pytest tests/site -n 0 -p no:randomly -p bench.only_unit

Tests of other units are deselected (reported as such); without IBM_UNIT nothing changes.
"""

from __future__ import annotations

import os

import pytest


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = os.environ.get("IBM_UNIT")
    if not wanted:
        return
    from tests.conftest import _unit

    keep = [item for item in items if _unit(item) == wanted]
    dropped = [item for item in items if _unit(item) != wanted]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = keep
