"""The workbook page is the record of the matrix's interface (D290): it says the current interface version, lists
where each plan line sits inside the spaced plan names exactly as the layout puts it, and an outside tool that reads a
filled version-2 matrix with openpyxl by those offsets – knowing nothing of the toolkit – gets the reference's plan."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from generator.catalogue.catalogue import Catalogue
from generator.workbook.layout import (
    INTERFACE_VERSION,
    PLAN_ROWS,
    SPACER_LINES,
    block_rows,
    line_offsets,
)
from tests.htmltext import html_text
from tests.site.conftest import BuiltSite
from tests.site.htmltables import tables

HEADER = ["Plāna rindas", "Rindas nosaukumā", "Nobīde no nosaukuma pirmās rindas"]


def _numbers(cell: str) -> list[int]:
    """ "6.–10." -> [6, …, 10]; "3." -> [3]; "0–4" -> [0, …, 4]."""
    found = [int(n) for n in re.findall(r"\d+", cell)]
    assert 1 <= len(found) <= 2, cell
    return list(range(found[0], found[-1] + 1))


def page_offsets(site: BuiltSite) -> list[int]:
    """Each plan line's offset inside a spaced plan name, as the page's table gives it (checked against its rows)."""
    table = next(t for t in tables(site.html("matrica.html")) if t.header == HEADER)
    lines, rows, offsets = [], [], []
    for line_cell, row_cell, offset_cell in table.rows:
        lines += _numbers(line_cell)
        rows += _numbers(row_cell)
        offsets += _numbers(offset_cell)
    assert lines == list(range(1, len(lines) + 1))
    assert len(lines) == len(rows) == len(offsets) and rows == [o + 1 for o in offsets]
    return offsets


def test_the_page_lists_the_layouts_offsets_and_spacers(built_site: BuiltSite) -> None:
    offsets = page_offsets(built_site)
    assert offsets == list(line_offsets()) and len(offsets) == PLAN_ROWS
    text = " ".join(html_text(built_site.html("matrica.html")).split())
    assert f"Jaunās matricās tā ir {INTERFACE_VERSION}" in text
    assert f"saskarnes versija (šai tabulai „{INTERFACE_VERSION}”" in text
    lines = ", ".join(f"{s + 1}." for s in SPACER_LINES[:-1]) + f" un {SPACER_LINES[-1] + 1}."
    assert f"aptver {block_rows()} rindas: {PLAN_ROWS} plāna rindas un {len(SPACER_LINES)} tukšas atstarpes " \
           f"rindas, pa vienai tieši pirms {lines} plāna rindas" in text
    spacer_rows = sorted(set(range(1, block_rows() + 1)) - {o + 1 for o in offsets})
    assert f"atstarpes ir nosaukuma {', '.join(f'{r}.' for r in spacer_rows[:-1])} un {spacer_rows[-1]}. rindā" in text
    # the names of 6.4 keep one row per line: named as unchanged, not among the spaced ones
    changed = text[text.index("Kas versijā"):text.index("Plāna rindas Rindas nosaukumā")]
    spaced = changed[:changed.index("aptver")]
    assert "`" not in spaced and "Plans_Daudzums" in spaced and "Fakt_Summa" in spaced and "Plans_Cena" not in spaced
    assert "Plans_Cena" in changed[changed.index("aptver"):]


@pytest.fixture(scope="module")
def filled(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from tests.ministry.factory import generic_template, make_children, write_children

    folder = tmp_path_factory.mktemp("saskarne-2")
    children = [c for c in make_children(catalogue, 12, seed=2902, one_period=True)
                if len(c.inputs.lines) > SPACER_LINES[2] + 1]  # lines after three spacer rows
    assert children
    child = write_children(catalogue, generic_template(catalogue, folder), children[:1], folder / "matricas")[0]
    return child, child.path


def _range(wb, name: str) -> list[list[object]]:  # noqa: ANN001
    """The values of a defined name's rectangle, row by row, as any openpyxl user reads them."""
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    cells = wb[sheet][ref.replace("$", "")]
    return [[cells.value]] if ":" not in ref else [[c.value for c in row] for row in cells]


def test_an_outside_tool_reads_a_version_2_matrix_by_the_pages_offsets(built_site: BuiltSite, filled) -> None:  # noqa: ANN001
    child, path = filled
    offsets = page_offsets(built_site)
    wb = load_workbook(path)
    assert str(_range(wb, "IBM_Saskarne")[0][0]) == INTERFACE_VERSION
    items, units = _range(wb, "Plans_Pakalpojums"), _range(wb, "Plans_Daudzums")
    months = _range(wb, "Men_Daudzums")
    assert len(items) == len(units) == len(months) == block_rows()
    assert len(_range(wb, "Plans_Cena")) == PLAN_ROWS  # 6.4's names: one row per line
    spacers = [k for k in range(block_rows()) if k not in offsets]
    assert all(items[k][0] is None and units[k][0] is None and not any(months[k]) for k in spacers)
    lines = child.inputs.lines
    for i, line in enumerate(lines):
        row = offsets[i]
        if line.offer_id is None:
            assert items[row][0] is None, i
            continue
        assert str(items[row][0]).split(" ")[0] == line.offer_id, i  # "3.1.2i Ergoterapeits, …"
        assert Decimal(str(units[row][0])) == line.units, i
        planned = [Decimal(str(v or 0)) for v in months[row][:len(line.planned_units)]]
        assert planned == list(line.planned_units), i
    # the lines after the child's are empty at their offsets too
    assert all(items[offsets[i]][0] is None for i in range(len(lines), PLAN_ROWS))
