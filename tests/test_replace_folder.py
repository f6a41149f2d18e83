"""The folder swap of `ibm build` and `ibm documents --from-matrix` (generator/replace_file.py replace_folder): when
the new folder cannot be moved into place, the previous one is moved back (before: it stayed aside under a hidden
name and the output folder was gone)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build
from generator.documents.from_matrix import writing
from generator.replace_file import replace_folder


def test_both_commands_swap_their_folder_with_replace_folder() -> None:
    assert build.replace_folder is replace_folder and writing.replace_folder is replace_folder


def test_a_failed_move_puts_the_previous_folder_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "b"
    out.mkdir()
    (out / "vecais.txt").write_text("iepriekšējais", encoding="utf-8")
    staging = tmp_path / ".ibm-jauns"
    staging.mkdir()
    (staging / "jaunais.txt").write_text("jaunais", encoding="utf-8")
    real = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self == staging:
            raise OSError(28, "No space left on device")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        replace_folder(staging, out)
    assert (out / "vecais.txt").read_text(encoding="utf-8") == "iepriekšējais"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ibm-jauns", "b"]
