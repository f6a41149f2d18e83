"""The document every DOCX starts from and what each one sets up before its text: python-docx's template with the
writer's styles (fonts and sizes as the PDF's, the preparer's notes, footnotes) and the clause list, prepared once
and copied; the footer with "Lapa X no Y", a mark (MELNRAKSTS, ARHĪVA KOPIJA) with its watermark, and the core
properties."""

from __future__ import annotations

import copy
import datetime as dt
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from generator.documents import docx_xml
from generator.documents.docx_fields import footer_field
from generator.documents.docx_format import (
    BODY_PT,
    FONT,
    FOOTER_COLOUR,
    FOOTER_PT,
    FOOTNOTE_MARK_STYLE,
    FOOTNOTE_STYLE,
    LANGUAGE,
    LINE_SPACING,
    NUMBERING_ID,
    PREPARER_COLOUR,
    PREPARER_FILL,
    PREPARER_STYLE,
    SMALL_PT,
)
from generator.documents.docx_package import SHARED_STYLES, clean_template, pin_part_fonts, prune_styles

_FOOTNOTE_STYLES = (
    f'<w:styles {nsdecls("w")}>'
    f'<w:style w:type="paragraph" w:styleId="{FOOTNOTE_STYLE}"><w:name w:val="footnote text"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    f'<w:pPr><w:spacing w:after="40" w:line="{round(240 * LINE_SPACING)}" w:lineRule="auto"/></w:pPr>'
    f'<w:rPr><w:sz w:val="{SMALL_PT * 2}"/><w:szCs w:val="{SMALL_PT * 2}"/></w:rPr></w:style>'
    f'<w:style w:type="character" w:styleId="{FOOTNOTE_MARK_STYLE}"><w:name w:val="footnote reference"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>'
)


_STYLE_IDS: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}  # style_id


_PREPARED: list[DocxDocument] = []  # python-docx's template with our styles and clause numbering, made once


def prepared_document() -> DocxDocument:
    """A copy of python-docx's default template with the writer's styles and clause numbering: parsing the template
    and setting them up took ~30 % of a document's DOCX time; a deep copy of the prepared one gives the same
    bytes (bench/writer_speed.py compares every document with the writer that parsed it each time). The styles
    element is not copied (SHARED_STYLES)."""
    if not _PREPARED:
        doc = Document()
        _styles(doc)
        _clause_numbering(doc)
        clean_template(doc)
        prune_styles(doc)
        styles = doc.styles.element
        pin_part_fonts(styles)
        SHARED_STYLES[id(styles)] = doc.part.part_related_by(RELATIONSHIP_TYPE.STYLES).blob
        _PREPARED.append(doc)
    prepared = _PREPARED[0]
    styles = prepared.styles.element
    return copy.deepcopy(prepared, {id(styles): styles})


