"""A municipal lawyer's reading of a child's papers from a matrix and of the loan contract (lawyertrial2): the
ministry's final amount F that is not set reads „nav noteikts” in every signed table that has it – the parent
contract's 4.5, its 2. pielikums and the grant decision's 4.1 and plan tables – never an empty amount cell that could
be filled in after signing (F1)."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from decimal import Decimal

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents import figures
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.writing import render_child
from generator.workbook.writer import template_date
from tests.documents.conftest import normalise
from tests.documents.from_matrix_helpers import plan_reading

CASE = "valmiera"
DAY = dt.date(2018, 9, 20)
F_ROW = "F – IB galīgais apmērs"


def _papers(catalogue: Catalogue, **values: object) -> tuple[object, dict[str, str]]:
    """A two-month plan of a regulated service by a fictional provider; the HTML of each paper by its id."""
    offers = catalogue.offers(template_date(catalogue))
    regulated = next(o for o in offers if o.service.regime in figures.REGULATED)
    reading = plan_reading(catalogue, CASE, (
        (regulated.id, 4, regulated.prefill_price or Decimal("5.00"), (2, 2), "SIA Izdomātā Aprūpe"),), **values)
    child = build(reading, catalogue, pseudonymous=False, day=DAY)
    documents = render_child(catalogue, catalogue.municipality(CASE), child, reading.data.params_day, False,
                             build_day=DAY)
    return child, {d.spec.id: d.html for d in documents}


def _cells(html: str, first: str) -> list[list[str]]:
    """The cell texts of every table row whose first cell starts with ``first``."""
    rows = []
    for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", html, re.S):
        cells = [normalise(html_lib.unescape(re.sub(r"<[^>]+>", " ", c)))
                 for c in re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", row, re.S)]
        if cells and cells[0].startswith(first):
            rows.append(cells)
    return rows


@pytest.fixture(scope="module")
def unset(catalogue: Catalogue) -> tuple[object, dict[str, str]]:
    return _papers(catalogue)


def test_an_unset_final_amount_reads_not_set_in_every_signed_table(unset) -> None:  # noqa: ANN001
    child, papers = unset
    assert not child.final
    contract, decision = papers["01-ligums-ar-vecaku"], papers["08-lemums-par-pieskirsanu"]
    # the parent contract's 4.5 table (as before) and its 2. pielikums, the decision's plan table
    assert _cells(contract, child.period)[0][3] == "nav noteikts"
    for paper in (contract, decision):
        [f_row] = _cells(paper, F_ROW)
        assert f_row[1] == "nav noteikts", f_row
    # the decision's 4.1 table: period, rate, P, A and F
    [granted] = _cells(decision, child.period)
    assert granted[-1] == "nav noteikts" and granted[-2] == normalise(child.available), granted


def test_a_final_amount_set_by_the_ministry_is_its_figure(catalogue: Catalogue) -> None:
    child, papers = _papers(catalogue, final=Decimal("1234.50"))
    assert normalise(child.final) == "1 234,50 EUR"
    for paper in (papers["01-ligums-ar-vecaku"], papers["08-lemums-par-pieskirsanu"]):
        [f_row] = _cells(paper, F_ROW)
        assert f_row[1] == normalise(child.final).removesuffix(" EUR"), f_row  # „Summa, EUR” names the unit
        assert "nav noteikts" not in f_row[1]
