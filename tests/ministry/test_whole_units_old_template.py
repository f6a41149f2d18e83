"""D256 in a matrix of an older registered template (commit 1670ef6c: no 6.8 h_Pak_Vesels, so no check of whole
units): half a session there showed no error, so the tools warn of it naming the cell (as D168) and the reference
does not count it either; `ibm migrate` carries it as typed onto the current template, which counts it, and its
report says so in D168's words, naming the new matrix's cell (review32 F9)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.ministry.matrix import WHOLE_UNITS_NAME, Matrix, read_child
from generator.reference.workbook import evaluate_workbook
from tests.ministry.factory import Child, two_line_inputs, write_children
from tests.ministry.test_migrate_old_template import old_template
from tests.ministry.test_text_limits_old_template import OLD_COMMIT, PEOPLE
from tests.workbook.invalid import _cell

ESCORT, SESSIONS = "2.1", "3.1.2i"  # an hour (may be split) and a session (counted whole)


@pytest.fixture(scope="module")
def old_file(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Path:
    folder = tmp_path_factory.mktemp("veca-veidne-d256")
    template = old_template(folder, OLD_COMMIT)
    inputs = two_line_inputs(catalogue, (ESCORT, 10, Decimal(5)), (SESSIONS, 10, Decimal(20)))
    [child] = write_children(catalogue, template, [Child(0, "valmiera", PEOPLE, inputs)], folder / "matricas")
    assert child.path is not None
    wb = load_workbook(child.path)
    _, _, units = _cell(wb, "Plans_Daudzums", 1)
    _, _, month = _cell(wb, "Men_Daudzums", 1)
    units.value, month.value = 10.5, 5.5  # 6.6 still sums to 6.3: no other rule
    wb.save(child.path)
    return child.path


def test_the_old_matrix_warns_and_the_reference_does_not_count_it(old_file: Path, catalogue: Catalogue) -> None:
    m = Matrix.open(old_file)
    assert not m.has(WHOLE_UNITS_NAME)
    data, problems = read_child(m, catalogue)
    assert problems == [] and data is not None
    warned = [w for w in data.warnings if "jābūt veselam skaitlim (mērvienība „reize”)" in w]
    assert [w.split(": ")[0] for w in warned] == [m.where("Plans_Daudzums", 1), m.where("Men_Daudzums", 1)], warned
    assert all("vecākā veidne to nepārbaudīja, tāpēc tā nav kļūda" in w for w in warned), warned
    params = data.params(catalogue)
    assert params.whole_units == {}
    result = evaluate_workbook(data.inputs, params)
    assert not [f for f in result.findings if f.code == "whole_units"], [f.message for f in result.findings]
    # the current template's matrix does count it: the same inputs with the catalogue's whole units
    counted = evaluate_workbook(data.inputs, data.params(catalogue).replace(
        whole_units={"reize": "reize"}))
    assert [f.code for f in counted.findings if f.code == "whole_units"] == ["whole_units"] * 2


def test_migrate_says_what_became_of_the_half_session(old_file: Path, tmp_path: Path, catalogue: Catalogue) -> None:
    from generator.ministry.migrate import Migrator

    with Migrator(catalogue) as migrator:
        report = migrator.migrate(old_file, tmp_path / "jauna.xlsx")
    text = report.text()
    assert report.before is not None and report.after is None, text
    new = Matrix.open(tmp_path / "jauna.xlsx")
    assert new.has(WHOLE_UNITS_NAME)
    assert ("Piezīme: apmērus nevar salīdzināt, jo jaunajā matricā ir nederīga ievade, ko vecākā veidne vēl "
            "nepārbaudīja (vērtība pārnesta, kā ievadīta; izlabojiet to jaunajā matricā): "
            f"{new.where('Plans_Daudzums', 1)}: daudzumam periodā jābūt veselam skaitlim (mērvienība „reize”), "
            f"ievadīts 10,5; {new.where('Men_Daudzums', 1)}: plānotajām vienībām jābūt veselam skaitlim (mērvienība "
            "„reize”), ievadīts 5,5") in text, text
    assert "vai tā nav pilnībā aizpildīta" not in text, text
