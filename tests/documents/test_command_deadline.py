"""`ibm documents` made after a running round's confirmed application deadline (rounds.yaml) says so in one Latvian
line naming the deadline (audit18 F4): the application form (04) then prints a day that has passed. A deadline still
ahead, a `jāprecizē` one or an ended round gives no such line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents import terms
from generator.documents.round_rules import passed_deadline_warning
from tests.round_yaml import catalogue_with_round, children_round_entry

TODAY = dt.date.today()  # the command builds on today's date
NAME = "IBM ieviešana bērniem (izdomāta kārta ar termiņu)"
DEADLINE = TODAY - dt.timedelta(days=40)


def _catalogue(target: Path, deadline: dt.date | None) -> Catalogue:
    """A made-up children's round running today for Liepāja and Valmiera, services begun, with ``deadline``."""
    entry = children_round_entry("berni-termins", NAME, TODAY - dt.timedelta(days=90), TODAY + dt.timedelta(days=300),
                                 services=(TODAY - dt.timedelta(days=30), TODAY + dt.timedelta(days=270)),
                                 deadline=deadline)
    return catalogue_with_round(target, entry, holiday_years=tuple(range(TODAY.year - 1, TODAY.year + 2)))



def test_a_passed_deadline_of_the_running_round_is_one_warning_line(tmp_path: Path, quick_papers: None) -> None:
    catalogue = _catalogue(tmp_path / "katalogs", DEADLINE)
    result = CliRunner().invoke(main, ["documents", "--catalogue", str(tmp_path / "katalogs"), "--municipality",
                                       "liepaja", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "iesniegšanas termiņš" in line]
    assert lines == [f"Brīdinājums: kārtas „{NAME}” iesniegumu iesniegšanas termiņš ({lvformat.date(DEADLINE)}) jau "
                     "pagājis – iesnieguma veidlapā (04) šis datums ir pagātnē."], result.output
    assert terms.current_round(catalogue, TODAY, "liepaja").round_id == "berni-termins"


def test_no_warning_before_the_deadline_without_one_or_after_the_round(tmp_path: Path) -> None:
    catalogue = _catalogue(tmp_path / "katalogs", DEADLINE)
    running = terms.plan_round(catalogue, "berni-termins")
    assert passed_deadline_warning(catalogue, running, TODAY) is not None
    assert passed_deadline_warning(catalogue, running, DEADLINE) is None  # the deadline's own day: not yet passed
    assert passed_deadline_warning(catalogue, running, running.end + dt.timedelta(days=1)) is None  # ended round
    assert passed_deadline_warning(catalogue, None, TODAY) is None
    unknown = _catalogue(tmp_path / "bez-termina", None)  # `jāprecizē`: the form prints a blank, nothing passed
    assert passed_deadline_warning(unknown, terms.plan_round(unknown, "berni-termins"), TODAY) is None
