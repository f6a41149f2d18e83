"""DOCX from the same semantic HTML the PDF is printed from, so both carry identical text, headings and tables.

Mapping: h1-h3 -> Heading 1-3; p -> paragraph; p.field (a labelled blank line) -> label + a tab whose leader
is a line up to the right edge; p.lead (a line introducing a table) -> kept with the next; ul/ol -> list
paragraphs; table.grid -> a bordered table (th bold, shaded); table.plain -> a borderless layout table;
tr.blank -> an empty row tall enough to write in; thead rows ->
header rows repeated on every page and kept with the next row; div.keep -> paragraphs kept with the next and
table rows that cannot split (the closing clause and the signatures stay on one page); div.attached -> the same,
and the paragraph above keeps with it (an annex's signatures stay with its last rows); table.keep-tail -> its
last two rows kept with what follows; table.whole (a short table) -> every row but the last kept with the next;
tr.total -> the row above it kept with it; div.writing-area -> its label and a bordered box as tall as its ruled
lines, to type into; span.nr (a clause number from generator/documents/numbering.py) -> an item of one Word
multilevel list (Heading 2 is linked to its first level; a h2 with the next section number typed, "3. Mērķi", becomes
that item); span.ref (numbering.ref) -> a REF field to a bookmark on the clause it names; a paragraph before a table
or ending in ":" -> kept with the next; div.page-break -> the next paragraph starts a page (pageBreakBefore). A mark
(MELNRAKSTS, ARHĪVA KOPIJA) -> a header line and a diagonal watermark. The footer carries the
title, the catalogue version's id and "Lapa X no Y" in the same font and size as the PDF's. Language lv-LV; no template leftovers in the package
(thumbnail, application).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
import zlib
from html import unescape
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.run import CT_R
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from generator import lvformat
from generator.documents import docx_xml
from generator.documents.docx_widths import fit_longest_words, longest_word
from generator.documents.html import PREPARER_LABEL, WORD_JOINER
from generator.documents.htmltree import Node, parse
from generator.file_author import TOOLKIT

APPLICATION = TOOLKIT
AUTHOR = APPLICATION  # when the HTML names no author (the documents name the social service that issues them)
_AUTHOR_META = re.compile(r'<meta name="author" content="([^"]*)">')
# the subject names the kind of the document's round (round_rules.kind_context "temats"): the pilot's papers
# "IBM izmēģinājumprojekts", a later round's "IBM programmas kārta"; HTML without it (tests) just "IBM"
_SUBJECT_META = re.compile(r'<meta name="subject" content="([^"]*)">')
_FORM_META = re.compile(r'<meta name="ibm-veidlapa" content="([^"]*)">')  # the footer's form reference
DEFAULT_SUBJECT = "IBM"
# Calibri: every Word on a municipal PC has it (DejaVu Sans, used before, is missing on Windows and Word substituted
# another font). The PDF is printed in Carlito, Calibri's metric-compatible twin (templates/dokumenti/_stils.css), at
# the same sizes, so lines and pages break alike; LibreOffice prints the DOCX with Carlito as well (D68).
FONT = "Calibri"
PDF_FONT = "Carlito"
BODY_PT = 9.5
FOOTER_PT = 8
FOOTER_COLOUR = RGBColor(0x33, 0x33, 0x33)
SMALL_PT = 8  # p.note, p.small, p.annex (templates/dokumenti/_stils.css)
TABLE_PT = 8.5  # th and the cells of table.small
TABLE_GAP = Pt(8)  # the PDF's margin under a table
# a ruled line of a div.writing-area in the PDF: 10 pt above it and an 11 pt line with its 0.6 pt rule (_stils.css);
# the DOCX box was 0.6 cm a line, and 09 took a page less in Writer than in the PDF (D171)
RULED_LINE = Pt(21.6)
BLANK_ROW = Pt(20)  # tr.blank: the PDF's 16 pt cell and 2 pt padding above and below (0.8 cm made 06 a page longer)
CELL_PADDING_TWIPS = 80  # 4 pt left and right, as table.grid td in the PDF (Word's default is 5.4 pt)
# The PDF's line-height: 1.35 of the font size (_stils.css). Word's and Writer's "multiple" line spacing multiplies
# the font's own line height, 1.2207 em for Calibri and Carlito (ascent 1950 + descent 550 of 2048 units): 1.35 /
# 1.2207 = 1.106 lines. python-docx's template had 1.15 lines (15.4 pt for 9.5 pt text against the PDF's 12.8 pt),
# and its footer stood higher than the PDF's, in the body's space: 23 took two pages in Writer (audit33 F9, D171).
LINE_SPACING = 1.35 / 1.2207
FOOTER_DISTANCE = Cm(0.6)  # the footer's two 8 pt lines centred in the 2 cm bottom margin, as the PDF's page boxes
WORD_CELL_PADDING_TWIPS = 108  # a table that sets none (table.plain)
LANGUAGE = "lv-LV"
NUMBERING_ID = 90  # abstractNum / num id of the clause list (the template's own lists use small ids)
_WS = re.compile(r"[ \t\n\r\f]+")
# A note's mark (generator/documents/legal.py, Citations): superscript digits right after the blank it explains,
# "______¹" or "______ EUR²" (a superscript digit elsewhere, "17.¹ pants", is an article's number, no mark).
_MARK_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_MARK = re.compile(f"(?:(?<=_)|(?<=_ EUR)|(?<=_\u00a0EUR))([{_MARK_DIGITS}]+)")
_NOTE_MARK = re.compile(f"^\\s*([{_MARK_DIGITS}]+) ")
# the paragraph style of an instruction to the preparer (html.preparer_notes, D161): named as its label says, shaded
# and framed in red, upright, so that an editor tells it from the act's own italic "Piezīme." notes and can select
# every one of them by the style before signing (audit43 F8)
PREPARER_STYLE = "Piezīme sagatavotājam"
PREPARER_COLOUR = "B00000"
PREPARER_FILL = "FBE9E9"
FOOTNOTE_STYLE = "FootnoteText"
FOOTNOTE_MARK_STYLE = "FootnoteReference"
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
# "01.10.2018–31.03.2019" stays on one line: Word and Writer may break after an en dash (word joiners bind it).
_DATE_RANGE_DASH = re.compile(r"(?<=\d\.\d{4})\u2013(?=\d{2}\.)")
BLOCK_TAGS = {"h1", "h2", "h3", "h4", "p", "ul", "ol", "table", "div", "section", "header", "footer"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 3}


_STYLE_IDS: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}  # _Writer._style_id


_PREPARED: list[DocxDocument] = []  # python-docx's template with our styles and clause numbering, made once
# The prepared styles part's w:styles (its fonts pinned as _pin_font pins them) and its bytes: no document changes its
# styles, so every document shares that element and writes those bytes; copying, pinning and serialising the
# template's 350 kB of styles (22 kB since the unused ones are left out) for each document was a fifth of its DOCX
# time (docs/benchmarks.md, docxspeed).
_SHARED_STYLES: dict[int, bytes] = {}


def _prepared_document() -> DocxDocument:
    """A copy of python-docx's default template with _Writer's styles and clause numbering: parsing the template
    and setting them up took ~30 % of a document's DOCX time; a deep copy of the prepared one gives the same
    bytes (bench/writer_speed.py compares every document with the writer that parsed it each time). The styles
    element is not copied (_SHARED_STYLES)."""
    if not _PREPARED:
        base = _Writer.__new__(_Writer)
        base.doc = Document()
        base._styles()
        base._clause_numbering()
        _clean_template(base.doc)
        _prune_styles(base.doc)
        styles = base.doc.styles.element
        _pin_part_fonts(styles)
        _SHARED_STYLES[id(styles)] = base.doc.part.part_related_by(RELATIONSHIP_TYPE.STYLES).blob
        _PREPARED.append(base.doc)
    prepared = _PREPARED[0]
    styles = prepared.styles.element
    return copy.deepcopy(prepared, {id(styles): styles})


# the last elements of w:settings in schema order, from the first the writer adds (ECMA-376 CT_Settings)
_SETTINGS_TAIL = ("w:updateFields", "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars",
                  "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
                  "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                  "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
                  "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")


def _add_setting(settings, element) -> None:  # noqa: ANN001 - lxml w:settings and the element to add
    """``element`` (one of _SETTINGS_TAIL) in w:settings where the schema puts it: before the first later one."""
    names = [qn(t) for t in _SETTINGS_TAIL]
    later = set(names[names.index(element.tag) + 1:])
    following = next((e for e in settings if e.tag in later), None)
    if following is not None:
        following.addprevious(element)
    else:
        settings.append(element)
_UNUSED_FONTS = ("\uff2d\uff33 \u660e\u671d", "\uff2d\uff33 \u30b4\u30b7\u30c3\u30af", "Courier")  # MS Mincho, MS Gothic


# The styles the writer gives paragraphs, runs and tables by name (_new_paragraph, table grids, preparer notes) and by
# id (footnotes; python-docx's header and footer parts say "Header" and "Footer"): the template's other ~160 styles
# ("Light Shading Accent 1", "macro", "Body Text 3" …) are left out (audit29 F11) – a name used without being listed
# here is a KeyError in every test that writes a DOCX (tests/documents/test_docx_package.py).
WRITER_STYLE_NAMES = ("Normal", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Paragraph", "Table Grid",
                      PREPARER_STYLE)
WRITER_STYLE_IDS = (FOOTNOTE_STYLE, FOOTNOTE_MARK_STYLE, "Header", "Footer")
_STYLE_REFERENCES = ("w:basedOn", "w:link", "w:next", "w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink",
                     "w:styleLink")


def _prune_styles(document) -> None:  # noqa: ANN001 - docx.document.Document
    """Keep only the styles the writer uses, the defaults and every style they or the numbering refer to."""
    styles = document.styles.element
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    wanted = [document.styles[name].style_id for name in WRITER_STYLE_NAMES] + list(WRITER_STYLE_IDS)
    wanted += [i for i, style in by_id.items() if style.get(qn("w:default")) in ("1", "true", "on")]
    numbering = document.part.numbering_part.element
    wanted += [e.get(qn("w:val")) for tag in _STYLE_REFERENCES for e in numbering.iter(qn(tag))]
    kept: set[str] = set()
    while wanted:
        style_id = wanted.pop()
        if style_id in kept or style_id not in by_id:
            continue
        kept.add(style_id)
        wanted += [e.get(qn("w:val")) for tag in _STYLE_REFERENCES for e in by_id[style_id].iter(qn(tag))]
    for style_id, style in by_id.items():
        if style_id not in kept:
            styles.remove(style)


def _clean_template(document) -> None:  # noqa: ANN001 - docx.document.Document
    """Leave out what python-docx's template carries from the Word that made it (audit33 F7): its bibliography
    store (customXml), the preview-picture flag, its revision ids (rsid) and document id (every document had the same
    w14:docId; none is as valid and keeps the output reproducible), en-US number separators (lv-LV: decimal ",",
    list ";"), the theme's Cambria body font (the document's font instead) and the East Asian and Courier fonts no
    run uses. The template's default styles stay: python-docx looks styles up by name and the writer uses several."""
    rels = document.part.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith("/customXml")]:
        rels.pop(rid)
        rels._target_parts_by_rId.pop(rid, None)
    settings = document.settings.element
    # w:proofState "clean" told Word the text was already spell-checked, so it showed no mark in it (audit29 F11)
    for tag in ("w:savePreviewPicture", "w:rsids", "w14:docId", "w:proofState"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    # Word offers to update the fields on opening, so the references to clauses („1.3. punktā”, REF fields, D78)
    # follow a clause a lawyer inserted or deleted before the file was last saved (audit29 F1)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    _add_setting(settings, update)
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        element = settings.find(qn(tag))
        if element is not None:
            element.set(qn("w:val"), value)
    font_lang = settings.find(qn("w:themeFontLang"))
    if font_lang is not None:
        font_lang.attrib.pop(qn("w:eastAsia"), None)
    for root in (document.styles.element, document.element):
        for element in list(root.iter(qn("w:rsid"))):
            element.getparent().remove(element)
        for element in root.iter():
            for key in [k for k in element.attrib if k.startswith(qn("w:rsid"))]:
                del element.attrib[key]
    for part in document.part.package.parts:
        if part.partname.endswith("/theme1.xml"):
            part._blob = re.sub(rb'(<a:minorFont>\s*<a:latin typeface=")[^"]*"', rb'\g<1>' + FONT.encode() + b'"',
                                part.blob)
        elif part.partname.endswith("/fontTable.xml"):
            blob = part.blob
            for name in _UNUSED_FONTS:
                blob = re.sub(rb'\s*<w:font w:name="' + re.escape(name.encode()) + rb'">.*?</w:font>', b"", blob,
                              flags=re.S)
            part._blob = blob


class _Writer:
    def __init__(self, title: str, version: str, created: dt.date, landscape: bool, mark: str | None = None,
                 author: str = AUTHOR, subject: str = DEFAULT_SUBJECT, form: str = "") -> None:
        form = form or footer_version(version)
        self.doc = _prepared_document()  # with _styles() and _clause_numbering() applied
        self.title = title
        self.author = author
        section = self.doc.sections[0]
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        else:
            section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.0))
        section.top_margin, section.bottom_margin = Cm(1.8), Cm(2.0)
        section.footer_distance = FOOTER_DISTANCE
        self.text_width = (section.page_width - section.left_margin - section.right_margin)
        self._break_before = False  # a div.page-break waits for the next body paragraph (page_break)
        self._referenced: set[str] = set()  # the clause numbers a span.ref names (references)
        self._bookmarks = 0  # w:id of the last bookmark on a referenced clause
        self._sections = 0  # items of the clause list's first level so far ("1.", "2.", …)
        self._notes: dict[str, Node] = {}  # a footnote's mark -> its p.note (footnotes)
        self._note_ids: set[int] = set()  # id() of those p.note nodes: not written in the body
        self._noted: set[str] = set()  # the marks whose footnote is made
        # a mark's first footnote reference (its w:r) and footnote number, and the name of the bookmark round that
        # reference once the mark is used again (_note_reference)
        self._first_references: dict[str, tuple[object, int]] = {}
        self._note_bookmarks: dict[str, str] = {}
        self.footnotes: list = []  # the w:footnote elements, in the order of their references
        self._footer(section, title, form)  # the form reference (html.footer_line, audit41 F15)
        if mark:
            self._header(section, mark)
        self._properties(title, version, created, subject)

    # --- set-up -------------------------------------------------------------------------------------

    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(BODY_PT)
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        normal.element.rPr.rFonts.set(qn("w:cs"), FONT)
        _set_language(normal.element.rPr)
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            run_defaults = defaults.find(qn("w:rPrDefault"))
            if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
                _set_language(run_defaults.find(qn("w:rPr")))
        settings = self.doc.settings.element
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

    def _clause_numbering(self) -> None:
        """One multilevel list: level 0 "1." (sections), level 1 "1.1." (clauses), level 2 "1.1.1." (points)."""
        numbering = self.doc.part.numbering_part.element
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
                parts.append(("w:pStyle", self._style_id("Heading 2")))  # the style numbers a new section
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
        styles = self.doc.styles.element
        for style in parse_xml(_FOOTNOTE_STYLES).findall(qn("w:style")):
            styles.append(style)
        heading = self.doc.styles["Heading 2"].element.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        num_id = OxmlElement("w:numId")
        num_id.set(qn("w:val"), str(NUMBERING_ID))
        num_pr.append(num_id)
        heading.insert_element_before(num_pr, *_AFTER_NUMPR)

    def _footer(self, section, title: str, version: str) -> None:  # version: the line under the title  # noqa: ANN001 - python-docx Section
        """As the PDF's page boxes: the title and, on a line of its own, the version on the left (wrapping inside
        their own column), "Lapa X no Y" at the right margin on the first line, 8 pt (audit14 F17). A borderless two-column table: a right tab after a
        wrapped title would fall to the next line and the default Footer style's centre tab."""
        right = Cm(3)
        table = section.footer.add_table(rows=1, cols=2, width=self.text_width)
        _cell_padding(table, 0)
        for column, width in zip(table.columns, (self.text_width - right, right), strict=True):
            column.width = width
        left_cell, right_cell = table.rows[0].cells
        left_cell.width, right_cell.width = self.text_width - right, right
        left_cell.paragraphs[0].add_run(title).add_break()
        left_cell.paragraphs[0].add_run(version)
        page = right_cell.paragraphs[0]
        page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        page.add_run("Lapa ")
        _field(page, "PAGE")
        page.add_run(" no ")
        _field(page, "NUMPAGES")
        for paragraph in (left_cell.paragraphs[0], page):
            paragraph.paragraph_format.space_after = Pt(0)
            for run in paragraph.runs:
                run.font.size = Pt(FOOTER_PT)
                run.font.color.rgb = FOOTER_COLOUR
        # A footer ends with a paragraph: the one python-docx made, moved under the table, kept tiny.
        trailing = section.footer.paragraphs[0]
        table._tbl.addnext(trailing._p)
        _spacer(trailing, Pt(1))

    def _header(self, section, mark: str) -> None:  # noqa: ANN001 - python-docx Section
        """A mark on every page, e.g. MELNRAKSTS on a draft: a line at the top and, as the PDF's div.draft-mark, a
        pale diagonal watermark anchored in the header, so it is on every page (audit33 F10)."""
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(mark)
        run.bold = True
        run.font.size = Pt(14)
        run.font.color.rgb = RGBColor(0xB0, 0, 0)
        paragraph._p.append(parse_xml(_WATERMARK.format(text=escape(mark.split(" – ")[0], {"\"": "&quot;"}), quot="&quot;")))

    def _properties(self, title: str, version: str, created: dt.date, subject: str) -> None:
        props = self.doc.core_properties
        stamp = dt.datetime(created.year, created.month, created.day)
        props.author = self.author
        props.last_modified_by = self.author
        props.title = title
        props.subject = subject
        props.comments = f"Kataloga versija {version}"
        props.keywords = "IBM; individuālais budžets"
        props.language = LANGUAGE
        props.created = stamp
        props.modified = stamp  # never printed: no lastPrinted
        props.revision = 1

    # --- blocks -------------------------------------------------------------------------------------

    def blocks(self, node: Node, cell: _Cell | None = None, width=None) -> None:  # noqa: ANN001
        width = width or self.text_width
        pending_inline: list[Node | str] = []

        def flush() -> None:
            if any((isinstance(c, str) and c.strip()) or isinstance(c, Node) for c in pending_inline):
                self.inline_paragraph(Node("p", {}, list(pending_inline)), cell, width)
            pending_inline.clear()

        for child in node.children:
            if isinstance(child, Node) and child.tag in BLOCK_TAGS:
                flush()
                self.block(child, cell, width)
            else:
                pending_inline.append(child)
        flush()

    def block(self, node: Node, cell: _Cell | None, width) -> None:  # noqa: ANN001
        tag = node.tag
        if tag in HEADINGS:
            paragraph = self._new_paragraph(cell, f"Heading {HEADINGS[tag]}")
            number = _number(paragraph, node)
            if number is None and tag == "h2":
                # Heading 2 is linked to the clause list's first level (an editor's new section heading is
                # numbered): a heading with a typed section number ("1. Piedalās", the next one) becomes that list
                # item without the typed digits, any other one is taken out of the list (audit33 F5).
                typed = _typed_section(node, self._sections + 1)
                if typed is None:
                    _list_item(paragraph, "0", 0)
                else:
                    node, number = typed
                    _list_item(paragraph, "0", NUMBERING_ID)
            self.runs(paragraph, node)
            self._bookmark(paragraph, number)
            if tag == "h1":
                docx_xml.align(paragraph._p, WD_ALIGN_PARAGRAPH.CENTER)
        elif tag == "p":
            if id(node) not in self._note_ids:  # a footnote's note is written at its mark
                self.inline_paragraph(node, cell, width)
        elif tag in ("ul", "ol"):
            for number, item in enumerate((c for c in node.elements() if c.tag == "li"), 1):
                style = "List Bullet" if tag == "ul" else "List Paragraph"
                paragraph = self._new_paragraph(cell, style)
                if tag == "ol":
                    docx_xml.plain_run(paragraph._p, f"{number}. ")
                self.runs(paragraph, item)
        elif tag == "table":
            self.table(node, cell, width)
        elif tag == "div" and {"keep", "attached"} & set(node.classes):
            body = self.doc.element.body
            # New blocks go before the body's closing w:sectPr: start at its current position.
            start = len(body) - (1 if len(body) and body[-1].tag == qn("w:sectPr") else 0) if cell is None else None
            if start and "attached" in node.classes and body[start - 1].tag == qn("w:p"):
                # The PDF's div.attached { break-before: avoid }: the paragraph above keeps with the block.
                docx_xml.keep_with_next(body[start - 1])
            self.blocks(node, cell, width)
            if start is not None:
                _keep_together(list(self.doc.element.body)[start:])
        elif tag == "div" and "writing-area" in node.classes:
            # The PDF's ruled lines for the facts and reasoning of an act become the label and a bordered box as
            # tall as those lines, which the worker types into (its one empty paragraph grows with the text).
            head = next(c for c in node.elements() if c.tag == "p")
            if "field" in head.classes:
                label = next((c for c in head.elements() if "label" in c.classes), Node("span"))
                head = Node("p", {}, list(label.children))
            self.inline_paragraph(head, cell, width)
            if cell is None:
                docx_xml.keep_with_next(self.doc.element.body.findall(docx_xml.P)[-1])  # the label stays with its box
            # as tall as the PDF's ruled lines under the label (a filled value above them leaves fewer)
            ruled = sum(1 for c in node.elements() if c.tag == "p" and "ruled" in c.classes)
            box = Node("table", {"class": "grid", "data-rows": str(ruled or node.attrs.get("data-rows", "8"))},
                       [Node("tr", {"class": "blank"}, [Node("td")])])
            self.table(box, cell, width)
        elif tag == "div" and "page-break" in node.classes:
            if cell is None:
                self._break_before = True
            else:
                self._new_paragraph(cell, None).add_run().add_break(WD_BREAK.PAGE)
        elif tag == "div" and "fields" in node.classes:
            fields = [c for c in node.elements() if c.tag == "p"]
            self.table(Node("table", {"class": "plain"}, [Node("tr", {}, [Node("td", {}, [f]) for f in fields])]),
                       cell, width, gap=Pt(1))  # a row of fields is no table in the PDF: no margin under it
        elif tag == "header" and cell is None:
            # The requisites above the title, closed by a rule as in the PDF (header { border-bottom }).
            self.blocks(node, cell, width)
            last = self.doc.paragraphs[-1]
            _bottom_border(last)
            last.paragraph_format.space_after = Pt(8)
        else:  # div, section, header, footer: transparent containers
            self.blocks(node, cell, width)

    def trim_end(self) -> None:
        """The empty paragraph Word needs after a closing table must not spill onto a page of its own."""
        body = self.doc.element.body
        last = body[-2] if len(body) > 1 and body[-1].tag == qn("w:sectPr") else body[-1]
        if last.tag == qn("w:p") and last.find(qn("w:r")) is None:
            _spacer(Paragraph(last, None), Pt(1))

    def _new_paragraph(self, cell: _Cell | None, style: str | None) -> Paragraph:
        if cell is not None:
            # A fresh cell holds one empty paragraph: use it first.
            first = None if getattr(cell, "_used", False) else docx_xml.first_unused(cell._tc)
            if first is not None:
                cell._used = True  # type: ignore[attr-defined]
                paragraph = Paragraph(first, cell)
                if style:
                    docx_xml.style(first, self._style_id(style))
                return paragraph
            paragraph = Paragraph(docx_xml.add_paragraph(cell._tc), cell)
        else:
            paragraph = self._body_paragraph()
            if self._break_before:
                self._page_break(paragraph)
        if style:
            docx_xml.style(paragraph._p, self._style_id(style))
        return paragraph

    def _body_paragraph(self) -> Paragraph:
        """``self.doc.add_paragraph()``: a new w:p at the body's end, before its w:sectPr."""
        body = self.doc.element.body
        p = docx_xml.element(docx_xml.P)
        section = body.find(docx_xml.SECTPR)
        if section is not None:
            section.addprevious(p)
        else:
            body.append(p)
        return Paragraph(p, self.doc._body)

    def _page_break(self, paragraph: Paragraph) -> None:
        """A div.page-break: the paragraph after it starts a page (pageBreakBefore), as the PDF's break-before.
        A break run in a paragraph of its own made an empty page in Writer when the table above ended at a page's
        foot: the empty paragraph under the table and the break paragraph went on, and the break then began
        another page (audit10 F11). The empty paragraph under a table is dropped as well: with it at the top of
        the new page the heading would not start the page."""
        self._break_before = False
        previous = paragraph._p.getprevious()
        if previous is not None and previous.tag == qn("w:p") and previous.find(qn("w:r")) is None:
            previous.getparent().remove(previous)
        paragraph.paragraph_format.page_break_before = True

    def _style_id(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        """A style's id by its name, looked up once per process: python-docx searches every style of the
        document by name, and again for the default style, each time a style is set by name. Every document
        starts from python-docx's own template (``Document()``), so the ids are the same in all of them."""
        key = (name, kind)
        if key not in _STYLE_IDS:
            _STYLE_IDS[key] = self.doc.part.get_style_id(name, kind)
        return _STYLE_IDS[key]

    def inline_paragraph(self, node: Node, cell: _Cell | None, width) -> None:  # noqa: ANN001
        classes = node.classes
        in_cell = cell is not None
        after_field = in_cell and "field" in classes and _has_border(cell._tc.findall(docx_xml.P)[-1])
        if after_field:
            # Word and Writer draw neighbouring paragraphs with equal borders as one box with one bottom line:
            # the name, signature and date of a signature block would share a single line under the date.
            # A spacer paragraph without a border (the height of the usual gap) keeps each line its own.
            _spacer(Paragraph(docx_xml.add_paragraph(cell._tc), cell), Pt(6))
        preparer = "preparer" in classes and cell is None
        paragraph = self._new_paragraph(cell, PREPARER_STYLE if preparer else None)
        number = _number(paragraph, node)
        if "note" in classes and cell is None:
            # A note stays on the page of the clause it explains (the PDF's p.note { break-before: avoid }).
            previous = paragraph._p.getprevious()
            if previous is not None and previous.tag == qn("w:p"):
                docx_xml.keep_with_next(previous)
                table = previous.getprevious()
                if table is not None and table.tag == qn("w:tbl") and previous.find(qn("w:r")) is None:
                    # a note under a table: the table's last row, the spacer under it and the note stay together
                    _keep_row_with_next(table.findall(qn("w:tr"))[-1])
        if "lead" in classes:
            # A line that introduces the table below it stays with it (the PDF's p.lead { break-after: avoid }).
            docx_xml.keep_with_next(paragraph._p)
        if "field" in classes:
            docx_xml.spacing(paragraph._p, ("before", docx_xml.twips(Pt(0 if after_field else 6))))
            if in_cell:
                # Writer ignores a tab leader that ends inside a table cell: draw the line as a border instead.
                _bottom_border(paragraph)
            else:
                paragraph.paragraph_format.tab_stops.add_tab_stop(width - Cm(0.3), WD_TAB_ALIGNMENT.RIGHT,
                                                                  WD_TAB_LEADER.LINES)
        if "center" in classes or "subtitle" in classes:
            docx_xml.align(paragraph._p, WD_ALIGN_PARAGRAPH.CENTER)
        elif "right" in classes or "annex" in classes:
            docx_xml.align(paragraph._p, WD_ALIGN_PARAGRAPH.RIGHT)
        elif ("justify" in classes or "clause" in classes) and "left" not in classes:
            docx_xml.align(paragraph._p, WD_ALIGN_PARAGRAPH.JUSTIFY)
        self.runs(paragraph, node, italic="subtitle" in classes or ("note" in classes and not preparer),
                  size=SMALL_PT if {"small", "note", "annex"} & set(classes) else None)
        self._bookmark(paragraph, number)
        if "field" in classes and not in_cell and not any(
                isinstance(c, Node) and "line" in c.classes for c in node.children):
            docx_xml.plain_run(paragraph._p, "\t")

    def footnotes_of(self, node: Node, in_cell: bool = False) -> None:
        """Note the notes that become Word footnotes: a body p.note that starts with a mark ("¹ Ieraksta normu …",
        after the preparer's label in a paper sent to the parent) used after a blank in the text. Word numbers
        footnotes in the order of their references, as the PDF's marks are numbered (legal.Citations, D171)."""
        marks: set[str] = set()
        notes: dict[str, Node] = {}

        def walk(n: Node, in_cell: bool) -> None:
            for child in n.elements():
                if child.tag == "p" and "note" in child.classes and not in_cell:
                    found = _NOTE_MARK.match(_note_text(child))
                    if found:
                        notes.setdefault(found.group(1), child)
                        continue
                if child.tag in ("td", "th"):
                    walk(child, True)
                    continue
                walk(child, in_cell)
            for text in (c for c in n.children if isinstance(c, str)):
                marks.update(_MARK.findall(text))

        walk(node, in_cell)
        self._notes = {mark: note for mark, note in notes.items() if mark in marks}
        self._note_ids = {id(note) for note in self._notes.values()}

    def _footnote(self, paragraph: Paragraph, mark: str, bold: bool, italic: bool, size: float | None) -> None:
        """A Word footnote at the mark's place: its reference in the text and its note (the p.note without the mark)
        at the page's foot. A mark used again (the same norm cited twice) is a reference to that footnote's number
        (_note_reference): one footnote, its number printed at every use, as the PDF prints the mark."""
        if mark in self._noted:
            self._note_reference(paragraph, mark)
            return
        self._noted.add(mark)
        number = len(self.footnotes) + 1
        reference = paragraph._p.add_r()
        reference.append(_footnote_mark_properties())
        element = OxmlElement("w:footnoteReference")
        element.set(qn("w:id"), str(number))
        reference.append(element)
        self._first_references[mark] = (reference, number)
        footnote = OxmlElement("w:footnote")
        footnote.set(qn("w:id"), str(number))
        note_paragraph = Paragraph(OxmlElement("w:p"), None)
        footnote.append(note_paragraph._p)
        note_paragraph._p.style = FOOTNOTE_STYLE
        own = note_paragraph._p.add_r()
        own.append(_footnote_mark_properties())
        own.append(OxmlElement("w:footnoteRef"))
        note_paragraph._p.add_r().add_t(" ")
        note = self._notes[mark]
        self.footnotes.append(footnote)
        self.runs(note_paragraph, _without_mark(note, mark), italic=True, size=SMALL_PT)

    def _note_reference(self, paragraph: Paragraph, mark: str) -> None:
        """A footnote's mark used again, as Word's cross-reference to a footnote number ("Footnote number
        (formatted)") makes it: a hidden bookmark round the footnote's first reference (added at the second use, so
        a document that uses each mark once is unchanged) and the field { NOTEREF _RefNote1 \\f \\h } in the
        footnote reference style, whose cached result is the footnote's number. Word and Writer print that number
        as a superscript where the mark stands; the note stays one footnote (a mark typed as text would be no
        reference at all, R12-3)."""
        first, number = self._first_references[mark]
        name = self._note_bookmarks.get(mark)
        if name is None:
            name = self._note_bookmarks[mark] = footnote_bookmark_name(number)
            self._bookmarks += 1
            start = OxmlElement("w:bookmarkStart")
            start.set(qn("w:id"), str(self._bookmarks))
            start.set(qn("w:name"), name)
            end = OxmlElement("w:bookmarkEnd")
            end.set(qn("w:id"), str(self._bookmarks))
            first.addprevious(start)
            first.addnext(end)
        _field_runs(paragraph, f" NOTEREF {name} \\f \\h ", str(number), _footnote_mark_properties)

    def references(self, node: Node) -> None:
        """Note the clause numbers the document refers to (span.ref): those clauses get a bookmark."""
        for child in node.elements():
            if child.tag == "span" and "ref" in child.classes:
                self._referenced.add(child.text().strip())
            else:
                self.references(child)

    def _bookmark(self, paragraph: Paragraph, number: str | None) -> None:
        if number is not None and number.count(".") == 1:
            self._sections += 1
        self._mark(paragraph, number)

    def _mark(self, paragraph: Paragraph, number: str | None) -> None:
        """A bookmark round a referenced clause's text, the target of the references' REF fields (Word's own
        cross-references mark the paragraph the same way, with a hidden "_Ref" bookmark)."""
        if number is None or number not in self._referenced:
            return
        self._bookmarks += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._bookmarks))
        start.set(qn("w:name"), bookmark_name(number))
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._bookmarks))
        properties = paragraph._p.pPr
        if properties is not None:
            properties.addnext(start)
        else:
            paragraph._p.insert(0, start)
        paragraph._p.append(end)

    # --- inline -------------------------------------------------------------------------------------

    def runs(self, paragraph: Paragraph, node: Node, bold: bool = False, italic: bool = False,
             size: float | None = None) -> None:
        pieces: list[tuple[str, bool, bool, bool]] = []  # text, bold, italic, is_break
        references: set[int] = set()  # indexes of the pieces that are a span.ref (a field)

        def walk(n: Node, b: bool, i: bool) -> None:
            for child in n.children:
                if isinstance(child, str):
                    pieces.append((child, b, i, False))
                elif child.tag == "br":
                    pieces.append(("\n", b, i, True))
                elif child.tag == "span" and "line" in child.classes:
                    if child.text().strip():  # a value written on the line
                        pieces.append((child.text(), b, i, False))
                    pieces.append(("\t", b, i, True))
                elif child.tag == "span" and "nr" in child.classes:
                    continue  # the number is the paragraph's Word list number
                elif child.tag == "span" and "ref" in child.classes and child.text().strip() in self._referenced:
                    references.add(len(pieces))
                    pieces.append((child.text().strip(), b, i, False))
                else:
                    walk(child, b or child.tag in ("strong", "b", "th"), i or child.tag in ("em", "i"))

        walk(node, bold, italic)
        texts = _collapse([p[0] for p in pieces], [p[3] for p in pieces])
        for index, ((_, b, i, is_break), text) in enumerate(zip(pieces, texts, strict=True)):
            if not text:
                continue
            if index in references:
                for run in _reference_runs(paragraph, text):
                    docx_xml.format_run(run._r, b, i, size)
                continue
            if is_break and text == "\n":
                docx_xml.plain_run(paragraph._p, "\n")
                continue
            # The word joiners html.unbroken puts between the project number's characters stay out of the DOCX: Word's
            # Find did not find the number and a copy carried them (audit33 F6); Writer keeps it on one line
            # without them in every pilot document (checked by printing them, audit33 F6).
            text = _DATE_RANGE_DASH.sub("\u2060\u2013\u2060", text.replace(WORD_JOINER, ""))
            # a note's mark after a blank becomes the reference of a Word footnote holding the note (D171)
            parts = _MARK.split(text) if self._notes else [text]
            for k, part in enumerate(parts):
                if k % 2 and part in self._notes:
                    self._footnote(paragraph, part, b, i, size)
                    continue
                if not part:
                    continue
                docx_xml.text_run(paragraph._p, part, b, i, size)

    # --- tables -------------------------------------------------------------------------------------

    def table(self, node: Node, cell: _Cell | None, width, gap=TABLE_GAP) -> None:  # noqa: ANN001
        if cell is None and self._break_before:  # a table right after a div.page-break: a break paragraph
            self._break_before = False
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        rows: list[Node] = []
        header_rows = 0
        for child in node.elements():
            if child.tag == "tr":
                rows.append(child)
            elif child.tag in ("thead", "tbody", "tfoot"):
                rows.extend(r for r in child.elements() if r.tag == "tr")
                if child.tag == "thead" and len(rows) == sum(1 for r in child.elements() if r.tag == "tr"):
                    header_rows = len(rows)
        if not rows:
            return
        ncols = max(sum(int(c.attrs.get("colspan", "1")) for c in r.elements() if c.tag in ("td", "th"))
                    for r in rows)
        container = cell if cell is not None else self.doc
        table = container.add_table(rows=len(rows), cols=ncols)
        if "plain" not in node.classes:
            table._tbl.tblStyle_val = self._style_id("Table Grid", WD_STYLE_TYPE.TABLE)
            _cell_padding(table, CELL_PADDING_TWIPS)
        # the widths come from the first row of single cells (a caption row over the column headers spans all)
        sizing = next((r for r in rows if all(c.attrs.get("colspan", "1") == "1" for c in r.elements()
                                               if c.tag in ("td", "th"))), rows[0])
        widths = _column_widths(sizing, ncols, width)
        padding = CELL_PADDING_TWIPS if "plain" not in node.classes else WORD_CELL_PADDING_TWIPS
        widths = fit_longest_words(widths, _longest_words(rows, ncols, "small" in node.classes), padding)
        for column, w in zip(table.columns, widths, strict=True):
            column.width = w
        # python-docx's table.cell() rebuilds the whole cell grid on every call. Cells are looked up in their
        # own row instead: the table has no vertical merges, and a horizontal merge turns the cells it spans
        # into the first one, so the k-th td/th of a row is the row's k-th w:tc once the earlier ones merged.
        row_elements = table._tbl.tr_lst

        def cell_at(r: int, index: int) -> _Cell:
            return _Cell(row_elements[r].findall(docx_xml.TC)[index], table)

        for r, row in enumerate(rows):
            c = 0
            index = 0
            if "blank" in row.classes:
                lines = int(node.attrs.get("data-rows", "1"))  # a writing area: as tall as its ruled lines
                table.rows[r].height = (RULED_LINE * lines if lines > 1 else Cm(0.55) if "compact" in node.classes
                                        else BLANK_ROW)
                table.rows[r].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            for cell_node in (x for x in row.elements() if x.tag in ("td", "th")):
                span = int(cell_node.attrs.get("colspan", "1"))
                target = cell_at(r, index)
                cell_width = sum(widths[c:c + span], Cm(0))
                if span > 1:
                    target = target.merge(cell_at(r, index + span - 1))
                    target.width = cell_width  # the merged cell spans the width of all its columns
                elif not docx_xml.set_width(target._tc, widths[c]):
                    target.width = widths[c]
                if cell_node.tag == "th":
                    _shade(target)
                    paragraph = self._new_paragraph(target, None)
                    self.runs(paragraph, cell_node, bold=True, size=TABLE_PT)
                elif any(isinstance(x, Node) and x.tag in BLOCK_TAGS for x in cell_node.children):
                    self.blocks(cell_node, target, cell_width - Cm(0.5))
                else:
                    paragraph = self._new_paragraph(target, None)
                    if "num" in cell_node.classes:
                        docx_xml.align(paragraph._p, WD_ALIGN_PARAGRAPH.RIGHT)
                    self.runs(paragraph, cell_node, size=TABLE_PT if "small" in node.classes else None)
                c += span
                index += 1
        for r in range(header_rows):
            _header_row(row_elements[r])
        if "plain" not in node.classes:
            for tr in row_elements:  # the PDF's tr { break-inside: avoid }
                docx_xml.cant_split(tr)
        for r, row in enumerate(rows):
            if "total" in row.classes and r > header_rows:
                # The PDF's tr.total { break-before: avoid }: the row above keeps with the total row.
                for p in docx_xml.cell_paragraphs(row_elements[r - 1]):
                    docx_xml.keep_with_next(p)
        fill_in = cell is None and _fill_in(rows, header_rows)
        if fill_in and len(rows) > FILL_IN_ROWS and "whole" not in node.classes:
            # a longer table of rows to fill in may split, but leaves no single row behind at either end: the
            # header with two body rows, the last three rows together
            for tr in [*row_elements[header_rows:header_rows + 1], *row_elements[-3:-1]]:
                _keep_row_with_next(tr)
        elif ("whole" in node.classes or fill_in) and cell is None:
            # The PDF's table.whole { break-inside: avoid }: a short table moves to the next page whole, its rows
            # cannot split (above) and each keeps with the next.
            for tr in row_elements[:-1]:
                for p in docx_xml.cell_paragraphs(tr):
                    docx_xml.keep_with_next(p)
        tail = "keep-tail" in node.classes and cell is None and len(rows) > header_rows
        if tail:
            # The PDF's table.keep-tail: its last two rows stay with what follows (an annex's signatures).
            for tr in row_elements[max(header_rows, len(rows) - 2):]:
                for p in docx_xml.cell_paragraphs(tr):
                    docx_xml.keep_with_next(p)
        if cell is None:
            # Word needs a paragraph between two tables; it takes the PDF's 8 pt margin under a table.
            spacer = self._body_paragraph()
            _spacer(spacer, gap)
            if tail:
                docx_xml.keep_with_next(spacer._p)


