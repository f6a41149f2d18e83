"""`ibm migrate` never prints a file name that shows the child's name (in any order, without diacritics), in a
folder run or for one file, as `ibm collect` and `ibm documents` do not (audit27 F12)."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, ["migrate", *map(str, args)])


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _named_like(child) -> str:  # noqa: ANN001
    """'Anna Paraugs 17' -> 'Paraugs_Anna': the surname first, no diacritics, no personal code."""
    first, surname = child.name.split()[:2]
    return f"{_plain(surname)}_{_plain(first)}"


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_folder_run_hides_a_file_named_after_the_child(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    first_name = _plain(children[0].name.split()[0])
    folder = tmp_path / "vecas" / "jelgava"
    folder.mkdir(parents=True)
    named = folder / f"{_named_like(children[0])}.xlsx"
    named.write_bytes(children[0].path.read_bytes())
    (folder / "matrica-b.xlsx").write_bytes(children[1].path.read_bytes())
    out = tmp_path / "jaunas"
    result = run(tmp_path / "vecas", "--out", out)
    assert result.exit_code == 0, result.output
    assert first_name not in result.output, result.output
    made = out / "jelgava" / named.name
    sha_old = hashlib.sha256(named.read_bytes()).hexdigest()[:12]
    sha_new = hashlib.sha256(made.read_bytes()).hexdigest()[:12]
    assert f"jelgava/matrica-{sha_old}.xlsx → jelgava/matrica-{sha_new}.xlsx: pārnestas" in result.output
    assert "jelgava/matrica-b.xlsx → jelgava/matrica-b.xlsx: pārnestas" in result.output  # not a person's name
    assert "redzams bērna vai vecāka vārds, personas kods vai datums" in result.output


def test_a_refused_and_a_single_file_hide_the_child_name(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    first_name = _plain(children[0].name.split()[0])
    source = tmp_path / f"{_named_like(children[0])}.xlsx"
    source.write_bytes(children[0].path.read_bytes())
    out = tmp_path / f"{_named_like(children[0])} jauna.xlsx"
    result = run(source, "--out", out)
    assert result.exit_code == 0, result.output
    assert first_name not in result.output, result.output
    assert "Jaunā matrica: " + str(tmp_path / "matrica-") in result.output
    again = run(source, "--out", out)  # its own unchanged output: skipped (audit37 F3), naming no child
    assert again.exit_code == 0, again.output
    assert "jau pārnesta iepriekš" in again.output and first_name not in again.output, again.output
    out.write_bytes(out.read_bytes() + b"\0")  # changed since: refused; the refusal names no child either
    again = run(source, "--out", out)
    assert again.exit_code == 1
    assert "faili jau ir" in again.output and first_name not in again.output, again.output


def test_each_matrix_is_opened_once(small_folder, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """review6 F5: before, the child's name was read by one opening of the file and the migration by a second."""
    from generator.ministry.matrix import Matrix

    _, children = small_folder
    folder = tmp_path / "vecas" / "jelgava"
    folder.mkdir(parents=True)
    for i, child in enumerate(children[:2]):
        (folder / f"matrica-{i}.xlsx").write_bytes(child.path.read_bytes())
    (folder / "bojata.xlsx").write_bytes(b"nav xlsx")
    opened: list[str] = []
    real = Matrix.open.__func__

    def counting(cls, path: Path) -> Matrix:  # noqa: ANN001
        opened.append(Path(path).name)
        return real(cls, path)

    monkeypatch.setattr(Matrix, "open", classmethod(counting))
    result = run(tmp_path / "vecas", "--out", tmp_path / "jaunas")
    assert result.exit_code == 1, result.output  # the broken one is refused, as before
    assert "jelgava/bojata.xlsx: " in result.output and "Pārnestas 2 matricas, atteikta 1" in result.output
    assert sorted(opened) == ["bojata.xlsx", "matrica-0.xlsx", "matrica-1.xlsx"], opened
    opened.clear()
    single = run(folder / "matrica-0.xlsx", "--out", tmp_path / "viena.xlsx")
    assert single.exit_code == 0, single.output
    assert opened == ["matrica-0.xlsx"]
