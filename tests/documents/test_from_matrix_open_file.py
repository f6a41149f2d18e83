"""A matrix still open in Excel or LibreOffice (its lock file beside it): `ibm documents --from-matrix` makes the
papers from its last saved version and says so with the words of `ibm collect` and `ibm migrate`, on the console and
in the child's parskats.txt (audit35b F4). The lock file and whoever opened it are never shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from tests.documents.from_matrix_helpers import funded_child

OPENED_BY = "Inese Lietotāja"  # the lock file's content names a person: never shown


@pytest.mark.usefixtures("pdf_stand_ins")
def test_documents_from_a_matrix_still_open_say_so(catalogue: Catalogue, tmp_path: Path) -> None:
    child = funded_child(catalogue, tmp_path)
    (child.path.parent / f"~${child.path.name[2:]}").write_text(f",{OPENED_BY},dators,03.12.2026 09:15,", "utf-8")
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["documents", "--from-matrix", str(child.path), "--out", str(out),
                                    "--day", "01.01.2018"], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert run.exit_code == 0, run.output
    note = ("fails, šķiet, vēl ir atvērts (Excel bloķēšanas fails blakus tam) – izmantota pēdējā saglabātā versija; "
            "ja tajā ir nesaglabātas izmaiņas, saglabājiet un aizveriet failu un palaidiet „ibm documents "
            "--from-matrix” vēlreiz")
    assert note in run.output, run.output
    assert note in (out / child.path.stem / "parskats.txt").read_text("utf-8")
    assert OPENED_BY not in run.output and "~$" not in run.output
