"""`ibm build`'s swap of the new build into place, run through the command: a failed move leaves the previous build
byte-identical and the status 1, and a Ctrl-C during the swap leaves the new build whole with the status 0 and a
Latvian line saying so (before: "Pārtraukts … nepabeigtais netika uzrakstīts", status 1, though the new build was
already in place), while a Ctrl-C before the swap still stops it with the previous build unchanged (D133)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import build as build_module
from generator import replace_file
from generator.build import Step
from generator.cli import main
from generator.cli_lv import TEXTS
from generator.replace_file import LATE_INTERRUPT
from tests.slow_rename import snapshot
from tests.test_replace_folder import crashed_run


def _steps(text: str):
    def render(catalogue, staging, progress):  # noqa: ANN001, ANN202
        (staging / "a").mkdir(parents=True, exist_ok=True)
        (staging / "a" / "saturs.txt").write_text(text, encoding="utf-8")
        return [staging / "a" / "saturs.txt"]
    return lambda: [Step("a", "A", render)]


@pytest.fixture
def built(tmp_path: Path, catalogue_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(build_module, "_renderers", _steps("iepriekšējais"))
    out = tmp_path / "b"
    result = CliRunner().invoke(main, ["build", "--catalogue", str(catalogue_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(build_module, "_renderers", _steps("jaunais"))
    return out


def _build(out: Path, catalogue: Path):
    return CliRunner().invoke(main, ["build", "--catalogue", str(catalogue), "--out", str(out), "--force"])


def test_a_failed_move_of_the_new_build_keeps_the_previous_one(built: Path, catalogue_copy: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(built)
    real = os.rename

    def rename(src: str | Path, dst: str | Path) -> None:
        if Path(src).name.startswith(".ibm-build-"):
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(replace_file, "renameat2_noreplace", lambda src, dst: False)  # hooked: check + os.rename
    result = _build(built, catalogue_copy)
    assert result.exit_code == 1, result.output
    assert "diskā nav brīvas vietas" in result.output and "nav mainīts" in result.output, result.output
    assert snapshot(built) == before
    assert [p.name for p in built.parent.iterdir() if p.name != "catalogue"] == ["b"]


def test_a_ctrl_c_during_the_swap_ends_as_a_finished_build(built: Path, catalogue_copy: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.rename

    def rename(src: str | Path, dst: str | Path) -> None:
        if Path(src).name.startswith(".ibm-build-"):  # the new build is being moved in
            os.kill(os.getpid(), signal.SIGINT)
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(replace_file, "renameat2_noreplace", lambda src, dst: False)  # hooked: check + os.rename
    result = _build(built, catalogue_copy)
    assert result.exit_code == 0, result.output
    assert LATE_INTERRUPT in result.output and TEXTS["Aborted!"] not in result.output, result.output
    assert "Gatavs:" in result.output
    assert (built / "a" / "saturs.txt").read_text(encoding="utf-8") == "jaunais"
    assert [p.name for p in built.parent.iterdir() if p.name != "catalogue"] == ["b"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # Ctrl-C works again afterwards


def test_a_ctrl_c_before_the_swap_stops_with_the_previous_build(built: Path, catalogue_copy: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(built)
    real = build_module.check_out
    calls: list[Path] = []

    def check_out(out: Path) -> None:
        calls.append(out)
        if len(calls) == 2:  # the check just before the swap: the new build is written, not yet in place
            os.kill(os.getpid(), signal.SIGINT)
        real(out)

    monkeypatch.setattr(build_module, "check_out", check_out)
    result = _build(built, catalogue_copy)
    assert result.exit_code == 1, result.output
    assert TEXTS["Aborted!"] in result.output and LATE_INTERRUPT not in result.output, result.output
    assert snapshot(built) == before
    assert [p.name for p in built.parent.iterdir() if p.name != "catalogue"] == ["b"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_previous_build_that_cannot_come_back_is_named_not_removed(built: Path, catalogue_copy: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Something takes the folder's name while the new build moves in: the previous build stays in the hidden
    folder the message names (before: "Iepriekšējais … nav mainīts" while it lay under a hidden name)."""
    before = snapshot(built)
    real = os.rename

    def rename(src: str | Path, dst: str | Path) -> None:
        if Path(src).name.startswith(".ibm-build-"):
            built.mkdir(exist_ok=True)  # something takes the name, or fills the folder that claimed it
            (built / "kāda-cita.txt").write_text("x", encoding="utf-8")
            raise OSError(39, "Directory not empty", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(replace_file, "renameat2_noreplace", lambda src, dst: False)  # hooked: check + os.rename
    result = _build(built, catalogue_copy)
    assert result.exit_code == 1, result.output
    assert "nav mainīts" not in result.output, result.output
    [aside] = [p for p in built.parent.iterdir() if p.name.startswith(".b-vecais-")]
    assert f"iepriekšējos rezultātus neizdevās atlikt atpakaļ; tie ir saglabāti mapē {aside}" in result.output
    assert snapshot(aside) == before  # the previous build itself under the hidden name
    assert not list(built.parent.glob(".ibm-build-*"))


def test_a_cut_off_runs_previous_outputs_are_named_not_refused_as_foreign(built: Path, catalogue_copy: Path) -> None:
    """After a crash mid-swap: the previous build under `.b-vecais-…` beside it is named at the start, and
    documents' hidden folder inside the build is named as set-aside previous outputs, not as a stranger's file
    (review3 F7); nothing of either is removed."""
    beside = built.parent / ".b-vecais-abcd1234"
    beside.mkdir()
    (beside / "x.txt").write_text("iepriekšējais", encoding="utf-8")
    inside = built / ".ibm-iepriekšējie-abcd1234"
    inside.mkdir()
    (inside / "0-x.pdf").write_bytes(b"%PDF")
    result = _build(built, catalogue_copy)
    assert result.exit_code == 1, result.output
    assert "pārtrauktas palaišanas atliktie iepriekšējie rezultāti: .ibm-iepriekšējie-abcd1234/" in result.output
    assert "nav rakstījusi" not in result.output, result.output
    (inside / "0-x.pdf").unlink()
    inside.rmdir()
    result = _build(built, catalogue_copy)
    assert result.exit_code == 0, result.output
    assert f"iepriekšējie rezultāti ir mapē {beside} – pārbaudiet" in result.output, result.output
    assert (beside / "x.txt").read_text(encoding="utf-8") == "iepriekšējais"
    assert (built / "a" / "saturs.txt").read_text(encoding="utf-8") == "jaunais"


def test_a_crashed_runs_staging_folder_in_the_build_is_removed_with_a_line(built: Path, catalogue_copy: Path) -> None:
    """`ibm documents --out b` killed while it wrote leaves its staging folder in the build; before, every later
    `ibm build` refused it as a folder it had not made. It is the program's own (name and marker, its process gone):
    the build removes it, says so in one line and goes on (D133)."""
    left = crashed_run(built)
    result = _build(built, catalogue_copy)
    assert result.exit_code == 0, result.output
    assert f"Izdzēsta pagaidu mape {left}, ko atstāja kāda pārtraukta palaišana" in result.output, result.output
    assert not left.exists() and (built / "a" / "saturs.txt").read_text(encoding="utf-8") == "jaunais"


def test_a_folder_holding_only_a_crashed_runs_staging_folder_is_built_into(tmp_path: Path, catalogue_copy: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """No previous build (no manifest), only what a killed run left: before, the command refused the folder as "not
    empty and not a previous build". The staging folder is the program's own: removed with its line, build made."""
    monkeypatch.setattr(build_module, "_renderers", _steps("jaunais"))
    out = tmp_path / "b"
    out.mkdir()
    left = crashed_run(out)
    result = _build(out, catalogue_copy)
    assert result.exit_code == 0, result.output
    assert f"Izdzēsta pagaidu mape {left}, ko atstāja kāda pārtraukta palaišana" in result.output, result.output
    assert not left.exists() and (out / "a" / "saturs.txt").read_text(encoding="utf-8") == "jaunais"


def test_a_look_alike_staging_folder_without_the_marker_is_refused_and_kept(built: Path,
                                                                            catalogue_copy: Path) -> None:
    """The same name, but nothing proves the program made it (no marker): refused, named, left as it is."""
    look_alike = built / ".ibm-documents-abcd1234"
    look_alike.mkdir()
    (look_alike / "01.pdf").write_bytes(b"%PDF-1.7")
    before = snapshot(built)
    result = _build(built, catalogue_copy)
    assert result.exit_code == 1, result.output
    assert "fails, ko šī komanda nav rakstījusi: .ibm-documents-abcd1234/01.pdf" in result.output, result.output
    assert snapshot(built) == before


def test_a_folder_made_where_the_new_build_moves_in_is_not_replaced(built: Path, catalogue_copy: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Between setting the previous build aside and moving the new one in, a user's (empty) folder takes the name:
    before, rename() replaced it silently and the run ended with status 0 (review3 F3). Now the run fails with
    status 1, the user's folder stays, and the previous build is kept aside and named."""
    real = getattr(replace_file, "renameat2_noreplace", None)  # None: the code before renameat2

    def noreplace(src: Path, dst: Path) -> bool:
        if Path(dst) == built and Path(src).name.startswith(".ibm-build-"):
            built.mkdir()
        return real(src, dst)  # type: ignore[misc]

    real_rename = os.rename

    def rename(src: str | Path, dst: str | Path) -> None:  # the same moment, as the check-and-rename saw it
        if Path(dst) == built and Path(src).name.startswith(".ibm-build-") and not built.exists():
            built.mkdir()
        real_rename(src, dst)

    monkeypatch.setattr(replace_file, "renameat2_noreplace", noreplace, raising=False)
    monkeypatch.setattr(os, "rename", rename)
    before = snapshot(built)
    result = _build(built, catalogue_copy)
    assert result.exit_code == 1, result.output
    [aside] = [p for p in built.parent.iterdir() if p.name.startswith(".b-vecais-")]
    assert f"iepriekšējos rezultātus neizdevās atlikt atpakaļ; tie ir saglabāti mapē {aside}" in result.output
    assert built.is_dir() and not any(built.iterdir())
    assert snapshot(aside) == before
