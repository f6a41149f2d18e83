"""Code a test prepends when it runs `ibm` in a real subprocess with a `--day` in the pilot's years (2018–2019): as
in-process (tests/documents/conftest.py), the machine's real date must not refuse such a plan for having ended
since (D136). The test of D136 itself sets the day of its own."""

from __future__ import annotations

PILOT_YEARS_PRELUDE = """
import datetime as _dt
import generator.documents.from_matrix.command as _from_matrix
_from_matrix.system_day = lambda: _dt.date.min
"""

# `ibm` with the prelude: python -c IBM_WITH_PILOT_DAY ARGS…
IBM_WITH_PILOT_DAY = PILOT_YEARS_PRELUDE + "from generator.cli import main\nmain()\n"
