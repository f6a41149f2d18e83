"""`ibm collect` lists a plan line whose provider's price is above its unit's plausible highest (D370: 2500 typed for
25,00 EUR) on „Brīdinājumi” with its file and price cell: it may make N many times larger."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.pseudonym import pseudonym
from generator.ministry.rule_names import rule_name
from tests.documents.conftest import normalise
from tests.ministry.conftest import KEY
from tests.ministry.factory import two_line_child, write_children

ENV = {"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()}
SPEECH = "3.1.3i"  # a market item without a ceiling
BASE = Decimal("3500.00")


@pytest.fixture(scope="module")
def collected(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue, template: Path):  # noqa: ANN201
    folder = tmp_path_factory.mktemp("neticama_cena")
    child = two_line_child(catalogue, 0, "bauska", (SPEECH, 10, Decimal(2500)), BASE)
    found = [f.code for f in child.result(catalogue).findings if f.counts]
    assert found.count("price_implausible") == 1 and not child.result(catalogue).errors, found
    write_children(catalogue, template, [child], folder / "in")
    out = folder / "out" / "k.xlsx"
    run = CliRunner().invoke(main, ["collect", str(folder / "in"), "--out", str(out), "--jobs", "1", "--no-cache"],
                             env=ENV)
    assert run.exit_code == 0, run.output
    return child, out, normalise(run.output)


def test_the_line_is_listed_with_its_price_cell(collected) -> None:  # noqa: ANN001
    child, out, _ = collected
    listed = [r for r in load_workbook(out)["Brīdinājumi"].iter_rows(min_row=4, values_only=True) if r[0]]
    # 25 000 EUR for ten sessions is also a line alone above P (D148): listed on its own row
    assert sorted(r[3] for r in listed) == [rule_name("price_implausible"), rule_name("line_above_provisional")], listed
    code, _muni, shown, name, _p, _n, text = next(r for r in listed if r[3] == rule_name("price_implausible"))
    assert code == pseudonym(KEY, child.code) and shown == "bauska/matrica-001.xlsx"
    assert name == rule_name("price_implausible") == "Neticami augsta cena"
    assert text.startswith("1. rinda (3.1.3i ") and "pārsniedz ticamo 200,00" in text, text
    assert "6.8. tabula, I" in text and "„Sniedzēja cena, EUR par vienību”" in text, text


def test_the_summary_and_the_console_say_it(collected) -> None:  # noqa: ANN001
    _, out, said = collected
    page = {r[0]: (r[1], r[2]) for r in load_workbook(out)["Kopsavilkums"].iter_rows(min_row=4, values_only=True)
            if r[0]}
    count, text = page["To brīdinājumu skaits, kas maina N"]
    assert count == 2 and "1 rindā cena pārsniedz ticamo, un griestu nav – jāpārbauda" in text, (count, text)
    assert ("Brīdinājums: 1 izmantotajā matricā ir 1 plāna rinda, kuras sniedzēja cena pārsniedz ticamo tās "
            "mērvienībai, un cenas griestu nav – jāpārbauda, vai cena ierakstīta pareizi (tā ieskaitīta N)") in said, said
    # the line alone above P is counted as that, not with the implausible price
    assert "ir 1 plāna rinda, kuras summa viena pati pārsniedz P" in said, said



def test_the_childs_f_is_not_final_while_the_price_stands(collected) -> None:  # noqa: ANN001
    """audit47c: a hundredfold price made F „galīgs” with no reason in the municipality's CSV, taking the whole pool;
    while the warning stands the child's F is provisional and its row says why (D370)."""
    import csv

    from generator.ministry.final_status import IMPLAUSIBLE_REASON, STATUS_IMPLAUSIBLE

    child, out, said = collected
    rows = []
    for path in sorted((out.parent / "galigie-apmeri").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows += [(path.name, row) for row in csv.DictReader(f, delimiter=";")]
    [(name, row)] = [(n, r) for n, r in rows if r["kods"] == pseudonym(KEY, child.code)]
    assert row["statuss"] == STATUS_IMPLAUSIBLE == "provizorisks – cena jāpārbauda", row
    assert row["iemesls"].startswith(IMPLAUSIBLE_REASON) and row["F"], row
    assert name.endswith("_provizoriski.csv"), name
    assert f"bērna F nav galīgs (statuss „{STATUS_IMPLAUSIBLE}”" in said, said
