"""Markdown extension (mkdocs.yml `markdown_extensions`): the first abbreviation of each kind on a page is
explained in the text, not only in the hover title (audit30 F4: a phone has no hover).

Runs after Python-Markdown's ``abbr`` tree processor. In document order, the first ``<abbr>`` of every
abbreviation outside a heading gets its meaning in brackets right after it: „smagu FT (funkcionālie
traucējumi) dēļ” (in square brackets when it already stands inside round ones). The meaning is written in the nominative as a gloss, so the sentence keeps its grammar. An
abbreviation the text already explains counts as explained and gets nothing: one written in brackets after
its term („funkcionālie traucējumi (FT)”, in any case form) or followed by its own bracket („IB (…)”). The meaning is the
abbreviation list's text (catalogue/metodika/saisinajumi.md) up to its first „ – ” or bracket.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Never glossed: the unit after every amount („1 234,56 EUR”) needs no explanation.
NOT_GLOSSED = {"EUR"}


def abbreviation_list(path: Path) -> dict[str, str]:
    """The abbreviations of catalogue/metodika/saisinajumi.md („*[FT]: funkcionālie traucējumi”) by abbreviation."""
    if not path.is_file():
        return {}
    found = re.findall(r"^\*\[([^\]]+)\]: *(.+?) *$", path.read_text(encoding="utf-8"), re.M)
    return {abbr: meaning for abbr, meaning in found if abbr not in NOT_GLOSSED}


def explain_in_html(text: str, abbreviations: dict[str, str], explained: set[str]) -> str:
    """``text`` as HTML with its abbreviations in ``<abbr>``, the first of each kind (not yet in ``explained``)
    followed by its meaning: for the pages' own HTML tables, which Python-Markdown does not read."""
    if not abbreviations:
        return html.escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True)) + r")\b")
    parts, last = [], 0
    for m in pattern.finditer(text):
        abbr, title = m.group(1), abbreviations[m.group(1)]
        parts.append(html.escape(text[last:m.start()]))
        parts.append(f'<abbr title="{html.escape(title)}">{html.escape(abbr)}</abbr>')
        if abbr not in explained:
            explained.add(abbr)
            parts.append(f" ({html.escape(short_meaning(title))})")
        last = m.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def short_meaning(title: str) -> str:
    """The list's explanation up to its first dash or bracket: „deinstitucionalizācija – pāreja …” → the word."""
    for stop in (" – ", " ("):
        title = title.split(stop, 1)[0]
    return title.strip()


BLOCKS = {"p", "li", "td", "th", "dd", "dt", "caption", "div", "blockquote"}


def _block_text_before(parents: dict, el: etree.Element) -> str:
    """The text of the nearest block (paragraph, list item, table cell) that comes before ``el``."""
    block = parents.get(el)
    while block is not None and block.tag not in BLOCKS and parents.get(block) is not None:
        block = parents[block]
    if block is None:
        return ""
    parts: list[str] = []

    def walk(node: etree.Element) -> bool:
        if node is el:
            return True
        parts.append(node.text or "")
        for child in node:
            if walk(child):
                return True
            parts.append(child.tail or "")
        return False

    walk(block)
    return "".join(parts)


def _in_brackets(parents: dict, el: etree.Element) -> bool:
    before = _block_text_before(parents, el)
    return before.count("(") > before.count(")")


def _text_before(parents: dict, el: etree.Element) -> str:
    """The text right before ``el`` inside its parent (the previous sibling's tail or the parent's text)."""
    parent = parents.get(el)
    if parent is None:
        return ""
    index = list(parent).index(el)
    return (parent[index - 1].tail if index else parent.text) or ""


def _written_before(before: str, tail: str, title: str) -> bool:
    """„funkcionāliem traucējumiem (FT)”: the abbreviation in brackets right after its term (in any case form: the
    first word's stem is enough); „Surdotulks izglītībai (LNS)” is not."""
    if not (before.endswith("(") and tail.startswith(")")):
        return False
    words = short_meaning(title).lower().split()
    return bool(words) and words[0][:5] in before[-80:].lower()


class FirstAbbreviationTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        explained: set[str] = set()
        for el in list(root.iter()):
            if el.tag != "abbr" or not el.text or el.text in explained or el.text in NOT_GLOSSED:
                continue
            if self._in_heading(parents, el):
                continue
            explained.add(el.text)
            tail = el.tail or ""
            before = _text_before(parents, el).rstrip()
            if _written_before(before, tail, el.get("title", "")) or tail.startswith(" ("):
                continue  # the text explains it already
            meaning = short_meaning(el.get("title", ""))
            if meaning:
                # inside brackets the gloss takes square ones: „(… SD [sociālais dienests])”
                el.tail = (f" [{meaning}]" if _in_brackets(parents, el) else f" ({meaning})") + tail

    @staticmethod
    def _in_heading(parents: dict, el: etree.Element) -> bool:
        node = parents.get(el)
        while node is not None:
            if node.tag in HEADINGS:
                return True
            node = parents.get(node)
        return False


class FirstAbbreviationExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(FirstAbbreviationTreeprocessor(md), "abbr_first", 6)


def makeExtension(**kwargs) -> FirstAbbreviationExtension:  # noqa: N802 (Python-Markdown's entry point)
    return FirstAbbreviationExtension(**kwargs)
