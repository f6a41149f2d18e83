"""`ibm collect` messages in Latvian: a missing key file, a file given instead of a folder, the help's
placeholders and the templates folder."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main


def test_a_missing_key_file_is_said_in_latvian(small_folder, tmp_path: Path) -> None:  # noqa: ANN001
    folder, _ = small_folder
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "k.xlsx"),
                                       "--key-file", str(tmp_path / "nav.key")])
    assert result.exit_code == 2  # a missing file given to an option: README „Izejas statuss” 2 (audit15 F6)
    assert "nav.key nevar nolasīt: fails vai mape nav atrasta" in result.output
    assert result.output.count("nav.key") == 1  # the path once (audit15 F10)
    assert "No such file" not in result.output


def test_a_file_instead_of_the_folder(tmp_path: Path) -> None:
    matrix = tmp_path / "nav-matrica.xlsx"
    matrix.write_bytes(b"x")
    result = CliRunner().invoke(main, ["collect", str(matrix), "--out", str(tmp_path / "r" / "k.xlsx")],
                                env={"IBM_PSEUDONIMA_ATSLEGA": "testa-atslega-tikai-testiem-0123456789"})
    assert result.exit_code == 2
    assert "nav-matrica.xlsx” ir fails, nevis mape (gaidīts: mape ar pašvaldību matricām" in result.output


def test_help_placeholders_and_the_templates_folder() -> None:
    text = CliRunner().invoke(main, ["collect", "--help"]).output
    assert "--envelope EUR" in text and "TEKSTS" not in text
    assert "build/lejupielades/matrica/" in text and "build/matricas/" not in text
    text = CliRunner().invoke(main, ["changes", "--help"]).output
    assert "--from REF" in text and "TEKSTS" not in text


def test_an_unwritable_out_is_refused_before_reading(small_folder, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from generator.ministry import collect as collect_module

    def must_not_read(*_: object, **__: object) -> None:
        raise AssertionError("matrices were read before --out was checked")

    monkeypatch.setattr(collect_module, "collect", must_not_read)
    folder, _ = small_folder
    blocker = tmp_path / "fails"
    blocker.write_text("ne mape", encoding="utf-8")
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(blocker / "r" / "k.xlsx")],
                                env={"IBM_PSEUDONIMA_ATSLEGA": "testa-atslega-tikai-testiem-0123456789"})
    assert result.exit_code == 2, result.output  # a file on the way is a wrong --out (status 2, audit35b F9g)
    assert f"--out „{blocker / 'r' / 'k.xlsx'}” nevar izveidot: „{blocker}” ir fails, nevis mape" in result.output
    assert blocker.read_text(encoding="utf-8") == "ne mape"


ENV = {"IBM_PSEUDONIMA_ATSLEGA": "testa-atslega-tikai-testiem-0123456789"}


def _never_read(monkeypatch) -> None:  # noqa: ANN001
    from generator.ministry import collect as collect_module

    def must_not_read(*_: object, **__: object) -> None:
        raise AssertionError("matrices were read before the parameters were checked")

    monkeypatch.setattr(collect_module, "collect", must_not_read)


def test_a_broken_or_missing_registry_is_named_before_reading(small_folder, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """audit15 F3: not blamed on the matrices, nothing written."""
    _never_read(monkeypatch)
    folder, _ = small_folder
    broken = tmp_path / "reg.json"
    broken.write_text("{\n  bad", encoding="utf-8")
    out = tmp_path / "o" / "k.xlsx"
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(out), "--registry", str(broken)], env=ENV)
    assert result.exit_code == 1, result.output
    assert f"veidņu reģistrs {broken} nav derīgs JSON (2. rinda, 3. kolonna" in result.output
    assert "saglabājiet matricu" not in result.output and "JSONDecodeError" not in result.output
    assert not out.parent.exists()
    broken.write_text('{"versions": []}', encoding="utf-8")
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(out), "--registry", str(broken)], env=ENV)
    assert result.exit_code == 1 and "nav veidņu reģistrs" in result.output, result.output
    missing = tmp_path / "navreg.json"
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(out), "--registry", str(missing)], env=ENV)
    assert result.exit_code == 2, result.output
    assert f"--registry „{missing}”: fails nav atrasts" in result.output
    assert not out.parent.exists()


def test_parameter_problems_are_status_2_before_reading(small_folder, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """audit15 F6, F10: README „Izejas statuss” 2 – missing folders and files, invalid values; one line each."""
    _never_read(monkeypatch)
    folder, _ = small_folder
    out = str(tmp_path / "o" / "k.xlsx")
    empty = tmp_path / "tuksa.key"
    empty.write_bytes(b"")
    cases = [
        (["--previous", str(tmp_path / "navprev")], "--previous"),
        (["--templates", str(tmp_path / "navtpl")], "--templates"),
        (["--envelope", "daudz"], "--envelope"),
        (["--key-file", str(empty)], "ir tukšs"),
    ]
    for extra, said in cases:
        result = CliRunner().invoke(main, ["collect", str(folder), "--out", out, *extra], env=ENV)
        assert result.exit_code == 2, (extra, result.output)
        assert said in result.output and result.output.count("Kļūda:") == 1, result.output
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "k.csv")], env=ENV)
    assert result.exit_code == 2 and ".xlsx" in result.output
    assert not (tmp_path / "o").exists()


def test_a_write_protected_summary_is_respected(small_folder, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """audit15 F15: a summary made read-only by its owner is not replaced silently."""
    _never_read(monkeypatch)
    folder, _ = small_folder
    out = tmp_path / "k.xlsx"
    out.write_bytes(b"vecais kopsavilkums")
    out.chmod(0o444)
    result = CliRunner().invoke(main, ["collect", str(folder), "--out", str(out)], env=ENV)
    assert result.exit_code == 1, result.output
    assert "ir aizsargāts pret rakstīšanu" in result.output and "nekas netika uzrakstīts" in result.output
    assert out.read_bytes() == b"vecais kopsavilkums" and sorted(p.name for p in tmp_path.iterdir()) == ["k.xlsx"]
