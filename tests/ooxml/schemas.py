"""Every XML part of an OOXML package validated with lxml against the ECMA-376 transitional schemas.

Excel and Word "repair" a file (and may drop print areas, validations or defined names while doing it) when
a part breaks its schema. Before validating, a part is pre-processed as ECMA-376 Part 3 (Markup
Compatibility) tells a consumer that knows only the base schemas to do: elements and attributes in a
namespace listed in ``mc:Ignorable`` are dropped, and ``mc:AlternateContent`` is replaced by its
``mc:Fallback``. The Open XML SDK's validator does the same.

Each schema set is compiled once per process (``functools.cache``): compiling sml.xsd with its imports takes
about a second, validating a worksheet a few milliseconds.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "data" / "ooxml-schemas"

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
WML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# The namespace of a part's root element → the schema that defines it.
SCHEMA_OF_ROOT = {
    SML: "sml.xsd",
    WML: "wml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
    CT: "opc-contentTypes.xsd",
    REL: "opc-relationships.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
        "shared-documentPropertiesExtended.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties":
        "shared-documentPropertiesCustom.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/customXml": "shared-customXmlDataProperties.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/bibliography": "shared-bibliography.xsd",
}
# Namespaces that the vendored schemas define: a consumer "understands" these; anything else is ignorable
# only when a part says so (mc:Ignorable), which the pre-processing honours.
UNDERSTOOD = {*SCHEMA_OF_ROOT, MC,
              "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
              "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
              "http://schemas.openxmlformats.org/officeDocument/2006/math",
              "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
              "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
              "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
              "http://schemas.openxmlformats.org/drawingml/2006/picture",
              "http://www.w3.org/XML/1998/namespace"}


@functools.cache
def schema(file_name: str) -> etree.XMLSchema:
    """The compiled schema, its imports resolved from the same folder (never from the network). wml.xsd
    imports the XML namespace without a location: a small driver schema imports W3C's xml.xsd first."""
    target = etree.parse(str(SCHEMA_DIR / file_name)).getroot().get("targetNamespace")
    driver = (f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
              f'<xsd:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>'
              f'<xsd:import namespace="{target}" schemaLocation="{file_name}"/></xsd:schema>')
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    doc = etree.fromstring(driver.encode(), parser, base_url=(SCHEMA_DIR / "driver.xsd").as_uri())
    return etree.XMLSchema(etree.ElementTree(doc))


def without_ignorable(root: etree._Element) -> etree._Element:
    """A copy of ``root`` as a consumer of the base schemas sees it (Markup Compatibility, ECMA-376 Part 3)."""
    root = etree.fromstring(etree.tostring(root))
    for alt in list(root.iter(f"{{{MC}}}AlternateContent")):
        fallback = alt.find(f"{{{MC}}}Fallback")
        parent = alt.getparent()
        index = parent.index(alt)
        parent.remove(alt)
        if fallback is not None:
            for offset, child in enumerate(list(fallback)):
                parent.insert(index + offset, child)
    ignorable: set[str] = set()
    for el in root.iter():
        prefixes = el.get(f"{{{MC}}}Ignorable")
        if prefixes:
            ignorable |= {el.nsmap.get(p) for p in prefixes.split() if el.nsmap.get(p)}
    ignorable -= UNDERSTOOD
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if etree.QName(el).namespace in ignorable and el.getparent() is not None:
            el.getparent().remove(el)
            continue
        for name in list(el.attrib):
            ns = etree.QName(name).namespace
            if ns in ignorable or ns == MC:
                del el.attrib[name]
    return root


@dataclass
class PackageReport:
    """What one package's check found: ``problems`` make Excel or Word repair the file; ``unchecked``
    lists the XML parts that no vendored schema covers (they are still parsed and checked otherwise)."""

    path: Path
    problems: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)
    validated: list[str] = field(default_factory=list)


def validate_part(name: str, data: bytes) -> tuple[list[str], bool]:
    """Schema errors of one XML part (``name`` only labels them) and whether a schema covered it."""
    errors, covered = _validate_bytes(hashlib.sha256(data).digest(), data)
    return [f"{name}:{e}" for e in errors], covered


_SEEN: dict[bytes, tuple[list[str], bool]] = {}


