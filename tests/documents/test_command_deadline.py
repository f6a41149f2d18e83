"""`ibm documents` made after a running round's confirmed application deadline (rounds.yaml) says so in one Latvian
line naming the deadline (audit18 F4): the application form (04) then prints a day that has passed. A deadline still
ahead, a `jāprecizē` one or an ended round gives no such line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents import terms
from generator.documents.round_rules import passed_deadline_warning
from tests.round_yaml import catalogue_with_round, children_round_entry

NAME = "IBM ieviešana bērniem (izdomāta kārta ar termiņu)"


@pytest.fixture
def today() -> dt.date:
    """The day the command builds on: taken when the test starts, not when the module is imported (a run crossing
    midnight built on the next day)."""
    return dt.date.today()


def _deadline(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=40)


def _catalogue(target: Path, deadline: dt.date | None, today: dt.date) -> Catalogue:
    """A made-up children's round running today for Liepāja and Valmiera, services begun, with ``deadline``."""
    entry = children_round_entry("berni-termins", NAME, today - dt.timedelta(days=90), today + dt.timedelta(days=300),
                                 services=(today - dt.timedelta(days=30), today + dt.timedelta(days=270)),
                                 deadline=deadline)
    return catalogue_with_round(target, entry, holiday_years=tuple(range(today.year - 1, today.year + 2)))



def test_a_passed_deadline_of_the_running_round_is_one_warning_line(tmp_path: Path, quick_papers: None,
                                                                    today: dt.date) -> None:
    catalogue = _catalogue(tmp_path / "katalogs", _deadline(today), today)
    result = CliRunner().invoke(main, ["documents", "--catalogue", str(tmp_path / "katalogs"), "--municipality",
                                       "liepaja", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "iesniegšanas termiņš" in line]
    assert lines == [f"Brīdinājums: kārtas „{NAME}” iesniegumu iesniegšanas termiņš ({lvformat.date(_deadline(today))}) jau "
                     "ir pagājis – iesnieguma veidlapā (04) šis datums ir pagātnē."], result.output
    assert terms.current_round(catalogue, today, "liepaja").round_id == "berni-termins"


def test_no_warning_before_the_deadline_without_one_or_after_the_round(tmp_path: Path,
                                                                       today: dt.date) -> None:
    catalogue = _catalogue(tmp_path / "katalogs", _deadline(today), today)
    running = terms.plan_round(catalogue, "berni-termins")
    assert passed_deadline_warning(catalogue, running, today) is not None
    assert passed_deadline_warning(catalogue, running, _deadline(today)) is None  # the deadline's own day: not yet passed
    assert passed_deadline_warning(catalogue, running, running.end + dt.timedelta(days=1)) is None  # ended round
    assert passed_deadline_warning(catalogue, None, today) is None
    unknown = _catalogue(tmp_path / "bez-termina", None, today)  # `jāprecizē`: the form prints a blank, nothing passed
    assert passed_deadline_warning(unknown, terms.plan_round(unknown, "berni-termins"), today) is None


def _two_rounds(target: Path, today: dt.date) -> Catalogue:
    """Two made-up rounds running today: A for Cēsis (no deadline, the earliest running round of all), B for Liepāja
    with a confirmed deadline already passed (review1 F1)."""
    a = children_round_entry("berni-a", "Kārta A", today - dt.timedelta(days=90), today + dt.timedelta(days=300),
                             services=(today - dt.timedelta(days=30), today + dt.timedelta(days=100)),
                             municipalities=("cesis",))
    b = children_round_entry("berni-b", NAME, today - dt.timedelta(days=80), today + dt.timedelta(days=310),
                             services=(today + dt.timedelta(days=101), today + dt.timedelta(days=300)),
                             municipalities=("liepaja",), deadline=_deadline(today))
    return catalogue_with_round(target, a + b, holiday_years=tuple(range(today.year - 1, today.year + 2)))


def _warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if "iesniegšanas termiņš" in line]


