"""`ibm changes` with a catalogue that `ibm check` refuses: the same file:line message and exit status, never an
"unexpected error" (audit27 F1) and never a clean-looking "no changes" report (audit27 F14)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.cli import main


def _check_lines(folder: Path) -> list[str]:
    """The problem lines `ibm check` prints for ``folder`` (its exit status asserted: 1)."""
    result = CliRunner().invoke(main, ["check", "--catalogue", str(folder)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.startswith(f"{folder}/")
             and not line.endswith(("[brīdinājums]", "[piezīme]"))]  # its errors: `ibm changes` names only those
    assert lines, result.output
    return lines


def _break_yaml(folder: Path) -> None:
    """The auditor's edit: `sed -i '8s/^/  - [broken: yaml\\n/' prices/2.1.yaml`."""
    path = folder / "prices" / "2.1.yaml"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    lines.insert(7, "  - [broken: yaml\n")
    path.write_text("".join(lines), "utf-8")


def test_yaml_syntax_error_in_the_new_catalogue(catalogue_copy: Path) -> None:
    _break_yaml(catalogue_copy)
    expected = _check_lines(catalogue_copy)
    assert "YAML sintakses kļūda" in expected[0]
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 1, result.output
    assert "neparedzēta kļūda" not in result.output
    assert result.output.splitlines()[:len(expected)] == expected, result.output
    assert f"Kļūda: katalogs „{catalogue_copy}” nav derīgs; nekas netika uzrakstīts." in result.output


def test_yaml_syntax_error_in_the_old_catalogue_names_the_users_file(catalogue_copy: Path) -> None:
    _break_yaml(catalogue_copy)
    expected = _check_lines(catalogue_copy)
    result = CliRunner().invoke(main, ["changes", "--from", str(catalogue_copy), "--to", str(DEFAULT_CATALOGUE)])
    assert result.exit_code == 1, result.output
    assert "neparedzēta kļūda" not in result.output and "ibm-refs-" not in result.output and "pielagots" not in result.output
    assert result.output.splitlines()[:len(expected)] == expected, result.output
    # a file that is not YAML is no schema difference: not "cannot be adapted to the current schema"
    assert f"Kļūda: katalogs „{catalogue_copy}” nav derīgs; nekas netika uzrakstīts." in result.output


def test_a_required_field_deleted_from_the_new_catalogue(catalogue_copy: Path, tmp_path: Path) -> None:
    programme = catalogue_copy / "programme.yaml"
    text = programme.read_text("utf-8")
    start = text.index("transport_share_max:\n")
    end = text.index("\n", text.index("values:\n", start) + len("values:\n")) + 1  # the block's one value line
    programme.write_text(text[:start] + text[end:], "utf-8")
    expected = _check_lines(catalogue_copy)
    assert expected == [f"{catalogue_copy}/programme.yaml:4: transport_share_max: lauks nav norādīts (gaidīts: obligāts lauks)"]
    out = tmp_path / "izmainas.md"
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--catalogue", str(catalogue_copy),
                                       "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0] == expected[0], result.output
    assert "izmaiņu nav" not in result.output and "nav salīdzināts" not in result.output
    assert not out.exists()
