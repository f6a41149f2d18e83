"""Ctrl-C twice while `ibm documents --from-matrix` swaps a child's new folder in: the swap finishes, the message is
the last line, nothing temporary is left, and the child's folder is whole, matching its marker's list (before: the
previous folder was set aside and then the new one removed with the temporary folder, leaving no folder at all)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.writing import MARKER
from generator.own_files import digest, parse_listing
from tests.documents.from_matrix_helpers import funded_child
from tests.slow_rename import (
    PAUSED,
    PDF_STAND_IN,
    assert_stopped_cleanly,
    ctrl_c_twice_at_rename,
    signal_when,
    snapshot,
    start,
)

ENV = {"IBM_PSEUDONIMA_ATSLEGA": ""}


def whole_folder(folder: Path) -> bool:
    listed = parse_listing((folder / MARKER).read_text(encoding="utf-8").splitlines())
    files = {p.name: digest(p) for p in folder.iterdir() if p.is_file() and p.name != MARKER}
    return bool(files) and files == listed


@pytest.mark.slow
def test_a_doubled_ctrl_c_while_swapping_a_childs_folder_leaves_it_whole(catalogue: Catalogue,
                                                                          tmp_path: Path) -> None:
    child = funded_child(catalogue, tmp_path / "in")
    out = tmp_path / "out"
    args = ["documents", "--from-matrix", str(child.path), "--out", str(out), "--day", "01.01.2018"]
    # the PDFs as stand-ins: the test is about swapping the folder; other --from-matrix tests render them for real
    first = start(args, ENV, pdf_stand_ins=True)
    said = first.communicate(timeout=600)  # read while it runs: a full pipe would block it
    assert first.returncode == 0, said
    [folder] = out.iterdir()
    assert whole_folder(folder)
    pdfs = sorted(folder.glob("*.pdf"))
    assert pdfs and all(p.read_bytes().startswith(PDF_STAND_IN) for p in pdfs)

    run = start(args, ENV, pdf_stand_ins=True)
    err = ctrl_c_twice_at_rename(run, 2)  # the previous folder is aside, the new one not yet in its place
    assert_stopped_cleanly(run, err)  # the run stops before any next matrix (D133) …
    assert f"Ctrl-C saņemts, kad mape {folder} jau tika aizstāta: tā ir pilnīga" in err, err  # … saying this one is whole
    assert [p.name for p in out.iterdir()] == [folder.name], err  # nothing temporary left beside it
    assert whole_folder(folder), err


@pytest.mark.slow
def test_sigterm_while_rendering_leaves_the_earlier_folder_byte_identical(catalogue: Catalogue,
                                                                          tmp_path: Path) -> None:
    """`kill PID` while the child's new documents are rendered into the staging folder: status 1, the last line
    "Pārtraukts (signāls SIGTERM) …", no staging folder left and the earlier folder byte-identical (before: Python
    died at once by the signal and left the staging folder behind)."""
    child = funded_child(catalogue, tmp_path / "in")
    out = tmp_path / "out"
    args = ["documents", "--from-matrix", str(child.path), "--out", str(out), "--day", "01.01.2018"]
    first = start(args, ENV, pdf_stand_ins=True)
    said = first.communicate(timeout=600)
    assert first.returncode == 0, said
    before = snapshot(out)

    run = start(args, ENV, pdf_stand_ins=True, pause_at=("generator.documents.from_matrix.writing", "write_pdf"))
    err = signal_when(run, lambda line: line.startswith(PAUSED))
    assert_stopped_cleanly(run, err, "signāls SIGTERM")
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted({name.split("/")[0] for name in before}), err
