"""D370 in the child's papers: `ibm documents --from-matrix` of a matrix whose speech therapist's price is 2500 (for
25,00, no ceiling) lists the warning before signing – on the console and in parskats.txt – in the reference's words
with the 6.8 price cell, without „matricā nav apstiprināts” (nothing in the matrix approves it)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from tests.documents.conftest import normalise
from tests.ministry.factory import generic_template, two_line_child, write_children


def test_the_warning_is_in_the_checklist_with_its_cell(tmp_path: Path, catalogue: Catalogue) -> None:
    template = generic_template(catalogue, tmp_path / "veidne")
    child = two_line_child(catalogue, 0, "bauska", ("3.1.3i", 10, Decimal(2500)), Decimal("3500.00"))
    [found] = [f for f in child.result(catalogue).findings if f.code == "price_implausible"]
    [child] = write_children(catalogue, template, [child], tmp_path / "in", by_municipality=False)
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["documents", "--from-matrix", str(child.path), "--out", str(out), "--day", "01.10.2018"],
                             env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert run.exit_code == 0, run.output
    [summary] = out.rglob("parskats.txt")
    text = summary.read_text(encoding="utf-8")
    checks = text.split("Pirms parakstīšanas pārbaudiet:", 1)[1]
    [said] = [ln for ln in checks.splitlines() if found.message[:-1] in ln]
    assert "6.8. tabula, I" in said and "„Sniedzēja cena, EUR par vienību”" in said, said
    assert "matricā nav apstiprināts" not in said, said
    assert "pārsniedz ticamo" in " ".join(normalise(run.output).split()), run.output
