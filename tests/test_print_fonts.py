"""The print proofs' font guard: it passes where fontconfig gives Carlito for Calibri and names the package
to install where it does not (fontconfig told to reject Carlito, as on a machine without the package)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.print_fonts import HINT, calibri_metrics_problem, calibri_stand_in

pytestmark = pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig (fc-match) nav instalēts")

WITHOUT_CARLITO = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern><patelt name="family"><string>Carlito</string></patelt></pattern></rejectfont>
  </selectfont>
</fontconfig>
"""


def test_this_machine_prints_calibri_with_carlito() -> None:
    assert calibri_stand_in() == "Carlito"
    assert calibri_metrics_problem() is None


def test_without_carlito_the_guard_names_the_stand_in_and_the_package(tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(WITHOUT_CARLITO, encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    family = calibri_stand_in(env)
    assert family and family != "Carlito"
    problem = calibri_metrics_problem(env)
    assert problem is not None and problem.endswith(HINT) and f"„{family}”" in problem
