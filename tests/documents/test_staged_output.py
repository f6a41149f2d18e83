"""`ibm documents` writes into a temporary folder and swaps: a failed run leaves DIR byte-identical, a
successful one replaces only the files it made."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.documents.staged_output import DOCUMENTS_MANIFEST, NotOwnFile, OutputTaken, render_staged


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _write(folder: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")


def test_a_failed_render_changes_nothing_and_a_good_one_only_its_files(tmp_path: Path) -> None:
    _write(tmp_path, {"lejupielades/dokumenti/ogre/01.pdf": "vecs", "lejupielades/mans.txt": "lietotāja"})
    before = snapshot(tmp_path)

    def failing(staging: Path) -> None:
        _write(staging, {"lejupielades/dokumenti/ogre/01.pdf": "jauns", "lejupielades/dokumenti/ogre/02.pdf": "x"})
        raise RuntimeError("veidne salūza")

    with pytest.raises(RuntimeError):
        render_staged(tmp_path, failing)
    assert snapshot(tmp_path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["lejupielades"]

    written = render_staged(tmp_path, lambda s: _write(s, {"lejupielades/dokumenti/ogre/01.pdf": "jauns",
                                                           "lejupielades/dokumenti/ogre/02.pdf": "x"}))
    assert snapshot(tmp_path) == {"lejupielades/dokumenti/ogre/01.pdf": b"jauns",
                                  "lejupielades/dokumenti/ogre/02.pdf": b"x", "lejupielades/mans.txt": "lietotāja".encode()}
    assert sorted(p.name for p in written) == ["01.pdf", "02.pdf"]

    (tmp_path / "lejupielades" / "dokumenti" / "ogre" / "03.pdf").mkdir()
    with pytest.raises(OutputTaken):
        render_staged(tmp_path, lambda s: _write(s, {"lejupielades/dokumenti/ogre/01.pdf": "trešais",
                                                     "lejupielades/dokumenti/ogre/03.pdf": "y"}))
    assert (tmp_path / "lejupielades" / "dokumenti" / "ogre" / "01.pdf").read_text(encoding="utf-8") == "jauns"


def test_the_command_leaves_earlier_output_when_rendering_fails(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from generator.documents import build_step

    _write(tmp_path, {"lejupielades/dokumenti/ogre/01.pdf": "vecs"})
    before = snapshot(tmp_path)

    def broken(catalogue, out: Path, **_: object) -> list[Path]:  # noqa: ANN001
        _write(out, {"lejupielades/dokumenti/ogre/01.pdf": "puse"})
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_step, "render_documents", broken)
    result = CliRunner().invoke(main, ["documents", "--municipality", "ogre", "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert snapshot(tmp_path) == before


def test_a_same_named_file_no_run_wrote_is_refused_and_own_files_replaced(tmp_path: Path) -> None:
    """D119 (audit15 F17): with a manifest, a user's own file of a document's name is never overwritten."""
    own = {"lejupielades/dokumenti/balvi/01.pdf": "mans", "lejupielades/dokumenti/balvi/mans-ligums.pdf": "mans"}
    _write(tmp_path, own)
    before = snapshot(tmp_path)
    docs = {"lejupielades/dokumenti/balvi/01.pdf": "jauns", "lejupielades/dokumenti/balvi/02.pdf": "x"}
    with pytest.raises(NotOwnFile, match="01.pdf") as refused:
        render_staged(tmp_path, lambda s: _write(s, docs), manifest=DOCUMENTS_MANIFEST)
    assert "nekas netika uzrakstīts" in str(refused.value) and "mans-ligums" not in str(refused.value)
    assert snapshot(tmp_path) == before
    (tmp_path / "lejupielades/dokumenti/balvi/01.pdf").unlink()
    written = render_staged(tmp_path, lambda s: _write(s, docs), manifest=DOCUMENTS_MANIFEST)
    assert sorted(p.name for p in written) == ["01.pdf", "02.pdf"]
    assert (tmp_path / DOCUMENTS_MANIFEST).is_file()
    # a second run replaces its own unchanged files, but not one edited since
    again = {"lejupielades/dokumenti/balvi/01.pdf": "otrais", "lejupielades/dokumenti/balvi/02.pdf": "y"}
    render_staged(tmp_path, lambda s: _write(s, again), manifest=DOCUMENTS_MANIFEST)
    assert (tmp_path / "lejupielades/dokumenti/balvi/01.pdf").read_text(encoding="utf-8") == "otrais"
    (tmp_path / "lejupielades/dokumenti/balvi/02.pdf").write_text("labots", encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(NotOwnFile, match="mainīts"):
        render_staged(tmp_path, lambda s: _write(s, docs), manifest=DOCUMENTS_MANIFEST)
    assert snapshot(tmp_path) == before
    assert snapshot(tmp_path)["lejupielades/dokumenti/balvi/mans-ligums.pdf"] == b"mans"


def test_the_command_refuses_a_users_file_of_a_documents_name(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from generator.documents import build_step

    _write(tmp_path, {"lejupielades/dokumenti/ogre/01.pdf": "mans"})
    before = snapshot(tmp_path)

    def quick(catalogue, out: Path, **_: object) -> list[Path]:  # noqa: ANN001
        _write(out, {"lejupielades/dokumenti/ogre/01.pdf": "jauns"})
        return [out / "lejupielades/dokumenti/ogre/01.pdf"]

    monkeypatch.setattr(build_step, "render_documents", quick)
    result = CliRunner().invoke(main, ["documents", "--municipality", "ogre", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "Kļūda: mapē" in result.output and "lejupielades/dokumenti/ogre/01.pdf" in result.output
    assert snapshot(tmp_path) == before


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under ``folder``."""
    return {p.relative_to(folder).as_posix(): None if p.is_dir() else p.read_bytes() for p in sorted(folder.rglob("*"))}