def _note_text(node: Node) -> str:
    """A p.note's text after the preparer's label (html.preparer_notes) a paper sent to the parent starts it with."""
    text = node.text().lstrip()
    return text[len(PREPARER_LABEL):] if text.startswith(PREPARER_LABEL) else text


def _without_mark(node: Node, mark: str) -> Node:
    """A footnote's p.note without its leading mark (Word prints the footnote's own number)."""
    done = False

    def strip(n: Node) -> Node:
        nonlocal done
        children: list[Node | str] = []
        for child in n.children:
            if not done and isinstance(child, str) and mark in child:
                child = re.sub(f"\\s*{re.escape(mark)} ", " ", child, count=1)
                done = True
            elif not done and isinstance(child, Node):
                child = strip(child)
            children.append(child)
        return Node(n.tag, n.attrs, children)

    return strip(node)


def _footnote_mark_properties():  # noqa: ANN202 - CT_RPr
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), FOOTNOTE_MARK_STYLE)
    properties.append(style)
    return properties


_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    '</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)


def _footnotes_part(document, footnotes: list) -> None:  # noqa: ANN001 - docx.document.Document
    """word/footnotes.xml with the separators Word expects (ids -1 and 0) and ``footnotes``, related to the document
    part (its content type is written from the part's), and the separators named in the settings as Word does.
    python-docx has no footnotes API; this is the part Word itself writes (ECMA-376 Part 1, 17.11)."""
    if not footnotes:
        return
    root = parse_xml(f'<w:footnotes {nsdecls("w", "r")}>{_SEPARATORS}</w:footnotes>')
    for footnote in footnotes:
        root.append(footnote)
    part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, root, document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    settings = document.settings.element
    properties = OxmlElement("w:footnotePr")
    for number in ("-1", "0"):
        separator = OxmlElement("w:footnote")
        separator.set(qn("w:id"), number)
        properties.append(separator)
    _add_setting(settings, properties)


