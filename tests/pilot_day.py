"""Code a test prepends when it runs `ibm` in a real subprocess with a `--day` in the pilot's years (2018–2019): as
in-process (tests/documents/conftest.py), the machine's real date must not refuse such a plan for having ended
since (D136). The test of D136 itself sets the day of its own."""

from __future__ import annotations

# `ibm` with the pilot-years day: python -c IBM_WITH_PILOT_DAY ARGS…
IBM_WITH_PILOT_DAY = """
import datetime as _dt
import generator.documents.from_matrix.command as _from_matrix
_from_matrix.system_day = lambda: _dt.date.min
from generator.cli import main
main()
"""
