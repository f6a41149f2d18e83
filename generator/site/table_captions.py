"""Markdown extension (mkdocs.yml `markdown_extensions`): every Markdown data table gets a caption a screen reader
announces, hidden on screen (audit30 F16). The caption is the title of the section the table stands in: the text of
the last heading before it, or the summary of the collapsible block that holds it (a municipality's downloads).
Tables written as HTML keep their own captions: the examples' variants a visible one, the catalogue index one
that repeats its area's heading, hidden the same way.

A table inside ``<div class="ibm-kartites" markdown>`` also gets every cell's column name (``data-label``), so that
on a phone ibm.css shows each row as a card of „column: value” lines instead of a table wider than the screen."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
HIDDEN = "ibm-tikai-lasitajam"
CARDS = "ibm-kartites"  # a block whose tables a phone shows as one card a row


def _text(el: etree.Element) -> str:
    return " ".join("".join(el.itertext()).replace("¶", "").split())


class TableCaptionTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        heading = ""
        for el in list(root.iter()):
            if el.tag in HEADINGS:
                heading = _text(el)
            elif el.tag == "table":
                if el.find("caption") is None:
                    title = self._summary(parents, el) or heading
                    if title:
                        caption = etree.Element("caption", {"class": HIDDEN})
                        caption.text = title
                        el.insert(0, caption)
                if self._in_cards(parents, el):
                    self._label_cells(el)

    @staticmethod
    def _in_cards(parents: dict, el: etree.Element) -> bool:
        node = parents.get(el)
        while node is not None:
            if node.tag == "div" and CARDS in (node.get("class") or "").split():
                return True
            node = parents.get(node)
        return False

    @staticmethod
    def _label_cells(table: etree.Element) -> None:
        """Each cell names its column (``data-label``): on a phone ibm.css shows the rows as cards (audit30 F7)."""
        header = [_text(th) for th in table.iter("th")]
        for row in table.iter("tr"):
            for cell, name in zip(row.findall("td"), header, strict=False):
                cell.set("data-label", name)

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
