"""`ibm documents` and the "dokumenti" build step."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.cli import main
from generator.documents.build_step import municipality_label
from generator.documents.outputs import REPORT_WORKBOOKS
from generator.documents.paths import documents_dir, reports_dir
from generator.documents.registry import DOCUMENTS
from generator.steps import build_steps


def test_unknown_municipality_is_a_clear_latvian_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["documents", "--municipality", "nav-tadas", "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert "Kļūda: --municipality: „nav-tadas” nav pašvaldību sarakstā (municipalities.yaml" in result.output
    assert "jelgava" in result.output
    assert not any(tmp_path.iterdir())


def test_a_municipality_outside_the_childrens_pilot_is_refused(tmp_path: Path) -> None:
    """Cēsis is in municipalities.yaml but in no children's round (audit8 F26: the message said it was not in
    municipalities.yaml, with ASCII quotes); the line says it is the adults' programme's (audit31e F1)."""
    result = CliRunner().invoke(main, ["documents", "--municipality", "cesis", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "Kļūda: --municipality: „cesis” ir tikai pieaugušo programmas kārtas „pieaugusie-2019” (" in result.output
    assert "rīkkopa veido tikai bērnu programmai (rounds.yaml, D104; gaidīts viens no: jelgava" in result.output
    assert "municipalities.yaml" not in result.output and "'" not in result.output and "jelgava" in result.output
    assert not any(tmp_path.iterdir())


def test_documents_command_writes_one_municipality(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["documents", "--municipality", "ogre", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    # the name in force on the papers' day when confirmed, else the id with „(nosaukums jāprecizē)” (stated_name_on)
    catalogue = load_or_raise(DEFAULT_CATALOGUE)
    named = municipality_label(catalogue, catalogue.municipality("ogre"))
    assert named in ("Ogres novada pašvaldība", "ogre (nosaukums jāprecizē)"), named
    assert f"bērnu programmas dokumenti 1/1: {named}" in result.output
    folder = documents_dir(tmp_path, "ogre")
    # the ESF questionnaire only for a running round whose procedures have it: Ogre's pilot has ended (D135)
    made = [d for d in DOCUMENTS if d.id != "21-esf-dalibnieka-anketa"]
    assert {p.name for p in folder.iterdir()} == {f"{d.id}.{ext}" for d in made for ext in ("pdf", "docx")}
    assert all(p.stat().st_size > 1000 for p in folder.iterdir())
    assert {p.name for p in reports_dir(tmp_path, "ogre").iterdir()} == {f"{w}.xlsx" for w in REPORT_WORKBOOKS}
    assert not (tmp_path / "lejupielades" / "dokumenti" / "jelgava").exists()


def test_build_step_is_registered() -> None:
    steps = {name: (title, render) for name, title, render in build_steps()}
    assert steps["dokumenti"][0] == "Dokumenti"
    assert steps["dokumenti"][1].__module__ == "generator.documents.build_step"
