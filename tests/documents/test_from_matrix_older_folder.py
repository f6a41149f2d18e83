"""A child's folder made by the version before the marker listed files (a one-line marker): nothing can prove its
files untouched – file times prove nothing (a `cp -r` copy of an edited folder, a scan copied in with its own times,
review4 F2) – so it is never replaced or deleted but renamed to a visible, free name beside it, with one line on the
console and in the new parskats.txt (D119); the new documents go to the usual folder. A run that fails moves it back.
Before: an "untouched" folder (by file times) was removed with everything in it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.documents.from_matrix import writing
from generator.documents.from_matrix.older_folder import OLDER_MARKER
from generator.documents.from_matrix.writing import MARKER, check_folder, write_child

OLDER = ("01-ligums-ar-vecaku.docx", "01-ligums-ar-vecaku.pdf", "02-ligums-ar-sniedzeju-1.docx",
         "03-garantijas-vestule-1.docx", "08-lemums-par-pieskirsanu.docx", "parskats.txt")
WRITTEN = 1_700_000_000_000_000_000  # when the older run wrote its marker (ns): its papers are a little older


def _older_folder(target: Path, names: tuple[str, ...] = OLDER) -> Path:
    target.mkdir()
    for i, name in enumerate(names):
        (target / name).write_bytes(f"agrākā versija {name}".encode())
        os.utime(target / name, ns=(WRITTEN - 1000 + i, WRITTEN - 1000 + i))
    (target / MARKER).write_text(OLDER_MARKER, encoding="utf-8")
    os.utime(target / MARKER, ns=(WRITTEN, WRITTEN))
    return target


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def _aside(target: Path, suffix: str = "") -> Path:
    return target.with_name(f"{target.name}-iepriekseja-versija-{dt.date.today():%d.%m.%Y}{suffix}")


def _line(target: Path, aside: Path) -> str:
    return (f"Mapi {target}, ko izveidoja agrāka rīkkopas versija, komanda neaizstāja, bet pārdēvēja par {aside} – "
            f"pārbaudiet to un izdzēsiet, kad tā vairs nav vajadzīga; jaunie dokumenti ir mapē {target}.")


def _edited_copy(target: Path) -> None:
    """review4 F2 (a): an edited folder copied with `cp -r` (the marker, written last, is copied last)."""
    source = _older_folder(target.with_name("avots"))
    (source / "01-ligums-ar-vecaku.docx").write_bytes(b"labots")
    shutil.rmtree(target)
    subprocess.run(["cp", "-r", str(source), str(target)], check=True)
    shutil.rmtree(source)


def _scan_with_its_times(target: Path) -> None:
    """review4 F2 (b): a signed scan, a day older than the marker, copied in over a generated name (`cp -p`)."""
    (target / "01-ligums-ar-vecaku.pdf").write_bytes(b"%PDF parakstits")
    os.utime(target / "01-ligums-ar-vecaku.pdf", ns=(WRITTEN - 86_400 * 10**9,) * 2)


@pytest.mark.parametrize("change", [
    lambda t: None,
    _edited_copy,
    _scan_with_its_times,
    lambda t: os.utime(t / "01-ligums-ar-vecaku.docx", ns=(WRITTEN + 1, WRITTEN + 1)),
    lambda t: [(t / "skenejumi").mkdir(), (t / "skenejumi" / "x.pdf").write_bytes(b"%PDF")],
], ids=["untouched", "cp-r-of-an-edited-folder", "scan-copied-with-its-times", "edited-docx", "users-folder"])
def test_an_older_versions_folder_is_renamed_aside_whole_and_said(tmp_path: Path,
                                                                  change: Callable[[Path], object]) -> None:
    target = _older_folder(tmp_path / "B-0123456789AB")
    change(target)
    before = _snapshot(target)
    check_folder(target)  # not refused: nothing of it is lost
    said: list[str] = []
    write_child([], target, draft=False, pdf=False, report="jaunais\n", say=said.append)
    aside = _aside(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, aside.name])
    assert _snapshot(aside) == before  # every file as it was, times too
    assert said == [_line(target, aside)]
    assert sorted(p.name for p in target.iterdir()) == [MARKER, "parskats.txt"]
    assert (target / "parskats.txt").read_text(encoding="utf-8") == f"jaunais\n\n{_line(target, aside)}\n"
    assert "parskats.txt" in (target / MARKER).read_text(encoding="utf-8")  # the new marker lists its files
    check_folder(target)  # the next run replaces the new folder as its own


def test_a_taken_aside_name_is_never_overwritten(tmp_path: Path) -> None:
    """The visible name is already there (a user's folder, or an earlier set-aside the same day): the next free one."""
    target = _older_folder(tmp_path / "B-0123456789AB")
    taken = _aside(target)
    taken.mkdir()
    (taken / "mans.txt").write_text("lietotāja", encoding="utf-8")
    said: list[str] = []
    write_child([], target, draft=False, pdf=False, report="jaunais\n", say=said.append)
    assert [p.name for p in taken.iterdir()] == ["mans.txt"]
    assert sorted(p.name for p in _aside(target, "-2").iterdir()) == sorted([*OLDER, MARKER])
    assert said == [_line(target, _aside(target, "-2"))]


def test_a_failed_run_moves_the_older_folder_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The swap fails: the older folder is back where it was, byte for byte, nothing beside it, nothing said."""
    target = _older_folder(tmp_path / "B-0123456789AB")
    before = _snapshot(target)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing, "swap_final", fail)
    with pytest.raises(OSError, match="No space"):
        write_child([], target, draft=False, pdf=False, report="jaunais\n", say=pytest.fail)
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    assert _snapshot(target) == before
