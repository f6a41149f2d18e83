"""What the social worker types in 6.1 and no amount depends on reaches the papers of `ibm documents --from-matrix`
(D317): the parent's personal code (6.1 B28, `Vecaks_PersonasKods`) in the parent contract (01 clause 1.2) and on the
case file's second page (07), the worker's phone and e-mail (B9, `Darbinieks_Kontakti`) in 01 clause 1.4 and the
day the case was opened (B10, `Lietas_Sakums`) in 07 „Lieta uzsākta”. A matrix of an earlier template, which has no
such names, still gives its papers with the blanks; a personal code not in its form is an error naming the cell,
never the value, and is not printed."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.case_fields import CASE_OPENED, PARENT_CODE, WORKER_CONTACTS
from generator.documents.from_matrix.run import run
from generator.ministry.xlsxpatch import fill_by_names
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import docx_text, funded_child

pytestmark = pytest.mark.slow
CODE = "120380-19999"  # fictional
CONTACTS = "67000000, darbiniece@piemers.lv"  # fictional
OPENED = dt.date(2018, 3, 14)
TYPED = {PARENT_CODE: CODE, WORKER_CONTACTS: CONTACTS, CASE_OPENED: OPENED}
CONTRACT, CASE_FILE = "01-ligums-ar-vecaku", "07-"


def _papers(folder: Path, stem: str) -> dict[str, Path]:
    return {p.name: p for p in folder.rglob(f"{stem}*")}


def _one(folder: Path, stem: str, suffix: str) -> Path:
    [found] = [p for p in folder.rglob(f"{stem}*{suffix}")]
    return found


def _without_names(src: Path, dst: Path, names: tuple[str, ...]) -> Path:
    """The matrix as an earlier template wrote it: the same cells, but without these defined names."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/workbook.xml":
                text = data.decode("utf-8")
                for name in names:
                    text, count = re.subn(rf'<definedName name="{name}"[^>]*>[^<]*</definedName>', "", text)
                    assert count == 1, name
                data = text.encode("utf-8")
            zout.writestr(item, data)
    return dst


def _run(catalogue: Catalogue, matrix: Path, out: Path, day: dt.date, *, pdf: bool) -> list[str]:
    lines: list[str] = []
    run(matrix, out, catalogue, None, draft=False, echo=lines.append, err=lines.append, pdf=pdf, today=day)
    return lines


@pytest.fixture(scope="module")
def filled(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dt.date]:
    """A clean matrix with the three fields typed, and one without them (as an older template's)."""
    folder = tmp_path_factory.mktemp("case-fields")
    child = funded_child(catalogue, folder / "made")
    typed = fill_by_names(child.path, folder / "matricas" / "plans.xlsx", TYPED)
    return child.path, typed, child.inputs.period_start


def test_the_papers_print_what_6_1_holds_pdf_and_docx(catalogue: Catalogue, filled, tmp_path: Path,
                                                      pdf_text) -> None:  # noqa: ANN001 - fixtures
    _, typed, day = filled
    out = tmp_path / "out"
    lines = _run(catalogue, typed, out, day, pdf=True)
    assert any("dokumenti (PDF un DOCX)" in line for line in lines), lines
    said = "\n".join(lines)
    for value in (CODE, CONTACTS, OPENED.strftime("%d.%m.%Y")):  # the screen never shows them (nor parskats.txt)
        assert value not in said, said
        assert not [p for p in out.rglob("*") if value in p.name]
        assert all(value not in p.read_text(encoding="utf-8") for p in out.rglob("parskats.txt"))
    contract_pdf, contract_docx = (normalise(pdf_text(_one(out, CONTRACT, ".pdf"))),
                                   normalise(docx_text(_one(out, CONTRACT, ".docx"))))
    case_pdf, case_docx = normalise(pdf_text(_one(out, CASE_FILE, ".pdf"))), normalise(docx_text(_one(out, CASE_FILE, ".docx")))
    for text in (contract_pdf, contract_docx):
        assert f"Personas kods vai identifikācijas Nr.: {CODE}" in text, text
        assert f"Tālrunis, e-pasts: {CONTACTS}" in text, text
    for text in (case_pdf, case_docx):
        assert f"Lieta uzsākta (datums): {OPENED:%d.%m.%Y}" in text, text
        assert f"Personas kods: {CODE}" in text, text


def test_an_older_matrix_without_the_names_keeps_the_blanks(catalogue: Catalogue, filled, tmp_path: Path) -> None:  # noqa: ANN001
    _, typed, day = filled
    old = _without_names(typed, tmp_path / "plans.xlsx", (PARENT_CODE, WORKER_CONTACTS, CASE_OPENED))
    out = tmp_path / "out"
    lines = _run(catalogue, old, out, day, pdf=False)
    assert any("dokumenti" in line for line in lines), lines
    contract, case = normalise(docx_text(_one(out, CONTRACT, ".docx"))), normalise(docx_text(_one(out, CASE_FILE, ".docx")))
    for text in (contract, case):
        assert CODE not in text and CONTACTS not in text and f"{OPENED:%d.%m.%Y}" not in text
    # only the child's code is filled in (clause 1.3); the parent's and the worker's contacts are blanks
    assert contract.count("Personas kods vai identifikācijas Nr.:") == 1 and "Tālrunis, e-pasts:" not in contract
    assert "Lieta uzsākta (datums):" not in case and case.count("Personas kods:") == 1  # the child's (page 1)


@pytest.mark.parametrize(("name", "wrong", "said"), [
    (PARENT_CODE, "12038O-1999", "6.1. tabula, B28 „Personas kods”: personas kods nav formā 000000-00000 (11 cipari)"),
    (CASE_OPENED, "14.03.2018", "6.1. tabula, B10 „Lietas atvēršanas datums”: nav datums, ievadīts teksts"),
    (CASE_OPENED, dt.datetime(2018, 3, 14, 9, 30), "6.1. tabula, B10 „Lietas atvēršanas datums”: jābūt datumam bez "
                                                   "laika"),
], ids=["code", "date-text", "date-time"])
def test_a_value_not_of_its_kind_is_an_error_naming_the_cell(catalogue: Catalogue, filled, tmp_path: Path, name: str,
                                                             wrong: object, said: str) -> None:  # noqa: ANN001
    clean_matrix, _, day = filled
    matrix = fill_by_names(clean_matrix, tmp_path / "matricas" / "plans.xlsx", {name: wrong})
    out = tmp_path / "out"
    lines = _run(catalogue, matrix, out, day, pdf=False)
    assert [line for line in lines if said in line], lines
    if name == PARENT_CODE:  # a personal code is never repeated (a date is, as for the other dates)
        assert wrong not in "\n".join(lines)
    assert not list(out.rglob(f"{CONTRACT}*")), sorted(p.name for p in out.rglob("*"))
