"""What a refused run says of the papers an earlier run left in the child's folder (audit38 F7): the folder's marker
records the matrix (SHA-256) and the catalogue version they were made from, so that a refusal of the same, unchanged
matrix under another catalogue says the papers there were made with an earlier catalogue and are not signed while
the plan is refused – not that they were made from the matrix's earlier content; a changed matrix still gets that."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalogue.loader import load_or_raise
from generator.cli import main
from generator.lvformat import version
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.documents.conftest import normalise
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import BASE_CHANGE, changes_catalogue

pytestmark = pytest.mark.usefixtures("pdf_stand_ins")
START = dt.date(2027, 4, 1)  # a plan across BASE_CHANGE (B's other amount): refused once the catalogue has it (D61)


def _matrix(catalogue, folder: Path, units: int) -> Path:  # noqa: ANN001
    template = write_workbook(catalogue, folder / "veidne.xlsx", None, START)
    offer = {o.id: o for o in catalogue.offers(START)}["3.1.3i"]
    line = line_from_offer(offer, 2 * units, unit_price=Decimal("20.00"), planned_units=(units, units))
    inputs = WorkbookInputs(birth_date=dt.date(2019, 6, 1), period_start=START, months=2, special_care=False,
                            impairment="multipli", lines=(line,), base=None)
    people = People(child_name="Ilze Paraugs", child_code="010619-20000", parent_name="Jānis Paraugs",
                    social_worker="Līga Piemēra", providers={"3.1.3i": "SIA Izdomātā Terapija"})
    [child] = write_children(catalogue, template, [Child(0, "valmiera", people, inputs)], folder / "in",
                             by_municipality=False)
    return child.path


def _run(catalogue: Path, matrix: Path, out: Path):  # noqa: ANN202
    return CliRunner().invoke(main, ["documents", "--catalogue", str(catalogue), "--from-matrix", str(matrix),
                                     "--out", str(out), "--day", START.strftime("%d.%m.%Y")],
                              env={"IBM_PSEUDONIMA_ATSLEGA": ""})


@pytest.mark.slow  # a collect, migrate or documents run of its own (docs/benchmarks.md, fix46e)
def test_a_refusal_under_another_catalogue_names_the_catalogue_not_the_matrix(tmp_path: Path) -> None:
    new = changes_catalogue(tmp_path / "new")
    shutil.copytree(tmp_path / "new", tmp_path / "old")
    programme = tmp_path / "old" / "programme.yaml"
    text = programme.read_text("utf-8")
    later_b = (f"    - effective_from: {BASE_CHANGE.isoformat()}\n      value: 3100.00\n      source: \"Testa dati\"\n"
               "      status: jāprecizē\n")
    assert later_b in text
    programme.write_text(text.replace(later_b, ""), "utf-8")
    old = load_or_raise(tmp_path / "old")
    matrix = _matrix(old, tmp_path / "m", 5)
    out = tmp_path / "out"
    made = _run(tmp_path / "old", matrix, out)
    assert made.exit_code == 0, made.output
    refused = _run(tmp_path / "new", matrix, out)
    assert refused.exit_code == 1, refused.output
    said = normalise(refused.output)
    assert (f"mapē {out / matrix.stem} palika iepriekšējās palaišanas dokumenti, kas izveidoti no šīs pašas, "
            f"nemainītas matricas ar agrāku kataloga versiju {normalise(version(old.version))} – kamēr plāns ir atteikts, "
            "tos neparaksta") in said, said
    assert "agrākā satura" not in said, said
    assert new.version != old.version
    # the matrix changed since: its papers were made from its earlier content
    shutil.copyfile(_matrix(old, tmp_path / "m2", 4), matrix)
    changed = _run(tmp_path / "new", matrix, out)
    assert changed.exit_code == 1, changed.output
    assert "kas izveidoti pēc šīs matricas agrākā satura" in normalise(changed.output), changed.output
