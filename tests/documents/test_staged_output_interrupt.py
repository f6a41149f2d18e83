"""Ctrl-C twice while `ibm documents` moves the municipal set into place: the move finishes, nothing temporary is
left, every file is the one its manifest lists (before: the second Ctrl-C cut short the moving back of the previous
files, which were then removed with the temporary folder), and the run ends as a finished one with status 0 and a
line saying so (D133; before: "Pārtraukts …" and status 1 over a set already in place)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from generator.documents.staged_output import DOCUMENTS_MANIFEST
from tests.slow_rename import PDF_STAND_IN, assert_finished_despite_ctrl_c, ctrl_c_twice_at_rename, start


def whole_set(out: Path) -> bool:
    listed = json.loads((out / DOCUMENTS_MANIFEST).read_text(encoding="utf-8"))["sha256"]
    files = {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in out.rglob("*") if p.is_file() and p.relative_to(out).as_posix() != DOCUMENTS_MANIFEST}
    return bool(files) and files == listed


@pytest.mark.slow
def test_a_doubled_ctrl_c_while_moving_the_documents_in_leaves_a_whole_set(tmp_path: Path) -> None:
    out = tmp_path / "d"
    args = ["documents", "--municipality", "jelgava", "--out", str(out)]
    # the PDFs as stand-ins: the test is about moving the files; the documents build renders jelgava's for real
    first = start(args, pdf_stand_ins=True)
    said = first.communicate(timeout=600)[1]  # read while it runs: a full pipe would block it
    assert first.returncode == 0, said
    assert whole_set(out)
    pdfs = sorted(out.rglob("*.pdf"))
    assert pdfs and all(p.read_bytes().startswith(PDF_STAND_IN) for p in pdfs)

    run = start(args, pdf_stand_ins=True)
    err = ctrl_c_twice_at_rename(run, 2)  # one previous file is aside, the new ones not yet in place
    assert_finished_despite_ctrl_c(run, err)  # every file is in place: a finished run (D133)
    assert not list(out.glob(".ibm-*")), err  # the temporary folder and the previous files' folder are gone
    assert whole_set(out), err

