"""D70 on paper: a plan line in "euro (faktiskās izmaksas)" at its 1,00 EUR counts euros, so the parent's annexes
and a provider's 02 and 03 print its amount as the ceiling on actual costs ("līdz 120,40 EUR", "pēc faktiskajām
izmaksām"), never as units × 1,00 EUR; the same amounts as the reference, in the PDF's HTML and the DOCX tables.
A catalogue copy pays the specialised transport to a provider, so that 02 and 03 carry such a line."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.loader import DEFAULT_CATALOGUE, load_or_raise
from generator.catalogue.models import Payee
from generator.documents.docx_writer import write_docx
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import docx_tables, plan_reading
from tests.documents.test_from_matrix_payee import set_payee

CHILD_TRANSPORT = "2.4"  # repaid to the parent
SPECIAL_TRANSPORT = "2.5"  # paid to a provider in the copy
MARKET = "3.1.2i"
TAXI = "SIA Taksometrs Paraugs"
# (offer, units, price, 6.6 units a month, provider); units of the euro lines are euros
PLAN = ((CHILD_TRANSPORT, Decimal("120.40"), Decimal(1), (Decimal("60.20"), Decimal("60.20")), ""),
        (SPECIAL_TRANSPORT, Decimal(300), Decimal(1), (150, 150), TAXI),
        (MARKET, 10, Decimal(20), (5, 5), "SIA Ergo Paraugs"))


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[list[str]]]]:
    """The DOCX tables of the parent's contract (01), the parent's choice of providers (05) and the taxi's 02 and
    03, by document id prefix."""
    folder = tmp_path_factory.mktemp("actual-cost")
    shutil.copytree(DEFAULT_CATALOGUE, folder / "catalogue")
    set_payee(folder / "catalogue", SPECIAL_TRANSPORT, Payee.provider)
    catalogue = load_or_raise(folder / "catalogue")
    reading = plan_reading(catalogue, "ogre", PLAN)
    child = build(reading, catalogue, pseudonymous=False)
    tables = {}
    taxi = next(p for p in child.providers if p.name == TAXI).file_part  # 02/03 carry its number (D126)
    for doc in render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day, False):
        key = doc.spec.id[:2]
        if key in ("01", "05") or (key in ("02", "03") and doc.spec.id.endswith(f"-{taxi}")):
            assert "1,00\u00a0EUR" not in _row_html(doc.html, "Transports"), doc.spec.id
            path = write_docx(doc.html, folder / f"{doc.spec.id}.docx", doc.spec.title, doc.version, doc.created)
            tables[key] = docx_tables(Path(path))
    assert set(tables) == {"01", "02", "03", "05"}
    return tables


def _row_html(html: str, word: str) -> str:
    """Every table row of ``html`` that names ``word``."""
    rows = [part.split("</tr>", 1)[0] for part in html.split("<tr>")[1:]]
    return "".join(row for row in rows if word in row)


def _rows(tables: list[list[list[str]]], label: str) -> list[list[str]]:
    return [row for table in tables for row in table if any(normalise(cell).startswith(label) for cell in row)]


def test_parent_annexes_print_the_amount_as_a_ceiling(papers) -> None:
    rows = _rows(papers["01"], "2.4 Transports bērnam")
    # annex 1 (6.3): the quantity is the amount; annex 2 (6.4/6.5): no units × price; annex 3 (6.6): EUR a month
    annex1, annex2, annex3 = rows
    assert "līdz 120,40 EUR" in annex1 and "120,4" not in annex1
    # annex 2's headers („Summa, EUR”, „No IB, EUR”) name the unit: its cells hold the figure alone
    assert annex2[2:4] == ["pēc faktiskajām izmaksām", "līdz 120,40"] and annex2[-1] == "līdz 120,40"
    assert "1,00 EUR" not in " ".join(annex2)
    assert annex3[2:] == ["60,20 EUR", "60,20 EUR"]
    # the market line keeps its units and price
    market = _rows(papers["01"], "3.1.2i")[1]
    assert market[2:5] == ["10", "20,00", "200,00"]


@pytest.mark.parametrize("paper", ["02", "03"])
def test_provider_papers_print_the_amount_as_a_ceiling(papers, paper: str) -> None:
    services, months = _rows(papers[paper], "2.5 Specializētais transports")
    # the monthly sum is a phrase in a merged cell, with its unit; under „Summa no IB, EUR” the figure alone
    assert services[-2:] == ["pēc faktiskajām izmaksām, līdz 150,00 EUR mēnesī", "līdz 300,00"]
    assert not any("1,00 EUR" in cell for cell in services)
    assert months[-3:] == ["150,00 EUR", "150,00 EUR", "līdz 300,00 EUR"]


def test_choice_of_providers_prints_no_unit_price(papers) -> None:
    """05 (an annex of the parent's contract): the price of an actual-cost line is "pēc faktiskajām izmaksām"."""
    (row,) = _rows(papers["05"], "2.4 Transports bērnam")
    assert row[4] == "pēc faktiskajām izmaksām" and not any("EUR" in cell for cell in row)
    (market,) = _rows(papers["05"], "3.1.2i")
    assert market[4] == "20,00"  # under „Cena par vienību, EUR”: the figure alone