def test_a_second_identical_run_is_byte_identical_and_a_users_empty_folder_stays(tmp_path: Path,
                                                                                 monkeypatch) -> None:  # noqa: ANN001
    """D119: `ibm documents --municipality` replaces only its own files, file by file, so it removes no folder: a
    user's empty folder in lejupielades/ stays, and a folder its rendering left empty is not carried over."""
    from generator.documents import build_step

    def quick(catalogue, out: Path, **_: object) -> list[Path]:  # noqa: ANN001
        _write(out, {"lejupielades/dokumenti/ogre/01.pdf": "jauns", "lejupielades/atskaites/ogre/28.xlsx": "x"})
        (out / "lejupielades" / "atskaites" / "tuksa").mkdir()
        return [out / "lejupielades/dokumenti/ogre/01.pdf", out / "lejupielades/atskaites/ogre/28.xlsx"]

    monkeypatch.setattr(build_step, "render_documents", quick)
    args = ["documents", "--municipality", "ogre", "--out", str(tmp_path)]
    assert CliRunner().invoke(main, args).exit_code == 0
    first = tree(tmp_path)
    assert "lejupielades/atskaites/tuksa" not in first
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert tree(tmp_path) == first
    (tmp_path / "lejupielades" / "mani" / "ligzda").mkdir(parents=True)
    (tmp_path / "lejupielades" / "dokumenti" / "ogre" / "parakstitie").mkdir()
    assert CliRunner().invoke(main, args).exit_code == 0
    assert tree(tmp_path) == {**first, "lejupielades/mani": None, "lejupielades/mani/ligzda": None,
                              "lejupielades/dokumenti/ogre/parakstitie": None}


