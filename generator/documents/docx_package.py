"""The DOCX package around the writer's document: python-docx's template cleaned of its Word leftovers and unused
styles, the settings in schema order, the footnotes part, every font pinned to the PDF's, and reproducible zip bytes
(fixed timestamps, no thumbnail, this toolkit's application properties, the shared styles deflated once)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from generator.documents.docx_format import (
    APPLICATION,
    AUTHOR,
    FONT,
    FOOTNOTE_MARK_STYLE,
    FOOTNOTE_STYLE,
    PREPARER_STYLE,
)

# The prepared styles part's w:styles (its fonts pinned as pin_font pins them) and its bytes: no document changes its
# styles, so every document shares that element and writes those bytes; copying, pinning and serialising the
# template's 350 kB of styles (22 kB since the unused ones are left out) for each document was a fifth of its DOCX
# time (docs/benchmarks.md, docxspeed).
SHARED_STYLES: dict[int, bytes] = {}


# the last elements of w:settings in schema order, from the first the writer adds (ECMA-376 CT_Settings)
_SETTINGS_TAIL = ("w:updateFields", "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars",
                  "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
                  "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                  "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
                  "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")


def add_setting(settings, element) -> None:  # noqa: ANN001 - lxml w:settings and the element to add
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


def prune_styles(document) -> None:  # noqa: ANN001 - docx.document.Document
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


def clean_template(document) -> None:  # noqa: ANN001 - docx.document.Document
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
    add_setting(settings, update)
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


_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    '</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)


def footnotes_part(document, footnotes: list) -> None:  # noqa: ANN001 - docx.document.Document
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
    add_setting(settings, properties)


_THUMBNAIL_REL = re.compile(rb'<Relationship [^>]*Target="docProps/thumbnail.jpeg"/>')
_JPEG_TYPE = re.compile(rb'<Default [^>]*Extension="jpeg"[^>]*/>')


_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def pin_font(document) -> None:  # noqa: ANN001 - docx.document.Document
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
        if root is not None and id(root) not in SHARED_STYLES:  # the shared styles are pinned once
            pin_part_fonts(root)


def pin_part_fonts(root) -> None:  # noqa: ANN001 - the root element of an XML part
    """pin_font in one part."""
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


def package_members(document) -> list[tuple[str, bytes]]:  # noqa: ANN001 - docx.document.Document
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
        shared = SHARED_STYLES.get(id(root)) if root is not None else None
        members.write(part.partname, shared if shared is not None else part.blob)
        if len(part.rels):
            members.write(part.partname.rels_uri, part.rels.xml)
    return members.items


def reproducible_zip(members: list[tuple[str, bytes]], created: dt.date, company: str = AUTHOR) -> bytes:
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
            if any(content is shared for shared in SHARED_STYLES.values()):
                write_shared(target, info, content)
            else:
                target.writestr(info, content)
    return target_buffer.getvalue()


# The shared styles' bytes (SHARED_STYLES) as zipfile deflates them, by the id of those bytes (kept alive there):
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


def write_shared(target: zipfile.ZipFile, info: zipfile.ZipInfo, content: bytes) -> None:
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
