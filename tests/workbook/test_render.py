"""The build step "matrica" (D85): the matrices of every issue day whose children's round has not ended on the build
day, besides the default one, named as `ibm matrix` names them; the incremental build follows the build day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import build as build_module
from generator.build import Step, build_with_report
from generator.catalogue.catalogue import Catalogue
from generator.workbook import render
from generator.workbook.names import NamedValues
from generator.workbook.version import template_version
from tests.workbook.open_rounds import (
    AFTER_RUNNING,
    BUILD_DAY,
    NEWEST,
    PRICE_CHANGE,
    ROUND_MUNICIPALITIES,
    RUNNING,
    open_rounds_catalogue,
)

pytestmark = pytest.mark.slow  # nine to fifteen workbooks


@pytest.fixture(scope="module")
def open_rounds(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return open_rounds_catalogue(tmp_path_factory.mktemp("kartas"))


def _names(day_suffix: str | None) -> set[str]:
    tail = f"-{day_suffix}" if day_suffix else ""
    generic = f"ibm-matrica{tail}.xlsx"
    return {generic} | {f"ibm-matrica-{m}{tail}.xlsx" for m in ROUND_MUNICIPALITIES}


def test_a_running_round_and_a_price_change_get_their_own_matrices(open_rounds: Catalogue, tmp_path: Path) -> None:
    written = render.render_workbooks(open_rounds, tmp_path, progress=lambda _m: None, day=BUILD_DAY)
    assert all(p.parent == tmp_path / render.FOLDER for p in written)
    running_start, newest_start = RUNNING[2], NEWEST[2]
    expected = _names(None) | _names(running_start.isoformat()) | _names(PRICE_CHANGE.isoformat())
    assert {p.name for p in written} == expected
    # each file carries the prices of the day its name gives, and the version names that day (the default none)
    for name, day in (("ibm-matrica-liepaja-2020-01-01.xlsx", running_start), ("ibm-matrica-2021-04-01.xlsx", PRICE_CHANGE),
                      ("ibm-matrica-valmiera.xlsx", newest_start)):
        values = NamedValues(tmp_path / render.FOLDER / name, formulas=True)
        assert values["IBM_Versija"] == template_version(open_rounds, day), name
    assert render.named_day("ibm-matrica-liepaja-2020-01-01.xlsx") == running_start
    assert render.named_day("ibm-matrica-liepaja.xlsx") is None


def test_the_build_drops_an_ended_rounds_matrices_and_reuses_unchanged_ones(
    open_rounds: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    step = Step("matrica", "IBM matricas", render.render_workbooks)
    monkeypatch.setattr(build_module, "_renderers", lambda: [step])
    out = tmp_path / "build"
    monkeypatch.setattr(render, "build_day", lambda: AFTER_RUNNING)  # berni-2020 has ended, berni-2021 runs
    first = build_with_report(open_rounds, out, progress=lambda _m: None)
    assert first.rendered == ["matrica"]
    assert {p.name for p in first.written} == _names(None) | _names(PRICE_CHANGE.isoformat())
    again = build_with_report(open_rounds, out, progress=lambda _m: None)
    assert again.reused == ["matrica"] and {p.name for p in again.written} == {p.name for p in first.written}
    monkeypatch.setattr(render, "build_day", lambda: NEWEST[3] + dt.timedelta(days=1))  # every round has ended
    ended = build_with_report(open_rounds, out, progress=lambda _m: None)
    assert ended.rendered == ["matrica"]  # the build day changed what is issued: not taken over
    assert sorted(p.name for p in (out / render.FOLDER).iterdir()) == sorted(_names(None))
