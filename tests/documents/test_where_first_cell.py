"""D375: while a 6.11 rule row counts one, its „Kur redzams” names the first offending cell („pirmā: 6.8. tabula,
I35”, D371), and that is the value a file keeps. `ibm documents --from-matrix` and `ibm collect` name the tables of
a rule from that column only when they know no cell of the finding: then they name the tables the row says when it
counts none (the last text of its formula), never the saved first cell – it is the first of the rule's cells, not
necessarily the finding's – nor „pirmā:” as a table."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.places import (
    CHECKS_SHEET,
    CHECKS_WHERE,
    check_row,
    rule_place,
    where_tables,
)
from generator.ministry.matrix import Matrix
from generator.ministry.xlsxread import col_index
from generator.reference.findings import Finding, Severity
from generator.workbook.sheets import first_cell
from generator.workbook.sheets.technical import rule_row_of, rules, tables
from tests.documents.from_matrix_helpers import funded_child

NBSP = "\u00a0"


def test_a_plain_list_of_tables_is_said_as_it_is() -> None:
    assert where_tables("6.4.,  6.8. tabula") == "6.4., 6.8. tabula"
    assert where_tables(None) == ""


def test_a_first_cell_gives_the_tables_of_its_formula_or_else_its_own_table() -> None:
    formula = first_cell.where("E60", first_cell.PLACES["price_above_ceiling"], "6.4., 6.8. tabula")
    saved = f"{first_cell.FIRST}6.8.{NBSP}tabula, I35"
    assert where_tables(saved, formula) == "6.4., 6.8. tabula"
    assert where_tables(saved) == "6.8. tabula"  # a file kept the value alone: the first cell's table, no address
    assert where_tables(f"{first_cell.FIRST}6.3.{NBSP}tabula, G13,{NBSP}3.{NBSP}rinda") == "6.3. tabula"
    assert where_tables(f"{first_cell.FIRST}?") == "?"  # no table to read: the place as it is, without „pirmā:”


@pytest.fixture(scope="module")
def matrix(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A filled matrix saved by a script (openpyxl): its formulas kept, no value of them."""
    return funded_child(catalogue, tmp_path_factory.mktemp("first-cell")).path


@pytest.mark.parametrize("code", sorted(first_cell.PLACES))
def test_check_row_of_a_counting_rule_names_its_tables(matrix: Path, code: str) -> None:
    m = Matrix.open(matrix)
    row = rule_row_of(code)
    where = m.book.cells[CHECKS_SHEET][(row, col_index(CHECKS_WHERE))]
    assert where.formula and first_cell.FIRST in where.formula
    expected = tables(next(rule[3] for rule in rules("multipli") if rule[0] == code))
    assert where.value is None
    assert check_row(m, code, Severity.error) == (row, expected)  # no value kept: the formula's tables
    where.value = f"{first_cell.FIRST}6.6.{NBSP}tabula, E11,{NBSP}2.{NBSP}rinda"  # as LibreOffice or Excel saves it
    assert check_row(m, code, Severity.error) == (row, expected)
    finding = Finding(code, Severity.error, "Paraugs.")  # no line: no cell of its own, the row's tables
    assert rule_place(m, finding) == f"{expected}; 6.11. tabulas {row}. rinda"
