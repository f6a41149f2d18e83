"""Direct lxml building of the WordprocessingML elements docx_writer makes for every run, paragraph, row and cell.

python-docx's generic API finds a property's place among an element's children by looking for each of the
elements that may follow it in schema order (``first_child_found_in``, one ``find`` and one ``qn`` per possible
successor), and it does so for every run's bold, italic and size and every paragraph's keep-with-next: most of a
document's DOCX time (docs/benchmarks.md, docxspeed). These builders make the same elements, in the same order,
with the same attributes: the writer's output is byte-identical (bench/writer_speed.py, tests/documents/
test_docx_xml.py). They assume what the writer's elements always are: children in schema order.
"""

from __future__ import annotations

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import nsmap
from docx.oxml.parser import oxml_parser
from docx.oxml.simpletypes import ST_HpsMeasure, ST_SignedTwipsMeasure, ST_TwipsMeasure
from docx.shared import Emu, Pt
from lxml import etree

W_NS = nsmap["w"]
_W_MAP = {"w": W_NS}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> str:
    """The Clark name of ``w:tag`` ("{…/main}tag"), without python-docx's qn() prefix split on every call."""
    return f"{{{W_NS}}}{tag}"


P, R, T, PPR, RPR = w("p"), w("r"), w("t"), w("pPr"), w("rPr")
TBL, TC, TR, TRPR, TCPR, TCW = w("tbl"), w("tc"), w("tr"), w("trPr"), w("tcPr"), w("tcW")
HYPERLINK, KEEP_NEXT, CANT_SPLIT, TBL_HEADER = w("hyperlink"), w("keepNext"), w("cantSplit"), w("tblHeader")
BOLD, ITALIC, SZ = w("b"), w("i"), w("sz")
VAL, W_W, W_TYPE = w("val"), w("w"), w("type")

# schema order of w:pPr's and w:rPr's children (python-docx's CT_PPr and CT_RPr sequences)
_PPR_SEQUENCE = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers",
    "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
    "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
    "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl",
    "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
_RPR_SEQUENCE = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
    "lang", "eastAsianLayout", "specVanish", "oMath")
PPR_ORDER = {w(tag): rank for rank, tag in enumerate(_PPR_SEQUENCE)}
RPR_ORDER = {w(tag): rank for rank, tag in enumerate(_RPR_SEQUENCE)}


def element(clark: str) -> etree._Element:
    """A new element as python-docx's OxmlElement makes it (its custom class, the w namespace declared)."""
    return oxml_parser.makeelement(clark, nsmap=_W_MAP)


def insert_ordered(parent: etree._Element, child: etree._Element, order: dict[str, int]) -> etree._Element:
    """``child`` before the first child that follows it in schema order ``order``, else last."""
    rank = order[child.tag]
    for existing in parent:
        later = order.get(existing.tag)
        if later is not None and later > rank:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


def child(parent: etree._Element, clark: str, order: dict[str, int]) -> etree._Element:
    """``parent``'s child ``clark``, added in its schema place when missing (python-docx's get_or_add_x)."""
    found = parent.find(clark)
    if found is not None:
        return found
    # made in place (a sub-element needs no namespace declaration of its own), then moved to its place
    return insert_ordered(parent, etree.SubElement(parent, clark), order)


def properties(p: etree._Element) -> etree._Element:
    """A w:p's w:pPr, added as its first child when missing."""
    if len(p) and p[0].tag == PPR:
        return p[0]
    found = p.find(PPR)
    if found is not None:
        return found
    pPr = etree.SubElement(p, PPR)
    p.insert(0, pPr)
    return pPr


def keep_with_next(p: etree._Element) -> None:
    """``paragraph_format.keep_with_next = True``: a w:keepNext without a value (true is its default)."""
    keep = child(properties(p), KEEP_NEXT, PPR_ORDER)
    if VAL in keep.attrib:
        del keep.attrib[VAL]


def keeps_with_next(p: etree._Element) -> bool:
    """``paragraph_format.keep_with_next`` is true."""
    pPr = p.find(PPR)
    keep = pPr.find(KEEP_NEXT) if pPr is not None else None
    return keep is not None and keep.get(VAL, "true") not in ("0", "false", "off")


_HALF_POINTS: dict[float, str] = {}


def half_points(size: float) -> str:
    """w:sz's value for a font ``size`` in points, as python-docx writes ``font.size = Pt(size)``."""
    if size not in _HALF_POINTS:
        _HALF_POINTS[size] = ST_HpsMeasure.convert_to_xml(Pt(size))
    return _HALF_POINTS[size]


def format_run(r: etree._Element, bold: bool, italic: bool, size: float | None) -> None:
    """``run.bold = bold or None; run.italic = italic or None; run.font.size = Pt(size)`` (when ``size``):
    python-docx adds the w:rPr even when it stays empty."""
    rPr = r[0] if len(r) and r[0].tag == RPR else r.find(RPR)
    if rPr is None:  # a new run: its properties in schema order
        rPr = etree.SubElement(r, RPR)
        r.insert(0, rPr)
        if bold:
            etree.SubElement(rPr, BOLD)
        if italic:
            etree.SubElement(rPr, ITALIC)
        if size:
            etree.SubElement(rPr, SZ).set(VAL, half_points(size))
        return
    for clark, on in ((BOLD, bold), (ITALIC, italic)):
        found = rPr.find(clark)
        if on:
            if found is None:
                insert_ordered(rPr, etree.SubElement(rPr, clark), RPR_ORDER)
            elif VAL in found.attrib:
                del found.attrib[VAL]
        elif found is not None:
            rPr.remove(found)
    if size:
        child(rPr, SZ, RPR_ORDER).set(VAL, half_points(size))


