"""A child's papers made by `ibm documents --from-matrix` while a plan line keeps the catalogue's unconfirmed price:
the changes catalogue's round matrix (MATRIX_DAY) with a confirmed individual session (3.1.2i) and 2.1 at its
„jāprecizē” prefilled price, B confirmed by the papers' day (D301) – shared by the D348 and D354 tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.lvformat import date as lv_date
from generator.reference.lines import line_from_offer
from generator.reference.workbook import WorkbookInputs
from generator.workbook.inputs import People
from generator.workbook.writer import write_workbook
from tests.ministry.factory import Child, write_children
from tests.plan_changes_catalogue import BASE_CONFIRMED, MATRIX_DAY, changes_catalogue


def open_price_papers(tmp_path: Path, months: int, *extra: str) -> tuple[Path, str]:
    """The child's output folder and the console (whitespace folded) of a run over a plan of ``months`` months from
    MATRIX_DAY, one session a month on each line; ``extra``: more options (``--draft``)."""
    catalogue = changes_catalogue(tmp_path / "catalogue")
    template = write_workbook(catalogue, tmp_path / "veidne.xlsx", None, MATRIX_DAY)
    offers = {o.id: o for o in catalogue.offers(MATRIX_DAY)}
    assert offers["2.1"].ceiling_status.value == "jāprecizē" and offers["2.1"].prefill_price is not None
    lines = (line_from_offer(offers["3.1.2i"], months, unit_price=Decimal(20), expert_rank=1, parent_rank=1,
                             planned_units=(1,) * months),
             line_from_offer(offers["2.1"], months, unit_price=offers["2.1"].prefill_price, expert_rank=1,
                             parent_rank=2, planned_units=(1,) * months))
    inputs = WorkbookInputs(birth_date=dt.date(2019, 6, 1), period_start=MATRIX_DAY, months=months,
                            special_care=False, impairment="multipli", lines=lines, base=None)
    people = People(child_name="Ilze Paraugs", child_code="010619-20000", parent_name="Jānis Paraugs",
                    social_worker="Līga Piemēra", providers={"3.1.2i": "SIA Viens", "2.1": "SIA Pavadoņi"})
    [child] = write_children(catalogue, template, [Child(0, "liepaja", people, inputs)], tmp_path / "in",
                             by_municipality=False)
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["documents", "--catalogue", str(tmp_path / "catalogue"), "--from-matrix",
                                    str(child.path), "--out", str(out), "--day",
                                    lv_date(BASE_CONFIRMED + dt.timedelta(days=2)), *extra],
                             env={"IBM_PSEUDONIMA_ATSLEGA": ""})
    assert run.exit_code == 0, run.output
    return out / child.path.stem, " ".join(run.output.split())