def style_id(doc: DocxDocument, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str | None:
    """A style's id by its name, looked up once per process: python-docx searches every style of the
    document by name, and again for the default style, each time a style is set by name. Every document
    starts from python-docx's own template (``Document()``), so the ids are the same in all of them."""
    key = (name, kind)
    if key not in _STYLE_IDS:
        _STYLE_IDS[key] = doc.part.get_style_id(name, kind)
    return _STYLE_IDS[key]


def _styles(doc: DocxDocument) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.element.rPr.rFonts.set(qn("w:cs"), FONT)
    _set_language(normal.element.rPr)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        run_defaults = defaults.find(qn("w:rPrDefault"))
        if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
            _set_language(run_defaults.find(qn("w:rPr")))
    settings = doc.settings.element
    font_lang = settings.find(qn("w:themeFontLang"))
    if font_lang is not None:
        font_lang.set(qn("w:val"), LANGUAGE)
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        # python-docx's template has <w:zoom w:val="bestFit"/>; ECMA-376 (wml.xsd, CT_Zoom) requires the
        # percent attribute, which Word writes itself (tests/documents/test_ooxml.py).
        zoom.set(qn("w:percent"), "100")
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = LINE_SPACING
    grid = styles["Table Grid"].element.get_or_add_pPr()
    spacing = grid.find(qn("w:spacing"))
    if spacing is not None:
        spacing.set(qn("w:line"), str(round(240 * LINE_SPACING)))
    for name, size in (("Heading 1", 14), ("Heading 2", 11), ("Heading 3", 10)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(10 if name != "Heading 1" else 0)
        style.paragraph_format.space_after = Pt(4)

    _preparer_style(styles)

def _clause_numbering(doc: DocxDocument) -> None:
    """One multilevel list: level 0 "1." (sections), level 1 "1.1." (clauses), level 2 "1.1.1." (points)."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(NUMBERING_ID))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "multilevel")
    abstract.append(multi)
    for level in range(3):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        # Schema order inside w:lvl: start, numFmt, lvlRestart, suff, lvlText, lvlJc.
        parts = [("w:start", "1"), ("w:numFmt", "decimal")]
        if level:
            parts.append(("w:lvlRestart", str(level)))
        else:
            parts.append(("w:pStyle", style_id(doc, "Heading 2")))  # the style numbers a new section
        parts += [("w:suff", "space"), ("w:lvlText", "".join(f"%{i + 1}." for i in range(level + 1))),
                  ("w:lvlJc", "left")]
        for tag, value in parts:
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            lvl.append(element)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(NUMBERING_ID))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(NUMBERING_ID))
    num.append(ref)
    numbering.append(num)
    styles = doc.styles.element
    for style in parse_xml(_FOOTNOTE_STYLES).findall(qn("w:style")):
        styles.append(style)
    heading = doc.styles["Heading 2"].element.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), str(NUMBERING_ID))
    num_pr.append(num_id)
    heading.insert_element_before(num_pr, *_AFTER_NUMPR)

def add_footer(section, title: str, version: str, text_width) -> None:  # version: the line under the title  # noqa: ANN001 - python-docx Section
    """As the PDF's page boxes: the title and, on a line of its own, the version on the left (wrapping inside
    their own column), "Lapa X no Y" at the right margin on the first line, 8 pt (audit14 F17). A borderless two-column table: a right tab after a
    wrapped title would fall to the next line and the default Footer style's centre tab."""
    right = Cm(3)
    table = section.footer.add_table(rows=1, cols=2, width=text_width)
    cell_padding(table, 0)
    for column, width in zip(table.columns, (text_width - right, right), strict=True):
        column.width = width
    left_cell, right_cell = table.rows[0].cells
    left_cell.width, right_cell.width = text_width - right, right
    left_cell.paragraphs[0].add_run(title).add_break()
    left_cell.paragraphs[0].add_run(version)
    page = right_cell.paragraphs[0]
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page.add_run("Lapa ")
    footer_field(page, "PAGE")
    page.add_run(" no ")
    footer_field(page, "NUMPAGES")
    for paragraph in (left_cell.paragraphs[0], page):
        paragraph.paragraph_format.space_after = Pt(0)
        for run in paragraph.runs:
            run.font.size = Pt(FOOTER_PT)
            run.font.color.rgb = FOOTER_COLOUR
    # A footer ends with a paragraph: the one python-docx made, moved under the table, kept tiny.
    trailing = section.footer.paragraphs[0]
    table._tbl.addnext(trailing._p)
    docx_xml.spacer(trailing._p, Pt(1))

def add_mark(section, mark: str) -> None:  # noqa: ANN001 - python-docx Section
    """A mark on every page, e.g. MELNRAKSTS on a draft: a line at the top and, as the PDF's div.draft-mark, a
    pale diagonal watermark anchored in the header, so it is on every page (audit33 F10)."""
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(mark)
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = RGBColor(0xB0, 0, 0)
    paragraph._p.append(parse_xml(_WATERMARK.format(text=escape(mark.split(" – ")[0], {"\"": "&quot;"}), quot="&quot;")))

def set_properties(doc: DocxDocument, title: str, version: str, created: dt.date, subject: str,
                   author: str) -> None:
    props = doc.core_properties
    stamp = dt.datetime(created.year, created.month, created.day)
    props.author = author
    props.last_modified_by = author
    props.title = title
    props.subject = subject
    props.comments = f"Kataloga versija {version}"
    props.keywords = "IBM; individuālais budžets"
    props.language = LANGUAGE
    props.created = stamp
    props.modified = stamp  # never printed: no lastPrinted
    props.revision = 1


def _set_language(run_properties) -> None:  # noqa: ANN001 - CT_RPr
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_properties.append(lang)
    for key in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(key), LANGUAGE)


# the elements after w:numPr in w:pPr (schema order)
_AFTER_NUMPR = ("w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _preparer_style(styles) -> None:  # noqa: ANN001 - python-docx Styles
    """The style PREPARER_STYLE: a red frame with a thick left rule, a pale red fill, dark red upright text."""
    style = styles.add_style(PREPARER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.quick_style = True
    style.font.color.rgb = RGBColor.from_string("7A0000")
    style.font.italic = False
    properties = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side, size in (("top", "4"), ("left", "18"), ("bottom", "4"), ("right", "4")):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "single"), ("w:sz", size), ("w:space", "3"), ("w:color", PREPARER_COLOUR)):
            edge.set(qn(key), value)
        borders.append(edge)
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", PREPARER_FILL)):
        shading.set(qn(key), value)
    properties.append(borders)
    properties.append(shading)
    style.paragraph_format.left_indent = Cm(0.2)
    style.paragraph_format.right_indent = Cm(0.2)
    style.paragraph_format.space_before = Pt(2)


def cell_padding(table, twips: int) -> None:  # noqa: ANN001 - python-docx Table
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))  # schema order: ... tblLayout, tblCellMar, tblLook, ...
    if look is not None:
        look.addprevious(margins)
    else:
        properties.append(margins)


# Word's own watermark (Design > Watermark): a VML text path in the header, behind the text, rotated 315 degrees,
# in the PDF's colour and opacity (templates/dokumenti/_pamats.html.j2, div.draft-mark); Writer shows it as Fontwork.
_WATERMARK = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word">'
    '<w:rPr><w:noProof/></w:rPr><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
    '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>'
    '<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>'
    '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:70pt;rotation:325;z-index:-251657216;'
    'mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;'
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#b00000" stroked="f">'
    '<v:fill opacity="7864f"/>'
    '<v:textpath style="font-family:{quot}Calibri{quot};font-size:1pt;font-weight:bold" string="{text}"/>'
    '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
)
