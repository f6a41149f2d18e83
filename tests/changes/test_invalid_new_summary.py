"""`ibm changes` with a new catalogue `ibm check` refuses ends as `ibm check` does: the errors again below the
warnings, under their count, and „Kļūdas: N, brīdinājumi: M” – not one error buried above dozens of warnings."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.loader import DEFAULT_CATALOGUE
from generator.cli import main


def test_an_invalid_new_catalogue_ends_with_its_errors_and_counts(catalogue_copy: Path) -> None:
    path = catalogue_copy / "prices" / "grupu-nodarbibu-griesti.yaml"
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"amount: [0-9.]+", "amount: 12,5", text, count=1), "utf-8")  # a decimal comma in YAML
    check = CliRunner().invoke(main, ["check", "--catalogue", str(catalogue_copy)])
    assert check.exit_code == 1
    counts = re.search(r"Kļūdas: (\d+), brīdinājumi: (\d+)\.", check.output)
    assert counts is not None and int(counts[2]) > 0, check.output
    errors = [line for line in check.output.splitlines() if line.startswith(f"{catalogue_copy}/")
              and not line.endswith(("[brīdinājums]", "[piezīme]"))]
    result = CliRunner().invoke(main, ["changes", "--from", str(DEFAULT_CATALOGUE), "--catalogue", str(catalogue_copy)])
    assert result.exit_code == 1, result.output
    tail = result.output.splitlines()[-(len(errors) + 3):]
    assert tail == [f"Kļūdas ({len(errors)}):", *errors, f"Kļūdas: {counts[1]}, brīdinājumi: {counts[2]}.",
                    f"Kļūda: katalogs „{catalogue_copy}” nav derīgs; nekas netika uzrakstīts."], result.output
