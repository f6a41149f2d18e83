"""The swaps of `ibm build` and `ibm documents --from-matrix`: when the new folder cannot be moved into place, the
previous one is moved back (before: it stayed aside under a hidden name and the output folder was gone)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build
from generator.documents.from_matrix import writing


@pytest.mark.parametrize("swap", [build._swap, writing._swap], ids=["build", "from-matrix"])
def test_a_failed_move_puts_the_previous_folder_back(swap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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
        swap(staging, out)
    assert (out / "vecais.txt").read_text(encoding="utf-8") == "iepriekšējais"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ibm-jauns", "b"]
