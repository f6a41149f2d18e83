"""`ibm matrix` and `ibm documents` refuse a `--municipality` outside the children's rounds with one and the same
line (audit28 F9): „Kļūda: --municipality: „…” …” with the value, the expected ones and the command's `--help`, as
README's exit status 2 promises, and nothing written."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.municipality_option import municipality_problem


@pytest.mark.parametrize("command", ["matrix", "documents"])
@pytest.mark.parametrize(("value", "says"), [
    # the adults' pilot only: the line names its round and says nothing is made for it (audit31e F1, D254)
    ("cesis", "ir tikai pieaugušo programmas kārtas „pieaugusie-2019” („{adults}”) pašvaldība, bet matricas, "
              "dokumentus un atskaišu veidnes rīkkopa veido tikai bērnu programmai (rounds.yaml, D104; gaidīts viens "
              "no: "),
    ("nekas", "nav pašvaldību sarakstā (municipalities.yaml; gaidīts viens no: "),
])
def test_a_municipality_outside_the_childrens_rounds_is_one_usage_line(tmp_path: Path, catalogue: Catalogue,
                                                                        command: str, value: str, says: str) -> None:
    out = tmp_path / ("x.xlsx" if command == "matrix" else "out")
    result = CliRunner().invoke(main, [command, "--municipality", value, "--out", str(out)], prog_name="ibm")
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    children = ", ".join(m.id for m in catalogue.pilot_municipalities())
    says = says.format(adults=catalogue.round_by_id["pieaugusie-2019"].name_lv)
    assert lines[0] == f"Kļūda: --municipality: „{value}” {says}{children}). Palīdzība: ibm {command} --help.", lines
    assert not out.exists()


def test_a_childrens_round_municipality_has_no_problem(catalogue: Catalogue) -> None:
    first = catalogue.pilot_municipalities()[0].id
    assert municipality_problem(catalogue, first) is None
    assert municipality_problem(catalogue, "cesis") is not None


def test_the_adults_municipality_line_takes_the_round_from_the_catalogue(catalogue: Catalogue) -> None:
    """The adults' round is named from rounds.yaml, not typed: another id and name are what the line says."""
    adults = catalogue.round_by_id["pieaugusie-2019"]
    renamed = adults.model_copy(update={"id": "pieaugusie-2030", "name_lv": "Cita pieaugušo kārta"})
    other = dataclasses.replace(catalogue, rounds=[renamed if r is adults else r for r in catalogue.rounds])
    problem = municipality_problem(other, "cesis") or ""
    assert "pieaugušo programmas kārtas „pieaugusie-2030” („Cita pieaugušo kārta”) pašvaldība" in problem, problem
    assert municipality_problem(catalogue, "nekas") == (
        "--municipality: „nekas” nav pašvaldību sarakstā (municipalities.yaml; gaidīts viens no: "
        f"{', '.join(m.id for m in catalogue.pilot_municipalities())})")
