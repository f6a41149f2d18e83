"""D178: `ibm migrate` knows the same old matrix by its content wherever it is now (a moved or renamed VECA folder
or file) or by its place when its content changed (also when its name shows the child and is shown hashed); what
it did not write, what a person edited and another old matrix's output still need --overwrite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.migrate import MARK_PREFIX
from tests.ministry.factory import make_children, write_children


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue, template: Path) -> list[Path]:
    folder = tmp_path_factory.mktemp("vecas-d178")
    written = write_children(catalogue, template, make_children(catalogue, 2, seed=1781), folder,
                             by_municipality=False)
    return [c.path for c in written]


def _run(*args: object):  # noqa: ANN202
    return CliRunner().invoke(main, ["migrate", *map(str, args)])


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _changed(path: Path) -> None:
    """The worker opens and saves the old matrix again (a correction): other bytes, the same matrix."""
    before = path.read_bytes()
    load_workbook(path).save(path)
    assert path.read_bytes() != before


def test_a_moved_veca_folder_is_the_same_matrices(two: list[Path], tmp_path: Path) -> None:
    old = tmp_path / "vecas"
    old.mkdir()
    for i, path in enumerate(two):
        shutil.copyfile(path, old / f"m{i}.xlsx")
    out = tmp_path / "jaunas"
    assert _run(old, "--out", out).exit_code == 0
    written = _state(out)
    moved = tmp_path / "arhivs" / "vecas-2026"
    moved.parent.mkdir()
    old.rename(moved)
    again = _run(moved, "--out", out)
    assert again.exit_code == 0, again.output
    assert "Pārnestas 0 matricas, jau iepriekš pārnestas 2, atteiktas 0" in again.output
    assert "vecās matricas mape kopš tam pārvietota vai pārdēvēta, saturs tas pats" in again.output
    assert _state(out) == written  # nothing written again


def test_a_renamed_old_file_is_skipped_and_named(two: list[Path], tmp_path: Path) -> None:
    first = tmp_path / "pirmais.xlsx"
    shutil.copyfile(two[0], first)
    out = tmp_path / "jauna.xlsx"
    assert _run(first, "--out", out).exit_code == 0
    written = _state(tmp_path)
    renamed = tmp_path / "citur" / "parsaukts.xlsx"
    renamed.parent.mkdir()
    first.rename(renamed)
    again = _run(renamed, "--out", out)
    assert again.exit_code == 0, again.output
    assert "jau pārnesta iepriekš" in again.output
    assert "pārvietota vai pārdēvēta (iepriekš „pirmais.xlsx”), saturs tas pats" in again.output
    assert _state(tmp_path) == {k: v for k, v in written.items() if k != "pirmais.xlsx"}


def test_a_changed_old_file_with_a_hidden_name_is_migrated_again(two: list[Path], tmp_path: Path) -> None:
    old = tmp_path / "vecas"
    old.mkdir()
    named = old / "010101-10000.xlsx"  # obviously fictional: a personal code in the name, shown hashed
    shutil.copyfile(two[0], named)
    shutil.copyfile(two[1], old / "cits.xlsx")
    out = tmp_path / "jaunas"
    assert _run(old, "--out", out).exit_code == 0
    report = out / "010101-10000-parnesana.txt"
    first_mark = report.read_text(encoding="utf-8").splitlines()[-1]
    _changed(named)
    again = _run(old, "--out", out)
    assert again.exit_code == 0, again.output
    assert "faili jau ir" not in again.output
    assert "Pārnesta 1 matrica, jau iepriekš pārnesta 1, atteiktas 0" in again.output
    assert "pārnesta no jauna: vecā matrica kopš iepriekšējās pārnešanas mainīta" in again.output
    text = report.read_text(encoding="utf-8")
    assert text.splitlines()[-1] != first_mark and "010101" not in text and str(tmp_path) not in text
    assert "pārnesta no jauna: vecā matrica kopš iepriekšējās pārnešanas mainīta" in text
    assert "010101" not in again.output
    third = _run(old, "--out", out)
    assert third.exit_code == 0 and "jau iepriekš pārnestas 2" in third.output, third.output


def test_the_place_is_the_files_path_whether_veca_was_the_folder_or_the_file(two: list[Path],
                                                                             tmp_path: Path) -> None:
    """Migrated with its folder, corrected, migrated again on its own into the same new file: the same place."""
    old = tmp_path / "vecas" / "riga"
    old.mkdir(parents=True)
    shutil.copyfile(two[0], old / "m.xlsx")
    assert _run(tmp_path / "vecas", "--out", tmp_path / "jaunas").exit_code == 0
    _changed(old / "m.xlsx")
    again = _run(old / "m.xlsx", "--out", tmp_path / "jaunas" / "riga" / "m.xlsx")
    assert again.exit_code == 0, again.output
    assert "pārnesta no jauna: vecā matrica kopš iepriekšējās pārnešanas mainīta" in again.output


def test_another_hidden_name_in_the_same_folder_is_still_refused(two: list[Path], tmp_path: Path) -> None:
    """Two files whose names show a child, side by side, into one --out: both are shown as the folder plus a hash,
    but the place is the real name – the second is another matrix, refused, nothing replaced."""
    old = tmp_path / "vecas"
    old.mkdir()
    shutil.copyfile(two[0], old / "010101-10000.xlsx")
    shutil.copyfile(two[1], old / "020202-20000.xlsx")
    out = tmp_path / "jauna.xlsx"
    assert _run(old / "010101-10000.xlsx", "--out", out).exit_code == 0
    kept = out.read_bytes()
    other = _run(old / "020202-20000.xlsx", "--out", out)
    assert other.exit_code == 1, other.output
    assert "faili jau ir; tie ir ibm migrate rezultāts citai vecajai matricai (cits saturs citā vietā" in other.output
    assert out.read_bytes() == kept


def test_moved_and_changed_needs_overwrite(two: list[Path], tmp_path: Path) -> None:
    """Both the place and the content differ: nothing tells it from another matrix – refused, the way out named."""
    first = tmp_path / "a" / "m.xlsx"
    first.parent.mkdir()
    shutil.copyfile(two[0], first)
    out = tmp_path / "jauna.xlsx"
    assert _run(first, "--out", out).exit_code == 0
    kept = out.read_bytes()
    moved = tmp_path / "b" / "m.xlsx"
    moved.parent.mkdir()
    first.rename(moved)
    _changed(moved)
    refused = _run(moved, "--out", out)
    assert refused.exit_code == 1, refused.output
    assert "gan pārvietota, gan mainīta, pievienojiet --overwrite" in refused.output
    assert out.read_bytes() == kept
    assert _run(moved, "--out", out, "--overwrite").exit_code == 0


def test_a_report_written_before_d178_is_still_recognised(two: list[Path], tmp_path: Path) -> None:
    """A D177 report has no place: its shown name decides, as before – skipped at the same place."""
    first = tmp_path / "m.xlsx"
    shutil.copyfile(two[0], first)
    out = tmp_path / "jauna.xlsx"
    assert _run(first, "--out", out).exit_code == 0
    report = tmp_path / "jauna-parnesana.txt"
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines[-1].startswith(MARK_PREFIX) and "; vieta " in lines[-1]
    lines[-1] = lines[-1].rpartition("; vieta ")[0]  # the D177 line
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = _run(first, "--out", out)
    assert again.exit_code == 0 and "jau pārnesta iepriekš" in again.output, again.output
    _changed(first)
    redone = _run(first, "--out", out)
    assert redone.exit_code == 0 and "vecā matrica kopš iepriekšējās pārnešanas mainīta" in redone.output, \
        redone.output
