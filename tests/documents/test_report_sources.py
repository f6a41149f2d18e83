"""Sheet 26 „BIP” names where its parameters come from as a municipality reads it: the methodology's chapter by
number and title, never the seed's line numbers (audit19 F23)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.catalogue.catalogue import Catalogue
from generator.documents.reports.register_layout import S_BIP
from generator.documents.reports.source_text import readable_source
from tests.documents.workbook_values import report_workbooks


def test_sheet_26_cites_chapters_not_line_numbers(catalogue: Catalogue, tmp_path: Path) -> None:
    books = report_workbooks(catalogue, "liepaja", tmp_path)
    ws = books["izdevumu-registrs-un-parskati.xlsx"][S_BIP]
    sources = [c.value for row in ws.iter_rows() for c in row
               if isinstance(c.value, str) and c.value.startswith("Avots:")]
    assert len(sources) == 4, sources
    for text in sources:
        assert not re.search(r"\bL\d+", text), text
        assert "metodikas nodaļa „" in text, text
    assert "Avots: metodikas nodaļa „III.2.2 Atskaišu sagatavošana”" in sources


def test_readable_source_keeps_other_sources_and_names_decisions(catalogue: Catalogue) -> None:
    assert readable_source(catalogue, "LM rīkojums Nr. 99") == "LM rīkojums Nr. 99"
    assert readable_source(catalogue, "Metodika L1714; D9") == (
        "metodikas nodaļa „II.7 Vienas vienības izmaksu noteikšanas metodika”; lēmums D9")
    assert readable_source(catalogue, "Metodika L99999") == "metodika"


def test_every_amount_has_one_minus_sign_style(catalogue: Catalogue, tmp_path: Path) -> None:
    """audit21 F10: a negative amount prints with the same minus sign (U+2212) on every sheet – the register's
    corrections (28) and the computed months and balances (27, 29, 30) – never an ASCII hyphen on some."""
    books = report_workbooks(catalogue, "liepaja", tmp_path)
    money = {(name, ws.title, c.number_format) for name, wb in books.items() for ws in wb.worksheets
             for row in ws.iter_rows() for c in row if "#,##0.00" in c.number_format}
    assert {sheet for _, sheet, _ in money} >= {"27 Norēķini", "28 Reģistrs", "29 Naudas plūsma"}, money
    hyphen = sorted(f for f in money if ";" not in f[2] or "\u2212" not in f[2].split(";", 1)[1])
    assert not hyphen, hyphen
