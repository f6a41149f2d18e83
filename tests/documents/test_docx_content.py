"""Every DOCX: the same words, headings and tables as the HTML the PDF is printed from, the catalogue
values of each document, and fixed core properties."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from generator import lvformat
from generator.catalogue.catalogue import Catalogue
from generator.catalogue.models import Municipality
from generator.documents.build_step import render_municipality
from generator.documents.htmltree import Node, parse
from generator.documents.paths import documents_dir
from generator.documents.registry import DOCUMENTS
from tests.documents.conftest import normalise, unmarked
from tests.documents.expectations import expected_phrases
from tests.documents.from_matrix_helpers import footnote_marks, footnote_texts
from tests.documents.party_helpers import issuer, party_phrase

pytestmark = pytest.mark.xdist_group("documents-build")


def _html_parts(node: Node, out: list[str]) -> None:
    """The words of the HTML, without clause numbers: in the DOCX these are Word list numbers, not text."""
    for child in node.children:
        if isinstance(child, str):
            out.append(child)
        elif "nr" in child.classes:
            continue
        elif "ref" in child.classes:  # a clause reference inside the text ("(1.2. punkts)"): a field in the DOCX
            _html_parts(child, out)
        else:
            out.append(" ")
            _html_parts(child, out)
            out.append(" ")


def _docx_blocks(container) -> list[Paragraph | Table]:  # noqa: ANN001 - Document or _Cell
    items: list[Paragraph | Table] = []
    if isinstance(container, DocxDocument):
        parent, element = container._body, container.element.body
    else:
        parent, element = container, container._tc
    for child in element.iterchildren():
        if child.tag.endswith("}p"):
            items.append(Paragraph(child, parent))
        elif child.tag.endswith("}tbl"):
            items.append(Table(child, parent))
    return items


def _docx_parts(container, out: list[str], headings: list[tuple[int, str]], tables: list[Table]) -> None:
    for item in _docx_blocks(container):
        if isinstance(item, Paragraph):
            out.append(item.text)
            style = _style_name(item)
            if style.startswith("Heading "):
                headings.append((int(style.split()[1]), normalise(item.text)))
        else:
            tables.append(item)
            # Each w:tc once, straight from the XML: python-docx's row.cells repeats a merged cell across its
            # span and is slow on large tables; a cell continuing a vertical merge holds only empty paragraphs.
            for tr in item._tbl.tr_lst:
                for tc in tr.tc_lst:
                    _docx_parts(_Cell(tc, item), out, headings, tables)


def _style_name(paragraph: Paragraph) -> str:
    """The paragraph's style name (python-docx's paragraph.style scans every style of the document per call)."""
    ppr = paragraph._p.pPr
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    if style_id is None:
        return ""
    names = _STYLE_NAMES.get(id(paragraph.part))
    if names is None or names[0] is not paragraph.part:
        names = (paragraph.part, {s.style_id: s.name for s in paragraph.part.document.styles})
        _STYLE_NAMES.clear()
        _STYLE_NAMES[id(paragraph.part)] = names
    return names[1].get(style_id, "")


_STYLE_NAMES: dict[int, tuple[object, dict[str, str]]] = {}


def _body(document: DocxDocument) -> tuple[str, list[tuple[int, str]], int]:
    out: list[str] = []
    headings: list[tuple[int, str]] = []
    tables: list[Table] = []
    footnote_marks(document.element)  # a marked note is a Word footnote (D171): its mark is text, as in the PDF
    _docx_parts(document, out, headings, tables)
    return " ".join([*out, *footnote_texts(document)]), headings, len(tables)


def test_docx_has_the_same_content_as_the_pdf_source(built: Path, built_municipalities: list[Municipality],
                                                     built_day: dt.date, catalogue: Catalogue) -> None:
    expected = expected_phrases(catalogue, built_day)
    for m in built_municipalities:
        for rendered in render_municipality(catalogue, m, build_date=built_day):
            spec = rendered.spec
            where = f"{m.id}/{spec.id}.docx"
            document = docx.Document(str(documents_dir(built, m.id) / f"{spec.id}.docx"))
            text, headings, table_count = _body(document)
            main = parse(rendered.html).find("main")
            assert main is not None
            drop_typed_section_numbers(main)
            parts: list[str] = []
            _html_parts(main, parts)
            # word joiners bind a project number or a date range onto one line (html.unbroken, docx_writer): not text
            html_words = Counter("".join(parts).replace("\u2060", "").split())
            docx_words = Counter(text.replace("\u2060", "").split())
            diff = list(((docx_words - html_words) + (html_words - docx_words)).items())[:20]
            assert docx_words == html_words, f"{where}: atšķiras vārdi {diff}"
            html_headings = [(int(n.tag[1]), normalise(_text_without_numbers(n))) for n in _walk(main)
                             if n.tag in ("h1", "h2", "h3")]
            assert headings == html_headings, where
            # a row of fields and a writing area (its box to type into) are tables in the DOCX
            html_tables = sum(1 for n in _walk(main) if n.tag == "table" or {"fields", "writing-area"} & n.classes)
            assert table_count == html_tables, where
            flat = unmarked(normalise(text))  # the words round a blank, without its mark (D369)
            for phrase in [spec.title, party_phrase(catalogue, m, "social_service"), *expected[spec.id]]:
                # "3. Līguma termiņš": the section number is Word's list number, not text.
                unnumbered = normalise(_CLAUSE_NUMBER.sub("", phrase))
                assert normalise(phrase) in flat or unnumbered in flat, f"{where}: trūkst „{phrase}”"


_CLAUSE_NUMBER = re.compile(r"^\d+\. ")


def drop_typed_section_numbers(main: Node) -> list[int]:
    """A h2 that starts with the next section number typed ("3. Mērķi") is an item of the Word clause list in the
    DOCX (audit33 F5): its typed number is the list number there, not text, as a span.nr's. Returns the list
    levels of the document's clause list items in order (span.nr and typed sections)."""
    levels: list[int] = []
    for node in _walk(main):
        if node.tag == "span" and "nr" in node.classes:
            levels.append(int(node.attrs["data-level"]))
        elif node.tag == "h2" and node.children and isinstance(node.children[0], str):
            found = re.match(r"\s*(\d+)\.\s+", node.children[0])
            if found and int(found.group(1)) == levels.count(0) + 1:
                node.children[0] = node.children[0][found.end():]
                levels.append(0)
    return levels


