"""A folder with no spreadsheet at all: `ibm collect` says what it found instead – the count and the name endings of
its other files, or that it is empty – so a wrong folder is recognised at once; names are not shown (a scan's name
may name a child) (ministrycheck F5; fails on the old code, which said only that no spreadsheet was there)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main


def _collect(folder: Path, tmp_path: Path) -> str:
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "izvade" / "k.xlsx")],
                                env={"IBM_PSEUDONIMA_ATSLEGA": "testa-atslega-tikai-testiem-0123456789"})
    assert result.exit_code == 2, result.output  # a wrong folder given: before any work (audit35b F9g)
    assert not (tmp_path / "izvade").exists()
    assert "Traceback" not in result.output
    return result.output


def test_a_folder_of_scans_and_notes_is_described(tmp_path: Path) -> None:
    folder = tmp_path / "matricas"
    (folder / "ogre").mkdir(parents=True)
    (folder / "ogre" / "Anna Paraugs skenets.pdf").write_bytes(b"%PDF-1.4")
    (folder / "ogre" / "ligums.pdf").write_bytes(b"%PDF-1.4")
    (folder / "piezimes.txt").write_text("nav matrica", encoding="utf-8")
    (folder / "ogre" / ".~lock.x.xlsx#").write_text(",x,y;", encoding="utf-8")  # hidden: not counted
    out = _collect(folder, tmp_path)
    assert ("nav nevienas izklājlapas (gaidīts: aizpildītas IBM matricas .xlsx); mapē ir tikai 3 citi faili "
            "(.pdf, .txt), kas nav matricas. Palīdzība:") in out, out
    assert "Anna" not in out and "ligums" not in out


def test_an_empty_folder_is_called_empty(tmp_path: Path) -> None:
    folder = tmp_path / "tuksa"
    (folder / "ogre").mkdir(parents=True)
    out = _collect(folder, tmp_path)
    assert "nav nevienas izklājlapas (gaidīts: aizpildītas IBM matricas .xlsx); mape ir tukša. Palīdzība:" in out, out


def test_one_other_file_in_the_singular(tmp_path: Path) -> None:
    folder = tmp_path / "viens"
    folder.mkdir()
    (folder / "README").write_text("x", encoding="utf-8")
    out = _collect(folder, tmp_path)
    assert "mapē ir tikai 1 cits fails (bez paplašinājuma), kas nav matrica. Palīdzība:" in out, out
