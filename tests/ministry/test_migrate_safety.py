"""`ibm migrate` never replaces an existing file unless --overwrite, says a missing input in Latvian as a usage
error, and shows no personal code of a file name."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.ministry.matrix import Matrix


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, ["migrate", *map(str, args)])


def test_an_existing_file_is_not_overwritten_without_the_option(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    source = children[0].path
    out = tmp_path / "jauna.xlsx"
    out.write_bytes(b"svesh fails")
    result = run(source, "--out", out)
    assert result.exit_code == 1
    assert ("jauna.xlsx: fails jau ir; ibm migrate esošus failus, ko tā nav rakstījusi vai kas mainīti, "
            "nepārraksta") in result.output
    assert "--overwrite" in result.output and "Traceback" not in result.output
    assert out.read_bytes() == b"svesh fails"
    assert not (tmp_path / "jauna-parnesana.txt").exists()
    out.unlink()
    report = tmp_path / "jauna-parnesana.txt"
    report.write_text("mans pārskats", encoding="utf-8")
    result = run(source, "--out", out)
    assert result.exit_code == 1 and "jauna-parnesana.txt: fails jau ir" in result.output
    assert report.read_text(encoding="utf-8") == "mans pārskats" and not out.exists()
    result = run(source, "--out", out, "--overwrite")
    assert result.exit_code == 0, result.output
    assert Matrix.open(out).has("IBM_Versija") and report.read_text(encoding="utf-8") != "mans pārskats"


def test_a_missing_source_is_a_latvian_usage_error(tmp_path: Path) -> None:
    result = run(tmp_path / "nav.xlsx", "--out", tmp_path / "j.xlsx")
    assert result.exit_code == 2
    assert "nav.xlsx” nav atrasts (gaidīts: aizpildīta IBM matrica .xlsx vai mape ar tām)" in result.output
    assert "No such file" not in result.output


def test_a_personal_code_in_a_file_name_is_not_printed(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    folder = tmp_path / "vecas"
    folder.mkdir()
    named = folder / "Paraugs 010101-21234.xlsx"
    named.write_bytes(children[0].path.read_bytes())
    (folder / "Cits 020202-21234.xlsx").write_bytes(b"nav zip")
    result = run(folder, "--out", tmp_path / "jaunas")
    assert result.exit_code == 1
    assert "010101" not in result.output and "020202" not in result.output
    assert "matrica-" in result.output
    assert "Pārnesta 1 matrica, atteikta 1" in result.output
    # the new file is named relative to --out by its own SHA-256 start, which finds it (audit15 F8)
    import hashlib

    made = tmp_path / "jaunas" / named.name
    sha = hashlib.sha256(made.read_bytes()).hexdigest()[:12]
    assert f" → matrica-{sha}.xlsx: pārnestas" in result.output, result.output
    assert str(tmp_path / "jaunas" / f"matrica-{sha}.xlsx") not in result.output
    assert "atrodami ar sha256sum" in result.output
    (folder / named.name).unlink()
    (folder / "tresais.xlsx").write_bytes(b"nav zip")
    result = run(folder, "--out", tmp_path / "otras")
    assert "Kļūda: tresais.xlsx: nav xlsx darbgrāmata" in result.output, result.output  # relative, as in a run
    assert "Pārnestas 0 matricas, atteiktas 2." in result.output and "pārskati" not in result.output, result.output


def test_a_wrong_out_is_status_2_and_nothing_is_made(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    """audit15 F6, F8, D121: the same file, a folder for a file and a .xlsx name for a folder are wrong parameters."""
    folder, children = small_folder
    source = children[0].path
    before = source.read_bytes()
    for args, said in (
        ((source, "--out", source), "tas pats fails"),
        ((source, "--out", tmp_path / "mape"), "vajag .xlsx failu"),
        ((folder, "--out", tmp_path / "z.xlsx"), "jābūt mapei jaunajām matricām"),
    ):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert said in result.output and result.output.count("Kļūda:") == 1, result.output
    assert source.read_bytes() == before
    assert not any(tmp_path.iterdir())


def test_a_folder_named_as_the_new_matrix_is_said_at_once(tmp_path: Path) -> None:
    """A folder `dir.xlsx` as --out of one matrix: named as a folder at once, status 2 (as `ibm matrix` and
    `ibm changes` say it, D121) – not „fails jau ir … --overwrite”, which with --overwrite only then said „mape”."""
    old = tmp_path / "veca.xlsx"
    old.write_bytes(b"x")  # never read: the parameters are checked first
    out = tmp_path / "jauna.xlsx"
    out.mkdir()
    (out / "mans.txt").write_text("lietotāja fails", encoding="utf-8")
    for extra in ((), ("--overwrite",)):
        result = run(old, "--out", out, *extra)
        assert result.exit_code == 2, result.output
        assert f"Kļūda: --out „{out}” ir mape, nevis fails (gaidīts: jaunās matricas .xlsx fails)" in result.output
        assert "--overwrite" not in result.output and result.output.count("Kļūda:") == 1, result.output
    assert [p.name for p in out.iterdir()] == ["mans.txt"] and not (tmp_path / "jauna-parnesana.txt").exists()