def _text_without_numbers(node: Node) -> str:
    parts: list[str] = []
    _html_parts(node, parts)
    return "".join(parts)


def _walk(node: Node):  # noqa: ANN202
    for child in node.elements():
        yield child
        yield from _walk(child)


def test_docx_core_properties_footer_and_page(built: Path, built_municipalities: list[Municipality],
                                              built_day: dt.date, catalogue: Catalogue) -> None:
    m = built_municipalities[0]
    for spec in DOCUMENTS:
        document = docx.Document(str(documents_dir(built, m.id) / f"{spec.id}.docx"))
        props = document.core_properties
        # issued by the social service, dated the day the documents are made (the fixture builds today), never
        # printed (lawaudit 28)
        assert props.author == issuer(catalogue, m) and props.last_printed is None
        assert props.title == spec.title
        assert props.created is not None and props.created.replace(tzinfo=None) == dt.datetime.combine(
            built_day, dt.time())
        footer = document.sections[0].footer
        footer_xml = footer._element.xml
        footer_text = " ".join(c.text for t in footer.tables for c in t.rows[0].cells)  # title | page number
        assert f"{spec.title}\nVeidlapa {spec.id[:2]} (redakcija {lvformat.date(built_day)})" \
            in footer_text  # the form, not the catalogue version (audit41 F15): that is in the properties (D345)
        assert "rīkkopa" not in footer_text  # no tool's name on a signed act (D345)
        assert catalogue.version in props.comments
        assert "katalogs" not in footer_text and "veidnes versija" not in footer_text  # no date to take for the document's
        assert 'w:instr="PAGE"' in footer_xml and 'w:instr="NUMPAGES"' in footer_xml
        section = document.sections[0]
        size = sorted([round(section.page_width.cm, 1), round(section.page_height.cm, 1)])
        assert size == [21.0, 29.7], spec.id
