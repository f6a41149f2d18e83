"""A column whose header names the unit („Cena par vienību, EUR”, „Summa, EUR”, „No IB, EUR”, „Summa no IB, EUR”)
holds the figure alone in every cell – „20,00”, a blank „______” while it is unconfirmed, „līdz 120,40” for an
actual-cost ceiling –, never „20,00 EUR” repeating the header's unit: the parent contract's annex 2 (01), the
provider contract (02) and the guarantee letter (03), as 05 (test_providers_request_form.py); the DOCX made from the
same HTML reads the same. Amounts in running text keep their unit."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.docx_writer import write_docx
from generator.documents.from_matrix.context import BLANK, amount, build
from generator.documents.from_matrix.writing import render_child
from tests.documents.from_matrix_helpers import docx_tables, table_with, without_caption
from tests.documents.test_from_matrix_ib_share import _markets, _reading
from tests.documents.test_from_matrix_provider_terms import _text
from tests.documents.test_signed_acts import _child_contract

FIGURE = r"(līdz )?(\d{1,3}(\s\d{3})*,\d{2,4}|_{6})"
# the first header of each paper's table with unit columns
PAPERS = {"01-ligums-ar-vecaku": "Cena par vienību, EUR", "02-ligums-ar-sniedzeju-1": "Cena par vienību, EUR",
          "03-garantijas-vestule-1": "Cena par vienību, EUR"}


def _html_table(html: str, header: str) -> list[list[str]]:
    """The HTML table with ``header`` as rows of cell texts: its column headers, then its body rows."""
    table = html.split(header, 1)[0].rsplit("<table", 1)[1] + header + html.split(header, 1)[1].split("</table>", 1)[0]
    head = table.split("</thead>", 1)[0].rsplit("<tr>", 1)[1]
    body = table.split("</thead>", 1)[1]
    return ([[_text(c) for c in re.findall(r"<th[^>]*>(.*?)</th>", head)]]
            + [[_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)] for row in body.split("<tr")[1:]])


def _unit_cells(table: list[list[str]]) -> list[str]:
    """The cells under a header ending in „, EUR”: of every full row by its column, and a total row's last cell."""
    headers = table[0]
    columns = [k for k, h in enumerate(headers) if h.strip().endswith(", EUR")]
    assert columns, headers
    cells = []
    for row in table[1:]:
        if len(row) == len(headers):
            cells += [row[k].strip() for k in columns]
        elif row and row[0].strip().startswith("Kopā"):
            cells.append(row[-1].strip())
    return cells


@pytest.mark.parametrize("doc_id", list(PAPERS))
def test_a_column_naming_its_unit_holds_the_figure_alone(catalogue: Catalogue, tmp_path: Path, doc_id: str) -> None:
    doc = _child_contract(catalogue, 3, doc_id=doc_id)
    header = PAPERS[doc_id]
    docx = write_docx(doc.html, tmp_path / f"{doc_id}.docx", doc.spec.title, doc.version, doc.created)
    for table in (_html_table(doc.html, header), table_with(docx_tables(docx), header)):
        cells = _unit_cells(table)
        assert len(cells) >= 6, (doc_id, table)
        assert not [c for c in cells if "EUR" in c], (doc_id, cells)
        assert all(re.fullmatch(FIGURE, c) for c in cells), (doc_id, cells)
        assert "20,00" in cells and "120,00" in cells, (doc_id, cells)
        if not doc_id.startswith("01"):
            assert cells[-1] == "360,00", (doc_id, cells)  # the total row: three lines of 120,00