def _validate_bytes(digest: bytes, data: bytes) -> tuple[list[str], bool]:
    """The errors of a part's content, each "line: message"; a content already validated in this process
    is not validated again (every DOCX carries the same 350–440 kB styles parts of python-docx's template)."""
    if digest not in _SEEN:
        _SEEN[digest] = _validate(data)
    return _SEEN[digest]


def _validate(data: bytes) -> tuple[list[str], bool]:
    try:
        root = etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        return [f" nav korekts XML: {exc}"], True
    file_name = SCHEMA_OF_ROOT.get(etree.QName(root).namespace or "")
    if file_name is None:
        return [], False
    xsd = schema(file_name)
    if xsd.validate(without_ignorable(root)):
        return [], True
    return [f"{e.line}: {e.message}" for e in xsd.error_log][:20], True


def _content_types(zf: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    root = etree.fromstring(zf.read("[Content_Types].xml"))
    defaults = {d.get("Extension").lower(): d.get("ContentType") for d in root.iter(f"{{{CT}}}Default")}
    overrides = {o.get("PartName"): o.get("ContentType") for o in root.iter(f"{{{CT}}}Override")}
    return defaults, overrides


def _package_problems(zf: zipfile.ZipFile) -> list[str]:
    """Open Packaging Conventions (ECMA-376 Part 2): every part has a content type, every internal
    relationship points at a part that exists, relationship ids are unique within their part."""
    names = [n for n in zf.namelist() if not n.endswith("/")]
    if "[Content_Types].xml" not in names:
        return ["[Content_Types].xml: nav"]
    problems = []
    defaults, overrides = _content_types(zf)
    present = set(names)
    for part in names:
        if part == "[Content_Types].xml":
            continue
        ext = part.rsplit(".", 1)[-1].lower() if "." in part else ""
        if f"/{part}" not in overrides and ext not in defaults:
            problems.append(f"{part}: daļai nav satura tipa ([Content_Types].xml)")
    for part_name in overrides:
        if part_name.lstrip("/") not in present:
            problems.append(f"[Content_Types].xml: Override uz neesošu daļu {part_name}")
    for rels in (n for n in names if n.endswith(".rels")):
        source_dir = posixpath.dirname(posixpath.dirname(rels))
        seen: set[str] = set()
        for rel in etree.fromstring(zf.read(rels)).iter(f"{{{REL}}}Relationship"):
            rid = rel.get("Id")
            if rid in seen:
                problems.append(f"{rels}: atkārtots Id {rid}")
            seen.add(rid)
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            resolved = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(source_dir, target))
            if resolved not in present:
                problems.append(f"{rels}: {rid} norāda uz neesošu daļu {resolved}")
    return problems


def _core_problems(data: bytes) -> list[str]:
    """docProps/core.xml: the Dublin Core schemas it imports are not vendored, so the rules Excel and Word
    enforce on it are checked here: dcterms:created/modified carry xsi:type="dcterms:W3CDTF" and a
    W3CDTF date-time (ECMA-376 Part 2, §11.1: other forms make Office report the file as corrupt)."""
    root = etree.fromstring(data)
    problems = []
    if etree.QName(root).namespace != CORE:
        problems.append("docProps/core.xml: saknes elements nav cp:coreProperties")
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    for tag in ("created", "modified"):
        for el in root.iter(f"{{http://purl.org/dc/terms/}}{tag}"):
            if el.get(f"{{{xsi}}}type") != "dcterms:W3CDTF":
                problems.append(f"docProps/core.xml: dcterms:{tag} bez xsi:type=\"dcterms:W3CDTF\"")
            if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", el.text or ""):
                problems.append(f"docProps/core.xml: dcterms:{tag} nav W3CDTF datums un laiks: {el.text!r}")
    return problems


def check_package(path: Path) -> PackageReport:
    """Schema-validate every XML part of ``path`` and check the package structure."""
    report = PackageReport(path)
    with zipfile.ZipFile(path) as zf:
        report.problems += _package_problems(zf)
        for name in zf.namelist():
            if not (name.endswith(".xml") or name.endswith(".rels")):
                continue
            data = zf.read(name)
            if name == "docProps/core.xml":
                report.problems += _core_problems(data)
                report.unchecked.append(name)
                continue
            problems, covered = validate_part(name, data)
            report.problems += problems
            (report.validated if covered else report.unchecked).append(name)
    return report
