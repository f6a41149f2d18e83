"""The DOCX documents' look in Word's terms, shared by the writer and its package and layout helpers: fonts and
sizes as the PDF's stylesheet (templates/dokumenti/_stils.css) sets them, the named styles, the language and the
clause list's id."""

from __future__ import annotations

from docx.shared import Cm, Pt, RGBColor

from generator import lvformat
from generator.file_author import TOOLKIT

APPLICATION = TOOLKIT
AUTHOR = APPLICATION  # when the HTML names no author (the documents name the social service that issues them)
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
# the paragraph style of an instruction to the preparer (html.preparer_notes, D161): named as its label says, shaded
# and framed in red, upright, so that an editor tells it from the act's own italic "Piezīme." notes and can select
# every one of them by the style before signing (audit43 F8)
PREPARER_STYLE = "Piezīme sagatavotājam"
PREPARER_COLOUR = "B00000"
PREPARER_FILL = "FBE9E9"
FOOTNOTE_STYLE = "FootnoteText"
FOOTNOTE_MARK_STYLE = "FootnoteReference"
BLOCK_TAGS = {"h1", "h2", "h3", "h4", "p", "ul", "ol", "table", "div", "section", "header", "footer"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 3}


def footer_version(version: str) -> str:
    """What the footer says about the version the document was made from (the PDF's as well, _pamats.html.j2):
    the catalogue version's id, no date that could be taken for the document's (audit8 F25)."""
    return f"kataloga versija {lvformat.version_id(version)}"
