"""`ibm collect` says that a plan line has no provider's price (a price of 0,00, D364): the line is not in N, so the
child's F is not final – its own status and reason, each line listed with its file and price cell on „Brīdinājumi”,
a console warning, and Σ F provisional; the other children's F stay final (as with an unconfirmed ceiling, D269)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.cli import main
from generator.ministry.final_status import NO_PRICE_REASON, STATUS_FINAL, STATUS_NO_PRICE
from generator.ministry.pseudonym import pseudonym
from generator.ministry.rule_names import rule_name
from tests.documents.conftest import normalise
from tests.ministry.conftest import KEY
from tests.ministry.factory import Child, two_line_child, write_children
from tests.ministry.test_final_status import _csv as final_csv_rows

ENV = {"IBM_PSEUDONIMA_ATSLEGA": KEY.decode()}
SPEECH = "3.1.3i"  # a market item without a ceiling: no other warning on its line
BASE = Decimal("3500.00")  # the ministry's B typed in every matrix, so that nothing else keeps F provisional


def _no_price(catalogue: Catalogue) -> Child:
    child = two_line_child(catalogue, 0, "bauska", (SPEECH, 10, Decimal("0.00")), BASE)
    found = [f.code for f in child.result(catalogue).findings if f.counts]
    assert found.count("no_provider_price") == 1 and not child.result(catalogue).errors, found
    return child


def _plain(catalogue: Catalogue) -> Child:
    child = two_line_child(catalogue, 1, "ogre", (SPEECH, 10, Decimal(20)), BASE)
    found = [f.code for f in child.result(catalogue).findings if f.counts]
    assert set(found) <= {"base_differs"}, found
    return child


@pytest.fixture(scope="module")
def collected(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue, template: Path):  # noqa: ANN201
    folder = tmp_path_factory.mktemp("bez_cenas")
    children = [_no_price(catalogue), _plain(catalogue)]
    write_children(catalogue, template, children, folder / "in")
    out = folder / "out" / "k.xlsx"
    run = CliRunner().invoke(main, ["collect", str(folder / "in"), "--out", str(out), "--jobs", "1", "--no-cache"],
                             env=ENV)
    assert run.exit_code == 0, run.output
    return children, out, normalise(run.output)


def test_the_childs_f_is_provisional_with_its_own_reason(collected) -> None:  # noqa: ANN001
    (priceless, plain), out, said = collected
    rows = final_csv_rows(out)
    name, row = rows[pseudonym(KEY, priceless.code)]
    assert row["statuss"] == STATUS_NO_PRICE == "provizorisks – nav sniedzēja cenas", row
    assert row["iemesls"] == NO_PRICE_REASON and row["F"], row
    assert name.endswith("_provizoriski.csv"), name
    # the others depend on it only through the pool, as on an unconfirmed ceiling (D269): final
    other_name, other = rows[pseudonym(KEY, plain.code)]
    assert other["statuss"] == STATUS_FINAL and other["iemesls"] == "" and not other_name.endswith("_provizoriski.csv")
    ws = load_workbook(out)["Bērni"]
    head = [c.value for c in ws[3]]
    kids = {r[0]: dict(zip(head, r, strict=True)) for r in ws.iter_rows(min_row=4, values_only=True) if r[0]}
    assert kids[pseudonym(KEY, priceless.code)]["F statuss"] == STATUS_NO_PRICE
    assert f"„{STATUS_NO_PRICE}”" in ws["A2"].value
    # Σ F is provisional as soon as one F in it is, on the console and the summary's row alike (D330)
    assert said.split("Σ F = ", 1)[1].split(".", 1)[0].endswith("(provizorisks)"), said
    front = {r[0]: (r[1], r[2]) for r in load_workbook(out)["Kopsavilkums"].iter_rows(min_row=4, values_only=True)
             if r[0]}
    assert front["Σ IB galīgais (F), EUR"][1].startswith(
        "daļa F provizoriski – nav sniedzēja cenas, sk. lapu „Brīdinājumi”; "), front
    assert "Uzmanību:" not in said, said


def test_each_line_is_listed_with_its_price_cell_and_said(collected, catalogue: Catalogue) -> None:  # noqa: ANN001
    (priceless, _), out, said = collected
    result = priceless.result(catalogue)
    wb = load_workbook(out)
    listed = [r for r in wb["Brīdinājumi"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert len(listed) == 1, listed
    code, muni, shown, name, p, n, text = listed[0]
    assert code == pseudonym(KEY, priceless.code) and shown == "bauska/matrica-001.xlsx"
    assert name == rule_name("no_provider_price")
    assert Decimal(str(p)) == result.provisional and Decimal(str(n)).quantize(Decimal("0.01")) == result.needed
    assert text.startswith("1. rinda (3.1.3i "), text
    assert "nav sniedzēja cenas" in text and "(6.8. tabula, I" in text, text
    assert "„Sniedzēja cena, EUR par vienību”" in text and "; 6.11. tabulas " in text, text
    page = {r[0]: (r[1], r[2]) for r in wb["Kopsavilkums"].iter_rows(min_row=4, values_only=True) if r[0]}
    assert page["To brīdinājumu skaits, kas maina N"] == (1, (
        "1 matricā; plāna rindai nav sniedzēja cenas (cena 0,00), un N to neietver – bērna F nav galīgs (statuss "
        "„provizorisks – nav sniedzēja cenas”, lēmums D364); katra rinda lapā „Brīdinājumi”")), page
    assert ("Brīdinājums: 1 izmantotajā matricā ir 1 plāna rinda ar sniedzēja cenu 0,00 – sniedzēja cenas vēl nav, "
            "tāpēc N to neietver: bērna F nav galīgs (statuss „provizorisks – nav sniedzēja cenas”, kamēr cena nav "
            "ierakstīta matricas 6.8. tabulā) – katra rinda lapā „Brīdinājumi”.") in said, said
    # the D148 line count says nothing of it
    assert "pārsniedz P" not in said, said
    assert "D364" not in said, said  # the rule in words on the console