def _warning(today: dt.date) -> str:
    return (f"Brīdinājums: kārtas „{NAME}” iesniegumu iesniegšanas termiņš ({lvformat.date(_deadline(today))}) jau ir "
            "pagājis – iesnieguma veidlapā (04) šis datums ir pagātnē.")


def test_without_a_municipality_each_municipalitys_own_round_is_checked(tmp_path: Path, quick_papers: None,
                                                                        today: dt.date) -> None:
    """The earliest running round of all (A, Cēsis) has no deadline, but Liepāja's papers are made for B, whose
    deadline has passed: the line is said once (review1 F1, F9)."""
    catalogue = _two_rounds(tmp_path / "katalogs", today)
    assert terms.current_round(catalogue, today, None).round_id == "berni-a"
    assert terms.current_round(catalogue, today, "liepaja").round_id == "berni-b"
    result = CliRunner().invoke(main, ["documents", "--catalogue", str(tmp_path / "katalogs"),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert _warnings(result.output) == [_warning(today)], result.output


@pytest.mark.parametrize("how", ["round", "day"])
def test_a_chosen_running_round_with_a_passed_deadline_warns(tmp_path: Path, quick_papers: None, how: str,
                                                             today: dt.date) -> None:
    """`--round`/`--day` for Liepāja's running round B warns, though Cēsis' round A runs first (review1 F9)."""
    _two_rounds(tmp_path / "katalogs", today)
    chosen = (["--round", "berni-b"] if how == "round"
              else ["--day", lvformat.date(today + dt.timedelta(days=200))])  # only B's services hold that day
    result = CliRunner().invoke(main, ["documents", "--catalogue", str(tmp_path / "katalogs"), "--municipality",
                                       "liepaja", "--out", str(tmp_path / "out"), *chosen])
    assert result.exit_code == 0, result.output
    assert _warnings(result.output) == [_warning(today)], result.output


def test_no_warning_after_the_ended_rounds_note(tmp_path: Path, today: dt.date) -> None:
    """An ended round with a confirmed (passed) deadline: report templates only, the ended note, no deadline line."""
    entry = children_round_entry("berni-beigusies", NAME, today - dt.timedelta(days=400), today - dt.timedelta(days=10),
                                 services=(today - dt.timedelta(days=300), today - dt.timedelta(days=20)),
                                 deadline=today - dt.timedelta(days=330))
    catalogue_with_round(tmp_path / "katalogs", entry, holiday_years=tuple(range(today.year - 2, today.year + 1)))
    result = CliRunner().invoke(main, ["documents", "--catalogue", str(tmp_path / "katalogs"), "--municipality",
                                       "liepaja", "--out", str(tmp_path / "out"), "--round", "berni-beigusies"])
    assert result.exit_code == 0, result.output
    assert "tikai atskaišu veidnes" in result.output and "D125" in result.output
    assert _warnings(result.output) == [], result.output


@pytest.mark.parametrize("step", ["rendered", "reused"])
def test_the_build_summary_says_a_passed_deadline_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, today: dt.date,
                                                       step: str) -> None:
    """`ibm build` makes the same papers as `ibm documents` without --municipality, so its summary says the same line
    once per round (a warning, exit 0) – not only `ibm documents` (its parts stand in: only the summary is tested)."""
    from generator import build as build_module

    _two_rounds(tmp_path / "katalogs", today)
    made = build_module.BuildReport(written=[tmp_path / "out" / "a"], **{step: ["dokumenti"]})
    monkeypatch.setattr(build_module, "build_with_report", lambda *_a, **_k: made)
    result = CliRunner().invoke(main, ["build", "--catalogue", str(tmp_path / "katalogs"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert _warnings(result.output) == [_warning(today)], result.output
    assert result.output.index("Gatavs:") < result.output.index(_warning(today))
    without = build_module.BuildReport(written=[tmp_path / "out" / "a"], rendered=["vietne"])
    monkeypatch.setattr(build_module, "build_with_report", lambda *_a, **_k: without)
    result = CliRunner().invoke(main, ["build", "--catalogue", str(tmp_path / "katalogs"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0 and _warnings(result.output) == [], result.output  # no papers made: no line
