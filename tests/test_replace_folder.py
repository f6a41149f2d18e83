"""The swap of generator/replace_file.py that `ibm build`, `ibm documents` and `ibm collect` use: a failed move puts
the previous outputs back, a failed run leaves nothing new beside them, a previous output that cannot be moved back
is kept where the error says (never removed with the staging folder), and nothing that appears at a target
meanwhile is overwritten."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.replace_file import PreviousAside, replace_folder, staged_folder, swap


def _folder(path: Path, **files: str) -> Path:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def test_a_failed_move_puts_the_previous_folder_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _folder(tmp_path / "b", **{"vecais.txt": "iepriekšējais"})
    staging = _folder(tmp_path / ".ibm-jauns", **{"jaunais.txt": "jaunais"})
    real = os.rename

    def rename(src: Path, dst: Path) -> None:
        if Path(src) == staging:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OSError) as raised:
        replace_folder(staging, out)
    assert not isinstance(raised.value, PreviousAside)
    assert (out / "vecais.txt").read_text(encoding="utf-8") == "iepriekšējais"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ibm-jauns", "b"]


def test_a_failed_setting_aside_leaves_no_hidden_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: the empty `.b-vecais-XXXX` folder made for the previous build stayed in the user's folder."""
    out = _folder(tmp_path / "b", **{"vecais.txt": "iepriekšējais"})
    staging = _folder(tmp_path / ".ibm-jauns", **{"jaunais.txt": "jaunais"})
    real = os.rename

    def rename(src: Path, dst: Path) -> None:
        if Path(src) == out:
            raise PermissionError(13, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(PermissionError):
        replace_folder(staging, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ibm-jauns", "b"]
    assert (out / "vecais.txt").read_text(encoding="utf-8") == "iepriekšējais"


def test_a_previous_folder_that_cannot_come_back_is_kept_and_named(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Something takes the target's name while the new folder is moved: the previous output cannot be moved back.
    Before: it stayed under a hidden name (collect: inside the staging folder, which was then removed) and the
    error named only the failed move."""
    out = _folder(tmp_path / "galigie-apmeri", **{"riga.csv": "iepriekšējais"})
    real = os.rename
    with staged_folder(tmp_path, ".ibm-collect-") as tmp:
        new = _folder(tmp / "galigie-apmeri", **{"riga.csv": "jaunais"})

        def rename(src: Path, dst: Path) -> None:
            if Path(src) == new:
                _folder(out, x="kāds cits")
            real(src, dst)

        monkeypatch.setattr(os, "rename", rename)
        with pytest.raises(PreviousAside) as raised:
            swap([(new, out)])
        monkeypatch.undo()
    aside = raised.value.aside
    assert str(aside) in str(raised.value) and "iepriekšējos rezultātus" in str(raised.value)
    kept = [p for p in tmp_path.rglob("riga.csv") if p.read_text(encoding="utf-8") == "iepriekšējais"]
    assert kept and all(p.is_relative_to(aside) for p in kept)
    assert (out / "x").read_text(encoding="utf-8") == "kāds cits"  # what appeared there is not touched either
    assert not list(tmp_path.glob(".ibm-collect-*"))


def test_a_new_file_never_overwrites_one_that_appeared_at_its_target(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The previous file is set aside; a user's file written to that name right then stays, and so does the previous
    one (moved back is impossible, so it is kept aside and named)."""
    target = tmp_path / "k.xlsx"
    target.write_text("iepriekšējais", encoding="utf-8")
    new = tmp_path / ".ibm-jauns.xlsx"
    new.write_text("jaunais", encoding="utf-8")
    real = os.rename

    def rename(src: Path, dst: Path) -> None:
        real(src, dst)
        if Path(src) == target:
            target.write_text("lietotāja", encoding="utf-8")

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(PreviousAside) as raised:
        swap([(new, target)])
    assert target.read_text(encoding="utf-8") == "lietotāja"
    assert [p.read_text(encoding="utf-8") for p in raised.value.aside.iterdir()] == ["iepriekšējais"]
    assert new.read_text(encoding="utf-8") == "jaunais"


def test_a_successful_swap_leaves_only_the_new_outputs(tmp_path: Path) -> None:
    out = _folder(tmp_path / "b", **{"vecais.txt": "iepriekšējais"})
    target = tmp_path / "k.txt"
    target.write_text("iepriekšējais", encoding="utf-8")
    with staged_folder(tmp_path, ".ibm-x-") as tmp:
        new = _folder(tmp / "b", **{"jaunais.txt": "jaunais"})
        (tmp / "k.txt").write_text("jaunais", encoding="utf-8")
        swap([(new, out), (tmp / "k.txt", target)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "k.txt"]
    assert [p.name for p in out.iterdir()] == ["jaunais.txt"] and target.read_text(encoding="utf-8") == "jaunais"
