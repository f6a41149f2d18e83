"""`ibm migrate`'s report says when the new matrix's 6.11 „Cenas un parametri spēkā līdz” differs from the old file's
(D360): a catalogue that now knows a change after the plan's end gives the migrated matrix that day, and the report
names it – before, only `ibm changes` said so."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.lvformat import date
from generator.ministry.matrix import Matrix
from generator.ministry.migrate import Migrator
from generator.reference.rounds import plan_end
from tests.programme_yaml import add_programme_value

NEW_RATE = "0.65"  # a made-up change of a parameter every plan uses (D61), the test's own input


def _plan(small_folder) -> tuple[Path, dt.date, dt.date | None]:  # noqa: ANN001
    _, children = small_folder
    for child in children:
        m = Matrix.open(child.path)
        start, months = m.scalar("Perioda_Sakums"), m.scalar("Perioda_Menesi")
        if isinstance(start, dt.datetime) and isinstance(months, int | float):
            until = m.scalar("Parametru_Lidz")
            return child.path, plan_end(start.date(), int(months)), until.date() if isinstance(until, dt.datetime) else None
    pytest.skip("no dated plan")


def test_a_change_after_the_plan_is_named_with_the_new_day(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    path, end, old_until = _plan(small_folder)
    change = end + dt.timedelta(days=1)  # the first day after the plan: the plan ends before the change
    assert old_until is None or old_until > end
    target = tmp_path / "katalogs"
    shutil.copytree(DEFAULT_CATALOGUE, target)
    add_programme_value(target, "rate_reduced", change, NEW_RATE)
    with Migrator(load_or_raise(target)) as migrator:
        report = migrator.migrate(path, tmp_path / "jauna.xlsx")
    text = report.text()
    new_until = Matrix.open(tmp_path / "jauna.xlsx").scalar("Parametru_Lidz")
    assert isinstance(new_until, dt.datetime) and new_until.date() == end, new_until
    was = date(old_until) if old_until else "tukša"
    assert "Mainītā 6.11. tabulas diena (vecā matrica → jaunā; jaunajā matricā ir jaunā):" in text, text
    assert (f"  Cenas un parametri spēkā līdz: {was} → {date(end)} (katalogā no {date(change)} mainās cenas vai "
            "parametri; plāna periods beidzas līdz šai dienai, tāpēc izmaiņa to neskar)") in text, text
    assert (tmp_path / "jauna-parnesana.txt").read_text(encoding="utf-8").startswith(text)
    assert not any("spēkā līdz" in f for f in report.new_findings)


def test_the_same_day_says_nothing(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    path, _, _ = _plan(small_folder)
    with Migrator(load_or_raise(DEFAULT_CATALOGUE)) as migrator:
        report = migrator.migrate(path, tmp_path / "jauna.xlsx")
    assert report.until is None and "Mainītā 6.11. tabulas diena" not in report.text()
