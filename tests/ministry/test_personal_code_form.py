"""A personal code typed without its hyphen („01051920019”) is the same code: the readers of collect and documents
read it in its written form „010519-20019” (reference.inputs.written_personal_code), so a contract prints it as the
register writes it and the child's pseudonym does not change; any other form is refused as before."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import Matrix, read_child
from generator.ministry.pseudonym import pseudonym
from tests.ministry.conftest import KEY


def _typed(source: Path, target: Path, code: str) -> Matrix:
    wb = load_workbook(source)
    sheet, ref = next(iter(wb.defined_names["Berns_PersonasKods"].destinations))
    wb[sheet][ref.replace("$", "")].value = code
    wb.save(target)
    return Matrix.open(target)


def test_a_code_without_its_hyphen_is_read_with_it(small_folder, catalogue: Catalogue, tmp_path: Path) -> None:  # noqa: ANN001
    _, children = small_folder
    child = children[0]
    assert child.code[6] == "-"
    data, problems = read_child(_typed(child.path, tmp_path / "bez.xlsx", child.code.replace("-", "")), catalogue)
    assert problems == [] and data is not None
    assert data.personal_code == child.code
    assert pseudonym(KEY, data.personal_code) == pseudonym(KEY, child.code)
    data, problems = read_child(_typed(child.path, tmp_path / "cits.xlsx", child.code.replace("-", " ")), catalogue)
    assert data is None and any("bērna personas kodam jābūt formā 000000-00000" in p for p in problems), problems
