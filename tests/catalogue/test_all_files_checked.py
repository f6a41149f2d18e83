"""One bad file never hides the errors of the others (audit39 F3): a file that cannot be read or validated is
reported together with the errors the checks across files find in the files that did load, and the checks that
needed the bad file are named as skipped."""

from __future__ import annotations

import re
from pathlib import Path

from generator.catalogue.loader import load_catalogue
from generator.catalogue.problems import Severity


def _sub(path: Path, pattern: str, repl: str) -> None:
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(pattern, repl, text, count=1, flags=re.MULTILINE)
    assert n, pattern
    path.write_text(new, encoding="utf-8")


def _errors(root: Path) -> list[str]:
    catalogue, problems = load_catalogue(root)
    assert catalogue is None
    return [p.format(root) for p in problems if p.severity is Severity.error]


def _note(root: Path) -> str:
    _, problems = load_catalogue(root)
    notes = [p.message for p in problems if p.severity is Severity.note and "netika veiktas" in p.message]
    assert len(notes) == 1, notes
    return notes[0]


def _duplicate_municipality(root: Path) -> None:
    _sub(root / "municipalities.yaml", r"^  - id: tukums$", "  - id: jelgava")


def test_a_price_error_and_a_duplicate_municipality_are_reported_together(catalogue_copy: Path) -> None:
    _sub(catalogue_copy / "prices" / "2.1.yaml", r"amount: (\d+)\.(\d+)", r"amount: \1,\2")
    _duplicate_municipality(catalogue_copy)
    errors = _errors(catalogue_copy)
    assert any("prices/2.1.yaml" in e and "nav skaitlis" in e for e in errors), errors
    assert any("municipalities.yaml" in e and "pašvaldības id jelgava atkārtojas" in e for e in errors), errors
    assert any("rounds.yaml" in e and "nezināma pašvaldība „tukums”" in e for e in errors), errors
    assert any("municipality-names.yaml" in e and "„tukums”" in e for e in errors), errors
    # the price file that did not load is not reported as missing by the service that needs it
    assert not any("nav cenas faila" in e for e in errors), errors
    note = _note(catalogue_copy)
    assert "prices/2.1.yaml" in note and "pašvaldību id" not in note, note


def test_a_yaml_syntax_error_does_not_hide_a_duplicate(catalogue_copy: Path) -> None:
    (catalogue_copy / "services" / "2.1.yaml").write_text("id: [2.1\n", encoding="utf-8")
    _duplicate_municipality(catalogue_copy)
    errors = _errors(catalogue_copy)
    assert any("services/2.1.yaml" in e and "YAML sintakses kļūda" in e for e in errors), errors
    assert any("pašvaldības id jelgava atkārtojas" in e for e in errors), errors
    assert not any("nezināms pakalpojums 2.1" in e for e in errors), errors


def test_a_broken_single_file_skips_only_the_checks_that_need_it(catalogue_copy: Path) -> None:
    with (catalogue_copy / "municipalities.yaml").open("a", encoding="utf-8") as f:
        f.write("broken: [x\n")
    _sub(catalogue_copy / "prices" / "2.1.yaml", r"^id: \"2\.1\"$", "id: \"2.1x\"")  # a price file's id, checked across files
    errors = _errors(catalogue_copy)
    assert any("municipalities.yaml" in e and "YAML sintakses kļūda" in e for e in errors), errors
    assert any("prices/2.1.yaml" in e and "faila nosaukums neatbilst" in e for e in errors), errors
    note = _note(catalogue_copy)
    assert "municipalities.yaml" in note and "pašvaldību id" in note and "kārtu pašvaldības" in note, note


def test_a_failed_run_lists_the_errors_together_after_the_warnings(catalogue_copy: Path) -> None:
    """audit39 F8: the errors were among 65 warnings; now warnings come first, the errors together under a heading,
    then the count of both. F7: a catalogue outside the working folder is named by its whole path."""
    from click.testing import CliRunner

    from generator.cli import count, main

    _sub(catalogue_copy / "prices" / "2.1.yaml", r"amount: (\d+)\.(\d+)", r"amount: \1,\2")
    _duplicate_municipality(catalogue_copy)
    for command in (["check"], ["matrix", "--out", str(catalogue_copy.parent / "m.xlsx")]):
        result = CliRunner().invoke(main, [*command, "--catalogue", str(catalogue_copy)])
        assert result.exit_code == 1, result.output
        lines = result.output.splitlines()
        kinds = ["w" if line.endswith("[brīdinājums]") else "n" if line.endswith("[piezīme]") else "e"
                 for line in lines[:-1]]
        warnings = kinds.count("w")
        assert warnings > 10 and kinds[:warnings] == ["w"] * warnings, result.output
        errors = [line for line, kind in zip(lines[:-1], kinds, strict=True) if kind == "e"][1:]  # after the heading
        assert lines[warnings] == f"Kļūdas ({len(errors)}):", result.output
        assert len(errors) >= 4 and kinds[-1] == "n", result.output
        assert all(line.startswith(str(catalogue_copy)) and not line.startswith("catalogue/") for line in lines[:-1] if not line.startswith("Kļūdas (")), \
            result.output
        assert lines[-1] in (f"Kļūdas: {len(errors)}, brīdinājumi: {warnings}. Katalogs nav derīgs.",
                             f"Katalogā ir {count(len(errors), 'kļūda', 'kļūdas')}, "
                             f"{count(warnings, 'brīdinājums', 'brīdinājumi')}; nekas netika uzrakstīts."), \
            lines[-1]