def footer_version(version: str) -> str:
    """What the footer says about the version the document was made from (the PDF's as well, _pamats.html.j2):
    the catalogue version's id, no date that could be taken for the document's (audit8 F25)."""
    return f"kataloga versija {lvformat.version_id(version)}"


def _set_language(run_properties) -> None:  # noqa: ANN001 - CT_RPr
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_properties.append(lang)
    for key in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(key), LANGUAGE)


def bookmark_name(number: str) -> str:
    """The hidden bookmark on clause "2.3.": "_Ref2_3" (a leading underscore hides it in Word's list)."""
    return "_Ref" + "_".join(part for part in number.split(".") if part)


def footnote_bookmark_name(number: int) -> str:
    """The hidden bookmark on footnote ``number``'s first reference, the target of its NOTEREF fields: "_RefNote1"."""
    return f"_RefNote{number}"


def _field_run(paragraph: Paragraph, kind: str, value: str | None, properties=None) -> CT_R:  # noqa: ANN001
    """One run of a field: its begin/separate/end mark, an instruction or the cached result text, with
    ``properties()`` (a new w:rPr) when given."""
    run = paragraph._p.add_r()
    if properties is not None:
        run.append(properties())
    if kind == "text":
        run.add_t(value)
    elif kind == "instr":
        element = OxmlElement("w:instrText")
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        element.text = value
        run.append(element)
    else:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run.append(char)
    return run


