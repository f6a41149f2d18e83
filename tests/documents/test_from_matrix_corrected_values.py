"""D342: `ibm documents --from-matrix` makes no paper from a matrix holding a catalogue figure the catalogue corrected
back to or before the matrix's prices day (D336) – such papers printed the matrix's figure as the plan's. The child
is refused (a draft too) with `ibm collect`'s own sentence – the value, the matrix's and the catalogue's figure, the
day and `ibm migrate` – named by its file and place; another child's matrix in the same run still gets its papers, and
the run ends with the documented status 1 (tests/ministry/test_collect_corrected_values.py makes the matrices)."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.documents.from_matrix import command
from generator.documents.from_matrix.reading import CORRECTED, CORRECTED_NO_PAPERS, read_for_documents
from generator.documents.from_matrix.run import _reasons
from generator.lvformat import date as lv_date
from generator.lvformat import eur
from generator.ministry import templates
from generator.ministry.templates import TemplateSource
from generator.reference.lines import line_from_offer
from generator.reference.workbook import MIGRATE_COMMAND, WorkbookInputs
from generator.workbook.inputs import People
from tests.documents.conftest import normalise
from tests.ministry.factory import Child, write_children
from tests.ministry.test_collect_corrected_values import CUT, dated_back, in_place
from tests.ministry.test_collect_corrected_values import old as old  # the module's matrices (a fixture)
from tests.plan_changes_catalogue import MATRIX_DAY, REGULATED

pytestmark = pytest.mark.slow


def _said(old: dict, changed: object) -> str:
    label = {o.id: o.label for o in changed.offers(MATRIX_DAY)}[REGULATED]  # type: ignore[attr-defined]
    since = changed.price_by_service[REGULATED].at(MATRIX_DAY).effective_from  # type: ignore[attr-defined]
    return (f"šajā matricā ir pakalpojuma „{label}” cena {eur(old['held'])}, bet katalogā no {lv_date(since)} – "
            f"{eur(old['held'] - CUT)}")


@pytest.mark.parametrize("make", [dated_back, in_place])
def test_a_matrix_with_a_corrected_figure_is_refused(old: dict, make: object) -> None:
    changed = make(old)  # type: ignore[operator]
    matrix = next(iter(sorted(old["in"].rglob("*.xlsx"))))
    reading = read_for_documents(matrix, changed, TemplateSource(changed, old["registry"]), None)
    assert reading.refused_kind == CORRECTED and len(reading.refused) == 1, reading.refused
    (said,) = reading.refused
    assert _said(old, changed) in said and f"ar komandu {MIGRATE_COMMAND}" in said, said
    assert "6.1. tabula" in said and said.endswith(f"; {CORRECTED_NO_PAPERS}."), said  # its place, then no papers
    assert _reasons(reading) == ["kataloga vērtība labota ar agrāku dienu"]
    # the catalogue the matrix was made with has no correction: the same file is read for its papers
    own = read_for_documents(matrix, old["catalogue"], TemplateSource(old["catalogue"], old["registry"]), None)
    assert not own.refused and not own.errors, (own.refused, own.errors)


@pytest.mark.usefixtures("pdf_stand_ins")
def test_the_other_child_gets_papers_and_the_run_says_which_was_refused(old: dict, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    changed = dated_back(old)
    folder = tmp_path / "matricas"
    shutil.copytree(old["in"] / "liepaja", folder)
    offers = {o.id: o for o in old["catalogue"].offers(MATRIX_DAY)}  # a plan without the corrected item
    line = line_from_offer(offers["3.1.2i"], 4, unit_price=Decimal(20), planned_units=(2, 2), expert_rank=1,
                           parent_rank=1)
    inputs = WorkbookInputs(birth_date=dt.date(2019, 7, 1), period_start=MATRIX_DAY, months=2, special_care=False,
                            impairment="multipli", lines=(line,), base=None)
    people = People(child_name="Anna Paraugs", child_code="010719-20009", parent_name="Pēteris Paraugs",
                    social_worker="Līga Piemēra", providers={"3.1.2i": "SIA Sniedzējs 2"})
    write_children(old["catalogue"], old["templates"] / "veidne.xlsx",
                   [Child(7, "liepaja", people, inputs)], tmp_path / "cits", by_municipality=False)
    shutil.copy(tmp_path / "cits" / "matrica-008.xlsx", folder / "cits.xlsx")
    day = MATRIX_DAY + dt.timedelta(days=10)
    monkeypatch.setattr(command, "system_day", lambda: day)
    monkeypatch.setattr(templates, "DEFAULT_REGISTRY", old["registry"])  # the old template, registered when issued
    for extra in ((), ("--draft",)):
        out = tmp_path / f"out{len(extra)}"
        result = CliRunner().invoke(main, ["documents", "--from-matrix", str(folder), "--out", str(out),
                                           "--catalogue", str(changed.root), "--day", f"{day:%d.%m.%Y}", *extra],
                                    env={"IBM_PSEUDONIMA_ATSLEGA": ""})
        text = normalise(result.output)
        assert result.exit_code == 1, text  # the command's documented status of a refused matrix
        assert "matrica-001.xlsx): atteikts:" in text and normalise(_said(old, changed)) in text, text
        assert CORRECTED_NO_PAPERS in text and "atteikti 1" in text, text
        assert [p.name for p in out.iterdir()] == ["cits"], text  # the other child's papers only
