"""Annex 1 of the parent contract carries 6.3's „Biežums, ilgums, termiņš” as the social worker typed it, beside
its line, as the signed matrix sheet 6.3 prints it (audit27 F8): a parent comparing the two sees the same plan."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.documents.from_matrix.context import build
from generator.documents.from_matrix.reading import TYPED_FREQUENCY, read_for_documents
from generator.documents.from_matrix.writing import render_child
from generator.ministry.templates import TemplateSource
from generator.workbook.names import write
from tests.documents.child_render import DAY, text
from tests.documents.from_matrix_helpers import funded_child

CONTRACT = "01-ligums-ar-vecaku"
HEADER = "Biežums, ilgums, termiņš"
TYPED = "1 reizi nedēļā"  # with " (N)": within the 28 characters 6.3 prints


def _annex_1(html: str) -> str:
    """The contract's annex 1 (from its heading to annex 2's)."""
    start = html.index("1. pielikums. Atbalsta plāna I daļa")
    return html[start:html.index("2. pielikums. Atbalsta plāna II daļa", start)]


def _rows(annex: str) -> list[list[str]]:
    return [[text(cell) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", annex, re.S)]


def test_annex_1_prints_each_lines_typed_frequency_from_the_matrix(catalogue: Catalogue, tmp_path: Path) -> None:
    child = funded_child(catalogue, tmp_path)
    wb = load_workbook(child.path)
    counted = [i for i, line in enumerate(child.inputs.lines) if line.counted]
    assert len(counted) >= 1
    typed = {i: f"{TYPED} ({k + 1})" for k, i in enumerate(counted)}
    write(wb, TYPED_FREQUENCY, [typed.get(i) for i in range(max(counted) + 1)])
    wb.save(child.path)

    reading = read_for_documents(child.path, catalogue, TemplateSource(catalogue), None)
    assert reading.refused == [], reading.refused
    assert [reading.typed_frequency[i] for i in counted] == [typed[i] for i in counted]
    context = build(reading, catalogue, pseudonymous=False, day=DAY)
    documents = render_child(catalogue, catalogue.municipality(child.municipality), context, DAY, False,
                             build_day=DAY)
    annex = _annex_1(next(d.html for d in documents if d.spec.id == CONTRACT))
    rows = _rows(annex)
    header = next(r for r in rows if HEADER in r)
    column = header.index(HEADER)
    lines = [r for r in rows if len(r) == len(header) and r is not header and r[0].endswith(".")]
    assert [r[column] for r in lines] == [typed[i] for i in counted]
    assert [r[2] for r in lines] == [line.label for line in context.lines]


def test_a_line_without_a_typed_frequency_leaves_its_cell_empty(catalogue: Catalogue) -> None:
    from tests.documents.child_render import child_html

    child, html = child_html(catalogue, 8)
    rows = _rows(_annex_1(html[CONTRACT]))
    header = next(r for r in rows if HEADER in r)
    [line] = [r for r in rows if len(r) == len(header) and r is not header]
    assert line[header.index(HEADER)] == "" and child.lines[0].typed_frequency == ""