def _field_runs(paragraph: Paragraph, instruction: str, result: str, properties) -> None:  # noqa: ANN001
    """A simple field's runs { ``instruction`` } with the cached ``result``, each run with ``properties()`` (a new
    w:rPr for each)."""
    for kind, value in (("begin", None), ("instr", instruction), ("separate", None), ("text", result),
                        ("end", None)):
        _field_run(paragraph, kind, value, properties)


def _reference_runs(paragraph: Paragraph, number: str) -> list[Run]:
    """A reference to clause ``number`` ("2.2.") as the field { QUOTE "{ REF _Ref… \\r \\h }." } whose cached
    result is the number. Word updates the inner REF to the bookmarked clause's current number without the list's
    trailing period (Word's REF field: "\\r" inserts the paragraph number "without trailing periods"), so the
    ordinal dot stands in the QUOTE text after the inner field and Word prints "2.2."; LibreOffice 7.4 keeps the
    cached result of a QUOTE field, where it would print a bare REF field's number without the dot (D78)."""
    parts = [("begin", None), ("instr", ' QUOTE "'), ("begin", None),
             ("instr", f" REF {bookmark_name(number)} \\r \\h "), ("end", None), ("instr", '." '),
             ("separate", None), ("text", number), ("end", None)]
    return [Run(_field_run(paragraph, kind, value), paragraph) for kind, value in parts]


