"""Where a DOCX document may break between pages: header rows that repeat and stay with the first body row, runs
of blocks kept on one page (a closing clause and its signatures), lead-in lines kept with what they introduce, and
the writing boxes that let a keep-with-next chain move (issue 11 item 7)."""

from __future__ import annotations

from docx.oxml.ns import qn

from generator.documents import docx_xml
from generator.documents.htmltree import Node

FILL_IN_ROWS = 6  # a table of at most this many rows, all its body rows empty to fill in, moves whole


def is_fill_in(rows: list[Node], header_rows: int) -> bool:
    """A short table whose body rows are empty rows to write in (tr.blank, a total row under them): split at a page
    foot it left one empty row behind (audit33 F12); the PDF moves it whole."""
    body = rows[header_rows:]
    return (any("blank" in r.classes for r in body)
            and all("blank" in r.classes or ("total" in r.classes and not any(
                c.text().strip() for c in r.elements() if "num" in c.classes)) for r in body))


def keep_row_with_next(row) -> None:  # noqa: ANN001 - lxml w:tr
    for p in row.iter(qn("w:p")):
        docx_xml.keep_with_next(p)


def keep_leads(body) -> None:  # noqa: ANN001 - lxml w:body
    """Generic rules for the lines that introduce what follows them (audit33 F2, F3): a paragraph right before a
    table (its caption) and a paragraph ending in ":" (a lead-in to its list, table or fields) keep with the next
    block, as the PDF's p.lead, h2 and caption rules keep them."""
    children = [e for e in body if e.tag in (qn("w:p"), qn("w:tbl"))]
    for element, following in zip(children, children[1:], strict=False):
        if element.tag != qn("w:p"):
            continue
        text = "".join(t.text or "" for t in element.iter(qn("w:t"))).strip()
        if text and (following.tag == qn("w:tbl") or text.endswith(":")):
            docx_xml.keep_with_next(element)


FIELD_LABELS_MAX = 80  # characters: a row of one-paragraph field labels that prints on one line (chain_through_tables)


def chain_through_tables(body) -> None:  # noqa: ANN001 - lxml w:body
    """A writing box (a table of one empty row to write in, e.g. 09's "Pielikumā") inside a keep-with-next chain
    lets the chain move with it: its row may split. Writer (7.4) takes a table whose rows all cannot split for one
    that cannot split at all, and such a table does not move to the next page with what it keeps with: 09's closing
    section, its box for the annexes and the signatures stay on one page in the PDF, but Writer printed the
    signatures alone on a last page (issue 11 item 7, D175). The box's paragraph still keeps with the next block,
    so the row only splits when the whole chain is longer than a page. A one-line row of field labels
    („Sociālā darbinieka tālrunis | E-pasts” before 29's signatures) is treated the same: it cannot split anyway,
    and with cantSplit Writer left 29's signatures alone on page 2. Rows with longer text keep their cantSplit."""
    for table in (e for e in body if e.tag == qn("w:tbl")):
        following = table.getnext()
        rows = table.findall(qn("w:tr"))
        if following is None or following.tag == qn("w:sectPr") or len(rows) != 1:
            continue
        paragraphs = list(rows[0].iter(qn("w:p")))
        one_line = (len("".join(t.text or "" for t in rows[0].iter(qn("w:t")))) <= FIELD_LABELS_MAX
                    and all(len(cell.findall(qn("w:p"))) == 1 for cell in rows[0].iter(qn("w:tc"))))
        if not one_line or not all(
                docx_xml.keeps_with_next(p) for p in paragraphs):
            continue
        properties = rows[0].find(qn("w:trPr"))
        split = properties.find(qn("w:cantSplit")) if properties is not None else None
        if split is not None:
            properties.remove(split)


def header_row(tr) -> None:  # noqa: ANN001 - lxml w:tr
    """Repeat the row on every page; keep it with the first body row (never alone at a page's foot)."""
    docx_xml.cant_split(tr)
    properties = docx_xml.row_properties(tr)
    if properties.find(docx_xml.TBL_HEADER) is None:
        properties.append(docx_xml.element(docx_xml.TBL_HEADER))
    for p in docx_xml.cell_paragraphs(tr):
        docx_xml.keep_with_next(p)


def keep_together(elements: list) -> None:
    """Keep a run of body elements on one page: every paragraph keeps with the next, no row splits, and
    the paragraphs of every row but the last keep with the next row."""
    items = [e for e in elements if e.tag in (docx_xml.P, docx_xml.TBL)]
    for index, element in enumerate(items):
        last = index == len(items) - 1
        if element.tag == docx_xml.P:
            if not last:
                docx_xml.keep_with_next(element)
            continue
        rows = element.findall(docx_xml.TR)
        for r, tr in enumerate(rows):
            docx_xml.cant_split(tr)
            if last and r == len(rows) - 1:
                continue
            for p in docx_xml.cell_paragraphs(tr):
                docx_xml.keep_with_next(p)
