"""`ibm build` builds the site as its last step; a mistake in a page stops it with a located message."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.build import _renderers
from generator.cli import main


def test_site_is_the_last_build_step() -> None:
    steps = [s.name for s in _renderers()]
    assert steps[-1] == "vietne"
    for earlier in ("atvertie-dati", "dokumenti", "matrica"):
        if earlier in steps:
            assert steps.index(earlier) < steps.index("vietne")


def test_build_writes_the_site(catalogue_with_fixture_methodology: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    result = CliRunner().invoke(main, ["build", "--catalogue", str(catalogue_with_fixture_methodology), "--out",
                                       str(out), "--only", "atvertie-dati", "--only", "vietne"])
    assert result.exit_code == 0, result.output
    site = out / "vietne"
    for page in ("index.html", "metodika/principi.html", "metodika/process.html", "katalogs/index.html",
                 "cenas.html", "izmainas.html", "piemeri.html", "matrica.html", "lejupielades.html",
                 "par-vietni.html", "atvertie-dati/cenas.csv"):
        assert (site / page).is_file(), page
    assert not [p for p in out.iterdir() if p.name.startswith((".vietne", "ibm-vietne"))]


def test_a_page_mistake_stops_the_build_with_file_and_line(catalogue_with_fixture_methodology: Path,
                                                           tmp_path: Path) -> None:
    page = catalogue_with_fixture_methodology / "metodika" / "process.md"
    page.write_text("# Process\n\nDiena: {{ p.menesa_atskaites_diena }}\n", encoding="utf-8")
    out = tmp_path / "build"
    result = CliRunner().invoke(main, ["build", "--catalogue", str(catalogue_with_fixture_methodology), "--out",
                                       str(out), "--only", "vietne"])
    assert result.exit_code == 1
    assert "metodika/process.md:3: veidne: nezināms nosaukums" in result.output
    assert "menesa_atskaites_diena" in result.output
    assert not out.exists()


def test_a_broken_link_stops_the_build(catalogue_with_fixture_methodology: Path, tmp_path: Path) -> None:
    page = catalogue_with_fixture_methodology / "metodika" / "process.md"
    page.write_text("# Process\n\nSkatīt [cenas](../cenu-lapa.md).\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--catalogue", str(catalogue_with_fixture_methodology), "--out",
                                       str(tmp_path / "build"), "--only", "vietne"])
    assert result.exit_code == 1
    assert "metodika/process.md" in result.output and "cenu-lapa.md" in result.output
