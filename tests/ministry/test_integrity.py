"""Formula and structure checks: normalisation of what Excel and LibreOffice rewrite, cell-by-cell
comparison with the current template, and row fingerprints of older versions in the registry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.cli import main
from generator.ministry.collect import CollectError, Options, collect
from generator.ministry.integrity import compare_cells, compare_rows, content, normalise_formula
from generator.ministry.reading import template_mismatch
from generator.ministry.templates import TemplateSource, load_registry
from generator.ministry.xlsxread import read_xlsx
from generator.workbook.layout import plan_row
from generator.workbook.version import template_version
from tests.ministry.conftest import KEY
from tests.ministry.factory import generic_template, make_children, write_children


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("=IF(A1>0,TRUE,FALSE)", "IF(A1>0,TRUE(),FALSE())"),
        ("SUM( A1 : A3 )", "sum(a1:a3)"),
        ("_xlfn.IFERROR(X,0)", "IFERROR(X,0)"),
        ("'6.4'!$C$12*2", " '6.4'!$C$12 * 2"),
    ],
)
def test_formulas_equal_after_normalisation(a: str, b: str) -> None:
    assert normalise_formula(a) == normalise_formula(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ('IF(A1="Jā",1,0)', 'IF(A1="jā",1,0)'),  # text in quotes keeps its case and spaces
        ('IF(A1="a b",1,0)', 'IF(A1="ab",1,0)'),
        ("'Lapa A'!B1", "'lapa a'!B1"),
        ("ROUND(A1*B1,2)", "ROUND(A1*B1,3)"),
        ("$C$12", "C12"),
    ],
)
def test_different_formulas_stay_different(a: str, b: str) -> None:
    assert normalise_formula(a) != normalise_formula(b)


@pytest.mark.slow  # whole templates (tests/conftest.py MARKED_BY_HAND)
def test_cell_comparison_names_each_changed_cell(template: Path, tmp_path: Path) -> None:
    wb = load_workbook(template)
    wb["6.4"]["E12"] = 5  # a formula overwritten (N)
    wb["6.4"]["K60"] = "=1+1"  # a formula where the template has none (beside the summary)
    wb["6.8"]["F7"] = 99  # a fixed catalogue value changed
    wb.save(tmp_path / "m.xlsx")
    expected = TemplateSource(load_or_raise()).current()
    found = content(read_xlsx(tmp_path / "m.xlsx"), expected.inputs)
    original = read_xlsx(template)
    problems = compare_cells(found, expected.cells)  # type: ignore[arg-type]
    kinds = {p.split(":")[0]: p for p in problems}
    assert "6.4!E12" in kinds and "formula aizstāta ar vērtību" in kinds["6.4!E12"]
    assert original.cell("6.4", (60, 11)) is None
    assert "ierakstīta formula šūnā, kas veidnē ir tukša" in kinds["6.4!K60"]
    assert "6.8!F7" in kinds


@pytest.mark.slow  # whole templates (tests/conftest.py MARKED_BY_HAND)
def test_registry_lets_collect_check_an_older_version(tmp_path: Path, catalogue: Catalogue) -> None:
    """An older template registered with `ibm fingerprint` is accepted (rows intact) and a changed
    row is named; unregistered older versions are refused."""
    old_root = tmp_path / "vecais"
    shutil.copytree(DEFAULT_CATALOGUE, old_root)
    price = old_root / "prices" / "2.1.yaml"
    text = price.read_text(encoding="utf-8")
    price.write_text(text[: text.rindex("  - effective_from:")].rstrip("\n") + "\n", encoding="utf-8")
    old = load_or_raise(old_root)
    assert old.version != catalogue.version
    registry = tmp_path / "registrs.json"
    result = CliRunner().invoke(main, ["fingerprint", "--catalogue", str(old_root), "--registry", str(registry),
                                       "--new-registry"])
    assert result.exit_code == 0, result.output
    assert f"Veidnes versija {lvformat.version(template_version(old))} pievienota reģistram." in result.output
    assert old.version not in result.output
    entry = load_registry(registry)[template_version(old)]
    assert entry["names"]["Plans_Daudzums"] == f"6.3!G9:G{plan_row(39)}" and "6.4" in entry["rows"]
    assert json.loads(registry.read_text(encoding="utf-8"))["versions"]

    template = generic_template(old, tmp_path)
    children = write_children(old, template, make_children(old, 3, seed=5), tmp_path / "m")
    wb = load_workbook(children[1].path)
    wb["6.4"]["E12"] = 1
    wb.save(children[1].path)
    result = collect(tmp_path / "m", catalogue, KEY, Options(jobs=1),
                     templates=TemplateSource(catalogue, registry))
    assert len(result.records) == 2
    [refusal] = result.refused
    # the row's formula typed over is named by its cell, as `ibm migrate` names it (not only „6.4, 12. rinda”)
    assert refusal.reasons == (template_mismatch(template_version(old)),
                               "6.4. tabula, E12: formula aizstāta ar vērtību 1")
    with pytest.raises(CollectError, match="nav nevienas izmantojamas IBM matricas"):
        collect(tmp_path / "m", catalogue, KEY, Options(jobs=1),
                templates=TemplateSource(catalogue, tmp_path / "nav.json"))


def test_row_comparison_reports_missing_and_extra_sheets() -> None:
    found = {"6.1": {(1, 1): "v:s:x"}, "Cita": {}}
    expected = {"6.1": {"1": "0" * 12}, "6.2": {}}
    problems = compare_rows(found, expected)
    assert "trūkst lapas 6.2" in problems
    assert "pievienotas lapas Cita (veidnē tādu nav)" in problems
    assert "6.1, 1. rinda: formulas vai veidnes vērtības mainītas" in problems


@pytest.mark.slow  # whole templates (tests/conftest.py MARKED_BY_HAND)
def test_kept_templates_of_an_older_version_are_compared_cell_by_cell(tmp_path: Path, catalogue: Catalogue) -> None:
    old_root = tmp_path / "vecais"
    shutil.copytree(DEFAULT_CATALOGUE, old_root)
    price = old_root / "prices" / "2.1.yaml"
    text = price.read_text(encoding="utf-8")
    price.write_text(text[: text.rindex("  - effective_from:")].rstrip("\n") + "\n", encoding="utf-8")
    old = load_or_raise(old_root)
    kept = tmp_path / "veidnes"
    kept.mkdir()
    template = generic_template(old, kept)
    children = write_children(old, template, make_children(old, 2, seed=6), tmp_path / "m")
    wb = load_workbook(children[0].path)
    wb["6.4"]["E12"] = 1
    wb.save(children[0].path)
    out = tmp_path / "out" / "k.xlsx"
    (tmp_path / "nav.json").write_text('{"versions": {}}', encoding="utf-8")  # an empty registry
    result = CliRunner().invoke(main, ["collect", str(tmp_path / "m"), "--out", str(out), "--templates", str(kept),
                                       "--jobs", "1", "--registry", str(tmp_path / "nav.json")],
                                env={"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()})
    assert result.exit_code == 3, result.output  # written, one file refused
    assert "Izmantota 1 matrica, neizmantota 1" in result.output
    assert f"matrica neatbilst veidnei {lvformat.version(template_version(old))} – mainītas veidnes šūnas" in result.output
    # a line of its own under the heading, the cell named with its table (and label, where it has one: F2)
    assert ": 6.4. tabula, E12: formula aizstāta ar vērtību" in result.output, result.output
    assert "): 6.4. tabula" not in result.output and "6.4!E12" not in result.output
