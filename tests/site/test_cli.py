"""`ibm build` builds the site as its last step; a mistake in a page stops it with a located message."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from generator.build import MANIFEST, _renderers
from generator.cli import main
from tests.site.conftest import DOWNLOADS, write_docx, write_pdf, write_xlsx


def previous_build(out: Path) -> Path:
    """A build folder as an earlier full `ibm build` left it for the document and workbook steps
    (synthetic files and the build manifest), so `--only` builds can take them over."""
    steps: dict[str, list[str]] = {"dokumenti": [], "matrica": []}
    for rel, title in DOWNLOADS.items():
        path = out / rel
        {"xlsx": write_xlsx, "docx": write_docx, "pdf": write_pdf}[path.suffix[1:]](path, title)
        steps["matrica" if "/matrica/" in rel else "dokumenti"].append(rel)
    manifest = {"catalogue_version": "iepriekšējā", "steps": {k: {"key": "iepriekšējais", "files": sorted(v)}
                                                              for k, v in steps.items()}}
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_site_is_the_last_build_step() -> None:
    steps = [s.name for s in _renderers()]
    assert steps[-1] == "vietne"
    for earlier in ("atvertie-dati", "dokumenti", "matrica"):
        if earlier in steps:
            assert steps.index(earlier) < steps.index("vietne")


def test_build_writes_the_site(catalogue_with_fixture_methodology: Path, tmp_path: Path) -> None:
    out = previous_build(tmp_path / "build")
    result = CliRunner().invoke(main, ["build", "--catalogue", str(catalogue_with_fixture_methodology), "--out",
                                       str(out), "--only", "atvertie-dati", "--only", "vietne"])
    assert result.exit_code == 0, result.output
    site = out / "vietne"
    for page in ("index.html", "metodika/principi.html", "metodika/process.html", "katalogs/index.html",
                 "cenas.html", "izmainas.html", "piemeri.html", "matrica.html", "lejupielades.html",
                 "par-vietni.html", "atvertie-dati/cenas.csv", *DOWNLOADS):
        assert (site / page).is_file(), page
    assert not [p for p in out.iterdir() if p.name.startswith((".vietne", "ibm-vietne"))]


def test_a_page_mistake_stops_the_build_with_file_and_line(catalogue_with_fixture_methodology: Path,
                                                           tmp_path: Path) -> None:
    page = catalogue_with_fixture_methodology / "metodika" / "process.md"
    page.write_text("# Process\n\nDiena: {{ p.menesa_atskaites_diena }}\n", encoding="utf-8")
    out = previous_build(tmp_path / "build")
    before = snapshot(out)
    result = CliRunner().invoke(main, ["build", "--catalogue", str(catalogue_with_fixture_methodology), "--out",
                                       str(out), "--only", "atvertie-dati", "--only", "vietne"])
    assert result.exit_code == 1
    assert "metodika/process.md:3: veidne: nezināms nosaukums" in result.output
    assert "menesa_atskaites_diena" in result.output
    assert snapshot(out) == before


def test_a_broken_link_stops_the_build(catalogue_with_fixture_methodology: Path, tmp_path: Path) -> None:
    page = catalogue_with_fixture_methodology / "metodika" / "process.md"
    page.write_text("# Process\n\nSkatīt [cenas](../cenu-lapa.md).\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--catalogue", str(catalogue_with_fixture_methodology), "--out",
                                       str(previous_build(tmp_path / "build")), "--only", "atvertie-dati",
                                       "--only", "vietne"])
    assert result.exit_code == 1
    assert "metodika/process.md" in result.output and "cenu-lapa.md" in result.output


def test_a_site_only_build_into_an_empty_folder_refuses_with_a_message(tmp_path: Path) -> None:
    out = tmp_path / "tukss"
    out.mkdir()
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--only", "vietne"])
    assert result.exit_code == 1
    assert "vietnē jābūt visām lejupielādēm" in result.output
    for title in ("Atvērtie dati", "Dokumenti", "IBM matricas"):
        assert title in result.output
    assert "--only atvertie-dati --only dokumenti --only matrica --only vietne" in result.output
    assert "Traceback" not in result.output
    assert list(out.iterdir()) == []  # nothing written, not even a half site
