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

import datetime as dt
import re
from html import unescape
from pathlib import Path

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from generator.documents import docx_xml
from generator.documents.docx_fields import (
    bookmark_name,
    field_runs,
    footnote_bookmark_name,
    reference_runs,
)
from generator.documents.docx_format import (
    AUTHOR,
    BLANK_ROW,
    BLOCK_TAGS,
    CELL_PADDING_TWIPS,
    DEFAULT_SUBJECT,
    FOOTER_DISTANCE,
    FOOTNOTE_MARK_STYLE,
    FOOTNOTE_STYLE,
    HEADINGS,
    NUMBERING_ID,
    PREPARER_STYLE,
    RULED_LINE,
    SMALL_PT,
    TABLE_GAP,
    TABLE_PT,
    WORD_CELL_PADDING_TWIPS,
    footer_version,
)
from generator.documents.docx_keep import (
    FILL_IN_ROWS,
    chain_through_tables,
    header_row,
    is_fill_in,
    keep_leads,
    keep_row_with_next,
    keep_together,
)
from generator.documents.docx_package import (
    footnotes_part,
    package_members,
    pin_font,
    reproducible_zip,
)
from generator.documents.docx_setup import (
    add_footer,
    add_mark,
    cell_padding,
    prepared_document,
    set_properties,
    style_id,
)
from generator.documents.docx_widths import column_widths, fit_longest_words, longest_words
from generator.documents.html import PREPARER_LABEL, WORD_JOINER
from generator.documents.htmltree import Node, parse
from generator.superscript import DIGITS as MARK_DIGITS

_AUTHOR_META = re.compile(r'<meta name="author" content="([^"]*)">')
# the subject names the kind of the document's round (round_rules.kind_context "temats"): the pilot's papers
# "IBM izmēģinājumprojekts", a later round's "IBM programmas kārta"; HTML without it (tests) just "IBM"
_SUBJECT_META = re.compile(r'<meta name="subject" content="([^"]*)">')
_FORM_META = re.compile(r'<meta name="ibm-veidlapa" content="([^"]*)">')  # the footer's form reference
_WS = re.compile(r"[ \t\n\r\f]+")
# A note's mark (generator/documents/legal.py, Citations): superscript digits right after the blank it explains,
# "______¹" or "______ EUR²" (a superscript digit elsewhere, "17.¹ pants", is an article's number, no mark).
_MARK = re.compile(f"(?:(?<=_)|(?<=_ EUR)|(?<=_\u00a0EUR))([{MARK_DIGITS}]+)")
_NOTE_MARK = re.compile(f"^\\s*([{MARK_DIGITS}]+) ")
# "01.10.2018–31.03.2019" stays on one line: Word and Writer may break after an en dash (word joiners bind it).
_DATE_RANGE_DASH = re.compile(r"(?<=\d\.\d{4})\u2013(?=\d{2}\.)")


class _Writer:
    def __init__(self, title: str, version: str, created: dt.date, landscape: bool, mark: str | None = None,
                 author: str = AUTHOR, subject: str = DEFAULT_SUBJECT, form: str = "") -> None:
        form = form or footer_version(version)
        self.doc = prepared_document()  # with the styles and the clause numbering set up
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
        add_footer(section, title, form, self.text_width)  # the form reference (html.footer_line, audit41 F15)
        if mark:
            add_mark(section, mark)
        set_properties(self.doc, title, version, created, subject, self.author)

    # --- set-up -------------------------------------------------------------------------------------

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
                # ul.bare: items that carry their own number ("1. pielikums …") get no bullet beside it (D327)
                style = "List Bullet" if tag == "ul" and "bare" not in node.classes else "List Paragraph"
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
                keep_together(list(self.doc.element.body)[start:])
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
                    docx_xml.style(first, style_id(self.doc, style))
                return paragraph
            paragraph = Paragraph(docx_xml.add_paragraph(cell._tc), cell)
        else:
            paragraph = self._body_paragraph()
            if self._break_before:
                self._page_break(paragraph)
        if style:
            docx_xml.style(paragraph._p, style_id(self.doc, style))
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
                    keep_row_with_next(table.findall(qn("w:tr"))[-1])
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
        field_runs(paragraph, f" NOTEREF {name} \\f \\h ", str(number), _footnote_mark_properties)

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
                for run in reference_runs(paragraph, text):
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
            table._tbl.tblStyle_val = style_id(self.doc, "Table Grid", WD_STYLE_TYPE.TABLE)
            cell_padding(table, CELL_PADDING_TWIPS)
        # the widths come from the first row of single cells (a caption row over the column headers spans all)
        sizing = next((r for r in rows if all(c.attrs.get("colspan", "1") == "1" for c in r.elements()
                                               if c.tag in ("td", "th"))), rows[0])
        widths = column_widths(sizing, ncols, width)
        padding = CELL_PADDING_TWIPS if "plain" not in node.classes else WORD_CELL_PADDING_TWIPS
        widths = fit_longest_words(widths, longest_words(rows, ncols, "small" in node.classes), padding)
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
            header_row(row_elements[r])
        if "plain" not in node.classes:
            for tr in row_elements:  # the PDF's tr { break-inside: avoid }
                docx_xml.cant_split(tr)
        for r, row in enumerate(rows):
            if "total" in row.classes and r > header_rows:
                # The PDF's tr.total { break-before: avoid }: the row above keeps with the total row.
                for p in docx_xml.cell_paragraphs(row_elements[r - 1]):
                    docx_xml.keep_with_next(p)
        fill_in = cell is None and is_fill_in(rows, header_rows)
        if fill_in and len(rows) > FILL_IN_ROWS and "whole" not in node.classes:
            # a longer table of rows to fill in may split, but leaves no single row behind at either end: the
            # header with two body rows, the last three rows together
            for tr in [*row_elements[header_rows:header_rows + 1], *row_elements[-3:-1]]:
                keep_row_with_next(tr)
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


def _bottom_border(paragraph: Paragraph) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    # Schema order inside w:pPr: pBdr comes before shd, tabs, spacing, ind and jc.
    docx_xml.insert_ordered(docx_xml.properties(paragraph._p), borders, docx_xml.PPR_ORDER)


def _shade(cell: _Cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "E8E8E8")
    cell._tc.get_or_add_tcPr().append(shading)


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
    keep_leads(writer.doc.element.body)
    chain_through_tables(writer.doc.element.body)
    writer.trim_end()
    footnotes_part(writer.doc, writer.footnotes)
    pin_font(writer.doc)
    return reproducible_zip(package_members(writer.doc), created, author)


def write_docx(html: str, target: Path, title: str, version: str, created: dt.date,
               landscape: bool = False, mark: str | None = None) -> Path:
    target.write_bytes(html_to_docx(html, title, version, created, landscape, mark))
    return target