# the elements after w:numPr in w:pPr (schema order)
_AFTER_NUMPR = ("w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_TYPED_SECTION = re.compile(r"\s*(\d+)\.\s+")


def _typed_section(node: Node, expected: int) -> tuple[Node, str] | None:
    """A heading whose text starts with the typed section number ``expected`` ("3. Mērķi"): the heading without
    it, and the number."""
    first = node.children[0] if node.children else None
    found = _TYPED_SECTION.match(first) if isinstance(first, str) else None
    if found is None or int(found.group(1)) != expected:
        return None
    return Node(node.tag, node.attrs, [first[found.end():], *node.children[1:]]), f"{expected}."


def _number(paragraph: Paragraph, node: Node) -> str | None:
    """A paragraph or heading that starts with a clause number becomes an item of the clause list; returns the
    number ("2.3.")."""
    first = next((c for c in node.children if not (isinstance(c, str) and not c.strip())), None)
    if not (isinstance(first, Node) and first.tag == "span" and "nr" in first.classes):
        return None
    _list_item(paragraph, first.attrs.get("data-level", "0"), NUMBERING_ID)
    return first.text().strip()


def _list_item(paragraph: Paragraph, ilvl: str, list_id: int) -> None:
    """The paragraph as level ``ilvl`` of list ``list_id`` (0: no list, overriding its style's)."""
    properties = docx_xml.properties(paragraph._p)
    num_pr = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), ilvl)
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), str(list_id))
    num_pr.append(level)
    num_pr.append(num_id)
    docx_xml.insert_ordered(properties, num_pr, docx_xml.PPR_ORDER)
    if not list_id:
        return
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), "0")
    indent.set(qn("w:firstLine"), "0")
    docx_xml.insert_ordered(properties, indent, docx_xml.PPR_ORDER)


