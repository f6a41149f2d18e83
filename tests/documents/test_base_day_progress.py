"""`ibm build`'s documents progress: a round whose services begin after the build day prints its first service day's
prices in the base set, so that day – also a prices day of the round's matrices – gets no line „dokumenti ar cenām no
…: neviens no … neatšķiras, nekas nav izveidots” (D309); a later prices day still gets its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import lvformat
from generator.documents import build_step
from generator.documents.reports import workbooks
from tests.round_yaml import catalogue_with_round, children_round_entry

BUILD = dt.date(2026, 12, 6)
SERVICES = dt.date(2027, 1, 1)
LATER = dt.date(2027, 7, 1)


def test_no_line_for_the_base_sets_own_day_but_one_for_a_later_day(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    entry = children_round_entry("berni-2027", "Testa kārta 2027", dt.date(2026, 12, 1), dt.date(2028, 1, 31),
                                 services=(SERVICES, dt.date(2027, 12, 31)), municipalities=("ogre",))
    target = tmp_path / "catalogue"
    catalogue_with_round(target, entry)
    prices = target / "prices" / "2.1.yaml"
    prices.write_text(prices.read_text("utf-8") + (
        f"  - effective_from: {LATER.isoformat()}\n    kind: ceiling\n    amount: 5.80\n"
        "    source: \"Izdomāts testa avots\"\n    status: apstiprināts\n"), "utf-8")
    from generator.catalogue.loader import load_or_raise

    catalogue = load_or_raise(target)
    assert [i.day for i in build_step.later_days(catalogue, BUILD)] == [SERVICES, LATER]
    ogre = catalogue.municipality("ogre")
    assert build_step.base_prices_day(catalogue, ogre, BUILD) == SERVICES
    monkeypatch.setattr(build_step, "render_municipality", lambda *a, **k: [])  # the lines, not the papers
    monkeypatch.setattr(workbooks, "write_report_workbooks", lambda *a, **k: [])
    lines: list[str] = []
    build_step.render_documents(catalogue, tmp_path / "out", lines.append, municipality_id="ogre", build_date=BUILD)
    assert not [line for line in lines if f"cenām no {lvformat.date(SERVICES)}" in line], lines
    assert [line for line in lines if f"cenām no {lvformat.date(LATER)}" in line], lines
