"""Incremental `ibm build`: unchanged steps are taken over, changed ones rendered again."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build as build_module
from generator.build import Step, build_with_report
from generator.catalogue.loader import load_or_raise


def _fake_steps(calls: list[str]):
    def make(name: str):
        def render(catalogue, staging, progress):
            calls.append(name)
            folder = staging / name
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "versija.txt").write_text(catalogue.version, encoding="utf-8")
            return [folder / "versija.txt"]
        return render
    return lambda: [Step("a", "A", make("a")), Step("b", "B", make("b"))]


def test_second_build_reuses_and_a_change_rebuilds(tmp_path: Path, catalogue_copy: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(build_module, "_renderers", _fake_steps(calls))
    out = tmp_path / "build"
    first = build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None)
    assert first.rendered == ["a", "b"] and calls == ["a", "b"]
    second = build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None)
    assert second.rendered == [] and second.reused == ["a", "b"] and calls == ["a", "b"]
    assert (out / "a" / "versija.txt").is_file()

    ceiling = catalogue_copy / "prices" / "grupu-nodarbibu-griesti.yaml"
    ceiling.write_text(ceiling.read_text("utf-8").replace("amount: 25.93", "amount: 26.00"), "utf-8")
    third = build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None)
    assert third.rendered == ["a", "b"]
    assert (out / "a" / "versija.txt").read_text("utf-8") == load_or_raise(catalogue_copy).version


def test_only_keeps_other_steps(tmp_path: Path, catalogue_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(build_module, "_renderers", _fake_steps(calls))
    out = tmp_path / "build"
    build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None)
    said: list[str] = []
    report = build_with_report(load_or_raise(catalogue_copy), out, progress=said.append, only={"b"}, force=True)
    # review7 R7-10: --force renders the part asked for anew (unchanged as it is) and still takes the others over
    assert report.rendered == ["b"] and report.reused == ["a"] and calls == ["a", "b", "b"]
    assert (out / "a" / "versija.txt").is_file() and (out / "b" / "versija.txt").is_file()
    assert said == ["[1/2] A: netika veidots šoreiz, pārņemts 1 fails", "[2/2] B …"]
    report = build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None, only={"a"})
    assert report.rendered == [] and report.reused == ["a", "b"]  # "a" unchanged since it was taken over
    assert (out / "b" / "versija.txt").is_file()
    # --force without --only: every part anew, nothing taken over
    report = build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None, force=True)
    assert report.rendered == ["a", "b"] and report.reused == []


def test_a_foreign_or_edited_file_in_the_build_folder_stops_the_build(tmp_path: Path, catalogue_copy: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """D119: the manifest lists each file with its SHA-256; a file the build did not write, or one changed since,
    is named and the folder stays byte-identical (before: deleted with the old build)."""
    calls: list[str] = []
    monkeypatch.setattr(build_module, "_renderers", _fake_steps(calls))
    out = tmp_path / "build"
    build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None)
    (out / "piezimes.txt").write_text("mans", encoding="utf-8")
    (out / "a" / "mani").mkdir()
    (out / "a" / "mani" / "a.csv").write_text("x", encoding="utf-8")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    with pytest.raises(build_module.FolderNotOwn, match="piezimes.txt") as refused:
        build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None, only={"a"})
    assert "a/mani/a.csv" in str(refused.value) and "nekas netika uzrakstīts" in str(refused.value)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "catalogue"]  # no staging folder left
    (out / "piezimes.txt").unlink()
    (out / "a" / "mani" / "a.csv").unlink()
    (out / "b" / "versija.txt").write_text("labots", encoding="utf-8")
    with pytest.raises(build_module.FolderNotOwn, match="b/versija.txt"):
        build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None)
    assert (out / "b" / "versija.txt").read_text("utf-8") == "labots"


def _tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under ``folder``."""
    return {p.relative_to(folder).as_posix(): None if p.is_dir() else p.read_bytes() for p in folder.rglob("*")}


@pytest.mark.parametrize("nested", ["tuksa", "a/tuksa", "mani/ligzda/dzilak"])
def test_a_users_empty_folder_in_the_build_folder_stops_the_build(tmp_path: Path, catalogue_copy: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   nested: str) -> None:
    """D119: the build swaps its folder whole, so an empty folder it did not make (or one holding only empty
    folders) would be removed with the old build; it is named, and nothing changes (before: silently removed)."""
    monkeypatch.setattr(build_module, "_renderers", _fake_steps([]))
    out = tmp_path / "build"
    build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None)
    (out / nested).mkdir(parents=True)
    before = _tree(out)
    top = nested if nested.startswith("a/") else nested.split("/")[0]
    with pytest.raises(build_module.FolderNotOwn, match=f"mape, ko šī komanda nav izveidojusi: {top}/;"):
        build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None, force=True)
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "catalogue"]


def test_a_second_identical_build_replaces_its_own_output_byte_identically(tmp_path: Path, catalogue_copy: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder a step makes but leaves empty is not kept in the build (it would be foreign to the next run)."""
    steps = _fake_steps([])

    def with_empty_folder() -> list[Step]:
        def render(catalogue, staging, progress):  # noqa: ANN001, ANN202
            (staging / "c" / "tuksa" / "ari").mkdir(parents=True)
            (staging / "c" / "pilna").mkdir()
            (staging / "c" / "pilna" / "x.txt").write_text("x", encoding="utf-8")
        return [*steps(), Step("c", "C", render)]

    monkeypatch.setattr(build_module, "_renderers", with_empty_folder)
    out = tmp_path / "build"
    build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None)
    first = _tree(out)
    assert "c/tuksa" not in first and "c/pilna/x.txt" in first
    build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None, force=True)
    assert _tree(out) == first


def test_files_ibm_documents_rewrote_in_the_build_folder_are_own(tmp_path: Path, catalogue_copy: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """`ibm documents --out build` after `ibm build`: its manifest vouches for the files it rewrote."""
    from generator.documents.staged_output import DOCUMENTS_MANIFEST, render_staged

    monkeypatch.setattr(build_module, "_renderers", _fake_steps([]))
    out = tmp_path / "build"
    build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None)
    render_staged(out, lambda s: ((s / "a").mkdir(), (s / "a" / "versija.txt").write_text("cits", "utf-8")),
                  manifest=DOCUMENTS_MANIFEST)
    build_module.check_out(out)  # no refusal
    build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None)
    assert not (out / DOCUMENTS_MANIFEST).exists()  # the new build's manifest lists all it holds


def test_progress_counts_only_the_parts_shown(tmp_path: Path, catalogue_copy: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """audit15 F16: one part built into a new folder is "[1/1]", not "[2/2]"."""
    monkeypatch.setattr(build_module, "_renderers", _fake_steps([]))
    said: list[str] = []
    out = tmp_path / "build"
    build_with_report(load_or_raise(catalogue_copy), out, progress=said.append, only={"b"})
    assert said == ["[1/1] B …"]
    said.clear()
    build_with_report(load_or_raise(catalogue_copy), out, progress=said.append, only={"a"})
    assert said == ["[1/2] A …", "[2/2] B: netika veidots šoreiz, pārņemts 1 fails"]
