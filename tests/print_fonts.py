"""The font set-up every LibreOffice print proof needs: Carlito standing in for Calibri.

Our xlsx files' default font is Calibri 11 (Excel counts column widths in its digits), and the report workbooks'
cells are Calibri too (D34: one stand-in measures both, no Arial twin needed). LibreOffice finds a
substitute through fontconfig: with the Debian package fonts-crosextra-carlito it is Carlito, metric-compatible
with Calibri, so columns print as wide as in Excel; without it LibreOffice takes DejaVu Sans, about a third wider,
and every page count, page break and cut measured would describe a layout Excel never shows. A print proof on
such a machine proves nothing, so it fails (not skips) with what to install.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping

import pytest

from generator.recalc import soffice

PACKAGE = "fonts-crosextra-carlito"
STAND_IN = "Carlito"
HINT = f"uzstādiet {PACKAGE}: make setup"


def calibri_stand_in(env: Mapping[str, str] | None = None) -> str | None:
    """The font family fontconfig gives for Calibri (as LibreOffice will), or None without fc-match."""
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    done = subprocess.run([exe, "--format=%{family[0]}", "Calibri"], capture_output=True, text=True,
                          env=dict(env) if env is not None else None, timeout=60)
    return (done.stdout.strip() or None) if done.returncode == 0 else None


def calibri_metrics_problem(env: Mapping[str, str] | None = None) -> str | None:
    """A Latvian message saying why LibreOffice would not print with Calibri's metrics, or None if it would."""
    family = calibri_stand_in(env)
    if family == STAND_IN:
        return None
    found = f"„{family}”" if family else "nekas (fc-match nav pieejams)"
    return (f"LibreOffice drukā Calibri vietā {found}, nevis {STAND_IN} ar Calibri izmēriem: drukas pārbaudes "
            f"mērītu izkārtojumu, ko Excel nerāda; {HINT}")


def require_calibri_metrics() -> None:
    """Skip without LibreOffice (as every LibreOffice test does); fail where it would print with other metrics."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) nav instalēts: `make test` to uzstāda (libreoffice-calc-nogui)")
    problem = calibri_metrics_problem()
    if problem:
        pytest.fail(problem, pytrace=False)