def test_an_unconfirmed_price_is_a_blank_without_its_unit(later_catalogue: Catalogue, tmp_path: Path) -> None:
    """Annex 2 of 01: a line at the catalogue's unconfirmed price (2.1) shows „______” under „Cena par vienību,
    EUR”, „Summa, EUR” and „No IB, EUR”; the confirmed line its figures."""
    catalogue = later_catalogue
    reading = _reading(catalogue, [(_markets(catalogue)[0], Decimal("20"), "SIA Viens", None),
                                   ("2.1", None, "SIA Pavadoņi", None)])
    child = build(reading, catalogue, pseudonymous=False)
    assert child.lines[1].price_figure == child.lines[1].cost_figure == child.lines[1].ib_figure == BLANK
    doc = next(d for d in render_child(catalogue, catalogue.municipality("ogre"), child, reading.data.params_day,
                                       False) if d.spec.id == "01-ligums-ar-vecaku")
    docx = write_docx(doc.html, tmp_path / "01.docx", doc.spec.title, doc.version, doc.created)
    for table in (_html_table(doc.html, PAPERS["01-ligums-ar-vecaku"]), table_with(docx_tables(docx), "No IB, EUR")):
        rows = {row[1].split(" ", 1)[0]: row for row in table[1:]}
        assert [c.strip() for c in rows["2.1"][3:5]] == [BLANK, BLANK] and rows["2.1"][-1].strip() == BLANK, table
        market = rows[_markets(catalogue)[0]]
        assert [c.strip() for c in market[3:5]] == ["20,00", "200,00"], table


def test_an_amount_without_its_unit() -> None:
    assert amount(Decimal("1234.5"), unit=False) == "1\u00a0234,50" and amount(Decimal(0), unit=False) == "0,00"
    assert amount(Decimal("1234.5"), confirmed=False, unit=False) == BLANK
    assert amount(Decimal("1234.5")) == "1\u00a0234,50\u00a0EUR" and amount(None, unit=False) == ""


IB_TABLE_HEADER = "IB apmērs"
IB_ROWS = ("P – IB provizoriskais apmērs", "N – IB nepieciešamais apmērs", "F – IB galīgais apmērs",
           "A – IB pieejamais apmērs", "No IB finansētie pakalpojumi", "K – IB kopējais apmērs")


def _ib_table_cells(table: list[list[str]]) -> dict[str, str]:
    """The „IB apmērs” table's amounts by the start of their row's label."""
    assert [h.strip() for h in table[0]] == [IB_TABLE_HEADER, "Summa, EUR"], table[0]
    return {row[0].strip(): row[1].strip() for row in table[1:] if len(row) == 2}


@pytest.mark.parametrize("doc_id", ["01-ligums-ar-vecaku", "08-lemums-par-pieskirsanu"])
def test_the_ib_amounts_table_names_its_unit_in_the_header(catalogue: Catalogue, tmp_path: Path, doc_id: str) -> None:
    """Fails on the old code: the „IB apmērs | EUR” table of 01's annex 2 and of 08 printed „3 100,00 EUR” under
    „EUR”; its header now says „Summa, EUR” and every cell holds the figure alone (or „nav noteikts” for an F not
    set), the PDF's HTML and the DOCX alike, and the act's note quotes „0,00” without the unit."""
    doc = _child_contract(catalogue, 3, doc_id=doc_id)
    docx = write_docx(doc.html, tmp_path / f"{doc_id}.docx", doc.spec.title, doc.version, doc.created)
    [in_docx] = [t for t in map(without_caption, docx_tables(docx)) if t[0][0].strip() == IB_TABLE_HEADER]
    for table in (_html_table(doc.html, f">{IB_TABLE_HEADER}</th>"), in_docx):
        cells = _ib_table_cells(table)
        figures = {label: cell for label, cell in cells.items() if not label.startswith("F –")}
        assert len(figures) >= 8 and all(any(label.startswith(r) for label in cells) for r in IB_ROWS), cells
        assert not [c for c in cells.values() if "EUR" in c], cells
        assert all(re.fullmatch(FIGURE, c) for c in figures.values()), cells
        assert next(c for label, c in cells.items() if label.startswith("F –")) == "nav noteikts", cells
    assert "ailē „EUR”" not in doc.html and "„0,00 EUR”" not in doc.html
    if doc_id.startswith("08"):
        assert "ailē „Summa, EUR” ir izmantotā daļa" in doc.html and "„0,00” nozīmē" in doc.html
