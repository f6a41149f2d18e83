"""D277: a matrix made (`ibm matrix`, `ibm build`) after its children's round ended says so on 6.1 – the round's name,
id and last day from the catalogue, in Latvian – and on the console; one made before or on the last day does not, and
the note never makes the matrix another template for `ibm collect` (the template has no note)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Pilot
from generator.cli import main
from generator.ministry.integrity import compare_cells, content
from generator.ministry.templates import describe, generate_template
from generator.ministry.xlsxread import read_xlsx
from generator.workbook import build_note, render
from generator.workbook.issue_days import template_date
from generator.workbook.version import template_version
from generator.workbook.writer import write_workbook


def _round(catalogue: Catalogue):  # noqa: ANN202
    return catalogue.round_at(Pilot.children, template_date(catalogue))


def _note(path: Path) -> str | None:
    cell = read_xlsx(path).cells["6.1"].get(build_note.COORD)
    return None if cell is None else cell.value


def test_a_matrix_made_after_its_round_names_the_round_and_its_end(tmp_path: Path, catalogue: Catalogue) -> None:
    ended = _round(catalogue)
    after = write_workbook(catalogue, tmp_path / "after.xlsx", "liepaja", made_on=ended.end + dt.timedelta(days=1))
    said = _note(after)
    assert said is not None, "6.1 nesaka, ka kārta beigusies"
    assert said.startswith(f"Kārta „{ended.name_lv}” ({ended.id}) beidzās {lvformat.date(ended.end)}, pirms šī "
                           "matrica tika izveidota"), said
    assert said.endswith(", pirms šī matrica tika izveidota; matrica der tikai šīs kārtas plānu atskaitēm un "
                         "labojumiem."), said  # "tā der" could be read as the round
    # on its last day the round still runs; the template (no day of making) has no note either
    for name, made_on in (("last.xlsx", ended.end), ("template.xlsx", None)):
        assert _note(write_workbook(catalogue, tmp_path / name, "liepaja", made_on=made_on)) is None, name


def test_the_note_is_no_other_template(tmp_path: Path, catalogue: Catalogue) -> None:
    """`ibm collect` compares a matrix with the template it regenerates (no note): a matrix made after the round ended
    passes as the same template; the note is told from any other text in its cell."""
    ended = _round(catalogue)
    template = generate_template(catalogue, tmp_path / "veidne.xlsx")
    expected, _ = describe(template, template_version(catalogue))
    after = write_workbook(catalogue, tmp_path / "after.xlsx", None, made_on=ended.end + dt.timedelta(days=1))
    assert _note(after) is not None
    assert compare_cells(content(read_xlsx(after), expected.inputs), expected.cells) == []
    assert build_note.is_note("6.1", build_note.COORD, "v:s:" + build_note.note(ended))
    assert not build_note.is_note("6.1", build_note.COORD, "v:s:Cits teksts")
    assert not build_note.is_note("6.2", build_note.COORD, "v:s:" + build_note.note(ended))


@pytest.mark.parametrize("days_after", [1, 0])
def test_ibm_matrix_warns_on_the_console(tmp_path: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch,
                                         days_after: int) -> None:
    ended = _round(catalogue)
    monkeypatch.setattr(render, "build_day", lambda: ended.end + dt.timedelta(days=days_after))
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["matrix", "--catalogue", str(catalogue.root), "--municipality", "liepaja"])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    warning = f"Brīdinājums: kārta „{ended.name_lv}” ({ended.id}) beidzās {lvformat.date(ended.end)}"
    assert (warning in result.output) is (days_after > 0), result.output
    said = "pirms šīs matricas izveides. Matrica der tikai šīs kārtas plānu atskaitēm un labojumiem; tas norādīts arī"
    assert (said in " ".join(result.output.split())) is (days_after > 0), result.output
    assert (_note(tmp_path / "ibm-matrica-liepaja.xlsx") is not None) is (days_after > 0)


def test_the_build_makes_the_matrices_again_when_a_round_ends(catalogue: Catalogue) -> None:
    ended = _round(catalogue)
    assert render.state_key(catalogue, ended.end) != render.state_key(catalogue, ended.end + dt.timedelta(days=1))