FILL_IN_ROWS = 6  # a table of at most this many rows, all its body rows empty to fill in, moves whole


def _fill_in(rows: list[Node], header_rows: int) -> bool:
    """A short table whose body rows are empty rows to write in (tr.blank, a total row under them): split at a page
    foot it left one empty row behind (audit33 F12); the PDF moves it whole."""
    body = rows[header_rows:]
    return (any("blank" in r.classes for r in body)
            and all("blank" in r.classes or ("total" in r.classes and not any(
                c.text().strip() for c in r.elements() if "num" in c.classes)) for r in body))


def _keep_row_with_next(row) -> None:  # noqa: ANN001 - lxml w:tr
    for p in row.iter(qn("w:p")):
        docx_xml.keep_with_next(p)


def _keep_leads(body) -> None:  # noqa: ANN001 - lxml w:body
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


FIELD_LABELS_MAX = 80  # characters: a row of one-paragraph field labels that prints on one line (_chain_through_tables)


def _chain_through_tables(body) -> None:  # noqa: ANN001 - lxml w:body
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


def _header_row(tr) -> None:  # noqa: ANN001 - lxml w:tr
    """Repeat the row on every page; keep it with the first body row (never alone at a page's foot)."""
    docx_xml.cant_split(tr)
    properties = docx_xml.row_properties(tr)
    if properties.find(docx_xml.TBL_HEADER) is None:
        properties.append(docx_xml.element(docx_xml.TBL_HEADER))
    for p in docx_xml.cell_paragraphs(tr):
        docx_xml.keep_with_next(p)


