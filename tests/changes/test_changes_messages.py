"""`ibm changes` messages: a broken catalogue is named at the user's own path, unknown --only parts are a
usage error listing the valid ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.cli import main


def _broken_copy(folder: Path) -> Path:
    """A copy of the catalogue in ``folder`` whose programme.yaml has a word where a number belongs."""
    shutil.copytree(DEFAULT_CATALOGUE, folder)
    programme = folder / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace("value: 6,", "value: sešas,", 1),
                         encoding="utf-8")
    return folder


def test_a_broken_catalogue_is_named_at_the_users_folder(tmp_path: Path) -> None:
    folder = _broken_copy(tmp_path / "kat ā")
    result = CliRunner().invoke(main, ["changes", "--from", str(folder)])
    assert result.exit_code == 1, result.output
    assert "kat ā/programme.yaml" in result.output
    assert "ibm-refs-" not in result.output and "pielagots" not in result.output


def test_unknown_only_part_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--outputs", "--only", "nav"])
    assert result.exit_code == 2
    assert "nav tādas daļas: nav (gaidīts: " in result.output
    assert "dokumenti" in result.output


def test_out_never_replaces_a_file_the_command_did_not_write(tmp_path: Path) -> None:
    """audit15 F2, D119: a user's file is refused before any work (rc 1, named), its own report is replaced."""
    notes = tmp_path / "piezimes.txt"
    notes.write_text("piezīmes\n", encoding="utf-8")
    args = ["changes", "--from", str(DEFAULT_CATALOGUE), "--out"]
    result = CliRunner().invoke(main, [*args, str(notes)])
    assert result.exit_code == 1, result.output
    assert f"Kļūda: fails {notes} jau ir" in result.output and "--overwrite" in result.output
    assert notes.read_text(encoding="utf-8") == "piezīmes\n"
    report = tmp_path / "atskaite.md"
    for _ in range(2):  # the second run replaces the report the first one wrote
        result = CliRunner().invoke(main, [*args, str(report)])
        assert result.exit_code == 0, result.output
    assert report.read_text(encoding="utf-8").startswith("# Cenu un noteikumu izmaiņas")
    result = CliRunner().invoke(main, [*args, str(notes), "--overwrite"])
    assert result.exit_code == 0, result.output
    assert notes.read_text(encoding="utf-8") == report.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atskaite.md", "piezimes.txt"]


def test_catalogue_names_the_new_version(tmp_path: Path) -> None:
    """audit15 F7: `--catalogue MAPE` as in every other command, the same as `--to MAPE`."""
    folder = _broken_copy(tmp_path / "kat")
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--catalogue", str(folder)])
    assert result.exit_code == 1 and "kat/programme.yaml" in result.output, result.output  # the new one is read
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--catalogue", str(folder),
                                       "--to", str(DEFAULT_CATALOGUE)])
    assert result.exit_code == 2 and "--catalogue un --to kopā nelieto" in result.output


def test_a_broken_revision_names_its_files_with_the_revision(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """audit15 F13: `HEAD~50:catalogue/…` so the line is not read as the working catalogue's file."""
    from generator.changes import command

    def old_revision(ref: str, workdir: Path, repo: Path) -> Path:
        if ref != "v-bojata":
            return Path(ref)
        target = workdir / "v-bojata" / "catalogue"
        shutil.copytree(DEFAULT_CATALOGUE, target)
        programme = target / "programme.yaml"
        programme.write_text(programme.read_text(encoding="utf-8").replace("value: 6,", "value: sešas,", 1),
                             encoding="utf-8")
        return target

    monkeypatch.setattr(command, "materialize", old_revision)
    result = CliRunner().invoke(main, ["changes", "--from", "v-bojata"])
    assert result.exit_code == 1, result.output
    assert "v-bojata:catalogue/programme.yaml:" in result.output, result.output


def test_a_fraction_of_a_cent_in_the_new_version_is_refused_not_left_out(tmp_path: Path) -> None:
    """audit21 F13: a ministry typo 12.345 EUR in the version being reported is an error at its file and line
    (rc 1, nothing written); it is neither rounded to 12,35 EUR in the report nor left out of the comparison."""
    folder = tmp_path / "jauns"
    shutil.copytree(DEFAULT_CATALOGUE, folder)
    price = folder / "prices" / "2.1.yaml"
    text = price.read_text(encoding="utf-8")
    assert "amount: 5.11" in text
    price.write_text(text.replace("amount: 5.11", "amount: 5.115", 1), encoding="utf-8")
    line = next(n for n, ln in enumerate(price.read_text(encoding="utf-8").splitlines(), 1) if "5.115" in ln)
    out = tmp_path / "izmainas.md"
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--catalogue", str(folder),
                                       "--out", str(out)])
    assert result.exit_code == 1, result.output
    # the 4th dated value counted from one; a decimal comma in the Latvian sentence (audit24 F25)
    assert f"jauns/prices/2.1.yaml:{line}: values 4. ieraksts, amount: summa 5,115 nav veselos centos" \
        in result.output, result.output
    assert f"Kļūda: katalogs „{folder}” nav derīgs" in result.output
    assert "summa 5,115 nav veselos centos (gaidīts: summa euro ar ne vairāk kā diviem cipariem aiz komata)" \
        in result.output
    assert "nav salīdzināts" not in result.output
    assert not out.exists()
