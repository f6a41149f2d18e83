"""D61 end to end: `ibm documents --from-matrix` refuses a pilot plan filled into a matrix with the prices of
01.04.2023 (as matrices were issued before), naming the day and what to do; the same plan in the matrix made
now (the round's prices) goes through."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.workbook.issue_days import template_date
from generator.workbook.render import file_name
from generator.workbook.writer import write_workbook
from tests.ministry.factory import make_children, write_children

ISSUED_2023 = dt.date(2023, 4, 1)


def test_a_pilot_plan_in_a_2023_matrix_is_refused(catalogue: Catalogue, tmp_path: Path) -> None:
    pool = make_children(catalogue, 20, seed=31)  # as from_matrix_helpers.funded_child
    child = next(c for c in pool if c.result(catalogue).errors == 0 and c.result(catalogue).plan.ib_funded > 0)
    child = dataclasses.replace(child, municipality="ogre")
    old_template = write_workbook(catalogue, tmp_path / "veidne-2023.xlsx", day=ISSUED_2023)
    new_template = write_workbook(catalogue, tmp_path / "veidne.xlsx")
    [old] = write_children(catalogue, old_template, [child], tmp_path / "vecas", by_municipality=False)
    [new] = write_children(catalogue, new_template, [child], tmp_path / "jaunas", by_municipality=False)
    day = (child.inputs.period_start + dt.timedelta(days=1)).strftime("%d.%m.%Y")
    env = {"IBM_PSEUDONIMA_ATSLEGA": ""}
    refused = CliRunner().invoke(main, ["documents", "--from-matrix", str(old.path), "--out", str(tmp_path / "a"),
                                        "--day", day], env=env)
    assert refused.exit_code == 1, refused.output
    assert "01.04.2023" in refused.output
    # D63, D309: the plan's first day lies within the prices of the default matrix's day (always on the site's
    # downloads), so the refusal names that download, not `ibm matrix --day` for the plan's first day
    default = template_date(catalogue)
    assert child.inputs.period_start >= default
    assert (f"izmantojiet matricu ar cenām uz {default.strftime('%d.%m.%Y')} (lejupielāžu sadaļā „IBM matricas”: "
            f"{file_name(None, None)} vai jūsu pašvaldības matrica ar to pašu cenu dienu)") in refused.output, \
        refused.output
    assert "ibm matrix --day" not in refused.output
    assert "neatbilst veidnei" not in refused.output  # its template (the 2023 prices day) is regenerated and matches
    assert "Traceback" not in refused.output
    made = CliRunner().invoke(main, ["documents", "--from-matrix", str(new.path), "--out", str(tmp_path / "b"),
                                     "--day", day], env=env)
    assert made.exit_code == 0, made.output
