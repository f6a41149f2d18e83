"""Markdown extension (mkdocs.yml `markdown_extensions`): every Markdown data table gets a caption a screen reader
announces, hidden on screen (audit30 F16). The caption is the title of the section the table stands in: the text of
the last heading before it, or the summary of the collapsible block that holds it (a municipality's downloads).
Tables written as HTML (the catalogue index, the examples' variants) keep their own visible captions."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
HIDDEN = "ibm-tikai-lasitajam"


def _text(el: etree.Element) -> str:
    return " ".join("".join(el.itertext()).replace("¶", "").split())


class TableCaptionTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        heading = ""
        for el in list(root.iter()):
            if el.tag in HEADINGS:
                heading = _text(el)
            elif el.tag == "table" and el.find("caption") is None:
                title = self._summary(parents, el) or heading
                if title:
                    caption = etree.Element("caption", {"class": HIDDEN})
                    caption.text = title
                    el.insert(0, caption)

    @staticmethod
    def _summary(parents: dict, el: etree.Element) -> str:
        node = parents.get(el)
        while node is not None:
            if node.tag == "details":
                summary = node.find("summary")
                return _text(summary) if summary is not None else ""
            node = parents.get(node)
        return ""


class TableCaptionExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(TableCaptionTreeprocessor(md), "table_captions", 6.5)


def makeExtension(**kwargs) -> TableCaptionExtension:  # noqa: N802 (Python-Markdown's entry point)
    return TableCaptionExtension(**kwargs)
