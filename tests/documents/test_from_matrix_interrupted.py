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


def _interrupted(catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken_first: bool) -> str:
    """The output of `documents --from-matrix` over a folder of one funded child's matrix (after a file that is no
    matrix when ``broken_first``: one matrix done with) stopped by Ctrl+C while writing the child's papers."""
    child = funded_child(catalogue, tmp_path / "avots")
    folder = tmp_path / "matricas"
    folder.mkdir()
    if broken_first:
        (folder / "a-bojata.xlsx").write_bytes(b"nav zip")  # refused first
    shutil.copyfile(child.path, folder / "b-matrica.xlsx")

    def stopped(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(run_module, "write_child", stopped)
    result = CliRunner().invoke(main, ["documents", "--from-matrix", str(folder), "--out", str(tmp_path / "out"),
                                       "--day", "01.01.2018"], env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert result.exit_code == 1, result.output
    return result.output


def test_an_interrupted_run_says_how_many_matrices_were_done(catalogue: Catalogue, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    output = _interrupted(catalogue, tmp_path, monkeypatch, broken_first=True)
    assert ("Pārtraukts: no 2 matricām apstrādāta 1; to bērnu mapes, kuru dokumenti bija pabeigti, ir uzrakstītas, "
            "nepabeigtā bērna dokumenti netika uzrakstīti. Lai izveidotu visu bērnu dokumentus, palaidiet to pašu komandu vēlreiz"
            ) in output, output
    assert "nepabeigtais" not in output


def test_the_closing_line_after_some_outputs_were_replaced_is_good_latvian() -> None:
    from generator.cli_lv import STOPPED_PART

    assert STOPPED_PART.startswith("Pārtraukts ({cause}): nepabeigtā daļa netika uzrakstīta; ")


def test_an_interruption_before_any_child_says_that_nothing_was_written(catalogue: Catalogue, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """With no child finished the line does not speak of written folders a re-run would replace: nothing is (the
    next line says „nekas netika aizstāts”)."""
    output = _interrupted(catalogue, tmp_path, monkeypatch, broken_first=False)
    assert ("Pārtraukts: no 1 matricas apstrādātas 0; neviena bērna dokumenti netika uzrakstīti. Lai tos izveidotu, "
            "palaidiet to pašu komandu vēlreiz.") in output, output
    assert "ir uzrakstītas" not in output and "aizstās" not in output
