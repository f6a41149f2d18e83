"""A child's folder swap (generator/documents/from_matrix/writing.py, D133): a previous folder that cannot be moved
back is kept in the hidden folder the error names, never removed with the temporary one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import replace_file
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
            target.mkdir(exist_ok=True)  # something takes the name meanwhile (or is put into the claimed folder)
            (target / "svešs.txt").write_text("kāds cits", encoding="utf-8")
            raise OSError(39, "Directory not empty", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(replace_file, "renameat2_noreplace", lambda src, dst: False)  # hooked: check + os.rename
    with pytest.raises(PreviousAside) as raised:
        write_child([], target, draft=False, pdf=False, report="jaunais\n")
    aside = raised.value.aside
    assert str(aside) in str(raised.value)
    assert {p.name: p.read_bytes() for p in aside.iterdir()} == before  # the previous folder under a hidden name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, aside.name])


def test_a_cut_off_runs_previous_childs_folder_is_named_on_the_next_run(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """After a crash mid-swap the previous folder lies under `.B-…-vecais-XXXX`: the next run says where (review3 F7)
    and leaves it alone."""
    target = tmp_path / "B-0123456789AB"
    aside = tmp_path / f".{target.name}-vecais-abcd1234"
    aside.mkdir()
    (aside / "parskats.txt").write_text("iepriekšējais\n", encoding="utf-8")
    write_child([], target, draft=False, pdf=False, report="jaunais\n")
    assert f"atliktie iepriekšējie rezultāti ir mapē {aside} – pārbaudiet" in capsys.readouterr().err
    assert (aside / "parskats.txt").read_text(encoding="utf-8") == "iepriekšējais\n"
    assert (target / "parskats.txt").read_text(encoding="utf-8") == "jaunais\n"
