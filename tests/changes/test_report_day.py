"""`ibm changes --day`: the report's day (default today) – a withdrawal in force on it or before is named with the
papers to make again (D314); the day is given as `ibm documents --day` takes it (review40 §7)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import lvformat
from generator.cli import main
from tests.plan_changes_catalogue import BASE_WITHDRAWN, changes_catalogue, withdrawn_catalogue


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    changes_catalogue(tmp_path / "old")
    withdrawn_catalogue(tmp_path / "new")
    return tmp_path / "old", tmp_path / "new"


def _report(versions: tuple[Path, Path], *args: str):  # noqa: ANN202
    old, new = versions
    return CliRunner().invoke(main, ["changes", "--from", str(old), "--catalogue", str(new), *args])


def test_a_withdrawal_in_force_on_the_reports_day_is_named(versions: tuple[Path, Path]) -> None:
    result = _report(versions, "--day", lvformat.date(BASE_WITHDRAWN))
    assert result.exit_code == 0, result.output
    assert "Atsaukšana ir spēkā jau atskaites dienā („" in result.output, result.output
    assert f"atskaite izveidota {lvformat.date(BASE_WITHDRAWN)}): dokumentos, ko no šīs dienas" in result.output
    assert "atpakaļejošu" not in result.output, result.output
    later = _report(versions, "--day", lvformat.date(BASE_WITHDRAWN + dt.timedelta(days=3)))
    assert "Atsaukšana ir ar atpakaļejošu datumu" in later.output, later.output
    before = _report(versions, "--day", lvformat.date(BASE_WITHDRAWN - dt.timedelta(days=1)))
    assert before.exit_code == 0 and "Atsaukšana" not in before.output, before.output


@pytest.mark.parametrize(("day", "says"), [
    ("2027-03-01", "Kļūda: nederīga parametra „--day” vērtība: „2027-03-01” nav datums (gaidīts: DD.MM.GGGG)."),
    ("31.02.2027", "„31.02.2027” – tāda datuma nav (2027. gada februārī ir 28 dienas)."),
])
def test_a_wrong_day_is_a_parameter_error(versions: tuple[Path, Path], day: str, says: str) -> None:
    result = _report(versions, "--day", day)
    assert result.exit_code == 2 and says in result.output, result.output
    assert "Traceback" not in result.output