def _keep_together(elements: list) -> None:
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


def _longest_words(rows: list[Node], ncols: int, small: bool) -> list[float]:
    """Per column, the width in points of the longest word in its single cells (a cell holding blocks, e.g. a
    nested table, is laid out on its own and not measured)."""
    needs = [0.0] * ncols
    for row in rows:
        column = 0
        for cell_node in (x for x in row.elements() if x.tag in ("td", "th")):
            span = int(cell_node.attrs.get("colspan", "1"))
            blocks = any(isinstance(x, Node) and x.tag in BLOCK_TAGS for x in cell_node.children)
            if span == 1 and column < ncols and not blocks:
                header = cell_node.tag == "th"
                bold = header or any(n.tag in ("strong", "b") for n in cell_node.elements())
                size = TABLE_PT if header or small else BODY_PT
                needs[column] = max(needs[column], longest_word(_broken_text(cell_node), size, bold))
            column += span
    return needs


def _broken_text(node: Node) -> str:
    """A node's text with a line break for each br (Node.text() joins the words around it)."""
    return "".join(c if isinstance(c, str) else ("\n" if c.tag == "br" else _broken_text(c))
                   for c in node.children)


def _column_widths(first_row: Node, ncols: int, width) -> list:  # noqa: ANN001
    shares: list[float | None] = []
    for cell in first_row.elements():
        if cell.tag not in ("td", "th"):
            continue
        span = int(cell.attrs.get("colspan", "1"))
        given = cell.attrs.get("data-w")
        for _ in range(span):
            shares.append(float(given) / span if given else None)
    shares = (shares + [None] * ncols)[:ncols]
    known = sum(s for s in shares if s is not None)
    if known > 100:
        # shares that add up to more than the text width (19's "5, 35, 25, 15, 25"): the PDF's table is as wide as
        # the text and its columns in those proportions, so are the DOCX's (audit33 F8)
        shares = [s * 100 / known if s is not None else None for s in shares]
        known = 100.0
    unknown = sum(1 for s in shares if s is None)
    rest = max(100.0 - known, 0.0) / unknown if unknown else 0.0
    return [int(width * (s if s is not None else rest) / 100) for s in shares]


def _collapse(texts: list[str], breaks: list[bool]) -> list[str]:
    """HTML whitespace rules for a paragraph: runs of spaces become one, none at the paragraph's ends."""
    out: list[str] = []
    previous_space = True
    for text, is_break in zip(texts, breaks, strict=True):
        if is_break:
            out.append(text)
            previous_space = True
            continue
        collapsed = _WS.sub(" ", text)
        if previous_space:
            collapsed = collapsed.lstrip(" ")
        if collapsed:
            previous_space = collapsed.endswith(" ")
        out.append(collapsed)
    for i in range(len(out) - 1, -1, -1):
        if breaks[i]:
            if out[i] == "\t":
                continue
            break
        stripped = out[i].rstrip(" ")
        out[i] = stripped
        if stripped:
            break
    return out


def _has_border(p) -> bool:  # noqa: ANN001 - lxml w:p
    properties = p.find(docx_xml.PPR)
    return properties is not None and properties.find(qn("w:pBdr")) is not None


def _spacer(paragraph: Paragraph, height) -> None:  # noqa: ANN001 - a docx.shared.Length
    """An empty paragraph exactly ``height`` tall."""
    docx_xml.spacer(paragraph._p, height)


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


def _bottom_border(paragraph: Paragraph) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    # Schema order inside w:pPr: pBdr comes before shd, tabs, spacing, ind and jc.
    docx_xml.insert_ordered(docx_xml.properties(paragraph._p), borders, docx_xml.PPR_ORDER)


