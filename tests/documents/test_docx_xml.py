"""The DOCX writer's direct element builders (generator/documents/docx_xml.py) make what python-docx's generic API
makes: each builder against the API call it replaces, on elements in the states the writer meets, and whole
documents written with the builders against the same documents written with the API in their place (the
reference path): nested lists, merged cells, repeated headers, keep-with-next, footnotes and NOTEREF fields,
rows that cannot split, clause numbers and references, marks. The styles every document shares stay as made."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Twips
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from generator.catalogue.catalogue import Catalogue
from generator.documents import docx_package, docx_setup, docx_writer, docx_xml
from generator.documents.build_step import render_municipality

# --- the reference path: python-docx's API, as docx_writer called it before docx_xml -------------------------


def _ref_format_run(r, bold, italic, size) -> None:  # noqa: ANN001
    run = Run(r, None)
    run.bold = bold or None
    run.italic = italic or None
    if size:
        run.font.size = Pt(size)


def _ref_text_run(p, text, bold, italic, size):  # noqa: ANN001, ANN202
    r = Paragraph(p, None).add_run(text)._r
    _ref_format_run(r, bold, italic, size)
    return r


def _ref_plain_run(p, text=""):  # noqa: ANN001, ANN202
    return Paragraph(p, None).add_run(text)._r


def _ref_keep_with_next(p) -> None:  # noqa: ANN001
    Paragraph(p, None).paragraph_format.keep_with_next = True


def _ref_keeps_with_next(p) -> bool:  # noqa: ANN001
    return bool(Paragraph(p, None).paragraph_format.keep_with_next)


def _ref_first_unused(tc):  # noqa: ANN001, ANN202
    cell = _Cell(tc, None)
    first = cell.paragraphs[0]
    return first._p if len(cell.paragraphs) == 1 and not first.text and not first.runs else None


def _ref_set_width(tc, width) -> bool:  # noqa: ANN001
    _Cell(tc, None).width = width
    return True


def _ref_cant_split(tr) -> None:  # noqa: ANN001
    properties = tr.get_or_add_trPr()
    if properties.find(qn("w:cantSplit")) is None:
        properties.insert(0, OxmlElement("w:cantSplit"))


def _ref_spacing(p, *attributes) -> None:  # noqa: ANN001, ANN002
    fmt = Paragraph(p, None).paragraph_format
    for name, value in attributes:
        assert name == "before"  # the only one the writer sets this way
        fmt.space_before = Twips(int(value))


def _ref_spacer(p, height) -> None:  # noqa: ANN001
    from docx.enum.text import WD_LINE_SPACING

    fmt = Paragraph(p, None).paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = height


def _ref_align(p, alignment) -> None:  # noqa: ANN001
    Paragraph(p, None).alignment = alignment


def _ref_style(p, style_id) -> None:  # noqa: ANN001
    p.style = style_id


def _ref_insert_ordered(parent, child, order):  # noqa: ANN001, ANN202
    rank = order[child.tag]
    later = [f"w:{tag.split('}')[1]}" for tag, r in sorted(order.items(), key=lambda item: item[1]) if r > rank]
    return parent.insert_element_before(child, *later)


REFERENCE = {
    "format_run": _ref_format_run, "text_run": _ref_text_run, "plain_run": _ref_plain_run,
    "keep_with_next": _ref_keep_with_next, "keeps_with_next": _ref_keeps_with_next,
    "first_unused": _ref_first_unused, "add_paragraph": lambda tc: tc.add_p(), "set_width": _ref_set_width,
    "cant_split": _ref_cant_split, "row_properties": lambda tr: tr.get_or_add_trPr(), "spacing": _ref_spacing,
    "spacer": _ref_spacer, "align": _ref_align, "style": _ref_style, "insert_ordered": _ref_insert_ordered,
    "properties": lambda p: p.get_or_add_pPr(),
}


def _xml(element) -> bytes:  # noqa: ANN001
    return etree.tostring(element)


def _both(xml: str):  # noqa: ANN202 - two separate copies of one element
    return parse_xml(xml), parse_xml(xml)


W = nsdecls("w")
PARAGRAPHS = [
    f"<w:p {W}/>",
    f"<w:p {W}><w:r><w:t>a</w:t></w:r></w:p>",
    f'<w:p {W}><w:pPr><w:pStyle w:val="Heading2"/></w:pPr></w:p>',
    f'<w:p {W}><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr><w:pBdr/>'
    f'<w:spacing w:line="264"/><w:jc w:val="right"/><w:rPr/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>',
    f'<w:p {W}><w:pPr><w:keepNext w:val="0"/><w:tabs/></w:pPr></w:p>',
    f'<w:p {W}><w:pPr><w:pageBreakBefore/><w:ind w:left="0"/></w:pPr></w:p>',
]


@pytest.mark.parametrize("xml", PARAGRAPHS)
@pytest.mark.parametrize("call", [
    ("keep_with_next",), ("spacer", Pt(8)), ("spacer", Pt(1)), ("spacing", ("before", "120")),
    ("align", WD_ALIGN_PARAGRAPH.CENTER), ("align", WD_ALIGN_PARAGRAPH.JUSTIFY), ("style", "ListBullet"),
    ("style", None), ("text_run", " lead and tail ", True, False, 8.5), ("text_run", "a\tb\nc\rd", False, True, None),
    ("text_run", "\t", True, True, 8), ("text_run", "", False, False, None), ("plain_run", "\n"),
    ("plain_run", "\t"), ("plain_run", "1. "), ("properties",),
])
def test_paragraph_builders_make_what_the_api_makes(xml: str, call: tuple) -> None:
    fast, reference = _both(xml)
    name, *args = call
    getattr(docx_xml, name)(fast, *args)
    REFERENCE[name](reference, *args)
    assert _xml(fast) == _xml(reference)
    assert docx_xml.keeps_with_next(fast) == _ref_keeps_with_next(reference)


@pytest.mark.parametrize("xml", [
    f"<w:r {W}><w:t>a</w:t></w:r>",
    f"<w:r {W}/>",
    f'<w:r {W}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>',
    f'<w:r {W}><w:rPr><w:rFonts w:ascii="Calibri"/><w:b w:val="0"/><w:color w:val="333333"/>'
    f'<w:sz w:val="16"/><w:vertAlign w:val="superscript"/></w:rPr><w:t>b</w:t></w:r>',
    f"<w:r {W}><w:rPr><w:b/><w:i/></w:rPr><w:t>c</w:t></w:r>",
])
@pytest.mark.parametrize("bold, italic, size", [(False, False, None), (True, False, None), (False, True, 8),
                                                (True, True, 8.5), (False, False, 9.5)])
def test_run_properties_as_the_api_sets_them(xml: str, bold: bool, italic: bool, size: float | None) -> None:
    fast, reference = _both(xml)
    docx_xml.format_run(fast, bold, italic, size)
    _ref_format_run(reference, bold, italic, size)
    assert _xml(fast) == _xml(reference)


@pytest.mark.parametrize("xml", [
    f'<w:tr {W}><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="100"/></w:tcPr><w:p/></w:tc></w:tr>',
    f'<w:tr {W}><w:trPr><w:trHeight w:val="400"/></w:trPr><w:tc><w:p/></w:tc></w:tr>',
    f'<w:tr {W}><w:tblPrEx/><w:tc><w:tcPr><w:tcW w:type="auto" w:w="0"/></w:tcPr><w:p/><w:p/></w:tc></w:tr>',
    f'<w:tr {W}><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:p><w:r/></w:p></w:tc></w:tr>',
    f'<w:tr {W}><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1"/></w:tcPr><w:p><w:hyperlink/></w:p></w:tc></w:tr>',
])
def test_row_and_cell_builders_make_what_the_api_makes(xml: str) -> None:
    fast, reference = _both(xml)
    docx_xml.cant_split(fast)
    _ref_cant_split(reference)
    assert _xml(fast) == _xml(reference)
    for fast_tc, reference_tc in zip(fast.findall(qn("w:tc")), reference.findall(qn("w:tc")), strict=True):
        fast_first, reference_first = docx_xml.first_unused(fast_tc), _ref_first_unused(reference_tc)
        assert (fast_first is None) == (reference_first is None)
        if fast_tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}") is not None:
            assert docx_xml.set_width(fast_tc, Pt(55.3))
            _ref_set_width(reference_tc, Pt(55.3))
        docx_xml.add_paragraph(fast_tc)
        reference_tc.add_p()
    assert _xml(fast) == _xml(reference)


@pytest.mark.parametrize("tag", ["w:numPr", "w:ind", "w:pBdr", "w:keepNext", "w:jc", "w:pStyle"])
def test_ordered_insertion_as_the_api_inserts(tag: str) -> None:
    fast, reference = _both(PARAGRAPHS[3])
    docx_xml.insert_ordered(fast[0], OxmlElement(tag), docx_xml.PPR_ORDER)
    _ref_insert_ordered(reference[0], OxmlElement(tag), docx_xml.PPR_ORDER)
    assert _xml(fast) == _xml(reference)


# --- whole documents: the builders against the reference path -----------------------------------------------

FRAGMENT = (
    '<html><head><meta name="author" content="Parauga novada Sociālais dienests"></head><body><main>'
    "<header><p>Parauga novada Sociālais dienests</p></header><h1>Lēmums</h1>"
    '<h2><span class="nr" data-level="0">1.</span> Vispārīgi</h2>'
    '<p class="clause"><span class="nr" data-level="1">1.1.</span> Punkts ar <strong>treknu</strong> un '
    '<em>slīprakstu</em>, skat. <span class="ref">1.2.</span></p>'
    '<p class="clause"><span class="nr" data-level="1">1.2.</span> Summa ______¹ un vēlreiz ______¹.</p>'
    '<p class="note">¹ Ieraksta summu no matricas.</p>'
    "<ul><li>pirmais <ul><li>ielikts</li></ul></li><li>otrais<br>rinda</li></ul>"
    "<ol><li>viens</li><li>divi</li></ol>"
    '<p class="lead">Tabula:</p>'
    '<table class="grid small"><thead><tr><th colspan="2">Virsraksts pāri</th><th>C</th></tr>'
    '<tr><th data-w="50">A</th><th data-w="25">B</th><th data-w="25">C</th></tr></thead>'
    '<tbody><tr><td colspan="2">apvienota</td><td class="num">1,00</td></tr>'
    "<tr><td>a</td><td>b</td><td class='num'>2,00</td></tr>"
    "<tr class='total'><td colspan='2'>Kopā</td><td class='num'>3,00</td></tr></tbody></table>"
    '<table class="grid whole"><tr><th>Mēnesis</th><th>Summa</th></tr>'
    '<tr class="blank"><td></td><td></td></tr><tr class="blank"><td></td><td></td></tr></table>'
    '<div class="page-break"></div>'
    '<p class="field"><span class="label">Vārds:</span> <span class="line"></span></p>'
    '<div class="writing-area"><p>Fakti:</p><p class="ruled"></p><p class="ruled"></p></div>'
    '<div class="keep"><p>Noslēgums.</p><table class="plain"><tr><td><p class="field">Paraksts'
    '<span class="line"></span></p><p class="field">Datums<span class="line"></span></p></td>'
    "<td><p>Atšifrējums</p><table class='grid'><tr><td>ielikta</td></tr></table></td></tr></table></div>"
    '<p class="preparer">Sagatavotājam: aizpilda pirms parakstīšanas.</p>'
    '<table class="grid keep-tail"><tr><td>x</td></tr><tr><td>y</td></tr><tr><td>z</td></tr></table>'
    "</main></body></html>"
)


def _document_xml(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _write_both(monkeypatch: pytest.MonkeyPatch, write) -> tuple[bytes, bytes]:  # noqa: ANN001
    fast = write()
    with monkeypatch.context() as patch:
        for name, reference in REFERENCE.items():
            patch.setattr(docx_xml, name, reference)
        reference_bytes = write()
    return fast, reference_bytes


@pytest.mark.parametrize("mark, landscape", [(None, False), ("MELNRAKSTS", True),
                                             ("MELNRAKSTS · ARHĪVA KOPIJA", False)])
def test_a_fragment_with_every_feature_is_written_as_by_the_api(monkeypatch: pytest.MonkeyPatch,
                                                                mark: str | None, landscape: bool) -> None:
    fast, reference = _write_both(monkeypatch, lambda: docx_writer.html_to_docx(
        FRAGMENT, "Lēmums", "2023-04-01+12ef49f0", dt.date(2020, 1, 1), landscape=landscape, mark=mark))
    members = _document_xml(fast)
    body = members["word/document.xml"]
    for feature in (b"<w:keepNext/>", b"<w:cantSplit/>", b"<w:tblHeader/>", b'w:gridSpan w:val="2"',
                    b"NOTEREF _RefNote1", b"<w:footnoteReference", b'<w:numId w:val="90"/>', b"<w:tab/>",
                    b"<w:br/>", b'<w:pageBreakBefore/>', b'<w:sz w:val="17"/>', b"<w:b/>", b"<w:i/>"):
        assert feature in body, feature  # the fragment exercises it
    assert members == _document_xml(reference)


def test_municipal_documents_are_written_as_by_the_api(monkeypatch: pytest.MonkeyPatch,
                                                       catalogue: Catalogue) -> None:
    documents = render_municipality(catalogue, catalogue.pilot_municipalities()[0])
    # the documents with the most table rows and with footnotes: where the builders do most of the work
    chosen = sorted(documents, key=lambda d: d.html.count("<tr"))[-2:]
    chosen += [d for d in documents if "note" in d.html and "¹" in d.html][:1]
    assert len(chosen) == 3
    for document in chosen:
        fast, reference = _write_both(monkeypatch, lambda d=document: docx_writer.html_to_docx(
            d.html, d.spec.title, d.version, d.created, landscape="A4 landscape" in d.html, mark="MELNRAKSTS"))
        assert fast == reference, document.spec.id


def test_documents_leave_the_shared_styles_as_they_were_made() -> None:
    docx_writer.html_to_docx(FRAGMENT, "Lēmums", "2023-04-01+12ef49f0", dt.date(2020, 1, 1), mark="MELNRAKSTS")
    prepared = docx_setup._PREPARED[0]
    styles = prepared.styles.element
    assert docx_package.SHARED_STYLES[id(styles)] == prepared.part.part_related_by(
        RELATIONSHIP_TYPE.STYLES).blob
    written = _document_xml(docx_writer.html_to_docx(FRAGMENT, "Lēmums", "2023-04-01+12ef49f0",
                                                     dt.date(2020, 1, 1)))
    assert written["word/styles.xml"] == docx_package.SHARED_STYLES[id(styles)]
