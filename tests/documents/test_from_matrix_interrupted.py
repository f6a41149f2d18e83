"""An interrupted `ibm documents --from-matrix` says how far it got and what a re-run does, as `ibm migrate` does
(audit35b F8), and its closing line is good Latvian."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix import run as run_module
from tests.documents.from_matrix_helpers import funded_child


def test_an_interrupted_run_says_how_many_matrices_were_done(catalogue: Catalogue, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    child = funded_child(catalogue, tmp_path / "avots")
    folder = tmp_path / "matricas"
    folder.mkdir()
    (folder / "a-bojata.xlsx").write_bytes(b"nav zip")  # refused first: one matrix done with
    shutil.copyfile(child.path, folder / "b-matrica.xlsx")

    def stopped(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(run_module, "write_child", stopped)
    result = CliRunner().invoke(main, ["documents", "--from-matrix", str(folder), "--out", str(tmp_path / "out"),
                                       "--day", "01.01.2018"], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert result.exit_code == 1, result.output
    assert ("Pārtraukts: no 2 matricām apstrādāta 1; to bērnu mapes, kuru dokumenti bija pabeigti, ir uzrakstītas, "
            "nepabeigtā bērna dokumenti netika uzrakstīti. Lai izveidotu visu bērnu dokumentus, palaidiet to pašu komandu vēlreiz"
            ) in result.output, result.output
    assert "nepabeigtais" not in result.output


def test_the_closing_line_after_some_outputs_were_replaced_is_good_latvian() -> None:
    from generator.cli_lv import STOPPED_PART

    assert STOPPED_PART.startswith("Pārtraukts ({cause}): nepabeigtā daļa netika uzrakstīta; ")


def test_an_interruption_before_any_child_says_that_nothing_was_written(catalogue: Catalogue, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """With no child finished the line does not speak of written folders a re-run would replace: nothing is (the
    next line says „nekas netika aizstāts”)."""
    child = funded_child(catalogue, tmp_path / "avots")
    folder = tmp_path / "matricas"
    folder.mkdir()
    shutil.copyfile(child.path, folder / "a-matrica.xlsx")

    def stopped(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(run_module, "write_child", stopped)
    result = CliRunner().invoke(main, ["documents", "--from-matrix", str(folder), "--out", str(tmp_path / "out"),
                                       "--day", "01.01.2018"], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert result.exit_code == 1, result.output
    assert ("Pārtraukts: no 1 matricas apstrādātas 0; neviena bērna dokumenti netika uzrakstīti. Lai tos izveidotu, "
            "palaidiet to pašu komandu vēlreiz.") in result.output, result.output
    assert "ir uzrakstītas" not in result.output and "aizstās" not in result.output