def _cell_padding(table, twips: int) -> None:  # noqa: ANN001 - python-docx Table
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


def _shade(cell: _Cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "E8E8E8")
    cell._tc.get_or_add_tcPr().append(shading)


def _field(paragraph: Paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(FOOTER_COLOUR))
    props.append(colour)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


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
_THUMBNAIL_REL = re.compile(rb'<Relationship [^>]*Target="docProps/thumbnail.jpeg"/>')
_JPEG_TYPE = re.compile(rb'<Default [^>]*Extension="jpeg"[^>]*/>')


_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _pin_font(document) -> None:  # noqa: ANN001 - docx.document.Document
    """Every w:rFonts in the styles, the body, headers and footers names the PDF's font and no theme font:
    a theme reference (python-docx's template gives the headings and document defaults one) wins over the
    named font, so Writer and Word printed the headings in the theme's Calibri/Carlito. The template's
    Word 2010 copy of its styles (stylesWithEffects.xml, theme fonts throughout) is left out."""
    rels = document.part.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith("/stylesWithEffects")]:
        rels.pop(rid)
        rels._target_parts_by_rId.pop(rid, None)
    for part in document.part.package.parts:
        root = getattr(part, "element", None)
        if root is not None and id(root) not in _SHARED_STYLES:  # the shared styles are pinned once
            _pin_part_fonts(root)


def _pin_part_fonts(root) -> None:  # noqa: ANN001 - the root element of an XML part
    """_pin_font in one part."""
    for fonts in root.iter(qn("w:rFonts")):
        for slot in _THEME_SLOTS:
            fonts.attrib.pop(qn(slot), None)
        for slot in _FONT_SLOTS:
            fonts.set(qn(slot), FONT)
    if root.tag == qn("w:styles"):
        _default_font(root)
    for text in root.iter(qn("w:lvlText")):
        if any("\uf000" <= ch <= "\uf0ff" for ch in text.get(qn("w:val"), "")):
            text.set(qn("w:val"), "\u2022")  # the Symbol font's bullet, drawn in the text font


def _default_font(styles) -> None:  # noqa: ANN001 - lxml w:styles
    """The document defaults name the PDF's font too (runs outside any style fall back to them)."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None or run_defaults.find(qn("w:rPr")) is None:
        return
    properties = run_defaults.find(qn("w:rPr"))
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), FONT)


def _app_properties(company: str) -> bytes:
    """Extended properties naming this toolkit (the template's say "Microsoft Macintosh Word", "Normal.dotm") and
    the company: the social service that issues the document."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        f"<Company>{escape(company)}</Company><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>1.0</AppVersion>"
        "</Properties>"
    ).encode()


class _Members:
    """Collects the package's members as python-docx's zip writer would write them, in the same order."""

    def __init__(self) -> None:
        self.items: list[tuple[str, bytes]] = []

    def write(self, pack_uri, blob: bytes) -> None:  # noqa: ANN001 - docx.opc.packuri.PackURI
        self.items.append((pack_uri.membername, blob))


def _package_members(document) -> list[tuple[str, bytes]]:  # noqa: ANN001 - docx.document.Document
    """What ``document.save()`` puts in the zip, without compressing it only to unpack it again (the steps
    of python-docx 1.2's OpcPackage.save and PackageWriter.write)."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    members = _Members()
    PackageWriter._write_content_types_stream(members, package.parts)
    PackageWriter._write_pkg_rels(members, package.rels)
    for part in package.parts:  # PackageWriter._write_parts, the shared styles' bytes made once
        root = getattr(part, "element", None)
        shared = _SHARED_STYLES.get(id(root)) if root is not None else None
        members.write(part.partname, shared if shared is not None else part.blob)
        if len(part.rels):
            members.write(part.partname.rels_uri, part.rels.xml)
    return members.items


def _reproducible_zip(members: list[tuple[str, bytes]], created: dt.date, company: str = AUTHOR) -> bytes:
    """The same DOCX bytes for the same content: fixed timestamps for every zip entry."""
    stamp = (created.year, created.month, created.day, 0, 0, 0)
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for filename, content in members:
            if filename == "docProps/thumbnail.jpeg":
                continue  # the python-docx template's picture of an empty page
            if filename == "_rels/.rels":
                content = _THUMBNAIL_REL.sub(b"", content)
            elif filename == "[Content_Types].xml":
                content = _JPEG_TYPE.sub(b"", content)
            elif filename == "docProps/app.xml":
                content = _app_properties(company)
            info = zipfile.ZipInfo(filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            if any(content is shared for shared in _SHARED_STYLES.values()):
                _write_shared(target, info, content)
            else:
                target.writestr(info, content)
    return target_buffer.getvalue()


# The shared styles' bytes (_SHARED_STYLES) as zipfile deflates them, by the id of those bytes (kept alive there):
# compressing the same styles (then 350 kB) for every document was a tenth of its DOCX time (docs/benchmarks.md,
# docspeed).
_DEFLATED_STYLES: dict[int, bytes] = {}


class _Deflated:
    """zipfile's compressor for one member whose deflated bytes are known: it gives them whole at the end."""

    def __init__(self, deflated: bytes) -> None:
        self._deflated = deflated

    def compress(self, _data: bytes) -> bytes:
        return b""

    def flush(self) -> bytes:
        return self._deflated


def _write_shared(target: zipfile.ZipFile, info: zipfile.ZipInfo, content: bytes) -> None:
    """``target.writestr(info, content)`` for the shared styles' bytes, deflated once per process: the same
    compressor zipfile makes for a ZIP_DEFLATED member with no level (zipfile._get_compressor), given the whole
    content in one call as writestr gives it, so the member's bytes, CRC and sizes are those writestr writes
    (tests/documents/test_docx_zip.py compares them)."""
    deflated = _DEFLATED_STYLES.get(id(content))
    if deflated is None:
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        deflated = _DEFLATED_STYLES[id(content)] = compressor.compress(content) + compressor.flush()
    info.file_size = len(content)
    with target.open(info, mode="w") as member:
        member._compressor = _Deflated(deflated)  # noqa: SLF001 - the one compressor of this member
        member.write(content)  # its CRC and size; the compressor gives the deflated bytes


def html_to_docx(html: str, title: str, version: str, created: dt.date, landscape: bool = False,
                 mark: str | None = None) -> bytes:
    tree = parse(html)
    main = tree.find("main")
    if main is None:
        raise ValueError(f"{title}: HTML nav <main> elementa")
    found = _AUTHOR_META.search(html)
    author = unescape(found.group(1)) if found else AUTHOR
    found = _SUBJECT_META.search(html)
    subject = unescape(found.group(1)) if found else DEFAULT_SUBJECT
    found = _FORM_META.search(html)
    form = unescape(found.group(1)) if found else footer_version(version)
    writer = _Writer(title, version, created, landscape, mark, author, subject, form)
    writer.references(main)
    writer.footnotes_of(main)
    writer.blocks(main)
    _keep_leads(writer.doc.element.body)
    _chain_through_tables(writer.doc.element.body)
    writer.trim_end()
    _footnotes_part(writer.doc, writer.footnotes)
    _pin_font(writer.doc)
    return _reproducible_zip(_package_members(writer.doc), created, author)


def write_docx(html: str, target: Path, title: str, version: str, created: dt.date,
               landscape: bool = False, mark: str | None = None) -> Path:
    target.write_bytes(html_to_docx(html, title, version, created, landscape, mark))
    return target
