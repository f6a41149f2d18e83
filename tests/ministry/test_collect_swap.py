"""`ibm collect`'s swap of its outputs into place (generator/replace_file.py): a Ctrl-C during it leaves both new
outputs whole with the normal status and a Latvian line saying so (before: status 1, "Pārtraukts … nepabeigtais
netika uzrakstīts", which `ibm collect --help` reads as "nothing was written"), and a swap whose previous outputs
cannot be moved back names where they are kept (before: they were removed with the temporary folder) – D133."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import replace_file
from generator.cli import main
from generator.cli_lv import TEXTS
from generator.ministry.output import FINAL_DIR, MANIFEST
from generator.ministry.pseudonym import ENV_KEY
from generator.replace_file import LATE_INTERRUPT
from tests.ministry.conftest import KEY
from tests.ministry.factory import copy_into_folders


def run(*args: str):
    return CliRunner().invoke(main, ["collect", *args, "--jobs", "1", "--no-cache"], env={ENV_KEY: KEY.decode()})


@pytest.fixture
def collected(tmp_path: Path, small_folder) -> tuple[Path, Path, Path]:
    """(first inputs, more inputs, summary path) after one collection of the first inputs."""
    _, children = small_folder
    first = copy_into_folders(children[:2], tmp_path / "in1")
    more = copy_into_folders(children[:3], tmp_path / "in2")
    out = tmp_path / "darbs" / "k.xlsx"
    assert run(str(first), "--out", str(out)).exit_code == 0
    return first, more, out


def test_a_ctrl_c_during_the_swap_ends_as_a_finished_collection(collected, monkeypatch: pytest.MonkeyPatch) -> None:
    _, more, out = collected
    previous = (out.parent / FINAL_DIR / MANIFEST).read_bytes()
    real = os.rename

    def rename(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == out.parent / FINAL_DIR and Path(src).parent.name.startswith(".ibm-collect-"):
            os.kill(os.getpid(), signal.SIGINT)  # the new outputs are being moved in
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(replace_file, "renameat2_noreplace", lambda src, dst: False)  # hooked: check + os.rename
    result = run(str(more), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert LATE_INTERRUPT in result.output and TEXTS["Aborted!"] not in result.output, result.output
    assert (out.parent / FINAL_DIR / MANIFEST).read_bytes() != previous  # the new outputs are in place
    assert "Izmantotas 3 matricas" in result.output, result.output
    assert sorted(p.name for p in out.parent.iterdir()) == [FINAL_DIR, "k.xlsx"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_previous_outputs_that_cannot_be_moved_back_are_kept_and_named(collected,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _, more, out = collected
    final_dir = out.parent / FINAL_DIR
    previous = {p.name: p.read_bytes() for p in final_dir.iterdir()}
    real = os.rename

    def rename(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == final_dir and Path(src).parent.name.startswith(".ibm-collect-"):
            final_dir.mkdir(exist_ok=True)  # something takes the name (or fills the claimed folder): both moves fail
            (final_dir / "x.txt").write_text("kāds cits", encoding="utf-8")
            raise OSError(39, "Directory not empty", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(replace_file, "renameat2_noreplace", lambda src, dst: False)  # hooked: check + os.rename
    result = run(str(more), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "iepriekšējos rezultātus neizdevās atlikt atpakaļ; tie ir saglabāti mapē" in result.output, result.output
    assert "nav mainīti" not in result.output
    [aside] = [p for p in out.parent.iterdir() if p.name.startswith(".ibm-iepriekšējie-")]
    assert str(aside) in result.output
    kept = {p.name: p.read_bytes() for p in aside.iterdir()}  # the previous folder itself, under the hidden name
    assert kept == previous
    assert (final_dir / "x.txt").read_text(encoding="utf-8") == "kāds cits"
    assert not list(out.parent.glob(".ibm-collect-*"))


def test_a_ctrl_c_during_the_cache_commit_after_the_swap_ends_as_a_finished_collection(
        collected, monkeypatch: pytest.MonkeyPatch) -> None:
    """The outputs are in place when the cache is committed: a Ctrl-C then is named, the summary lines are printed
    and the status is the normal one (before: status 1 and "nepabeigtais netika uzrakstīts" – review3 F5)."""
    from generator.ministry.cache import ResultCache

    _, more, out = collected
    previous = (out.parent / FINAL_DIR / MANIFEST).read_bytes()
    real = ResultCache.commit

    def commit(self: ResultCache) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        real(self)

    monkeypatch.setattr(ResultCache, "commit", commit)
    result = CliRunner().invoke(main, ["collect", str(more), "--out", str(out), "--jobs", "1"],
                                env={ENV_KEY: KEY.decode()})
    assert result.exit_code == 0, result.output
    assert result.output.count(LATE_INTERRUPT) == 1 and TEXTS["Aborted!"] not in result.output, result.output
    assert (out.parent / FINAL_DIR / MANIFEST).read_bytes() != previous
    assert "Izmantotas 3 matricas" in result.output and "Kopsavilkums:" in result.output, result.output
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_cut_off_runs_previous_outputs_are_named_on_the_next_run(collected) -> None:
    """A crash mid-swap leaves the previous outputs in `.ibm-iepriekšējie-XXXX/` beside --out: the next run says
    where, and leaves them alone (review3 F7)."""
    _, more, out = collected
    aside = out.parent / ".ibm-iepriekšējie-abcd1234"
    aside.mkdir()
    (aside / "1-k.xlsx").write_bytes(b"previous")
    result = run(str(more), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"atliktie iepriekšējie rezultāti ir mapē {aside} – pārbaudiet" in result.output, result.output
    assert (aside / "1-k.xlsx").read_bytes() == b"previous"
