"""A child's folder swap (generator/documents/from_matrix/writing.py, D133): a previous folder that cannot be moved
back is kept in the hidden folder the error names, never removed with the temporary one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.documents.from_matrix.writing import write_child
from generator.replace_file import PreviousAside


def test_a_previous_childs_folder_that_cannot_come_back_is_kept_and_named(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "B-0123456789AB"
    write_child([], target, draft=False, pdf=False, report="iepriekšējais\n")
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    real = os.rename

    def rename(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == target and Path(src).name.startswith(f".{target.name}-") and "vecais" not in Path(src).name:
            target.mkdir()  # something takes the name meanwhile
            raise OSError(39, "Directory not empty", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(PreviousAside) as raised:
        write_child([], target, draft=False, pdf=False, report="jaunais\n")
    aside = raised.value.aside
    assert str(aside) in str(raised.value)
    assert {p.name: p.read_bytes() for p in aside.iterdir()} == before  # the previous folder under a hidden name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, aside.name])
