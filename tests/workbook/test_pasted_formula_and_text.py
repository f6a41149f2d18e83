"""One rule for a pasted input everywhere (D140, audit20 F1–F3): a formula pasted into an input (=100+20, a link to
another workbook) and a number pasted as text ("12,5", " 3 ") are invalid inputs that the matrix counts in Kludas and
lists on 6.11, and the ministry's reader (generator/ministry/matrix.py, used by `ibm documents`, `ibm collect` and
`ibm migrate`) names exactly the same cells in the same words. The formula check uses ISFORMULA, which Excel 2010
lacks: with the function unknown (its name replaced in the file, as Excel 2010 sees it) the matrix gives no false
error and no #NAME?, only the formula is not flagged there."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.recalc import convert, make_profile
from generator.reference.params import Params
from generator.workbook.input_checks import FORMULA_TEXT
from generator.workbook.inputs import fill
from generator.workbook.names import NamedValues, read
from generator.workbook.render import pilot_ids
from tests.workbook.conftest import clean_plans, recipient_labels
from tests.workbook.invalid import _cell
from tests.workbook.plans import SEED

pytestmark = [pytest.mark.libreoffice, pytest.mark.xdist_group("workbook-lo")]

# name -> (pasted value, the matrix's words after "6.4 E63: " that both must say)
PASTED = {
    "Fin_Pabalsti": ("=100+20", f"pabalstu summai {FORMULA_TEXT}"),
    "Plans_Daudzums": ("12,5", "daudzumam periodā jābūt skaitlim, ievadīts"),
    "Fin_Citi": (" 3 ", "citu finanšu avotu summai jābūt skaitlim, ievadīts"),
    "Perioda_Sakums": ("=DATE({start.year},{start.month},{start.day})", f"perioda pirmajai dienai {FORMULA_TEXT}"),
}
UNKNOWN = b"_xlfn.NOSUCHFUNCTION("  # what Excel 2010 makes of ISFORMULA: a name it does not know (#NAME?)


def _as_excel_2010(source: Path, target: Path) -> int:
    """``source`` with every ISFORMULA call replaced by an unknown function; the number of calls replaced."""
    replaced = 0
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("xl/worksheets/"):
                replaced += data.count(b"_xlfn.ISFORMULA(")
                data = data.replace(b"_xlfn.ISFORMULA(", UNKNOWN)
            zout.writestr(item, data)
    return replaced


@pytest.fixture(scope="module")
def files(catalogue: Catalogue, params: Params, day, templates, tmp_path_factory: pytest.TempPathFactory,  # noqa: ANN001
          ) -> dict[str, tuple[Path, NamedValues, dict[str, str]]]:
    folder = tmp_path_factory.mktemp("ielimets")
    plan = clean_plans(catalogue.offers(day), params, 1, SEED + 40_000)[0]
    wb = load_workbook(templates[None])
    fill(wb, plan.inputs, recipient_labels(catalogue), municipality=pilot_ids(catalogue)[0],
         template_prices=read(wb, "Pak_Cena"))
    wb.save(folder / "derigs.xlsx")
    cells = {}
    for name, (value, _) in PASTED.items():
        sheet, cell, c = _cell(wb, name)
        c.value = value.format(start=plan.inputs.period_start)  # the formula gives the plan's own first day
        cells[name] = f"{sheet}!{cell}"
    wb.save(folder / "ielimets.xlsx")
    old_excel = _as_excel_2010(folder / "ielimets.xlsx", folder / "excel2010.xlsx")
    assert old_excel > 100  # every checked input
    _as_excel_2010(folder / "derigs.xlsx", folder / "derigs2010.xlsx")
    names = ("derigs", "ielimets", "excel2010", "derigs2010")
    out = convert([folder / f"{n}.xlsx" for n in names], folder / "lo",
                  profile=make_profile(tmp_path_factory.mktemp("lo-profile-ielimets")))
    return {n: (folder / f"{n}.xlsx", NamedValues(o, all_sheets=True), cells) for n, o in zip(names, out, strict=True)}


def _listed(values: NamedValues) -> list[str]:
    return [str(v) for s, _, v in values.all_values() if s == "6.11" and isinstance(v, str) and ". " in str(v)[:4]]


def test_the_check_is_written_for_excel_2010() -> None:
    """ISFORMULA is written with its file prefix and inside IFERROR (the function Excel 2010 lacks gives FALSE)."""
    from generator.workbook.input_checks import KINDS

    for kind in KINDS.values():
        code = kind.code("A1", "B1:B2")
        assert code.count("ISFORMULA(") == 1 and "IFERROR(_xlfn.ISFORMULA(A1),FALSE)" in code, kind.name


def test_the_matrix_and_the_reader_name_the_same_cells(files, catalogue: Catalogue) -> None:
    path, values, cells = files["ielimets"]
    listed = _listed(values)
    assert values["h_NederigasIevades"] == len(PASTED) and values["Kludas"] >= len(PASTED), listed
    data, problems = read_child(Matrix.open(path), catalogue, strict=False)
    assert data is None and len(problems) == len(PASTED), problems
    for name, (_, said) in PASTED.items():
        sheet, cell = cells[name].split("!")
        in_matrix = [t for t in listed if f"{sheet} {cell}: {said}" in t]
        in_reader = [p for p in problems if p.startswith(f"{cells[name]} ({name}): {said}")]
        assert in_matrix and in_reader, (name, listed, problems)


def test_a_valid_file_has_no_error(files, catalogue: Catalogue) -> None:
    for name in ("derigs", "derigs2010"):
        path, values, _ = files[name]
        assert values["Kludas"] == 0 and values["h_NederigasIevades"] == 0, (name, _listed(values))
        texts = [str(v) for _, _, v in values.all_values() if isinstance(v, str)]
        assert not [t for t in texts if t.startswith("#NAME")], name
    assert read_child(Matrix.open(files["derigs"][0]), catalogue, strict=False)[1] == []


def test_without_isformula_no_false_error(files) -> None:
    """As Excel 2010 computes the matrix: the texts are still errors, the formulas are not flagged (only the tools
    see them), and no cell shows #NAME?."""
    _, values, cells = files["excel2010"]
    listed = _listed(values)
    texts = [str(v) for _, _, v in values.all_values() if isinstance(v, str)]
    assert not [t for t in texts if t.startswith("#NAME")]
    assert values["h_NederigasIevades"] == sum(1 for v, _ in PASTED.values() if not v.startswith("=")), listed
    assert not [t for t in listed if FORMULA_TEXT.split(" (")[0] in t], listed
    for name in ("Plans_Daudzums", "Fin_Citi"):
        sheet, cell = cells[name].split("!")
        assert [t for t in listed if f"{sheet} {cell}: {PASTED[name][1]}" in t], (name, listed)
