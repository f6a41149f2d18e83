"""generator/own_files.py: a listing of written files with hashes tells own unchanged files from foreign and
changed ones."""

from __future__ import annotations

from pathlib import Path

from generator.own_files import listing, parse_listing, refusal, strangers


def test_foreign_changed_and_gone_files(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"a")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.docx").write_bytes(b"b")
    known = parse_listing(["virsraksts", *listing(tmp_path, ["a.pdf", "sub/b.docx"])])
    assert set(known) == {"a.pdf", "sub/b.docx"}
    assert strangers(tmp_path, known) == ([], [])
    (tmp_path / "sub" / "b.docx").write_bytes(b"labots")
    (tmp_path / "mans.txt").write_text("mans", encoding="utf-8")
    (tmp_path / "a.pdf").unlink()
    assert strangers(tmp_path, known) == (["mans.txt"], ["sub/b.docx"])
    assert strangers(tmp_path, known, ignore=("mans.txt",)) == ([], ["sub/b.docx"])
    text = refusal(tmp_path, ["mans.txt"], ["sub/b.docx"])
    assert "mans.txt" in text and "sub/b.docx" in text and str(tmp_path) in text and "nekas netika" in text
