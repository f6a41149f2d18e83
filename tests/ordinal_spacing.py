"""Ordinals with a space (D27): "19. pielikums", "6.3. tabula", "2. posms", never "19.pielikums".

The scanners read what a person sees in a generated output – the text of an HTML page, of a DOCX or of a
workbook (cell strings, formulas' text, validation messages, headers and footers, properties) – and report
every digit followed by a full stop and a lowercase Latvian letter, with the place it was found. A file name
("3.1.3.html", "v1.xlsx") and a dotted field path of a message ("values.0.value") are not ordinals.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.etree import ElementTree

from tests.htmltext import SHOWN_ATTRIBUTES

GLUED = re.compile(r"\d\.[a-zāčēģīķļņšūž]")
_SEPARATORS = frozenset(" \t\r\n\xa0\"'«»„”“()[]<>,;:!?`")  # ` delimits a Markdown code span
EXTENSIONS = ("html", "htm", "md", "xlsx", "docx", "pdf", "csv", "json", "yaml", "yml", "txt", "zip", "7z",
              "py", "js", "css", "png", "svg", "sqlite")
FILE_NAME = re.compile(rf"^[\w.+/-]*\.(?:{'|'.join(EXTENSIONS)})(?:[#?]\S*)?$")
FIELD_PATH = re.compile(r"^[a-z_]\w*(?:\.\w+)+$")
# Office XML elements whose text is one piece split into runs: a DOCX or drawing paragraph, a workbook string.
TEXT_CONTAINERS = frozenset({"p", "si", "is"})


def glued_ordinals(text: str) -> list[str]:
    """Each ordinal without its space in ``text``, with some context around it."""
    found = []
    for match in GLUED.finditer(text):
        start, end = match.start(), match.end()
        while start > 0 and text[start - 1] not in _SEPARATORS:
            start -= 1
        while end < len(text) and text[end] not in _SEPARATORS:
            end += 1
        token = text[start:end].rstrip(".")
        if FILE_NAME.match(token) or FIELD_PATH.match(token):
            continue
        found.append(text[max(0, match.start() - 30):match.end() + 30].replace("\n", " "))
    return found


def report(places: Iterable[tuple[str, str]]) -> list[str]:
    """'place: …context…' for every glued ordinal of the (place, text) pairs."""
    return [f"{place}: …{hit}…" for place, text in places for hit in glued_ordinals(text)]


def xml_texts(data: bytes) -> Iterator[str]:
    """Every text of an Office XML part – a paragraph's or a string's runs joined – and the attributes a
    reader sees."""
    def walk(element: ElementTree.Element) -> Iterator[str]:
        yield from (value for name, value in element.attrib.items() if name.rsplit("}", 1)[-1] in SHOWN_ATTRIBUTES)
        if element.tag.rsplit("}", 1)[-1] in TEXT_CONTAINERS:
            yield "".join(element.itertext())
            return
        if element.text:
            yield element.text
        for child in element:
            yield from walk(child)

    yield from walk(ElementTree.fromstring(data))


def office_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(file/part, text) of every XML part of a DOCX or XLSX: document, sheets, shared strings, headers,
    footers, comments and properties."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                yield from ((f"{path.name}/{name}", text) for text in xml_texts(archive.read(name)))
