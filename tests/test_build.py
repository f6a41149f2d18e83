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
    report = build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None, only={"b"},
                               force=True)
    assert report.rendered == ["b"]
    assert not (out / "a").exists()  # force ignores the previous build, so "a" is not taken over
    report = build_with_report(load_or_raise(catalogue_copy), out, progress=lambda _m: None, only={"a"})
    assert report.rendered == ["a"] and report.reused == ["b"]
    assert (out / "b" / "versija.txt").is_file()
