"""Spreadsheet files that are no .xlsx and links that lead nowhere (or round in a loop) are named with their
reason by `ibm collect` and `ibm migrate`, never passed over in silence (audit27 F4, F5)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.ministry.collect import find_workbooks


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "vecas" / "talsi"
    folder.mkdir(parents=True)
    (folder / "a.xlsx").symlink_to("b.xlsx")
    (folder / "b.xlsx").symlink_to("a.xlsx")
    (folder / "c.xlsx").symlink_to(tmp_path / "nav-tada")
    (folder / "veca.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "piezimes.txt").write_text("nav izklājlapa", encoding="utf-8")
    return tmp_path / "vecas"


def test_collect_lists_broken_and_looping_links(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert [p.name for p in find_workbooks(folder)] == ["a.xlsx", "b.xlsx", "c.xlsx", "veca.xls"]


def test_migrate_names_every_file_it_does_not_migrate(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = CliRunner().invoke(main, ["migrate", str(folder), "--out", str(tmp_path / "jaunas")])
    assert result.exit_code == 1, result.output
    # links said as collect says them (audit35b F9e)
    assert "Kļūda: talsi/a.xlsx: saite cilpā (tā caur citām saitēm ved atpakaļ uz sevi)" in result.output, result.output
    assert "Kļūda: talsi/c.xlsx: saite uz neesošu failu – ievietojiet mapē pašu matricas failu" in result.output
    assert "Kļūda: talsi/veca.xls: nav xlsx fails (paplašinājums „.xls”; gaidīts: .xlsx)" in result.output
    assert "sistēmas kļūda" not in result.output and "piezimes.txt" not in result.output
    assert "Pārnestas 0 matricas, atteiktas 4." in result.output
