"""The Ctrl-C line says plainly that earlier results are unchanged when the command had replaced nothing yet, and
says which files stay as they were once it had replaced some (audit39 F10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cli_lv, replace_file


def test_before_any_replacement_the_earlier_results_are_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replace_file, "_replaced", False)
    text = cli_lv._lv("Aborted!")
    assert text == "Pārtraukts (Ctrl-C): nekas netika aizstāts – iepriekšējie rezultāti paliek nemainīti.", text
    assert "vēl nebija" not in text


def test_after_a_replacement_the_line_says_which_files_are_unchanged(monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    monkeypatch.setattr(replace_file, "_replaced", False)
    replace_file.write_replacing(tmp_path / "a.txt", lambda p: p.write_text("x", "utf-8"))
    assert replace_file.replaced_any()
    text = cli_lv._lv("Aborted!")
    assert "jau pabeigtie rezultāti ir aizstāti" in text and "vēl nebija aizstājusi, ir nemainīti" in text, text
