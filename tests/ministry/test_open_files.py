"""A matrix still open in LibreOffice or Excel (its lock file beside it): `ibm collect` and `ibm migrate` use its
last saved version and say so in Latvian, naming the file – never silently (ministrycheck F1). The lock file itself
and the name of whoever opened it are never shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.cli import main
from generator.ministry.open_files import open_in
from generator.ministry.summary_book import SHEET_NOTES
from tests.ministry.factory import copy_children

OPENED_BY = "Inese Lietotāja"  # the lock file's content names a person: never shown


def _lock(path: Path, program: str) -> None:
    if program == "LibreOffice":
        lock = path.parent / f".~lock.{path.name}#"
    else:
        lock = path.parent / f"~${path.name[2:]}"
    lock.write_text(f",{OPENED_BY},dators,03.12.2026 09:15,file:///home/x;", encoding="utf-8")


def test_lock_files_of_both_programs_are_recognised(tmp_path: Path) -> None:
    matrix = tmp_path / "matrica-001.xlsx"
    matrix.write_bytes(b"")
    assert open_in(matrix) is None
    _lock(matrix, "Excel")
    assert open_in(matrix) == "Excel"
    _lock(matrix, "LibreOffice")
    assert open_in(matrix) == "LibreOffice"
    assert open_in(tmp_path / "matrica-002.xlsx") is None


@pytest.mark.parametrize("program", ["LibreOffice", "Excel"])
def test_collect_names_a_matrix_still_open(tmp_path: Path, small_folder, key_env, program: str) -> None:  # noqa: ANN001
    source, children = small_folder
    folder = copy_children(source, children[:3], tmp_path / "matricas")
    opened = folder / children[1].path.relative_to(source)
    _lock(opened, program)
    out = tmp_path / "izvade" / "kopsavilkums.xlsx"
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rel = opened.relative_to(folder).as_posix()
    note = (f"{rel}: fails, šķiet, vēl ir atvērts ({program} bloķēšanas fails blakus tam) – izmantota pēdējā "
            "saglabātā versija")
    assert f"Piezīme: {note}" in result.output
    assert sum("vēl ir atvērts" in line for line in result.output.splitlines()) == 1  # only the open one
    assert OPENED_BY not in result.output and ".~lock" not in result.output and "~$" not in result.output
    ws = load_workbook(out, read_only=True)[SHEET_NOTES]
    texts = [str(c) for row in ws.iter_rows(values_only=True) for c in row if c]
    assert any(t.startswith(note) for t in texts), texts
    assert not any(OPENED_BY in t for t in texts)


def test_migrate_warns_of_a_matrix_still_open(tmp_path: Path, small_folder) -> None:  # noqa: ANN001
    _, children = small_folder
    old = tmp_path / "vecas" / "matrica-001.xlsx"
    old.parent.mkdir()
    shutil.copyfile(children[0].path, old)
    _lock(old, "LibreOffice")
    result = CliRunner().invoke(main, ["migrate", str(old), "--out", str(tmp_path / "jauna.xlsx")])
    assert result.exit_code == 0, result.output
    assert (f"Brīdinājums: {old}: fails, šķiet, vēl ir atvērts (LibreOffice bloķēšanas fails blakus tam) – "
            "pārnesta pēdējā saglabātā versija") in result.output, result.output
    assert OPENED_BY not in result.output



def test_migrate_does_not_say_it_carried_an_open_matrix_it_refused(tmp_path: Path, small_folder) -> None:  # noqa: ANN001
    """audit35b F9f: an open matrix whose new file cannot be written (a file the command did not write stands there)
    was announced „pārnesta pēdējā saglabātā versija” and refused two lines later; now the refusal stands alone with
    a note on the open file."""
    _, children = small_folder
    old = tmp_path / "vecas" / "matrica-001.xlsx"
    old.parent.mkdir()
    shutil.copyfile(children[0].path, old)
    _lock(old, "LibreOffice")
    taken = tmp_path / "jauna.xlsx"
    taken.write_bytes(b"lietotaja fails")
    result = CliRunner().invoke(main, ["migrate", str(old), "--out", str(taken)])
    assert result.exit_code == 1, result.output
    assert "pārnesta pēdējā saglabātā versija" not in result.output, result.output
    assert f"Kļūda: {old}: " in result.output and "nekas netika uzrakstīts." in result.output, result.output
    assert (f"Piezīme: {old}: fails, šķiet, vēl ir atvērts (LibreOffice bloķēšanas fails blakus tam); ja tajā ir "
            "nesaglabātas izmaiņas, saglabājiet un aizveriet failu, pirms palaižat „ibm migrate” vēlreiz.") \
        in result.output, result.output
    assert taken.read_bytes() == b"lietotaja fails" and OPENED_BY not in result.output


def _two_matrices(tmp_path: Path, small_folder) -> tuple[Path, Path]:  # noqa: ANN001
    source, children = small_folder
    folder = copy_children(source, children[:2], tmp_path / "matricas")
    out = tmp_path / "izvade" / "kopsavilkums.xlsx"
    first = CliRunner().invoke(main, ["collect", str(folder), "--out", str(out)])
    assert first.exit_code == 0, first.output
    assert "atvērts" not in first.output
    return folder, out


def test_collect_warns_that_the_summary_it_replaces_is_open(tmp_path: Path, small_folder, key_env) -> None:  # noqa: ANN001
    """The previous summary open in LibreOffice: the collection replaces it, and saving the open window afterwards
    would put the old figures back – said before it starts (ministrycheck F4)."""
    folder, out = _two_matrices(tmp_path, small_folder)
    _lock(out, "LibreOffice")
    again = CliRunner().invoke(main, ["collect", str(folder), "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert (f"Brīdinājums: {out} ir atvērts LibreOffice: savākšana to aizstās, bet atvērtajā logā paliks "
            "iepriekšējais saturs – aizveriet to nesaglabājot") in again.output, again.output
    assert OPENED_BY not in again.output


def test_collect_asks_to_close_an_open_csv_not_to_move_its_lock(tmp_path: Path, small_folder, key_env) -> None:  # noqa: ANN001
    """A CSV of galigie-apmeri/ open in Excel: its lock file lies in the folder the collection replaces, so the run is
    refused (nothing written) – saying to close the CSV, not to move the lock file away as a stranger (ministrycheck
    F6; the old message named "~$…csv" as a file to move elsewhere)."""
    folder, out = _two_matrices(tmp_path, small_folder)
    final = out.parent / "galigie-apmeri"
    csv = sorted(final.glob("*.csv"))[0]
    _lock(csv, "Excel")
    before = {p: p.read_bytes() for p in out.parent.rglob("*") if p.is_file() and p.suffix != ".sqlite"}
    again = CliRunner().invoke(main, ["collect", str(folder), "--out", str(out)])
    assert again.exit_code == 1, again.output
    assert (f"Kļūda: mapē {final} fails {csv.name} (Excel) vēl ir atvērts – aizveriet to (blakus ir programmas "
            "bloķēšanas fails, ko ibm collect neaizstāj) un palaidiet vēlreiz; nekas netika uzrakstīts") in again.output
    assert "pārvietojiet" not in again.output and OPENED_BY not in again.output
    assert {p: p.read_bytes() for p in out.parent.rglob("*") if p.is_file() and p.suffix != ".sqlite"} == before