_CONTROL = re.compile("([\t\r\n])")
TAB, BR = w("tab"), w("br")


def text_run(p: etree._Element, text: str, bold: bool, italic: bool, size: float | None) -> etree._Element:
    """python-docx's ``p.add_run(text)`` with format_run's properties, appended to ``p``: a w:t for each stretch
    of text, a w:tab for a tab and a w:br for a line break."""
    r = etree.SubElement(p, R)
    format_run(r, bold, italic, size)
    for piece in _CONTROL.split(text) if ("\t" in text or "\n" in text or "\r" in text) else (text,):
        if piece == "\t":
            etree.SubElement(r, TAB)
        elif piece in ("\r", "\n"):
            etree.SubElement(r, BR)
        elif piece:
            t = etree.SubElement(r, T)
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(_XML_SPACE, "preserve")
    return r


def plain_run(p: etree._Element, text: str = "") -> etree._Element:
    """``paragraph.add_run(text)`` with no properties set (no w:rPr)."""
    r = text_run(p, text, False, False, None)
    r.remove(r[0])
    return r


_HYPERLINK_RUN = f"{HYPERLINK}/{R}"


def first_unused(tc: etree._Element) -> etree._Element | None:
    """A fresh cell's one w:p when it is still empty (python-docx: one paragraph with no text and no runs)."""
    paragraphs = tc.findall(P)
    if len(paragraphs) != 1:
        return None
    p = paragraphs[0]
    if p.find(R) is not None or p.find(_HYPERLINK_RUN) is not None:  # a hyperlink's text is its runs'
        return None
    return p


def add_paragraph(tc: etree._Element) -> etree._Element:
    """A new w:p at the end of a cell (``cell.add_paragraph()``)."""
    return etree.SubElement(tc, P)


def set_width(tc: etree._Element, width) -> bool:  # noqa: ANN001 - a docx.shared.Length
    """``cell.width = width`` on a cell whose w:tcW python-docx's table already made; False when it has none."""
    tcPr = tc.find(TCPR)
    tcW = tcPr.find(TCW) if tcPr is not None else None
    if tcW is None:
        return False
    tcW.set(W_TYPE, "dxa")
    tcW.set(W_W, str(Emu(width).twips))
    return True


def row_properties(tr: etree._Element) -> etree._Element:
    """A w:tr's w:trPr (after a w:tblPrEx, before the cells), added when missing."""
    found = tr.find(TRPR)
    if found is not None:
        return found
    trPr = etree.SubElement(tr, TRPR)
    first = tr[0] if len(tr) else None
    if first is not None and first.tag == w("tblPrEx"):
        first.addnext(trPr)
    else:
        tr.insert(0, trPr)
    return trPr


def cant_split(tr: etree._Element) -> None:
    """The row cannot split across pages: a w:cantSplit first in its w:trPr."""
    trPr = row_properties(tr)
    if trPr.find(CANT_SPLIT) is None:
        trPr.insert(0, etree.SubElement(trPr, CANT_SPLIT))


def cell_paragraphs(tr: etree._Element):  # noqa: ANN201 - an iterator of w:p
    """The paragraphs directly in a row's cells (python-docx's ``for cell in row.cells: cell.paragraphs`` for a
    row without vertical merges; a cell spanning columns is visited once, its keep-with-next set once)."""
    for tc in tr.iterchildren(TC):
        yield from tc.iterchildren(P)


SPACING, JC, PSTYLE, SECTPR = w("spacing"), w("jc"), w("pStyle"), w("sectPr")


def twips(length) -> str:  # noqa: ANN001 - a docx.shared.Length
    """A length as python-docx writes w:spacing's twips attributes."""
    return ST_TwipsMeasure.convert_to_xml(length)


def spacing(p: etree._Element, *attributes: tuple[str, str]) -> None:
    """Set w:spacing's attributes (("before", "0"), …) in the given order, as the paragraph_format setters would
    one after the other (an attribute already there keeps its place)."""
    element = child(properties(p), SPACING, PPR_ORDER)
    for name, value in attributes:
        element.set(w(name), value)


def spacer(p: etree._Element, height) -> None:  # noqa: ANN001 - a docx.shared.Length
    """docx_writer._spacer: no space before or after, the line exactly ``height``."""
    spacing(p, ("before", "0"), ("after", "0"), ("lineRule", "exact"),
            ("line", ST_SignedTwipsMeasure.convert_to_xml(height)))


def align(p: etree._Element, alignment) -> None:  # noqa: ANN001 - WD_ALIGN_PARAGRAPH
    """``paragraph.alignment = alignment``."""
    child(properties(p), JC, PPR_ORDER).set(VAL, WD_ALIGN_PARAGRAPH.to_xml(alignment))


def style(p: etree._Element, style_id: str | None) -> None:
    """``p.style = style_id``: the paragraph's w:pStyle (none: removed, the w:pPr stays)."""
    pPr = properties(p)
    if style_id is None:
        found = pPr.find(PSTYLE)
        if found is not None:
            pPr.remove(found)
        return
    child(pPr, PSTYLE, PPR_ORDER).set(VAL, style_id)
