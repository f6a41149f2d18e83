"""`ibm collect` counts transport above its share of A without the social worker's reason as the rule error the
reference, the matrix's 6.11 and `ibm documents --from-matrix` count it as (D71, D371): the child's F is not sent."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.final_status import STATUS_ERRORS
from generator.ministry.output import FINAL_DIR
from generator.ministry.pseudonym import pseudonym
from generator.reference.findings import Severity
from tests.ministry.conftest import KEY
from tests.ministry.factory import two_line_child, write_children

ENV = {"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()}
TRANSPORT = "2.4"  # specialised transport, euro at actual cost: 50 units of 1,00 EUR beside 200,00 EUR – 20 % of A


def test_transport_above_its_share_without_a_reason_is_a_rule_error_in_collect(catalogue: Catalogue, template: Path,
                                                                            tmp_path: Path) -> None:
    child = two_line_child(catalogue, 0, "talsi", (TRANSPORT, 50, Decimal("1.00")))
    counted = [(f.code, f.severity) for f in child.result(catalogue).findings if f.counts]
    assert ("transport_share", Severity.error) in counted, counted
    assert [code for code, severity in counted if severity is Severity.error] == ["transport_share"], counted
    write_children(catalogue, template, [child], tmp_path / "in")
    out = tmp_path / "out" / "k.xlsx"
    run = CliRunner().invoke(main, ["collect", str(tmp_path / "in"), "--out", str(out), "--jobs", "1", "--no-cache"],
                             env=ENV)
    assert run.exit_code == 0, run.output
    assert "noteikumu kļūdas" in run.output, run.output
    rows = {}
    for path in sorted((out.parent / FINAL_DIR).glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows.update({row["kods"]: row for row in csv.DictReader(f, delimiter=";")})
    row = rows[pseudonym(KEY, child.code)]
    assert row["F"] == "" and row["statuss"] == STATUS_ERRORS, row
    assert row["iemesls"] == "šī bērna matricā ir noteikumu kļūdas", row
