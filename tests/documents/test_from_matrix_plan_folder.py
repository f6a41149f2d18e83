"""Which folder a child's plan gets (D315): ``<kods>`` unless it holds another plan period's papers – made earlier in
the run or by an earlier run, or papers whose period is not written – then ``<kods>-<GGGG-MM-DD>``, and the folder
that was there is never taken. The same plan (periods that overlap, a corrected matrix) keeps its folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.documents.from_matrix.earlier_runs import earlier_folders
from generator.documents.from_matrix.plan_folder import PERIOD, period_line, place, recorded
from generator.documents.from_matrix.writing import MARKER

FIRST = (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
NEXT = (dt.date(2027, 1, 1), dt.date(2027, 6, 30))


def _made(out: Path, name: str, period: tuple[dt.date, dt.date] | None) -> Path:
    """A folder as the command leaves it: its marker and parskats.txt (with the period line when ``period``)."""
    folder = out / name
    folder.mkdir(parents=True)
    (folder / MARKER).write_text("", encoding="utf-8")
    lines = ["Mape: x", "Statuss: izveidoti", "", *period_line(period), "Dokumenti:"]
    (folder / "parskats.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_the_report_line_is_read_back() -> None:
    assert period_line(NEXT) == [f"{PERIOD}01.01.2027–30.06.2027"]
    assert period_line(None) == []


def test_a_free_or_own_folder_is_the_plain_code(tmp_path: Path) -> None:
    assert place(tmp_path, "B-1", NEXT, {}).name == "B-1"
    _made(tmp_path, "B-1", (dt.date(2027, 1, 1), dt.date(2027, 5, 31)))  # the same plan, corrected: overlaps
    assert recorded(tmp_path / "B-1") == (dt.date(2027, 1, 1), dt.date(2027, 5, 31))
    placed = place(tmp_path, "B-1", NEXT, {})
    assert placed.name == "B-1" and not placed.note


def test_another_periods_folder_is_never_taken(tmp_path: Path) -> None:
    """Fails on the old code: the next period's papers went into ``<kods>`` over the first period's."""
    _made(tmp_path, "B-1", FIRST)
    placed = place(tmp_path, "B-1", NEXT, {})
    assert placed.name == "B-1-2027-01-01"
    assert placed.note == (f"mapē {tmp_path / 'B-1'} ir cita atbalsta plāna perioda (01.07.2026–31.12.2026) "
                           f"dokumenti – tā palika neskarta; šī plāna (01.01.2027–30.06.2027) dokumenti ir mapē "
                           f"{tmp_path / 'B-1-2027-01-01'}")
    # the next period's own folder from an earlier run is its folder again (replaced as D119 allows)
    _made(tmp_path, "B-1-2027-01-01", NEXT)
    assert place(tmp_path, "B-1", NEXT, {}).name == "B-1-2027-01-01"
    # … and the first period still finds its own
    assert place(tmp_path, "B-1", FIRST, {}).name == "B-1"


def test_a_folder_without_a_period_is_kept_too(tmp_path: Path) -> None:
    _made(tmp_path, "B-1", None)  # made before the period was written, or its parskats.txt deleted
    placed = place(tmp_path, "B-1", NEXT, {})
    assert placed.name == "B-1-2027-01-01" and "bez ierakstīta atbalsta plāna perioda" in placed.note


def test_in_one_run_the_second_period_says_which_plan_took_the_code(tmp_path: Path) -> None:
    placed = place(tmp_path, "B-1", NEXT, {"B-1": FIRST})
    assert placed.name == "B-1-2027-01-01"
    assert placed.note.startswith(f"mapē {tmp_path / 'B-1'} šajā palaišanā izveidoti cita atbalsta plāna perioda "
                                  "(01.07.2026–31.12.2026) dokumenti; šī plāna (01.01.2027–30.06.2027)"), placed.note
    # an undated plan (or another child's file of the same name) still gets a numbered folder, as before
    assert place(tmp_path, "B-1", None, {"B-1": FIRST}).name == "B-1-2"
    assert place(tmp_path, "B-1", NEXT, {"B-1": FIRST, "B-1-2027-01-01": NEXT}).name == "B-1-2027-01-01-2"


def test_a_folder_not_made_by_the_command_is_left_to_the_usual_refusal(tmp_path: Path) -> None:
    (tmp_path / "B-1").mkdir()  # no marker: check_folder refuses it, naming it, as before
    assert place(tmp_path, "B-1", NEXT, {}).name == "B-1"


def test_a_refusal_names_the_dated_folders_of_the_child(tmp_path: Path) -> None:
    for name in ("B-1", "B-1-2027-01-01", "B-1-2027-01-01-iepriekseja-versija-01.12.2026"):
        _made(tmp_path, name, None)
    assert [p.name for p in earlier_folders(tmp_path, ["B-1"])] == [
        "B-1", "B-1-2027-01-01", "B-1-2027-01-01-iepriekseja-versija-01.12.2026"]


def test_a_childs_first_period_gets_the_code_whatever_the_files_are_called(tmp_path: Path) -> None:
    """D323 (audit L7): one run over two matrices of one child – the later period's file first in name order (here
    „a-…” before „b-…”) – still gives ``<kods>`` to the first period; other children's files keep their places."""
    from generator.documents.from_matrix.reading import MatrixReading
    from generator.documents.from_matrix.run import by_period

    files = [("a-next.xlsx", "B-1", NEXT), ("m-other.xlsx", "B-2", FIRST), ("b-first.xlsx", "B-1", FIRST),
             ("c-undated.xlsx", "B-3", None)]
    readings = []
    for name, code, period in files:
        reading = MatrixReading(Path(name), code)
        reading.period = period
        readings.append(reading)
    ordered = by_period(readings)
    assert [r.path.name for r in ordered] == ["b-first.xlsx", "m-other.xlsx", "a-next.xlsx", "c-undated.xlsx"]
    used: dict[str, tuple[dt.date, dt.date] | None] = {}
    folders = {}
    for reading in ordered:
        folders[reading.path.name] = name = place(tmp_path, reading.code, reading.period, used).name
        used[name] = reading.period
    assert folders["b-first.xlsx"] == "B-1" and folders["a-next.xlsx"] == "B-1-2027-01-01"
