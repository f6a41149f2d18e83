"""A second `ibm documents --from-matrix` into the same --out replaces the child's folder only when it holds
nothing but the files the first run wrote, unchanged (D119): a scanned signed contract put there or an edited
DOCX stops the child, named, and the folder stays byte-identical."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.run import run
from generator.documents.from_matrix.writing import MARKER
from tests.ministry.factory import generic_template, make_children, write_children

pytestmark = pytest.mark.slow


@pytest.fixture
def first_run(tmp_path: Path, catalogue: Catalogue):  # noqa: ANN201
    template = generic_template(catalogue, tmp_path)
    [child] = write_children(catalogue, template, make_children(catalogue, 1, seed=808), tmp_path / "m")
    out = tmp_path / "out"

    def again() -> tuple[int, str]:
        said: list[str] = []
        summary = run(child.path, out, catalogue, None, draft=True, echo=said.append, err=said.append, pdf=False,
                      today=dt.date(2018, 1, 1))
        return summary.refused, "\n".join(said)

    refused, text = again()
    assert refused == 0, text
    assert text.startswith(f"1/1 {child.path.stem} ({child.path.as_posix()}): veido dokumentus …\n"), text  # said before the slow part
    [folder] = [p for p in out.iterdir() if p.is_dir()]
    return folder, again


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_marker_lists_every_written_file_with_its_hash(first_run) -> None:
    folder, again = first_run
    marker = (folder / MARKER).read_text(encoding="utf-8")
    written = sorted(p.name for p in folder.iterdir() if p.name != MARKER)
    assert "parskats.txt" in written and any(n.endswith(".docx") for n in written)
    for name in written:
        assert f"  {name}\n" in marker, name
    # an own unchanged folder is replaced, and a file the user deleted is simply made again
    docx = sorted(folder.glob("*.docx"))[0]
    docx.unlink()
    refused, text = again()
    assert refused == 0, text
    assert docx.exists()
    # … but without its parskats.txt the folder no longer says which plan period it holds: it may be another plan's,
    # so it stays as it is and the papers go to a folder dated by the plan's first day (D315)
    (folder / "parskats.txt").unlink()
    before = _snapshot(folder)
    refused, text = again()
    assert refused == 0, text
    assert _snapshot(folder) == before
    [dated] = [p for p in folder.parent.iterdir() if p != folder]
    assert dated.name.startswith(f"{folder.name}-") and "bez ierakstīta atbalsta plāna perioda" in text, text


def test_a_foreign_file_in_the_child_folder_stops_the_rerun(first_run) -> None:
    folder, again = first_run
    (folder / "parakstits-ligums-skenets.pdf").write_bytes(b"skenets")
    before = _snapshot(folder)
    refused, text = again()
    assert refused == 1
    assert "parakstits-ligums-skenets.pdf" in text and "nav rakstījusi" in text and "nekas netika uzrakstīts" in text
    assert _snapshot(folder) == before
    assert sorted(p.name for p in folder.parent.iterdir()) == [folder.name]  # no temporary folder left


def test_an_edited_docx_is_never_replaced(first_run) -> None:
    folder, again = first_run
    docx = sorted(folder.glob("*.docx"))[0]
    docx.write_bytes(b"labots")
    before = _snapshot(folder)
    refused, text = again()
    assert refused == 1
    assert docx.name in text and "mainīts" in text
    assert _snapshot(folder) == before


def test_an_old_marker_without_the_list_is_not_trusted(first_run) -> None:
    folder, again = first_run
    (folder / MARKER).write_text("Šo mapi izveidoja `ibm documents --from-matrix`.\n", encoding="utf-8")
    before = _snapshot(folder)
    refused, text = again()
    assert refused == 1 and "nav rakstījusi" in text
    assert _snapshot(folder) == before


def _tree(folder: Path) -> dict[str, bytes | None]:
    return {p.relative_to(folder).as_posix(): None if p.is_dir() else p.read_bytes() for p in folder.rglob("*")}


def test_a_second_identical_run_replaces_the_folder_byte_identically(first_run) -> None:
    folder, again = first_run
    before = _tree(folder.parent)
    assert not [p for p in folder.rglob("*") if p.is_dir()]  # the command makes no folder of its own inside
    refused, text = again()
    assert refused == 0, text
    assert _tree(folder.parent) == before


@pytest.mark.parametrize("made", ["skenejumi", "skenejumi/2019/marts"])
def test_a_users_empty_folder_in_the_child_folder_stops_the_rerun(first_run, made: str) -> None:
    """D119: the child's folder is swapped whole, so an empty folder put there (or one of only empty folders)
    would go with it; it is named, and nothing changes (before: silently removed)."""
    folder, again = first_run
    (folder / made).mkdir(parents=True)
    before = _tree(folder.parent)
    refused, text = again()
    assert refused == 1
    assert "mape, ko šī komanda nav izveidojusi: skenejumi/" in text and "nekas netika uzrakstīts" in text, text
    assert _tree(folder.parent) == before
