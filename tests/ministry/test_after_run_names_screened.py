"""The lines `ibm collect` and `ibm documents` print after a run, and their notes and refusals that name a folder,
show no child's name that a folder the user gave holds (D382): a municipality folder named after a child in the note
about matrices in its subfolder, --out in „Kopsavilkums:”, „Gatavs:”, „Bērnu dokumenti:”, a draft's folder and the
refusal of a folder that already exists. The child is fictional."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.ministry.test_usage_names_screened import CHILD, STEMS, _folded, run


def named_nowhere(text: str) -> None:
    assert not any(stem in _folded(text) for stem in STEMS), text
    assert "Traceback" not in text, text


def test_collect_subfolder_note_and_summary_line(small_folder, tmp_path: Path, key_file: Path) -> None:  # noqa: ANN001
    folder, _ = small_folder
    copy = tmp_path / "matricas"
    shutil.copytree(folder, copy)
    first = sorted(p for p in copy.iterdir() if p.is_dir())[0]
    moved = sorted(first.glob("*.xlsx"))[0]
    nested = copy / CHILD / "arhivs"
    nested.mkdir(parents=True)
    moved.rename(nested / "plans.xlsx")
    out = tmp_path / CHILD / "kops.xlsx"
    result = run("collect", copy, "--out", out, "--key-file", key_file)
    assert result.exit_code == 0, result.output
    assert "Piezīme: …/: 1 matrica ir pašvaldības mapes apakšmapē (…/arhivs/" in result.output, result.output
    assert f"Kopsavilkums: {tmp_path.as_posix()}/…/kops.xlsx;" in result.output, result.output  # not „matrica-…”
    named_nowhere(result.output)
    (out.parent / f".~lock.{out.name}#").write_text("x", encoding="utf-8")  # the summary open in LibreOffice
    result = run("collect", copy, "--out", out, "--key-file", key_file)
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if "ir atvērts LibreOffice" in line]
    assert line.startswith(f"Brīdinājums: {tmp_path.as_posix()}/…/kops.xlsx "), line
    named_nowhere(line)


@pytest.fixture
def quick_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each PDF as its HTML (these tests read the console, not the papers), on a machine day inside the plan."""
    from generator.documents.from_matrix import command, writing

    monkeypatch.setattr(command, "system_day", lambda: dt.date.min)  # the plan has not ended on the machine's day

    def stand_in(html: str, target: Path) -> Path:
        target.write_text(html, encoding="utf-8")
        return target

    monkeypatch.setattr(writing, "write_pdf", stand_in)


def test_documents_after_run_lines_and_taken_folder(small_folder, later_folder, tmp_path: Path,  # noqa: ANN001
                                                   quick_pdf: None) -> None:
    """A draft (the factory's matrices hold rule errors), then the same child's next plan into the same --out (its
    own folder holds the first plan: the note names both folders), then a --out whose child folder a person made."""
    shown = f"{tmp_path.as_posix()}/…/dokumenti"
    first = tmp_path / "pirmais" / "plans.xlsx"
    first.parent.mkdir()
    first.write_bytes(small_folder[1][0].path.read_bytes())
    out = tmp_path / CHILD / "dokumenti"
    result = run("documents", "--from-matrix", first, "--out", out, "--draft", "--day", "01.12.2018")
    assert result.exit_code == 0, result.output
    (code,) = [p.name for p in out.iterdir() if p.is_dir()]
    assert ": MELNRAKSTS – " in result.output and f"mapē {shown}/{code}" in result.output, result.output
    assert "Gatavs: izveidoti 0, melnraksti 1" in result.output, result.output
    assert f"Bērnu dokumenti: {shown}/" in result.output, result.output
    named_nowhere(result.output)

    later = tmp_path / "otrais" / "plans.xlsx"  # the same file name: the same <kods>
    later.parent.mkdir()
    later.write_bytes(later_folder[1][0].path.read_bytes())
    result = run("documents", "--from-matrix", later, "--out", out, "--draft", "--day", "01.04.2019")
    assert result.exit_code == 0, result.output
    assert f"mapē {shown}/{code} ir cita atbalsta plāna perioda" in result.output, result.output
    assert f"dokumenti ir mapē {shown}/{code}-" in result.output, result.output
    named_nowhere(result.output)

    taken = tmp_path / CHILD / "citi" / code  # made by a person, not by the command
    taken.mkdir(parents=True)
    (taken / "piezimes.txt").write_text("x", encoding="utf-8")
    result = run("documents", "--from-matrix", first, "--out", taken.parent, "--draft", "--day", "01.12.2018")
    assert result.exit_code == 1, result.output
    assert f"mape {tmp_path.as_posix()}/…/citi/{code} jau pastāv" in result.output, result.output
    named_nowhere(result.output)
