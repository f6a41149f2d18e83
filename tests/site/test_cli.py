"""`ibm build` builds the site as its last step; a mistake in a page stops it with a located message."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from generator.build import LAST_STEP, MANIFEST, _renderers, step_key
from generator.catalogue.loader import load_or_raise
from generator.cli import main
from tests.site.conftest import DOWNLOADS, write_docx, write_pdf, write_xlsx


def current_keys(catalogue_dir: Path) -> dict[str, str]:
    """Each build step's key for this catalogue and code, as `ibm build` computes it now."""
    catalogue, keys = load_or_raise(catalogue_dir), []
    for step in _renderers():
        keys.append(step_key(step, catalogue, keys))
    return {step.name: key for step, key in zip(_renderers(), keys, strict=True)}


def previous_build(out: Path, catalogue_dir: Path | None = None) -> Path:
    """A build folder as an earlier full `ibm build` left it for the document and workbook steps
    (synthetic files and the build manifest), so `--only` builds can take them over: made from the inputs of
    ``catalogue_dir`` and the current code (their keys), or, without it, from other inputs (stale keys)."""
    steps: dict[str, list[str]] = {"dokumenti": [], "matrica": []}
    for rel, title in DOWNLOADS.items():
        path = out / rel
        {"xlsx": write_xlsx, "docx": write_docx, "pdf": write_pdf}[path.suffix[1:]](path, title)
        steps["matrica" if "/matrica/" in rel else "dokumenti"].append(rel)
    keys = current_keys(catalogue_dir) if catalogue_dir is not None else {}
    manifest = {"catalogue_version": "iepriekšējā",
                "steps": {k: {"key": keys.get(k, "iepriekšējais"), "files": sorted(v)} for k, v in steps.items()}}
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
    out = previous_build(tmp_path / "build", catalogue_with_fixture_methodology)
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
    out = previous_build(tmp_path / "build", catalogue_with_fixture_methodology)
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
                                       str(previous_build(tmp_path / "build", catalogue_with_fixture_methodology)),
                                       "--only", "atvertie-dati",
                                       "--only", "vietne"])
    assert result.exit_code == 1
    assert "metodika/process.md" in result.output and "cenu-lapa.md" in result.output


def test_a_site_only_build_over_parts_of_other_inputs_refuses_and_names_them(
        catalogue_with_fixture_methodology: Path, tmp_path: Path) -> None:
    """`--only vietne` over matrices and documents that another catalogue or code made: the site would label them
    with the current template version and prices days, so the build refuses, names the parts and keeps the old
    build byte-identical; with the parts named too it builds."""
    out = previous_build(tmp_path / "build")  # their keys are not the current inputs' keys
    before = snapshot(out)
    args = ["build", "--catalogue", str(catalogue_with_fixture_methodology), "--out", str(out),
            "--only", "atvertie-dati", "--only", LAST_STEP]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "iepriekšējā būvējuma daļas „Dokumenti”, „IBM matricas” ir veidotas ar citu katalogu, kodu vai " \
           "veidnēm nekā tagad" in result.output, result.output
    assert "--only dokumenti --only matrica --only vietne" in result.output
    assert "Traceback" not in result.output
    assert snapshot(out) == before


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


def test_remaking_a_part_under_a_taken_over_site_refuses(catalogue_with_fixture_methodology: Path,
                                                         tmp_path: Path) -> None:
    """review39: the other direction of D306 – `--only atvertie-dati` from new inputs would keep the previous build's
    site, which describes the old open data files; the build refuses, names the part and changes nothing. With the
    part's inputs unchanged (the same key) the site stays right and the build takes it over."""
    out = previous_build(tmp_path / "build", catalogue_with_fixture_methodology)
    site = out / "vietne" / "index.html"
    site.parent.mkdir()
    site.write_text("<html lang=\"lv\"></html>\n", encoding="utf-8")
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["steps"]["vietne"] = {"key": "iepriekšējā vietne", "files": ["vietne/index.html"]}
    manifest["steps"]["atvertie-dati"] = {"key": "iepriekšējie dati", "files": []}
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    before = snapshot(out)
    args = ["build", "--catalogue", str(catalogue_with_fixture_methodology), "--out", str(out), "--only",
            "atvertie-dati"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "no jauna veido daļu „Atvērtie dati” ar citu katalogu, kodu vai veidnēm" in result.output, result.output
    assert "--only atvertie-dati --only vietne" in result.output and "Traceback" not in result.output
    assert snapshot(out) == before
    manifest["steps"]["atvertie-dati"]["key"] = current_keys(catalogue_with_fixture_methodology)["atvertie-dati"]
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    result = CliRunner().invoke(main, args + ["--force"])
    assert result.exit_code == 0, result.output
