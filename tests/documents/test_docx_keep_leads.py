"""Generic keep rules of the DOCX writer (audit33 F2, F3, F12): a caption right before a table and a lead-in ending
in ":" stay with what follows; a short table of empty fill-in rows moves to the next page whole, and a note under
it stays with its last row; a table whose column shares add up to more than 100 % fits the text width (F8)."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.oxml.ns import qn

from generator.catalogue.catalogue import Catalogue
from generator.documents.build_step import render_municipality
from generator.documents.docx_writer import html_to_docx
from generator.documents.registry import by_id


def _docx(main: str) -> Document:
    html = f"<html><body><main>{main}</main></body></html>"
    return Document(io.BytesIO(html_to_docx(html, "T", "2023-04-01+12ef49f0", dt.date(2020, 1, 1))))


def _paragraph(docx: Document, start: str):  # noqa: ANN202 - python-docx Paragraph
    return next(p for p in docx.paragraphs if p.text.startswith(start))


def _kept(paragraph) -> bool:  # noqa: ANN001
    return bool(paragraph.paragraph_format.keep_with_next)


ROW = "<tr><td>{}</td><td>{}</td></tr>"


def test_a_caption_and_a_lead_in_keep_with_what_follows() -> None:
    docx = _docx("<p>Atbalsta plāna aprēķins (IBM matricas 6.4. tabula)</p>"
                 f"<table class='grid'>{ROW.format('a', 'b')}</table>"
                 "<p>Lēmums pieņemts, pamatojoties uz:</p><ul><li>likumu;</li><li>noteikumiem.</li></ul>"
                 "<p>Parasts teikums.</p><p>Vēl viens teikums.</p>")
    assert _kept(_paragraph(docx, "Atbalsta plāna aprēķins"))
    assert _kept(_paragraph(docx, "Lēmums pieņemts"))
    assert not _kept(_paragraph(docx, "Parasts teikums"))


def _rows_kept(table) -> list[bool]:  # noqa: ANN001 - python-docx Table
    return [all(_kept(p) for c in row.cells for p in c.paragraphs) for row in table.rows]


def test_a_short_table_of_fill_in_rows_moves_whole_and_keeps_its_note() -> None:
    blank = "<tr class='blank'><td></td><td></td></tr>"
    docx = _docx(f"<p>Pakalpojumi:</p><table class='grid'><thead><tr><th>A</th><th>B</th></tr></thead>{blank * 4}"
                 "<tr class='total'><td><strong>Kopā</strong></td><td class='num'></td></tr></table>"
                 "<p class='note'>Ailē ieraksta skaitu.</p>"
                 f"<table class='grid'><thead><tr><th>A</th><th>B</th></tr></thead>{ROW.format('1', '2') * 4}</table>")
    fill_in, filled = docx.tables
    assert _rows_kept(fill_in) == [True] * 6  # the last row too: the note under it stays with the table
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in fill_in.rows)
    assert _rows_kept(filled) == [True, False, False, False, False]  # a filled table splits as before


def test_the_audited_places_keep_together(catalogue: Catalogue) -> None:
    """08 "2.1. Lēmums pieņemts, pamatojoties uz:" with its list (F3); 03's empty table 2.2 whole (F12)."""
    docs = render_municipality(catalogue, catalogue.municipality("jelgava"),
                               [by_id("08-lemums-par-pieskirsanu"), by_id("03-garantijas-vestule")])
    decision, letter = (Document(io.BytesIO(html_to_docx(d.html, d.spec.title, d.version, d.created))) for d in docs)
    assert _kept(_paragraph(decision, "Lēmums pieņemts, pamatojoties uz:"))
    services = next(t for t in letter.tables if t.rows[0].cells[0].text == "Pakalpojums")
    assert all(_rows_kept(services))


def test_column_shares_over_a_hundred_percent_still_fit_the_text_width() -> None:
    """19's table "3. Pakalpojumi un atbalsts" gives its columns 105 % (audit33 F8): the DOCX table stays inside
    the margins, as the PDF's does, its columns in the same proportions."""
    head = "".join(f"<th data-w='{w}'>K{w}</th>" for w in (5, 35, 25, 15, 25))
    docx = _docx(f"<table class='grid small'><thead><tr>{head}</tr></thead>"
                 "<tr class='blank'><td>1.</td><td></td><td></td><td></td><td></td></tr></table>")
    grid = [int(c.get(qn("w:w"))) for c in docx.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    section = docx.sections[0]
    text_width = (section.page_width - section.left_margin - section.right_margin) / 635  # twips
    assert sum(grid) <= text_width + 1 and grid[1] > grid[2] > grid[3] > grid[0]


def test_a_longer_fill_in_table_splits_but_leaves_no_single_row_behind() -> None:
    """12's table of eight rows to fill in may split as in the PDF, but never with one row alone on a page."""
    blank = "<tr class='blank'><td></td><td></td></tr>"
    docx = _docx(f"<table class='grid'><thead><tr><th>A</th><th>B</th></tr></thead>{blank * 8}</table>")
    assert _rows_kept(docx.tables[0]) == [True, True, False, False, False, False, True, True, False]
