"""Both readers name every error they can find in one run, in the same order (D298, generator/ministry/check_stages.py):
a matrix with a value pasted over a locked formula (N on 6.4) and two invalid inputs (a text in „Citi finanšu avoti”,
a date in a 6.6 month). Before, `ibm collect` named only the formula cell (its template check stopped the run) and
`ibm documents --from-matrix` only the two inputs: each needed a second run, and they disagreed on the same file. A
structure so changed that the inputs cannot be found stops the checks, and both say the rest follows once it is
restored."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.documents.from_matrix.reading import read_for_documents
from generator.ministry.check_stages import AFTER_STRUCTURE
from generator.ministry.reading import read_matrix
from generator.ministry.templates import TemplateSource
from generator.workbook.names import resolve
from tests.ministry.factory import copy_children

PLACE = re.compile(r"(6\.\d+)\. tabula, ([A-Z]+\d+)")


def _paste(path: Path) -> list[str]:
    """The formula overwrite and the two pastes; their places ("6.4 E58") in the stages' order."""
    wb = load_workbook(path)
    places = []
    for name, value in (("IB_Nepieciesamais", 1234.5), ("Fin_Citi", "1 234,50"),
                        ("Men_Daudzums", dt.datetime(2027, 1, 15))):
        ref = resolve(wb.defined_names, name)
        row, col = next(rc for line in ref.cells() for rc in line)
        cell = wb[ref.sheet].cell(row, col)
        cell.value = value
        places.append(f"{ref.sheet} {cell.coordinate}")
    wb.save(path)
    return places


def _places(lines: list[str] | tuple[str, ...]) -> list[str]:
    return [" ".join(m.groups()) for line in lines if (m := PLACE.search(line))]


def test_both_name_the_overwritten_formula_and_the_pasted_inputs(tmp_path: Path, small_folder, key_env,  # noqa: ANN001
                                                                 catalogue: Catalogue) -> None:
    source, children = small_folder
    folder = copy_children(source, children[:1], tmp_path / "matricas")
    path = folder / children[0].path.relative_to(source)
    formula, *pasted = _paste(path)
    collected = read_matrix(path, folder, catalogue, TemplateSource(catalogue), key_env)
    assert collected.refusal is not None
    in_collect = _places(collected.refusal.reasons)
    papers = read_for_documents(path, catalogue, TemplateSource(catalogue), None)
    in_papers = _places(papers.refused)
    for said in (in_collect, in_papers):
        # the formula first (the template's stage), then the inputs, each once
        assert said[0] == formula and sorted(said[1:]) == sorted(pasted) and len(said) == 3, said
    assert in_collect == in_papers
    # the console says the same: the ministry's and the worker's command in one run
    out = CliRunner().invoke(main, ["collect", str(folder), "--out", str(tmp_path / "izvade" / "k.xlsx")]).output
    for place in (formula, *pasted):
        sheet, cell = place.split()
        assert f"{sheet}. tabula, {cell}" in out, (place, out)


def test_a_broken_structure_says_the_rest_follows(tmp_path: Path, small_folder, key_env,  # noqa: ANN001
                                                  catalogue: Catalogue) -> None:
    source, children = small_folder
    folder = copy_children(source, children[:1], tmp_path / "matricas")
    path = folder / children[0].path.relative_to(source)
    _paste(path)
    wb = load_workbook(path)
    del wb.defined_names["Fin_Citi"]  # the inputs can no longer be located
    wb.save(path)
    collected = read_matrix(path, folder, catalogue, TemplateSource(catalogue), key_env)
    papers = read_for_documents(path, catalogue, TemplateSource(catalogue), None)
    assert collected.refusal is not None
    for reasons in (list(collected.refusal.reasons), papers.refused):
        assert reasons[-1] == AFTER_STRUCTURE and "Fin_Citi" in reasons[0], reasons
        assert not [r for r in reasons if "formula aizstāta" in r or "jābūt skaitlim" in r], reasons
