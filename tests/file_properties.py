"""The properties a generated xlsx or docx names (D52), read from the package for tests."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree


def ooxml_properties(path: Path) -> dict[str, str]:
    """title, subject, creator, lastModifiedBy, … (docProps/core.xml) and Company (docProps/app.xml)."""
    with zipfile.ZipFile(path) as package:
        core = ElementTree.fromstring(package.read("docProps/core.xml"))
        app = ElementTree.fromstring(package.read("docProps/app.xml"))
    found = {el.tag.rsplit("}", 1)[-1]: el.text or "" for el in core}
    found["Company"] = next((el.text or "" for el in app if el.tag.endswith("}Company")), "")
    return found
