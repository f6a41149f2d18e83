"""The cells every report workbook shares (generator.documents.reports.report_cells): a long text as a formula
Excel accepts, a wrapped note's height, absolute references to a sheet with a space in its name, the Excel day
number a due date caches, and a workbook only for an output the register lists."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports.report_cells import (
    LITERAL_CHARS,
    NOTE_CHARS_PER_UNIT,
    NOTE_LINE,
    absolute_cell,
    column_range,
    excel_serial,
    note_height,
    open_report_workbook,
    text_formula,
)


def _literals(formula: str) -> list[str]:
    """The string literals of a text_formula expression, unescaped."""
    return [part.replace('""', '"') for part in re.findall(r'"((?:[^"]|"")*)"', formula)]


def test_a_long_text_is_joined_from_literals_excel_keeps_whole() -> None:
    text = 'Piezīme „ar pēdiņām” un "citādām" pēdiņām. ' * 20  # 860 characters
    formula = text_formula(text)
    literals = _literals(formula)
    assert "".join(literals) == text
    assert len(literals) == -(-len(text) // LITERAL_CHARS)
    assert all(len(literal) <= 255 for literal in literals)  # Excel's limit for one literal
    assert formula.count('"&"') == len(literals) - 1
    assert text_formula("īss") == '"īss"'


def test_a_notes_row_is_as_tall_as_its_lines() -> None:
    per_line = int(10 * NOTE_CHARS_PER_UNIT)  # characters a line of 10 column units holds
    assert note_height("", 10) == NOTE_LINE
    assert note_height("x" * per_line, 10) == NOTE_LINE
    assert note_height("x" * (per_line + 1), 10) == 2 * NOTE_LINE
    assert note_height("x" * (3 * per_line), 10) == 3 * NOTE_LINE


def test_references_quote_the_sheet_and_fix_the_cell() -> None:
    assert absolute_cell("26 BIP", 4, 1) == "'26 BIP'!$B$5"
    assert column_range("29 Naudas plūsma", 6, 17, 0) == "'29 Naudas plūsma'!$A$7:$A$18"
    assert absolute_cell("Pārskats 'A'", 0, 27) == "'Pārskats ''A'''!$AB$1"


def test_a_due_date_caches_excels_day_number() -> None:
    assert excel_serial(dt.date(1900, 3, 1)) == 61  # after Excel's 29.02.1900
    assert excel_serial(dt.date(2019, 1, 15)) == 43480


def test_only_a_listed_report_workbook_is_opened(catalogue: Catalogue, tmp_path: Path) -> None:
    municipality = catalogue.pilot_municipalities()[0]
    with pytest.raises(KeyError, match="nav izvažu sarakstā"):
        open_report_workbook(catalogue, tmp_path / "x.xlsx", "nav-tada", municipality)
    assert not (tmp_path / "x.xlsx").exists()