def test_a_ctrl_c_while_the_files_move_in_finishes_the_move_and_the_run(tmp_path: Path, monkeypatch,  # noqa: ANN001
                                                                        capsys) -> None:  # noqa: ANN001
    """D133: the run whose files are all in place is a finished one – no KeyboardInterrupt, a line saying so, no
    temporary or set-aside folder left (before: KeyboardInterrupt after the move, so the command said "Pārtraukts")."""
    import os
    import signal

    from generator.interrupts import interrupt_once
    from generator.replace_file import LATE_INTERRUPT

    _write(tmp_path, {"lejupielades/dokumenti/ogre/01.pdf": "vecs"})
    real = os.rename
    pressed: list[str] = []

    def rename(src, dst) -> None:  # noqa: ANN001
        if not pressed:  # the first previous file is being set aside
            pressed.append(str(src))
            os.kill(os.getpid(), signal.SIGINT)
        real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    restore = interrupt_once()
    try:
        written = render_staged(tmp_path, lambda s: _write(s, {"lejupielades/dokumenti/ogre/01.pdf": "jauns",
                                                               "lejupielades/dokumenti/ogre/02.pdf": "x"}))
    finally:
        restore()
    assert pressed and sorted(p.name for p in written) == ["01.pdf", "02.pdf"]
    assert LATE_INTERRUPT in capsys.readouterr().err
    assert snapshot(tmp_path) == {"lejupielades/dokumenti/ogre/01.pdf": b"jauns", "lejupielades/dokumenti/ogre/02.pdf": b"x"}
    assert [p.name for p in tmp_path.iterdir()] == ["lejupielades"]


def _changed_own_file(out: Path, name: str) -> None:
    """``name`` under ``out`` as an earlier run listed it in its manifest, then a byte appended to it."""
    import hashlib
    import json

    _write(out, {name: "dokuments"})
    sha = hashlib.sha256(b"dokuments").hexdigest()
    _write(out, {DOCUMENTS_MANIFEST: json.dumps({"sha256": {name: sha}})})
    with (out / name).open("ab") as handle:
        handle.write(b"\n")


def test_a_changed_own_file_is_refused_before_anything_is_rendered(catalogue, tmp_path: Path,  # noqa: ANN001
                                                                   monkeypatch) -> None:  # noqa: ANN001
    """The document set refuses an own file changed since (a byte appended to a DOCX) before it renders anything,
    as `ibm build` does – not after rendering every municipality's papers; the same refusal, status 1, nothing
    changed. Both the default set and a round's set (--round) know their names first."""
    import datetime as dt

    from generator.catalogue.models import Pilot
    from generator.documents import build_step, round_set
    from generator.documents.paths import DOWNLOADS, REPORTS
    from generator.documents.registry import DOCUMENTS

    def must_not_render(*_: object, **__: object) -> list[Path]:
        raise AssertionError("rendered before the manifest was checked")

    monkeypatch.setattr(build_step, "render_documents", must_not_render)
    monkeypatch.setattr(round_set, "render_round_set", must_not_render)
    name = f"lejupielades/dokumenti/ogre/{DOCUMENTS[0].id}.docx"
    _changed_own_file(tmp_path, name)
    before = tree(tmp_path)
    result = CliRunner().invoke(main, ["documents", "--municipality", "ogre", "--out", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert f"Kļūda: mapē {tmp_path} ir fails, kas mainīts pēc tam, kad šī komanda to uzrakstīja: {name}" \
        in result.output
    assert tree(tmp_path) == before
    # a changed file this run does not write (another municipality's) does not stop it before rendering
    other = tmp_path / "cits"
    _changed_own_file(other, f"lejupielades/dokumenti/zzz/{DOCUMENTS[0].id}.docx")
    result = CliRunner().invoke(main, ["documents", "--municipality", "ogre", "--out", str(other)])
    assert "AssertionError vietā" in result.output, result.output  # it went on to render

    ended = next(r for r in catalogue.round_by_id.values() if r.programme is Pilot.children
                 and "ogre" in r.municipalities and r.end < dt.date.today())  # a report workbook, no papers
    report = f"{DOWNLOADS}/{REPORTS}/ogre-{ended.id}/atskaite.xlsx"
    third = tmp_path / "kartas"
    _changed_own_file(third, report)
    before = tree(third)
    result = CliRunner().invoke(main, ["documents", "--round", ended.id, "--municipality", "ogre", "--out", str(third)])
    assert result.exit_code == 1 and report in result.output, result.output
    assert tree(third) == before
