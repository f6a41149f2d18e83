"""`--day` earlier than the machine's date (audit19 F34, D136): a plan period that ended before the day the command
really runs gets no signable papers, even when `--day` falls inside it – refused like without `--day`, or with
--arhivam an archive copy; a `--day` inside a period still running on the machine's date still makes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix import command
from generator.reference.rounds import plan_end
from tests.documents.from_matrix_helpers import clean, funded_child
from tests.ministry.factory import Child

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def child(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Child:
    return funded_child(catalogue, tmp_path_factory.mktemp("back-dated"))


def _run(child: Child, out: Path, *extra: str):  # noqa: ANN202
    day = child.inputs.period_start + dt.timedelta(days=10)  # inside the plan period
    return CliRunner().invoke(main, ["documents", "--from-matrix", str(child.path), "--out", str(out),
                                     "--day", f"{day:%d.%m.%Y}", *extra], env={"IBM_PSEUDONIMA_ATSLEGA": ""})


def test_a_past_day_does_not_make_signable_papers_for_an_ended_period(child: Child, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    end = plan_end(child.inputs.period_start, child.inputs.months)
    machine = end + dt.timedelta(days=30)
    monkeypatch.setattr(command, "system_day", lambda: machine)
    out = tmp_path / "out"
    refused = _run(child, out)
    assert refused.exit_code == 1, refused.output
    text = clean(refused.output)
    # the day compared is the computer's, and the sentence says so: `--day` does not change it (audit38 F1)
    day = child.inputs.period_start + dt.timedelta(days=10)
    assert (f"beidzās pirms šodienas {machine:%d.%m.%Y} (datora datums; --day {day:%d.%m.%Y} to nemaina – tas ir "
            "tikai dokumentos rakstītais datums)") in text and "--arhivam" in text
    assert not out.exists() or not any(out.iterdir())
    archived = _run(child, out, "--arhivam")
    assert archived.exit_code == 0, archived.output
    assert [p.name for p in out.iterdir()] == [f"{child.path.stem}-arhivs-{child.inputs.period_start:%Y-%m-%d}"]
    assert "ARHĪVA KOPIJA" in archived.output


def test_a_past_day_inside_a_running_period_still_makes_them(child: Child, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    end = plan_end(child.inputs.period_start, child.inputs.months)
    monkeypatch.setattr(command, "system_day", lambda: end)  # the period's last day: still running
    out = tmp_path / "out"
    made = _run(child, out)
    assert made.exit_code == 0, made.output
    assert [p.name for p in out.iterdir()] == [child.path.stem] and "ARHĪVA KOPIJA" not in made.output
