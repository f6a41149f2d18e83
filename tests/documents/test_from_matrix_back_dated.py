"""`--day` earlier than the machine's date (audit19 F34, D136): a plan period that ended before the day the command
really runs gets no signable papers, even when `--day` falls inside it – refused like without `--day`, or with
--arhivam an archive copy, which names the machine's date as the day the period had ended before (audit27 F1); a
`--day` inside a period still running on the machine's date still makes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix import command
from generator.documents.from_matrix.archive import ended_before, report_lines
from generator.reference.rounds import plan_end
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import docx_text, funded_child
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
    text = normalise(refused.output)
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


@pytest.mark.usefixtures("pdf_stand_ins")  # the banner is read from the DOCX, made from the same HTML
def test_an_archive_copy_made_with_an_earlier_day_names_the_day_its_period_had_ended_before(
        child: Child, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """audit27 F1: the copy is an archive because the period ended before the computer's date, not before an earlier
    `--day` (inside the period, or before it began): parskats.txt and every paper's banner name the computer's date,
    and the papers' day only as the date written in them."""
    end = plan_end(child.inputs.period_start, child.inputs.months)
    machine = end + dt.timedelta(days=30)
    monkeypatch.setattr(command, "system_day", lambda: machine)
    day = child.inputs.period_start + dt.timedelta(days=10)
    out = tmp_path / "out"
    archived = _run(child, out, "--arhivam")
    assert archived.exit_code == 0, archived.output
    [folder] = out.iterdir()
    report = normalise((folder / "parskats.txt").read_text(encoding="utf-8"))
    assert (f"ARHĪVA KOPIJA: atbalsta plāna periods ({child.inputs.period_start:%d.%m.%Y}–{end:%d.%m.%Y}) beidzās "
            f"pirms šodienas {machine:%d.%m.%Y} (datora datums; --day {day:%d.%m.%Y} to nemaina – tas ir tikai "
            "dokumentos rakstītais datums).") in report, report
    assert f"izveides dienas {day:%d.%m.%Y}" not in report
    papers = sorted(folder.glob("*.docx"))
    assert len(papers) >= 5
    for paper in papers:
        text = docx_text(paper)
        assert (f"to izveidoja {machine:%d.%m.%Y} no IBM matricas, kuras atbalsta plāna periods "
                f"({child.inputs.period_start:%d.%m.%Y}–{end:%d.%m.%Y}) tajā dienā jau bija beidzies (dokumentos "
                f"norādītais datums – {day:%d.%m.%Y}).") in text, paper.name
        assert f"izveidoja {day:%d.%m.%Y}" not in text, paper.name


def test_the_day_an_archive_copy_names() -> None:
    """The build day (`--day`) when the period had ended before it, else the computer's date (audit27 F1)."""
    end = dt.date(2019, 3, 31)
    assert ended_before(end, dt.date(2019, 4, 1), dt.date(2026, 12, 4)) == dt.date(2019, 4, 1)
    assert ended_before(end, dt.date(2018, 9, 24), dt.date(2026, 12, 4)) == dt.date(2026, 12, 4)
    assert ended_before(end, end, dt.date(2026, 12, 4)) == dt.date(2026, 12, 4)  # its last day: not yet ended
    assert ended_before(end, dt.date(2026, 12, 4), None) == dt.date(2026, 12, 4)  # no --day: the computer's date
    [_, default] = report_lines("01.10.2018–31.03.2019", dt.date(2019, 4, 1))
    assert "beidzās pirms izveides dienas 01.04.2019." in default
